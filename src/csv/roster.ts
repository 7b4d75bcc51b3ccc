import { describeValue, GroupworkError } from "../_lib/errors.js";
import {
  type FacilitationRole,
  facilitationRoles,
  type Member,
  MemberSchema,
  type Membership,
  MembershipSchema,
} from "../model/index.js";
import { dateProblem, readDate, readYesNo, type YesNoWords } from "./read-cells.js";
import {
  readCode,
  readColumns,
  readDateFormat,
  readDelimiter,
  readIgnoreColumns,
  readMappingObject,
  readRequiredText,
  readYesNoWords,
} from "./read-mapping.js";
import { checkRow } from "./read-schema.js";
import { readTable } from "./read-table.js";
import {
  type CsvDateFormat,
  type CsvImportResult,
  type CsvIssue,
  cellName,
  csvError,
  importResult,
} from "./read-types.js";

export type { CsvDateFormat, CsvImportResult, CsvIssue, CsvIssueCode } from "./read-types.js";

/**
 * Which column of a roster export holds each field, by its header name. Only `memberId` and `displayName` are required;
 * a field with no column is left out (a membership without a start lasts the group's whole life).
 *
 * @example
 * const columns: RosterCsvColumns = { memberId: "Client ID", displayName: "Name", role: "Role" };
 * parseRosterCsv("Client ID,Name,Role\nc-1,Ana Souza,facilitator\n", { groupId: "grp-1", columns }).ok
 * //=> true
 */
export interface RosterCsvColumns {
  /** The person's id in the host system. Required. */
  readonly memberId: string;
  /** The name shown to staff. Required. */
  readonly displayName: string;
  /** The name the person wants to be called in the group. */
  readonly preferredName?: string | undefined;
  /** The person's pronouns as they give them. */
  readonly pronouns?: string | undefined;
  /** The person's language, a BCP 47 tag such as `es` or `pt-BR`. */
  readonly preferredLanguage?: string | undefined;
  /**
   * Whether the person needs an interpreter: `yes`/`no`, `y`/`n`, `true`/`false` or `1`/`0`, any case, and the words
   * of the mapping's `yesNo`; blank is no.
   */
  readonly interpreterNeeded?: string | undefined;
  /** Date of birth, in the mapping's `dateFormat`. */
  readonly birthDate?: string | undefined;
  /** The person's role in the group (`member`, `facilitator`, …); blank gives the mapping's `defaultRole`. */
  readonly role?: string | undefined;
  /** First day of the membership, in the mapping's `dateFormat`. */
  readonly start?: string | undefined;
  /** Last day of the membership, in the mapping's `dateFormat`; needs a start. */
  readonly end?: string | undefined;
  /** Why the membership ended (`completed`, `dropped-out`, …). */
  readonly exitReason?: string | undefined;
}

/**
 * How {@link parseRosterCsv} reads a roster export: the group the rows belong to, which column holds each field, and
 * how the file writes dates.
 *
 * Every column of the header is either mapped, or listed in `ignoreColumns`, or reported as an `unmapped-column`
 * warning: no column is left out unnoticed.
 *
 * @example
 * const mapping: RosterCsvMapping = {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name" },
 *   ignoreColumns: ["Phone"],
 * };
 * parseRosterCsv("Client ID,Name,Phone\nc-1,Ana Souza,555-0100\n", mapping).issues
 * //=> []
 */
export interface RosterCsvMapping {
  /** The group every membership is for. */
  readonly groupId: string;
  /** Which column holds each field. */
  readonly columns: RosterCsvColumns;
  /** How dates are written; `"YYYY-MM-DD"` when absent. */
  readonly dateFormat?: CsvDateFormat | undefined;
  /** The role of a row with no role column or a blank role; `"member"` when absent. */
  readonly defaultRole?: FacilitationRole | undefined;
  /** Columns of the file the import is to leave out without a warning. */
  readonly ignoreColumns?: readonly string[] | undefined;
  /** The character between cells: `","` (the default), `";"`, `"\t"` or `"|"`. */
  readonly delimiter?: "," | ";" | "\t" | "|" | undefined;
  /**
   * Words of yes/no cells in another language, added to the English ones (`yes`, `y`, `true`, `1` and `no`, `n`,
   * `false`, `0`): `{ yes: ["ja"], no: ["nein"] }`. Compared in any case; a word may not mean both.
   */
  readonly yesNo?:
    | { readonly yes?: readonly string[] | undefined; readonly no?: readonly string[] | undefined }
    | undefined;
}

