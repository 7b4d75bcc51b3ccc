// Reading the options of the arbitraries: each is checked when the arbitrary is built, so a misspelt key or a bad
// range fails at once with a GroupworkError that names the function and the option, never in the middle of a run.
// Private to the testing kit.
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { hasVisibleCharacter } from "../_lib/text.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";

/** The most entries an id list or zone list option may hold; far past any test's need. */
const LONGEST_LIST = 10_000;

/** The options object of `caller`, copied key by key after its keys were checked; `{}` when absent. */
export function readOptions<const K extends string>(
  options: unknown,
  caller: string,
  known: readonly K[],
): { readonly [P in K]?: unknown } {
  if (options === undefined) return {};
  return readArgument(`${caller}: options`, () => {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: options must be an object; got ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, known, `${caller}: options`);
    const copy: { [P in K]?: unknown } = {};
    for (const key of known) copy[key] = (options as Record<K, unknown>)[key];
    return copy;
  });
}

function list(value: unknown, where: string, what: string): readonly unknown[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > LONGEST_LIST) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be a list of 1 to ${LONGEST_LIST} ${what}; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/** An id list option: absent, or a non-empty list of ids, each with a character a person can see (as the model asks). */
export function readIds(value: unknown, where: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  const ids = list(value, where, "ids");
  ids.forEach((id, index) => {
    if (typeof id !== "string" || !hasVisibleCharacter(id)) {
      throw new GroupworkError(
        "invalid-argument",
        `${where}[${index}] must be an id with a character a person can see; got ${describeValue(id)}.`,
      );
    }
  });
  return [...new Set(ids as readonly string[])];
}

/** A time zone list option: absent (then `fallback`), or a non-empty list of IANA time zone names. */
export function readTimeZones(value: unknown, where: string, fallback: readonly string[]): readonly string[] {
  if (value === undefined) return fallback;
  const zones = list(value, where, "IANA time zone names");
  zones.forEach((zone, index) => {
    if (typeof zone !== "string" || !isIanaTimeZone(zone)) {
      throw new GroupworkError(
        "invalid-argument",
        `${where}[${index}] must be an IANA time zone name such as America/Chicago; got ${describeValue(zone)}.`,
      );
    }
  });
  return [...new Set(zones as readonly string[])];
}

/** A whole-number option from `min` to `max`; `fallback` when absent. */
export function readCount(value: unknown, where: string, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be a whole number from ${min} to ${max}; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/**
 * A `{ min, max }` option of whole numbers from 0 to `cap`, either end optional. An absent end takes its default,
 * moved as far as the end given needs (`{ max: 0 }` with a default minimum of 1 means from 0 to 0).
 */
export function readRange(
  value: unknown,
  where: string,
  fallback: { readonly min: number; readonly max: number },
  cap: number,
): { readonly min: number; readonly max: number } {
  if (value === undefined) return fallback;
  const given = readArgument(where, () => {
    if (typeof value !== "object" || value === null || Array.isArray(value)) {
      throw new GroupworkError(
        "invalid-argument",
        `${where} must be an object such as { min: 1, max: 8 }; got ${describeValue(value)}.`,
      );
    }
    refuseUnknownKeys(value, ["min", "max"], where);
    const { min, max } = value as { readonly min?: unknown; readonly max?: unknown };
    return { min, max };
  });
  const max = given.max === undefined ? undefined : readCount(given.max, `${where}.max`, 0, 0, cap);
  const min = readCount(given.min, `${where}.min`, Math.min(fallback.min, max ?? cap), 0, cap);
  const high = max ?? Math.max(fallback.max, min);
  if (min > high) {
    throw new GroupworkError("invalid-argument", `${where}.min (${min}) must not be more than ${where}.max (${high}).`);
  }
  return { min, max: high };
}

/** A true-or-false option; `fallback` when absent. */
export function readFlag(value: unknown, where: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") {
    throw new GroupworkError("invalid-argument", `${where} must be true or false; got ${describeValue(value)}.`);
  }
  return value;
}
