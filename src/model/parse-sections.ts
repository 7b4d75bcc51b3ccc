import type { z } from "zod";
import { hasVisibleCharacter } from "../_lib/text.js";
import { GroupAgreementSchema } from "./agreement.js";
import { AttendanceRecordSchema } from "./attendance.js";
import type { CheckableRecord } from "./check-context.js";
import { ConsentSchema } from "./consent.js";
import { InteractionActSchema, TurnSchema } from "./interaction.js";
import { formatIssuePath, type GroupRecordIssue, type IssuePath } from "./issues.js";
import { MemberSchema } from "./member.js";
import { MembershipSchema } from "./membership.js";
import { isIanaTimeZone } from "./primitives.js";
import { type GroupRecord, GroupRecordSchema } from "./record.js";
import { SessionSchema } from "./session.js";
import { fromZodIssues } from "./shape-issues.js";
import { RecordedStageEventSchema } from "./stage-event.js";

// The shape check, one part of the record at a time. A valid record costs the same as one GroupRecordSchema parse;
// a record with a broken entry re-reads only the list that holds it, entry by entry, so the rest is still checked
// for references and a single bad status in a million turns does not make the whole record twice as slow.

type ListKey = Exclude<keyof GroupRecord, "group">;

const ENTRY_SCHEMAS: { readonly [K in ListKey]: z.ZodType<GroupRecord[K][number]> } = {
  members: MemberSchema,
  memberships: MembershipSchema,
  sessions: SessionSchema,
  attendance: AttendanceRecordSchema,
  turns: TurnSchema,
  interactionActs: InteractionActSchema,
  agreements: GroupAgreementSchema,
  consents: ConsentSchema,
  stageEvents: RecordedStageEventSchema,
};

const LIST_KEYS = /* @__PURE__ */ Object.keys(ENTRY_SCHEMAS) as ListKey[];
const RECORD_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(["group", ...LIST_KEYS]);

/** The outcome of the shape check: the value when every part passed, and what the reference checks can use. */
export interface ShapeCheck {
  readonly value: GroupRecord | undefined;
  readonly issues: GroupRecordIssue[];
  readonly checkable: CheckableRecord;
}

const NO_IDS: ReadonlySet<string> = /* @__PURE__ */ new Set();

/** What to do with fields the library does not know (see `ParseGroupRecordOptions`). */
export type UnknownFields = "error" | "warn";

/**
 * Checks the shape of one part of the record. With `unknownFields: "warn"`, fields the schema does not know become
 * warnings and the part is read again without them; only this part is read twice, and only when it had such fields.
 */
function checkPart<T>(
  schema: z.ZodType<T>,
  part: unknown,
  key: string,
  unknownFields: UnknownFields,
  issues: GroupRecordIssue[],
): { readonly data: T | undefined; readonly part: unknown } {
  let result = schema.safeParse(part);
  if (result.success) return { data: result.data, part };
  if (unknownFields === "warn") {
    const unknown: IssuePath[] = [];
    for (const zodIssue of result.error.issues) {
      if (zodIssue.code !== "unrecognized_keys") continue;
      const at = zodIssue.path.filter((segment): segment is string | number => typeof segment !== "symbol");
      for (const name of zodIssue.keys) unknown.push([...at, name]);
    }
    if (unknown.length > 0) {
      for (const path of unknown) issues.push(leftOut([key, ...path]));
      part = withoutFields(part, unknown);
      result = schema.safeParse(part);
      if (result.success) return { data: result.data, part };
    }
  }
  // One at a time, not push(...): a list of a hundred thousand broken entries would overflow the stack as arguments.
  for (const found of fromZodIssues(result.error.issues, part, [key])) issues.push(found);
  return { data: undefined, part };
}

function leftOut(path: IssuePath): GroupRecordIssue {
  return {
    code: "unknown-field",
    severity: "warning",
    path,
    message: `${formatIssuePath(path)} is not a field the library knows; it was left out.`,
  };
}

/** Checks the shape of a whole record, part by part. */
export function checkShape(input: unknown, unknownFields: UnknownFields = "error"): ShapeCheck {
  if (!isObject(input)) return notARecord(input);
  const issues: GroupRecordIssue[] = [];
  const shape = GroupRecordSchema.shape;
  const value: Record<string, unknown> = {};
  // The parts as read, after any unknown fields were left out, for the entry-by-entry salvage below.
  const parts: Record<string, unknown> = {};
  const group = checkPart(shape.group, input["group"], "group", unknownFields, issues);
  parts["group"] = group.part;
  if (group.data !== undefined) value["group"] = group.data;
  const failedLists = new Set<ListKey>();
  for (const key of LIST_KEYS) {
    const list = checkPart<unknown>(shape[key], input[key], key, unknownFields, issues);
    parts[key] = list.part;
    if (list.data !== undefined) value[key] = list.data;
    else failedLists.add(key);
  }
  for (const key of Object.keys(input)) {
    if (RECORD_KEYS.has(key)) continue;
    if (unknownFields === "warn") issues.push(leftOut([key]));
    else {
      issues.push({
        code: "unknown-field",
        severity: "error",
        path: [key],
        message: `${formatIssuePath([key])} is not a field the library knows; remove it, or parse with unknownFields: "warn" to leave it out.`,
      });
    }
  }
  if (group.data !== undefined && failedLists.size === 0 && !issues.some((issue) => issue.severity === "error")) {
    // Every key of GroupRecord was set above from its own schema's parse, and none failed.
    const record = value as unknown as GroupRecord;
    return { value: record, issues, checkable: fromValue(record) };
  }
  return { value: undefined, issues, checkable: salvage(parts, value, failedLists) };
}

