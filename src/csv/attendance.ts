import { isInstant } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import {
  type AttendanceRecord,
  AttendanceRecordSchema,
  type AttendanceStatus,
  attendanceStatuses,
  isIanaTimeZone,
  type Session,
  type SessionMode,
  SessionSchema,
  type SessionStatus,
  sessionModes,
  sessionStatuses,
} from "../model/index.js";
import type { StatusCrosswalk } from "./crosswalks.js";
import { dateProblem, type LocalInstant, localInstant, readDate, readTime, type TimeOfDay } from "./read-cells.js";
import {
  readCode,
  readColumns,
  readCrosswalk,
  readDateFormat,
  readDelimiter,
  readIgnoreColumns,
  readMappingObject,
  readRequiredText,
  statusKey,
} from "./read-mapping.js";
import { checkRow } from "./read-schema.js";
import { readTable } from "./read-table.js";
import {
  type CsvDateFormat,
  type CsvImportResult,
  type CsvIssue,
  cellName,
  csvError,
  csvWarning,
  importResult,
} from "./read-types.js";

/**
 * Which column of an attendance export holds each field, by its header name. `memberId`, `date` and `status` are
 * required. Without a `sessionId` column, the rows of one date are one session (its id is the date).
 *
 * @example
 * const columns: AttendanceCsvColumns = { memberId: "Client", date: "Date", status: "Status" };
 * const result = parseAttendanceCsv("Client,Date,Status\nc-1,2026-02-05,Present\n", {
 *   groupId: "grp-1",
 *   timeZone: "America/Chicago",
 *   columns,
 *   statusCrosswalk: programManagementAttendanceCrosswalk,
 *   startTime: "18:00",
 *   durationMinutes: 90,
 * });
 * result.ok && result.value.sessions[0]?.id
 * //=> "2026-02-05"
 */
export interface AttendanceCsvColumns {
  /** The member's id in the host system. Required. */
  readonly memberId: string;
  /** The session's date, in the mapping's `dateFormat`. Required. */
  readonly date: string;
  /** The member's attendance status, read through the mapping's `statusCrosswalk`. Required. */
  readonly status: string;
  /** The session's id in the host system; without it, the date is the session. */
  readonly sessionId?: string | undefined;
  /** The session's start time, `18:00` or `6:00 PM`; a blank cell takes the mapping's `startTime`. */
  readonly time?: string | undefined;
  /** Whether the session took place, read through the mapping's `sessionStatusCrosswalk`. */
  readonly sessionStatus?: string | undefined;
  /** The session's theme. */
  readonly topic?: string | undefined;
}

/**
 * How {@link parseAttendanceCsv} reads an attendance export: the group, its time zone, which column holds each field,
 * how statuses are spelt (a crosswalk), and what the file does not say (start time, length, mode).
 *
 * Every column of the header is either mapped, or listed in `ignoreColumns`, or reported as an `unmapped-column`
 * warning: no column is left out unnoticed.
 *
 * @example
 * const mapping: AttendanceCsvMapping = {
 *   groupId: "grp-1",
 *   timeZone: "America/Chicago",
 *   columns: { memberId: "pid", date: "Encounter Date", status: "Attendance" },
 *   statusCrosswalk: openEmrAttendanceCrosswalk,
 *   dateFormat: "MM/DD/YYYY",
 *   startTime: "18:00",
 *   durationMinutes: 90,
 * };
 * const result = parseAttendanceCsv("pid,Encounter Date,Attendance\n17,03/12/2026,~ Late Arrival\n", mapping);
 * result.ok && [result.value.sessions[0]?.scheduledStart, result.value.attendance[0]?.status]
 * //=> ["2026-03-12T18:00:00-05:00", "late"]
 */