/**
 * The people and memberships a roster export holds, from {@link parseRosterCsv}.
 *
 * A person on several rows (someone who left and rejoined) is one member with one membership per row.
 *
 * @example
 * const result = parseRosterCsv("Client ID,Name,From,To\nc-1,Ana Souza,2026-01-08,2026-02-05\nc-1,Ana Souza,2026-03-05,\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name", start: "From", end: "To" },
 * });
 * result.ok && [result.value.members.length, result.value.memberships.map((membership) => membership.period)]
 * //=> [1, [{ start: "2026-01-08", end: "2026-02-05" }, { start: "2026-03-05" }]]
 */
export interface ImportedRoster {
  /** Each person once, in the order they first appear. */
  readonly members: Member[];
  /** One membership per row, in row order. */
  readonly memberships: Membership[];
}

/**
 * What {@link parseRosterCsv} returns: the roster with any warnings, or every problem found.
 *
 * @example
 * const result: ParseRosterCsvResult = parseRosterCsv("Client ID,Name\n", {
 *   groupId: "grp-1",
 *   columns: { memberId: "Client ID", displayName: "Name" },
 * });
 * [result.ok, result.issues.map((issue) => issue.code)]
 * //=> [true, ["no-rows"]]
 */
export type ParseRosterCsvResult = CsvImportResult<ImportedRoster>;

const CALLER = "parseRosterCsv";
const REQUIRED_COLUMNS = ["memberId", "displayName"] as const;
const OPTIONAL_COLUMNS = [
  "preferredName",
  "pronouns",
  "preferredLanguage",
  "interpreterNeeded",
  "birthDate",
  "role",
  "start",
  "end",
  "exitReason",
] as const;
type RosterField = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];
const MEMBER_TEXT_FIELDS = ["preferredName", "pronouns", "preferredLanguage"] as const;
const MEMBER_FIELDS = [...REQUIRED_COLUMNS, ...MEMBER_TEXT_FIELDS, "interpreterNeeded", "birthDate"] as const;

interface RosterSettings {
  readonly groupId: string;
  readonly columns: Partial<Record<RosterField, string>>;
  readonly dateFormat: CsvDateFormat;
  readonly defaultRole: FacilitationRole;
  readonly ignoreColumns: readonly string[];
  readonly delimiter: string;
  readonly yesNo: YesNoWords;
}

function readRosterMapping(mapping: unknown): RosterSettings {
  const where = `${CALLER}: mapping`;
  const fields = readMappingObject(
    mapping,
    ["groupId", "columns", "dateFormat", "defaultRole", "ignoreColumns", "delimiter", "yesNo"],
    where,
  );
  return {
    groupId: readRequiredText(fields["groupId"], `${where}.groupId`),
    columns: readColumns(fields["columns"], REQUIRED_COLUMNS, OPTIONAL_COLUMNS, `${where}.columns`),
    dateFormat: readDateFormat(fields["dateFormat"], `${where}.dateFormat`),
    defaultRole: readCode(fields["defaultRole"], facilitationRoles.codes, "member", `${where}.defaultRole`),
    ignoreColumns: readIgnoreColumns(fields["ignoreColumns"], `${where}.ignoreColumns`),
    delimiter: readDelimiter(fields["delimiter"], `${where}.delimiter`),
    yesNo: readYesNoWords(fields["yesNo"], `${where}.yesNo`),
  };
}

