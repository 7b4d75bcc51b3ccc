import { describeThrown, describeValue } from "../_lib/errors.js";
import type { IssuePath } from "../model/index.js";
import type { FhirImportIssue } from "./import-types.js";
import { BundleItself, Entry, ImportContext } from "./read-context.js";
import { codeOrKind, formatPath, isObject, type Json, JsonWalk, kindOf, withArticle } from "./read-json.js";

// The Bundle itself: its type and its entries, each walked once to make sure it is plain JSON, then indexed by
// fullUrl and by type and id for references.

/** Bundles with more entries are refused before any is read. */
export const MAX_ENTRIES = 100_000;

const BUNDLE_TYPES = ["collection", "transaction", "batch", "searchset"];

/** The resource types the mapping reads. */
export const READ_TYPES = ["Patient", "Practitioner", "Group", "CareTeam", "Appointment", "Encounter", "Consent"];

/** A field of the Bundle read once; a getter or Proxy trap that throws gives its message instead. */
type Read = { value: unknown } | { thrown: string };

function readField(owner: object, key: string): Read {
  try {
    return { value: (owner as Record<string, unknown>)[key] };
  } catch (thrown) {
    return { thrown: describeThrown(thrown) };
  }
}

function bundleIssue(code: FhirImportIssue["code"], path: IssuePath, message: string): FhirImportIssue[] {
  return [{ code, severity: "error", path, message: `Bundle: ${message}` }];
}

function unreadable(path: IssuePath, where: string, thrown: string): FhirImportIssue[] {
  return bundleIssue(
    "invalid-value",
    path,
    `${where} could not be read (reading it threw ${thrown}); pass plain JSON.`,
  );
}

/** The Bundle's entries in a context; or only issues when it is no Bundle to read. */
export function readBundle(bundle: unknown): ImportContext | FhirImportIssue[] {
  const notBundle = `fromFhirBundle reads a FHIR R4 Bundle, an object with "resourceType": "Bundle".`;
  if (typeof bundle === "string") {
    // The text is not quoted: a Bundle holds people's data, and messages go to logs.
    return bundleIssue("not-a-bundle", [], `got text; pass JSON.parse(text). ${notBundle}`);
  }
  if (typeof bundle !== "object" || bundle === null) {
    return bundleIssue("not-a-bundle", [], `the value is ${kindOf(bundle)}; ${notBundle}`);
  }
  const entries = readField(bundle, "entry");
  if ("thrown" in entries) return unreadable(["entry"], "Bundle.entry", entries.thrown);
  const count = entryCount(entries.value);
  if (typeof count === "string") return bundleIssue("invalid-value", ["entry"], count);
  let isArray: boolean;
  try {
    isArray = Array.isArray(bundle);
  } catch (thrown) {
    return unreadable([], "the Bundle", describeThrown(thrown));
  }
  if (isArray) return bundleIssue("not-a-bundle", [], `the value is a list; ${notBundle}`);
  const resourceType = readField(bundle, "resourceType");
  if ("thrown" in resourceType) return unreadable(["resourceType"], "Bundle.resourceType", resourceType.thrown);
  if (resourceType.value !== "Bundle") {
    return bundleIssue(
      "not-a-bundle",
      ["resourceType"],
      `resourceType is ${codeOrKind(resourceType.value)}; fromFhirBundle reads a FHIR R4 Bundle ("resourceType": "Bundle").`,
    );
  }
  const type = readField(bundle, "type");
  if ("thrown" in type) return unreadable(["type"], "Bundle.type", type.thrown);
  if (typeof type.value !== "string" || !BUNDLE_TYPES.includes(type.value)) {
    return bundleIssue(
      "unsupported-bundle-type",
      ["type"],
      `type is ${codeOrKind(type.value)}; a group record is read from a Bundle of type ${BUNDLE_TYPES.join(", ")}.`,
    );
  }
  const context = new ImportContext();
  const walk = new JsonWalk();
  readBundleMeta(context, walk, bundle);
  if (entries.value !== undefined && !Array.isArray(entries.value)) {
    context.error(undefined, "invalid-value", ["entry"], `Bundle.entry must be a list; got ${kindOf(entries.value)}.`);
    return context;
  }
  const list = (entries.value ?? []) as readonly unknown[];
  for (let index = 0; index < count; index++) readEntry(context, walk, list, index);
  return context;
}

/**
 * Walks `Bundle.meta` once, as an entry is walked; a plain one is kept for its security labels, which cover the whole
 * Bundle. One that is not plain JSON is reported where it fails.
 */
function readBundleMeta(context: ImportContext, walk: JsonWalk, bundle: object): void {
  const meta = readField(bundle, "meta");
  if ("thrown" in meta) {
    context.issues.push(...unreadable(["meta"], "Bundle.meta", meta.thrown));
    return;
  }
  if (meta.value === undefined) return;
  if (!walk.isPlain(meta.value, ["meta"])) {
    const problem = walk.problem as NonNullable<JsonWalk["problem"]>; // isPlain is false only with a problem
    context.issues.push(...bundleIssue("invalid-value", problem.path, problem.message));
    return;
  }
  context.bundle = new BundleItself({ meta: meta.value as Json });
}

/** How many entries `Bundle.entry` has, or why it cannot be told or is too many. */
function entryCount(entries: unknown): number | string {
  try {
    if (!Array.isArray(entries)) return 0;
    const length: unknown = entries.length;
    if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
      return "Bundle.entry is a list whose length is not a count; pass plain JSON.";
    }
    if (length > MAX_ENTRIES) {
      return `Bundle.entry has ${length} entries, more than the ${MAX_ENTRIES} a Bundle may have here; send the group in smaller Bundles.`;
    }
    return length;
  } catch (thrown) {
    return `Bundle.entry could not be read (reading it threw ${describeThrown(thrown)}); pass plain JSON.`;
  }
}

