import type { GroupRecordInput, GroupRecordIssue, IssuePath } from "../model/index.js";
import type { FhirImportIssue } from "./import-types.js";
import type { Reader } from "./read-fields.js";

// The record being assembled from a Bundle, and where each of its items came from, so that an issue
// `parseGroupRecord` finds in the record can be shown at the Bundle element the item was read from. Paths are built
// only for the items an issue names.

type Item<K extends keyof GroupRecordInput> = NonNullable<GroupRecordInput[K]> extends readonly (infer E)[] ? E : never;

/** The lists of a record. */
export type RecordList = Exclude<keyof GroupRecordInput, "group">;

/** Where some of an item's fields are, as keys from the element the item was read from, by the record's field name. */
export type FieldPlaces = Readonly<Record<string, readonly (string | number)[]>>;

/** Where one item of the record (or the group) came from. */
export interface Provenance {
  /** The element it was read from. */
  readonly reader: Reader;
  readonly fields: FieldPlaces;
  /** Fields taken from `options.group` rather than from the Bundle. */
  readonly fromOptions?: ReadonlySet<string>;
}

/** A record under assembly, with the provenance of each item. */
export class Assembly {
  group: Record<string, unknown> | undefined;
  groupProvenance: Provenance | undefined;
  readonly lists: { [K in RecordList]: Item<K>[] } = {
    members: [],
    memberships: [],
    sessions: [],
    attendance: [],
    turns: [],
    interactionActs: [],
    agreements: [],
    consents: [],
    stageEvents: [],
  };
  /** The provenance of `lists[list][index]` at `provenance[list][index]`. */
  private readonly provenance: { [K in RecordList]: Provenance[] } = {
    members: [],
    memberships: [],
    sessions: [],
    attendance: [],
    turns: [],
    interactionActs: [],
    agreements: [],
    consents: [],
    stageEvents: [],
  };

  add<K extends RecordList>(list: K, item: Item<K>, reader: Reader, fields: FieldPlaces = NO_FIELDS): void {
    (this.lists[list] as Item<K>[]).push(item);
    this.provenance[list].push({ reader, fields });
  }

  /** Where `list[index]` came from. */
  of(list: string, index: number): Provenance | undefined {
    return Object.hasOwn(this.provenance, list) ? this.provenance[list as RecordList][index] : undefined;
  }

  /** The record as `parseGroupRecord` takes it. */
  record(): Record<string, unknown> {
    return { group: this.group, ...this.lists };
  }
}

const NO_FIELDS: FieldPlaces = {};

/**
 * An issue of `parseGroupRecord` on the assembled record, moved to the Bundle: its path becomes the path of the
 * element the item (or field) was read from, its message is prefixed with the resource, its code and severity kept.
 */
export function issueInBundle(assembly: Assembly, issue: GroupRecordIssue): FhirImportIssue {
  const [list, index, field] = issue.path;
  let provenance: Provenance | undefined;
  if (list === "group") provenance = assembly.groupProvenance;
  else if (typeof list === "string" && typeof index === "number") provenance = assembly.of(list, index);
  const key = list === "group" ? index : field;
  if (provenance === undefined) {
    const group = assembly.groupProvenance?.reader;
    return {
      ...issue,
      path: group?.path ?? [],
      message: `${group?.entry.label ?? "Bundle"}: ${issue.message}`,
    };
  }
  const { reader } = provenance;
  const fromOption = typeof key === "string" && provenance.fromOptions?.has(key) === true;
  const place = typeof key === "string" && Object.hasOwn(provenance.fields, key) ? provenance.fields[key] : undefined;
  const path: IssuePath = place === undefined ? reader.path : [...reader.path, ...place];
  const where = fromOption ? `${reader.entry.label}, options.group.${String(key)}` : reader.entry.label;
  return { code: issue.code, severity: issue.severity, path, message: `${where}: ${issue.message}` };
}