function notARecord(input: unknown): ShapeCheck {
  const expected = "expected an object with group, members and memberships";
  const issue: GroupRecordIssue =
    input === undefined
      ? { code: "missing-field", severity: "error", path: [], message: `No record was given; ${expected}.` }
      : {
          code: "wrong-type",
          severity: "error",
          path: [],
          message: `The record is ${input === null ? "null" : Array.isArray(input) ? "a list" : `a ${typeof input}`}; ${expected}.`,
        };
  return { value: undefined, issues: [issue], checkable: salvage({}) };
}

function fromValue(record: GroupRecord): CheckableRecord {
  return {
    ...record,
    brokenMemberIds: NO_IDS,
    brokenSessionIds: NO_IDS,
    brokenMembershipMemberIds: NO_IDS,
    timeZone: record.group.timeZone,
    membersUnreadable: false,
    membershipsUnreadable: false,
    sessionsUnreadable: false,
  };
}

/**
 * What can still be checked when some part failed: lists that passed as they are, failed lists entry by entry (a
 * broken entry becomes `undefined`, so indexes still match the input), and the ids that broken entries carry, so
 * references to them are not reported again.
 */
function salvage(
  root: Record<string, unknown>,
  parsed: Record<string, unknown> = {},
  failed = new Set<ListKey>(),
): CheckableRecord {
  const brokenMemberIds = new Set<string>();
  const brokenSessionIds = new Set<string>();
  const brokenMembershipMemberIds = new Set<string>();
  const unreadable = new Set<ListKey>();
  const list = <K extends ListKey>(
    key: K,
    brokenIds?: Set<string>,
    idField = "id",
  ): readonly (GroupRecord[K][number] | undefined)[] => {
    if (!failed.has(key)) return (parsed[key] as GroupRecord[K] | undefined) ?? [];
    const entries = salvageList(root[key], ENTRY_SCHEMAS[key], brokenIds, idField);
    if (entries.idless) unreadable.add(key);
    return entries.values;
  };
  const group = parsed["group"] as GroupRecord["group"] | undefined;
  const rawGroup = isObject(root["group"]) ? root["group"] : {};
  const rawTimeZone = rawGroup["timeZone"];
  return {
    group,
    // A group broken elsewhere may still name a good zone, and with it the days of its sessions can be checked.
    timeZone:
      group?.timeZone ?? (typeof rawTimeZone === "string" && isIanaTimeZone(rawTimeZone) ? rawTimeZone : undefined),
    members: list("members", brokenMemberIds),
    memberships: list("memberships", brokenMembershipMemberIds, "memberId"),
    sessions: list("sessions", brokenSessionIds),
    attendance: list("attendance"),
    turns: list("turns"),
    interactionActs: list("interactionActs"),
    agreements: list("agreements"),
    consents: list("consents"),
    stageEvents: list("stageEvents"),
    brokenMemberIds,
    brokenSessionIds,
    brokenMembershipMemberIds,
    // Without a readable list, or with an entry whose id cannot be read, references cannot be checked against it; the
    // shape error already says why.
    membersUnreadable: !Array.isArray(root["members"]) || unreadable.has("members"),
    membershipsUnreadable: unreadable.has("memberships"),
    sessionsUnreadable:
      (!Array.isArray(root["sessions"]) && root["sessions"] !== undefined) || unreadable.has("sessions"),
  };
}

/**
 * Parses a list entry by entry, remembering the id (in `idField`) of each broken entry in `brokenIds`; `idless` says
 * whether some broken entry had no readable id at all.
 */
function salvageList<T>(
  list: unknown,
  schema: z.ZodType<T>,
  brokenIds?: Set<string>,
  idField = "id",
): { readonly values: (T | undefined)[]; readonly idless: boolean } {
  if (!Array.isArray(list)) return { values: [], idless: false };
  let idless = false;
  const values = list.map((item: unknown) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const id = isObject(item) ? item[idField] : undefined;
    // An id that is blank is no id (as the schemas say): references to it cannot be told apart from mistakes.
    if (typeof id === "string" && hasVisibleCharacter(id)) brokenIds?.add(id);
    else idless = true;
    return undefined;
  });
  return { values, idless };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of a part of the record without the fields at the given paths. Only the lists and objects along the paths are
 * copied, one level each (never the whole record), and the caller's input is never changed, frozen or not. Each copy
 * holds the own enumerable fields of its original as plain, writable fields (a frozen original gives an unfrozen
 * copy), set with property definitions, so a key named "__proto__" stays a plain field and never becomes a prototype.
 */
function withoutFields(part: unknown, paths: readonly IssuePath[]): unknown {
  const copies = new Map<object, object>();
  const copyOf = (value: object): object => {
    let copy = copies.get(value);
    if (copy === undefined) {
      copy = Array.isArray(value) ? value.slice() : plainCopy(value);
      copies.set(value, copy);
      copies.set(copy, copy);
    }
    return copy;
  };
  if (typeof part !== "object" || part === null) return part;
  const root = copyOf(part);
  for (const path of paths) {
    let container: object = root;
    for (const segment of path.slice(0, -1)) {
      const child: unknown = (container as Record<string | number, unknown>)[segment];
      if (typeof child !== "object" || child === null) break;
      const copy = copyOf(child);
      Object.defineProperty(container, segment, { value: copy, enumerable: true, writable: true, configurable: true });
      container = copy;
    }
    const key = path[path.length - 1];
    if (key !== undefined) delete (container as Record<string | number, unknown>)[key];
  }
  return root;
}

/** The own enumerable fields of an object, as writable and deletable fields of a new plain object. */
function plainCopy(value: object): object {
  const copy = {};
  for (const key of Object.keys(value)) {
    Object.defineProperty(copy, key, {
      value: (value as Record<string, unknown>)[key],
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return copy;
}
