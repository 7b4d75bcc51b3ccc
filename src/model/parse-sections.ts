import type { z } from "zod";
import { GroupAgreementSchema } from "./agreement.js";
import { AttendanceRecordSchema } from "./attendance.js";
import type { CheckableRecord } from "./check-context.js";
import { ConsentSchema } from "./consent.js";
import { InteractionActSchema, TurnSchema } from "./interaction.js";
import type { GroupRecordIssue, IssuePath } from "./issues.js";
import { MemberSchema } from "./member.js";
import { MembershipSchema } from "./membership.js";
import { isIanaTimeZone } from "./primitives.js";
import { type GroupRecord, GroupRecordSchema } from "./record.js";
import { SessionSchema } from "./session.js";
import { fromZodIssues } from "./shape-issues.js";

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

/** Checks the shape of a whole record, part by part. */
export function checkShape(input: unknown): ShapeCheck {
  if (!isObject(input)) return notARecord(input);
  const issues: GroupRecordIssue[] = [];
  const shape = GroupRecordSchema.shape;
  const value: Record<string, unknown> = {};
  const group = shape.group.safeParse(input["group"]);
  if (group.success) value["group"] = group.data;
  else issues.push(...fromZodIssues(group.error.issues, input, ["group"]));
  const failedLists = new Set<ListKey>();
  for (const key of LIST_KEYS) {
    const result = shape[key].safeParse(input[key]);
    if (result.success) value[key] = result.data;
    else {
      failedLists.add(key);
      issues.push(...fromZodIssues(result.error.issues, input, [key]));
    }
  }
  for (const key of Object.keys(input)) {
    if (!RECORD_KEYS.has(key)) {
      issues.push({
        code: "unknown-field",
        severity: "error",
        path: [key],
        message: `${key} is not a field the library knows; remove it, or parse with unknownFields: "warn" to leave it out.`,
      });
    }
  }
  if (issues.length === 0) {
    // Every key of GroupRecord was set above from its own schema's parse, and none failed.
    const record = value as unknown as GroupRecord;
    return { value: record, issues, checkable: fromValue(record) };
  }
  return { value: undefined, issues, checkable: salvage(input, value, failedLists) };
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
  const list = <K extends ListKey>(
    key: K,
    brokenIds?: Set<string>,
    idField = "id",
  ): readonly (GroupRecord[K][number] | undefined)[] => {
    if (!failed.has(key)) return (parsed[key] as GroupRecord[K] | undefined) ?? [];
    return salvageList(root[key], ENTRY_SCHEMAS[key], brokenIds, idField);
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
    brokenMemberIds,
    brokenSessionIds,
    brokenMembershipMemberIds,
    // Without a readable list there is nothing to check references against; the shape error already says why.
    membersUnreadable: !Array.isArray(root["members"]),
    sessionsUnreadable: !Array.isArray(root["sessions"]) && root["sessions"] !== undefined,
  };
}

/** Parses a list entry by entry, remembering the id (in `idField`) of each broken entry in `brokenIds`. */
function salvageList<T>(
  list: unknown,
  schema: z.ZodType<T>,
  brokenIds?: Set<string>,
  idField = "id",
): (T | undefined)[] {
  if (!Array.isArray(list)) return [];
  return list.map((item: unknown) => {
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    const id = isObject(item) ? item[idField] : undefined;
    if (brokenIds !== undefined && typeof id === "string") brokenIds.add(id);
    return undefined;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * A copy of the input without the fields at the given paths; the caller's input is never changed. `undefined` when the
 * input holds something JSON cannot (a function, a class instance, a cycle), since such input did not come from a host.
 */
export function withoutFields(input: unknown, paths: readonly IssuePath[]): unknown {
  const copy = copyJson(input, new Set());
  if (copy === NOT_JSON) return undefined;
  for (const path of paths) {
    const key = path[path.length - 1];
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      parent =
        typeof parent === "object" && parent !== null
          ? (parent as Record<string | number, unknown>)[segment]
          : undefined;
    }
    if (key !== undefined && typeof parent === "object" && parent !== null) {
      delete (parent as Record<string | number, unknown>)[key];
    }
  }
  return copy;
}

const NOT_JSON = /* @__PURE__ */ Symbol("not JSON");

function copyJson(value: unknown, seen: Set<object>): unknown {
  if (typeof value !== "object" || value === null) {
    return typeof value === "function" || typeof value === "symbol" || typeof value === "bigint" ? NOT_JSON : value;
  }
  if (seen.has(value)) return NOT_JSON;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return NOT_JSON;
  seen.add(value);
  const copy: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  for (const [key, child] of Object.entries(value)) {
    const copied = copyJson(child, seen);
    if (copied === NOT_JSON) return NOT_JSON;
    // Defined, not assigned, so a key named "__proto__" stays a plain field and never becomes the copy's prototype.
    Object.defineProperty(copy, key, { value: copied, enumerable: true, writable: true, configurable: true });
  }
  seen.delete(value);
  return copy;
}
