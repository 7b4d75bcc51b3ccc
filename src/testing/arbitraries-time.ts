// Calendar days and instants for the arbitraries, in plain day numbers and milliseconds. The offset of a zone comes
// from @date-fns/tz's tzOffset (Intl with the zone named), so nothing here reads the machine's own time zone: the
// same seed gives the same values on every machine. Private to the testing kit.
import { tzOffset } from "@date-fns/tz";

/** Milliseconds in a calendar day, as UTC counts them (no clock change). */
export const DAY_MS = 86_400_000;

/** Day numbers (days since 1970-01-01) of the first and last days the arbitraries draw from: 2000 to 2035. */
export const FIRST_DAY = Date.UTC(2000, 0, 1) / DAY_MS;
export const LAST_DAY = Date.UTC(2035, 11, 31) / DAY_MS;

/** Zones with whole-hour, half-hour and 45-minute offsets, north and south, with and without daylight saving time. */
export const DEFAULT_TIME_ZONES: readonly string[] = Object.freeze([
  "America/Chicago",
  "America/New_York",
  "Europe/London",
  "UTC",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
]);

/** The `YYYY-MM-DD` of a day number. */
export function dayText(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The day number of a `YYYY-MM-DD`. */
export function dayNumber(text: string): number {
  return Date.UTC(Number(text.slice(0, 4)), Number(text.slice(5, 7)) - 1, Number(text.slice(8, 10))) / DAY_MS;
}

/** Minutes east of UTC of a zone at an instant (fractional for the few historical offsets with seconds). */
function offsetAt(timeZone: string, ms: number): number {
  return tzOffset(timeZone, new Date(ms));
}

/**
 * The instant of a wall-clock time (`minuteOfDay` on `day`) in a zone. A time a clock change skips comes out at the
 * same distance past the change; callers read the day back with {@link localDay} rather than assume it.
 */
export function zonedInstant(day: number, minuteOfDay: number, timeZone: string): number {
  const wall = day * DAY_MS + minuteOfDay * 60_000;
  const first = wall - offsetAt(timeZone, wall) * 60_000;
  // The offset at the first guess is the zone's offset at the instant itself, unless a clock change lies between.
  return wall - offsetAt(timeZone, first) * 60_000;
}

/** The day number of the calendar day an instant falls on in a zone. */
export function localDay(ms: number, timeZone: string): number {
  return Math.floor((ms + offsetAt(timeZone, ms) * 60_000) / DAY_MS);
}

/**
 * An instant as ISO 8601 text with seconds: with the zone's own offset (`2026-03-05T18:00:00-06:00`), or in UTC
 * (`2026-03-06T00:00:00Z`) when `timeZone` is `"Z"` or its offset then has seconds, which an instant cannot carry.
 */
export function writeInstant(ms: number, timeZone: string | "Z"): string {
  const offset = timeZone === "Z" ? 0 : offsetAt(timeZone, ms);
  const clock = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
  if (timeZone === "Z" || !Number.isInteger(offset)) return `${new Date(ms).toISOString().slice(0, 19)}Z`;
  const size = Math.abs(offset);
  const hours = String(Math.floor(size / 60)).padStart(2, "0");
  const minutes = String(size % 60).padStart(2, "0");
  return `${clock}${offset < 0 ? "-" : "+"}${hours}:${minutes}`;
}
