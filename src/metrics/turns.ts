import { GroupworkError } from "../_lib/errors.js";
import type { MemberId, SessionId, Turn } from "../model/index.js";
import { type Measured, type ParticipationEquality, participationEquality } from "./equality.js";
import { byId, carry, grow, newTally, optionSeconds, regroup, statsOf } from "./turn-tally.js";

/** Options of {@link turnAnalytics}: when an overlap is an interruption, and how short a backchannel is. */
export interface TurnAnalyticsOptions {
  /**
   * Seconds of overlap, strictly more than this, that make a floor-taking overlap an interruption. Default 1.
   */
  readonly interruptionOverlap?: number;
  /** Longest turn, in seconds, that can count as a backchannel ("mm", "yes"). Default 5. */
  readonly backchannelMaxLength?: number;
}

/** How one person spoke, in one session or over all the turns given; part of {@link TurnAnalytics}. */
export interface MemberTurnStats {
  /** The person who spoke (or, for a roster member, did not). */
  readonly memberId: MemberId;
  /** How many turns they took. */
  readonly turns: number;
  /** Seconds they spoke, their turns added up. */
  readonly talkTime: number;
  /** Their talk time ÷ everyone's talk time (off-roster speakers included); `null` when nobody spoke. */
  readonly share: Measured<"nobody-spoke">;
  /** Mean length of their turns in seconds; `null` when they took no turn. */
  readonly meanTurn: Measured<"no-turns">;
  /** Length of their longest turn in seconds; `null` when they took no turn. */
  readonly longestTurn: Measured<"no-turns">;
  /** How often they took the floor from someone still speaking (see {@link turnAnalytics}). */
  readonly interruptions: number;
  /** How often someone took the floor from them while they were speaking. */
  readonly interrupted: number;
  /** How often they spoke briefly inside someone else's turn without taking the floor. */
  readonly backchannels: number;
}

/** The talk of one session; part of {@link TurnAnalytics}. */
export interface SessionTurnStats {
  /** The session. */
  readonly sessionId: SessionId;
  /** How many turns were recorded in it. */
  readonly turns: number;
  /** When the first recorded turn started, in seconds from the session's start. */
  readonly start: number;
  /** When the last recorded turn ended, in seconds from the session's start. */
  readonly end: number;
  /** Seconds of talk, every turn added up (two people talking for 10 s give 20 s). */
  readonly talkTime: number;
  /** Seconds during which at least one person spoke. */
  readonly speakingTime: number;
  /** Seconds between `start` and `end` during which nobody spoke. */
  readonly silence: number;
  /** Seconds during which two or more turns ran at once (two or more people, when no one overlaps themselves). */
  readonly overlap: number;
  /** Interruptions in the session, by anyone. */
  readonly interruptions: number;
  /** Backchannels in the session, by anyone. */
  readonly backchannels: number;
  /** Every roster member, silent ones included, sorted by id. */
  readonly members: readonly MemberTurnStats[];
  /** People who spoke but are not on the roster (facilitators left off it, unknown ids), sorted by id. */
  readonly offRoster: readonly MemberTurnStats[];
  /** Roster members who took no turn in the session, sorted by id. */
  readonly didNotSpeak: readonly MemberId[];
  /** Equality of talk time over the roster (silent members as 0). */
  readonly talkTimeEquality: ParticipationEquality;
  /** Equality of turn counts over the roster (silent members as 0). */
  readonly turnEquality: ParticipationEquality;
}

/** Who spoke how much, in each session and over all the turns given; the result of {@link turnAnalytics}. */
export interface TurnAnalytics {
  /** How many turns were analysed. */
  readonly turns: number;
  /** Seconds of talk over all turns. */
  readonly talkTime: number;
  /** Every roster member over all sessions, silent ones included, sorted by id. */
  readonly members: readonly MemberTurnStats[];
  /** People who spoke but are not on the roster, over all sessions, sorted by id. */
  readonly offRoster: readonly MemberTurnStats[];
  /** Roster members who took no turn in any session, sorted by id. */
  readonly didNotSpeak: readonly MemberId[];
  /** Equality of talk time over the roster, all sessions together. */
  readonly talkTimeEquality: ParticipationEquality;
  /** Equality of turn counts over the roster, all sessions together. */
  readonly turnEquality: ParticipationEquality;
  /** One entry per session that has turns, sorted by session id. */
  readonly sessions: readonly SessionTurnStats[];
}

