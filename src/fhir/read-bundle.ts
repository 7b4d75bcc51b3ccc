import { describeThrown, describeValue } from "../_lib/errors.js";
import type { FhirImportIssue } from "./import-types.js";
import { describeJson, type Entry, entryLabel, ImportContext } from "./read-context.js";
import { copyJson, isObject, UNREADABLE } from "./read-json.js";

// The Bundle itself: its type and its entries, each indexed by fullUrl and by type and id for references.

/** Bundles with more entries are refused before any is read. */
export const MAX_ENTRIES = 100_000;

const BUNDLE_TYPES = ["collection", "transaction", "batch", "searchset"];

/** The resource types the mapping reads. */
export const READ_TYPES = ["Patient", "Practitioner", "Group", "CareTeam", "Appointment", "Encounter", "Consent"];

/** The Bundle's entries in a context, with the issues of copying it; or only issues when it is no Bundle to read. */
export function readBundle(
  bundle: unknown,
): { context: ImportContext; copyIssues: FhirImportIssue[] } | FhirImportIssue[] {
  if (typeof bundle !== "object" || bundle === null) {
    return [
      {
        code: "not-a-bundle",
        severity: "error",
        path: [],
        message: `Bundle: the value is ${describeValue(bundle)}; fromFhirBundle reads a FHIR R4 Bundle, an object with "resourceType": "Bundle".`,
      },
    ];
  }
  const count = entryCount(bundle);
  if (typeof count === "string") {
    return [{ code: "invalid-value", severity: "error", path: ["entry"], message: `Bundle: ${count}` }];
  }
  const copyIssues: FhirImportIssue[] = [];
  const copy = copyJson(bundle, [], copyIssues);
  if (copy === UNREADABLE) return copyIssues;
  if (!isObject(copy)) {
    return [
      {
        code: "not-a-bundle",
        severity: "error",
        path: [],
        message: `Bundle: the value is ${describeJson(copy)}; fromFhirBundle reads a FHIR R4 Bundle, an object with "resourceType": "Bundle".`,
      },
    ];
  }
  if (copy["resourceType"] !== "Bundle") {
    if (copy["resourceType"] === UNREADABLE) return copyIssues;
    return [
      ...copyIssues,
      {
        code: "not-a-bundle",
        severity: "error",
        path: ["resourceType"],
        message: `Bundle: resourceType is ${describeJson(copy["resourceType"])}; fromFhirBundle reads a FHIR R4 Bundle ("resourceType": "Bundle").`,
      },
    ];
  }
  if (typeof copy["type"] !== "string" || !BUNDLE_TYPES.includes(copy["type"])) {
    if (copy["type"] === UNREADABLE) return copyIssues;
    return [
      ...copyIssues,
      {
        code: "unsupported-bundle-type",
        severity: "error",
        path: ["type"],
        message: `Bundle: type is ${describeJson(copy["type"])}; a group record is read from a Bundle of type ${BUNDLE_TYPES.join(", ")}.`,
      },
    ];
  }
  const context = new ImportContext();
  const entries = copy["entry"];
  if (entries !== undefined && entries !== UNREADABLE && !Array.isArray(entries)) {
    context.error(undefined, "invalid-value", ["entry"], `Bundle.entry must be a list; got ${describeJson(entries)}.`);
  }
  if (Array.isArray(entries))
    for (let index = 0; index < entries.length; index++) readEntry(context, entries[index], index);
  return { context, copyIssues };
}

/** How many entries the Bundle has, read without copying them, or why it cannot be told or is too many. */
function entryCount(bundle: object): number | string {
  try {
    const entries: unknown = (bundle as { entry?: unknown }).entry;
    if (!Array.isArray(entries)) return 0;
    const length: unknown = entries.length;
    if (typeof length === "number" && length > MAX_ENTRIES) {
      return `Bundle.entry has ${length} entries, more than the ${MAX_ENTRIES} a Bundle may have here; send the group in smaller Bundles.`;
    }
    return typeof length === "number" ? length : 0;
  } catch (thrown) {
    return `Bundle.entry could not be read (reading it threw ${describeThrown(thrown)}); pass plain JSON.`;
  }
}

function readEntry(context: ImportContext, item: unknown, index: number): void {
  const path = ["entry", index];
  if (item === UNREADABLE) return;
  if (!isObject(item as never)) {
    context.error(
      undefined,
      "invalid-value",
      path,
      `entry ${index} must be an object with a resource; got ${describeJson(item as never)}.`,
    );
    return;
  }
  const entry = item as Record<string, unknown>;
  const resource = entry["resource"];
  const fullUrl = typeof entry["fullUrl"] === "string" ? entry["fullUrl"] : undefined;
  if (entry["fullUrl"] !== undefined && entry["fullUrl"] !== UNREADABLE && fullUrl === undefined) {
    context.error(
      undefined,
      "invalid-value",
      [...path, "fullUrl"],
      `entry ${index}'s fullUrl must be a URI; got ${describeJson(entry["fullUrl"] as never)}.`,
    );
  }
  if (resource === UNREADABLE) return;
  if (resource === undefined || resource === null) {
    const request = entry["request"];
    const method = isObject(request as never) ? (request as Record<string, unknown>)["method"] : undefined;
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
  if (!isObject(resource as never)) {
    context.error(
      undefined,
      "invalid-value",
      [...path, "resource"],
      `entry ${index}'s resource must be an object; got ${describeJson(resource as never)}.`,
    );
    return;
  }
  const fields = resource as Entry["resource"];
  const resourceType = fields["resourceType"];
  if (typeof resourceType !== "string") {
    if (resourceType !== UNREADABLE) {
      context.error(
        undefined,
        resourceType === undefined ? "missing-part" : "invalid-value",
        [...path, "resource", "resourceType"],
        `entry ${index}'s resource has no resourceType.`,
      );
    }
    return;
  }
  const label = entryLabel(resourceType, fullUrl, fields["id"], index);
  const read: Entry = { index, resourceType, resource: fields, fullUrl, label, path: [...path, "resource"] };
  if (!READ_TYPES.includes(resourceType)) {
    context.warning(
      read,
      "unsupported-resource",
      read.path,
      `the mapping to a group record does not read a ${resourceType}; it is left out.`,
    );
  }
  context.add(read);
}

/** The message of a copy issue, with the resource it is in named first. */
export function labelled(context: ImportContext | undefined, issue: FhirImportIssue): FhirImportIssue {
  const [first, index] = issue.path;
  const entry =
    first === "entry" && typeof index === "number" ? context?.entries.find((e) => e.index === index) : undefined;
  const where = entry?.label ?? (first === "entry" && typeof index === "number" ? `entry ${index}` : "Bundle");
  return { ...issue, message: `${where}: ${issue.message}` };
}
