import type { z } from "zod";
import { GroupAgreementSchema } from "./agreement";
import { AttendanceRecordSchema } from "./attendance";
import { buildContext, type CheckableRecord } from "./check-context";
import { checkAttendance, checkInteractionActs, checkTurns } from "./check-events";
import { checkAgreements, checkConsents, checkGroup, checkMemberships, checkSessions } from "./check-structure";
import { ConsentSchema } from "./consent";
import { GroupSchema } from "./group";
import { InteractionActSchema, TurnSchema } from "./interaction";
import { formatIssuePath, type GroupRecordIssue, type IssuePath } from "./issues";
import { MemberSchema } from "./member";
import { MembershipSchema } from "./membership";
import { isIanaTimeZone } from "./primitives";
import { type GroupRecord, GroupRecordSchema } from "./record";
import { SessionSchema } from "./session";
import { fromZodIssues } from "./shape-issues";

/** Options of {@link parseGroupRecord}. */
export interface ParseGroupRecordOptions {
  /**
   * What to do with fields the library does not know.
   *
   * - `"error"` (default): each is an `unknown-field` error, so nothing a host sends is dropped unnoticed.
   * - `"warn"`: each is an `unknown-field` warning and the field is left out of the parsed value.
   */
  readonly unknownFields?: "error" | "warn";
}

/**
 * Result of {@link parseGroupRecord}: the parsed record with any warnings, or every problem found.
 */
export type ParseGroupRecordResult =
  | {
      readonly ok: true;
      /** The record, with defaults filled in and ids branded. */
      readonly value: GroupRecord;
      /** Warnings only: odd but legal things a person may want to look at. */
      readonly issues: readonly GroupRecordIssue[];
    }
  | {
      readonly ok: false;
      /** Every error and warning found, shape and references together. */
      readonly issues: readonly GroupRecordIssue[];
    };

/**
 * Checks a group record from a host system: its shape, and every reference inside it.
 *
 * Shape problems (a missing field, a status outside the vocabulary, a date that is not a date) and reference problems
 * (attendance for an unknown member, for a session that did not take place or for a day the member was not enrolled;
 * overlapping memberships; duplicate ids or session numbers; a turn that ends before it starts) are all reported
 * together, each with a stable `code`, a `path` and a sentence. When part of the record has the wrong shape, the rest
 * is still checked. Warnings (no facilitator, a member with no attendance, …) never fail the parse.
 *
 * Membership periods are calendar days in the group's time zone, both ends inclusive; a session counts on the day it
 * is scheduled to start in that zone. The `inactive` flag describes the membership now, so it does not change whether
 * past attendance was allowed.
 *
 * @param input - the record as received (parsed JSON); never trusted
 * @param options - how to treat unknown fields
 * @returns `{ ok: true, value, issues }` with warnings, or `{ ok: false, issues }` with everything found
 * @example
 * const result = parseGroupRecord(sampleGroupRecord);
 * result.ok
 * //=> true
 * @example
 * const broken = parseGroupRecord({ ...sampleGroupRecord, attendance: [{ sessionId: "nope", memberId: "m-hope", status: "present" }] });
 * broken.ok ? [] : broken.issues.filter((issue) => issue.severity === "error").map((issue) => issue.code)
 * //=> ["unknown-session"]
 */
