import { describeValue, GroupworkError } from "../_lib/errors.js";

/**
 * How serious a {@link GroupRecordIssue} is: an `error` fails the parse; a `warning` is odd but legal and does not.
 *
 * @example
 * // A warning is worth a look but does not fail the parse
 * const agreement = { ...sampleGroupRecord.agreements[0], limitsExplained: false };
 * const result = parseGroupRecord({ ...sampleGroupRecord, agreements: [agreement] });
 * [result.ok, result.issues.map((issue) => [issue.severity, issue.code])]
 * //=> [true, [["warning", "limits-not-explained"]]]
 */
export type IssueSeverity = "error" | "warning";

/**
 * A path into the input, such as `["attendance", 3, "memberId"]`.
 *
 * @example
 * formatIssuePath(["members", 2, "birthDate"])
 * //=> "members[2].birthDate"
 */
export type IssuePath = readonly (string | number)[];

/**
 * Stable codes of {@link GroupRecordIssue}. Programs switch on these; the messages may be reworded.
 *
 * Shape errors: `missing-field`, `wrong-type`, `invalid-value` (not in the vocabulary), `invalid-format` (dates,
 * instants), `out-of-range`, `empty-text`, `unknown-field`, `unknown-time-zone`, `invalid-language-tag`,
 * `invalid-shape`.
 *
 * Reference and consistency errors: `duplicate-id`, `duplicate-sequence`, `duplicate-agreement-version`,
 * `duplicate-attendance`, `wrong-group`, `unknown-member`, `unknown-session`, `session-not-held`,
 * `member-not-enrolled`, `overlapping-memberships`, `period-ends-before-start`, `group-ends-before-start`,
 * `turn-ends-before-start`, `departure-before-arrival`, `times-for-absent-member`, `consent-ends-before-start`,
 * `stage-event-out-of-order`, `session-held-twice`.
 *
 * Warnings: `no-facilitator`, `member-without-membership`, `member-without-attendance`, `missing-exit-reason`,
 * `session-still-scheduled`, `sessions-exceed-plan`, `session-outside-group-dates`, `capacity-exceeded`,
 * `limits-not-explained`, `signer-not-enrolled`, `speaker-marked-absent`, `turn-beyond-session`,
 * `revoked-before-valid`, `responds-to-self`, `time-outside-session`, `exit-reason-without-end`,
 * `membership-outside-group-dates`, `signed-before-adoption`, `consent-not-written`, `authorization-without-expiry`,
 * `unknown-stage-model`, `sequence-out-of-order`, `duplicate-signature`, `act-beyond-session`,
 * `unknown-field` (when `unknownFields: "warn"`).
 *
 * @example
 * // Attendance on a day the member no longer belonged to the group
 * const late = { sessionId: "s-10", memberId: "m-jamal", status: "absent" };
 * const result = parseGroupRecord({ ...sampleGroupRecord, attendance: [...sampleGroupRecord.attendance, late] });
 * result.issues.map((issue) => issue.code)
 * //=> ["member-not-enrolled"]
 */
export type GroupRecordIssueCode =
  // shape
  | "missing-field"
  | "wrong-type"
  | "invalid-value"
  | "invalid-format"
  | "out-of-range"
  | "empty-text"
  | "unknown-field"
  | "unknown-time-zone"
  | "invalid-language-tag"
  | "invalid-shape"
  // references and consistency
  | "duplicate-id"
  | "duplicate-sequence"
  | "duplicate-agreement-version"
  | "duplicate-attendance"
  | "wrong-group"
  | "unknown-member"
  | "unknown-session"
  | "session-not-held"
  | "member-not-enrolled"
  | "overlapping-memberships"
  | "period-ends-before-start"
  | "group-ends-before-start"
  | "turn-ends-before-start"
  | "departure-before-arrival"
  | "times-for-absent-member"
  | "consent-ends-before-start"
  | "stage-event-out-of-order"
  | "session-held-twice"
  // warnings
  | "no-facilitator"
  | "member-without-membership"
  | "member-without-attendance"
  | "missing-exit-reason"
  | "session-still-scheduled"
  | "sessions-exceed-plan"
  | "session-outside-group-dates"
  | "capacity-exceeded"
  | "limits-not-explained"
  | "signer-not-enrolled"
  | "speaker-marked-absent"
  | "turn-beyond-session"
  | "revoked-before-valid"
  | "responds-to-self"
  | "time-outside-session"
  | "exit-reason-without-end"
  | "membership-outside-group-dates"
  | "signed-before-adoption"
  | "consent-not-written"
  | "unknown-stage-model"
  | "authorization-without-expiry"
  | "sequence-out-of-order"
  | "duplicate-signature"
  | "act-beyond-session";

