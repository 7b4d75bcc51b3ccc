import { describeValue } from "../_lib/errors.js";
import type { IssuePath } from "../model/index.js";
import type { FhirImportIssue, FhirImportIssueCode } from "./import-types.js";
import { isObject, type Json, type JsonObject, UNREADABLE } from "./read-json.js";

// What every reader of a Bundle shares: its entries, how a reference finds one, and how a problem is reported with
// the resource's name in front and its path in the Bundle.

/** One entry of the Bundle that holds a resource. */
export interface Entry {
  /** The entry's place in `Bundle.entry`. */
  readonly index: number;
  readonly resourceType: string;
  readonly resource: JsonObject;
  /** `entry.fullUrl`, when the entry has one. */
  readonly fullUrl: string | undefined;
  /** How messages name it: `Patient "urn:uuid:…" (entry 3)`. */
  readonly label: string;
  /** `["entry", index, "resource"]`. */
  readonly path: IssuePath;
}

/** The Bundle's entries and the issues found so far. */
export class ImportContext {
  readonly issues: FhirImportIssue[] = [];
  readonly entries: Entry[] = [];
  private readonly byFullUrl = new Map<string, Entry>();
  private readonly byTypeAndId = new Map<string, Entry>();

  /** Adds an entry; reports a second entry with the same fullUrl (`duplicate-resource`) and keeps the first. */
  add(entry: Entry): void {
    this.entries.push(entry);
    if (entry.fullUrl !== undefined) {
      const first = this.byFullUrl.get(entry.fullUrl);
      if (first !== undefined) {
        this.error(
          entry,
          "duplicate-resource",
          ["entry", entry.index, "fullUrl"],
          `has the fullUrl of entry ${first.index} (${first.resourceType}); each resource needs its own fullUrl.`,
        );
        return;
      }
      this.byFullUrl.set(entry.fullUrl, entry);
      // An absolute fullUrl ends in Type/id, the form a relative reference takes (FHIR R4 Bundle, "Resolving references").
      const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(entry.fullUrl);
      if (match !== null && match[1] === entry.resourceType) this.byTypeAndId.set(`${match[1]}/${match[2]}`, entry);
    }
    const id = entry.resource["id"];
    if (typeof id === "string" && !this.byTypeAndId.has(`${entry.resourceType}/${id}`)) {
      this.byTypeAndId.set(`${entry.resourceType}/${id}`, entry);
    }
  }

  /** Entries holding a resource of `type`, in Bundle order. */
  ofType(type: string): Entry[] {
    return this.entries.filter((entry) => entry.resourceType === type && this.isFirst(entry));
  }

  /** Whether the entry is the one its fullUrl resolves to (a duplicate is reported and not read). */
  isFirst(entry: Entry): boolean {
    return entry.fullUrl === undefined || this.byFullUrl.get(entry.fullUrl) === entry;
  }

  error(entry: Entry | undefined, code: FhirImportIssueCode, path: IssuePath, message: string): void {
    this.issues.push({ code, severity: "error", path, message: `${entry?.label ?? "Bundle"}: ${message}` });
  }

  warning(entry: Entry | undefined, code: FhirImportIssueCode, path: IssuePath, message: string): void {
    this.issues.push({ code, severity: "warning", path, message: `${entry?.label ?? "Bundle"}: ${message}` });
  }

  /**
   * The entry a Reference at `path` points to, when it resolves to one of `types`; otherwise reports why
   * (`missing-part`, `unknown-reference`, `wrong-reference-type`) and returns undefined. `element` names the FHIR
   * element in messages, such as `Group.member.entity`.
   */
  resolve(
    from: Entry,
    reference: Json | undefined,
    path: IssuePath,
    types: readonly string[],
    element: string,
  ): Entry | undefined {
    if (reference === UNREADABLE) return undefined;
    if (reference === undefined || reference === null) {
      this.error(from, "missing-part", path, `${element} is missing; it must refer to a ${types.join(" or ")}.`);
      return undefined;
    }
    if (!isObject(reference)) {
      this.error(from, "invalid-value", path, `${element} must be a Reference; got ${describeJson(reference)}.`);
      return undefined;
    }
    const text = reference["reference"];
    if (text === UNREADABLE) return undefined;
    if (typeof text !== "string") {
      this.error(
        from,
        text === undefined ? "missing-part" : "invalid-value",
        [...path, "reference"],
        `${element}.reference must be the text of a reference to a ${types.join(" or ")}; got ${describeJson(text)}.`,
      );
      return undefined;
    }
    const target = this.find(text);
    if (target === undefined) {
      this.error(
        from,
        "unknown-reference",
        [...path, "reference"],
        `${element} refers to ${describeValue(text)}, which is no entry of the Bundle; add the resource or fix the reference.`,
      );
      return undefined;
    }
    if (!types.includes(target.resourceType)) {
      this.error(
        from,
        "wrong-reference-type",
        [...path, "reference"],
        `${element} refers to ${target.label}, but must refer to a ${types.join(" or ")}.`,
      );
      return undefined;
    }
    return target;
  }

  /** The entry a reference's text names: a fullUrl, `Type/id` (relative or absolute), or `Type?identifier=system|value`. */
  find(text: string): Entry | undefined {
    const exact = this.byFullUrl.get(text);
    if (exact !== undefined) return exact;
    const conditional = /^([A-Za-z]+)\?identifier=(.*)$/.exec(text);
    if (conditional !== null) return this.findByIdentifier(conditional[1] ?? "", decodeQuery(conditional[2] ?? ""));
    const plain = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(text);
    return plain === null ? undefined : this.byTypeAndId.get(`${plain[1]}/${plain[2]}`);
  }

  /** FHIR search on a token (R4 Search, "token"): `system|value`, `|value` (no system) or `value` (any system). */
  private findByIdentifier(type: string, token: string): Entry | undefined {
    const bar = token.indexOf("|");
    const system = bar === -1 ? undefined : token.slice(0, bar);
    const value = bar === -1 ? token : token.slice(bar + 1);
    return this.ofType(type).find((entry) =>
      listOf(entry.resource["identifier"]).some(
        (identifier) =>
          isObject(identifier) &&
          identifier["value"] === value &&
          (system === undefined ||
            (system === "" ? identifier["system"] === undefined : identifier["system"] === system)),
      ),
    );
  }
}

function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A copied value as a message shows it. */
export function describeJson(value: Json | undefined): string {
  return value === UNREADABLE ? "a value that could not be read" : describeValue(value);
}

/** The items of a list element, or none when it is absent or not a list (the readers report that where it matters). */
export function listOf(value: Json | undefined): Json[] {
  return Array.isArray(value) ? value : [];
}

/** The host's id in an `identifier` list: the value under `system`, when there is one. */
export function identifierIn(resource: JsonObject, system: string): string | undefined {
  for (const identifier of listOf(resource["identifier"])) {
    if (isObject(identifier) && identifier["system"] === system && typeof identifier["value"] === "string") {
      return identifier["value"];
    }
  }
  return undefined;
}

/** A label for an entry, as messages name it. */
export function entryLabel(resourceType: string, fullUrl: string | undefined, id: Json | undefined, index: number) {
  const name = fullUrl ?? (typeof id === "string" ? id : undefined);
  return `${resourceType}${name === undefined ? "" : ` ${JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name)}`} (entry ${index})`;
}
