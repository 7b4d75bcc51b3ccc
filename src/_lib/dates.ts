// Checks and readers of wire dates without zod, for functions that a screen may import alone (isActiveMember, ageOn)
// and for the rooms that must not load zod: they accept exactly what CalendarDateSchema and InstantSchema accept (a
// property test holds them to it).
import { describeValue, GroupworkError } from "./errors.js";

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// ISO 8601 / RFC 3339 date-time: hours and minutes, optional seconds with an optional fraction, and Z or an offset up
// to ±23:59. An instant without an offset is a local time, not an instant, and is refused.
const INSTANT =
  /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d+)?)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
// No instant is longer: "2026-03-02T17:00:00.123456789-05:00" is 35 characters, and 64 leaves room for a fraction
// finer than any clock. Longer text is refused before any pattern runs.
const LONGEST_INSTANT = 64;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Whether a string is a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(text: string): boolean {
  const match = CALENDAR_DATE.exec(text);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Whether a string is an ISO 8601 instant: a real calendar date, hours and minutes, optional seconds (with an optional
 * fraction), and `Z` or an offset.
 */
export function isInstant(text: string): boolean {
  if (text.length > LONGEST_INSTANT) return false;
  const match = INSTANT.exec(text);
  return match !== null && isCalendarDate(match[1] ?? "");
}

/**
 * Milliseconds since the epoch of an instant given as ISO 8601 text with an offset (seconds optional, as
 * {@link isInstant}) or as a valid `Date`; `NaN` for anything else. Never throws.
 */
export function instantTime(value: unknown): number {
  if (typeof value === "string") return isInstant(value) ? Date.parse(value) : Number.NaN;
  if (value instanceof Date) return value.getTime();
  return Number.NaN;
}

/**
 * {@link instantTime} for a function's argument: throws `GroupworkError` (`invalid-argument`) naming `where` when the
 * value is neither ISO 8601 text with an offset nor a valid `Date`.
 */
export function readInstantArgument(value: unknown, where: string): number {
  const time = instantTime(value);
  if (Number.isNaN(time)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be an ISO 8601 instant with an offset, such as "2026-03-02T17:00-05:00", or a valid Date; got ${describeValue(value)}`,
    );
  }
  return time;
}
