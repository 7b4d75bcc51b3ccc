import { tzOffset } from "@date-fns/tz";

// Wall-clock times in a named time zone, and instants written with the zone's offset. Offsets come from @date-fns/tz's
// tzOffset, which asks the runtime's IANA database and nothing else: `TZDate`'s constructor from wall-clock fields goes
// through the machine's own zone, and gave other answers on a machine set to Australia/Lord_Howe or Pacific/Chatham.
// Nothing here reads the machine's zone or the clock. Not exported from the package.

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** Days since 1970-01-01 of a calendar date `YYYY-MM-DD`, already checked. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  // setUTCFullYear, not Date.UTC, so the years 0–99 are not read as 1900–1999.
  return Math.round(new Date(0).setUTCFullYear(year, month - 1, day) / DAY_MS);
}

/** Where a wall-clock time of a day falls in a time zone: the instants it happens at, and where a skipped one lands. */
export interface WallClockTime {
  /**
   * The instants (milliseconds since the epoch), earliest first: one on most days, none when the clocks skip the time
   * (02:30 on the night daylight saving time starts), two when they pass it twice (01:30 on the night it ends).
   */
  readonly instants: readonly number[];
  /**
   * The time read with the offset in force before the change, for a time the clocks skip: it lands as far past the
   * gap as it was into it (02:30 CST is 03:30 CDT), as RFC 5545 (iCalendar) section 3.3.5 reads it.
   */
  readonly skippedAt: number;
}

/**
 * The instants at which a wall-clock time (`minuteOfDay` minutes after midnight) of a day happens in a time zone.
 * Clocks change at most once in a day, so the offsets a day either side of the time are the only candidates.
 */
export function wallClockTime(date: string, minuteOfDay: number, timeZone: string): WallClockTime {
  // The wall-clock time written as if it were UTC; each candidate offset turns it into an instant.
  const wall = dayNumber(date) * DAY_MS + minuteOfDay * MINUTE_MS;
  const before = tzOffset(timeZone, new Date(wall - DAY_MS));
  const after = tzOffset(timeZone, new Date(wall + DAY_MS));
  const instants = [...new Set([before, after])]
    .filter((offset) => tzOffset(timeZone, new Date(wall - offset * MINUTE_MS)) === offset)
    .map((offset) => wall - offset * MINUTE_MS)
    .sort((first, second) => first - second);
  return { instants, skippedAt: wall - before * MINUTE_MS };
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
