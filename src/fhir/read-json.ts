import { describeThrown, describeValue } from "../_lib/errors.js";
import type { IssuePath } from "../model/index.js";
import type { FhirImportIssue } from "./import-types.js";

// A Bundle from outside is first copied into plain JSON, once, with bounds: after that every reading of it is a plain
// property access that cannot throw, run a getter twice or loop. What cannot be copied (a getter or Proxy trap that
// throws, a value JSON has no form for, a cycle) is reported where it is and replaced by UNREADABLE, which the readers
// pass over without a second report.

/** Stands for a value that could not be read; it was reported already. */
export const UNREADABLE: unique symbol = Symbol("unreadable");

/** A value copied from the Bundle: JSON, or UNREADABLE where the original could not be read. */
export type Json = string | number | boolean | null | JsonObject | Json[] | typeof UNREADABLE;
/** A JSON object, with no prototype so that keys such as `__proto__` stay data. */
export type JsonObject = { [key: string]: Json | undefined };

/** Deeper than any FHIR resource (a complex extension inside a provision inside a Consent is about 12 levels). */
const MAX_DEPTH = 64;
/** Values copied in all: 100,000 entries of 100 values each, with room to spare. */
const MAX_VALUES = 20_000_000;
/** Items in one array. */
const MAX_ITEMS = 1_000_000;

/** Bounds and issues of one copy. */
interface Copy {
  readonly issues: FhirImportIssue[];
  readonly ancestors: Set<object>;
  values: number;
  exhausted: boolean;
}

/**
 * A plain JSON copy of `value` (the argument or a part of it, at `path`), with every problem reported in `issues`; the caller puts the resource's name in front of each message. Never throws.
 */
export function copyJson(value: unknown, path: IssuePath, issues: FhirImportIssue[]): Json {
  const copy: Copy = { issues, ancestors: new Set(), values: 0, exhausted: false };
  return copyValue(copy, value, [...path]);
}

function report(copy: Copy, path: IssuePath, message: string): typeof UNREADABLE {
  copy.issues.push({ code: "invalid-value", severity: "error", path: [...path], message });
  return UNREADABLE;
}

function copyValue(copy: Copy, value: unknown, path: (string | number)[]): Json {
  if (copy.exhausted) return UNREADABLE;
  copy.values += 1;
  if (copy.values > MAX_VALUES) {
    copy.exhausted = true;
    return report(copy, path, `the Bundle holds more than ${MAX_VALUES} values; split it into smaller Bundles.`);
  }
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return Number.isFinite(value)
        ? value
        : report(copy, path, `${formatPath(path)} is ${describeValue(value)}, which JSON cannot carry.`);
    case "object":
      return value === null ? null : copyObject(copy, value, path);
    default:
      return report(copy, path, `${formatPath(path)} is ${describeValue(value)}, which JSON cannot carry.`);
  }
}

function copyObject(copy: Copy, value: object, path: (string | number)[]): Json {
  if (copy.ancestors.has(value)) {
    return report(copy, path, `${formatPath(path)} contains itself (a cycle), which JSON cannot carry.`);
  }
  if (path.length > MAX_DEPTH) {
    return report(copy, path, `${formatPath(path)} is nested more than ${MAX_DEPTH} levels deep.`);
  }
  copy.ancestors.add(value);
  try {
    return Array.isArray(value) ? copyArray(copy, value, path) : copyFields(copy, value, path);
  } catch (thrown) {
    return report(
      copy,
      path,
      `${formatPath(path)} could not be read (reading it threw ${describeThrown(thrown)}); pass plain JSON.`,
    );
  } finally {
    copy.ancestors.delete(value);
  }
}

function copyArray(copy: Copy, value: readonly unknown[], path: (string | number)[]): Json {
  const length: unknown = value.length;
  if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
    return report(copy, path, `${formatPath(path)} is an array whose length is not a count.`);
  }
  if (length > MAX_ITEMS) {
    return report(copy, path, `${formatPath(path)} has ${length} items, more than the ${MAX_ITEMS} read.`);
  }
  const items: Json[] = [];
  for (let index = 0; index < length && !copy.exhausted; index++) {
    path.push(index);
    items.push(readItem(copy, () => value[index], path));
    path.pop();
  }
  return items;
}

function copyFields(copy: Copy, value: object, path: (string | number)[]): Json {
  const fields: JsonObject = Object.create(null);
  for (const key of Object.keys(value)) {
    if (copy.exhausted) break;
    path.push(key);
    fields[key] = readItem(copy, () => (value as Record<string, unknown>)[key], path);
    path.pop();
  }
  return fields;
}

/** One item or field, read once; a getter that throws is reported at the item's own path. */
function readItem(copy: Copy, read: () => unknown, path: (string | number)[]): Json {
  let item: unknown;
  try {
    item = read();
  } catch (thrown) {
    return report(
      copy,
      path,
      `${formatPath(path)} could not be read (reading it threw ${describeThrown(thrown)}); pass plain JSON.`,
    );
  }
  return copyValue(copy, item, path);
}

/** A path as a person reads it: `entry[3].resource.name`. */
export function formatPath(path: IssuePath): string {
  let text = "";
  for (const segment of path) {
    if (typeof segment === "number") text += `[${segment}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "the Bundle" : text;
}

/** Whether a copied value is a JSON object (not an array, not UNREADABLE). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
