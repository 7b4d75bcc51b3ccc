import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { Turn } from "../model/index.js";

// Private to the metrics and measures rooms: checks that an entry of a list has the shape its type promises, each
// throwing a GroupworkError that names the entry (`memberships[0]`, `turns[3].memberId`), never a TypeError from
// deep inside a computation.

/** Throws unless `value` is an object (not `null`, not a list): the entry at `path` must be `what`. */
export function checkEntry(value: unknown, path: string, what: string, caller: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GroupworkError("invalid-argument", `${caller}: ${path} must be ${what}; got ${describeValue(value)}.`);
  }
}

/** Whether a value is an identifier as the model defines one: a non-empty string. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** Throws unless `value` is an identifier (a non-empty string). */
export function checkId<T>(value: T, path: string, caller: string): asserts value is T & string {
  if (!isId(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${path} must be an id, a non-empty string; got ${describeValue(value)}.`,
    );
  }
}

/** Throws unless `value` is absent (`undefined`) or an identifier. */
export function checkOptionalId(value: unknown, path: string, caller: string): void {
  if (value !== undefined) checkId(value, path, caller);
}

/** Throws unless `value` is one of `codes`, the codes of a vocabulary. */
export function checkCode(value: unknown, codes: readonly string[], path: string, caller: string): void {
  if (typeof value !== "string" || !codes.includes(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${path} is ${describeValue(value)}, not one of ${codes.join(", ")}.`,
    );
  }
}

/**
 * Whether a speaking turn has the shape its type promises: a session and a person (ids), an optional `respondsTo`
 * id, and finite times in seconds with 0 ≤ start ≤ end (written so that NaN fails every comparison).
 */
export function isTurn(turn: unknown): turn is Turn {
  if (typeof turn !== "object" || turn === null) return false;
  const { sessionId, memberId, respondsTo, start, end } = turn as Turn;
  return (
    isId(sessionId) &&
    isId(memberId) &&
    (respondsTo === undefined || isId(respondsTo)) &&
    typeof start === "number" &&
    typeof end === "number" &&
    start >= 0 &&
    end >= start &&
    end < Number.POSITIVE_INFINITY
  );
}

/** Throws, naming the turn and its field, unless {@link isTurn} holds. */
export function checkTurn(turn: unknown, path: string, caller: string): asserts turn is Turn {
  if (isTurn(turn)) return;
  checkEntry(turn, path, "a speaking turn", caller);
  const { sessionId, memberId, respondsTo, start, end } = turn as Record<string, unknown>;
  checkId(sessionId, `${path}.sessionId`, caller);
  checkId(memberId, `${path}.memberId`, caller);
  checkOptionalId(respondsTo, `${path}.respondsTo`, caller);
  throw new GroupworkError(
    "invalid-argument",
    `${caller}: ${path} runs from ${describeValue(start)} to ${describeValue(end)} s; times must be finite with 0 ≤ start ≤ end.`,
  );
}
