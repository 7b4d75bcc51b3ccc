// Whether a calendar day falls within a membership's period: the one statement of the rule, read by the model
// (isActiveMember and the reference checks of parseGroupRecord) and by the metrics (which sessions a client was
// offered). Imports no room, so both can load it without zod.

/** A membership's period as the wire carries it: calendar days `YYYY-MM-DD`; no `end` while the membership is open. */
export interface DayPeriod {
  readonly start: string;
  readonly end?: string | undefined;
}

/**
 * Where a calendar day falls against a membership's period: before its start (-1), within it (0) or after its end
 * (1). No period covers every day; a period covers the days from its start to its end, both inclusive, and an open
 * end every day from the start on (FHIR R4 `Group.member.period`).
 *
 * @param membership - anything with the membership's `period` (a membership itself)
 * @param day - a calendar date `YYYY-MM-DD`, already checked by the caller
 */
export function placeInPeriod({ period }: { readonly period?: DayPeriod | undefined }, day: string): -1 | 0 | 1 {
  if (period === undefined) return 0;
  // YYYY-MM-DD strings order the same way as the days they name.
  if (day < period.start) return -1;
  return period.end === undefined || day <= period.end ? 0 : 1;
}

/**
 * Whether a membership's period covers a calendar day ({@link placeInPeriod} says "within"): both ends inclusive, an
 * open end every day from the start on, no period every day.
 *
 * @param membership - anything with the membership's `period` (a membership itself)
 * @param day - a calendar date `YYYY-MM-DD`, already checked by the caller
 */
export function periodCovers(membership: { readonly period?: DayPeriod | undefined }, day: string): boolean {
  return placeInPeriod(membership, day) === 0;
}
