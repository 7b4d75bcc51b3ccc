import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";
import type { AttendanceStatus, Membership, Session } from "../model/index.js";
import { attendanceStatuses, exitReasons, facilitationRoles, sessionStatuses } from "../model/index.js";
import { checkCode, checkEntry, checkId } from "./check-entries.js";
import { compareText } from "./order.js";
import { dayIn, firstAfter, firstAtOrAfter } from "./session-days.js";
import type { AttendanceSource, NotCountedAttendance } from "./source.js";

// Private to the metrics room: who was offered which session, worked out once from a record for the attendance
// summary, the trend, dropout, retention and flags (read-attendance.ts then reads the records against it). Offered =
// a session that took place (status `held`) on a day a client's membership period covers, in the group's own time
// zone.

/** A session of the record with its calendar day in the group's time zone. */
export interface DatedSession {
  readonly session: Session;
  /** The day the session is scheduled to start on, in the group's time zone. */
  readonly day: string;
  /** Its position among held sessions, or -1 when it was not held. */
  readonly heldIndex: number;
}

/** One client (a membership with the role `member`) and the sessions offered to them. */
export interface ClientRow {
  readonly memberId: Membership["memberId"];
  /** The person's memberships with the role `member`, in record order. */
  readonly memberships: readonly Membership[];
  /** Positions (into `held`) of the sessions offered, in order. */
  readonly offered: Int32Array;
  /** Per offered session: 0 when no attendance record exists, else 1 + the status's index in the vocabulary. */
  readonly codes: Uint8Array;
}

/** What reading a record's attendance gives: the sessions in order, one entry per client, and what counted for nobody. */
export interface AttendanceReading<Client> {
  /** Every session of the record on or before `asOf`, in order of day, then sequence. */
  readonly sessions: readonly DatedSession[];
  /** The held sessions among them, in the same order. */
  readonly held: readonly DatedSession[];
  /** Clients in the order their first `member` membership appears. */
  readonly clients: readonly Client[];
  /** Attendance records that count towards no client's offered sessions, with the reason. */
  readonly notCounted: readonly NotCountedAttendance[];
}

/** Everything the attendance metrics read, built once from a record: every client's status at each offered session. */
export type AttendanceGrid = AttendanceReading<ClientRow>;

/** Status codes of the vocabulary in its order; a record's code in the grid is 1 + the index here. */
export const STATUS_CODES: readonly AttendanceStatus[] = /* @__PURE__ */ attendanceStatuses.entries.map(
  (entry) => entry.code,
);
// How each status counts comes from the vocabulary, the one place the rule is written (late counts as attended).
const ATTENDED_BY_CODE: readonly (boolean | null)[] = /* @__PURE__ */ [
  null,
  ...attendanceStatuses.entries.map((entry) => entry.attended),
];
const CODE_BY_STATUS: ReadonlyMap<string, number> = /* @__PURE__ */ new Map(
  attendanceStatuses.entries.map((entry, index) => [entry.code, index + 1]),
);
/** Grid code of the `excused` status. */
// The vocabulary holds `excused`.
export const EXCUSED_CODE: number = /* @__PURE__ */ CODE_BY_STATUS.get("excused") as number;

/** The grid code of an attendance status, or `undefined` for a status outside the vocabulary. */
export function codeOf(status: string): number | undefined {
  return CODE_BY_STATUS.get(status);
}

/** Whether a grid code counts as attended (`true`), missed (`false`) or unknown (`null`, also for no record). */
export function attendedOf(code: number): boolean | null {
  return ATTENDED_BY_CODE[code] ?? null;
}

/** One client and the held positions offered to them, worked out from their memberships before any record is read. */
export interface PlannedClient {
  readonly memberId: Membership["memberId"];
  /** The person's memberships with the role `member`, in record order. */
  readonly memberships: readonly Membership[];
  /** Disjoint runs of held positions in ascending order, as pairs: first position, then the position after the run. */
  readonly runs: readonly number[];
  /** How many sessions the runs hold: the sessions offered. */
  readonly offered: number;
}

/** What the records are read against: the sessions in order and each client's offered runs. Built once per call. */
export type AttendancePlan = Omit<AttendanceReading<PlannedClient>, "notCounted">;

/**
 * Works out, before reading any attendance, which sessions count and which of them each client was offered: session
 * days and membership ranges once each, never per record.
 */
