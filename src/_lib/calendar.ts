import { TZDate, tz } from "@date-fns/tz";
import { differenceInCalendarDays } from "date-fns";

/**
 * The calendar date (`YYYY-MM-DD`) of an instant in a time zone.
 *
 * Reads the zoned year, month and day from `TZDate` instead of date-fns `format`, which would pull locale code into
 * every bundle that needs only a day.
 *
 * @param instant - an ISO 8601 instant with offset, or a Date
 * @param timeZone - an IANA time zone name
 */
export function localDate(instant: string | Date, timeZone: string): string {
  const time = typeof instant === "string" ? Date.parse(instant) : instant.getTime();
  const zoned = new TZDate(time, timeZone);
  const month = String(zoned.getMonth() + 1).padStart(2, "0");
  const day = String(zoned.getDate()).padStart(2, "0");
  const year = zoned.getFullYear();
  // Years outside 0000–9999 (an instant at the very edge of the wire format, moved by an offset) use ISO 8601's
  // expanded form, +010000 or -000001, rather than a malformed date.
  const yearText =
    year >= 0 && year <= 9999
      ? String(year).padStart(4, "0")
      : `${year < 0 ? "-" : "+"}${String(Math.abs(year)).padStart(6, "0")}`;
  return `${yearText}-${month}-${day}`;
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