/**
 * One problem found in a group record: plain, readonly data that can be logged, sent or shown as it is.
 *
 * Messages name entries by their place and id and quote only codes, numbers, dates of sessions and time zone names;
 * they never repeat names, notes or dates of birth from the record. Ids are the host's own: if a host uses ids that
 * identify a person (a medical record number, say), its logs must treat these messages as it treats those ids.
 *
 * @example
 * const turn = { sessionId: "s-01", memberId: "m-hope", start: 500, end: 410 };
 * const result = parseGroupRecord({ ...sampleGroupRecord, turns: [turn] });
 * result.issues.map(({ code, severity, path, message }) => [code, severity, path, message])
 * //=> [["turn-ends-before-start", "error", ["turns", 0, "end"], "turns[0] ends at 410 s, before it starts at 500 s."]]
 */
export interface GroupRecordIssue {
  /** Stable code a program can switch on. */
  readonly code: GroupRecordIssueCode;
  /** `error` fails the parse; `warning` does not. */
  readonly severity: IssueSeverity;
  /** Where in the input the problem is. */
  readonly path: IssuePath;
  /** A sentence a person can act on. */
  readonly message: string;
}

/**
 * Writes a path the way a person reads it: `attendance[3].memberId`.
 *
 * @param path - the path of an issue
 * @returns the path as text; `(record)` for the empty path. Keys that are not plain names are quoted: `members[0][""]`
 * @throws {@link GroupworkError} `invalid-argument` when `path` is not a list of keys (text) and indexes (numbers)
 * @example
 * formatIssuePath(["attendance", 3, "memberId"])
 * //=> "attendance[3].memberId"
 */
export function formatIssuePath(path: IssuePath): string {
  return pathText(path, "formatIssuePath", "path");
}

/** The text of a path, or a GroupworkError from `caller` naming the argument (`name`) and the segment at fault. */
function pathText(path: unknown, caller: string, name: string): string {
  if (!Array.isArray(path)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${name} must be a list of keys and indexes; got ${describeValue(path)}.`,
    );
  }
  let text = "";
  for (let index = 0; index < path.length; index++) {
    const segment: unknown = path[index];
    if (typeof segment === "number") text += `[${segment}]`;
    else if (typeof segment !== "string") {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${name}[${index}] must be a key (text) or an index (a number); got ${describeValue(segment)}.`,
      );
    }
    // A key that is not a plain name ("", "first.name") is written as a quoted index, so paths stay unambiguous.
    else if (!PLAIN_KEY.test(segment)) text += `[${JSON.stringify(segment)}]`;
    else text += text === "" ? segment : `.${segment}`;
  }
  return text === "" ? "(record)" : text;
}

const PLAIN_KEY = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes issues as lines of text, one per issue: severity, code, path and message.
 *
 * @param issues - issues from `parseGroupRecord`
 * @returns the issues as text, errors first, in input order within each severity
 * @throws {@link GroupworkError} `invalid-argument` when `issues` is not a list, or an entry is not an issue: an object
 *   with `severity` `"error"` or `"warning"`, a `code` and a `message` (text) and a `path` (a list of keys and indexes)
 * @example
 * formatGroupRecordIssues([
 *   { code: "unknown-member", severity: "error", path: ["attendance", 0, "memberId"], message: "No member has id \"m9\"." },
 * ])
 * //=> "error unknown-member at attendance[0].memberId: No member has id \"m9\"."
 */
export function formatGroupRecordIssues(issues: readonly GroupRecordIssue[]): string {
  const caller = "formatGroupRecordIssues";
  if (!Array.isArray(issues)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: issues must be the list a parse returned; got ${describeValue(issues)}.`,
    );
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  for (let index = 0; index < issues.length; index++) {
    const issue: unknown = issues[index];
    const name = `issues[${index}]`;
    if (typeof issue !== "object" || issue === null) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${name} must be an issue object; got ${describeValue(issue)}.`,
      );
    }
    const { severity, code, path, message } = issue as Record<string, unknown>;
    // An issue of another severity would be left out of the text without a word, so it is refused instead.
    if (severity !== "error" && severity !== "warning") {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: ${name}.severity must be "error" or "warning"; got ${describeValue(severity)}.`,
      );
    }
    for (const [field, value] of [
      ["code", code],
      ["message", message],
    ] as const) {
      if (typeof value !== "string") {
        throw new GroupworkError(
          "invalid-argument",
          `${caller}: ${name}.${field} must be text; got ${describeValue(value)}.`,
        );
      }
    }
    const line = `${severity} ${code as string} at ${pathText(path, caller, `${name}.path`)}: ${message as string}`;
    (severity === "error" ? errors : warnings).push(line);
  }
  return errors.concat(warnings).join("\n");
}
