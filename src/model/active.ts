import { isCalendarDate } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { type DayPeriod, periodCovers } from "../_lib/period.js";
import { calendarDayOf, optionsObject } from "./calendar-day.js";
import type { Membership } from "./membership.js";

// The reference checks of parseGroupRecord read the same rule from here.
export { periodCovers };

/**
 * The parts of a {@link Membership} that decide whether it is active.
 *
 * @example
 * // Only the period and the inactive flag decide; the rest of a membership may be left out
 * isActiveMember({ inactive: true, period: { start: "2026-02-05" } }, "2026-03-12")
 * //=> false
 */
export type MembershipActivity = Pick<Membership, "period"> & { readonly inactive?: boolean | undefined };

/**
 * Whether a membership is active on a calendar day, by FHIR R4's rule for `Group.member`: not marked inactive, and the
 * period is absent or covers the day. Periods are calendar days in the group's time zone, both ends inclusive.
 *
 * @param membership - the membership (its `inactive` flag and `period`)
 * @param on - a calendar date `YYYY-MM-DD` in the group's time zone
 * @returns `true` when the membership is active that day
 * @throws {@link GroupworkError} `invalid-argument` when `on` or a date of the period is not a real calendar date, or
 *   the membership is not an object or cannot be read; `missing-time-zone` when `on` is an instant (pass the group's
 *   time zone as `{ timeZone }`)
 * @example
 * isActiveMember({ inactive: false, period: { start: "2026-01-05", end: "2026-03-23" } }, "2026-03-23")
 * //=> true
 */
export function isActiveMember(membership: MembershipActivity, on: string): boolean;
/**
 * Whether a membership is active at an instant, by FHIR R4's rule for `Group.member`, reading the instant on the
 * group's calendar: the day it falls on in `options.timeZone` must be covered by the period (both ends inclusive).
 *
 * @param membership - the membership (its `inactive` flag and `period`)
 * @param at - an ISO 8601 instant with an offset (seconds optional), or a `Date`; a calendar date is read as it is
 * @param options - `timeZone`: the group's IANA time zone (`group.timeZone`), which decides the day
 * @returns `true` when the membership is active then
 * @throws {@link GroupworkError} `invalid-argument` when `at` is not an instant or date (a `Date` outside the years
 *   0000–9999 is not one) or falls on a day outside those years in the time zone, a date of the period is not a real
 *   calendar date, the membership cannot be read, `options` is not an object, holds a key other than `timeZone` or
 *   cannot be read, or the time zone is unknown; `missing-time-zone` when `at` is an instant and `options.timeZone` is
 *   left out
 * @example
 * // 01:30 on 24 March in UTC is still 23 March in Chicago
 * const membership = { period: { start: "2026-01-05", end: "2026-03-23" } };
 * isActiveMember(membership, "2026-03-24T01:30:00Z", { timeZone: "America/Chicago" })
 * //=> true
 */
export function isActiveMember(
  membership: MembershipActivity,
  at: string | Date,
  options: { readonly timeZone: string },
): boolean;
export function isActiveMember(
  membership: MembershipActivity,
  at: string | Date,
  options?: { readonly timeZone?: string },
): boolean {
  const { timeZone } = optionsObject(options, "isActiveMember", '{ timeZone: "America/Chicago" }', ["timeZone"]);
  const day = calendarDayOf(at, timeZone, "isActiveMember", "at");
  const { inactive, period } = readActivity(membership);
  return inactive !== true && periodCovers({ period }, day);
}

/**
 * The membership's `inactive` flag and `period`, each read once (a getter could answer differently the second time),
 * after checking the membership is an object, the flag a boolean and the period's dates real.
 */
function readActivity(membership: unknown): { inactive: boolean | undefined; period: DayPeriod | undefined } {
  if (typeof membership !== "object" || membership === null) {
    throw new GroupworkError(
      "invalid-argument",
      `isActiveMember: membership must be an object; got ${describeValue(membership)}.`,
    );
  }
  const { inactive, period } = readArgument("isActiveMember: membership", () => {
    const { inactive, period } = membership as { inactive?: unknown; period?: unknown };
    return { inactive, period };
  });
  // A flag that is not a boolean ("yes", 1) would otherwise read as active without a word.
  if (inactive !== undefined && typeof inactive !== "boolean") {
    throw new GroupworkError(
      "invalid-argument",
      `isActiveMember: membership.inactive must be true, false or left out; got ${describeValue(inactive)}.`,
    );
  }
  if (period === undefined) return { inactive, period };
  const { start, end } = readArgument("isActiveMember: membership.period", () => {
    if (typeof period !== "object" || period === null || Array.isArray(period)) {
      throw new GroupworkError(
        "invalid-argument",
        `isActiveMember: membership.period must be an object { start, end? } or left out; got ${describeValue(period)}.`,
      );
    }
    const { start, end } = period as { start?: unknown; end?: unknown };
    return { start, end };
  });
  for (const bound of [start, ...(end === undefined ? [] : [end])]) {
    if (typeof bound !== "string" || !isCalendarDate(bound)) {
      throw new GroupworkError(
        "invalid-argument",
        `isActiveMember: membership.period needs a start and an optional end, each a real calendar date YYYY-MM-DD; got ${describeValue(bound)}.`,
      );
    }
  }
  // The copy holds the dates as they were checked.
  return { inactive, period: { start: start as string, ...(end === undefined ? {} : { end: end as string }) } };
}
