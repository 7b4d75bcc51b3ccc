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

/**
 * Reads a record into an {@link AttendanceGrid}: every client's status at each session offered to them, for the
 * metrics that follow a client session by session (trend, dropout, retention, flags).
 */
export function buildAttendanceGrid(
  source: AttendanceSource,
  asOf: string | undefined,
  caller: string,
): AttendanceGrid {
  return gridOf(source, planAttendance(source, asOf, caller), caller);
}

/** The grid of a planned record: one pass over the attendance, writing each counted status in its client's row. */
export function gridOf(source: AttendanceSource, plan: AttendancePlan, caller: string): AttendanceGrid {
  // Every client's positions and codes are views into two shared buffers: one allocation each, however many clients.
  // Thousands of small typed arrays each count as memory outside the heap and make the engine collect garbage over a
  // large record's whole heap, time after time.
  const total = plan.clients.reduce((sum, client) => sum + client.offered, 0);
  const allOffered = new Int32Array(total);
  const allCodes = new Uint8Array(total);
  const rowStart = new Int32Array(plan.clients.length);
  let start = 0;
  const clients = plan.clients.map((client, index): ClientRow => {
    rowStart[index] = start;
    let slot = start;
    const { runs } = client;
    for (let run = 0; run < runs.length; run += 2) {
      for (let position = runs[run] as number; position < (runs[run + 1] as number); position++) {
        allOffered[slot++] = position;
      }
    }
    const row = {
      memberId: client.memberId,
      memberships: client.memberships,
      offered: allOffered.subarray(start, slot),
      codes: allCodes.subarray(start, slot),
    };
    start = slot;
    return row;
  });
  // A grid takes records in any order, so the pass reads every record.
  const notCounted = readAttendance(source, plan, caller, { kind: "grid", codes: allCodes, rowStart }) ?? [];
  return { sessions: plan.sessions, held: plan.held, clients, notCounted };
}

/**
 * Where {@link readAttendance} puts each counted status.
 *
 * - `grid`: in `codes`, at the client's row start plus the slot (0 = no record yet; a second record is a duplicate).
 * - `tally`: folded into the client's stretch of `state` ({@link TALLY_STRIDE} numbers per client, laid out by the
 *   `TALLY_` offsets): counts by code and absence streaks, with `attended` and `extendsStreak` telling, per grid code,
 *   whether it ends or extends a streak. The fold needs each client's records in session order.
 */
export type AttendanceTarget =
  | { readonly kind: "grid"; readonly codes: Uint8Array; readonly rowStart: Int32Array }
  | {
      readonly kind: "tally";
      readonly state: Int32Array;
      readonly attended: Uint8Array;
      readonly extendsStreak: Uint8Array;
    };

// Offsets in a client's stretch of a tally.
/** The last slot counted; -1 before any. */
export const TALLY_LAST_SLOT = 0;
/** The current run of absences. */
export const TALLY_RUN = 1;
/** The longest run of absences closed so far. */
export const TALLY_LONGEST = 2;
/** The first of one counter per grid code (code 0, no record, stays 0 while reading). */
export const TALLY_COUNTS = 3;
/** Numbers per client in a tally. */
export const TALLY_STRIDE: number = /* @__PURE__ */ TALLY_COUNTS + STATUS_CODES.length + 1;

/**
 * One pass over a record's attendance in record order. Each record for a client at a session offered to them goes to
 * the target; every other record, and every duplicate, is listed with the reason it counts for nobody. A tally stops
 * at the first record for an earlier session than the client's last one, and then gives `undefined`.
 */
