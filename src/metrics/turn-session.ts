// The analysis of one session's turns for turnAnalytics (turns.ts); not exported from the package.

import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId, SessionId, Turn } from "../model/index.js";
import { isTurn } from "./check-entries.js";
import { participationEquality } from "./equality.js";
import { compareText } from "./order.js";
import { carry, newSpeakerTally, type SessionSlot, type SpeakerTally, statsOf } from "./turn-tally.js";
import type { MemberTurnStats, SessionTurnStats } from "./turns.js";

/** What every session's analysis shares: the speakers, their tallies and the thresholds. */
export interface TurnContext {
  /** Speaker number of each person seen; roster members first, in roster order. */
  readonly speakerOf: Map<string, number>;
  /** The person of each speaker number. */
  readonly speakerIds: MemberId[];
  /** Each speaker's totals in the session being analysed; back to 0 after it. */
  readonly inSession: SpeakerTally[];
  /** Each speaker's totals over the sessions analysed so far. */
  readonly overall: SpeakerTally[];
  /** How many speaker numbers belong to the roster. */
  readonly rosterSize: number;
  /** The roster's speaker numbers, in id order. */
  readonly rosterOrder: readonly number[];
  /** Overlap, in seconds, beyond which taking the floor is an interruption. */
  readonly interruptionOverlap: number;
  /** Longest backchannel, in seconds. */
  readonly backchannelMaxLength: number;
}

/** Gives a person the next speaker number, with empty tallies. */
export function addSpeaker(context: TurnContext, memberId: MemberId): number {
  const speaker = context.speakerIds.length;
  context.speakerOf.set(memberId, speaker);
  context.speakerIds.push(memberId);
  context.inSession.push(newSpeakerTally());
  context.overall.push(newSpeakerTally());
  return speaker;
}

/** Orders speaker numbers by their people's ids. */
export const bySpeakerId =
  (context: TurnContext) =>
  (a: number, b: number): number =>
    compareText(context.speakerIds[a] as string, context.speakerIds[b] as string);

/**
 * Analyses one session whose turns sit at positions `slot.first` … of `order`, in start order, and adds its speakers'
 * totals to `context.overall`.
 *
 * Without `order`, the turns are read in place from `turns[slot.first]` for as long as they belong to the session,
 * checked as they are read, and `slot.size` is set: the answer is `undefined` as soon as one is missing, has
 * impossible times or starts before the one read before it, and the caller takes the careful path instead. Turns
 * that start together are read by their end, then as given.
 */
