import { z } from "zod";
import { isInstant } from "../_lib/dates.js";
import { VISIBLE_CHARACTER } from "../_lib/text.js";
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

/**
 * Schema of a text with a character a person can see: not empty, and not only white space or invisible characters
 * (a lone zero-width space is no text). The same rule as ids; see {@link NameSchema} for the stricter rule of names.
 */
export const TextSchema = /* @__PURE__ */ z.string().regex(VISIBLE_CHARACTER, {
  error: "Expected some text; this is empty, or only white space or invisible characters.",
});

// Names people read: a member's display name, preferred name and pronouns, and the group's name. Besides a character a
// person can see, each needs a letter or digit (a roster entry of "🌈" or "***" names nobody, and the confidentiality
// checks cannot look for it in a note), one line without control characters (a line break, a tab, or a terminal code
// such as ESC ] 0 ; … BEL that rewrites a terminal's title) and no bidirectional embedding, override or isolate
// (U+202A–U+202E, U+2066–U+2069: a right-to-left override makes a name display in another order than it is stored).
// Direction marks (U+200E, U+200F, U+061C) and joiners (U+200C, U+200D) stay allowed: names and emoji sequences use them.

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

// A letter or digit a name can be recognised by: Unicode \p{L} or \p{N}, except the few letters that show as nothing or
// read as no letter at all: the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0), the modifier letters written for an
// apostrophe (ʹ ʻ ʼ ʽ U+02B9 U+02BB–U+02BD, the Greek numeral sign U+0374, the saltillo U+A78B U+A78C), and the letters
// that are only a vowel sign or a voicing mark in compatibility form (U+037A, U+FC5E–U+FC63, the isolated Arabic
// vowel signs U+FE70–U+FE7E, the half-width kana voicing marks U+FF9E U+FF9F). These are exactly the letters and digits
// the confidentiality room's name matching folds to no word, so a name that passes here is one it can look for.
const NAME_LETTER_OR_DIGIT =
  /(?![\u02b9\u02bb-\u02bd\u0374\u037a\u115f\u1160\u3164\ua78b\ua78c\ufc5e-\ufc63\ufe70\ufe72\ufe74\ufe76\ufe78\ufe7a\ufe7c\ufe7e\uff9e-\uffa0])[\p{L}\p{N}]/u;

/**
 * The rule of {@link NameSchema} as a JSON Schema pattern that reads the same with or without the `u` flag (validators
 * in other languages may read patterns without it, where \p{L} means nothing): a letter or digit somewhere, and no
 * control character or bidirectional control. The letters and digits up to U+FFFF are written out as ranges, from
 * NAME_LETTER_OR_DIGIT and the runtime's Unicode data; any character beyond U+FFFF counts as a letter, since a
 * pattern without the `u` flag sees it as two surrogates and cannot tell a letter from an emoji (so the JSON Schema
 * accepts "🌈" alone, which the parser refuses).
 *
 * Worked out the first time a JSON Schema is asked for (a few milliseconds), not when the module loads, and not
 * shipped as a constant: the ranges run to about 5 kB.
 */
let cachedNamePattern: string | undefined;
function namePattern(): string {
  if (cachedNamePattern !== undefined) return cachedNamePattern;
  let ranges = "";
  let start = -1;
  const hex = (code: number) => `\\u${code.toString(16).padStart(4, "0")}`;
  for (let code = 0; code <= 0x10000; code++) {
    const counts =
      code <= 0xffff && (code < 0xd800 || code > 0xdfff) && NAME_LETTER_OR_DIGIT.test(String.fromCharCode(code));
    if (counts && start < 0) start = code;
    else if (!counts && start >= 0) {
      const end = code - 1;
      ranges += end === start ? hex(start) : end === start + 1 ? hex(start) + hex(end) : `${hex(start)}-${hex(end)}`;
      start = -1;
    }
  }
  cachedNamePattern = `^(?=[\\s\\S]*?(?:[${ranges}]|[^\\u0000-\\uffff]|[\\ud800-\\udbff]))[^\\u0000-\\u001f\\u007f-\\u009f\\u202a-\\u202e\\u2066-\\u2069]*$`;
  return cachedNamePattern;
}

/**
 * What is wrong with a name, the first problem found: no character a person can see (`empty`), a control character,
 * a bidirectional control, or no letter or digit. `at` counts code points from 1. Not exported from the package.
 */
