// Checks of wire dates without zod, for functions that a screen may import alone (isActiveMember, ageOn): they accept
// exactly what CalendarDateSchema and InstantSchema accept (a property test holds them to it).

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// RFC 3339 with seconds, optional fraction, and Z or an offset up to ±23:59.
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

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

/** Whether a string is an ISO 8601 instant with seconds and an offset or `Z`, on a real calendar date. */
export function isInstant(text: string): boolean {
  const match = INSTANT.exec(text);
  return match !== null && isCalendarDate(match[1] ?? "");
}
