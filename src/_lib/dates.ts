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

// The instants a Date can stand for on the wire: `toISOString` writes years 0000–9999 (UTC) in four digits, and any
// other year in ISO 8601's expanded form (+010000, -000001), which no instant field accepts. A Date outside them would
// be stored as text that every later reading refuses, or read as a day that compares wrongly as text.
const FIRST_WRITABLE = Date.parse("0000-01-01T00:00:00.000Z");
const LAST_WRITABLE = Date.parse("9999-12-31T23:59:59.999Z");

/**
 * The time of a `Date`, or `NaN` for anything that is not one. Asked of the value's own date slot (ECMA-262
 * thisTimeValue), so an object that only looks like a Date (`Object.create(Date.prototype)`, a Proxy, a revoked one
 * among them) runs no code of its caller's and answers `NaN` rather than throwing.
 */
function dateTime(value: object): number {
  try {
    return Date.prototype.getTime.call(value);
  } catch {
    return Number.NaN;
  }
}

/**
 * Milliseconds since the epoch of an instant given as ISO 8601 text with an offset (seconds optional, as
 * {@link isInstant}) or as a valid `Date` in the years 0000–9999 (UTC), which ISO 8601 text can carry; `NaN` for
 * anything else. Never throws.
 */
export function instantTime(value: unknown): number {
  if (typeof value === "string") return isInstant(value) ? Date.parse(value) : Number.NaN;
  if (typeof value !== "object" || value === null) return Number.NaN;
  const time = dateTime(value);
  return time >= FIRST_WRITABLE && time <= LAST_WRITABLE ? time : Number.NaN;
}

/**
 * Why {@link instantTime} could not read a value, as a sentence about `where` (such as `ageOn: at`): a valid `Date`
 * outside the years 0000–9999 says so, anything else that it must be `expected`. Never throws.
 *
 * @param value - the value as received
 * @param where - how the caller names it in messages
 * @param expected - what the argument may be, in words
 */
export function notAnInstant(
  value: unknown,
  where: string,
  expected = 'an ISO 8601 instant with an offset, such as "2026-03-02T17:00-05:00", or a valid Date',
): string {
  const time = typeof value === "object" && value !== null ? dateTime(value) : Number.NaN;
  if (!Number.isNaN(time)) {
    return `${where} is the Date ${new Date(time).toISOString()}, outside the years 0000–9999 that ISO 8601 text can carry.`;
  }
  return `${where} must be ${expected}; got ${describeValue(value)}.`;
}

/**
 * {@link instantTime} for a function's argument: throws `GroupworkError` (`invalid-argument`) naming `where` when the
 * value is neither ISO 8601 text with an offset nor a valid `Date` in the years 0000–9999, with the message of
 * {@link notAnInstant}.
 */
export function readInstantArgument(value: unknown, where: string): number {
  const time = instantTime(value);
  if (Number.isNaN(time)) throw new GroupworkError("invalid-argument", notAnInstant(value, where));
  return time;
}
