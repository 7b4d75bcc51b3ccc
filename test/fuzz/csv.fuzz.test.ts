import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  openEmrAttendanceCrosswalk,
  openEmrSessionCrosswalk,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
} from "../../src/csv/index";
import { GroupworkError, parseGroupRecord } from "../../src/model/index";
import { revoked, thrownBy } from "../fixtures/untrusted";
import { call, describeError, type EntryPoint } from "./contract";
import { expectArray, expectBoolean, expectRecord, expectString, fail, isRecord } from "./results";
import { RUNS, seedFor, TEST_TIMEOUT_MS } from "./settings";
import { fuzzEntryPoints } from "./suite";

// The spreadsheet room's public functions, which read a file and a column mapping from outside: the suite's
// corruptions of both, then files written cell by cell with every character a spreadsheet export may hold (quotes,
// delimiters, lone CR, byte order marks, NUL, lone surrogates, formulas), then the hostile mappings the suite does not
// build (Proxies, getters that throw, lists of 2^32 - 1 holes). An `ok: true` result must be whole: every row is in it,
// and a record assembled from it with a group passes parseGroupRecord.

const GROUP_ID = "grp-fuzz";
/** A group that started before any date the cases use, so no date falls outside it. */
const groupOf = (timeZone: string, id: unknown = GROUP_ID) => ({
  id,
  name: "Fuzz group",
  purpose: "A group the spreadsheet imports are assembled into.",
  kind: "support",
  membership: "open",
  participation: "optional",
  timeZone,
  startDate: "0001-01-01",
});

/** parseGroupRecord's verdict on a roster import assembled with a group; throws naming the first error. */
function expectRosterAssembles(value: unknown): void {
  const { members, memberships } = expectRecord(value, "result.value");
  // The group the mapping named (the suite may have changed it), as the host would supply it.
  const groupId = expectRecord(expectArray(memberships, "memberships")[0] ?? {}, "membership")["groupId"];
  const parsed = parseGroupRecord({
    group: groupOf("America/Chicago", groupId ?? GROUP_ID),
    members,
    memberships,
    sessions: [],
    attendance: [],
  });
  if (!parsed.ok) {
    const error = parsed.issues.find((issue) => issue.severity === "error");
    fail(`the roster assembled into a record does not pass parseGroupRecord: ${error?.code} ${error?.message}`);
  }
}

/** The same for an attendance import: each member enrolled for the group's whole life, with a facilitator. */
function expectAttendanceAssembles(value: unknown, timeZone: string): void {
  const { sessions, attendance } = expectRecord(value, "result.value");
  const ids = [
    ...new Set(expectArray(attendance, "attendance").map((entry) => String(expectRecord(entry, "entry")["memberId"]))),
  ];
  const groupId = expectRecord(expectArray(sessions, "sessions")[0] ?? {}, "session")["groupId"] ?? GROUP_ID;
  const parsed = parseGroupRecord({
    group: groupOf(timeZone, groupId),
    members: [...ids.map((id) => ({ id, displayName: "Someone" })), { id: "fuzz-facilitator", displayName: "Lead" }],
    memberships: [
      ...ids.map((memberId) => ({ groupId, memberId, role: "member" })),
      { groupId, memberId: "fuzz-facilitator", role: "facilitator" },
    ],
    sessions,
    attendance,
  });
  if (!parsed.ok) {
    const error = parsed.issues.find((issue) => issue.severity === "error");
    fail(`the attendance assembled into a record does not pass parseGroupRecord: ${error?.code} ${error?.message}`);
  }
}

/** A CSV import's documented result: issues located by row and column; `ok: true` with warnings alone. */
function expectCsvResult(result: unknown, assembles: (value: unknown) => void): void {
  const read = expectRecord(result, "result");
  const ok = expectBoolean(read["ok"], "result.ok");
  const issues = expectArray(read["issues"], "result.issues");
  for (const issue of issues) {
    const { code, severity, row, column, message } = expectRecord(issue, "issue");
    expectString(code, "issue.code");
    if (severity !== "error" && severity !== "warning") fail("issue.severity should be error or warning");
    if (typeof row !== "number" || !Number.isSafeInteger(row) || row < 1) fail("issue.row should be a row number");
    if (column !== null) expectString(column, "issue.column");
    if (expectString(message, "issue.message").trim() === "") fail("issue.message should say something");
  }
  const errors = issues.filter((issue) => isRecord(issue) && issue["severity"] === "error");
  if (ok && errors.length > 0) fail("result.ok is true, but an issue is an error");
  if (!ok && errors.length === 0) fail("result.ok is false, but no issue is an error");
  if (ok) assembles(read["value"]);
}

