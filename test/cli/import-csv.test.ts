// groupwork import-csv: the sample exports in examples/data read through mappings written for them in
// test/fixtures/cli/mappings (the OpenEMR one as docs/interop.md gives it). Expected values are read off the CSV files
// by hand: the header is row 1, and a quoted cell holding a line break is still one row.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { groupwork, linesOf, scratchFolder } from "../fixtures/cli/run";

const data = (name: string): string => fileURLToPath(new URL(`../../examples/data/${name}`, import.meta.url));
const mapping = (name: string): string => fileURLToPath(new URL(`../fixtures/cli/mappings/${name}`, import.meta.url));
const files = scratchFolder();

interface Imported {
  readonly sessions: readonly { id: string; status: string; scheduledStart: string; sequence: number }[];
  readonly attendance: readonly { sessionId: string; memberId: string; status: string }[];
}

describe("groupwork import-csv --kind attendance", () => {
  it("reads the OpenEMR export with the named crosswalk openEmr: 4 encounters, 16 rows", async () => {
    const run = await groupwork([
      "import-csv",
      data("openemr-therapy-group-attendance.csv"),
      "--mapping",
      mapping("openemr-attendance.json"),
      "--kind",
      "attendance",
    ]);
    expect(run.err).toBe("");
    expect(run.code).toBe(0);
    const value = JSON.parse(run.out) as Imported;
    expect(value.sessions.map((session) => [session.id, session.status, session.scheduledStart])).toEqual([
      ["1001", "held", "2026-02-05T18:00:00-06:00"],
      ["1002", "held", "2026-02-12T18:00:00-06:00"],
      ["1003", "held", "2026-02-19T18:00:00-06:00"],
      // After the change to daylight saving time on 8 March 2026 in America/Chicago.
      ["1004", "held", "2026-03-12T18:00:00-05:00"],
    ]);
    expect(value.attendance).toHaveLength(16);
    // Row 7: PID 18 at encounter 1002, "x Cancelled" (notice given: excused); row 4: PID 22, "~ Late Arrival".
    expect(value.attendance).toContainEqual({ sessionId: "1002", memberId: "18", status: "excused" });
    expect(value.attendance).toContainEqual({ sessionId: "1001", memberId: "22", status: "late" });
    expect(value.attendance).toContainEqual({ sessionId: "1003", memberId: "22", status: "not-recorded" });
  });

  it("reads the Program Management Module export with the named crosswalk programManagement", async () => {
    const run = await groupwork([
      "import-csv",
      data("pmm-service-deliveries.csv"),
      "--mapping",
      mapping("pmm-attendance.json"),
      "-k",
      "attendance",
    ]);
    expect(run.code).toBe(0);
    const value = JSON.parse(run.out) as Imported;
    // SS-0004 is Pending: scheduled, not yet held.
    expect(value.sessions.map((session) => [session.id, session.status])).toEqual([
      ["SS-0001", "held"],
      ["SS-0002", "held"],
      ["SS-0003", "held"],
      ["SS-0004", "scheduled"],
    ]);
    expect(value.attendance).toHaveLength(14);
    // SD-0006: Unexcused Absence; SD-0007: a blank status.
    expect(value.attendance).toContainEqual({ sessionId: "SS-0002", memberId: "003Dn00000A1b2D", status: "absent" });
    expect(value.attendance).toContainEqual({
      sessionId: "SS-0002",
      memberId: "003Dn00000A1b2E",
      status: "not-recorded",
    });
  });

  it("reads the spreadsheet from standard input", async () => {
    const fromFile = await groupwork([
      "import-csv",
      data("openemr-therapy-group-attendance.csv"),
      "--mapping",
      mapping("openemr-attendance.json"),
      "-k",
      "attendance",
    ]);
    const fromStdin = await groupwork(
      ["import-csv", "-", "--mapping", mapping("openemr-attendance.json"), "-k", "attendance"],
      { stdin: readFileSync(data("openemr-therapy-group-attendance.csv"), "utf8") },
    );
    expect(fromStdin).toEqual({ ...fromFile, stdinReads: 1 });
  });

  it("lists the broken OpenEMR export's errors with row and column: exit 1, nothing on standard output", async () => {
    const run = await groupwork([
      "import-csv",
      data("openemr-therapy-group-attendance.broken.csv"),
      "--mapping",
      mapping("openemr-attendance.json"),
      "-k",
      "attendance",
    ]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    const lines = linesOf(run.err);
    // Planted in the file: 02/30/2026 (row 3); "Attended late" (row 5); no PID (row 7); no Comment cell (row 9);
    // a session both held and not held (row 11, against row 10); Ana Souza twice at encounter 1003 (row 13).
    expect(lines.slice(0, -1).map((line) => line.split(":")[0])).toEqual([
      'error invalid-date at row 3, column "Encounter Date"',
      'error unknown-status at row 5, column "Attendance Status"',
      'error missing-value at row 7, column "PID"',
      "error ragged-row at row 9",
      'error conflicting-rows at row 11, column "Group Status"',
      'error duplicate-attendance at row 13, column "PID"',
    ]);
    expect(lines.at(-1)).toBe(
      `groupwork import-csv: "${data("openemr-therapy-group-attendance.broken.csv")}" has 6 errors (listed above); nothing was imported.`,
    );
    // No personal data: neither the patients' names nor the comments.
    for (const text of ["William Chen", "Jamal Price", "Ana Souza", "done with groups", "work shift"]) {
      expect(run.err).not.toContain(text);
    }
  });

  it("lists a warning on standard error and still imports", async () => {
    const text =
      "Encounter,Encounter Date,Group Status,PID,Attendance Status,Room\n1,02/05/2026,= Took Place,17,@ Attended,B2\n";
    const run = await groupwork(
      ["import-csv", "-", "--mapping", mapping("openemr-attendance.json"), "-k", "attendance"],
      {
        stdin: text,
      },
    );
    expect(run.code).toBe(0);
    expect(run.err).toBe(
      'warning unmapped-column at row 1, column "Room": The mapping does not read the column "Room"; map it, or list it in ignoreColumns.\n',
    );
    expect((JSON.parse(run.out) as Imported).attendance).toEqual([
      { sessionId: "1", memberId: "17", status: "present" },
    ]);
  });
});

describe("groupwork import-csv --kind roster (the default)", () => {
  it("reads the roster: 5 people, their roles and periods", async () => {
    const run = await groupwork(["import-csv", data("group-roster.csv"), "--mapping", mapping("roster.json")]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const value = JSON.parse(run.out) as {
      members: { id: string; displayName: string; preferredName?: string; preferredLanguage?: string }[];
      memberships: { memberId: string; role: string; period: { start: string; end?: string }; exitReason?: string }[];
    };
    expect(value.members.map((member) => member.id)).toEqual(["s-02", "17", "18", "22", "23"]);
    expect(value.members[2]).toMatchObject({ displayName: "William Chen", preferredName: "Will" });
    expect(value.members[1]).toMatchObject({ preferredLanguage: "pt-BR", interpreterNeeded: true });
    expect(value.memberships.map((membership) => membership.role)).toEqual([
      "facilitator",
      "member",
      "member",
      // Grace Obi's role is blank: the default role.
      "member",
      "member",
    ]);
    expect(value.memberships[4]).toMatchObject({
      period: { start: "2026-02-05", end: "2026-03-31" },
      exitReason: "dropped-out",
    });
  });

  it("lists the broken roster's errors: exit 1, nothing on standard output, no names", async () => {
    const run = await groupwork(["import-csv", data("group-roster.broken.csv"), "--mapping", mapping("roster.json")]);
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    // Planted: role "lead" (row 2), language "Portuguese" (row 3), interpreter "maybe" (row 4), an end with no start
    // (row 5), an end before the start (row 6).
    expect(
      linesOf(run.err)
        .slice(0, -1)
        .map((line) => line.split(":")[0]),
    ).toEqual([
      'error invalid-value at row 2, column "Role"',
      'error invalid-language-tag at row 3, column "Language"',
      'error invalid-value at row 4, column "Interpreter"',
      'error end-without-start at row 5, column "End Date"',
      'error end-before-start at row 6, column "End Date"',
    ]);
    expect(linesOf(run.err).at(-1)).toMatch(/has 5 errors \(listed above\); nothing was imported\.$/);
    for (const name of ["Dana Okafor", "Ana Souza", "William Chen", "Grace Obi", "Jamal Price"]) {
      expect(run.err).not.toContain(name);
    }
  });

  it("counts one error in the singular", async () => {
    const twoColumns = files.write("two-columns.json", {
      groupId: "g",
      columns: { memberId: "Client ID", displayName: "Name" },
    });
    // Row 2 has no name.
    const run = await groupwork(["import-csv", "-", "--mapping", twoColumns], { stdin: "Client ID,Name\n17,\n" });
    expect(run.code).toBe(1);
    expect(linesOf(run.err).at(-1)).toBe(
      "groupwork import-csv: (standard input) has 1 error (listed above); nothing was imported.",
    );
  });
});

describe("a mapping groupwork import-csv cannot use: exit 2, one line", () => {
  const attendanceMapping = {
    groupId: "g",
    timeZone: "America/Chicago",
    columns: { memberId: "PID", date: "Date", status: "Status", sessionStatus: "Held" },
    durationMinutes: 60,
    startTime: "18:00",
    statusCrosswalk: "openEmr",
    sessionStatusCrosswalk: "openEmr",
  };

  it.each([
    [
      "a crosswalk name it does not have",
      () => files.write("epic.json", { ...attendanceMapping, statusCrosswalk: "epic" }),
      'the mapping\'s statusCrosswalk "epic" is not a built-in crosswalk: use openEmr or programManagement',
    ],
    [
      "a session crosswalk name it does not have",
      () => files.write("salesforce.json", { ...attendanceMapping, sessionStatusCrosswalk: "salesforce" }),
      'the mapping\'s sessionStatusCrosswalk "salesforce" is not a built-in crosswalk',
    ],
    [
      "a key the mapping does not take",
      () => files.write("unknown-key.json", { ...attendanceMapping, sheet: 1 }),
      'parseAttendanceCsv: mapping has the key "sheet"',
    ],
    ["a mapping that is not an object", () => files.write("list.json", []), "must be a JSON object"],
    ["a mapping that is null", () => files.write("null.json", "null"), "must be a JSON object"],
    ["a mapping that is not JSON", () => files.write("broken.json", "{groupId: g}"), "is not JSON: "],
  ])("%s", async (_, write, message) => {
    const path = write();
    const run = await groupwork(["import-csv", "-", "--mapping", path, "--kind", "attendance"], {
      stdin: "PID,Date,Status\n",
    });
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toMatch(/^groupwork import-csv: /);
    expect(run.err).toContain(message);
  });

  it("a roster mapping is checked as a roster mapping", async () => {
    const run = await groupwork(["import-csv", "-", "--mapping", mapping("openemr-attendance.json")], {
      stdin: "PID\n",
    });
    expect(run.code).toBe(2);
    expect(run.err).toContain('parseRosterCsv: mapping has the key "timeZone"');
  });

  it("--mapping is required", async () => {
    const run = await groupwork(["import-csv", "file.csv"]);
    expect(run).toMatchObject({ code: 2, err: "groupwork import-csv: --mapping <mapping.json> is required\n" });
  });

  it("a spreadsheet that cannot be read is exit 2", async () => {
    const run = await groupwork(["import-csv", "/no/such.csv", "--mapping", mapping("roster.json")]);
    expect(run.code).toBe(2);
    expect(run.err).toBe('groupwork import-csv: cannot read the spreadsheet "/no/such.csv": there is no such file.\n');
  });
});