export interface AttendanceCsvMapping {
  /** The group every session is of. */
  readonly groupId: string;
  /** The group's IANA time zone: dates and times in the file are local times there. */
  readonly timeZone: string;
  /** Which column holds each field. */
  readonly columns: AttendanceCsvColumns;
  /** How the file spells members' statuses: a crosswalk of this package or one of the same shape. */
  readonly statusCrosswalk: Pick<StatusCrosswalk<AttendanceStatus>, "toModel">;
  /** How the file spells sessions' statuses; required when `columns.sessionStatus` is given. */
  readonly sessionStatusCrosswalk?: Pick<StatusCrosswalk<SessionStatus>, "toModel"> | undefined;
  /** The status of every session when the file has no session status column; `"held"` when absent. */
  readonly defaultSessionStatus?: SessionStatus | undefined;
  /** The start time (`18:00`) of a session with no time column or a blank time; required without a time column. */
  readonly startTime?: string | undefined;
  /** The planned length of every session, in whole minutes. */
  readonly durationMinutes: number;
  /** How members meet: `"in-person"` (the default), `"virtual"` or `"hybrid"`. */
  readonly mode?: SessionMode | undefined;
  /** How dates are written; `"YYYY-MM-DD"` when absent. */
  readonly dateFormat?: CsvDateFormat | undefined;
  /** Columns of the file the import is to leave out without a warning. */
  readonly ignoreColumns?: readonly string[] | undefined;
  /** The character between cells: `","` (the default), `";"`, `"\t"` or `"|"`. */
  readonly delimiter?: "," | ";" | "\t" | "|" | undefined;
}

/**
 * The sessions and attendance an attendance export holds, from {@link parseAttendanceCsv}.
 *
 * @example
 * const result = parseAttendanceCsv("Client,Date,Status\nc-1,2026-02-12,Present\nc-1,2026-02-05,Excused Absence\n", {
 *   groupId: "grp-1",
 *   timeZone: "America/Chicago",
 *   columns: { memberId: "Client", date: "Date", status: "Status" },
 *   statusCrosswalk: programManagementAttendanceCrosswalk,
 *   startTime: "18:00",
 *   durationMinutes: 90,
 * });
 * result.ok && result.value.sessions.map((session) => [session.sequence, session.id])
 * //=> [[1, "2026-02-05"], [2, "2026-02-12"]]
 */
export interface ImportedAttendance {
  /** One per distinct session, numbered in order of their start (ties in order of id). */
  readonly sessions: Session[];
  /** One per row of a session that took place, in row order. */
  readonly attendance: AttendanceRecord[];
}

/**
 * What {@link parseAttendanceCsv} returns: the sessions and attendance with any warnings, or every problem found.
 *
 * @example
 * const result: ParseAttendanceCsvResult = parseAttendanceCsv("Client,Date,Status\nc-1,2026-02-30,Present\n", {
 *   groupId: "grp-1",
 *   timeZone: "America/Chicago",
 *   columns: { memberId: "Client", date: "Date", status: "Status" },
 *   statusCrosswalk: programManagementAttendanceCrosswalk,
 *   startTime: "18:00",
 *   durationMinutes: 90,
 * });
 * [result.ok, result.issues.map((issue) => [issue.code, issue.row, issue.column])]
 * //=> [false, [["invalid-date", 2, "Date"]]]
 */
export type ParseAttendanceCsvResult = CsvImportResult<ImportedAttendance>;

const CALLER = "parseAttendanceCsv";
const REQUIRED_COLUMNS = ["memberId", "date", "status"] as const;
const OPTIONAL_COLUMNS = ["sessionId", "time", "sessionStatus", "topic"] as const;
type AttendanceField = (typeof REQUIRED_COLUMNS)[number] | (typeof OPTIONAL_COLUMNS)[number];

interface AttendanceSettings {
  readonly groupId: string;
  readonly timeZone: string;
  readonly columns: Partial<Record<AttendanceField, string>>;
  readonly statuses: ReadonlyMap<string, AttendanceStatus>;
  readonly sessionStatuses: ReadonlyMap<string, SessionStatus> | null;
  readonly defaultSessionStatus: SessionStatus;
  readonly startTime: TimeOfDay | null;
  readonly durationMinutes: number;
  readonly mode: SessionMode;
  readonly dateFormat: CsvDateFormat;
  readonly ignoreColumns: readonly string[];
  readonly delimiter: string;
}

