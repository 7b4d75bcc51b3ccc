// Running totals and small helpers of turnAnalytics (turns.ts); not exported from the package.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId, Turn } from "../model/index.js";
import { checkTurn } from "./check-entries.js";
import type { MemberTurnStats } from "./turns.js";

/** One speaker's running totals, in one session or over all of them. */
export interface SpeakerTally {
  talk: number;
  turns: number;
  longest: number;
  interruptions: number;
  interrupted: number;
  backchannels: number;
}

/** Running totals at 0. */
export const newSpeakerTally = (): SpeakerTally => ({
  talk: 0,
  turns: 0,
  longest: 0,
  interruptions: 0,
  interrupted: 0,
  backchannels: 0,
});

/** One speaker's totals as the public {@link MemberTurnStats}; `total` is everyone's talk time in the same scope. */
export function statsOf(tally: SpeakerTally, memberId: MemberId, total: number): MemberTurnStats {
  const { talk, turns } = tally;
  return {
    memberId,
    turns,
    talkTime: talk,
    share: total > 0 ? { value: talk / total, reason: null } : { value: null, reason: "nobody-spoke" },
    meanTurn: turns > 0 ? { value: talk / turns, reason: null } : { value: null, reason: "no-turns" },
    longestTurn: turns > 0 ? { value: tally.longest, reason: null } : { value: null, reason: "no-turns" },
    interruptions: tally.interruptions,
    interrupted: tally.interrupted,
    backchannels: tally.backchannels,
  };
}

/** Adds one speaker's session totals to their overall totals and sets the session's back to 0. */
export function carry(session: SpeakerTally, overall: SpeakerTally): void {
  overall.talk += session.talk;
  overall.turns += session.turns;
  overall.longest = Math.max(overall.longest, session.longest);
  overall.interruptions += session.interruptions;
  overall.interrupted += session.interrupted;
  overall.backchannels += session.backchannels;
  session.talk = 0;
  session.turns = 0;
  session.longest = 0;
  session.interruptions = 0;
  session.interrupted = 0;
  session.backchannels = 0;
}

/** An option in seconds, checked: `fallback` when absent; throws when negative or not finite. */
export function optionSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new GroupworkError(
      "invalid-argument",
      `turnAnalytics: options.${name} is ${describeValue(value)}; give seconds, 0 or more.`,
    );
  }
  return value;
}

/** What the first pass learns about one session's turns. */
export interface SessionSlot {
  readonly id: string;
  /** How many turns it has. */
  size: number;
  /** The latest start seen so far, to notice turns out of order. */
  latestStart: number;
  /** The latest end among the turns starting at `latestStart` (turns that start together are read by their end). */
  latestEnd: number;
  /** Whether its turns came out of start order. */
  unsorted: boolean;
  /** Where its turns begin in the grouped order. */
  first: number;
}

/**
 * Positions of the turns grouped by session, each session's in start order (then end, then input order): a counting
 * sort by session that keeps the input order, then a sort of the sessions whose turns came out of order.
 */
export function regroup(
  turns: readonly Turn[],
  sessionOf: ReadonlyMap<string, number>,
  slots: readonly SessionSlot[],
): Int32Array {
  const next = Int32Array.from(slots, (slot) => slot.first);
  const order = new Int32Array(turns.length);
  turns.forEach((turn, index) => {
    // Every turn's session was numbered in the first pass, and the slots' `first` positions leave room for its turns.
    const session = sessionOf.get(turn.sessionId) as number;
    order[next[session] as number] = index;
    next[session] = (next[session] as number) + 1;
  });
  const startOf = (index: number): number => (turns[index] as Turn).start;
  const endOf = (index: number): number => (turns[index] as Turn).end;
  for (const slot of slots) {
    if (!slot.unsorted) continue;
    order
      .subarray(slot.first, slot.first + slot.size)
      .sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b) || a - b);
  }
  return order;
}

/** Checks every turn and counts each session's turns, noting the sessions whose turns are out of order. */
export function groupBySession(turns: readonly Turn[], sessionOf: Map<string, number>, slots: SessionSlot[]): void {
  let slot: SessionSlot | undefined;
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    checkTurn(turn, `turns[${index}]`, "turnAnalytics");
    const { start, end } = turn;
    if (turn.sessionId !== slot?.id) {
      const seen = sessionOf.get(turn.sessionId);
      if (seen === undefined) {
        sessionOf.set(turn.sessionId, slots.length);
        slot = { id: turn.sessionId, size: 0, latestStart: start, latestEnd: end, unsorted: false, first: index };
        slots.push(slot);
      } else slot = slots[seen] as SessionSlot; // `seen` was given out as a position in `slots`
    }
    // In order means by start, then by end for turns that start together (the order regroup sorts into).
    if (start < slot.latestStart || (start === slot.latestStart && end < slot.latestEnd)) slot.unsorted = true;
    else {
      slot.latestStart = start;
      slot.latestEnd = end;
    }
    slot.size++;
  }
}
