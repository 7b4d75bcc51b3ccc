import type { Membership } from "../model/index.js";
import { type AttendancePlan, type AttendanceReading, attendedOf, planAttendance, STATUS_CODES } from "./offered.js";
import {
  addToTally,
  gridOf,
  readAttendance,
  TALLY_COUNTS,
  TALLY_LAST_SLOT,
  TALLY_LONGEST,
  TALLY_RUN,
  TALLY_STRIDE,
  type TallyTarget,
} from "./read-attendance.js";
import type { AttendanceSource, ExcusedAbsences, NotCountedAttendance } from "./source.js";
import { isStreakAbsence } from "./streaks.js";

// Private to the metrics room: each client's counts and absence streaks, for the attendance summary, read without
// keeping every client's status at every session.

/** One client's counts by grid code and their absence streaks. */
export interface ClientTally {
  readonly memberId: Membership["memberId"];
  /** Sessions offered to the client. */
  readonly offered: number;
  /** Offered sessions per grid code; code 0 counts the offered sessions with no attendance record at all. */
  readonly byCode: readonly number[];
  /** Absences in a row up to the last offered session. */
  readonly currentStreak: number;
  /** The longest run of absences in a row. */
  readonly longestStreak: number;
}

/** Every client's tally, with the sessions and the records that counted for nobody. */
export type AttendanceTally = AttendanceReading<ClientTally>;

const CODES = STATUS_CODES.length + 1;
// Per grid code, read once from the vocabulary: whether it counts as attended, and whether it extends an absence
// streak under each choice for excused absences (the rule of `isStreakAbsence`, written out as tables so the loop
// over the records does no lookups).
const ATTENDED_CODES: Uint8Array = /* @__PURE__ */ Uint8Array.from({ length: CODES }, (_, code) =>
  attendedOf(code) === true ? 1 : 0,
);
const STREAK_ABSENCE: Readonly<Record<ExcusedAbsences, Uint8Array>> = /* @__PURE__ */ Object.freeze({
  offered: Uint8Array.from({ length: CODES }, (_, code) => (isStreakAbsence(code, "offered") ? 1 : 0)),
  "not-offered": Uint8Array.from({ length: CODES }, (_, code) => (isStreakAbsence(code, "not-offered") ? 1 : 0)),
});

/**
 * Counts and streaks of every client. Streaks follow `absenceStreaks`: an attended session ends a run, an absence
 * extends it, a session with no answer leaves it as it is.
 *
 * When each client's records come in session order (records grouped by session, or by client in session order, as
 * registers are usually kept), one pass folds them into a few numbers per client, and nothing proportional to the
 * records is kept apart from an entry in `notCounted` for each record that counts for nobody. A record for an earlier
 * session than the client's last one stops that pass, and the records are read again into the full grid, which takes
 * any order; both give the same answer.
 */
export function tallyAttendance(
  source: AttendanceSource,
  asOf: string | undefined,
  excused: ExcusedAbsences,
  caller: string,
): AttendanceTally {
  const plan = planAttendance(source, asOf, caller);
  return foldInOrder(source, plan, excused, caller) ?? tallyOfGrid(source, plan, excused, caller);
}

/** The one-pass tally, or `undefined` when some client's records are not in session order. */
export function foldInOrder(
  source: AttendanceSource,
  plan: AttendancePlan,
  excused: ExcusedAbsences,
  caller: string,
): AttendanceTally | undefined {
  const target = emptyTally(plan, excused);
  const notCounted = readAttendance(source, plan, caller, target);
  return notCounted === undefined ? undefined : tallyOf(plan, target, notCounted);
}

/** The tally read from the full grid, for records in any order: each client's statuses added in session order. */
export function tallyOfGrid(
  source: AttendanceSource,
  plan: AttendancePlan,
  excused: ExcusedAbsences,
  caller: string,
): AttendanceTally {
  const grid = gridOf(source, plan, caller);
  const target = emptyTally(plan, excused);
  grid.clients.forEach(({ codes }, client) => {
    // A session with no record (code 0) counts for nothing here; it is worked out from `offered` at the end.
    codes.forEach((code, slot) => {
      if (code !== 0) addToTally(target, client, slot, code);
    });
  });
  return tallyOf(plan, target, grid.notCounted);
}

function emptyTally(plan: AttendancePlan, excused: ExcusedAbsences): TallyTarget {
  const state = new Int32Array(plan.clients.length * TALLY_STRIDE);
  for (let at = TALLY_LAST_SLOT; at < state.length; at += TALLY_STRIDE) state[at] = -1;
  return { kind: "tally", state, attended: ATTENDED_CODES, extendsStreak: STREAK_ABSENCE[excused] };
}

/** Each client's counts and streaks, read from a filled tally. */
function tallyOf(
  plan: AttendancePlan,
  { state }: TallyTarget,
  notCounted: readonly NotCountedAttendance[],
): AttendanceTally {
  const clients = plan.clients.map(({ memberId, offered }, index): ClientTally => {
    const base = index * TALLY_STRIDE;
    const byCode = Array.from(state.subarray(base + TALLY_COUNTS, base + TALLY_STRIDE));
    let recorded = 0;
    for (const count of byCode) recorded += count;
    byCode[0] = offered - recorded;
    const run = state[base + TALLY_RUN] as number;
    return {
      memberId,
      offered,
      byCode,
      currentStreak: run,
      longestStreak: Math.max(run, state[base + TALLY_LONGEST] as number),
    };
  });
  return { sessions: plan.sessions, held: plan.held, clients, notCounted };
}