function readAttendanceMapping(mapping: unknown): AttendanceSettings {
  const where = `${CALLER}: mapping`;
  const fields = readMappingObject(
    mapping,
    [
      "groupId",
      "timeZone",
      "columns",
      "statusCrosswalk",
      "sessionStatusCrosswalk",
      "defaultSessionStatus",
      "startTime",
      "durationMinutes",
      "mode",
      "dateFormat",
      "ignoreColumns",
      "delimiter",
    ],
    where,
  );
  const timeZone = fields["timeZone"];
  if (!isIanaTimeZone(timeZone)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}.timeZone must be an IANA time zone name such as "America/Chicago"; got ${describeValue(timeZone)}.`,
    );
  }
  const columns = readColumns(fields["columns"], REQUIRED_COLUMNS, OPTIONAL_COLUMNS, `${where}.columns`);
  const duration = fields["durationMinutes"];
  if (typeof duration !== "number" || !Number.isSafeInteger(duration) || duration <= 0) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}.durationMinutes must be a whole number of minutes above 0; got ${describeValue(duration)}.`,
    );
  }
  const startText = fields["startTime"];
  const startTime = typeof startText === "string" ? readTime(startText.trim()) : null;
  if ((startText !== undefined && startTime === null) || (startText === undefined && columns.time === undefined)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}.startTime must be a time such as "18:00" or "6:00 PM"${columns.time === undefined ? " (it is required when columns.time is not given)" : ""}; got ${describeValue(startText)}.`,
    );
  }
  if (columns.sessionStatus !== undefined && fields["sessionStatusCrosswalk"] === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}.sessionStatusCrosswalk is required when columns.sessionStatus is given (such as openEmrSessionCrosswalk).`,
    );
  }
  return {
    groupId: readRequiredText(fields["groupId"], `${where}.groupId`),
    timeZone: timeZone as string,
    columns,
    statuses: readCrosswalk(fields["statusCrosswalk"], attendanceStatuses.codes, `${where}.statusCrosswalk`),
    sessionStatuses:
      fields["sessionStatusCrosswalk"] === undefined
        ? null
        : readCrosswalk(fields["sessionStatusCrosswalk"], sessionStatuses.codes, `${where}.sessionStatusCrosswalk`),
    defaultSessionStatus: readCode(
      fields["defaultSessionStatus"],
      sessionStatuses.codes,
      "held",
      `${where}.defaultSessionStatus`,
    ),
    startTime,
    durationMinutes: duration,
    mode: readCode(fields["mode"], sessionModes.codes, "in-person", `${where}.mode`),
    dateFormat: readDateFormat(fields["dateFormat"], `${where}.dateFormat`),
    ignoreColumns: readIgnoreColumns(fields["ignoreColumns"], `${where}.ignoreColumns`),
    delimiter: readDelimiter(fields["delimiter"], `${where}.delimiter`),
  };
}

/** A session as its first row describes it, and the fields later rows of it must repeat. */
interface SessionDraft {
  readonly id: string;
  readonly row: number;
  readonly date: string;
  readonly time: TimeOfDay;
  readonly start: LocalInstant;
  readonly status: SessionStatus;
  readonly topic: string;
}

/** A row read, before its session is known to have taken place. */
interface AttendanceDraft {
  readonly row: number;
  readonly sessionId: string;
  readonly memberId: string;
  readonly status: AttendanceStatus;
}

const NOT_HELD: ReadonlySet<SessionStatus> = new Set(["cancelled", "did-not-take-place"]);

/**
 * Reads an attendance export as CSV (one row per member per session) into the library's sessions and attendance
 * records, through a column mapping, and returns every problem with its row and column.
 *
 * Statuses are read through a crosswalk: {@link openEmrAttendanceCrosswalk}, {@link programManagementAttendanceCrosswalk}
 * or one of your own. Sessions are derived: one per distinct session id (or date), numbered by start time, starting at
 * the row's date and time as a local time in `mapping.timeZone`. A local time the clocks skip or pass twice is read as
 * RFC 5545 reads it (see the `nonexistent-local-time` and `ambiguous-local-time` warnings). Rows of a session that was
 * cancelled or did not take place are left out of `attendance`, each with a warning, since such a session has no
 * attendance. Cells are trimmed; rows with nothing in them are passed over; at most 1,000,000 data rows.
 *
 * @param text - the file's contents, as text
 * @param mapping - the group, its time zone, the columns and crosswalks (see {@link AttendanceCsvMapping})
 * @returns the sessions and attendance with any warnings, or every problem (see {@link CsvIssue}) and no records
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when `text` is not text or the mapping is not one (an unknown key,
 *   an unknown time zone, a crosswalk that is not one, no start time)
 * @example
 * const csv = [
 *   "Session,Date,Time,Contact,Attendance Status",
 *   "ss-1,2026-03-05,6:00 PM,c-17,Present",
 *   "ss-1,2026-03-05,6:00 PM,c-18,Excused Absence",
 *   "ss-2,2026-03-12,6:00 PM,c-17,Unexcused Absence",
 * ].join("\r\n");
 * const result = parseAttendanceCsv(csv, {
 *   groupId: "grp-grief",
 *   timeZone: "America/Chicago",
 *   columns: { sessionId: "Session", date: "Date", time: "Time", memberId: "Contact", status: "Attendance Status" },
 *   statusCrosswalk: programManagementAttendanceCrosswalk,
 *   durationMinutes: 90,
 * });
 * result.ok && [result.value.sessions.map((session) => session.scheduledStart), result.value.attendance[2]]
 * //=> [
 *   ["2026-03-05T18:00:00-06:00", "2026-03-12T18:00:00-05:00"],
 *   { sessionId: "ss-2", memberId: "c-17", status: "absent" },
 * ]
 */
