// Kleene's three-valued logic for rule conditions: `undefined` is "unknown because an attribute is missing", and it
// stays unknown unless the known parts already settle the answer (Kleene 1938). The engine then reads unknown the
// safe way: it never satisfies a permit and never lifts a forbid.
import type { Truth } from "./rule-types.js";

/**
 * Whether every condition holds: `false` if any is `false`, else `undefined` if any is unknown, else `true`.
 *
 * @param truths - the conditions' values (`true`, `false`, or `undefined` for "an attribute is missing")
 * @returns their conjunction under Kleene's logic; `true` for no conditions
 * @example
 * [allOf(true, undefined), allOf(false, undefined), allOf(true, true)]
 * //=> [undefined, false, true]
 */
export function allOf(...truths: readonly Truth[]): Truth {
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
 * @returns their disjunction under Kleene's logic; `false` for no conditions
 * @example
 * [anyOf(false, undefined), anyOf(true, undefined), anyOf(false, false)]
 * //=> [undefined, true, false]
 */
export function anyOf(...truths: readonly Truth[]): Truth {
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
 * @returns `false` for `true`, `true` for `false`, `undefined` for `undefined`
 * @example
 * [negate(true), negate(false), negate(undefined)]
 * //=> [false, true, undefined]
 */
export function negate(truth: Truth): Truth {
  return truth === undefined ? undefined : !truth;
}
