// Private to the FHIR export: instants and dates as FHIR R4 writes them (https://hl7.org/fhir/R4/datatypes.html).
// An R4 `instant`, and a `dateTime` with a time, needs seconds; its year runs from 0001 to 9999 and its offset from
// -14:00 to +14:00. The model accepts seconds left out, the year 0000 and offsets up to ±23:59, so the export adds the
// seconds and refuses the rest (see export-check.ts).

// What parseGroupRecord has already accepted: date, hours and minutes, optional seconds (with a fraction), Z or offset.
const INSTANT_PARTS = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(:\d{2}(?:\.\d+)?)?(Z|[+-](\d{2}):(\d{2}))$/;

interface InstantParts {
  /** `YYYY-MM-DD` as written. */
  readonly date: string;
  /** `HH:MM` as written. */
  readonly time: string;
  /** `:SS` or `:SS.fff` as written, `:00` when the seconds were left out. */
  readonly seconds: string;
  /** `Z` or `±HH:MM` as written. */
  readonly offset: string;
  /** The offset's hours and minutes, 0 for `Z`. */
  readonly offsetHours: number;
  readonly offsetMinutes: number;
}

function partsOf(instant: string): InstantParts {
  const match = INSTANT_PARTS.exec(instant);
  // Only instants parseGroupRecord accepted reach the export; anything else is a defect of the caller in this room.
  if (match === null) throw new Error(`Not an instant the model accepts: ${JSON.stringify(instant)}`);
  const [, date = "", time = "", seconds = ":00", offset = "", hours = "0", minutes = "0"] = match;
  return { date, time, seconds, offset, offsetHours: Number(hours), offsetMinutes: Number(minutes) };
}

/**
 * The instant with its seconds written: `2026-02-05T18:00-06:00` becomes `2026-02-05T18:00:00-06:00`; an instant
 * that has them is returned as written.
 */
export function withSeconds(instant: string): string {
  const { date, time, seconds, offset } = partsOf(instant);
  return `${date}T${time}${seconds}${offset}`;
}

/**
 * The instant `minutes` later, written in the same offset as `instant` (a fixed offset needs no time zone: the wall
 * clock moves by exactly the minutes added), seconds and fraction kept as written (`:00` when left out). `undefined`
 * when the result's year is past 9999, the last year FHIR R4 can write.
 */
export function addMinutes(instant: string, minutes: number): string | undefined {
  const { date, time, seconds, offset } = partsOf(instant);
  // The wall-clock time read as if it were UTC: adding minutes to it is the same as adding them in the fixed offset.
  // The export passes at most FHIR's largest integer of minutes (about 4,000 years), well inside a Date's range.
  const wallClock = new Date(Date.parse(`${date}T${time}:00Z`) + minutes * 60_000);
  if (wallClock.getUTCFullYear() > 9999) return undefined;
  // toISOString writes years 0000–9999 as four digits: "2026-02-05T19:30:00.000Z".
  return `${wallClock.toISOString().slice(0, 16)}${seconds}${offset}`;
}

/**
 * Why FHIR R4 cannot write an instant the model accepted, as the end of a sentence, or `undefined` when it can. R4's
 * `instant` and `dateTime` take the years 0001–9999 and offsets from -14:00 to +14:00.
 */
export function fhirInstantProblem(instant: string): string | undefined {
  const { date, offset, offsetHours, offsetMinutes } = partsOf(instant);
  const dateProblem = fhirDateProblem(date);
  if (dateProblem !== undefined) return dateProblem;
  if (offsetHours * 60 + offsetMinutes > 14 * 60) {
    return `has the UTC offset ${offset}, beyond the ±14:00 that FHIR R4 instants allow`;
  }
  return undefined;
}

/** Why FHIR R4 cannot write a calendar date the model accepted (the year 0000), or `undefined` when it can. */
export function fhirDateProblem(date: string): string | undefined {
  return date.startsWith("0000") ? "is in the year 0000; FHIR R4 dates start at the year 0001" : undefined;
}