export function parseAttendanceCsv(text: string, mapping: AttendanceCsvMapping): ParseAttendanceCsvResult {
  if (typeof text !== "string") {
    throw new GroupworkError(
      "invalid-argument",
      `${CALLER}: text must be the file's contents as text; got ${describeValue(text)}.`,
    );
  }
  const settings = readAttendanceMapping(mapping);
  const { columns } = settings;
  const table = readTable(text, {
    mapped: Object.values(columns).filter((name): name is string => name !== undefined),
    ignored: settings.ignoreColumns,
    delimiter: settings.delimiter,
  });
  const issues: CsvIssue[] = [...table.issues];
  if (table.rows === null) return { ok: false, issues };

  const sessions = new Map<string, SessionDraft>();
  const drafts: AttendanceDraft[] = [];
  const seen = new Map<string, number>();
  for (const { row, cells } of table.rows) {
    const cell = (field: AttendanceField): string => {
      const column = columns[field];
      return column === undefined ? "" : (cells.get(column) ?? "");
    };
    const problem = (code: CsvIssue["code"], field: AttendanceField, message: string): void => {
      const column = columns[field] ?? null;
      issues.push(csvError(code, row, column, `${column === null ? `Row ${row}` : cellName(row, column)} ${message}`));
    };
    const countBefore = issues.length;
    const memberId = cell("memberId");
    if (memberId === "") problem("missing-value", "memberId", "is empty; every row needs the member's id.");
    const date = cell("date") === "" ? null : readDate(cell("date"), settings.dateFormat);
    if (cell("date") === "") problem("missing-value", "date", "is empty; every row needs the session's date.");
    else if (date === null) problem("invalid-date", "date", dateProblem(cell("date"), settings.dateFormat));
    let time = settings.startTime;
    if (cell("time") !== "") {
      time = readTime(cell("time"));
      if (time === null) problem("invalid-time", "time", 'is not a time of day such as "18:00" or "6:00 PM".');
    } else if (time === null) {
      problem("missing-value", "time", "is empty and the mapping gives no startTime; give the session's start time.");
    }
    const status = readStatus(settings.statuses, cell("status"), (code, message) => problem(code, "status", message));
    let sessionStatus: SessionStatus | null = settings.defaultSessionStatus;
    if (settings.sessionStatuses !== null) {
      sessionStatus = readStatus(settings.sessionStatuses, cell("sessionStatus"), (code, message) =>
        problem(code, "sessionStatus", message),
      );
    }
    if (issues.length > countBefore || date === null || time === null || status === null || sessionStatus === null) {
      continue;
    }

    const sessionId = cell("sessionId") === "" ? date : cell("sessionId");
    const earlier = sessions.get(sessionId);
    if (earlier === undefined) {
      const start = localInstant(date, time, settings.timeZone);
      // Early in year 0000, a zone's local mean time (an offset with seconds, written in UTC) can put the start in
      // year -1, which no instant field accepts: the date is what to fix.
      if (!isInstant(start.instant)) {
        problem(
          "invalid-date",
          "date",
          `holds ${date}, whose start at ${clockText(time)} in ${settings.timeZone} falls before the year 0000 and cannot be written as an instant; check the date.`,
        );
        continue;
      }
      sessions.set(sessionId, {
        id: sessionId,
        row,
        date,
        time,
        start,
        status: sessionStatus,
        topic: cell("topic"),
      });
    } else {
      const differs = differingField(earlier, { date, time, status: sessionStatus, topic: cell("topic") });
      if (differs !== null) {
        problem(
          "conflicting-rows",
          differs,
          `differs from row ${earlier.row}, which is of the same session; a session's date, time, status and topic must be the same on each of its rows.`,
        );
        continue;
      }
    }
    const key = `${sessionId}\u0000${memberId}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problem(
        "duplicate-attendance",
        "memberId",
        `repeats the member of row ${first} in the same session; a member has one status per session.`,
      );
      continue;
    }
    seen.set(key, row);
    drafts.push({ row, sessionId, memberId, status });
  }

  const sessionList = buildSessions([...sessions.values()], settings, issues);
  const attendance: AttendanceRecord[] = [];
  for (const draft of drafts) {
    const session = sessions.get(draft.sessionId);
    if (session !== undefined && NOT_HELD.has(session.status)) {
      issues.push(
        csvWarning(
          "row-for-session-not-held",
          draft.row,
          columns.status ?? null,
          `Row ${draft.row} is left out: its session (${JSON.stringify(draft.sessionId)}) ${session.status === "cancelled" ? "was cancelled" : "did not take place"}, so it has no attendance.`,
        ),
      );
      continue;
    }
    const record = checkRow(
      AttendanceRecordSchema,
      { sessionId: draft.sessionId, memberId: draft.memberId, status: draft.status },
      draft.row,
      { sessionId: columns.sessionId ?? columns.date, memberId: columns.memberId, status: columns.status },
      ["sessionId", "memberId", "status"],
      issues,
    );
    if (record !== null) attendance.push(record);
  }
  return importResult({ sessions: sessionList, attendance }, issues);
}

/** A status cell read through a crosswalk; a blank cell is one only when the crosswalk reads a blank. */
function readStatus<S extends string>(
  crosswalk: ReadonlyMap<string, S>,
  text: string,
  report: (code: CsvIssue["code"], message: string) => void,
): S | null {
  const status = crosswalk.get(statusKey(text));
  if (status !== undefined) return status;
  if (text === "") report("missing-value", "is empty, and the crosswalk does not read a blank status.");
  else {
    const shown = /^[\w .:/+@~?<>=-]{1,40}$/.test(text) ? JSON.stringify(text) : "this text";
    report(
      "unknown-status",
      `holds ${shown}, which the crosswalk does not read; add it to the crosswalk or fix the cell.`,
    );
  }
  return null;
}

function differingField(
  earlier: SessionDraft,
  later: { date: string; time: TimeOfDay; status: SessionStatus; topic: string },
): AttendanceField | null {
  if (earlier.date !== later.date) return "date";
  if (earlier.time.hours !== later.time.hours || earlier.time.minutes !== later.time.minutes) return "time";
  if (earlier.status !== later.status) return "sessionStatus";
  if (earlier.topic !== later.topic) return "topic";
  return null;
}

/** A time of day as `HH:MM`. */
function clockText(time: TimeOfDay): string {
  return `${String(time.hours).padStart(2, "0")}:${String(time.minutes).padStart(2, "0")}`;
}

/** The sessions, numbered by start (ties by id), each checked with SessionSchema at its first row. */
function buildSessions(drafts: SessionDraft[], settings: AttendanceSettings, issues: CsvIssue[]): Session[] {
  const { columns } = settings;
  const ordered = [...drafts].sort(
    (first, second) =>
      Date.parse(first.start.instant) - Date.parse(second.start.instant) ||
      (first.id < second.id ? -1 : first.id > second.id ? 1 : 0),
  );
  const sessions: Session[] = [];
  ordered.forEach((draft, index) => {
    const timeColumn = columns.time ?? columns.date ?? null;
    const local = `${draft.date} ${clockText(draft.time)}`;
    if (draft.start.change === "nonexistent") {
      issues.push(
        csvWarning(
          "nonexistent-local-time",
          draft.row,
          timeColumn,
          `Row ${draft.row}: ${local} does not exist in ${settings.timeZone} (the clocks skip it); the session is read as starting at ${draft.start.instant}, the offset before the change (RFC 5545 section 3.3.5).`,
        ),
      );
    } else if (draft.start.change === "ambiguous") {
      issues.push(
        csvWarning(
          "ambiguous-local-time",
          draft.row,
          timeColumn,
          `Row ${draft.row}: ${local} happens twice in ${settings.timeZone} (the clocks go back); the session is read as the first, ${draft.start.instant} (RFC 5545 section 3.3.5).`,
        ),
      );
    }
    const candidate: Record<string, unknown> = {
      id: draft.id,
      groupId: settings.groupId,
      sequence: index + 1,
      scheduledStart: draft.start.instant,
      durationMinutes: settings.durationMinutes,
      status: draft.status,
      mode: settings.mode,
    };
    if (draft.topic !== "") candidate["topic"] = draft.topic;
    const session = checkRow(
      SessionSchema,
      candidate,
      draft.row,
      { id: columns.sessionId ?? columns.date, status: columns.sessionStatus, topic: columns.topic },
      ["id", "status"],
      issues,
    );
    if (session !== null) sessions.push(session);
  });
  return sessions;
}
