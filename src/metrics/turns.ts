import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { checkId } from "./check-entries.js";
import { participationEquality } from "./equality.js";
import { compareText } from "./order.js";
import { readOptions } from "./read-options.js";
import { checkTurn } from "./turn-check.js";
import { analyseSession, emptyTally, type SpeakerTally, statsOf, tallyOf } from "./turn-session.js";
import type { SessionTurnStats, TurnAnalytics, TurnAnalyticsOptions, TurnInput } from "./turn-types.js";

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
 * them (call once per session). Turns need not be sorted: each session's turns are read in start order, turns that
 * start together by their end, then in the order given.
 *
 * @param turns - speaking turns, of one session or several, in any order
 * @param roster - the ids of the members who count: everyone whose silence matters (often the members present)
 * @param options - thresholds for interruptions and backchannels, in seconds
 * @throws {GroupworkError} `invalid-argument` when a turn's times are not finite numbers with 0 ≤ start ≤ end (names
 * its index), a roster lists a member twice, an option is negative, the options hold a key other than
 * `interruptionOverlap` and `backchannelMaxLength` (a misspelt option is never ignored), or turns, roster or options
 * are not what their types say
 * @returns the {@link TurnAnalytics}: members, off-roster speakers, silent members, equality and one entry per session
 * @example
 * const result = turnAnalytics(
 *   [
 *     { sessionId: "s-1", memberId: "m-ana", start: 0, end: 60 },
 *     { sessionId: "s-1", memberId: "m-ben", start: 50, end: 90 },
 *   ],
 *   ["m-ana", "m-ben", "m-cy"],
 * );
 * [result.members[1]?.interruptions, result.sessions[0]?.overlap, result.didNotSpeak]
 * //=> [1, 10, ["m-cy"]]
 */
export function turnAnalytics(
  turns: readonly TurnInput[],
  roster: readonly string[],
  options: TurnAnalyticsOptions = {},
): TurnAnalytics {
  if (!Array.isArray(turns) || !Array.isArray(roster)) {
    throw new GroupworkError("invalid-argument", "turnAnalytics: turns and roster must be lists.");
  }
  const read = readOptions(options, "turnAnalytics", ["interruptionOverlap", "backchannelMaxLength"]);
  const thresholds = {
    interruptionOverlap: optionSeconds(read.interruptionOverlap, 1, "interruptionOverlap"),
    backchannelMaxLength: optionSeconds(read.backchannelMaxLength, 5, "backchannelMaxLength"),
  };
  const rosterIds = new Set<string>();
  for (let index = 0; index < roster.length; index++) {
    const memberId: unknown = roster[index];
    checkId(memberId, `roster[${index}]`, "turnAnalytics");
    if (rosterIds.has(memberId)) {
      throw new GroupworkError("invalid-argument", `turnAnalytics: the roster lists ${describeValue(memberId)} twice.`);
    }
    rosterIds.add(memberId);
  }
  const sortedRoster = [...rosterIds].sort(compareText);

  // A turn that throws when read (a revoked Proxy, a getter that throws) is a GroupworkError naming the list.
  const runsBySession = readArgument("turnAnalytics: turns", () => sessionRuns(turns));

  // Each session analysed, and each person's session totals added to their totals over all sessions, in the order
  // the sessions first appear.
  const sessions: SessionTurnStats[] = [];
  const overall = new Map<string, SpeakerTally>();
  let talkTime = 0;
  for (const [id, runs] of runsBySession) {
    // The session's turns as given, run after run, copied by position: a list of its own to put in start order, made
    // without asking the caller's list to make one (slice would call whatever its `constructor` property holds).
    let size = 0;
    for (const { from, to } of runs) size += to - from;
    const own = new Array<TurnInput>(size);
    let at = 0;
    for (const { from, to } of runs) for (let index = from; index < to; index++) own[at++] = turns[index] as TurnInput;
    const { stats, tallies } = analyseSession(id, own, sortedRoster, rosterIds, thresholds);
    sessions.push(stats);
    talkTime += stats.talkTime;
    for (const [memberId, tally] of tallies) {
      const total = tallyOf(overall, memberId);
      total.talk += tally.talk;
      total.turns += tally.turns;
      total.longest = Math.max(total.longest, tally.longest);
      total.interruptions += tally.interruptions;
      total.interrupted += tally.interrupted;
      total.backchannels += tally.backchannels;
    }
  }
  if (talkTime === Number.POSITIVE_INFINITY) {
    throw new GroupworkError(
      "invalid-argument",
      "turnAnalytics: the turns add up to more seconds than a number can hold (about 1.8e308).",
    );
  }

  const statsOverall = (memberId: string) => statsOf(memberId, overall.get(memberId) ?? emptyTally(), talkTime);
  const members = sortedRoster.map(statsOverall);
  const offRoster = [...overall.keys()]
    .filter((memberId) => !rosterIds.has(memberId))
    .sort(compareText)
    .map(statsOverall);
  sessions.sort((a, b) => compareText(a.sessionId, b.sessionId));
  return {
    turns: turns.length,
    talkTime,
    members,
    offRoster,
    didNotSpeak: members.filter((member) => member.turns === 0).map((member) => member.memberId),
    talkTimeEquality: participationEquality(members.map((member) => member.talkTime)),
    turnEquality: participationEquality(members.map((member) => member.turns)),
    sessions,
  };
}

/**
 * The one reading of the turns: each checked, and each run of consecutive turns of one session noted, sessions in the
 * order they first appear. A session's turns usually come together, as one run.
 */
function sessionRuns(turns: readonly TurnInput[]): Map<string, TurnRun[]> {
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused rather than skipped.
  const runsBySession = new Map<string, TurnRun[]>();
  let sessionId = "";
  let run: TurnRun = { from: 0, to: 0 };
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    checkTurn(turn, "turns", index, "turnAnalytics");
    if (turn.sessionId !== sessionId) {
      sessionId = turn.sessionId;
      run = { from: index, to: index };
      const runs = runsBySession.get(sessionId);
      if (runs === undefined) runsBySession.set(sessionId, [run]);
      else runs.push(run);
    }
    run.to = index + 1;
  }
  return runsBySession;
}

/** Positions `from` (included) to `to` (excluded) of consecutive turns of one session. */
interface TurnRun {
  readonly from: number;
  to: number;
}

/** An option in seconds, checked: `fallback` when absent; throws when negative or not finite. */
function optionSeconds(value: unknown, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
    throw new GroupworkError(
      "invalid-argument",
      `turnAnalytics: options.${name} is ${describeValue(value)}; give seconds, 0 or more.`,
    );
  }
  return value;
}
