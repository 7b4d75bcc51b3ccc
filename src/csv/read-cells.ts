import { isCalendarDate } from "../_lib/dates.js";
import { wallClockTime, zonedText } from "../_lib/wall-clock.js";
import { CSV_DATE_FORMATS, type CsvDateFormat } from "./read-types.js";

// Readers of single cells: dates in the mapping's format, times of day, yes/no answers, and a local date and time in
// the group's time zone as an instant. Each returns null for text it cannot read; the caller says where.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * A cell's date as `YYYY-MM-DD`, or `null` when it is not in `format` or is not a real date. An impossible date
 * (`02/30/2026`) is refused, never rolled over into the next month as `Date` would.
 */
export function readDate(text: string, format: CsvDateFormat): string | null {
  let year: string;
  let month: string;
  let day: string;
  if (format === "YYYY-MM-DD") {
    const match = ISO_DATE.exec(text);
    if (match === null) return null;
    [, year = "", month = "", day = ""] = match;
  } else {
    const match = SLASH_DATE.exec(text);
    if (match === null) return null;
    const [, first = "", second = "", yearText = ""] = match;
    year = yearText;
    [month, day] = format === "MM/DD/YYYY" ? [first, second] : [second, first];
  }
  const date = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
  return isCalendarDate(date) ? date : null;
}

/**
 * Why a cell's date cannot be read in `format`, as the end of a sentence. It never repeats the cell, which may be a
 * person's birth date. When other formats the import knows would read the cell, it names them: a file written
 * `DD/MM/YYYY` read as ISO 8601 is the usual cause.
 */
export function dateProblem(text: string, format: CsvDateFormat): string {
  const readers = CSV_DATE_FORMATS.filter((other) => other !== format && readDate(text, other) !== null);
  if (readers.length > 0) {
    const named = readers.map((other) => JSON.stringify(other)).join(" or ");
    return `is not a date written ${format}; if the file writes dates ${readers.join(" or ")}, set mapping.dateFormat to ${named}.`;
  }
  const shaped = format === "YYYY-MM-DD" ? ISO_DATE.test(text) : SLASH_DATE.test(text);
  return shaped
    ? `is written ${format} but is not a real date (no such day in the calendar).`
    : `is not a date written ${format}.`;
}

/** A time of day on the 24-hour clock. */
export interface TimeOfDay {
  readonly hours: number;
  readonly minutes: number;
}

const CLOCK_24 = /^([01]?\d|2[0-3]):([0-5]\d)(?::00)?$/;
const CLOCK_12 = /^(0?[1-9]|1[0-2]):([0-5]\d)(?::00)?\s*([AaPp])\.?[Mm]\.?$/;

/**
 * A cell's time of day: `18:00` or `6:00 PM` (seconds `:00` allowed), or `null` for anything else. Sessions start on
 * a whole minute, so other seconds are refused rather than dropped.
 */
export function readTime(text: string): TimeOfDay | null {
  const day = CLOCK_24.exec(text);
  if (day !== null) return { hours: Number(day[1]), minutes: Number(day[2]) };
  const halfDay = CLOCK_12.exec(text);
  if (halfDay === null) return null;
  const hour = Number(halfDay[1]) % 12;
  const afternoon = (halfDay[3] ?? "").toLowerCase() === "p";
  return { hours: afternoon ? hour + 12 : hour, minutes: Number(halfDay[2]) };
}

/** The words a yes/no cell may hold, lower case: the built-in English ones and any the mapping adds. */
export interface YesNoWords {
  readonly yes: ReadonlySet<string>;
  readonly no: ReadonlySet<string>;
}

/** The built-in words of a yes/no cell. */
export const ENGLISH_YES_NO: YesNoWords = {
  yes: new Set(["yes", "y", "true", "1"]),
  no: new Set(["no", "n", "false", "0"]),
};

/** A yes/no cell as one of `words` (any case, spaces around it ignored), or `null` for anything else. */
export function readYesNo(text: string, words: YesNoWords): boolean | null {
  const word = text.trim().toLowerCase();
  if (words.yes.has(word)) return true;
  if (words.no.has(word)) return false;
  return null;
}

/** What happened to a local time on a day the clocks change. */
export type ClockChange = "nonexistent" | "ambiguous" | null;

/** An instant read from a local date and time, and whether the clocks made that local time missing or doubled. */
export interface LocalInstant {
  /** ISO 8601 with the zone's offset, such as `2026-03-12T18:00:00-05:00`. */
  readonly instant: string;
  readonly change: ClockChange;
}

/**
 * The instant of a local date and time in a time zone, read as RFC 5545 (iCalendar) section 3.3.5 reads a local time
 * on a day the clocks change: a time the clocks skip (02:30 on the night they go forward) is read with the offset
 * before the gap, so it lands as far past the gap as it was into it (03:30); a time they pass twice (01:30 on the
 * night they go back) is the first of the two. `change` says which happened, so the caller can warn.
 * The arithmetic is the shared wall-clock reading of src/_lib/wall-clock.ts, which never reads the machine's zone.
 */
export function localInstant(date: string, time: TimeOfDay, timeZone: string): LocalInstant {
  const { instants, skippedAt } = wallClockTime(date, time.hours * 60 + time.minutes, timeZone);
  const [first] = instants;
  // A skipped time is written with the offset in force at the instant it lands on: 02:30 CST is 03:30 CDT.
  if (first === undefined) return { instant: zonedText(skippedAt, timeZone), change: "nonexistent" };
  return { instant: zonedText(first, timeZone), change: instants.length > 1 ? "ambiguous" : null };
}
