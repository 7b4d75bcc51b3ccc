import { describeThrown } from "../_lib/errors.js";
import type { IssuePath } from "../model/index.js";

// A Bundle from outside is read where it lies, not copied: each resource is first walked once, with bounds, to make
// sure it is plain JSON (no getter or Proxy trap that throws, no value JSON has no form for, no cycle, no list too long
// to read). A resource that fails is reported where it fails and is not read further; the readers then take the
// others' values with plain property access. Paths are built only when a problem is reported.

/** A value of the Bundle once walked: JSON. */
export type Json = string | number | boolean | null | JsonObject | Json[];
/** A JSON object. */
export type JsonObject = { [key: string]: Json | undefined };

/** Deeper than any FHIR resource (a complex extension inside a provision inside a Consent is about 12 levels). */
const MAX_DEPTH = 64;
/** Values walked in all: 100,000 entries of 100 values each, with room to spare. */
const MAX_VALUES = 20_000_000;
/** Items in one array. */
const MAX_ITEMS = 1_000_000;

/** What one walk of a whole Bundle shares: the count of values so far, and the first problem of the current part. */
export class JsonWalk {
  values = 0;
  /** The first problem found in the part walked last, with where it is. */
  problem: { path: IssuePath; message: string } | undefined;
  /**
   * Where, inside the walked entry's resource, an object holds a `modifierExtension` (keys from the resource down to
   * that object; one inside another modifier extension is part of it and not listed apart).
   */
  readonly modifierHolders: (string | number)[][] = [];
  /** Keys from the walked part's root to the value being looked at; copied only when a problem is reported. */
  private readonly keys: (string | number)[] = [];
  private readonly ancestors: object[] = [];

  /**
   * Whether `value` (at `path` in the Bundle) is plain JSON within the bounds; when not, `problem` says where and
   * why. Never throws.
   */
  isPlain(value: unknown, path: IssuePath): boolean {
    this.problem = undefined;
    this.modifierHolders.length = 0;
    this.keys.length = 0;
    this.ancestors.length = 0;
    this.visit(value, path);
    return this.problem === undefined;
  }

  private report(path: IssuePath, message: (where: string) => string): void {
    const where = [...path, ...this.keys];
    this.problem = { path: where, message: message(formatPath(where)) };
  }

  private visit(value: unknown, path: IssuePath): void {
    this.values += 1;
    if (this.values > MAX_VALUES) {
      this.report(path, () => `the Bundle holds more than ${MAX_VALUES} values; split it into smaller Bundles.`);
      return;
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(value)) {
          this.report(path, (where) => `${where} is ${String(value)}, which JSON cannot carry.`);
        }
        return;
      case "object":
        if (value !== null) this.visitObject(value, path);
        return;
      default:
        this.report(path, (where) => `${where} is ${kindOf(value)}, which JSON cannot carry.`);
    }
  }

  private visitObject(value: object, path: IssuePath): void {
    const depth = this.ancestors.length;
    if (this.ancestors.includes(value)) {
      this.report(path, (where) => `${where} contains itself (a cycle), which JSON cannot carry.`);
      return;
    }
    if (depth > MAX_DEPTH) {
      this.report(path, (where) => `${where} is nested more than ${MAX_DEPTH} levels deep.`);
      return;
    }
    this.ancestors.push(value);
    try {
      if (Array.isArray(value)) this.visitArray(value, path);
      else this.visitFields(value as Record<string, unknown>, path);
    } catch (thrown) {
      // A getter or a Proxy trap threw: reported at the value being read, which `keys` still ends at.
      if (this.problem === undefined) {
        this.report(
          path,
          (where) => `${where} could not be read (reading it threw ${describeThrown(thrown)}); pass plain JSON.`,
        );
      }
    }
    this.ancestors.pop();
  }

  private visitArray(value: readonly unknown[], path: IssuePath): void {
    const length: unknown = value.length;
    if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) {
      this.report(path, (where) => `${where} is an array whose length is not a count.`);
      return;
    }
    if (length > MAX_ITEMS) {
      this.report(path, (where) => `${where} has ${length} items, more than the ${MAX_ITEMS} read.`);
      return;
    }
    for (let index = 0; index < length && this.problem === undefined; index++) {
      this.keys.push(index);
      this.visit(value[index], path);
      if (this.problem === undefined) this.keys.pop();
    }
  }

  private visitFields(value: Record<string, unknown>, path: IssuePath): void {
    for (const key in value) {
      if (key === "modifierExtension" && this.keys[0] === "resource" && !this.keys.includes(key)) {
        this.modifierHolders.push(this.keys.slice(1));
      }
      this.keys.push(key);
      this.visit(value[key], path);
      if (this.problem !== undefined) return;
      this.keys.pop();
    }
  }
}

