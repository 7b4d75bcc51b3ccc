// The talk of one session for turnAnalytics (turns.ts): one reading of its turns in start order. Not exported from
// the package.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId, SessionId } from "../model/index.js";
import { participationEquality } from "./equality.js";
import { compareText } from "./order.js";
import type { MemberTurnStats, SessionTurnStats, TurnInput } from "./turn-types.js";

/** One person's totals, in one session or over all of them. */
export interface SpeakerTally {
  talk: number;
  turns: number;
  longest: number;
  interruptions: number;
  interrupted: number;
  backchannels: number;
}

/** Totals at 0. */
export const emptyTally = (): SpeakerTally => ({
  talk: 0,
  turns: 0,
  longest: 0,
  interruptions: 0,
  interrupted: 0,
  backchannels: 0,
});

/** The tally of `memberId` in `tallies`, added at 0 the first time it is asked for. */
export function tallyOf(tallies: Map<string, SpeakerTally>, memberId: string): SpeakerTally {
  let tally = tallies.get(memberId);
  if (tally === undefined) {
    tally = emptyTally();
    tallies.set(memberId, tally);
  }
  return tally;
}

/** One person's totals as the public {@link MemberTurnStats}; `total` is everyone's talk time in the same scope. */
export function statsOf(memberId: string, tally: SpeakerTally, total: number): MemberTurnStats {
  const { talk, turns } = tally;
  return {
    memberId: memberId as MemberId,
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

/** The thresholds of {@link analyseSession}, in seconds. */
export interface TurnThresholds {
  /** Overlap beyond which taking the floor is an interruption. */
  readonly interruptionOverlap: number;
  /** Longest backchannel. */
  readonly backchannelMaxLength: number;
}

/** One session's figures, and each speaker's totals in it for the overall figures. */
export interface SessionReading {
  readonly stats: SessionTurnStats;
  readonly tallies: ReadonlyMap<string, SpeakerTally>;
}

/**
 * The talk of one session, from its turns (checked, at least one; the list is put in start order in place) and the
 * roster's ids sorted by id.
 *
 * The turns are read in start order, turns that start together by their end, then as given. Each turn is measured
 * against the floor so far: `floorEnd` is the latest end of the turns read, `floorHolder` whose turn it is, and
 * `secondEnd` the latest end among the others. A later turn starts no earlier, so the part of it someone already
 * covers is [start, floorEnd], and the part two turns already cover is [start, secondEnd].
 */
export function analyseSession(
  sessionId: string,
  turns: TurnInput[],
  roster: readonly string[],
  rosterIds: ReadonlySet<string>,
  { interruptionOverlap, backchannelMaxLength }: TurnThresholds,
): SessionReading {
  // Recording tools export a session's turns in start order, and one look that finds them so is several times cheaper
  // than a sort with a comparator.
  const inOrder = inReadingOrder(turns) ? turns : turns.sort(byStartThenEnd);
  const tallies = new Map<string, SpeakerTally>();
  let floorEnd = Number.NEGATIVE_INFINITY;
  let floorHolder = "";
  let secondEnd = Number.NEGATIVE_INFINITY;
  let talk = 0;
  let speaking = 0;
  let overlap = 0;
  let interruptions = 0;
  let backchannels = 0;
  for (const { memberId, start, end } of inOrder) {
    const length = end - start;
    const mine = tallyOf(tallies, memberId);
    mine.talk += length;
    mine.turns++;
    mine.longest = Math.max(mine.longest, length);
    talk += length;

    // Someone else holds the floor: B (this turn) starts while A (the floor holder) is still speaking.
    if (start < floorEnd && floorHolder !== memberId) {
      if (end > floorEnd) {
        // B outlasts A and takes the floor: an interruption when they overlap by more than the threshold.
        if (floorEnd - start > interruptionOverlap) {
          mine.interruptions++;
          tallyOf(tallies, floorHolder).interrupted++;
          interruptions++;
        }
      } else if (length <= backchannelMaxLength) {
        // B stops before or as A does, briefly: a backchannel (Yngve 1970).
        mine.backchannels++;
        backchannels++;
      }
    }
    if (start >= floorEnd) speaking += length;
    else if (end > floorEnd) speaking += end - floorEnd;
    const twice = Math.min(end, floorEnd) - Math.max(start, secondEnd);
    if (twice > 0) overlap += twice;
    if (end > floorEnd) {
      secondEnd = floorEnd;
      floorEnd = end;
      floorHolder = memberId;
    } else if (end > secondEnd) secondEnd = end;
  }
  // Finite times can still add up to more than the largest double; a sum of Infinity is no figure to report.
  if (talk === Number.POSITIVE_INFINITY) {
    throw new GroupworkError(
      "invalid-argument",
      `turnAnalytics: the turns of session ${describeValue(sessionId)} add up to more seconds than a number can hold (about 1.8e308).`,
    );
  }

  const members = roster.map((memberId) => statsOf(memberId, tallies.get(memberId) ?? emptyTally(), talk));
  const offRoster = [...tallies.keys()]
    .filter((memberId) => !rosterIds.has(memberId))
    .sort(compareText)
    .map((memberId) => statsOf(memberId, tallies.get(memberId) ?? emptyTally(), talk));
  const start = (inOrder[0] as TurnInput).start; // a session has at least one turn
  const stats: SessionTurnStats = {
    sessionId: sessionId as SessionId,
    turns: inOrder.length,
    start,
    end: floorEnd,
    talkTime: talk,
    speakingTime: speaking,
    silence: Math.max(0, floorEnd - start - speaking),
    overlap,
    interruptions,
    backchannels,
    members,
    offRoster,
    didNotSpeak: members.filter((member) => member.turns === 0).map((member) => member.memberId),
    talkTimeEquality: participationEquality(members.map((member) => member.talkTime)),
    turnEquality: participationEquality(members.map((member) => member.turns)),
  };
  return { stats, tallies };
}

/**
 * The order in which a session's turns are read: by start, turns that start together by their end. Array sort is
 * stable, so turns with the same start and end stay as given.
 */
export const byStartThenEnd = (a: TurnInput, b: TurnInput): number => a.start - b.start || a.end - b.end;

/** Whether turns are already in the order {@link byStartThenEnd} puts them in. */
function inReadingOrder(turns: readonly TurnInput[]): boolean {
  for (let index = 1; index < turns.length; index++) {
    // index − 1 and index are within the list
    if (byStartThenEnd(turns[index - 1] as TurnInput, turns[index] as TurnInput) > 0) return false;
  }
  return true;
}