export type NameProblem =
  | { readonly kind: "empty" }
  | {
      readonly kind: "control-character" | "bidi-control";
      /** The first such character. */
      readonly codePoint: number;
      /** Where it is, in code points from 1. */
      readonly at: number;
      /** How many such characters the name holds. */
      readonly count: number;
    }
  | { readonly kind: "no-letter-or-digit" };

/** The first problem of a name, or `undefined` when it is a name people can read. Not exported from the package. */
export function nameProblem(name: string): NameProblem | undefined {
  if (!VISIBLE_CHARACTER.test(name)) return { kind: "empty" };
  const control = firstOf(name, CONTROL_CHARACTERS);
  if (control !== undefined) return { kind: "control-character", ...control };
  const bidi = firstOf(name, BIDI_CONTROLS);
  if (bidi !== undefined) return { kind: "bidi-control", ...bidi };
  if (!NAME_LETTER_OR_DIGIT.test(name)) return { kind: "no-letter-or-digit" };
  return undefined;
}

/** The first match of a global pattern of single BMP characters, where it is in code points, and how many there are. */
function firstOf(text: string, pattern: RegExp): { codePoint: number; at: number; count: number } | undefined {
  let first: { codePoint: number; at: number } | undefined;
  let count = 0;
  for (const match of text.matchAll(pattern)) {
    count++;
    first ??= { codePoint: match[0].charCodeAt(0), at: Array.from(text.slice(0, match.index)).length + 1 };
  }
  return first === undefined ? undefined : { ...first, count };
}

// The controls people meet in names pasted from elsewhere, by the names they know; others by number only.
const CONTROL_NAMES: Readonly<Record<number, string>> = {
  9: "tab",
  10: "line feed",
  13: "carriage return",
  27: "escape",
  8237: "left-to-right override",
  8238: "right-to-left override",
};

/**
 * What a name holds that it must not, without the name: `a control character (U+001B, escape) at character 1`, or
 * `2 bidirectional controls, the first (U+2067) at character 4`. Not exported from the package.
 */
export function foundInName(problem: Extract<NameProblem, { kind: "control-character" | "bidi-control" }>): string {
  const what = problem.kind === "control-character" ? "control character" : "bidirectional control";
  const hex = `U+${problem.codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CONTROL_NAMES[problem.codePoint];
  const label = name === undefined ? hex : `${hex}, ${name}`;
  return problem.count === 1
    ? `a ${what} (${label}) at character ${problem.at}`
    : `${problem.count} ${what}s, the first (${label}) at character ${problem.at}`;
}

/**
 * Why a name with this problem is refused, a sentence shared by the schema's own issue and the record parser's. Not
 * exported from the package.
 */
export const NAME_RULES: Readonly<Record<NameProblem["kind"], string>> = {
  empty: "A name needs a character a person can see.",
  "control-character": "A name is one line of printable text, without line breaks, tabs or terminal codes.",
  "bidi-control":
    "An embedding, override or isolate control makes a name display in another order than it is stored; names in right-to-left scripts display correctly without one.",
  "no-letter-or-digit": "A name needs at least one letter or digit.",
};

/** The message of a name's zod issue: it stands alone (the CSV import quotes it) and never holds the name. */
function nameMessage(problem: NameProblem): string {
  const kind = problem.kind;
  const found =
    kind === "empty"
      ? "is empty, or only white space or invisible characters"
      : kind === "no-letter-or-digit"
        ? "has only symbols, punctuation, emoji or marks"
        : `holds ${foundInName(problem)}`;
  return `This name ${found}. ${NAME_RULES[kind]}`;
}

/**
 * Schema of a name people read: a member's display name, preferred name or pronouns, a group's name. Text with a
 * letter or digit, on one line, without control characters or bidirectional controls; see {@link nameProblem}. Not
 * exported from the package: `MemberSchema` and `GroupSchema` use it.
 */
export const NameSchema = /* @__PURE__ */ z
  .string()
  .superRefine((name, context) => {
    const problem = nameProblem(name);
    if (problem === undefined) return;
    context.addIssue({ code: "custom", message: nameMessage(problem), params: { code: "name", problem } });
  })
  .meta({
    id: "Name",
    description:
      "A name people read: a letter or digit, on one line, without control characters or bidirectional controls (U+202A–U+202E, U+2066–U+2069).",
    // A getter, so the pattern is worked out only when zod writes the JSON Schema.
    get pattern() {
      return namePattern();
    },
  });

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