const rosterMapping = {
  groupId: GROUP_ID,
  columns: {
    memberId: "Client ID",
    displayName: "Name",
    pronouns: "Pronouns",
    interpreterNeeded: "Interpreter",
    birthDate: "DOB",
    role: "Role",
    start: "Joined",
    end: "Left",
    exitReason: "Reason",
  },
  dateFormat: "MM/DD/YYYY",
  ignoreColumns: ["Phone"],
};
const rosterText = [
  "Client ID,Name,Pronouns,Interpreter,DOB,Role,Joined,Left,Reason,Phone",
  "c-17,Ana Souza,she/her,yes,07/14/1961,member,02/05/2026,04/23/2026,completed,555-0100",
  's-02,"Okafor, Dana",,no,,facilitator,02/05/2026,,,',
  "c-18,Will Tanaka,he/him,n,2/29/2008,member,2/5/2026,,,555-0101",
].join("\r\n");

const attendanceMapping = {
  groupId: GROUP_ID,
  timeZone: "America/Chicago",
  columns: { sessionId: "Session", date: "Date", time: "Time", memberId: "Client", status: "Attendance" },
  statusCrosswalk: programManagementAttendanceCrosswalk,
  startTime: "18:00",
  durationMinutes: 90,
};
const attendanceText = [
  "Session,Date,Time,Client,Attendance",
  "ss-1,2026-03-05,6:00 PM,c-17,Present",
  "ss-1,2026-03-05,6:00 PM,c-18,Excused Absence",
  "ss-2,2026-03-12,,c-17,Unexcused Absence",
  "ss-3,2026-11-01,01:30,c-17,",
].join("\n");
const openEmrMapping = {
  groupId: GROUP_ID,
  timeZone: "Pacific/Chatham",
  columns: { memberId: "pid", date: "Encounter Date", status: "Attendance", sessionStatus: "Group Status" },
  statusCrosswalk: openEmrAttendanceCrosswalk,
  sessionStatusCrosswalk: openEmrSessionCrosswalk,
  dateFormat: "DD/MM/YYYY",
  startTime: "02:30",
  durationMinutes: 60,
  delimiter: ";",
  mode: "virtual",
};
const openEmrText =
  "pid;Encounter Date;Attendance;Group Status\n17;27/09/2026;~ Late Arrival;= Took Place\n18;4/4/2027;@;>\n";

const entries: EntryPoint[] = [
  {
    name: "parseRosterCsv",
    bases: [
      [rosterText, rosterMapping],
      [
        "\uFEFFClient ID,Name\nc-1,Ana Souza\n",
        { groupId: GROUP_ID, columns: { memberId: "Client ID", displayName: "Name" } },
      ],
    ],
    call: call(parseRosterCsv),
    check: (result) => expectCsvResult(result, expectRosterAssembles),
  },
  {
    name: "parseAttendanceCsv",
    bases: [
      [attendanceText, attendanceMapping],
      [openEmrText, openEmrMapping],
    ],
    call: call(parseAttendanceCsv),
    check: (result) =>
      expectCsvResult(result, (value) => {
        // The time zone of the mapping the case was built from; a corrupted one is refused before any value exists.
        const zones = ["America/Chicago", "Pacific/Chatham"];
        const failures = zones.map((zone) => {
          try {
            expectAttendanceAssembles(value, zone);
            return null;
          } catch (error) {
            return error;
          }
        });
        if (failures.every((failure) => failure !== null)) throw failures[0];
      }),
  },
];

// Files written cell by cell, quoted as RFC 4180 section 2 says: a cell with the delimiter, a quote or a line break is
// wrapped in quotes and its quotes doubled. Such a file is read back whole, or the import says why not.

