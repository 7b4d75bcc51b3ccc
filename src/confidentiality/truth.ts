// Kleene's three-valued logic for rule conditions: `undefined` is "unknown because an attribute is missing", and it
// stays unknown unless the known parts already settle the answer (Kleene 1938). The engine then reads unknown the
// safe way: it never satisfies a permit and never lifts a forbid.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { Truth } from "./rule-types.js";

// Anything but true, false or undefined (null, a string, a number) is a condition written wrongly; read as a truth it
// would be a silent answer (negate(null) would be true), so it throws, and the engine denies with basis `error`. Every
// value is checked, not only those before the first deciding one, so a wrong condition fails whatever the data.
function checkTruths(caller: string, truths: readonly unknown[]): void {
  for (let index = 0; index < truths.length; index++) {
    const truth = truths[index];
    if (truth !== true && truth !== false && truth !== undefined) notATruth(caller, `truths[${index}]`, truth);
  }
}

function notATruth(caller: string, where: string, value: unknown): never {
  throw new GroupworkError(
    "invalid-argument",
    `${caller}: ${where} must be true, false or undefined (unknown), not ${describeValue(value)}.`,
  );
}

/**
 * Whether every condition holds: `false` if any is `false`, else `undefined` if any is unknown, else `true`.
 *
 * @param truths - the conditions' values (`true`, `false`, or `undefined` for "an attribute is missing")
 * @throws {GroupworkError} `invalid-argument` when a value is not `true`, `false` or `undefined`
 * @returns their conjunction under Kleene's logic; `true` for no conditions
 * @example
 * [allOf(true, undefined), allOf(false, undefined), allOf(true, true)]
 * //=> [undefined, false, true]
 */
export function allOf(...truths: readonly Truth[]): Truth {
  checkTruths("allOf", truths);
  let result: Truth = true;
  for (const truth of truths) {
    if (truth === false) return false;
    if (truth === undefined) result = undefined;
  }
  return result;
}

/**
 * Whether some condition holds: `true` if any is `true`, else `undefined` if any is unknown, else `false`.
 *
 * @param truths - the conditions' values (`true`, `false`, or `undefined` for "an attribute is missing")
 * @throws {GroupworkError} `invalid-argument` when a value is not `true`, `false` or `undefined`
 * @returns their disjunction under Kleene's logic; `false` for no conditions
 * @example
 * [anyOf(false, undefined), anyOf(true, undefined), anyOf(false, false)]
 * //=> [undefined, true, false]
 */
export function anyOf(...truths: readonly Truth[]): Truth {
  checkTruths("anyOf", truths);
  let result: Truth = false;
  for (const truth of truths) {
    if (truth === true) return true;
    if (truth === undefined) result = undefined;
  }
  return result;
}

/**
 * The opposite of a condition; unknown stays unknown, so a missing fact cannot become a permission by negation.
 *
 * @param truth - the condition's value (`true`, `false`, or `undefined` for "an attribute is missing")
 * @throws {GroupworkError} `invalid-argument` when `truth` is not `true`, `false` or `undefined`
 * @returns `false` for `true`, `true` for `false`, `undefined` for `undefined`
 * @example
 * [negate(true), negate(false), negate(undefined)]
 * //=> [false, true, undefined]
 */
export function negate(truth: Truth): Truth {
  if (truth !== true && truth !== false && truth !== undefined) notATruth("negate", "truth", truth);
  return truth === undefined ? undefined : !truth;
}
