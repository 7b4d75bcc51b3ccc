import { localDate } from "../_lib/calendar.js";
import type { MemberId, SessionId } from "../model/index.js";
import type { DropoutFinding, DropoutRule } from "./dropout.js";
import { type AttendanceGrid, attendedOf, type ClientRow } from "./offered.js";
import type { AttendanceSource } from "./source.js";

// The below-fraction rule of dropout: fewer than a share of the planned sessions attended. Not exported from the
// package; detectDropout is its public face.

/**
 * Applies `below-fraction` to one client: fires at the first point where the sessions attended plus every session
 * still possible fall below `fraction × planned`, so it never fires on a member who could still catch up. A client
 * who joins a planned group late is held to the sessions of the plan still to come on their first day.
 */
export function belowFraction(
  record: AttendanceSource,
  grid: AttendanceGrid,
  row: ClientRow,
  rule: Extract<DropoutRule, { kind: "below-fraction" }>,
  asOf: string | undefined,
  base: { memberId: MemberId; rule: DropoutRule },
): DropoutFinding {
  const periods = row.memberships.map((membership) => membership.period);
  // A membership without a period covers the group's whole life: "" sorts before every day.
  const startDay = periods.reduce<string>(
    (first, period) => (period === undefined ? "" : min(first, period.start)),
    "\uffff",
  );
  // Still enrolled (no end) unless every membership has ended.
  const lastEnd = periods.every((period) => period?.end !== undefined)
    ? periods.reduce<string>((last, period) => max(last, period?.end as string), "")
    : undefined;
  // With a group plan, a client who joins late is held to the planned sessions still to come when they joined (in a
  // closed group, where everyone starts at the first session, that is the whole plan); without one, to the sessions
  // of their own membership.
  const planned =
    record.group.plannedSessions === undefined
      ? plannedDuringMembership(record, row)
      : Math.max(0, record.group.plannedSessions - passedBefore(grid, startDay));
  const needed = rule.fraction * planned;

  let attended = 0;
  let passed = 0;
  let slot = 0;
  const missed: SessionId[] = [];
  const verdict = (date: string, possible: number): DropoutFinding | undefined =>
    attended + possible < needed
      ? {
          ...base,
          fired: true,
          evidence: [...missed],
          date,
          explanation: `Attended ${attended} of ${planned} planned sessions and can attend at most ${possible} more; the rule asks for ${needed}.`,
        }
      : undefined;

  for (const dated of grid.sessions) {
    if (dated.day < startDay || dated.session.status === "scheduled") continue;
    if (lastEnd !== undefined && dated.day > lastEnd) {
      return verdict(lastEnd, 0) ?? notFired(base, attended, planned, needed);
    }
    passed++;
    if (dated.heldIndex >= 0) {
      while (slot < row.offered.length && (row.offered[slot] as number) < dated.heldIndex) slot++;
      if (row.offered[slot] === dated.heldIndex) {
        if (attendedOf(row.codes[slot] as number) === true) attended++;
        else missed.push(dated.session.id);
      }
    }
    const fired = verdict(dated.day, Math.max(0, planned - passed));
    if (fired !== undefined) return fired;
  }
  if (lastEnd !== undefined && (asOf === undefined || lastEnd <= asOf)) {
    const fired = verdict(lastEnd, 0);
    if (fired !== undefined) return fired;
  }
  return notFired(base, attended, planned, needed);
}

function notFired(
  base: { memberId: MemberId; rule: DropoutRule },
  attended: number,
  planned: number,
  needed: number,
): DropoutFinding {
  return {
    ...base,
    fired: false,
    evidence: [],
    date: null,
    explanation: `Attended ${attended} of ${planned} planned sessions; the rule asks for ${needed}, ${attended >= needed ? "which is reached" : "which is still within reach"}.`,
  };
}

/** Without a group plan: the sessions held or still scheduled on days the client's memberships cover. */
function plannedDuringMembership(record: AttendanceSource, row: ClientRow): number {
  const { timeZone } = record.group;
  return record.sessions.filter((session) => {
    if (session.status !== "held" && session.status !== "scheduled") return false;
    const day = localDate(session.scheduledStart, timeZone);
    return row.memberships.some(
      ({ period }) => period === undefined || (period.start <= day && (period.end === undefined || day <= period.end)),
    );
  }).length;
}

/** Sessions of the plan already past (held, cancelled or not taken place) before a client's first day. */
function passedBefore(grid: AttendanceGrid, startDay: string): number {
  let passed = 0;
  for (const dated of grid.sessions) {
    if (dated.day >= startDay) break;
    if (dated.session.status !== "scheduled") passed++;
  }
  return passed;
}

const min = (a: string, b: string): string => (b < a ? b : a);
const max = (a: string, b: string): string => (b > a ? b : a);
