// Running totals and small helpers of turnAnalytics (turns.ts); not exported from the package.
import { GroupworkError } from "../_lib/errors.js";
import type { MemberId, Turn } from "../model/index.js";
import type { MemberTurnStats } from "./turns.js";

/** Running totals per speaker, one array per quantity, indexed by speaker number. */
export interface Tally {
  talk: number[];
  turns: number[];
  longest: number[];
  interruptions: number[];
  interrupted: number[];
  backchannels: number[];
}

/** Empty running totals. */
export const newTally = (): Tally => ({
  talk: [],
  turns: [],
  longest: [],
  interruptions: [],
  interrupted: [],
  backchannels: [],
});

/** Makes room for speakers up to `size`, each starting at 0. */
export function grow(tally: Tally, size: number): void {
  while (tally.talk.length < size) {
    tally.talk.push(0);
    tally.turns.push(0);
    tally.longest.push(0);
    tally.interruptions.push(0);
    tally.interrupted.push(0);
    tally.backchannels.push(0);
  }
}

/** One speaker's totals as the public {@link MemberTurnStats}; `total` is everyone's talk time in the same scope. */
export function statsOf(tally: Tally, speaker: number, memberId: MemberId, total: number): MemberTurnStats {
  const talkTime = tally.talk[speaker] ?? 0;
  const turns = tally.turns[speaker] ?? 0;
  return {
    memberId,
    turns,
    talkTime,
    share: total > 0 ? { value: talkTime / total, reason: null } : { value: null, reason: "nobody-spoke" },
    meanTurn: turns > 0 ? { value: talkTime / turns, reason: null } : { value: null, reason: "no-turns" },
    longestTurn: turns > 0 ? { value: tally.longest[speaker] ?? 0, reason: null } : { value: null, reason: "no-turns" },
    interruptions: tally.interruptions[speaker] ?? 0,
    interrupted: tally.interrupted[speaker] ?? 0,
    backchannels: tally.backchannels[speaker] ?? 0,
  };
}

/** An option in seconds, checked: `fallback` when absent; throws when negative or not finite. */
export function optionSeconds(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new GroupworkError(
      "invalid-argument",
      `turnAnalytics: options.${name} is ${String(value)}; give seconds, 0 or more.`,
    );
  }
  return value;
}

/** Orders ids by UTF-16 code units, the same on every machine (no locale). */
export const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Adds one speaker's session totals to the overall totals and clears them for the next session. */
export function carry(inSession: Tally, overall: Tally, speaker: number): void {
  overall.talk[speaker] = (overall.talk[speaker] ?? 0) + (inSession.talk[speaker] ?? 0);
  overall.turns[speaker] = (overall.turns[speaker] ?? 0) + (inSession.turns[speaker] ?? 0);
  overall.longest[speaker] = Math.max(overall.longest[speaker] ?? 0, inSession.longest[speaker] ?? 0);
  overall.interruptions[speaker] = (overall.interruptions[speaker] ?? 0) + (inSession.interruptions[speaker] ?? 0);
  overall.interrupted[speaker] = (overall.interrupted[speaker] ?? 0) + (inSession.interrupted[speaker] ?? 0);
  overall.backchannels[speaker] = (overall.backchannels[speaker] ?? 0) + (inSession.backchannels[speaker] ?? 0);
  inSession.talk[speaker] = 0;
  inSession.turns[speaker] = 0;
  inSession.longest[speaker] = 0;
  inSession.interruptions[speaker] = 0;
  inSession.interrupted[speaker] = 0;
  inSession.backchannels[speaker] = 0;
}

/** Positions of the turns grouped by session, each session's in start order (then end, then input order). */
export function regroup(
  turns: readonly Turn[],
  sessionOfTurn: Int32Array,
  firstOf: Int32Array,
  unsorted: readonly boolean[],
): Int32Array {
  const next = firstOf.slice(0, firstOf.length - 1);
  const order = new Int32Array(turns.length);
  for (let index = 0; index < turns.length; index++) {
    const session = sessionOfTurn[index] ?? 0;
    order[next[session] ?? 0] = index;
    next[session] = (next[session] ?? 0) + 1;
  }
  const startOf = (index: number): number => turns[index]?.start ?? 0;
  const endOf = (index: number): number => turns[index]?.end ?? 0;
  for (let session = 0; session < unsorted.length; session++) {
    if (!unsorted[session]) continue;
    const slice = order.subarray(firstOf[session] ?? 0, firstOf[session + 1] ?? 0);
    slice.sort((a, b) => startOf(a) - startOf(b) || endOf(a) - endOf(b) || a - b);
  }
  return order;
}
