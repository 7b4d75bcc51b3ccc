import { describeValue, GroupworkError } from "../_lib/errors.js";
import { checkEntry, checkId, isId } from "./check-entries.js";
import type { TurnInput } from "./turn-types.js";

// Private to the metrics room: the one check of a speaking turn (and of seconds in a session) that every metric
// reading turns or timed acts asks, so they all refuse the same entries with the same words.

/** Whether a value is a time in seconds from a session's start: a finite number, 0 or more (NaN is not). */
export function isSeconds(value: unknown): value is number {
  return typeof value === "number" && value >= 0 && value < Number.POSITIVE_INFINITY;
}

/** The part of a speaking turn that is not what its type promises: the entry itself, an id, or its times. */
type TurnProblem = "entry" | "sessionId" | "memberId" | "respondsTo" | "times";

/**
 * What is wrong with a speaking turn, or `undefined` when it has the shape its type promises: an object with a session
 * and a person (ids), an optional `respondsTo` id, and times in seconds with 0 ≤ start ≤ end.
 */
function turnProblem(turn: unknown): TurnProblem | undefined {
  if (typeof turn !== "object" || turn === null || Array.isArray(turn)) return "entry";
  const { sessionId, memberId, respondsTo, start, end } = turn as Record<string, unknown>;
  if (!isId(sessionId)) return "sessionId";
  if (!isId(memberId)) return "memberId";
  if (respondsTo !== undefined && !isId(respondsTo)) return "respondsTo";
  if (!isSeconds(start) || !isSeconds(end) || end < start) return "times";
  return undefined;
}

/** Throws, naming the turn (`list[index]`) and what is wrong with it, unless it is a speaking turn. */
export function checkTurn(turn: unknown, list: string, index: number, caller: string): asserts turn is TurnInput {
  const problem = turnProblem(turn);
  if (problem === undefined) return;
  // The path is written only for a turn that fails, so reading a million good turns builds no text.
  const path = `${list}[${index}]`;
  if (problem === "entry") checkEntry(turn, path, "a speaking turn", caller);
  const fields = turn as Record<string, unknown>;
  if (problem === "times") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${path} runs from ${describeValue(fields["start"])} to ${describeValue(fields["end"])} s; times must be finite with 0 ≤ start ≤ end.`,
    );
  }
  // checkId throws for the id named: it is not a string that is not blank.
  checkId(fields[problem], `${path}.${problem}`, caller);
}
