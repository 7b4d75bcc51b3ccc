import { tz, tzOffset } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";
import { describeValue, GroupworkError } from "./errors.js";

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * An instant has exactly one offset from UTC in a zone (a daylight-saving gap or overlap only makes some wall-clock
 * times missing or doubled, never an instant), so the instant moved by that offset, read as UTC, shows the zone's wall
 * clock. The offset comes from `@date-fns/tz`'s `tzOffset`, which `TZDate` reads too; building a whole `TZDate` would
 * ask the time zone database twice for one day, and date-fns `format` would pull locale code into every bundle that
 * needs only a day. Historical offsets with seconds (local mean time, such as New York's −4:56:02 before 1883) are
 * kept to the second.
 *
 * A day outside the years 0000–9999 has no `YYYY-MM-DD` (9999-12-31T23:00Z is already 1 January 10000 in
 * Pacific/Kiritimati, UTC+14), and ISO 8601's expanded form (+010000-01-01) would order wrongly as text against every
 * other day, so it is refused.
 *
 * @param instant - an ISO 8601 instant with offset, or a valid Date
 * @param timeZone - an IANA time zone name
 * @param where - how the caller names the instant in messages, such as `ageOn: at`
 * @throws GroupworkError `invalid-argument` naming `where` when the day falls outside the years 0000–9999
 */
export function localDate(instant: string | Date, timeZone: string, where = "The instant"): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  // tzOffset gives minutes east of UTC, with any seconds as a fraction.
  const offsetSeconds = Math.round(tzOffset(timeZone, new Date(time)) * 60);
  const wallClock = new Date(time + offsetSeconds * 1000);
  const year = wallClock.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) {
    // An unread instant (NaN) lands here too, in the year NaN; callers read theirs first.
    const shown =
      typeof instant === "string"
        ? describeValue(instant)
        : Number.isNaN(time)
          ? "(an invalid Date)"
          : instant.toISOString();
    throw new GroupworkError(
      "invalid-argument",
      `${where} ${shown} falls on a day in the year ${year} in ${timeZone}, outside the years 0000–9999 that a calendar date YYYY-MM-DD can carry.`,
    );
  }
  const month = String(wallClock.getUTCMonth() + 1).padStart(2, "0");
  const day = String(wallClock.getUTCDate()).padStart(2, "0");
  return `${String(year).padStart(4, "0")}-${month}-${day}`;
}

/**
 * Whole calendar days from one instant's local day to another's, in a time zone: 0 on the same local day, 1 from one
 * evening to the next morning, negative when `to` is on an earlier day. A DST change makes no day longer or shorter.
 *
 * @param from - an ISO 8601 instant with offset, or a Date
 * @param to - an ISO 8601 instant with offset, or a Date
 * @param timeZone - an IANA time zone name
 */
export function calendarDaysBetween(from: string | Date, to: string | Date, timeZone: string): number {
  return differenceInCalendarDays(to, from, { in: tz(timeZone) });
}