const NASTY_CHARACTERS = [
  "a",
  "Z",
  "é",
  " ",
  "\t",
  ",",
  ";",
  "|",
  '"',
  "'",
  "\r",
  "\n",
  "\r\n",
  "\uFEFF",
  "\u0000",
  "\uD800",
  "\uDE00",
  "😀",
  "=",
  "+",
  "-",
  "@",
  "\u2028",
  "\u00A0",
];
const nastyText = fc.array(fc.constantFrom(...NASTY_CHARACTERS), { maxLength: 8 }).map((parts) => parts.join(""));
const plainText = fc.stringMatching(/^[A-Za-z][A-Za-z '-]{0,10}$/);
const cellText = fc.oneof({ weight: 3, arbitrary: plainText }, { weight: 2, arbitrary: nastyText });

const csvFile = (rows: readonly (readonly string[])[], delimiter: string, newline: string, bom: boolean): string => {
  const quote = (cell: string): string =>
    /["\r\n]/.test(cell) || cell.includes(delimiter) ? `"${cell.replaceAll('"', '""')}"` : cell;
  return `${bom ? "\uFEFF" : ""}${rows.map((row) => row.map(quote).join(delimiter)).join(newline)}${newline}`;
};
const layout = fc.record({
  delimiter: fc.constantFrom(",", ";", "\t", "|"),
  newline: fc.constantFrom("\n", "\r\n", "\r"),
  bom: fc.boolean(),
});

// Unicode White_Space and the byte order mark, as a spreadsheet cell is trimmed (ECMA-262 String.prototype.trim).
const trimmed = (cell: string): string => cell.replace(/^[\s\uFEFF]+|[\s\uFEFF]+$/g, "");

/** Issues that say a correctly quoted file was misread. */
const MISREAD = new Set(["malformed-quotes", "ragged-row", "duplicate-column", "missing-column", "empty-file"]);

describe("fuzz: csv", () => {
  fuzzEntryPoints(entries);

  it(
    "parseRosterCsv reads every row of a correctly quoted file, or says which row it cannot read",
    () => {
      fc.assert(
        fc.property(
          layout,
          fc.array(fc.tuple(cellText, cellText, cellText), { minLength: 1, maxLength: 6 }),
          (how, people) => {
            // Each id is the row's own, so no two rows are one person.
            const rows = people.map(([id, name, note], index) => [`r${index + 1}-${id}`, name, note]);
            const text = csvFile([["Client ID", "Name", "Note"], ...rows], how.delimiter, how.newline, how.bom);
            const mapping = {
              groupId: GROUP_ID,
              columns: { memberId: "Client ID", displayName: "Name" },
              ignoreColumns: ["Note"],
              delimiter: how.delimiter,
            };
            let result: ReturnType<typeof parseRosterCsv>;
            try {
              result = parseRosterCsv(text, mapping as never);
            } catch (error) {
              throw new Error(`parseRosterCsv threw ${describeError(error)}`);
            }
            expectCsvResult(result, expectRosterAssembles);
            const misread = result.issues.filter((issue) => MISREAD.has(issue.code));
            expect(misread, JSON.stringify(text)).toEqual([]);
            for (const issue of result.issues) expect(issue.row).toBeLessThanOrEqual(rows.length + 1);
            if (!result.ok) return;
            expect(result.value.memberships.map((membership) => membership.memberId)).toEqual(
              rows.map(([id]) => trimmed(id ?? "")),
            );
            expect(result.value.members.map((member) => member.displayName)).toEqual(
              rows.map(([, name]) => trimmed(name ?? "")),
            );
          },
        ),
        { numRuns: RUNS, seed: seedFor("parseRosterCsv files") },
      );
    },
    TEST_TIMEOUT_MS,
  );

  const ZONES = ["America/Chicago", "Pacific/Chatham", "Australia/Lord_Howe", "Asia/Kolkata", "Europe/London"];
  const DATES = [
    "2026-03-08", // United States clocks go forward
    "2026-11-01", // and back
    "2026-04-05", // Lord Howe goes back half an hour; Chatham back an hour
    "2026-09-27", // Chatham goes forward
    "2028-02-29",
    "2026-02-29", // not a date
    "2026-13-01", // not a date
    "0001-01-01",
    "9999-12-31",
    "2026-02-05",
  ];
  const TIMES = ["18:00", "02:30", "01:30", "2:15 AM", "23:59", "00:00", "24:00", "6:00 pm", ""];
  const STATUSES = [
    "Present",
    " present ",
    "EXCUSED  absence",
    "Unexcused Absence",
    "",
    "Absent",
    "=cmd|' /C calc'!A0",
  ];

  it(
    "parseAttendanceCsv reads every row into a session, or warns that its session was not held, or says why not",
    () => {
      fc.assert(
        fc.property(
          layout,
          fc.constantFrom(...ZONES),
          fc.array(
            fc.tuple(fc.constantFrom(...DATES), fc.constantFrom(...TIMES), fc.constantFrom(...STATUSES), cellText),
            { minLength: 1, maxLength: 8 },
          ),
          (how, timeZone, cells) => {
            // A member per row, so no row repeats another's member in a session.
            const rows = cells.map(([date, time, status, topic], index) => [
              `m${index + 1}`,
              date,
              time,
              status,
              topic,
            ]);
            const text = csvFile(
              [["Client", "Date", "Time", "Status", "Topic"], ...rows],
              how.delimiter,
              how.newline,
              how.bom,
            );
            const mapping = {
              ...attendanceMapping,
              timeZone,
              columns: { memberId: "Client", date: "Date", time: "Time", status: "Status", topic: "Topic" },
              delimiter: how.delimiter,
            };
            let result: ReturnType<typeof parseAttendanceCsv>;
            try {
              result = parseAttendanceCsv(text, mapping as never);
            } catch (error) {
              throw new Error(`parseAttendanceCsv threw ${describeError(error)}`);
            }
            expectCsvResult(result, (value) => expectAttendanceAssembles(value, timeZone));
            expect(result.issues.filter((issue) => MISREAD.has(issue.code))).toEqual([]);
            for (const issue of result.issues) expect(issue.row).toBeLessThanOrEqual(rows.length + 1);
            if (!result.ok) return;
            const leftOut = result.issues.filter((issue) => issue.code === "row-for-session-not-held").length;
            expect(result.value.attendance.length + leftOut).toBe(rows.length);
          },
        ),
        { numRuns: RUNS, seed: seedFor("parseAttendanceCsv files") },
      );
    },
    TEST_TIMEOUT_MS,
  );

  const throwing = <T extends object>(target: T, key: string): T =>
    Object.defineProperty({ ...target }, key, {
      enumerable: true,
      get: () => {
        throw new TypeError("host getter");
      },
    });
  const roster = { groupId: GROUP_ID, columns: { memberId: "Client ID", displayName: "Name" } };

  it("refuses a mapping that cannot be read with a GroupworkError naming it, not the error of reading it", () => {
    const cases: [string, () => unknown][] = [
      ["roster mapping revoked", () => parseRosterCsv("Client ID,Name\n", revoked() as never)],
      ["roster columns revoked", () => parseRosterCsv("Client ID,Name\n", { ...roster, columns: revoked() } as never)],
      ["roster ignoreColumns revoked", () => parseRosterCsv("a", { ...roster, ignoreColumns: revoked() } as never)],
      ["roster groupId getter", () => parseRosterCsv("a", throwing(roster, "groupId"))],
      [
        "roster columns.displayName getter",
        () => parseRosterCsv("a", { ...roster, columns: throwing(roster.columns, "displayName") }),
      ],
      ["attendance mapping revoked", () => parseAttendanceCsv("a", revoked() as never)],
      ["attendance timeZone getter", () => parseAttendanceCsv("a", throwing(attendanceMapping, "timeZone"))],
      [
        "attendance toModel revoked",
        () => parseAttendanceCsv("a", { ...attendanceMapping, statusCrosswalk: { toModel: revoked() } } as never),
      ],
      [
        "attendance toModel entry getter",
        () =>
          parseAttendanceCsv("a", {
            ...attendanceMapping,
            statusCrosswalk: { toModel: [throwing({ code: "P", label: "P", status: "present" }, "code")] },
          } as never),
      ],
    ];
    for (const [what, run] of cases) {
      const error = thrownBy(run);
      expect(error, `${what}: ${describeError(error)}`).toBeInstanceOf(GroupworkError);
      expect((error as Error).message, what).toMatch(/^parse(Roster|Attendance)Csv: mapping/);
    }
  });

  it("looks at no more of a list of 2^32 - 1 holes than it needs to refuse it", () => {
    const counted = (): { list: unknown[]; asked: () => number } => {
      let asked = 0;
      const holes: unknown[] = [];
      holes.length = 2 ** 32 - 1;
      const count = (key: string | symbol): void => {
        // Past 10,000 items the Proxy stops the call itself: read item by item, the list takes minutes.
        if (typeof key === "string" && /^\d+$/.test(key) && ++asked > 10_000) throw new Error("read too far");
      };
      const list = new Proxy(holes, {
        has: (target, key) => {
          count(key);
          return Reflect.has(target, key);
        },
        get: (target, key) => {
          count(key);
          return Reflect.get(target, key);
        },
      });
      return { list, asked: () => asked };
    };
    const ignore = counted();
    const ignoreError = thrownBy(() =>
      parseRosterCsv("Client ID,Name\nc-1,Ana\n", { ...roster, ignoreColumns: ignore.list } as never),
    );
    const toModel = counted();
    const toModelError = thrownBy(() =>
      parseAttendanceCsv("Client,Date,Status\n", {
        ...attendanceMapping,
        statusCrosswalk: { toModel: toModel.list },
      } as never),
    );
    expect([ignore.asked(), toModel.asked()]).toEqual([1, 1]);
    expect(ignoreError).toBeInstanceOf(GroupworkError);
    expect(toModelError).toBeInstanceOf(GroupworkError);
  });

  it("parseRosterCsv reports rows of one person whose memberships overlap, as parseGroupRecord would refuse them", () => {
    // Two rows of c-1 with no dates: both memberships last the group's whole life.
    const text =
      "Client ID,Name,Joined,Left\nc-1,Ana Souza,,\nc-1,Ana Souza,,\nc-2,Will Tanaka,2026-02-05,2026-03-05\nc-2,Will Tanaka,2026-03-05,\n";
    const result = parseRosterCsv(text, {
      groupId: GROUP_ID,
      columns: { memberId: "Client ID", displayName: "Name", start: "Joined", end: "Left" },
    });
    expect(result.ok).toBe(false);
    expect(result.issues.filter((issue) => issue.severity === "error").map((issue) => issue.row)).toEqual([3, 5]);
  });

  it("parseAttendanceCsv places a start it cannot write (year 0000 in a zone of local mean time) at its cells", () => {
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,0000-01-01,Present\n", {
      ...attendanceMapping,
      columns: { memberId: "Client", date: "Date", status: "Status" },
      timeZone: "Pacific/Apia",
      startTime: "00:00",
    });
    expect(result.ok).toBe(false);
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([["invalid-date", 2, "Date"]]);
    // The file holds 0000-01-01; an instant it never held is no help to whoever fixes it.
    expect(result.issues[0]?.message).not.toContain("-000001");
  });

  it("keeps spreadsheet formulas as the text they are, and reads odd files whole", () => {
    // A cell such as =cmd|' /C calc'!A0 is text here: the import runs nothing and stores it as given. Escaping it
    // (OWASP, CSV Injection) is the job of whoever writes it back into a spreadsheet.
    const formula = "=cmd|' /C calc'!A0";
    const wide = Array.from({ length: 10_000 }, (_, index) => `Extra ${index}`);
    const cases: [string, string, number, string][] = [
      ["formula", `Client ID,Name\nc-1,"${formula}"\n`, 1, formula],
      ["a byte order mark inside the header", "Client ID,\uFEFFName\nc-1,Ana\n", 1, "Ana"],
      ["a lone CR inside a quoted cell of an LF file", 'Client ID,Name\nc-1,"Ana\rSouza"\nc-2,Will\n', 2, "Ana\rSouza"],
      ["10,000 columns", `Client ID,Name,${wide.join(",")}\nc-1,Ana,${wide.join(",")}\n`, 1, "Ana"],
      ["a 10 MB cell", `Client ID,Name\nc-1,"${"Ana ".repeat(2_500_000)}x"\n`, 1, `${"Ana ".repeat(2_500_000)}x`],
    ];
    for (const [what, text, count, name] of cases) {
      const result = parseRosterCsv(text, { ...roster, ignoreColumns: wide });
      expect(result.ok, what).toBe(true);
      if (!result.ok) continue;
      expect(result.value.memberships.length, what).toBe(count);
      expect(result.value.members[0]?.displayName, what).toBe(name);
    }
  });
});
