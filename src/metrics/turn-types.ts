// The public types of turnAnalytics (turns.ts): a leaf module, imported by turns.ts and turn-session.ts alike.
import type { MemberId, SessionId } from "../model/index.js";
import type { ParticipationEquality } from "./equality.js";
import type { Measured } from "./measured.js";

/**
 * A speaking turn as {@link turnAnalytics} and {@link responseNetwork} read it: a parsed `Turn`, or the same fields
 * with the ids as plain strings, as a host sends them. Times are seconds from the session's start, 0 ≤ start ≤ end.
 *
 * @example
 * const turn = { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 };
 * turnAnalytics([turn], ["m-ana"]).members[0]?.talkTime
 * //=> 60
 */
export interface TurnInput {
  /** The session the turn was taken in. */
  readonly sessionId: string;
  /** The person who spoke. */
  readonly memberId: string;
  /** When they started speaking, in seconds from the session's start. */
  readonly start: number;
  /** When they stopped speaking, in seconds from the session's start; not before `start`. */
  readonly end: number;
  /** The person this turn answers, if the recorder noted it. */
  readonly respondsTo?: string | undefined;
}

/**
 * Options of {@link turnAnalytics}: when an overlap is an interruption, and how short a backchannel is.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 * ];
 * // 10 s of overlap: an interruption by default, not with a 20-second threshold
 * [turnAnalytics(turns, ["m-ana", "m-ben"]).sessions[0]?.interruptions,
 *  turnAnalytics(turns, ["m-ana", "m-ben"], { interruptionOverlap: 20 }).sessions[0]?.interruptions]
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
 * [ana?.turns, ana?.talkTime, ana?.share.value, ana?.longestTurn.value, ana?.interrupted]
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
 * [session?.talkTime, session?.speakingTime, session?.overlap, session?.silence]
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
