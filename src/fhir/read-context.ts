import type { IssuePath } from "../model/index.js";
import type { FhirImportIssue, FhirImportIssueCode } from "./import-types.js";
import { isObject, type Json, type JsonObject } from "./read-json.js";

// What every reader of a Bundle shares: its entries, indexed once, how a reference finds one, and how a problem is
// reported with the resource's name in front and its path in the Bundle.

/** One entry of the Bundle that holds a resource. */
export class Entry {
  constructor(
    /** The entry's place in `Bundle.entry`. */
    readonly index: number,
    readonly resourceType: string,
    readonly resource: JsonObject,
    /** `entry.fullUrl`, when the entry has one. */
    readonly fullUrl: string | undefined,
    /** Whether the resource is plain JSON; one that is not was reported and is not read. */
    readonly readable: boolean,
    /** Where in the resource an object holds a `modifierExtension`, as the one walk of the entry found them. */
    readonly modifierHolders: readonly (readonly (string | number)[])[] = [],
  ) {}

  /** How messages name it: `Patient "urn:uuid:…" (entry 3)`. */
  get label(): string {
    const id = this.readable ? this.resource["id"] : undefined;
    const name = this.fullUrl ?? (typeof id === "string" ? id : undefined);
    const shown = name === undefined ? "" : ` ${JSON.stringify(name.length > 80 ? `${name.slice(0, 79)}…` : name)}`;
    return `${this.resourceType}${shown} (entry ${this.index})`;
  }

  /** `["entry", index, "resource"]`. */
  get path(): IssuePath {
    return ["entry", this.index, "resource"];
  }
}

/**
 * The Bundle itself, read as an entry's resource is, for what it carries of its own: `Bundle.meta` (its security
 * labels). Messages name it `Bundle`, and paths start at the Bundle.
 */
export class BundleItself extends Entry {
  constructor(resource: JsonObject) {
    super(-1, "Bundle", resource, undefined, true);
  }

  override get label(): string {
    return "Bundle";
  }

  override get path(): IssuePath {
    return [];
  }
}

/** The Bundle's entries and the issues found so far. */
export class ImportContext {
  readonly issues: FhirImportIssue[] = [];
  readonly entries: Entry[] = [];
  /** The Bundle's own elements that are read (`meta`), once walked as plain JSON; none when it has none. */
  bundle: BundleItself | undefined;
  private readonly byFullUrl = new Map<string, Entry>();
  private readonly byType = new Map<string, Entry[]>();
  // The indexes a reference that is not a fullUrl needs, built the first time one does (a Bundle whose references
  // are all fullUrls, as the library writes them, never needs them).
  /** Entries by `Type/id`, from `resource.id` and from an absolute fullUrl ending in `Type/id`. */
  private byTypeAndId: Map<string, Entry> | undefined;
  /** Readable entries by type, system and value of each identifier. */
  private byIdentifier: Map<string, Entry> | undefined;

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
    }
    const ofType = this.byType.get(entry.resourceType);
    if (ofType === undefined) this.byType.set(entry.resourceType, [entry]);
    else ofType.push(entry);
  }

  /** Readable entries holding a resource of `type`, in Bundle order (a duplicate fullUrl's second entry is not one). */
  ofType(type: string): readonly Entry[] {
    return (this.byType.get(type) ?? []).filter((entry) => entry.readable && this.isFirst(entry));
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

  /** The entry a reference's text names: a fullUrl, `Type/id` (relative or absolute), or `Type?identifier=system|value`. */
  find(text: string): Entry | undefined {
    const exact = this.byFullUrl.get(text);
    if (exact !== undefined) return exact;
    const conditional = /^([A-Za-z]+)\?identifier=(.*)$/.exec(text);
    if (conditional !== null) return this.findByIdentifier(conditional[1] ?? "", decodeQuery(conditional[2] ?? ""));
    const plain = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/[A-Za-z0-9\-.]{1,64})?$/.exec(text);
    if (plain === null) return undefined;
    this.byTypeAndId ??= this.indexTypeAndId();
    return this.byTypeAndId.get(`${plain[1]}/${plain[2]}`);
  }

  private indexTypeAndId(): Map<string, Entry> {
    const index = new Map<string, Entry>();
    // An absolute fullUrl ends in Type/id, the form a relative reference takes (FHIR R4 Bundle, "Resolving
    // references"); it wins over a resource.id that says the same.
    for (const [fullUrl, entry] of this.byFullUrl) {
      const match = /(?:^|\/)([A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/.exec(fullUrl);
      if (match !== null && match[1] === entry.resourceType) index.set(`${match[1]}/${match[2]}`, entry);
    }
    for (const entry of this.entries) {
      if (!this.isFirst(entry)) continue;
      const id = entry.readable ? entry.resource["id"] : undefined;
      const key = `${entry.resourceType}/${String(id)}`;
      if (typeof id === "string" && !index.has(key)) index.set(key, entry);
    }
    return index;
  }

  /**
   * FHIR search on a token (R4 Search, "token"): `system|value`, `|value` (no system) or `value` (any system). The
   * identifiers are indexed the first time a reference needs them, once for all.
   */
  private findByIdentifier(type: string, token: string): Entry | undefined {
    this.byIdentifier ??= this.indexIdentifiers();
    const bar = token.indexOf("|");
    // An identifier with no system is indexed under the empty system, and under "any system" as every one is.
    return bar === -1
      ? this.byIdentifier.get(`${type}\u0000*\u0000${token}`)
      : this.byIdentifier.get(`${type}\u0000${token.slice(0, bar)}\u0000${token.slice(bar + 1)}`);
  }

  private indexIdentifiers(): Map<string, Entry> {
    const index = new Map<string, Entry>();
    const put = (key: string, entry: Entry) => {
      if (!index.has(key)) index.set(key, entry);
    };
    for (const entry of this.entries) {
      if (!entry.readable || !this.isFirst(entry)) continue;
      for (const identifier of listOf(entry.resource["identifier"])) {
        if (!isObject(identifier) || typeof identifier["value"] !== "string") continue;
        const system = identifier["system"];
        if (system !== undefined && typeof system !== "string") continue;
        put(`${entry.resourceType}\u0000${system ?? ""}\u0000${identifier["value"]}`, entry);
        put(`${entry.resourceType}\u0000*\u0000${identifier["value"]}`, entry);
      }
    }
    return index;
  }
}

function decodeQuery(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
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
