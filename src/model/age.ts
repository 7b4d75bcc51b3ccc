import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { calendarDayOf, optionsObject } from "./calendar-day.js";
import type { Member } from "./member.js";

/**
 * Options of {@link isMinor}: the age of majority, and the group's time zone when the moment asked about is an
 * instant.
 *
 * @example
 * // A 19-year-old is still a minor where the age of majority is 21
 * isMinor({ birthDate: "2007-01-10" }, "2026-03-12", { ageOfMajority: 21 })
 * //=> true
 * @example
 * // 14:00 on 20 May in Auckland is the 19th birthday there; still a minor where the age of majority is 21
 * isMinor({ birthDate: "2007-05-20" }, "2026-05-20T02:00:00Z", { timeZone: "Pacific/Auckland", ageOfMajority: 21 })
 * //=> true
 */
export interface IsMinorOptions {
  /**
   * The age at which a person is an adult where the group meets. 18 by default; some jurisdictions use 19 or 21, and
   * some let younger people consent to their own care (45 CFR 164.502(g); 42 CFR 2.14), which this does not decide.
   */
  readonly ageOfMajority?: number;
  /**
   * The group's IANA time zone (`group.timeZone`), which decides the day an instant falls on. Required when the moment
   * is an instant; a calendar date is read as it is.
   */
  readonly timeZone?: string;
}

