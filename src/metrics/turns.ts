import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId, SessionId, Turn } from "../model/index.js";
import { checkId, isTurn } from "./check-entries.js";
import { type ParticipationEquality, participationEquality } from "./equality.js";
import type { Measured } from "./measured.js";
import { compareText } from "./order.js";
import { readOptions } from "./read-options.js";
import { addSpeaker, analyseSession, bySpeakerId, type TurnContext } from "./turn-session.js";
import {
  groupBySession,
  newSpeakerTally,
  optionSeconds,
  regroup,
  type SessionSlot,
  type SpeakerTally,
  statsOf,
} from "./turn-tally.js";

/**
 * Options of {@link turnAnalytics}: when an overlap is an interruption, and how short a backchannel is.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 * ];
 * // 10 s of overlap: an interruption by default, not with a 20-second threshold
 * [turnAnalytics(turns, ["m-ana", "m-ben"]).sessions[0].interruptions,
 *  turnAnalytics(turns, ["m-ana", "m-ben"], { interruptionOverlap: 20 }).sessions[0].interruptions]
 * //=> [1, 0]
 */
export interface TurnAnalyticsOptions {
  /**
   * Seconds of overlap, strictly more than this, that make a floor-taking overlap an interruption. Default 1.
   */
  readonly interruptionOverlap?: number;
  /** Longest turn, in seconds, that can count as a backchannel ("mm", "yes"). Default 5. */
  readonly backchannelMaxLength?: number;
}

/**
 * How one person spoke, in one session or over all the turns given; part of {@link TurnAnalytics}.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 * ];
 * const [ana] = turnAnalytics(turns, ["m-ana", "m-ben"]).members;
 * [ana.turns, ana.talkTime, ana.share.value, ana.longestTurn.value, ana.interrupted]
 * //=> [1, 60, 0.6, 60, 1]
 */
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

/**
 * The talk of one session; part of {@link TurnAnalytics}.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 *   { sessionId: "s-1", memberId: "m-ana", start: 100, end: 110 },
 * ];
 * const [session] = turnAnalytics(turns, ["m-ana", "m-ben"]).sessions;
 * [session.talkTime, session.speakingTime, session.overlap, session.silence]
 * //=> [110, 100, 10, 10]
 */
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

/**
 * Who spoke how much, in each session and over all the turns given; the result of {@link turnAnalytics}.
 *
 * @example
 * const turns = [{ sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 }];
 * const result = turnAnalytics(turns, ["m-ana", "m-ben"]);
 * [result.turns, result.talkTime, result.didNotSpeak]
 * //=> [1, 60, ["m-ben"]]
 */
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
 * them (call once per session). Turns need not be sorted: when each session's turns come together and in start
 * order (the usual case) each session is analysed as soon as it ends; otherwise the turns are grouped by session and
 * put in start order first.
 *
 * @param turns - speaking turns, of one session or several, in any order
 * @param roster - the members who count: everyone whose silence matters (often the members present)
 * @param options - thresholds for interruptions and backchannels, in seconds
 * @throws {GroupworkError} `invalid-argument` when a turn's times are not finite numbers with 0 ≤ start ≤ end (names
 * its index), a roster lists a member twice, an option is negative, or turns, roster or options are not what their
 * types say
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
  if (!Array.isArray(turns) || !Array.isArray(roster)) {
    throw new GroupworkError("invalid-argument", "turnAnalytics: turns and roster must be lists.");
  }
  const read = readOptions(options, "turnAnalytics");
  const interruptionOverlap = optionSeconds(read.interruptionOverlap, 1, "interruptionOverlap");
  const backchannelMaxLength = optionSeconds(read.backchannelMaxLength, 5, "backchannelMaxLength");

  // Speakers are numbered: roster members first, in roster order, then off-roster people as they appear. Each number
  // has a tally for the session at hand and one for all sessions.
  const speakerIds: MemberId[] = [];
  const partial: TurnContext = {
    speakerOf: new Map<string, number>(),
    speakerIds,
    inSession: [],
    overall: [],
    rosterSize: roster.length,
    rosterOrder: [],
    interruptionOverlap,
    backchannelMaxLength,
  };
  for (const [index, memberId] of roster.entries()) {
    checkId(memberId, `roster[${index}]`, "turnAnalytics");
    if (partial.speakerOf.has(memberId)) {
      throw new GroupworkError("invalid-argument", `turnAnalytics: the roster lists ${describeValue(memberId)} twice.`);
    }
    addSpeaker(partial, memberId);
  }
  const context: TurnContext = { ...partial, rosterOrder: [...speakerIds.keys()].sort(bySpeakerId(partial)) };

  // Hosts usually send a session's turns together and in start order: then the turns are read once, each checked and
  // analysed as it is read. Otherwise (a session coming back after another, or turns out of start order) the turns
  // are checked first, then grouped by session, put in start order, and analysed.
  const count = turns.length;
  const sessionOf = new Map<string, number>();
  const slots: SessionSlot[] = [];
  const sessions: SessionTurnStats[] = [];
  // The usual case, in one reading: each session in place and in order, analysed as its turns are read and checked.
  let inPlace = true;
  for (let index = 0; index < count; ) {
    const first = turns[index];
    if (!isTurn(first) || sessionOf.has(first.sessionId)) {
      inPlace = false;
      break;
    }
    const slot: SessionSlot = {
      id: first.sessionId,
      size: 0,
      latestStart: 0,
      latestEnd: 0,
      unsorted: false,
      first: index,
    };
    const stats = analyseSession(context, slot, turns, undefined);
    if (stats === undefined) {
      inPlace = false;
      break;
    }
    sessionOf.set(slot.id, slots.length);
    slots.push(slot);
    sessions.push(stats);
    index += slot.size;
  }
  if (!inPlace) {
    // The careful path, from clean totals: check every turn, group the turns by session, sort the sessions that came
    // out of order, and analyse each.
    sessionOf.clear();
    slots.length = 0;
    sessions.length = 0;
    for (const tally of context.overall) Object.assign(tally, newSpeakerTally());
    for (const tally of context.inSession) Object.assign(tally, newSpeakerTally());
    groupBySession(turns, sessionOf, slots);
    let first = 0;
    for (const each of slots) {
      each.first = first;
      first += each.size;
    }
    const order = regroup(turns, sessionOf, slots);
    // Every turn was checked above, so each session is analysed.
    for (const each of slots) sessions.push(analyseSession(context, each, turns, order) as SessionTurnStats);
  }
  let totalTalk = 0;
  for (const session of sessions) totalTalk += session.talkTime;
  if (totalTalk === Number.POSITIVE_INFINITY) {
    throw new GroupworkError(
      "invalid-argument",
      "turnAnalytics: the turns add up to more seconds than a number can hold (about 1.8e308).",
    );
  }
  sessions.sort((a, b) => compareText(a.sessionId, b.sessionId));

  const { overall, rosterOrder, rosterSize } = context;
  const members = rosterOrder.map((speaker) =>
    statsOf(overall[speaker] as SpeakerTally, speakerIds[speaker] as MemberId, totalTalk),
  );
  const offRoster: MemberTurnStats[] = [];
  for (let speaker = rosterSize; speaker < speakerIds.length; speaker++) {
    offRoster.push(statsOf(overall[speaker] as SpeakerTally, speakerIds[speaker] as MemberId, totalTalk));
  }
  offRoster.sort((a, b) => compareText(a.memberId, b.memberId));
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