/**
 * Who spoke how much: talk time, share, turns, mean and longest turn, interruptions, backchannels and silent members,
 * per session and over all the turns given, with the equality of talk time and of turn counts over the roster.
 *
 * Definitions (each with the options that tune it):
 * - When B starts while A is still speaking (A started first and has not ended), and A's turn ends before B's, B has
 *   taken the floor; it is an **interruption** by B of A when they overlap by more than `interruptionOverlap`
 *   seconds (default 1). A is the person still speaking whose turn ends last.
 * - When B starts while A is speaking and stops before or as A does, B did not take the floor; it is a
 *   **backchannel** when B's turn lasts at most `backchannelMaxLength` seconds (default 5).
 * - **Silence** is the time between the first turn's start and the last turn's end that no turn covers; **overlap**
 *   is the time two or more people speak at once.
 *
 * Every roster member counts, silent ones as 0; turns of people not on the roster are counted in each session's totals
 * and listed under `offRoster`, never dropped. Pass, for each session, the members who were present to count only
 * them (call once per session). One pass over the turns; turns need not be sorted.
 *
 * @param turns - speaking turns, of one session or several, in any order
 * @param roster - the members who count: everyone whose silence matters (often the members present)
 * @param options - thresholds for interruptions and backchannels, in seconds
 * @throws {GroupworkError} `invalid-argument` when a turn's times are not finite numbers with 0 ≤ start ≤ end (names
 * its index), a roster lists a member twice, or an option is negative
 * @returns the {@link TurnAnalytics}: members, off-roster speakers, silent members, equality and one entry per session
 * @example
 * const result = turnAnalytics(
 *   [
 *     { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *     { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 *   ],
 *   ["m-ana", "m-ben", "m-cy"],
 * );
 * [result.members[1].interruptions, result.sessions[0].overlap, result.didNotSpeak]
 * //=> [1, 10, ["m-cy"]]
 */
