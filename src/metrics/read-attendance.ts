import { describeValue, GroupworkError } from "../_lib/errors.js";
import { checkId } from "./check-entries.js";
import {
  type AttendanceGrid,
  type AttendancePlan,
  type ClientRow,
  codeOf,
  type PlannedClient,
  planAttendance,
  STATUS_CODES,
} from "./offered.js";
import type { AttendanceSource, NotCountedAttendance } from "./source.js";

// Private to the metrics room: the one pass over a record's attendance records, against a plan of who was offered
// which session (offered.ts). It fills either the full grid (every client's status at each offered session, in any
// order of the records) or a tally (counts and streaks per client, for records in session order).

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
  const notCounted = readAttendance(source, plan, caller, { kind: "grid", codes: allCodes, rowStart });
  return { sessions: plan.sessions, held: plan.held, clients, notCounted };
}

/** The grid target of {@link readAttendance}: status codes of all clients, each client's row starting at `rowStart`. */
export interface GridTarget {
  readonly kind: "grid";
  readonly codes: Uint8Array;
  readonly rowStart: Int32Array;
}

/** The tally target of {@link readAttendance}; see {@link AttendanceTarget}. */
export interface TallyTarget {
  readonly kind: "tally";
  readonly state: Int32Array;
  readonly attended: Uint8Array;
  readonly extendsStreak: Uint8Array;
}

/**
 * Where {@link readAttendance} puts each counted status.
 *
 * - `grid`: in `codes`, at the client's row start plus the slot (0 = no record yet; a second record is a duplicate).
 * - `tally`: folded into the client's stretch of `state` ({@link TALLY_STRIDE} numbers per client, laid out by the
 *   `TALLY_` offsets): counts by code and absence streaks, with `attended` and `extendsStreak` telling, per grid code,
 *   whether it ends or extends a streak. The fold needs each client's records in session order.
 */
export type AttendanceTarget = GridTarget | TallyTarget;

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
  target: GridTarget,
): NotCountedAttendance[];
export function readAttendance(
  source: AttendanceSource,
  plan: AttendancePlan,
  caller: string,
  target: TallyTarget,
): NotCountedAttendance[] | undefined;
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
  // marks a client who left and came back, whose runs are walked instead. The ids sit in a plain list for the same
  // reason: a record whose client follows the last one found costs one read of each list and of the target.
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
    if (typeof record !== "object" || record === null) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: attendance[${index}] must be an attendance record; got ${describeValue(record)}.`,
      );
    }
    // Records grouped by session usually list the clients in the same order each time: try the client after the last
    // one found before looking the person up.
    let client = lastClient + 1;
    // Past the last client there is no next one (and `undefined` must not match a record without a person).
    if (client >= ids.length || ids[client] !== record.memberId) client = clientIndex.get(record.memberId) ?? -1;
    if (record.sessionId !== lastSession) {
      lastSession = record.sessionId;
      lastHeld = heldIndexById.get(record.sessionId);
    }
    // Most records repeat the last status ("present"), so the last lookup is remembered too.
    if (record.status !== lastStatus) {
      lastStatus = record.status;
      lastCode = codeOf(record.status);
    }
    const code = lastCode;
    if (code === undefined) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: attendance[${index}].status is ${describeValue(record.status)}, not an attendance status; parse the record with parseGroupRecord first.`,
      );
    }
    // A record that names a client and a held session holds ids equal to the plan's, which are checked strings; the
    // ids of any other record are checked here, off the path most records take.
    if (client < 0) {
      checkRecordIds(record, index, caller);
      notCounted.push(notCountedAt(index, record, "not-a-client"));
      continue;
    }
    lastClient = client;
    if (lastHeld === undefined) {
      checkRecordIds(record, index, caller);
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
      const last = target.state[client * TALLY_STRIDE + TALLY_LAST_SLOT] as number;
      if (slot <= last) {
        // The same session again is a duplicate; an earlier one means the records are not in session order.
        if (slot < last) return undefined;
        notCounted.push(notCountedAt(index, record, "duplicate"));
        continue;
      }
      addToTally(target, client, slot, code);
    } else {
      const at = (target.rowStart[client] as number) + slot;
      if (target.codes[at] === 0) target.codes[at] = code;
      else notCounted.push(notCountedAt(index, record, "duplicate"));
    }
  }
  return notCounted;
}

/**
 * Adds a client's status at a slot to their stretch of a tally: the slot becomes the last one counted, the code's
 * counter goes up, and an attended status closes the run of absences while an absence extends it. Slots must come in
 * increasing order; the caller sees to it.
 */
export function addToTally(target: TallyTarget, client: number, slot: number, code: number): void {
  const { state } = target;
  const base = client * TALLY_STRIDE;
  state[base + TALLY_LAST_SLOT] = slot;
  state[base + TALLY_COUNTS + code] = (state[base + TALLY_COUNTS + code] as number) + 1;
  const run = state[base + TALLY_RUN] as number;
  if (target.attended[code] === 1) {
    if (run > (state[base + TALLY_LONGEST] as number)) state[base + TALLY_LONGEST] = run;
    state[base + TALLY_RUN] = 0;
  } else if (target.extendsStreak[code] === 1) state[base + TALLY_RUN] = run + 1;
}

/** Checks that a record's person and session are ids (non-empty strings), naming the record. */
function checkRecordIds(record: AttendanceSource["attendance"][number], index: number, caller: string): void {
  checkId(record.memberId, `attendance[${index}].memberId`, caller);
  checkId(record.sessionId, `attendance[${index}].sessionId`, caller);
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
