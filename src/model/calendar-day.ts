import { localDate } from "../_lib/calendar.js";
import { instantTime, isCalendarDate, notAnInstant } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";

// The day a "when" argument names, for the model's functions that answer a calendar question (isActiveMember, ageOn,
// isMinor). Loads no zod, so a screen that imports one of them alone stays small.

/**
 * The options a model function was given, as a plain copy of the `known` keys, each read once (nothing when they are
 * left out). Throws `invalid-argument` from `caller` when they are not an object (with `example` showing what to pass),
 * hold a key that is not an option, or cannot be read. Not exported from the package.
 */
export function optionsObject<const K extends string>(
  options: unknown,
  caller: string,
  example: string,
  known: readonly K[],
): { readonly [P in K]?: unknown } {
  if (options === undefined) return {};
  return readArgument(`${caller}: options`, () => {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: options must be an object such as ${example}; got ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, known, `${caller}: options`);
    const copy: { [P in K]?: unknown } = {};
    for (const key of known) copy[key] = (options as Record<K, unknown>)[key];
    return copy;
  });
}

/**
 * The calendar day (`YYYY-MM-DD`) an argument names: a calendar date as it is, or the day an instant (ISO 8601 text
 * with an offset, seconds optional, or a `Date`) falls on in `timeZone`.
 *
 * Not exported from the package.
 *
 * @param value - the argument, as received
 * @param timeZone - `options.timeZone` as received: the group's IANA time zone, or `undefined` when none was given
 * @param caller - the public function, for messages
 * @param name - the argument's name, for messages
 * @throws GroupworkError `invalid-argument` naming the argument when it is neither a real calendar date nor an
 *   instant (a `Date` outside the years 0000–9999 is not one) or its day in `timeZone` falls outside those years, or
 *   naming `options.timeZone` when it is given and not an IANA name; `missing-time-zone` for an instant without one
 */
export function calendarDayOf(value: unknown, timeZone: unknown, caller: string, name: string): string {
  if (timeZone !== undefined && (typeof timeZone !== "string" || !isIanaTimeZone(timeZone))) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: options.timeZone must be an IANA time zone name such as "America/Chicago"; got ${describeValue(timeZone)}.`,
    );
  }
  if (typeof value === "string" && isCalendarDate(value)) return value;
  const time = instantTime(value);
  if (Number.isNaN(time)) {
    throw new GroupworkError(
      "invalid-argument",
      notAnInstant(
        value,
        `${caller}: ${name}`,
        'a real calendar date YYYY-MM-DD, an ISO 8601 instant with an offset such as "2026-03-02T17:00-05:00", or a valid Date',
      ),
    );
  }
  if (timeZone === undefined) {
    throw new GroupworkError(
      "missing-time-zone",
      `${caller}: an instant needs the group's time zone to know which day it falls on; pass { timeZone: group.timeZone }.`,
    );
  }
  // A day outside the years 0000–9999 is refused there rather than compared as text.
  return localDate(typeof value === "string" ? value : new Date(time), timeZone, `${caller}: ${name}`);
}