/**
 * Reads a roster exported as CSV (one row per person's membership) into the library's members and memberships,
 * through a column mapping, and returns every problem with its row and column.
 *
 * Cells are trimmed; a blank cell is a field left out. Each row is checked with `MemberSchema` and `MembershipSchema`,
 * so a role, exit reason or language tag the model does not know is reported where it stands. A person on several
 * rows must have the same details on each, and memberships that do not overlap as `parseGroupRecord` counts it (a
 * membership with no start lasts the group's whole life; one starting on the day another ends overlaps it). Rows
 * with nothing in them are passed over. The file may start with a byte order mark and use CRLF line breaks; quoted
 * cells may hold commas and line breaks. At most 1,000,000 data rows.
 *
 * @param text - the file's contents, as text
 * @param mapping - the group, the columns and the date format (see {@link RosterCsvMapping})
 * @returns the roster and any warnings, or every problem (see {@link CsvIssue}) and no roster
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when `text` is not text or the mapping is not one (an unknown key,
 *   a column name that is not text, a date format or role the import does not know)
 * @example
 * const csv = "Client ID,Name,Pronouns,Interpreter,Role,Joined\r\n" +
 *   "c-17,Ana Souza,she/her,yes,member,2026-02-05\r\n" +
 *   "s-02,Dana Okafor,,no,facilitator,2026-02-05\r\n";
 * const result = parseRosterCsv(csv, {
 *   groupId: "grp-grief",
 *   columns: {
 *     memberId: "Client ID",
 *     displayName: "Name",
 *     pronouns: "Pronouns",
 *     interpreterNeeded: "Interpreter",
 *     role: "Role",
 *     start: "Joined",
 *   },
 * });
 * result.ok && [result.value.members[0], result.value.memberships[1]]
 * //=> [
 *   { id: "c-17", displayName: "Ana Souza", pronouns: "she/her", interpreterNeeded: true, accessibilityNeeds: [] },
 *   { groupId: "grp-grief", memberId: "s-02", role: "facilitator", period: { start: "2026-02-05" }, inactive: false },
 * ]
 */
export function parseRosterCsv(text: string, mapping: RosterCsvMapping): ParseRosterCsvResult {
  if (typeof text !== "string") {
    throw new GroupworkError(
      "invalid-argument",
      `${CALLER}: text must be the file's contents as text; got ${describeValue(text)}.`,
    );
  }
  const settings = readRosterMapping(mapping);
  const { columns } = settings;
  const table = readTable(text, {
    mapped: Object.values(columns).filter((name): name is string => name !== undefined),
    ignored: settings.ignoreColumns,
    delimiter: settings.delimiter,
  });
  const issues: CsvIssue[] = [...table.issues];
  if (table.rows === null) return { ok: false, issues };

  const members: Member[] = [];
  const memberships: Membership[] = [];
  const membershipRows: number[] = [];
  const firstRows = new Map<string, { row: number; member: Member }>();
  for (const { row, cells } of table.rows) {
    const cell = (field: RosterField): string => {
      const column = columns[field];
      return column === undefined ? "" : (cells.get(column) ?? "");
    };
    const problem = (code: CsvIssue["code"], field: RosterField, message: string): void => {
      const column = columns[field] ?? null;
      issues.push(csvError(code, row, column, `${column === null ? `Row ${row}` : cellName(row, column)} ${message}`));
    };
    const countBefore = issues.length;
    const candidate: Record<string, unknown> = { id: cell("memberId"), displayName: cell("displayName") };
    if (cell("memberId") === "") problem("missing-value", "memberId", "is empty; every row needs the person's id.");
    if (cell("displayName") === "") problem("missing-value", "displayName", "is empty; every row needs a name.");
    for (const field of MEMBER_TEXT_FIELDS) if (cell(field) !== "") candidate[field] = cell(field);
    if (cell("interpreterNeeded") !== "") {
      const needed = readYesNo(cell("interpreterNeeded"), settings.yesNo);
      if (needed === null) problem("invalid-value", "interpreterNeeded", notYesOrNo(settings.yesNo));
      else candidate["interpreterNeeded"] = needed;
    }
    const date = (field: "birthDate" | "start" | "end"): string | undefined => {
      if (cell(field) === "") return undefined;
      const read = readDate(cell(field), settings.dateFormat);
      if (read === null) {
        problem("invalid-date", field, dateProblem(cell(field), settings.dateFormat));
        return undefined;
      }
      return read;
    };
    const birthDate = date("birthDate");
    if (birthDate !== undefined) candidate["birthDate"] = birthDate;
    const start = date("start");
    const end = date("end");
    if (end !== undefined && start === undefined && cell("start") === "") {
      problem("end-without-start", "end", "has an end date but the start is blank; a membership needs its first day.");
    }
    if (start !== undefined && end !== undefined && end < start) {
      problem("end-before-start", "end", `is ${end}, before the start ${start}.`);
    }
    const membershipCandidate: Record<string, unknown> = {
      groupId: settings.groupId,
      memberId: cell("memberId"),
      role: cell("role") === "" ? settings.defaultRole : cell("role"),
    };
    if (start !== undefined) membershipCandidate["period"] = end === undefined ? { start } : { start, end };
    if (cell("exitReason") !== "") membershipCandidate["exitReason"] = cell("exitReason");
    if (issues.length > countBefore) continue;

    const member = checkRow(MemberSchema, candidate, row, memberColumns(columns), ["id", "preferredLanguage"], issues);
    const membership = checkRow(
      MembershipSchema,
      membershipCandidate,
      row,
      membershipColumns(columns),
      ["memberId", "role", "exitReason"],
      issues,
    );
    if (member === null || membership === null) continue;
    const first = firstRows.get(member.id);
    if (first === undefined) {
      firstRows.set(member.id, { row, member });
      members.push(member);
    } else {
      const differs = MEMBER_FIELDS.find((field) => !sameValue(first.member, member, field));
      if (differs !== undefined) {
        problem(
          "conflicting-rows",
          differs,
          `differs from row ${first.row}, which has the same person's id; a person's details must be the same on every row.`,
        );
        continue;
      }
    }
    memberships.push(membership);
    membershipRows.push(row);
  }
  for (const { row, earlierRow } of overlappingRows(memberships, membershipRows)) {
    const column = columns.start ?? null;
    issues.push(
      csvError(
        "overlapping-memberships",
        row,
        column,
        `${column === null ? `Row ${row}` : cellName(row, column)} starts a membership that overlaps the same person's on row ${earlierRow}; a person holds one membership of a group at a time, so one must end before the other starts.`,
      ),
    );
  }
  return importResult({ members, memberships }, issues);
}

