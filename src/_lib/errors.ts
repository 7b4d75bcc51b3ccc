/**
 * Stable codes of {@link GroupworkError}.
 *
 * - `invalid-argument`: a function was called with a value its types forbid.
 * - `missing-time-zone`: a calendar question about an instant was asked without a time zone.
 *
 * @example
 * // An instant needs the group's time zone to say which calendar day it falls on
 * let code;
 * try {
 *   isActiveMember({ period: { start: "2026-02-05", end: "2026-04-23" } }, "2026-03-24T01:30:00Z");
 * } catch (error) {
 *   code = error.code;
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
    return typeof value === "object" && value !== null && GROUPWORK_ERROR in value;
  }
}

/**
 * An argument as an error message shows it: text quoted as JSON and cut to 64 characters, anything else as it prints.
 *
 * Not exported from the package.
 */
export function quoteArgument(value: unknown): string {
  return typeof value === "string" ? JSON.stringify(value.slice(0, 64)) : String(value);
}
