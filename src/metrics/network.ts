import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId } from "../model/index.js";
import type { Measured } from "./measured.js";
import { compareText } from "./order.js";
import { readOptions } from "./read-options.js";
import { checkTurn } from "./turn-check.js";
import { byStartThenEnd } from "./turn-session.js";
import type { TurnInput } from "./turn-types.js";

/**
 * Options of {@link responseNetwork}.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 30 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 45, end: 60 },
 * ];
 * [responseNetwork(turns).responses, responseNetwork(turns, { maxGap: 20 }).responses]
 * //=> [0, 1]
 */
export interface ResponseNetworkOptions {
  /**
   * What makes B a response to A:
   * - `"next-speaker"` (default): B's turn is the next one to start after A's in the same session, and starts at most
   *   `maxGap` seconds after A's ends (an overlap counts: B started before A stopped).
   * - `"responds-to"`: B's turn names A in `respondsTo`, as the recorder noted it; `maxGap` is not used.
   */
  readonly basis?: "next-speaker" | "responds-to";
  /** Longest silence, in seconds, after which the next speaker still counts as responding. Default 10. */
  readonly maxGap?: number;
}

/**
 * One arrow of the {@link ResponseNetwork}: `to` responded to `from` this many times.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 30 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 31, end: 60 },
 * ];
 * responseNetwork(turns).edges
 * //=> [{ from: "m-ana", to: "m-ben", count: 1, share: 1, reciprocated: false }]
 */
export interface ResponseEdge {
  /** The person responded to (Riff's "influence" runs from here). */
  readonly from: MemberId;
  /** The person who spoke next. */
  readonly to: MemberId;
  /** How many times `to` responded to `from`. */
  readonly count: number;
  /** `count` ÷ every response to `from`: of the times someone responded to `from`, the share that was `to`. */
  readonly share: number;
  /** Whether `from` also responded to `to` at least once. */
  readonly reciprocated: boolean;
}

/**
 * One person in the {@link ResponseNetwork}.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 30 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 31, end: 60 },
 * ];
 * responseNetwork(turns).speakers[0]
 * //=> ({ memberId: "m-ana", turns: 1, respondedToBy: 1, influenceShare: { value: 1, reason: null }, respondedTo: 0 })
 */
export interface ResponseSpeaker {
  /** The person. */
  readonly memberId: MemberId;
  /** How many turns they took. */
  readonly turns: number;
  /** How often someone responded to them (their "influence" in Riff's sense). */
  readonly respondedToBy: number;
  /** `respondedToBy` ÷ all responses: their share of the group's influence; `null` when there is no response. */
  readonly influenceShare: Measured<"no-responses">;
  /** How often they responded to someone. */
  readonly respondedTo: number;
}

/**
 * Who responds to whom; the result of {@link responseNetwork}.
 *
 * @example
 * const turns = [
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 30 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 31, end: 60 },
 *   { sessionId: "s-1", memberId: "m-ana", start: 62, end: 80 },
 *   { sessionId: "s-1", memberId: "m-ana", start: 83, end: 90 },
 * ];
 * const network = responseNetwork(turns);
 * [network.responses, network.selfResponses, network.reciprocity.value]
 * //=> [2, 1, 1]
 */
export interface ResponseNetwork {
  /** How many responses were found (the sum of the edges' counts). */
  readonly responses: number;
  /**
   * Turns that followed or answered the speaker's own turn, which are no response to anyone and so are in no edge,
   * share or reciprocity: with `next-speaker`, a turn that comes next after the same person's turn within `maxGap`
   * (going on after a pause); with `responds-to`, a turn whose `respondsTo` names its own speaker (taking up one's own
   * earlier point). Counted here, not refused and not dropped unseen: both are ordinary talk, but not one person
   * responding to another.
   */
  readonly selfResponses: number;
  /** Every pair with at least one response, sorted by `from` then `to`. */
  readonly edges: readonly ResponseEdge[];
  /** Everyone who spoke or was responded to, sorted by id. */
  readonly speakers: readonly ResponseSpeaker[];
  /**
   * Share of edges whose reverse edge also exists (arc reciprocity, Wasserman & Faust 1994): 1 when every response
   * is returned, 0 when none is; `null` when there is no response.
   */
  readonly reciprocity: Measured<"no-responses">;
}

