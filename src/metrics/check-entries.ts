import { describeValue, GroupworkError } from "../_lib/errors.js";
import { hasVisibleCharacter } from "../_lib/text.js";

// Private to the metrics room: checks that an entry of a list has the shape its type promises, each
// throwing a GroupworkError that names the entry (`memberships[0]`, `turns[3].memberId`), never a TypeError from
// deep inside a computation.

/** Throws unless `value` is an object (not `null`, not a list): the entry at `path` must be `what`. */
export function checkEntry(value: unknown, path: string, what: string, caller: string): asserts value is object {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new GroupworkError("invalid-argument", `${caller}: ${path} must be ${what}; got ${describeValue(value)}.`);
  }
}

/** Whether a value is an identifier as the model defines one: a string with a character other than white space. */
export function isId(value: unknown): value is string {
  return typeof value === "string" && hasVisibleCharacter(value);
}

/** Throws unless `value` is an identifier (a string that is not blank). */
export function checkId<T>(value: T, path: string, caller: string): asserts value is T & string {
  if (!isId(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${path} must be an id, a string that is not blank; got ${describeValue(value)}.`,
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
