import { localDate } from "../_lib/calendar.js";

// Private to the metrics room: the calendar day of a session in the group's time zone, and searches over days.

// One formatter per time zone, made on first use: reading a session's day is then one Intl call (TZDate makes several).
const dayFormats = /* @__PURE__ */ new Map<string, Intl.DateTimeFormat>();

/** The calendar day `YYYY-MM-DD` of an instant (ms since the epoch) in a time zone; the same day as `localDate`. */
export function dayIn(time: number, timeZone: string): string {
  let format = dayFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  let year = "";
  let month = "";
  let day = "";
  for (const part of format.formatToParts(time)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  // Four-digit years of the common era only; `localDate` writes any other year in ISO 8601's expanded form.
  return /^[1-9]\d{3}$/.test(year) ? `${year}-${month}-${day}` : localDate(new Date(time), timeZone);
}

/** Position of the first day in an ascending list on or after `day`; the list's length when there is none. */
export function firstAtOrAfter(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as string) < day) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Position of the first day in an ascending list after `day`; the list's length when there is none. */
export function firstAfter(days: readonly string[], day: string): number {
  let low = 0;
  let high = days.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((days[middle] as string) <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}
