import { z } from "zod";
import { isInstant } from "../_lib/dates.js";
import { IANA_NAME_PATTERN, isIanaTimeZone as isKnownZoneName } from "../_lib/time-zone.js";

/**
 * Whether a value is a time zone name the runtime's IANA database knows, such as `America/Chicago` or `UTC`.
 *
 * Offsets such as `+05:00` are not time zones: they do not follow daylight saving time. Anything that is not text
 * (`null`, a number, an object) is not a time zone name either, so this answers `false` for it rather than throwing.
 *
 * @param name - the name to check, as received
 * @returns `true` for a known IANA time zone name
 * @example
 * isIanaTimeZone("Europe/Dublin")
 * //=> true
 * @example
 * [isIanaTimeZone("+05:00"), isIanaTimeZone(null)]
 * //=> [false, false]
 */
export function isIanaTimeZone(name: unknown): boolean {
  return typeof name === "string" && isKnownZoneName(name);
}

/**
 * Schema of an instant: ISO 8601 date and time with a UTC offset or `Z`, seconds optional, such as
 * `2026-03-02T17:00-05:00` or `2026-03-02T17:00:00.250Z`.
 *
 * @example
 * // An instant needs its offset or Z: without one, nobody can say when the session started
 * const withOffset = InstantSchema.safeParse("2026-03-12T18:00-05:00").success;
 * const withoutOffset = InstantSchema.safeParse("2026-03-12T18:00:00").success;
 * [withOffset, withoutOffset]
 * //=> [true, false]
 */
export const InstantSchema = /* @__PURE__ */ z
  .string()
  .refine(isInstant, {
    error: "Expected an ISO 8601 date and time with an offset or Z, such as 2026-03-02T17:00-05:00.",
    params: { code: "invalid-format" },
  })
  .meta({
    id: "Instant",
    description:
      "A moment in time: ISO 8601 date and time with a UTC offset or Z, seconds optional, e.g. 2026-03-02T17:00-05:00.",
    // Validators in other languages see only this outline: zod's calendar-date pattern (month lengths and leap
    // years), then hours and minutes, optional seconds with an optional fraction, and Z or an offset, as isInstant
    // reads it. A property test holds the two to the same answers. No `format: date-time`: RFC 3339 asks for seconds.
    pattern: `^${z.regexes.date.source.slice(1, -1)}T(?:[01]\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:\\.\\d+)?)?(?:Z|[+-](?:[01]\\d|2[0-3]):[0-5]\\d)$`,
  });

/**
 * An ISO 8601 instant with an offset, as sent on the wire.
 *
 * @example
 * // Session 6 was the first after daylight saving time began in Chicago: 18:00 is now 5 hours behind UTC
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.sessions[5]?.scheduledStart
 * //=> "2026-03-12T18:00:00-05:00"
 */
export type Instant = z.infer<typeof InstantSchema>;

/**
 * Schema of a calendar date, `YYYY-MM-DD`, read in the group's time zone.
 *
 * @example
 * // 2026 is not a leap year
 * CalendarDateSchema.safeParse("2026-02-29").success
 * //=> false
 */
export const CalendarDateSchema = /* @__PURE__ */ z.iso.date().meta({
  id: "CalendarDate",
  description: "A calendar date, YYYY-MM-DD, read in the group's own time zone.",
});
/**
 * A calendar date `YYYY-MM-DD`.
 *
 * @example
 * // The group's first and last days, in its own time zone
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && [parsed.value.group.startDate, parsed.value.group.endDate]
 * //=> ["2026-02-05", "2026-04-23"]
 */
export type CalendarDate = z.infer<typeof CalendarDateSchema>;

/**
 * Schema of an IANA time zone name.
 *
 * @example
 * // An offset is not a time zone: it cannot follow the group's calendar across a daylight saving change
 * [TimeZoneSchema.safeParse("America/Chicago").success, TimeZoneSchema.safeParse("-06:00").success]
 * //=> [true, false]
 */
export const TimeZoneSchema = /* @__PURE__ */ z
  .string()
  .refine(isKnownZoneName, {
    error: "Expected an IANA time zone name such as America/Chicago or Europe/London.",
    params: { code: "unknown-time-zone" },
  })
  .meta({
    id: "TimeZone",
    description: "An IANA time zone name, e.g. America/Chicago. Calendar questions are answered in this zone.",
    // Carried into the JSON Schema so validators in other languages reject offsets such as +05:00; only the runtime's
    // IANA database can say whether a well-formed name exists.
    pattern: IANA_NAME_PATTERN,
  });

function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * Schema of a BCP 47 language tag such as `es` or `pt-BR`.
 *
 * @example
 * // A BCP 47 tag, not the language's name
 * [LanguageTagSchema.safeParse("pt-BR").success, LanguageTagSchema.safeParse("Portuguese").success]
 * //=> [true, false]
 */
export const LanguageTagSchema = /* @__PURE__ */ z
  .string()
  .refine(isLanguageTag, {
    error: "Expected a BCP 47 language tag such as en, es or pt-BR.",
    params: { code: "invalid-language-tag" },
  })
  .meta({
    id: "LanguageTag",
    description: "A BCP 47 language tag, e.g. en, es, pt-BR.",
    // The JSON Schema gets the tag's outline (letters and digits in hyphen-separated subtags); Intl checks the rest.
    pattern: "^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$",
  });

/** Schema of a text that is not empty or only whitespace. */
export const TextSchema = /* @__PURE__ */ z
  .string()
  .regex(/\S/, { error: "Expected some text; this is empty or only whitespace." });

/**
 * A zod enum over a vocabulary's string codes, carrying the vocabulary's id, name and source.
 *
 * Not exported from the package: each vocabulary has its own named schema.
 */
export function vocabularySchema<const C extends readonly [string, ...string[]]>(vocabulary: {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly codes: C;
}) {
  return z
    .enum(vocabulary.codes)
    .meta({ id: vocabulary.id, description: `${vocabulary.name}. Source: ${vocabulary.source}.` });
}
