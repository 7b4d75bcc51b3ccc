// Instants read once. A request's `at` and the dates of its consents recur from check to check (the same consents on
// file are checked for many disclosures), so what each string says is remembered, up to a bound, instead of running
// the instant pattern and Date.parse on every check. Not exported from the package.
import { isInstant } from "../_lib/dates.js";

interface ReadInstant {
  /** Whether the text is an ISO 8601 instant with seconds and an offset, on a real calendar date. */
  readonly instant: boolean;
  /** `Date.parse` of the text: milliseconds since the epoch, or NaN when it cannot be read. */
  readonly millis: number;
}

// Enough for the dates of a busy agency's consents; cleared whole when full, which only costs re-reading.
const LIMIT = 4096;
const known = /* @__PURE__ */ new Map<string, ReadInstant>();

function read(text: string): ReadInstant {
  const hit = known.get(text);
  if (hit !== undefined) return hit;
  const entry: ReadInstant = { instant: isInstant(text), millis: Date.parse(text) };
  if (known.size >= LIMIT) known.clear();
  known.set(text, entry);
  return entry;
}

/** Whether a string is an ISO 8601 instant with an offset (as `isInstant`), remembered. */
export function isInstantText(text: string): boolean {
  return read(text).instant;
}

/** `Date.parse(text)`, remembered: milliseconds since the epoch, or NaN. */
export function instantMillis(text: string): number {
  return read(text).millis;
}