export function readAttendance(
  source: AttendanceSource,
  plan: AttendancePlan,
  caller: string,
  target: AttendanceTarget,
): NotCountedAttendance[] | undefined {
  const { clients } = plan;
  const clientIndex = new Map<string, number>(clients.map((client, index) => [client.memberId, index]));
  const heldIndexById = new Map<string, number>(plan.held.map((dated) => [dated.session.id, dated.heldIndex]));
  // Most clients are offered one unbroken run of held sessions. Each run's start and length, side by side in one small
  // array, answer "was this session offered, and in which slot?" without reading the client's runs; a length of -1
  // marks a client who left and came back. The ids sit in a plain list for the same reason: the loop below reads
  // nothing per client but these two lists and the target.
  const oneRun = new Int32Array(clients.length * 2);
  const ids: string[] = [];
  clients.forEach(({ memberId, runs, offered }, index) => {
    ids.push(memberId);
    oneRun[2 * index] = runs[0] ?? 0;
    oneRun[2 * index + 1] = runs.length <= 2 ? offered : -1;
  });
  const notCounted: NotCountedAttendance[] = [];
  let lastClient = -1;
  // Records usually come grouped by session or member, so the last lookup is remembered.
  let lastSession: string | undefined;
  let lastHeld: number | undefined;
  let lastStatus: string | undefined;
  let lastCode: number | undefined;
  let reasons: ((sessionId: string) => NotHeldReason) | undefined;
  const { attendance } = source;
  for (let index = 0; index < attendance.length; index++) {
    // Within bounds by the loop condition.
    const record = attendance[index] as AttendanceSource["attendance"][number];
    // Records grouped by session usually list the clients in the same order each time: try the client after the last
    // one found before looking the person up.
    let client = lastClient + 1;
    if (ids[client] !== record.memberId) client = clientIndex.get(record.memberId) ?? -1;
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
    if (client < 0) {
      notCounted.push(notCountedAt(index, record, "not-a-client"));
      continue;
    }
    lastClient = client;
    if (lastHeld === undefined) {
      reasons ??= notHeldReasons(source, plan);
      notCounted.push(notCountedAt(index, record, reasons(record.sessionId)));
      continue;
    }
    const length = oneRun[2 * client + 1] as number;
    const slot =
      length >= 0
        ? runSlot(oneRun[2 * client] as number, length, lastHeld)
        : slotInRuns((clients[client] as PlannedClient).runs, lastHeld);
    if (slot < 0) {
      notCounted.push(notCountedAt(index, record, "not-enrolled"));
      continue;
    }
    // The two targets share the reading above; each branch is a few lines, so the loop stays one tight function.
    if (target.kind === "tally") {
      const { state } = target;
      const base = client * TALLY_STRIDE;
      const last = state[base + TALLY_LAST_SLOT] as number;
      if (slot <= last) {
        // The same session again is a duplicate; an earlier one means the records are not in session order.
        if (slot < last) return undefined;
        notCounted.push(notCountedAt(index, record, "duplicate"));
        continue;
      }
      state[base + TALLY_LAST_SLOT] = slot;
      state[base + TALLY_COUNTS + code] = (state[base + TALLY_COUNTS + code] as number) + 1;
      const run = state[base + TALLY_RUN] as number;
      if (target.attended[code] === 1) {
        if (run > (state[base + TALLY_LONGEST] as number)) state[base + TALLY_LONGEST] = run;
        state[base + TALLY_RUN] = 0;
      } else if (target.extendsStreak[code] === 1) state[base + TALLY_RUN] = run + 1;
    } else {
      const at = (target.rowStart[client] as number) + slot;
      if (target.codes[at] === 0) target.codes[at] = code;
      else notCounted.push(notCountedAt(index, record, "duplicate"));
    }
  }
  return notCounted;
}

type NotHeldReason = "session-not-held" | "after-as-of" | "unknown-session";

/** Tells why a record names no held session on or before `asOf`; made on the first such record. */
function notHeldReasons(source: AttendanceSource, plan: AttendancePlan): (sessionId: string) => NotHeldReason {
  const kept = new Set<string>(plan.sessions.map((dated) => dated.session.id));
  const all = new Set<string>(source.sessions.map((session) => session.id));
  return (sessionId) =>
    kept.has(sessionId) ? "session-not-held" : all.has(sessionId) ? "after-as-of" : "unknown-session";
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
 * unbroken run are answered by {@link runSlot}); -1 when not offered. A person has a few memberships, so the runs are
 * walked in order.
 */
function slotInRuns(runs: readonly number[], heldIndex: number): number {
  let before = 0;
  for (let run = 0; run < runs.length; run += 2) {
    const first = runs[run] as number;
    const after = runs[run + 1] as number;
    if (heldIndex < first) return -1;
    if (heldIndex < after) return before + heldIndex - first;
    before += after - first;
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

function plannedClients(
  memberships: readonly Membership[],
  held: readonly DatedSession[],
  caller: string,
): PlannedClient[] {
  const heldDays = held.map((dated) => dated.day);
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
