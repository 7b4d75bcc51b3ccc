// Instants as the disclosure check reads them: the request's `at` and the dates of its consents. Read afresh on every
// check: remembering them bought too little to be worth a cache (see the changelog). Not exported from the package.
import { isInstant } from "../_lib/dates.js";

// No instant is longer: "2026-03-02T17:00:00.123456789-05:00" is 35 characters, and 64 leaves room for a fraction
// finer than any clock. Longer text is refused before any pattern runs, so a megabyte `at` costs nothing to refuse.
const LONGEST_INSTANT = 64;

/**
 * Whether a value is an ISO 8601 instant with seconds and an offset (as `isInstant`) of at most 64 characters;
 * `false` for anything else, a non-string included.
 */
export function isInstantText(text: string): boolean {
  return typeof text === "string" && text.length <= LONGEST_INSTANT && isInstant(text);
}

/**
 * `Date.parse(text)` for an instant of at most 64 characters: milliseconds since the epoch, or NaN when it cannot be
 * read (a non-string or longer text included).
 */
export function instantMillis(text: string): number {
  return typeof text === "string" && text.length <= LONGEST_INSTANT ? Date.parse(text) : Number.NaN;
}
