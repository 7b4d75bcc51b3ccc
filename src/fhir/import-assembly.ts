import type { GroupRecordInput, GroupRecordIssue, IssuePath } from "../model/index.js";
import type { FhirImportIssue } from "./import-types.js";
import type { Entry } from "./read-context.js";

// The record being assembled from a Bundle, and where each of its items came from, so that an issue
// `parseGroupRecord` finds in the record can be shown at the Bundle entry the item was read from.

type Item<K extends keyof GroupRecordInput> = NonNullable<GroupRecordInput[K]> extends readonly (infer E)[] ? E : never;

/** The lists of a record. */
export type RecordList = Exclude<keyof GroupRecordInput, "group">;

/** Where one item of the record (or the group) came from. */
export interface Provenance {
  /** The entry it was read from. */
  readonly entry: Entry;
  /** Its path in the Bundle. */
  readonly path: IssuePath;
  /** Paths in the Bundle of some of its fields, by the record's field name. */
  readonly fields: Readonly<Record<string, IssuePath>>;
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
  private readonly provenance = new Map<string, Provenance>();

  add<K extends RecordList>(
    list: K,
    item: Item<K>,
    entry: Entry,
    path: IssuePath,
    fields: Readonly<Record<string, IssuePath>> = {},
  ): void {
    (this.lists[list] as Item<K>[]).push(item);
    this.provenance.set(`${list}\u0000${this.lists[list].length - 1}`, { entry, path, fields });
  }

  /** Where `list[index]` came from. */
  of(list: string, index: number): Provenance | undefined {
    return this.provenance.get(`${list}\u0000${index}`);
  }

  /** The record as `parseGroupRecord` takes it. */
  record(): Record<string, unknown> {
    return { group: this.group, ...this.lists };
  }
}

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
    const group = assembly.groupProvenance;
    return {
      ...issue,
      path: group?.path ?? [],
      message: `${group?.entry.label ?? "Bundle"}: ${issue.message}`,
    };
  }
  const fromOption = typeof key === "string" && provenance.fromOptions?.has(key) === true;
  const path = (typeof key === "string" ? provenance.fields[key] : undefined) ?? provenance.path;
  const where = fromOption ? `${provenance.entry.label}, options.group.${String(key)}` : provenance.entry.label;
  return { code: issue.code, severity: issue.severity, path, message: `${where}: ${issue.message}` };
}
