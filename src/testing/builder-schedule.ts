import { tzOffset } from "@date-fns/tz";

// Calendar arithmetic of the scenario builder: weekly dates, wall-clock times in a time zone, and instants written with
// the zone's offset. Calendar days are counted in UTC day numbers and offsets come from @date-fns/tz's tzOffset, which
// asks the runtime's IANA database for the named zone: nothing here reads the machine's own zone or the clock.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The weekdays a schedule names, in the order of `Date#getUTCDay` (Sunday first). */
export const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"] as const;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD`, already checked. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, so the years 0–99 are not read as 1900–1999.
  return Math.round(new Date(0).setUTCFullYear(year, month - 1, day) / DAY_MS);
}

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
 * night it ends) is the first of the two, as RFC 5545 (iCalendar) section 3.3.5 reads it. Clocks change at most once in
 * a day, so the offsets a day either side of the time are the only candidates.
 */
export function wallClockInstant(date: string, minuteOfDay: number, timeZone: string): number | undefined {
  // The wall-clock time written as if it were UTC; each candidate offset turns it into an instant.
  const wall = dayNumber(date) * DAY_MS + minuteOfDay * MINUTE_MS;
  const candidates = [tzOffset(timeZone, new Date(wall - DAY_MS)), tzOffset(timeZone, new Date(wall + DAY_MS))];
  const instants = candidates
    .map((offset) => wall - offset * MINUTE_MS)
    .filter((time) => tzOffset(timeZone, new Date(time)) * MINUTE_MS === wall - time);
  return instants.length === 0 ? undefined : Math.min(...instants);
}

/** ISO 8601 text of an instant with the zone's offset at that instant, in whole seconds: `2026-03-12T18:00:00-05:00`. */
export function zonedText(time: number, timeZone: string): string {
  const offset = tzOffset(timeZone, new Date(time));
  // A historical offset with seconds (local mean time before standard time) has no ±HH:MM form: write UTC instead.
  if (!Number.isInteger(offset)) return `${new Date(time).toISOString().slice(0, 19)}Z`;
  const wallClock = new Date(time + offset * MINUTE_MS).toISOString().slice(0, 19);
  const size = Math.abs(offset);
  const hours = String(Math.floor(size / 60)).padStart(2, "0");
  const minutes = String(size % 60).padStart(2, "0");
  return `${wallClock}${offset < 0 ? "-" : "+"}${hours}:${minutes}`;
}

/** Milliseconds in `minutes` minutes. */
export function minutesMs(minutes: number): number {
  return minutes * MINUTE_MS;
}
