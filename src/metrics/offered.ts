import { isCalendarDate } from "../_lib/dates.js";
import { GroupworkError, quoteArgument } from "../_lib/errors.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";
import type { AttendanceStatus, Membership, Session } from "../model/index.js";
import { attendanceStatuses } from "../model/index.js";
import { compareText } from "./order.js";
import { dayIn, firstAfter, firstAtOrAfter } from "./session-days.js";
import type { AttendanceSource, NotCountedAttendance } from "./source.js";

// Private to the metrics room: who was offered which session, read once from a record, for the attendance summary,
// the trend, dropout, retention and flags. Offered = a session that took place (status `held`) on a day a client's
// membership period covers, in the group's own time zone (DOMAIN.md §5).

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

/** Everything the attendance metrics read, built once from a record. */
export interface AttendanceGrid {
  /** Every session of the record on or before `asOf`, in order of day, then sequence. */
  readonly sessions: readonly DatedSession[];
  /** The held sessions among them, in the same order. */
  readonly held: readonly DatedSession[];
  /** Clients in the order their first `member` membership appears. */
  readonly clients: readonly ClientRow[];
  /** Attendance records that count towards no client's offered sessions, with the reason. */
  readonly notCounted: readonly NotCountedAttendance[];
}

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

/**
 * Reads a record into an {@link AttendanceGrid}: one pass over the attendance, with session days and membership
 * ranges worked out once (never per record).
 */