export function planAttendance(source: AttendanceSource, asOf: string | undefined, caller: string): AttendancePlan {
  checkSource(source, caller);
  const sessions = datedSessions(source.sessions, source.group.timeZone, asOf, caller);
  const held = sessions.filter((dated) => dated.heldIndex >= 0);
  return { sessions, held, clients: plannedClients(source.memberships, held, caller) };
}

function datedSessions(
  sessions: readonly Session[],
  timeZone: string,
  asOf: string | undefined,
  caller: string,
): DatedSession[] {
  const days = sessions.map((session, index) => {
    checkSession(session, index, caller);
    const start = typeof session.scheduledStart === "string" ? Date.parse(session.scheduledStart) : Number.NaN;
    if (Number.isNaN(start)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: sessions[${index}].scheduledStart is ${describeValue(session.scheduledStart)}, not an ISO 8601 instant.`,
      );
    }
    return { session, day: dayIn(start, timeZone) };
  });
  const kept = days.filter((entry) => asOf === undefined || entry.day <= asOf);
  // Sessions in calendar order; the session number breaks ties, then the id, so the order never depends on input order.
  kept.sort(
    (a, b) =>
      compareText(a.day, b.day) || a.session.sequence - b.session.sequence || compareText(a.session.id, b.session.id),
  );
  let heldCount = 0;
  return kept.map(({ session, day }) => ({
    session,
    day,
    heldIndex: session.status === "held" ? heldCount++ : -1,
  }));
}

function plannedClients(
  memberships: readonly Membership[],
  held: readonly DatedSession[],
  caller: string,
): PlannedClient[] {
  const heldDays = held.map((dated) => dated.day);
  const byMember = new Map<string, Membership[]>();
  memberships.forEach((membership, index) => {
    checkMembership(membership, index, caller);
    if (membership.role !== "member") return;
    const list = byMember.get(membership.memberId);
    if (list === undefined) byMember.set(membership.memberId, [membership]);
    else list.push(membership);
  });
  // Held days are in order, so the days a period covers are one run of positions: find its two ends, then merge the
  // runs of a person's memberships (the parser refuses overlaps; merging keeps a bad record from counting twice).
  return [...byMember.values()].map((list) => {
    const periods = list
      .map(({ period }): [number, number] => [
        period === undefined ? 0 : firstAtOrAfter(heldDays, period.start),
        period?.end === undefined ? heldDays.length : firstAfter(heldDays, period.end),
      ])
      .sort((a, b) => a[0] - b[0]);
    const runs: number[] = [];
    let offered = 0;
    for (const [first, after] of periods) {
      if (after <= first) continue;
      const last = runs.length - 1;
      // A run that meets or overlaps the one before joins it.
      if (runs.length > 0 && first <= (runs[last] as number)) {
        const end = runs[last] as number;
        if (after > end) {
          offered += after - end;
          runs[last] = after;
        }
      } else {
        runs.push(first, after);
        offered += after - first;
      }
    }
    // Every entry of `list` is a membership of this person; the first names them.
    return { memberId: (list[0] as Membership).memberId, memberships: list, runs, offered };
  });
}

function checkSource(source: AttendanceSource, caller: string): void {
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
  if (planned !== undefined && !(Number.isInteger(planned) && (planned as number) >= 1)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: record.group.plannedSessions must be a whole number, 1 or more, when given; got ${describeValue(planned)}.`,
    );
  }
  for (const list of ["memberships", "sessions", "attendance"] as const) {
    if (!Array.isArray(source[list])) {
      throw new GroupworkError("invalid-argument", `${caller}: record.${list} must be a list.`);
    }
  }
}

const PARSE_FIRST = "parse the record with parseGroupRecord first";

/** Checks the fields of a session the attendance metrics read: its id, number and status (the start is read after). */
function checkSession(session: Session, index: number, caller: string): void {
  const at = `sessions[${index}]`;
  checkEntry(session, at, "a session", caller);
  checkId(session.id, `${at}.id`, caller);
  if (!Number.isInteger(session.sequence) || session.sequence < 1) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${at}.sequence must be a whole number, 1 or more; got ${describeValue(session.sequence)}.`,
    );
  }
  checkCode(session.status, sessionStatuses.codes, `${at}.status`, caller);
}

/** Checks the fields of a membership the attendance metrics read: person, role, period and exit reason. */
function checkMembership(membership: Membership, index: number, caller: string): void {
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