/** Segments a path in a message shows before and after the "…" that stands for the rest of a deep one. */
const PATH_HEAD = 8;
const PATH_TAIL = 4;
/** Characters of a key shown in a message; a key is the Bundle's, and junk may be any length. */
const KEY_PREVIEW = 40;
/** A key written as it is: a plain name, as FHIR names elements. */
const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * A path as a person reads it: `entry[3].resource.name`. A deep path (junk nested to the walk's limit) shows its first
 * and last segments around `…`, and a key that is not a plain name is quoted and clipped, so one message stays one
 * short line; the issue's `path` keeps every segment.
 */
export function formatPath(path: IssuePath): string {
  if (path.length === 0) return "the Bundle";
  if (path.length <= PATH_HEAD + PATH_TAIL + 1) return pathText(path, true);
  return `${pathText(path.slice(0, PATH_HEAD), true)}…${pathText(path.slice(-PATH_TAIL), false)}`;
}

/** The segments as text; `first` when they start the path (a leading key takes no dot). */
function pathText(segments: IssuePath, first: boolean): string {
  let text = "";
  for (const segment of segments) {
    if (typeof segment === "number") text += `[${segment}]`;
    else if (!PLAIN_KEY.test(segment) || segment.length > KEY_PREVIEW) {
      const clipped = segment.length > KEY_PREVIEW ? `${segment.slice(0, KEY_PREVIEW - 1)}…` : segment;
      text += `[${JSON.stringify(clipped)}]`;
    } else text += first && text === "" ? segment : `.${segment}`;
  }
  return text;
}

/** A code as FHIR writes one: short, no white space. A sentence or a name does not look like this. */
const CODE_LIKE = /^[\w.:/+-]{1,40}$/;
/** A URI as a code system or url is written: a scheme, then no white space, within a length a system has. */
const URI_LIKE = /^[A-Za-z][A-Za-z0-9+.-]*:[\w.:/+\-#%~?=&@!$'()*,;]{1,2000}$/;

/**
 * A value read as a code, quoted when it looks like one (so that a misspelt code can be corrected), else only its
 * kind: arbitrary text where a code belongs may be anything, a person's name included, and messages go to logs.
 */
export function codeOrKind(value: unknown): string {
  return typeof value === "string" && CODE_LIKE.test(value) ? JSON.stringify(value) : kindOf(value);
}

/** A value read as a URI (a code system, a url), quoted (clipped) when it looks like one, else only its kind. */
export function uriOrKind(value: unknown): string {
  if (typeof value !== "string" || !URI_LIKE.test(value)) return kindOf(value);
  return JSON.stringify(value.length > 100 ? `${value.slice(0, 99)}…` : value);
}

/** Whether a JSON value is an object (not an array). */
export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * What kind of value `value` is, for a message, never the value itself: a Bundle holds people's names, birth dates
 * and notes, and a message goes to logs. Codes, references and urls are quoted where they are read as such.
 */
export function kindOf(value: unknown): string {
  switch (typeof value) {
    case "string":
      return /\S/.test(value) ? "text" : "blank text";
    case "number":
      return Number.isFinite(value) ? "a number" : String(value);
    case "boolean":
      return "true or false";
    case "object":
      if (value === null) return "null";
      try {
        return Array.isArray(value) ? "a list" : "an object";
      } catch {
        return "an object"; // a revoked Proxy
      }
    case "bigint":
      return "a BigInt";
    case "undefined":
      return "undefined";
    default:
      return `a ${typeof value}`;
  }
}

/** A word with its indefinite article by its first letter: `an Observation`, `a Patient`. */
export function withArticle(word: string): string {
  return `${/^[AEIOUaeiou]/.test(word) ? "an" : "a"} ${word}`;
}
