import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { ExcusedAbsences, Rate, RateUndefinedReason } from "./source.js";

// Private to the metrics room: checks of the options the attendance metrics share, and how a rate is written.

/** Checks an `asOf` option: absent, or a real calendar date. */
export function readAsOf(asOf: unknown, caller: string): string | undefined {
  if (asOf === undefined) return undefined;
  if (typeof asOf !== "string" || !isCalendarDate(asOf)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: asOf must be a calendar date YYYY-MM-DD in the group's time zone; got ${describeValue(asOf)}.`,
    );
  }
  return asOf;
}

/** Checks an `excused` option: `"offered"` (the default) or `"not-offered"`. */
export function readExcused(excused: unknown, caller: string): ExcusedAbsences {
  if (excused === undefined) return "offered";
  if (excused !== "offered" && excused !== "not-offered") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: excused must be "offered" or "not-offered"; got ${describeValue(excused)}.`,
    );
  }
  return excused;
}

/** Checks that options, when given, are an object. */
export function readOptions<T extends object>(options: T | undefined, caller: string): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: options must be an object; got ${describeValue(options)}.`,
    );
  }
  return options;
}

/** A rate as a {@link Rate}: `value` when the denominator is positive, else `null` with `reason`. */
export function rateOf(numerator: number, denominator: number, reason: RateUndefinedReason): Rate {
  return denominator > 0 ? { value: numerator / denominator, reason: null } : { value: null, reason };
}