export function turnAnalytics(
  turns: readonly Turn[],
  roster: readonly MemberId[],
  options: TurnAnalyticsOptions = {},
): TurnAnalytics {
  const interruptionOverlap = optionSeconds(options.interruptionOverlap, 1, "interruptionOverlap");
  const backchannelMaxLength = optionSeconds(options.backchannelMaxLength, 5, "backchannelMaxLength");

  // Speakers are numbered: roster members first, in roster order, then off-roster people as they appear.
  const speakerOf = new Map<string, number>();
  const speakerIds: MemberId[] = [];
  for (const memberId of roster) {
    if (speakerOf.has(memberId)) {
      throw new GroupworkError("invalid-argument", `turnAnalytics: the roster lists ${memberId} twice.`);
    }
    speakerOf.set(memberId, speakerIds.length);
    speakerIds.push(memberId);
  }
  const rosterSize = speakerIds.length;
  const rosterOrder = [...speakerIds.keys()].sort((a, b) => byId(speakerIds[a] ?? "", speakerIds[b] ?? ""));

  // First pass: check each turn, number its session, and note the sessions whose turns are not in start order.
  const count = turns.length;
  const sessionOfTurn = new Int32Array(count);
  const sessionOf = new Map<string, number>();
  const sessionIds: SessionId[] = [];
  const sizes: number[] = [];
  const latestStart: number[] = [];
  const unsorted: boolean[] = [];
  // Hosts usually send a session's turns together and in order: then the turns are read in place, not regrouped.
  let inPlace = true;
  let lastSessionId: string | undefined;
  let session = -1;
  for (let index = 0; index < count; index++) {
    const turn = turns[index];
    if (turn === undefined) throw new GroupworkError("invalid-argument", `turnAnalytics: turns[${index}] is missing.`);
    const { start, end } = turn;
    // Written so that NaN fails every comparison and is caught.
    if (!(start >= 0 && end >= start && end < Number.POSITIVE_INFINITY)) {
      throw new GroupworkError(
        "invalid-argument",
        `turnAnalytics: turns[${index}] runs from ${String(start)} to ${String(end)} s; times must be finite with 0 ≤ start ≤ end.`,
      );
    }
    if (turn.sessionId !== lastSessionId) {
      lastSessionId = turn.sessionId;
      const seen = sessionOf.get(turn.sessionId);
      if (seen === undefined) {
        session = sessionIds.length;
        sessionOf.set(turn.sessionId, session);
        sessionIds.push(turn.sessionId);
        sizes.push(0);
        latestStart.push(start);
        unsorted.push(false);
      } else {
        session = seen;
        inPlace = false;
      }
    }
    if (start < (latestStart[session] ?? 0)) {
      unsorted[session] = true;
      inPlace = false;
    } else latestStart[session] = start;
    sessionOfTurn[index] = session;
    sizes[session] = (sizes[session] ?? 0) + 1;
  }

  // Where they are not, group the turns by session (a counting sort keeps each session's input order), then sort the
  // sessions whose turns are out of start order.
  const firstOf = new Int32Array(sessionIds.length + 1);
  for (let session = 0; session < sessionIds.length; session++) {
    firstOf[session + 1] = (firstOf[session] ?? 0) + (sizes[session] ?? 0);
  }
  const order = inPlace ? undefined : regroup(turns, sessionOfTurn, firstOf, unsorted);

  const inSession = newTally();
  const overall = newTally();
  grow(inSession, rosterSize);
  grow(overall, rosterSize);
  let totalTalk = 0;
  const sessions: SessionTurnStats[] = [];
  const sessionOrder = [...sessionIds.keys()].sort((a, b) => byId(sessionIds[a] ?? "", sessionIds[b] ?? ""));

  // Second pass, one session at a time, in start order. `floorEnd` is the latest end of the turns so far and
  // `floorHolder` who holds it; `secondEnd` the latest end among the others. Because later turns start no earlier,
  // the part of a new turn already covered by someone is [start, floorEnd], and covered twice is [start, secondEnd].
  for (const sessionNumber of sessionOrder) {
    const from = firstOf[sessionNumber] ?? 0;
    const to = firstOf[sessionNumber + 1] ?? 0;
    const touched: number[] = [];
    let floorEnd = Number.NEGATIVE_INFINITY;
    let floorHolder = -1;
    let secondEnd = Number.NEGATIVE_INFINITY;
    let talk = 0;
    let speaking = 0;
    let overlap = 0;
    let interruptions = 0;
    let backchannels = 0;
    const spanStart = turns[order === undefined ? from : (order[from] ?? 0)]?.start ?? 0;
    for (let position = from; position < to; position++) {
      // Every index in `order` points at a turn checked in the first pass.
      const turn = turns[order === undefined ? position : (order[position] ?? 0)] as Turn;
      const { start, end } = turn;
      let speaker = speakerOf.get(turn.memberId);
      if (speaker === undefined) {
        speaker = speakerIds.length;
        speakerOf.set(turn.memberId, speaker);
        speakerIds.push(turn.memberId);
        grow(inSession, speaker + 1);
        grow(overall, speaker + 1);
      }
      const length = end - start;
      if (speaker >= rosterSize && inSession.turns[speaker] === 0) touched.push(speaker);
      inSession.talk[speaker] = (inSession.talk[speaker] ?? 0) + length;
      inSession.turns[speaker] = (inSession.turns[speaker] ?? 0) + 1;
      if (length > (inSession.longest[speaker] ?? 0)) inSession.longest[speaker] = length;
      talk += length;

      if (start < floorEnd && floorHolder !== speaker) {
        if (end > floorEnd) {
          if (floorEnd - start > interruptionOverlap) {
            inSession.interruptions[speaker] = (inSession.interruptions[speaker] ?? 0) + 1;
            inSession.interrupted[floorHolder] = (inSession.interrupted[floorHolder] ?? 0) + 1;
            interruptions++;
          }
        } else if (length <= backchannelMaxLength) {
          inSession.backchannels[speaker] = (inSession.backchannels[speaker] ?? 0) + 1;
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

    const members: MemberTurnStats[] = [];
    const didNotSpeak: MemberId[] = [];
    const talkTimes: number[] = [];
    const turnCounts: number[] = [];
    for (const speaker of rosterOrder) {
      const memberId = speakerIds[speaker] as MemberId; // rosterOrder holds indices of speakerIds
      members.push(statsOf(inSession, speaker, memberId, talk));
      if ((inSession.turns[speaker] ?? 0) === 0) didNotSpeak.push(memberId);
      talkTimes.push(inSession.talk[speaker] ?? 0);
      turnCounts.push(inSession.turns[speaker] ?? 0);
      carry(inSession, overall, speaker);
    }
    touched.sort((a, b) => byId(speakerIds[a] ?? "", speakerIds[b] ?? ""));
    const offRoster = touched.map((speaker) => {
      const stats = statsOf(inSession, speaker, speakerIds[speaker] as MemberId, talk);
      carry(inSession, overall, speaker);
      return stats;
    });
    totalTalk += talk;
    sessions.push({
      sessionId: sessionIds[sessionNumber] as SessionId, // sessionOrder holds indices of sessionIds
      turns: to - from,
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
    });
  }

  const members = rosterOrder.map((speaker) => statsOf(overall, speaker, speakerIds[speaker] as MemberId, totalTalk));
  const offRoster: MemberTurnStats[] = [];
  for (let speaker = rosterSize; speaker < speakerIds.length; speaker++) {
    offRoster.push(statsOf(overall, speaker, speakerIds[speaker] as MemberId, totalTalk));
  }
  offRoster.sort((a, b) => byId(a.memberId, b.memberId));
  return {
    turns: count,
    talkTime: totalTalk,
    members,
    offRoster,
    didNotSpeak: members.filter((member) => member.turns === 0).map((member) => member.memberId),
    talkTimeEquality: participationEquality(members.map((member) => member.talkTime)),
    turnEquality: participationEquality(members.map((member) => member.turns)),
    sessions,
  };
}