export function buildAttendanceGrid(
  source: AttendanceSource,
  asOf: string | undefined,
  caller: string,
): AttendanceGrid {
  checkSource(source, caller);
  const { timeZone } = source.group;
  const sessions = datedSessions(source.sessions, timeZone, asOf, caller);
  const held = sessions.filter((dated) => dated.heldIndex >= 0);
  const heldDays = held.map((dated) => dated.day);
  const heldIndexById = new Map<string, number>();
  const sessionById = new Map<string, DatedSession>();
  for (const dated of sessions) sessionById.set(dated.session.id, dated);
  for (const dated of held) heldIndexById.set(dated.session.id, dated.heldIndex);

  const rows = clientRows(source.memberships, heldDays, caller);
  const rowIndexByMember = new Map<string, number>(rows.map((row, index) => [row.memberId, index]));
  let lastRow = -1;
  const notCounted: NotCountedAttendance[] = [];
  // Most clients are offered one unbroken run of held sessions. Keeping each run's start and length in two small
  // arrays answers "was this session offered?" without reading the client's own list: with ten thousand clients the
  // lists outgrow the processor's cache, and one read fewer per record keeps the pass linear in the records.
  const runFirst = new Int32Array(rows.length);
  const runLength = new Int32Array(rows.length).fill(-1);
  rows.forEach((row, index) => {
    const { offered } = row;
    const first = offered[0] ?? 0;
    if (offered.length === 0 || offered[offered.length - 1] === first + offered.length - 1) {
      runFirst[index] = first;
      runLength[index] = offered.length;
    }
  });
  // Records usually come grouped by session or member, so the last lookup is remembered.
  let lastSession: string | undefined;
  let lastHeld: number | undefined;
  let allSessionIds: Set<string> | undefined;
  let lastStatus: string | undefined;
  let lastCode: number | undefined;
  const { attendance } = source;
  for (let index = 0; index < attendance.length; index++) {
    // Within bounds by the loop condition.
    const record = attendance[index] as AttendanceSource["attendance"][number];
    // Records grouped by session usually list the clients in the same order each time: try the client after the last
    // one found before looking the person up.
    const guess = rows[lastRow + 1];
    let row: ClientRow | undefined;
    if (guess !== undefined && guess.memberId === record.memberId) {
      row = guess;
      lastRow++;
    } else {
      const found = rowIndexByMember.get(record.memberId);
      if (found !== undefined) {
        row = rows[found];
        lastRow = found;
      }
    }
    if (record.sessionId !== lastSession) {
      lastSession = record.sessionId;
      lastHeld = heldIndexById.get(record.sessionId);
    }
    // Most records repeat the last status ("present"), so the last lookup is remembered too.
    if (record.status !== lastStatus) {
      lastStatus = record.status;
      lastCode = CODE_BY_STATUS.get(record.status);
    }
    const code = lastCode;
    if (code === undefined) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: attendance[${index}].status is ${quoteArgument(record.status)}, not an attendance status; parse the record with parseGroupRecord first.`,
      );
    }
    if (row === undefined) {
      notCounted.push(notCountedAt(index, record, "not-a-client"));
      continue;
    }
    if (lastHeld === undefined) {
      allSessionIds ??= new Set(source.sessions.map((session) => session.id));
      const reason = sessionById.has(record.sessionId)
        ? "session-not-held"
        : allSessionIds.has(record.sessionId)
          ? "after-as-of"
          : "unknown-session";
      notCounted.push(notCountedAt(index, record, reason));
      continue;
    }
    // `lastRow` is the index of `row`; a length of -1 marks a client whose offered sessions are not one run.
    const length = runLength[lastRow] as number;
    const slot = length >= 0 ? runSlot(runFirst[lastRow] as number, length, lastHeld) : slotOf(row.offered, lastHeld);
    if (slot < 0) {
      notCounted.push(notCountedAt(index, record, "not-enrolled"));
      continue;
    }
    if (row.codes[slot] !== 0) {
      notCounted.push(notCountedAt(index, record, "duplicate"));
      continue;
    }
    row.codes[slot] = code;
  }
  return { sessions, held, clients: rows, notCounted };
}

function notCountedAt(
  index: number,
  record: AttendanceSource["attendance"][number],
  reason: NotCountedAttendance["reason"],
): NotCountedAttendance {
  return { index, sessionId: record.sessionId, memberId: record.memberId, reason };
}

/** Where a held position sits in an unbroken run of offered positions; -1 when outside it. */
function runSlot(first: number, length: number, heldIndex: number): number {
  const slot = heldIndex - first;
  return slot >= 0 && slot < length ? slot : -1;
}

/**
 * Where a held position sits among the offered positions of a client who left and came back (clients with one
 * unbroken run are answered by {@link runSlot}); -1 when not offered.
 */
function slotOf(offered: Int32Array, heldIndex: number): number {
  let low = 0;
  let high = offered.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const value = offered[middle] as number;
    if (value === heldIndex) return middle;
    if (value < heldIndex) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

function datedSessions(
  sessions: readonly Session[],
  timeZone: string,
  asOf: string | undefined,
  caller: string,
): DatedSession[] {
  const days = sessions.map((session, index) => {
    const start = Date.parse(session.scheduledStart);
    if (Number.isNaN(start)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: sessions[${index}].scheduledStart is ${quoteArgument(session.scheduledStart)}, not an ISO 8601 instant.`,
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

function clientRows(memberships: readonly Membership[], heldDays: readonly string[], caller: string): ClientRow[] {
  const byMember = new Map<string, Membership[]>();
  memberships.forEach((membership, index) => {
    if (membership.role !== "member") return;
    const period = membership.period;
    if (
      period !== undefined &&
      (!isCalendarDate(String(period.start)) || (period.end !== undefined && !isCalendarDate(String(period.end))))
    ) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: memberships[${index}].period needs real calendar dates YYYY-MM-DD; parse the record with parseGroupRecord first.`,
      );
    }
    const list = byMember.get(membership.memberId);
    if (list === undefined) byMember.set(membership.memberId, [membership]);
    else list.push(membership);
  });
  // Held days are in order, so the days a period covers are one run of positions: find its two ends, then merge the
  // runs of a person's memberships (the parser refuses overlaps; merging keeps a bad record from counting twice).
  const people = [...byMember.values()].map((list) => {
    const runs = list
      .map(({ period }): [number, number] => [
        period === undefined ? 0 : firstAtOrAfter(heldDays, period.start),
        period?.end === undefined ? heldDays.length : firstAfter(heldDays, period.end),
      ])
      .sort((a, b) => a[0] - b[0]);
    let count = 0;
    let next = 0;
    for (const [first, after] of runs) {
      count += Math.max(0, after - Math.max(first, next));
      next = Math.max(next, after);
    }
    return { list, runs, count };
  });
  // Every client's positions and codes are views into two shared buffers: one allocation each, however many clients.
  // Thousands of small typed arrays each count as memory outside the heap and make the engine collect garbage over a
  // large record's whole heap, time after time.
  const total = people.reduce((sum, person) => sum + person.count, 0);
  const allOffered = new Int32Array(total);
  const allCodes = new Uint8Array(total);
  let start = 0;
  return people.map(({ list, runs, count }) => {
    const offered = allOffered.subarray(start, start + count);
    const codes = allCodes.subarray(start, start + count);
    let slot = start;
    let next = 0;
    for (const [first, after] of runs) {
      for (let position = Math.max(first, next); position < after; position++) allOffered[slot++] = position;
      next = Math.max(next, after);
    }
    start += count;
    // Every entry of `list` is a membership of this person; the first names them.
    return { memberId: (list[0] as Membership).memberId, memberships: list, offered, codes };
  });
}

function checkSource(source: AttendanceSource, caller: string): void {
  if (typeof source !== "object" || source === null) {
    throw new GroupworkError("invalid-argument", `${caller}: record must be a group record; got ${String(source)}.`);
  }
  const timeZone: unknown = source.group?.timeZone;
  if (typeof timeZone !== "string" || !isIanaTimeZone(timeZone)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: record.group.timeZone must be an IANA time zone name; got ${quoteArgument(timeZone)}.`,
    );
  }
  for (const list of ["memberships", "sessions", "attendance"] as const) {
    if (!Array.isArray(source[list])) {
      throw new GroupworkError("invalid-argument", `${caller}: record.${list} must be a list.`);
    }
  }
}
