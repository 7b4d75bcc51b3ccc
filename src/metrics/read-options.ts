import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
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

/**
 * Checks that options, when given, are an object holding only keys the function reads (`known`), so a misspelt option
 * is refused rather than ignored; an object whose keys cannot be listed (a revoked Proxy) is refused too.
 */
export function readOptions<T extends object>(
  options: T | undefined,
  caller: string,
  known: readonly (keyof T & string)[],
): Partial<T> {
  if (options === undefined) return {};
  if (typeof options !== "object" || options === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: options must be an object; got ${describeValue(options)}.`,
    );
  }
  readableKeys(options, known, `${caller}: options`);
  return options;
}

/**
 * Refuses, naming `where`, an own key of an options object (the options themselves, or one nested in them such as a
 * dropout rule) that is not in `known`; listing the keys of a revoked Proxy throws a TypeError, refused here too.
 */
export function readableKeys(options: object, known: readonly string[], where: string): void {
  try {
    refuseUnknownKeys(options, known, where);
  } catch (error) {
    if (error instanceof GroupworkError) throw error;
    throw new GroupworkError("invalid-argument", `${where} cannot be read (its keys cannot be listed).`);
  }
}

/** A rate as a {@link Rate}: `value` when the denominator is positive, else `null` with `reason`. */
export function rateOf(numerator: number, denominator: number, reason: RateUndefinedReason): Rate {
  return denominator > 0 ? { value: numerator / denominator, reason: null } : { value: null, reason };
}
