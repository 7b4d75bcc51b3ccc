/**
 * Stable codes of {@link GroupworkError}.
 *
 * - `invalid-argument`: a function was called with a value its types forbid.
 * - `missing-time-zone`: a calendar question about an instant was asked without a time zone.
 *
 * @example
 * // An instant needs the group's time zone to say which calendar day it falls on
 * let code: GroupworkErrorCode | undefined;
 * try {
 *   isActiveMember({ period: { start: "2026-02-05", end: "2026-04-23" } }, "2026-03-24T01:30:00Z");
 * } catch (error) {
 *   if (error instanceof GroupworkError) code = error.code;
 * }
 * code
 * //=> "missing-time-zone"
 */
export type GroupworkErrorCode = "invalid-argument" | "missing-time-zone";

// A registered symbol is the same in every copy of the library, so `instanceof` works even when a program loads both
// the ESM and the CommonJS build (or two versions) and an error crosses between them.
const GROUPWORK_ERROR = Symbol.for("groupwork.error");

/**
 * The one error class `groupwork` throws when a function is called with arguments its types forbid.
 *
 * Untrusted data is never thrown about: parsers such as `parseGroupRecord` return their problems as issues instead.
 * `instanceof GroupworkError` holds across copies of the library (its ESM and CommonJS builds, or two versions).
 *
 * @example
 * let code;
 * try {
 *   isActiveMember({ period: { start: "2026-02-05" } }, "next Thursday");
 * } catch (error) {
 *   if (error instanceof GroupworkError) code = error.code;
 * }
 * code
 * //=> "invalid-argument"
 */
export class GroupworkError extends Error {
  /** Stable, machine-readable reason. */
  readonly code: GroupworkErrorCode;

  /**
   * @param code - stable reason a program can switch on
   * @param message - a sentence a person can act on
   */
  constructor(code: GroupworkErrorCode, message: string) {
    super(message);
    this.name = "GroupworkError";
    this.code = code;
    Object.defineProperty(this, GROUPWORK_ERROR, { value: true });
  }

  /**
   * Whether a value is a `GroupworkError` from any copy of the library.
   *
   * @param value - the value on the left of `instanceof`
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    if (typeof value !== "object" || value === null) return false;
    // Asking a revoked Proxy for a key throws: it is not an error of ours, and saying so must not throw.
    try {
      return GROUPWORK_ERROR in value;
    } catch {
      return false;
    }
  }
}

const PREVIEW = 64;

function clip(text: string): string {
  return text.length > PREVIEW ? `${text.slice(0, PREVIEW - 1)}…` : text;
}

function keysPreview(value: object): string {
  // A proxy may throw when asked for its keys: the preview then says only that it is an object.
  try {
    const keys = Object.keys(value);
    const shown = keys.slice(0, 3).map((key) => clip(JSON.stringify(key)));
    return keys.length === 0 ? "no keys" : `keys ${shown.join(", ")}${keys.length > 3 ? ", …" : ""}`;
  } catch {
    return "keys that cannot be read";
  }
}

// Asking a Proxy whether it is an array, for its length or for its prototype runs its traps, and a revoked Proxy throws
// at each (ECMA-262 IsArray, [[GetPrototypeOf]]): the description then says the object cannot be read. A Proxy's
// length is whatever its trap returns, so only a count of items is printed as one.
function describeObject(value: object): string {
  try {
    if (Array.isArray(value)) {
      const length: unknown = value.length;
      if (typeof length !== "number" || !Number.isSafeInteger(length) || length < 0) return "an array";
      return `an array of ${length} item${length === 1 ? "" : "s"}`;
    }
    return Object.getPrototypeOf(value) === null
      ? `an object with no prototype (${keysPreview(value)})`
      : `an object (${keysPreview(value)})`;
  } catch {
    return "an object that cannot be read";
  }
}

/**
 * A value as an error message shows it: its type and a bounded preview, and never an exception.
 *
 * Text is quoted as JSON and cut to 64 characters; numbers, booleans, `null` and `undefined` print as they are; a
 * BigInt or a Symbol says so; an array gives its length and an object its first keys, without reading its contents,
 * so a null-prototype object, a circular value or a 5,000-deep array is described as cheaply as any other. An object
 * that throws when looked at (a revoked Proxy) is described as one that cannot be read. Not exported from the package.
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case "string":
      return JSON.stringify(clip(value));
    case "number":
    case "boolean":
    case "undefined":
      return String(value);
    case "bigint":
      return `the BigInt ${clip(value.toString())}n`;
    case "symbol":
      return `a Symbol (${clip(value.description ?? "")})`;
    case "function":
      return "a function";
    case "object":
      return value === null ? "null" : describeObject(value);
    default:
      return typeof value;
  }
}

/**
 * What was thrown, as an error message shows it: an `Error`'s message quoted as {@link describeValue} quotes text, or
 * the thrown value described. Never throws, whatever was thrown: when asking whether it is an `Error`, or for its
 * message, throws (a revoked Proxy), or the message is not text, the thrown value itself is described. Not exported
 * from the package.
 */
export function describeThrown(thrown: unknown): string {
  let message: unknown;
  try {
    message = thrown instanceof Error ? thrown.message : undefined;
  } catch {
    message = undefined;
  }
  return describeValue(typeof message === "string" ? message : thrown);
}

/**
 * Runs `read`; anything it throws other than a GroupworkError (a revoked Proxy, a getter that throws) becomes an
 * `invalid-argument` GroupworkError saying that `where` could not be read, so the caller sees what was at fault rather
 * than a TypeError from inside the library. Not exported from the package.
 *
 * @param where - the argument or field as messages name it, such as `isActiveMember: membership`
 * @param read - reads it
 */
export function readArgument<T>(where: string, read: () => T): T {
  try {
    return read();
  } catch (thrown) {
    throw thrown instanceof GroupworkError ? thrown : unreadableArgument(where, thrown);
  }
}

/** The GroupworkError saying that `where` could not be read because reading it threw `thrown`. Not exported. */
export function unreadableArgument(where: string, thrown: unknown): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `${where} could not be read (reading it threw ${describeThrown(thrown)}); pass it as plain data.`,
  );
}
