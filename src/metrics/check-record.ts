import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";
import { exitReasons, facilitationRoles, sessionStatuses } from "../model/vocabulary/index.js";
import { checkCode, checkEntry, checkId } from "./check-entries.js";
import type { AttendanceSource, SourceMembership, SourceRecord, SourceSession } from "./source.js";

// Private to the metrics room: checks of the parts of a group record the attendance metrics read, each throwing a
// GroupworkError that names the entry and field (`memberships[2].period.start`), so a record that is not what its
// types say is refused before any figure is computed from it. They do not repeat the parser's reference checks.

const PARSE_FIRST = "parse the record with parseGroupRecord first";

/** Checks the record's outline: an object with a group (an IANA time zone, a plan if any) and three lists. */
export function checkSource(source: AttendanceSource, caller: string): void {
  checkEntry(source, "record", "a group record", caller);
  checkEntry(source.group, "record.group", "a group", caller);
  const timeZone: unknown = source.group.timeZone;
  if (typeof timeZone !== "string" || !isIanaTimeZone(timeZone)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: record.group.timeZone must be an IANA time zone name; got ${describeValue(timeZone)}.`,
    );
  }
  const planned: unknown = source.group.plannedSessions;
  // Safe integers only: past 2^53 a count no longer changes by one (2^53 + 1 reads as 2^53), so no share of it is true.
  if (planned !== undefined && !(Number.isSafeInteger(planned) && (planned as number) >= 1)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: record.group.plannedSessions must be a whole number from 1 to 2^53 − 1, when given; got ${describeValue(planned)}.`,
    );
  }
  for (const list of ["memberships", "sessions", "attendance"] as const) {
    if (!Array.isArray(source[list])) {
      throw new GroupworkError("invalid-argument", `${caller}: record.${list} must be a list.`);
    }
  }
}

/** Checks the fields of a session the attendance metrics read: its id, number and status (the start is read after). */
export function checkSession(session: SourceSession, index: number, caller: string): void {
  const at = `sessions[${index}]`;
  checkEntry(session, at, "a session", caller);
  checkId(session.id, `${at}.id`, caller);
  if (!Number.isSafeInteger(session.sequence) || session.sequence < 1) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${at}.sequence must be a whole number from 1 to 2^53 − 1; got ${describeValue(session.sequence)}.`,
    );
  }
  checkCode(session.status, sessionStatuses.codes, `${at}.status`, caller);
}

/**
 * The error for two sessions with the same number: the metrics order sessions of one day by number and report
 * retention by it, so a duplicate would make the order depend on the ids. parseGroupRecord reports the same record
 * with `duplicate-sequence`.
 */
export function duplicateSequence(sequence: number, first: number, index: number, caller: string): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `${caller}: sessions[${first}] and sessions[${index}] are both session ${sequence}; number each session once.`,
  );
}

/** The error for a session start that is not an ISO 8601 instant with an offset. */
export function badStart(session: SourceSession, index: number, caller: string): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `${caller}: sessions[${index}].scheduledStart is ${describeValue(session.scheduledStart)}, not an ISO 8601 instant with an offset.`,
  );
}

/** Checks the fields of a membership the attendance metrics read: person, role, period and exit reason. */
export function checkMembership(membership: SourceMembership, index: number, caller: string): void {
  const at = `memberships[${index}]`;
  checkEntry(membership, at, "a membership", caller);
  checkId(membership.memberId, `${at}.memberId`, caller);
  checkCode(membership.role, facilitationRoles.codes, `${at}.role`, caller);
  const period: unknown = membership.period;
  if (period !== undefined) {
    checkEntry(period, `${at}.period`, "a period { start, end? } of calendar dates (or absent)", caller);
    const { start, end } = period as { start?: unknown; end?: unknown };
    for (const [name, day] of [
      ["start", start],
      ["end", end],
    ] as const) {
      if (name === "end" && day === undefined) continue;
      if (typeof day !== "string" || !isCalendarDate(day)) {
        throw new GroupworkError(
          "invalid-argument",
          `${caller}: ${at}.period.${name} is ${describeValue(day)}, not a calendar date YYYY-MM-DD; ${PARSE_FIRST}.`,
        );
      }
    }
  }
  if (membership.exitReason !== undefined) {
    checkCode(membership.exitReason, exitReasons.codes, `${at}.exitReason`, caller);
  }
}

/** Throws, naming the record, unless an attendance entry is an object. */
export function checkRecordEntry(record: unknown, index: number, caller: string): asserts record is object {
  if (typeof record !== "object" || record === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: attendance[${index}] must be an attendance record; got ${describeValue(record)}.`,
    );
  }
}

/** The error for an attendance record whose status is not in the vocabulary. */
export function badStatus(record: SourceRecord, index: number, caller: string): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `${caller}: attendance[${index}].status is ${describeValue(record.status)}, not an attendance status; ${PARSE_FIRST}.`,
  );
}

/** Checks that a record's person and session are ids (strings that are not blank), naming the record. */
export function checkRecordIds(record: SourceRecord, index: number, caller: string): void {
  checkId(record.memberId, `attendance[${index}].memberId`, caller);
  checkId(record.sessionId, `attendance[${index}].sessionId`, caller);
}