/**
 * Walks entry `index` once; a plain one is read and indexed. One that is not is reported where it fails, and still
 * indexed by its fullUrl and type when those can be read, so that references to it resolve without a second report.
 */
function readEntry(context: ImportContext, walk: JsonWalk, list: readonly unknown[], index: number): void {
  const path = ["entry", index];
  let value: unknown;
  try {
    value = list[index];
  } catch (thrown) {
    context.issues.push(...unreadable(path, `entry ${index}`, describeThrown(thrown)));
    return;
  }
  if (!walk.isPlain(value, path)) {
    const problem = walk.problem as NonNullable<JsonWalk["problem"]>; // isPlain is false only with a problem
    const found = whatCanBeRead(list, index);
    const label = found === undefined ? `entry ${index}` : new Entry(index, ...found, false).label;
    context.issues.push({
      code: "invalid-value",
      severity: "error",
      path: problem.path,
      message: `${label}: ${problem.message}`,
    });
    if (found !== undefined) context.add(new Entry(index, ...found, false));
    return;
  }
  const item = value as Json; // plain JSON: the walk found no problem
  if (!isObject(item)) {
    context.error(
      undefined,
      "invalid-value",
      path,
      `entry ${index} must be an object with a resource; got ${kindOf(item)}.`,
    );
    return;
  }
  const resource = item["resource"];
  const fullUrl = typeof item["fullUrl"] === "string" ? item["fullUrl"] : undefined;
  if (item["fullUrl"] !== undefined && fullUrl === undefined) {
    context.error(
      undefined,
      "invalid-value",
      [...path, "fullUrl"],
      `entry ${index}'s fullUrl must be a URI; got ${kindOf(item["fullUrl"])}.`,
    );
  }
  if (resource === undefined || resource === null) {
    const request = item["request"];
    const method = isObject(request) ? request["method"] : undefined;
    if (method === "DELETE" || method === "GET" || method === "HEAD") {
      context.warning(
        undefined,
        "unsupported-resource",
        path,
        `entry ${index} is a ${method} request with no resource; it adds nothing to the record.`,
      );
    } else {
      context.error(undefined, "missing-part", [...path, "resource"], `entry ${index} has no resource.`);
    }
    return;
  }
  if (!isObject(resource)) {
    context.error(
      undefined,
      "invalid-value",
      [...path, "resource"],
      `entry ${index}'s resource must be an object; got ${kindOf(resource)}.`,
    );
    return;
  }
  const resourceType = resource["resourceType"];
  if (typeof resourceType !== "string") {
    context.error(
      undefined,
      resourceType === undefined ? "missing-part" : "invalid-value",
      [...path, "resource", "resourceType"],
      `entry ${index}'s resource has no resourceType.`,
    );
    return;
  }
  const entry = new Entry(index, resourceType, resource, fullUrl, true, walk.modifierHolders.slice());
  if (!READ_TYPES.includes(resourceType)) {
    context.warning(
      entry,
      "unsupported-resource",
      entry.path,
      `the mapping to a group record does not read ${withArticle(resourceType)}; it is left out.`,
    );
  }
  context.add(entry);
}

/**
 * Reports every modifierExtension in the resources the mapping reads, at any depth: the library reads none, and a
 * modifier extension that is not understood changes the meaning of its element, which must then not be read as if it
 * were absent (FHIR R4 Extensibility, "Modifier Extensions"). The urls are quoted; the values are not.
 */
export function readModifierExtensions(context: ImportContext): void {
  for (const type of READ_TYPES) {
    for (const entry of context.ofType(type)) {
      for (const keys of entry.modifierHolders) {
        const holder = valueAt(entry.resource, keys);
        const modifiers = isObject(holder) ? holder["modifierExtension"] : undefined;
        if (modifiers !== undefined) reportModifiers(context, entry, modifiers, keys);
      }
    }
  }
}

/** The value at `keys` inside plain JSON (the walk has checked it is). */
function valueAt(root: Json, keys: readonly (string | number)[]): Json | undefined {
  let value: Json | undefined = root;
  for (const key of keys) {
    if (typeof key === "number") value = Array.isArray(value) ? value[key] : undefined;
    else value = isObject(value) ? value[key] : undefined;
  }
  return value;
}

function reportModifiers(context: ImportContext, entry: Entry, value: Json, keys: readonly (string | number)[]): void {
  const element = formatPath([entry.resourceType, ...keys]);
  const path = [...entry.path, ...keys, "modifierExtension"];
  const extensions = Array.isArray(value) ? value : [value];
  extensions.forEach((extension, index) => {
    const url = isObject(extension) ? extension["url"] : undefined;
    context.error(
      entry,
      "unsupported-extension",
      Array.isArray(value) ? [...path, index] : path,
      `${element} has the modifier extension ${typeof url === "string" ? describeValue(url) : "with no url"}, which changes its meaning and which the library does not read; the resource cannot be read without it.`,
    );
  });
}

/** The resource type and fullUrl of an entry that is not plain JSON, when they can be read at all. */
function whatCanBeRead(
  list: readonly unknown[],
  index: number,
): [resourceType: string, resource: Entry["resource"], fullUrl: string | undefined] | undefined {
  try {
    const item = list[index] as { fullUrl?: unknown; resource?: { resourceType?: unknown } } | undefined;
    const resourceType = item?.resource?.resourceType;
    const fullUrl = item?.fullUrl;
    if (typeof resourceType !== "string") return undefined;
    return [resourceType, {}, typeof fullUrl === "string" ? fullUrl : undefined];
  } catch {
    return undefined;
  }
}