/**
 * Rows whose membership overlaps one of the same person on an earlier row, as parseGroupRecord counts it: a membership with
 * no period lasts the group's whole life, one with no end is open, and one that starts on the day another ends
 * overlaps it (both days are inclusive). Swept in start order, each against the one reaching furthest so far.
 */
function overlappingRows(
  memberships: readonly Membership[],
  rows: readonly number[],
): { row: number; earlierRow: number }[] {
  const byMember = new Map<string, number[]>();
  memberships.forEach((membership, index) => {
    const list = byMember.get(membership.memberId);
    if (list === undefined) byMember.set(membership.memberId, [index]);
    else list.push(index);
  });
  const startOf = (index: number): string => memberships[index]?.period?.start ?? "";
  const endOf = (index: number): string | undefined => memberships[index]?.period?.end;
  const found: { row: number; earlierRow: number }[] = [];
  for (const indexes of byMember.values()) {
    const sorted = [...indexes].sort((first, second) => startOf(first).localeCompare(startOf(second)));
    let furthest = sorted[0] as number;
    for (const later of sorted.slice(1)) {
      const furthestEnd = endOf(furthest);
      if (furthestEnd === undefined || furthestEnd >= startOf(later)) {
        // Reported at whichever of the two comes later in the file, as the row that broke the rule.
        const pair = [rows[later] as number, rows[furthest] as number].sort((first, second) => first - second);
        found.push({ row: pair[1] as number, earlierRow: pair[0] as number });
      }
      const laterEnd = endOf(later);
      if (furthestEnd !== undefined && (laterEnd === undefined || laterEnd > furthestEnd)) furthest = later;
    }
  }
  return found.sort((first, second) => first.row - second.row);
}

/** What a yes/no cell may hold, as the end of a sentence. */
function notYesOrNo(words: YesNoWords): string {
  return `is not yes or no: it may hold ${[...words.yes].join(", ")} (yes) or ${[...words.no].join(", ")} (no), in any case; add other words with mapping.yesNo.`;
}

function sameValue(first: Member, second: Member, field: (typeof MEMBER_FIELDS)[number]): boolean {
  const key = field === "memberId" ? "id" : field;
  return first[key] === second[key];
}

function memberColumns(columns: Partial<Record<RosterField, string>>): Record<string, string | undefined> {
  return {
    id: columns.memberId,
    displayName: columns.displayName,
    preferredName: columns.preferredName,
    pronouns: columns.pronouns,
    preferredLanguage: columns.preferredLanguage,
    interpreterNeeded: columns.interpreterNeeded,
    birthDate: columns.birthDate,
  };
}

function membershipColumns(columns: Partial<Record<RosterField, string>>): Record<string, string | undefined> {
  return {
    memberId: columns.memberId,
    role: columns.role,
    period: columns.start,
    exitReason: columns.exitReason,
  };
}
