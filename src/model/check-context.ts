import { localDate } from "../_lib/calendar.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { periodCovers } from "./active.js";
import type { GroupAgreement } from "./agreement.js";
import type { AttendanceRecord } from "./attendance.js";
import type { Consent } from "./consent.js";
import type { Group } from "./group.js";
import type { InteractionAct, Turn } from "./interaction.js";
import type { GroupRecordIssue, GroupRecordIssueCode, IssuePath, IssueSeverity } from "./issues.js";
import type { Member } from "./member.js";
import type { Membership } from "./membership.js";
import type { Session } from "./session.js";
import type { RecordedStageEvent } from "./stage-event.js";

/**
 * The parts of a record that passed the shape check. Entries that failed are `undefined`, so indexes still match the
 * input; the ids of members and sessions that failed are kept apart so references to them are not reported twice.
 */
export interface CheckableRecord {
  readonly group: Group | undefined;
  readonly members: readonly (Member | undefined)[];
  readonly memberships: readonly (Membership | undefined)[];
  readonly sessions: readonly (Session | undefined)[];
  readonly attendance: readonly (AttendanceRecord | undefined)[];
  readonly turns: readonly (Turn | undefined)[];
  readonly interactionActs: readonly (InteractionAct | undefined)[];
  readonly agreements: readonly (GroupAgreement | undefined)[];
  readonly consents: readonly (Consent | undefined)[];
  readonly stageEvents: readonly (RecordedStageEvent | undefined)[];
  /** Ids of members whose entry failed the shape check. */
  readonly brokenMemberIds: ReadonlySet<string>;
  /** Ids of sessions whose entry failed the shape check. */
  readonly brokenSessionIds: ReadonlySet<string>;
  /** Members with a membership entry that failed the shape check: their enrollment cannot be judged. */
  readonly brokenMembershipMemberIds: ReadonlySet<string>;
  /** The group's time zone, when it can be read even if the rest of the group is broken. */
  readonly timeZone: string | undefined;
  /** Some membership entry was too broken to say whose it was. */
  readonly membershipsUnreadable: boolean;
  /** The members list, or the id of some entry in it, could not be read, so member references cannot be checked. */
  readonly membersUnreadable: boolean;
  /** The sessions list, or the id of some entry in it, could not be read, so session references cannot be checked. */
  readonly sessionsUnreadable: boolean;
}

/** A session with where it sits in the input and the calendar day it falls on in the group's zone. */
export interface IndexedSession {
  readonly session: Session;
  readonly index: number;
  /** `YYYY-MM-DD` in the group's time zone, or `undefined` when the group itself is broken. */
  readonly day: string | undefined;
  /** Planned start and end, in milliseconds since the epoch. */
  readonly startMs: number;
  readonly endMs: number;
}

/** Lookups shared by the checks, built once. */
export interface CheckContext {
  readonly record: CheckableRecord;
  readonly issues: GroupRecordIssue[];
  readonly memberIndex: ReadonlyMap<string, number>;
  readonly sessionsById: ReadonlyMap<string, IndexedSession>;
  readonly membershipsByMember: ReadonlyMap<string, readonly Membership[]>;
  /**
   * People whose enrollment cannot be judged because a membership of theirs is already reported (broken, or ending
   * before it starts): judging it would report that one mistake again at every attendance record.
   */
  readonly enrollmentUnknown: ReadonlySet<string>;
  /** Issues that stand for several entries with one cause, by cause: see {@link reportOnce}. */
  readonly grouped: Map<string, GroupedIssue>;
}

/** One issue for every entry with the same cause: where it sits in the issues, and how many entries it covers. */
export interface GroupedIssue {
  readonly issue: number;
  count: number;
  /** The sentence for the number of entries counted, written once all are counted (see {@link finishGrouped}). */
  readonly word: (count: number) => string;
}

export function error(context: CheckContext, code: GroupRecordIssueCode, path: IssuePath, message: string): void {
  context.issues.push({ code, severity: "error", path, message });
}

export function warning(context: CheckContext, code: GroupRecordIssueCode, path: IssuePath, message: string): void {
  context.issues.push({ code, severity: "warning", path, message });
}

/**
 * Reports one issue for all the entries that share a cause, such as the attendance of one session missing from
 * `sessions`: the first entry gets the issue, at its path; each later one only adds to its count. One mistake in the
 * record then reads as one issue, not one per entry it touches.
 *
 * @param key - the cause: the code and what the entries share (the list and the id they name)
 * @param word - the sentence for a number of entries; it is called once, after every entry is counted
 */