export function analyseSession(
  context: TurnContext,
  slot: SessionSlot,
  turns: readonly Turn[],
  order: Int32Array | undefined,
): SessionTurnStats | undefined {
  const { speakerOf, speakerIds, inSession, overall, rosterSize, interruptionOverlap, backchannelMaxLength } = context;
  // Every position below is inside the session's range, and `order` holds indices of turns checked before.
  const turnAt = (position: number): Turn =>
    turns[order === undefined ? position : (order[position] as number)] as Turn;
  const from = slot.first;
  const inPlace = order === undefined;
  const to = inPlace ? turns.length : from + slot.size;
  let latestStart = Number.NEGATIVE_INFINITY;
  const touched: number[] = [];
  // `floorEnd` is the latest end of the turns so far and `floorHolder` who holds it; `secondEnd` the latest end among
  // the others. Later turns start no earlier, so the part of a new turn already covered by someone is
  // [start, floorEnd], and covered twice is [start, secondEnd].
  let floorEnd = Number.NEGATIVE_INFINITY;
  let floorHolder = -1;
  let secondEnd = Number.NEGATIVE_INFINITY;
  let talk = 0;
  let speaking = 0;
  let overlap = 0;
  let interruptions = 0;
  let backchannels = 0;
  const spanStart = turnAt(from).start;
  let position = from;
  // Turns that start together are read by their end, then as given (Array sort is stable): such a group, usually of
  // one, is gathered and read from `group` before the reading moves on.
  let group: Turn[] | undefined;
  let groupAt = 0;
  for (;;) {
    let turn: Turn;
    if (group !== undefined && groupAt < group.length) turn = group[groupAt++] as Turn;
    else {
      if (position >= to) break;
      const candidate = turnAt(position);
      if (inPlace) {
        // A turn that is not one (a missing entry, an id that is not a string, impossible times) sends the caller
        // down the careful path, which names it.
        if (!isTurn(candidate)) return undefined;
        if (candidate.sessionId !== slot.id) break;
        if (candidate.start < latestStart) return undefined;
        latestStart = candidate.start;
      }
      let next = position + 1;
      for (; next < to; next++) {
        const following: unknown = turnAt(next);
        if (inPlace && (typeof following !== "object" || following === null)) break;
        const { sessionId, start } = following as Turn;
        if (inPlace && sessionId !== slot.id) break;
        if (start !== candidate.start) break;
        if (inPlace && !isTurn(following)) return undefined;
      }
      if (next - position > 1) {
        group = [];
        for (let at = position; at < next; at++) group.push(turnAt(at));
        group.sort((a, b) => a.end - b.end);
        groupAt = 1;
        turn = group[0] as Turn;
      } else turn = candidate;
      position = next;
    }
    const { start, end } = turn;
    const speaker = speakerOf.get(turn.memberId) ?? addSpeaker(context, turn.memberId);
    const mine = inSession[speaker] as SpeakerTally; // every speaker number has its tally
    const length = end - start;
    if (speaker >= rosterSize && mine.turns === 0) touched.push(speaker);
    mine.talk += length;
    mine.turns++;
    mine.longest = Math.max(mine.longest, length);
    talk += length;

    if (start < floorEnd && floorHolder !== speaker) {
      if (end > floorEnd) {
        if (floorEnd - start > interruptionOverlap) {
          mine.interruptions++;
          (inSession[floorHolder] as SpeakerTally).interrupted++; // the floor holder spoke, so has a tally
          interruptions++;
        }
      } else if (length <= backchannelMaxLength) {
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
      floorHolder = speaker;
    } else if (end > secondEnd) secondEnd = end;
  }

  if (inPlace) slot.size = position - from;
  // Finite times can still add up to more than the largest double; a sum of Infinity is no figure to report.
  if (talk === Number.POSITIVE_INFINITY) {
    throw new GroupworkError(
      "invalid-argument",
      `turnAnalytics: the turns of session ${describeValue(slot.id)} add up to more seconds than a number can hold (about 1.8e308).`,
    );
  }
  const members: MemberTurnStats[] = [];
  const didNotSpeak: MemberId[] = [];
  const talkTimes: number[] = [];
  const turnCounts: number[] = [];
  // Speaker numbers index `speakerIds`, `inSession` and `overall` alike.
  for (const speaker of context.rosterOrder) {
    const memberId = speakerIds[speaker] as MemberId;
    const tally = inSession[speaker] as SpeakerTally;
    members.push(statsOf(tally, memberId, talk));
    if (tally.turns === 0) didNotSpeak.push(memberId);
    talkTimes.push(tally.talk);
    turnCounts.push(tally.turns);
    carry(tally, overall[speaker] as SpeakerTally);
  }
  const offRoster = touched.sort(bySpeakerId(context)).map((speaker) => {
    const tally = inSession[speaker] as SpeakerTally;
    const stats = statsOf(tally, speakerIds[speaker] as MemberId, talk);
    carry(tally, overall[speaker] as SpeakerTally);
    return stats;
  });
  return {
    sessionId: slot.id as SessionId,
    turns: slot.size,
    start: spanStart,
    end: floorEnd,
    talkTime: talk,
    speakingTime: speaking,
    silence: Math.max(0, floorEnd - spanStart - speaking),
    overlap,
    interruptions,
    backchannels,
    members,
    offRoster,
    didNotSpeak,
    talkTimeEquality: participationEquality(talkTimes),
    turnEquality: participationEquality(turnCounts),
  };
}
