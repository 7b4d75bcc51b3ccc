import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { optionsObject } from "./calendar-day.js";
import { checkAgreements, checkConsents } from "./check-agreements.js";
import { checkAttendance } from "./check-attendance.js";
import { buildContext, type CheckableRecord, finishGrouped } from "./check-context.js";
import { checkInteractionActs, checkTurns } from "./check-events.js";
import { checkStageEvents } from "./check-stage-events.js";
import { checkGroup, checkMemberships, checkSessions } from "./check-structure.js";
import type { GroupRecordIssue } from "./issues.js";
import { checkShape, type UnknownFields } from "./parse-sections.js";
import type { GroupRecord } from "./record.js";

/**
 * Options of {@link parseGroupRecord}.
 *
 * @example
 * // A field the library does not know is a warning, and is left out, instead of an error
 * const result = parseGroupRecord({ ...sampleGroupRecord, legacyCaseNumber: "A-1193" }, { unknownFields: "warn" });
 * [result.ok, result.issues.map((issue) => `${issue.severity} ${issue.code}`)]
 * //=> [true, ["warning unknown-field"]]
 */
export interface ParseGroupRecordOptions {
  /**
   * What to do with fields the library does not know.
   *
   * - `"error"` (default): each is an `unknown-field` error, so nothing a host sends is dropped unnoticed.
   * - `"warn"`: each is an `unknown-field` warning and the field is left out of the parsed value (the caller's input is
   *   never changed).
   */
  readonly unknownFields?: "error" | "warn";
}

/**
 * Result of {@link parseGroupRecord}: the parsed record with any warnings, or every problem found.
 *
 * @example
 * // Check ok before reading the value: a failed parse has issues only
 * const result = parseGroupRecord(sampleGroupRecord);
 * result.ok ? result.value.members.length : result.issues.length
 * //=> 10
 */
export type ParseGroupRecordResult =
  | {
      readonly ok: true;
      /** The record, with defaults filled in and ids branded. */
      readonly value: GroupRecord;
      /** Warnings only: odd but legal things a person may want to look at. */
      readonly issues: readonly GroupRecordIssue[];
    }
  | {
      readonly ok: false;
      /** Every error and warning found, shape and references together. */
      readonly issues: readonly GroupRecordIssue[];
    };

/**
 * Checks a group record from a host system: its shape, and every reference inside it.
 *
 * Shape problems (a missing field, a status outside the vocabulary, a date that is not a date) and reference problems
 * (attendance for an unknown member, for a session that did not take place or for a day the member was not enrolled;
 * overlapping memberships; duplicate ids or session numbers; a turn that ends before it starts) are all reported
 * together, each with a stable `code`, a `path` and a sentence. When part of the record has the wrong shape, the rest
 * is still checked. Warnings (no facilitator, a member with no attendance, …) never fail the parse.
 *
 * Membership periods are calendar days in the group's time zone, both ends inclusive; a session counts on the day it
 * is scheduled to start in that zone. The `inactive` flag describes the membership now, so it does not change whether
 * past attendance was allowed.
 *
 * @param input - the record as received (parsed JSON); never trusted
 * @param options - how to treat unknown fields
 * @returns `{ ok: true, value, issues }` with warnings, or `{ ok: false, issues }` with everything found
 * @throws {@link GroupworkError} `invalid-argument` only for options outside their types (a key other than
 *   `unknownFields` among them) or options that cannot be read; never for bad data
 * @example
 * const result = parseGroupRecord(sampleGroupRecord);
 * result.ok
 * //=> true
 * @example
 * const broken = parseGroupRecord({ ...sampleGroupRecord, attendance: [{ sessionId: "nope", memberId: "m-hope", status: "present" }] });
 * broken.ok ? [] : broken.issues.filter((issue) => issue.severity === "error").map((issue) => issue.code)
 * //=> ["unknown-session"]
 */
export function parseGroupRecord(input: unknown, options: ParseGroupRecordOptions = {}): ParseGroupRecordResult {
  const unknownFields = readUnknownFields(options);
  // Data, however wrong, comes back as issues; a value that cannot even be read (a revoked Proxy, a getter that
  // throws) is not data, and is refused as an argument, never as a raw TypeError from inside.
  const { shape, issues } = readArgument("parseGroupRecord: input", () => {
    const checked = checkShape(input, unknownFields);
    // concat, not push(...), so a record with a hundred thousand problems does not overflow the stack.
    return { shape: checked, issues: checked.issues.concat(checkReferences(checked.checkable)) };
  });
  const failed = issues.some((issue) => issue.severity === "error");
  if (shape.value !== undefined && !failed) return { ok: true, value: shape.value, issues };
  return { ok: false, issues };
}

function readUnknownFields(options: ParseGroupRecordOptions): UnknownFields {
  const { unknownFields } = optionsObject(options, "parseGroupRecord", '{ unknownFields: "warn" }', ["unknownFields"]);
  const mode = unknownFields === undefined ? "error" : unknownFields;
  if (mode !== "error" && mode !== "warn") {
    throw new GroupworkError(
      "invalid-argument",
      `parseGroupRecord: options.unknownFields must be "error" or "warn"; got ${describeValue(mode)}.`,
    );
  }
  return mode;
}

function checkReferences(record: CheckableRecord): GroupRecordIssue[] {
  const context = buildContext(record);
  checkGroup(context);
  checkMemberships(context);
  checkSessions(context);
  const absent = checkAttendance(context);
  checkTurns(context, absent);
  checkInteractionActs(context, absent);
  checkAgreements(context);
  checkConsents(context);
  checkStageEvents(context);
  finishGrouped(context);
  return context.issues;
}