function checkedDate(value: unknown, name: string, caller: string): string {
  if (typeof value !== "string" || !isCalendarDate(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${name} must be a real calendar date YYYY-MM-DD; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/**
 * A person's age in whole years on a calendar day.
 *
 * A birthday on 29 February is reached on 1 March in years without that day.
 *
 * @param birthDate - date of birth, `YYYY-MM-DD`
 * @param on - the day to ask about, `YYYY-MM-DD`
 * @returns completed years of age
 * @throws {@link GroupworkError} `invalid-argument` when a date is not a real calendar date or `on` is before birth;
 *   `missing-time-zone` when `on` is an instant (pass the group's time zone as `{ timeZone }`)
 * @example
 * ageOn("2008-09-01", "2026-08-31")
 * //=> 17
 */
export function ageOn(birthDate: string, on: string): number;
/**
 * A person's age in whole years at an instant, on the group's calendar: the day the instant falls on in
 * `options.timeZone`.
 *
 * @param birthDate - date of birth, `YYYY-MM-DD`
 * @param at - an ISO 8601 instant with an offset (seconds optional), or a `Date`; a calendar date is read as it is
 * @param options - `timeZone`: the group's IANA time zone (`group.timeZone`), which decides the day
 * @returns completed years of age
 * @throws {@link GroupworkError} `invalid-argument` when `birthDate` is not a real calendar date, `at` is neither an
 *   instant nor a date (a `Date` outside the years 0000–9999 is not one), falls on a day outside those years in the
 *   time zone or before birth, `options` is not an object, holds a key other than `timeZone` or cannot be read, or the
 *   time zone is unknown; `missing-time-zone` when `at` is an instant and `options.timeZone` is left out
 * @example
 * // 03:00 on 1 September in UTC is still 31 August in Chicago: the 18th birthday has not come there yet
 * ageOn("2008-09-01", "2026-09-01T03:00Z", { timeZone: "America/Chicago" })
 * //=> 17
 */
export function ageOn(birthDate: string, at: string | Date, options: { readonly timeZone: string }): number;
export function ageOn(birthDate: string, at: string | Date, options?: { readonly timeZone?: string }): number {
  const { timeZone } = optionsObject(options, "ageOn", '{ timeZone: "America/Chicago" }', ["timeZone"]);
  // The day form names its argument `on`, the instant form `at`.
  return age(birthDate, calendarDayOf(at, timeZone, "ageOn", timeZone === undefined ? "on" : "at"), "ageOn");
}

function age(birthDate: unknown, day: string, caller: string): number {
  const born = checkedDate(birthDate, "birthDate", caller);
  if (day < born) {
    throw new GroupworkError("invalid-argument", `${caller}: ${day} is before the date of birth ${born}.`);
  }
  const years = Number(day.slice(0, 4)) - Number(born.slice(0, 4));
  // MM-DD strings order like the days they name, so the birthday has come once the day's MM-DD reaches birthDate's.
  return day.slice(5) < born.slice(5) ? years - 1 : years;
}

/**
 * Whether a member is a minor on a calendar day, for consent and disclosure rules.
 *
 * @param member - the member (only `birthDate` is read)
 * @param on - the day to ask about, `YYYY-MM-DD` in the group's time zone
 * @param options - the age of majority where the group meets (18 by default)
 * @returns `true` or `false`, or `null` when the birth date is not recorded: unknown is not "adult"
 * @throws {@link GroupworkError} `invalid-argument` for a date that is not a real calendar date, a member or options
 *   that are not objects or cannot be read, options with a key other than `ageOfMajority` and `timeZone`, or an age
 *   of majority that is not a positive whole number; `missing-time-zone` when `on` is an instant (pass the group's
 *   time zone as `{ timeZone }`)
 * @example
 * isMinor({ birthDate: "2009-05-20" }, "2026-05-19")
 * //=> true
 * @example
 * isMinor({}, "2026-05-19")
 * //=> null
 */
export function isMinor(member: Pick<Member, "birthDate">, on: string, options?: IsMinorOptions): boolean | null;
/**
 * Whether a member is a minor at an instant, on the group's calendar: the day the instant falls on in
 * `options.timeZone`.
 *
 * @param member - the member (only `birthDate` is read)
 * @param at - an ISO 8601 instant with an offset (seconds optional), or a `Date`; a calendar date is read as it is
 * @param options - `timeZone`: the group's IANA time zone (`group.timeZone`), which decides the day; `ageOfMajority`
 *   where the group meets (18 by default)
 * @returns `true` or `false`, or `null` when the birth date is not recorded: unknown is not "adult"
 * @throws {@link GroupworkError} `invalid-argument` for an `at` that is neither an instant nor a date (a `Date` outside
 *   the years 0000–9999 is not one) or falls on a day outside those years in the time zone, an unknown time zone, a
 *   birth date that is not a real calendar date, a member or options that are not objects or cannot be read, options
 *   with a key other than `ageOfMajority` and `timeZone`, or an age of majority that is not a positive whole number;
 *   `missing-time-zone` when `at` is an instant and `options.timeZone` is left out
 * @example
 * // 02:00 on 20 May in UTC is still 19 May in Chicago, the day before the 18th birthday
 * isMinor({ birthDate: "2008-05-20" }, new Date("2026-05-20T02:00:00Z"), { timeZone: "America/Chicago" })
 * //=> true
 */
export function isMinor(
  member: Pick<Member, "birthDate">,
  at: string | Date,
  options: IsMinorOptions & { readonly timeZone: string },
): boolean | null;
export function isMinor(
  member: Pick<Member, "birthDate">,
  at: string | Date,
  options?: IsMinorOptions,
): boolean | null {
  const { timeZone, ageOfMajority: given } = optionsObject(
    options,
    "isMinor",
    '{ timeZone: "America/Chicago", ageOfMajority: 21 }',
    ["timeZone", "ageOfMajority"],
  );
  const ageOfMajority: unknown = given === undefined ? 18 : given;
  if (!Number.isSafeInteger(ageOfMajority) || (ageOfMajority as number) <= 0) {
    throw new GroupworkError(
      "invalid-argument",
      `isMinor: options.ageOfMajority must be a positive whole number; got ${describeValue(ageOfMajority)}.`,
    );
  }
  const day = calendarDayOf(at, timeZone, "isMinor", timeZone === undefined ? "on" : "at");
  if (typeof member !== "object" || member === null) {
    throw new GroupworkError("invalid-argument", `isMinor: member must be an object; got ${describeValue(member)}.`);
  }
  // Read once: a getter could answer differently the second time.
  const birthDate: unknown = readArgument("isMinor: member.birthDate", () => member.birthDate);
  if (birthDate === undefined) return null;
  return age(birthDate, day, "isMinor") < (ageOfMajority as number);
}