/**
 * Who speaks next after whom: the response network of a group's talk, with counts, shares and reciprocity.
 *
 * A response from A to B is counted when B speaks next after A in the same session, within `maxGap` seconds (Riff's
 * "influence": A influences B when B speaks right after A). Turns are read in start order within each session. Brief
 * overlaps count too, so a backchannel inside A's turn is a response to A, and A speaking on after it is a response
 * to the backchannel. With `basis: "responds-to"` the recorder's `respondsTo` notes are used instead.
 *
 * A turn that follows the same person's turn (or, with `responds-to`, names its own speaker) is no response to anyone:
 * it is counted in `selfResponses`, not in the edges, neither refused nor dropped unseen.
 *
 * @param turns - speaking turns, of one session or several, in any order
 * @param options - what counts as a response (`basis`) and the longest gap (`maxGap`, seconds)
 * @throws {GroupworkError} `invalid-argument` when a turn's times are not finite with 0 ≤ start ≤ end or an id
 * (`respondsTo` included) is blank or not a string (names its index), `maxGap` is negative or not a number, the
 * options hold a key other than `basis` and `maxGap` (a misspelt option is never ignored), or turns or options are not
 * what their types say
 * @returns the {@link ResponseNetwork}: edges, speakers and reciprocity
 * @example
 * const network = responseNetwork([
 *   { sessionId: "s-1", memberId: "m-ana", start: 0, end: 30 },
 *   { sessionId: "s-1", memberId: "m-ben", start: 32, end: 50 },
 *   { sessionId: "s-1", memberId: "m-ana", start: 51, end: 70 },
 *   { sessionId: "s-1", memberId: "m-cy", start: 95, end: 99 },
 * ]);
 * [network.responses, network.edges.map((edge) => `${edge.from}→${edge.to}`), network.reciprocity.value]
 * //=> [2, ["m-ana→m-ben", "m-ben→m-ana"], 1]
 */
export function responseNetwork(turns: readonly TurnInput[], options: ResponseNetworkOptions = {}): ResponseNetwork {
  if (!Array.isArray(turns)) throw new GroupworkError("invalid-argument", "responseNetwork: turns must be a list.");
  const read = readOptions(options, "responseNetwork", ["basis", "maxGap"]);
  const basis = read.basis ?? "next-speaker";
  if (basis !== "next-speaker" && basis !== "responds-to") {
    throw new GroupworkError(
      "invalid-argument",
      `responseNetwork: options.basis is ${describeValue(basis)}; use "next-speaker" or "responds-to".`,
    );
  }
  const maxGap = read.maxGap ?? 10;
  if (typeof maxGap !== "number" || Number.isNaN(maxGap) || maxGap < 0) {
    throw new GroupworkError(
      "invalid-argument",
      `responseNetwork: options.maxGap is ${describeValue(maxGap)}; give seconds, 0 or more.`,
    );
  }

  // The one reading of the turns: each checked, counted for its speaker and filed under its session.
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused rather than skipped.
  const turnCounts = new Map<string, number>();
  const bySession = new Map<string, TurnInput[]>();
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    checkTurn(turn, "turns", index, "responseNetwork");
    turnCounts.set(turn.memberId, (turnCounts.get(turn.memberId) ?? 0) + 1);
    const own = bySession.get(turn.sessionId);
    if (own === undefined) bySession.set(turn.sessionId, [turn]);
    else own.push(turn);
  }

  // counts.get(from)?.get(to): how often `to` responded to `from`.
  const counts = new Map<string, Map<string, number>>();
  const addResponse = (from: string, to: string): void => {
    const row = counts.get(from) ?? new Map<string, number>();
    counts.set(from, row);
    row.set(to, (row.get(to) ?? 0) + 1);
  };
  let selfResponses = 0;
  for (const own of bySession.values()) {
    if (basis === "responds-to") {
      for (const { memberId, respondsTo } of own) {
        if (respondsTo === undefined) continue;
        if (respondsTo === memberId) selfResponses++;
        else addResponse(respondsTo, memberId);
      }
      continue;
    }
    // Read as turnAnalytics reads them: by start, then end, then the order given.
    const inOrder = own.sort(byStartThenEnd);
    inOrder.forEach((after, position) => {
      const before = inOrder[position - 1];
      if (before === undefined || after.start - before.end > maxGap) return;
      if (before.memberId === after.memberId) selfResponses++;
      else addResponse(before.memberId, after.memberId);
    });
  }

  const edges: ResponseEdge[] = [];
  const respondedToBy = new Map<string, number>();
  const respondedTo = new Map<string, number>();
  let responses = 0;
  for (const [from, row] of counts) {
    let outgoing = 0;
    for (const count of row.values()) outgoing += count;
    respondedToBy.set(from, outgoing);
    responses += outgoing;
    for (const [to, count] of row) {
      respondedTo.set(to, (respondedTo.get(to) ?? 0) + count);
      edges.push({
        from: from as MemberId,
        to: to as MemberId,
        count,
        share: count / outgoing,
        reciprocated: counts.get(to)?.has(from) ?? false,
      });
    }
  }
  edges.sort((a, b) => compareText(a.from, b.from) || compareText(a.to, b.to));

  const people = new Set<string>([...turnCounts.keys(), ...respondedToBy.keys(), ...respondedTo.keys()]);
  const speakers = [...people].sort(compareText).map((memberId): ResponseSpeaker => {
    const influence = respondedToBy.get(memberId) ?? 0;
    return {
      memberId: memberId as MemberId,
      turns: turnCounts.get(memberId) ?? 0,
      respondedToBy: influence,
      influenceShare:
        responses === 0 ? { value: null, reason: "no-responses" } : { value: influence / responses, reason: null },
      respondedTo: respondedTo.get(memberId) ?? 0,
    };
  });
  const reciprocated = edges.filter((edge) => edge.reciprocated).length;
  return {
    responses,
    selfResponses,
    edges,
    speakers,
    reciprocity:
      edges.length === 0
        ? { value: null, reason: "no-responses" }
        : { value: reciprocated / edges.length, reason: null },
  };
}
