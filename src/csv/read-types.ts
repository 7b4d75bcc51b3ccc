// The shapes every spreadsheet import shares: its problems, its result, its date formats. Re-exported by roster.ts.

/**
 * Stable codes of a {@link CsvIssue}. Programs switch on these; the messages may be reworded.
 *
 * The file: `empty-file`, `too-many-rows`, `malformed-quotes`, `ragged-row`. The header: `duplicate-column`,
 * `missing-column`, `unmapped-column` (a warning). The cells: `missing-value`, `invalid-date`, `invalid-time`,
 * `invalid-value`, `invalid-language-tag`, `unknown-status`, `end-before-start`, `end-without-start`. Between rows:
 * `conflicting-rows`, `duplicate-attendance`, `overlapping-memberships` (two rows of one person whose memberships
 * overlap, reported at the later row). Warnings: `no-rows`, `nonexistent-local-time`, `ambiguous-local-time`,
 * `row-for-session-not-held`.
 *
 * @example
 * const result = parseRosterCsv("Client ID,Name\nc-1,Ana Souza\nc-1,Ana Sousa\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name" },
 * });
 * result.issues.map((issue) => issue.code)
 * //=> ["conflicting-rows"]
 */
export type CsvIssueCode =
  | "empty-file"
  | "too-many-rows"
  | "malformed-quotes"
  | "ragged-row"
  | "duplicate-column"
  | "missing-column"
  | "unmapped-column"
  | "missing-value"
  | "invalid-date"
  | "invalid-time"
  | "invalid-value"
  | "invalid-language-tag"
  | "unknown-status"
  | "end-before-start"
  | "end-without-start"
  | "conflicting-rows"
  | "duplicate-attendance"
  | "overlapping-memberships"
  | "no-rows"
  | "nonexistent-local-time"
  | "ambiguous-local-time"
  | "row-for-session-not-held";

/**
 * One problem found in a spreadsheet export, located as a person looking at the sheet finds it: the row number (the
 * header is row 1; a quoted cell that holds a line break is still one row) and the column's header name.
 *
 * Messages quote only codes (a status, a role, a language tag, an id), membership and session dates and times, and
 * header cells. They never copy a person's own details from the file (a name, preferred name, pronouns or birth date)
 * or free text such as a session's topic, so they are safe to log: a bad birth date is described, not repeated.
 *
 * @example
 * const result = parseRosterCsv("Client ID,Name\nc-1,\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name" },
 * });
 * result.issues.map(({ code, severity, row, column }) => [code, severity, row, column])
 * //=> [["missing-value", "error", 2, "Name"]]
 */
export interface CsvIssue {
  /** Stable code a program can switch on. */
  readonly code: CsvIssueCode;
  /** `error` fails the import; `warning` does not. */
  readonly severity: "error" | "warning";
  /** The row as a spreadsheet numbers it: the header is row 1, the first data row is row 2. */
  readonly row: number;
  /** The column's header name, or `null` when the problem is the whole row or file. */
  readonly column: string | null;
  /** A sentence a person can act on. */
  readonly message: string;
}

/**
 * What a spreadsheet import returns: the records with any warnings, or every problem and no records.
 *
 * A file with one error gives no records at all, never a part of them presented as the whole.
 *
 * @typeParam T - the records read
 * @example
 * const result = parseRosterCsv("Client ID,Name\nc-1,Ana Souza\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name" },
 * });
 * result.ok && result.value.memberships
 * //=> [{ groupId: "grp-1", memberId: "c-1", role: "member", inactive: false }]
 */
export type CsvImportResult<T> =
  | { readonly ok: true; readonly value: T; readonly issues: readonly CsvIssue[] }
  | { readonly ok: false; readonly issues: readonly CsvIssue[] };

/**
 * How a spreadsheet writes its dates: `YYYY-MM-DD` (ISO 8601), `MM/DD/YYYY` (United States) or `DD/MM/YYYY` (most of
 * the rest of the world). In the two with slashes, a one-digit month or day is read too (`3/8/2026`).
 *
 * @example
 * const result = parseRosterCsv("Client ID,Name,Joined\nc-1,Ana Souza,8/3/2026\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name", start: "Joined" },
 *   dateFormat: "DD/MM/YYYY",
 * });
 * result.ok && result.value.memberships[0]?.period
 * //=> { start: "2026-03-08" }
 */
export type CsvDateFormat = "YYYY-MM-DD" | "MM/DD/YYYY" | "DD/MM/YYYY";

/** Every {@link CsvDateFormat}, in the order messages name them. Not exported from the package. */
export const CSV_DATE_FORMATS: readonly CsvDateFormat[] = ["YYYY-MM-DD", "MM/DD/YYYY", "DD/MM/YYYY"];

/** The characters a spreadsheet may write between cells. Not exported from the package. */
export const CSV_DELIMITERS: readonly string[] = [",", ";", "\t", "|"];

/** An error issue. Not exported from the package. */
export function csvError(code: CsvIssueCode, row: number, column: string | null, message: string): CsvIssue {
  return { code, severity: "error", row, column, message };
}

/** A warning issue. Not exported from the package. */
export function csvWarning(code: CsvIssueCode, row: number, column: string | null, message: string): CsvIssue {
  return { code, severity: "warning", row, column, message };
}

/** Where a cell is, as messages name it: `Row 4, column "Status"`. Not exported from the package. */
export function cellName(row: number, column: string): string {
  return `Row ${row}, column ${JSON.stringify(column)}`;
}

/**
 * The result of an import: no value when any issue is an error. Issues are put in row order (those of one row in the
 * order found), as a person works down the sheet. Not exported from the package.
 */
export function importResult<T>(value: T, found: readonly CsvIssue[]): CsvImportResult<T> {
  const issues = [...found].sort((first, second) => first.row - second.row);
  return issues.some((issue) => issue.severity === "error") ? { ok: false, issues } : { ok: true, value, issues };
}