export function parseGroupRecord(input: unknown, options: ParseGroupRecordOptions = {}): ParseGroupRecordResult {
  const unknownFields = options.unknownFields ?? "error";
  let source = input;
  let parsed = GroupRecordSchema.safeParse(source);
  let shapeIssues: GroupRecordIssue[] = [];

  if (!parsed.success) {
    shapeIssues = fromZodIssues(parsed.error.issues, source);
    if (unknownFields === "warn") {
      const unknown = shapeIssues.filter((issue) => issue.code === "unknown-field");
      const cleaned =
        unknown.length > 0
          ? withoutFields(
              source,
              unknown.map((issue) => issue.path),
            )
          : undefined;
      if (cleaned !== undefined) {
        source = cleaned;
        parsed = GroupRecordSchema.safeParse(source);
        const warnings = unknown.map((issue) => ({
          ...issue,
          severity: "warning" as const,
          message: `${formatIssuePath(issue.path)} is not a field the library knows; it was left out.`,
        }));
        shapeIssues = [...warnings, ...(parsed.success ? [] : fromZodIssues(parsed.error.issues, source))];
      }
    }
  }

  const checkable = parsed.success ? fromValue(parsed.data) : salvage(source);
  const issues = [...shapeIssues, ...checkReferences(checkable)];
  const failed = issues.some((issue) => issue.severity === "error");
  if (parsed.success && !failed) return { ok: true, value: parsed.data, issues };
  return { ok: false, issues };
}

function checkReferences(record: CheckableRecord): GroupRecordIssue[] {
  const context = buildContext(record);
  checkGroup(context);
  checkMemberships(context);
  checkSessions(context);
  const absent = checkAttendance(context);
  checkTurns(context, absent);
  checkInteractionActs(context);
  checkAgreements(context);
  checkConsents(context);
  return context.issues;
}

const NO_IDS: ReadonlySet<string> = new Set();

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

/** Parses each part on its own, so one broken entry does not hide the references of the others. */
function salvage(input: unknown): CheckableRecord {
  const root = isObject(input) ? input : {};
  const group = GroupSchema.safeParse(root["group"]);
  const brokenMemberIds = new Set<string>();
  const brokenSessionIds = new Set<string>();
  const brokenMembershipMemberIds = new Set<string>();
  const rawGroup = isObject(root["group"]) ? root["group"] : {};
  const rawTimeZone = rawGroup["timeZone"];
  return {
    group: group.success ? group.data : undefined,
    // A group broken elsewhere may still name a good zone, and with it the days of its sessions can be checked.
    timeZone: group.success
      ? group.data.timeZone
      : typeof rawTimeZone === "string" && isIanaTimeZone(rawTimeZone)
        ? rawTimeZone
        : undefined,
    members: salvageList(root["members"], MemberSchema, brokenMemberIds),
    memberships: salvageList(root["memberships"], MembershipSchema, brokenMembershipMemberIds, "memberId"),
    sessions: salvageList(root["sessions"], SessionSchema, brokenSessionIds),
    attendance: salvageList(root["attendance"], AttendanceRecordSchema),
    turns: salvageList(root["turns"], TurnSchema),
    interactionActs: salvageList(root["interactionActs"], InteractionActSchema),
    agreements: salvageList(root["agreements"], GroupAgreementSchema),
    consents: salvageList(root["consents"], ConsentSchema),
    brokenMemberIds,
    brokenSessionIds,
    brokenMembershipMemberIds,
    // Without a readable list there is nothing to check references against; the shape error already says why.
    membersUnreadable: !Array.isArray(root["members"]),
    sessionsUnreadable: !Array.isArray(root["sessions"]) && root["sessions"] !== undefined,
  };
}

/**
 * Parses a list entry by entry; a broken entry becomes `undefined` (so indexes still match the input) and the id it
 * carries in `idField`, if any, is remembered in `brokenIds`.
 */
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
 * input cannot be copied (it holds functions or class instances, so it did not come from JSON).
 */
function withoutFields(input: unknown, paths: readonly IssuePath[]): unknown {
  let copy: unknown;
  try {
    copy = structuredClone(input);
  } catch {
    return undefined;
  }
  for (const path of paths) {
    const key = path[path.length - 1];
    let parent: unknown = copy;
    for (const segment of path.slice(0, -1)) {
      parent =
        isObject(parent) || Array.isArray(parent) ? (parent as Record<string | number, unknown>)[segment] : undefined;
    }
    if (key !== undefined && (isObject(parent) || Array.isArray(parent))) {
      delete (parent as Record<string | number, unknown>)[key];
    }
  }
  return copy;
}
