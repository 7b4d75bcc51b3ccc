import { dayNumber, wallClockTime } from "../_lib/wall-clock.js";

// Calendar arithmetic of the scenario builder: weekly dates, and wall-clock times in a time zone read with the shared
// src/_lib/wall-clock.ts. Calendar days are counted in UTC day numbers: nothing here reads the machine's zone or clock.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The weekdays a schedule names, in the order of `Date#getUTCDay` (Sunday first). */
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** The calendar date `YYYY-MM-DD` of a day number; `undefined` past 9999-12-31, which the format cannot carry. */
export function dateOfDay(day: number): string | undefined {
  const text = new Date(day * DAY_MS).toISOString();
  return text.startsWith("+") ? undefined : text.slice(0, 10);
}

/** The weekday of a calendar date, already checked. */
export function weekdayOf(date: string): (typeof WEEKDAYS)[number] {
  // getUTCDay is 0–6, the length of WEEKDAYS.
  return WEEKDAYS[new Date(dayNumber(date) * DAY_MS).getUTCDay()] as (typeof WEEKDAYS)[number];
}

/**
 * The instant (milliseconds since the epoch) at which a wall-clock time of a day happens in a time zone, or `undefined`
 * when the clocks skip it (02:30 on the night daylight saving time starts). A time the clocks pass twice (01:30 on the
 * night it ends) is the first of the two, as RFC 5545 (iCalendar) section 3.3.5 reads it.
 */
export function wallClockInstant(date: string, minuteOfDay: number, timeZone: string): number | undefined {
  return wallClockTime(date, minuteOfDay, timeZone).instants[0];
}

/** Milliseconds in `minutes` minutes. */
export function minutesMs(minutes: number): number {
  return minutes * MINUTE_MS;
}
