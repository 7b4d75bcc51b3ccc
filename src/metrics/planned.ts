import type { SessionId } from "../model/index.js";
import {
  type AttendanceRegister,
  type DatedSession,
  offeredSessions,
  placeInPeriod,
  type RegisteredClient,
} from "./register.js";
import type { AttendanceSource } from "./source.js";
import type { StatusEntry } from "./statuses.js";

// The below-fraction rule of dropout: fewer than a share of the planned sessions attended. Not exported from the
// package; detectDropout is its public face.

/** What a dropout rule found for one client: the fields of a `DropoutFinding` after the member and the rule. */
export interface Verdict {
  readonly fired: boolean;
  readonly evidence: readonly SessionId[];
  readonly date: string | null;
  readonly explanation: string;
}

/**
 * Applies `below-fraction` to one client: fires at the first point where the sessions attended plus every session
 * still possible fall below `fraction × planned`, so it never fires on a member who could still catch up. A client
 * who joins a planned group late is held to the sessions of the plan still to come on their first day.
 */
export function belowFraction(
  record: AttendanceSource,
  register: AttendanceRegister,
  client: RegisteredClient,
  fraction: number,
  asOf: string | undefined,
): Verdict {
  const periods = client.memberships.map((membership) => membership.period);
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
      ? plannedDuringMembership(register, client)
      : Math.max(0, record.group.plannedSessions - passedBefore(register, startDay));
  const needed = fraction * planned;
  const statusOf = new Map<DatedSession, StatusEntry | undefined>(
    offeredSessions(register, client).map((dated, position) => [dated, client.statuses[position]]),
  );

  let attended = 0;
  let passed = 0;
  const missed: SessionId[] = [];
  const verdict = (date: string, possible: number): Verdict | undefined =>
    attended + possible < needed
      ? {
          fired: true,
          evidence: [...missed],
          date,
          explanation: `Attended ${attended} of ${planned} planned sessions and can attend at most ${possible} more; the rule asks for ${needed}.`,
        }
      : undefined;

  for (const dated of register.sessions) {
    if (dated.day < startDay || dated.session.status === "scheduled") continue;
    if (lastEnd !== undefined && dated.day > lastEnd) {
      return verdict(lastEnd, 0) ?? notFired(attended, planned, needed);
    }
    passed++;
    if (statusOf.has(dated)) {
      if (statusOf.get(dated)?.attended === true) attended++;
      else missed.push(dated.id);
    }
    const fired = verdict(dated.day, Math.max(0, planned - passed));
    if (fired !== undefined) return fired;
  }
  if (lastEnd !== undefined && (asOf === undefined || lastEnd <= asOf)) {
    const fired = verdict(lastEnd, 0);
    if (fired !== undefined) return fired;
  }
  return notFired(attended, planned, needed);
}

function notFired(attended: number, planned: number, needed: number): Verdict {
  return {
    fired: false,
    evidence: [],
    date: null,
    explanation: `Attended ${attended} of ${planned} planned sessions; the rule asks for ${needed}, ${attended >= needed ? "which is reached" : "which is still within reach"}.`,
  };
}

/** Without a group plan: the sessions of the record held or still scheduled on days the client's memberships cover. */
function plannedDuringMembership(register: AttendanceRegister, client: RegisteredClient): number {
  return register.allSessions.filter(
    ({ session, day }) =>
      (session.status === "held" || session.status === "scheduled") &&
      client.memberships.some((membership) => placeInPeriod(membership, day) === 0),
  ).length;
}

/** Sessions of the plan already past (held, cancelled or not taken place) before a client's first day. */
function passedBefore(register: AttendanceRegister, startDay: string): number {
  let passed = 0;
  for (const dated of register.sessions) {
    if (dated.day >= startDay) break;
    if (dated.session.status !== "scheduled") passed++;
  }
  return passed;
}

const min = (a: string, b: string): string => (b < a ? b : a);
const max = (a: string, b: string): string => (b > a ? b : a);