export function reportOnce(
  context: CheckContext,
  key: string,
  severity: IssueSeverity,
  code: GroupRecordIssueCode,
  path: IssuePath,
  word: (count: number) => string,
): void {
  const report = context.grouped.get(key);
  if (report !== undefined) {
    report.count++;
    return;
  }
  context.grouped.set(key, { issue: context.issues.length, count: 1, word });
  context.issues.push({ code, severity, path, message: "" });
}

/** Writes the sentences of the issues reported with {@link reportOnce}, now that their entries are counted. */
export function finishGrouped(context: CheckContext): void {
  for (const { issue, count, word } of context.grouped.values()) {
    const reported = context.issues[issue];
    if (reported !== undefined) context.issues[issue] = { ...reported, message: word(count) };
  }
}

/** Whether a member id names a member of the record, or one whose entry was already reported as broken. */
export function isKnownMember(context: CheckContext, memberId: string): boolean {
  const { record } = context;
  return record.membersUnreadable || context.memberIndex.has(memberId) || record.brokenMemberIds.has(memberId);
}

/**
 * Whether any of a member's memberships covers a calendar day (periods are inclusive; no period covers every day).
 * A person whose enrollment cannot be judged (see {@link CheckContext.enrollmentUnknown}) counts as enrolled, and so
 * does a person with no membership at all when some membership entry was too broken to say whose it was.
 */
export function isEnrolledOn(context: CheckContext, memberId: string, day: string): boolean {
  if (context.enrollmentUnknown.has(memberId)) return true;
  const memberships = context.membershipsByMember.get(memberId);
  if (memberships === undefined) return context.record.membershipsUnreadable;
  return memberships.some((membership) => periodCovers(membership, day));
}

/** Builds the lookups and reports duplicate member and session ids on the way. */
export function buildContext(record: CheckableRecord): CheckContext {
  const issues: GroupRecordIssue[] = [];
  const memberIndex = new Map<string, number>();
  const sessionsById = new Map<string, IndexedSession>();
  const membershipsByMember = new Map<string, Membership[]>();
  const enrollmentUnknown = new Set<string>(record.brokenMembershipMemberIds);
  const context: CheckContext = {
    record,
    issues,
    memberIndex,
    sessionsById,
    membershipsByMember,
    enrollmentUnknown,
    grouped: new Map(),
  };

  record.members.forEach((member, index) => {
    if (member === undefined) return;
    const first = memberIndex.get(member.id);
    if (first === undefined) memberIndex.set(member.id, index);
    else {
      error(
        context,
        "duplicate-id",
        ["members", index, "id"],
        `members[${index}] repeats the id ${describeValue(member.id)} of members[${first}]; each member needs its own id.`,
      );
    }
  });

  const timeZone = record.timeZone;
  record.sessions.forEach((session, index) => {
    if (session === undefined) return;
    const first = sessionsById.get(session.id);
    if (first !== undefined) {
      error(
        context,
        "duplicate-id",
        ["sessions", index, "id"],
        `sessions[${index}] repeats the id ${describeValue(session.id)} of sessions[${first.index}]; each session needs its own id.`,
      );
      return;
    }
    const day = timeZone === undefined ? undefined : sessionDay(context, session.scheduledStart, timeZone, index);
    const startMs = Date.parse(session.scheduledStart);
    sessionsById.set(session.id, { session, index, day, startMs, endMs: startMs + session.durationMinutes * 60_000 });
  });

  for (const membership of record.memberships) {
    if (membership === undefined) continue;
    const period = membership.period;
    if (period?.end !== undefined && period.end < period.start) enrollmentUnknown.add(membership.memberId);
    const list = membershipsByMember.get(membership.memberId);
    if (list === undefined) membershipsByMember.set(membership.memberId, [membership]);
    else list.push(membership);
  }
  return context;
}

/**
 * The calendar day a session starts on in the group's time zone, or `undefined` (with an `out-of-range` error) when
 * that day falls outside the years 0000–9999, where a calendar date cannot name it: 9999-12-31T23:00Z is already in
 * the year 10000 in Pacific/Kiritimati (UTC+14).
 */
function sessionDay(context: CheckContext, start: string, timeZone: string, index: number): string | undefined {
  const where = `sessions[${index}].scheduledStart`;
  try {
    return localDate(start, timeZone, where);
  } catch (thrown) {
    if (!(thrown instanceof GroupworkError)) throw thrown;
    error(context, "out-of-range", ["sessions", index, "scheduledStart"], thrown.message);
    return undefined;
  }
}
