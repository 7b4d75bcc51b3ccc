import { describe, expect, it } from "vitest";
import {
  type AttendanceCsvMapping,
  openEmrAttendanceCrosswalk,
  openEmrSessionCrosswalk,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  programManagementSessionCrosswalk,
  type RosterCsvMapping,
  type StatusCrosswalk,
} from "../../src/csv/index";
import { GroupworkError } from "../../src/model/index";

const roster: RosterCsvMapping = { groupId: "grp-1", columns: { memberId: "Client ID", displayName: "Name" } };

const attendance: AttendanceCsvMapping = {
  groupId: "grp-1",
  timeZone: "America/Chicago",
  columns: { memberId: "Client", date: "Date", time: "Time", status: "Status" },
  statusCrosswalk: programManagementAttendanceCrosswalk,
  durationMinutes: 90,
};

function codes(result: { issues: readonly { code: string; row: number; column: string | null }[] }) {
  return result.issues.map((issue) => [issue.code, issue.row, issue.column]);
}

describe("reading the file", () => {
  it("reads quoted cells holding commas, doubled quotes and line breaks; the row count is the sheet's", () => {
    const text = 'Client ID,Name\r\n1,"Souza, Ana"\r\n2,"Line\r\nbreak ""quoted"""\r\n,\r\n3,\r\n';
    const result = parseRosterCsv(text, roster);
    // Row 2: Souza; row 3: the two-line cell (one row on the sheet); row 4: only empty cells, passed over; row 5.
    expect(codes(result)).toEqual([["missing-value", 5, "Name"]]);
  });

  it("reads a file with CR line breaks, trims cells, and passes over blank lines in the middle and at the end", () => {
    const result = parseRosterCsv("Client ID , Name\r1 ,  Ana Souza \r\r2,Will\r\r\r", roster);
    expect(result.ok && result.value.members.map((member) => [member.id, member.displayName])).toEqual([
      ["1", "Ana Souza"],
      ["2", "Will"],
    ]);
  });

  it("reads another delimiter when the mapping names it", () => {
    const result = parseRosterCsv("Client ID;Name\n1;Souza, Ana\n", { ...roster, delimiter: ";" });
    expect(result.ok && result.value.members[0]?.displayName).toBe("Souza, Ana");
  });

  it("refuses a file of more than 1,000,000 data rows with one issue, and reads one of exactly 1,000,000", () => {
    const tooLong = `Client ID,Name\n${"1,A\n".repeat(1_000_001)}`;
    expect(codes(parseRosterCsv(tooLong, roster))).toEqual([["too-many-rows", 1_000_002, null]]);
    // A row of one cell is a ragged row: cheap to report, so every one of the 1,000,000 rows is seen to be read.
    const longest = parseRosterCsv(`Client ID,Name\n${"1\n".repeat(1_000_000)}`, roster);
    expect(longest.issues.length).toBe(1_000_000);
    expect(longest.issues.at(-1)).toMatchObject({ code: "ragged-row", row: 1_000_001 });
  }, 60_000);
});

describe("parseRosterCsv", () => {
  it("gives a person on two rows one member and two memberships, in row order", () => {
    const text = "Client ID,Name,From,To,Why\n1,Ana,2026-01-08,2026-02-05,other\n2,Will,,,\n1,Ana,2026-03-05,,\n";
    const result = parseRosterCsv(text, {
      groupId: "grp-1",
      columns: { memberId: "Client ID", displayName: "Name", start: "From", end: "To", exitReason: "Why" },
    });
    if (!result.ok) throw new Error("should import");
    expect(result.value.members.map((member) => member.id)).toEqual(["1", "2"]);
    expect(result.value.memberships.map((membership) => [membership.memberId, membership.period])).toEqual([
      ["1", { start: "2026-01-08", end: "2026-02-05" }],
      ["2", undefined],
      ["1", { start: "2026-03-05" }],
    ]);
  });

  it("reads DD/MM/YYYY and MM/DD/YYYY, one-digit parts included, and refuses a date that does not exist", () => {
    const columns = { memberId: "Client ID", displayName: "Name", start: "Start" };
    const text = "Client ID,Name,Start\n1,Ana,8/3/2026\n2,Will,31/4/2026\n";
    const british = parseRosterCsv(text, { groupId: "g", columns, dateFormat: "DD/MM/YYYY" });
    // 31 April does not exist: refused, never rolled over into 1 May.
    expect(codes(british)).toEqual([["invalid-date", 3, "Start"]]);
    const american = parseRosterCsv("Client ID,Name,Start\n1,Ana,8/3/2026\n", {
      groupId: "g",
      columns,
      dateFormat: "MM/DD/YYYY",
    });
    expect(american.ok && american.value.memberships[0]?.period).toEqual({ start: "2026-08-03" });
  });

  it("reads every spelling of yes and no", () => {
    const cells = ["yes", "No", "Y", "n", "TRUE", "false", "1", "0"];
    const text = `Client ID,Name,Interpreter\n${cells.map((cell, index) => `${index},P${index},${cell}`).join("\n")}\n`;
    const result = parseRosterCsv(text, {
      groupId: "g",
      columns: { memberId: "Client ID", displayName: "Name", interpreterNeeded: "Interpreter" },
    });
    expect(result.ok && result.value.members.map((member) => member.interpreterNeeded)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
    ]);
  });

  it("gives a blank role the mapping's default role", () => {
    const result = parseRosterCsv("Client ID,Name,Role\n1,Ana,\n", {
      groupId: "g",
      columns: { memberId: "Client ID", displayName: "Name", role: "Role" },
      defaultRole: "observer",
    });
    expect(result.ok && result.value.memberships[0]?.role).toBe("observer");
  });
});

describe("parseAttendanceCsv", () => {
  it("reads 02:30 on 8 March 2026 in Chicago, which the clocks skip, as 03:30 CDT, with a warning", () => {
    const result = parseAttendanceCsv("Client,Date,Time,Status\nc-1,2026-03-08,02:30,Present\n", attendance);
    expect(codes(result)).toEqual([["nonexistent-local-time", 2, "Time"]]);
    // 02:30 CST (UTC-6) is 08:30 UTC, which the clocks show as 03:30 CDT (UTC-5).
    expect(result.ok && result.value.sessions[0]?.scheduledStart).toBe("2026-03-08T03:30:00-05:00");
  });

  it("reads 01:30 on 1 November 2026 in Chicago, which the clocks pass twice, as the first (CDT), with a warning", () => {
    const result = parseAttendanceCsv("Client,Date,Time,Status\nc-1,2026-11-01,1:30 AM,Present\n", attendance);
    expect(codes(result)).toEqual([["ambiguous-local-time", 2, "Time"]]);
    expect(result.ok && result.value.sessions[0]?.scheduledStart).toBe("2026-11-01T01:30:00-05:00");
  });

  it("reads the hour either side of the change without a warning", () => {
    const text = "Client,Date,Time,Status\nc-1,2026-03-08,01:59,Present\nc-1,2026-03-08 ,3:00 AM,Present\n";
    const result = parseAttendanceCsv(text, attendance);
    expect(codes(result)).toEqual([["conflicting-rows", 3, "Time"]]);
    const apart = parseAttendanceCsv("Client,Date,Time,Status\nc-1,2026-03-08,3:00 AM,Present\n", attendance);
    expect(apart.ok && apart.value.sessions[0]?.scheduledStart).toBe("2026-03-08T03:00:00-05:00");
  });

  it("leaves out, each with a warning, the rows of a session that did not take place, and keeps the session", () => {
    const text = "Client,Date,Status,Took place\nc-1,2026-02-05,Present,Complete\nc-1,2026-02-12,,Canceled\n";
    const result = parseAttendanceCsv(text, {
      ...attendance,
      columns: { memberId: "Client", date: "Date", status: "Status", sessionStatus: "Took place" },
      sessionStatusCrosswalk: programManagementSessionCrosswalk,
      startTime: "6:00 PM",
    });
    expect(codes(result)).toEqual([["row-for-session-not-held", 3, "Status"]]);
    if (!result.ok) throw new Error("should import");
    expect(result.value.sessions.map((session) => [session.id, session.status])).toEqual([
      ["2026-02-05", "held"],
      ["2026-02-12", "cancelled"],
    ]);
    expect(result.value.attendance).toEqual([{ sessionId: "2026-02-05", memberId: "c-1", status: "present" }]);
  });

  it("reads a cell as the crosswalk's code, its label, or both, in any case", () => {
    const cells = ["@", "attended", "@ Attended", "~  LATE ARRIVAL", "x"];
    const text = `Client,Date,Status\n${cells.map((cell, index) => `c-${index},2026-02-05,${cell}`).join("\n")}\n`;
    const result = parseAttendanceCsv(text, {
      ...attendance,
      columns: { memberId: "Client", date: "Date", status: "Status" },
      statusCrosswalk: openEmrAttendanceCrosswalk,
      startTime: "18:00",
    });
    expect(result.ok && result.value.attendance.map((record) => record.status)).toEqual([
      "present",
      "present",
      "present",
      "late",
      "excused",
    ]);
  });

  it("reads through a crosswalk of the host's own", () => {
    const custom: Pick<StatusCrosswalk<"present" | "absent">, "toModel"> = {
      toModel: [
        { code: "P", label: "Here", status: "present", source: "Agency attendance sheet, 2026" },
        { code: "A", label: "Away", status: "absent", source: "Agency attendance sheet, 2026" },
      ],
    };
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,2026-02-05,Away\n", {
      ...attendance,
      columns: { memberId: "Client", date: "Date", status: "Status" },
      statusCrosswalk: custom,
      startTime: "18:00",
    });
    expect(result.ok && result.value.attendance[0]?.status).toBe("absent");
  });

  it("numbers sessions by start, whatever the row order, and writes the mapping's length and mode", () => {
    const text = "Client,Date,Status\nc-1,2026-02-19,Present\nc-1,2026-02-05,Present\nc-1,2026-02-12,Present\n";
    const result = parseAttendanceCsv(text, {
      ...attendance,
      columns: { memberId: "Client", date: "Date", status: "Status" },
      startTime: "18:00",
      durationMinutes: 75,
      mode: "virtual",
    });
    expect(
      result.ok &&
        result.value.sessions.map((session) => [session.sequence, session.id, session.durationMinutes, session.mode]),
    ).toEqual([
      [1, "2026-02-05", 75, "virtual"],
      [2, "2026-02-12", 75, "virtual"],
      [3, "2026-02-19", 75, "virtual"],
    ]);
  });
});

describe("times of day", () => {
  it("writes a zone east of UTC with its offset, and takes the mapping's start time for a blank time cell", () => {
    const text = "Client,Date,Time,Status\nc-1,2026-02-05,,Present\nc-1,2026-02-12,7:15 pm,Present\n";
    const result = parseAttendanceCsv(text, { ...attendance, timeZone: "Asia/Kolkata", startTime: "6:00 AM" });
    expect(result.ok && result.value.sessions.map((session) => session.scheduledStart)).toEqual([
      "2026-02-05T06:00:00+05:30",
      "2026-02-12T19:15:00+05:30",
    ]);
  });

  it("writes a local mean time offset, which has seconds, in UTC", () => {
    // New York kept local mean time, UTC-4:56:02, until 18 November 1883: noon there was 16:56:02 UTC.
    const result = parseAttendanceCsv("Client,Date,Time,Status\nc-1,1850-01-01,12:00,Present\n", {
      ...attendance,
      timeZone: "America/New_York",
    });
    expect(result.ok && result.value.sessions[0]?.scheduledStart).toBe("1850-01-01T16:56:02Z");
  });

  it("reports a blank time when the mapping gives no start time, and gives sessions the default status", () => {
    const result = parseAttendanceCsv("Client,Date,Time,Status\nc-1,2026-02-05,,Present\n", attendance);
    expect(codes(result)).toEqual([["missing-value", 2, "Time"]]);
    const held = parseAttendanceCsv("Client,Date,Time,Status\nc-1,2026-02-05,18:00,\n", {
      ...attendance,
      defaultSessionStatus: "scheduled",
    });
    expect(held.ok && [held.value.sessions[0]?.status, held.value.attendance[0]?.status]).toEqual([
      "scheduled",
      "not-recorded",
    ]);
  });
});

describe("arguments the types forbid", () => {
  const cases: [string, () => unknown, RegExp][] = [
    ["text that is not text", () => parseRosterCsv(42 as unknown as string, roster), /text must be the file's/],
    ["a mapping that is not an object", () => parseRosterCsv("", null as unknown as RosterCsvMapping), /mapping/],
    [
      "an unknown mapping key",
      () => parseRosterCsv("", { ...roster, ignoreColumn: [] } as unknown as RosterCsvMapping),
      /"ignoreColumn"/,
    ],
    [
      "a required column left out",
      () => parseRosterCsv("", { groupId: "g", columns: { memberId: "Id" } } as unknown as RosterCsvMapping),
      /columns\.displayName .*required/,
    ],
    [
      "an unknown column key",
      () => parseRosterCsv("", { ...roster, columns: { ...roster.columns, phone: "Phone" } } as RosterCsvMapping),
      /"phone"/,
    ],
    [
      "a date format the import does not read",
      () => parseRosterCsv("", { ...roster, dateFormat: "YYYY/MM/DD" as "YYYY-MM-DD" }),
      /dateFormat/,
    ],
    ["an unknown role", () => parseRosterCsv("", { ...roster, defaultRole: "lead" as "member" }), /defaultRole/],
    ["a blank group id", () => parseRosterCsv("", { ...roster, groupId: " " }), /groupId/],
    [
      "ignoreColumns that is not a list",
      () => parseRosterCsv("", { ...roster, ignoreColumns: "Phone" as unknown as string[] }),
      /ignoreColumns must be a list/,
    ],
    [
      "an ignored column that is not text",
      () => parseRosterCsv("", { ...roster, ignoreColumns: [3] as unknown as string[] }),
      /ignoreColumns\[0\]/,
    ],
    [
      "a delimiter spreadsheets do not write",
      () => parseRosterCsv("", { ...roster, delimiter: ":" as "," }),
      /delimiter/,
    ],
    [
      "attendance text that is not text",
      () => parseAttendanceCsv(null as unknown as string, attendance),
      /text must be/,
    ],
    ["an unknown session mode", () => parseAttendanceCsv("", { ...attendance, mode: "online" as "virtual" }), /mode/],
    [
      "a crosswalk entry that is not an object",
      () =>
        parseAttendanceCsv("", {
          ...attendance,
          statusCrosswalk: {
            toModel: [null as unknown as { code: string; label: string; status: "absent"; source: string }],
          },
        }),
      /toModel\[0\] must be an object/,
    ],
    [
      "a crosswalk entry without a label",
      () =>
        parseAttendanceCsv("", {
          ...attendance,
          statusCrosswalk: {
            toModel: [
              { code: "A", status: "absent", source: "s" } as unknown as {
                code: string;
                label: string;
                status: "absent";
                source: string;
              },
            ],
          },
        }),
      /code and a label/,
    ],
    ["an offset for a time zone", () => parseAttendanceCsv("", { ...attendance, timeZone: "-06:00" }), /timeZone/],
    [
      "no start time and no time column",
      () => parseAttendanceCsv("", { ...attendance, columns: { memberId: "C", date: "D", status: "S" } }),
      /startTime/,
    ],
    ["a start time that is not one", () => parseAttendanceCsv("", { ...attendance, startTime: "6pm" }), /startTime/],
    [
      "a length that is not whole minutes",
      () => parseAttendanceCsv("", { ...attendance, durationMinutes: 1.5 }),
      /durationMinutes/,
    ],
    [
      "a session status column without its crosswalk",
      () => parseAttendanceCsv("", { ...attendance, columns: { ...attendance.columns, sessionStatus: "S" } }),
      /sessionStatusCrosswalk/,
    ],
    [
      "a crosswalk that is not one",
      () =>
        parseAttendanceCsv("", { ...attendance, statusCrosswalk: "openemr" as unknown as StatusCrosswalk<"present"> }),
      /statusCrosswalk/,
    ],
    [
      "a crosswalk reading one spelling two ways",
      () =>
        parseAttendanceCsv("", {
          ...attendance,
          statusCrosswalk: {
            toModel: [
              { code: "A", label: "Absent", status: "absent", source: "s" },
              { code: "a", label: "Away", status: "excused", source: "s" },
            ],
          },
        }),
      /"a" as "excused"/,
    ],
    [
      "a crosswalk status outside the vocabulary",
      () =>
        parseAttendanceCsv("", {
          ...attendance,
          statusCrosswalk: { toModel: [{ code: "T", label: "Tardy", status: "tardy" as "late", source: "s" }] },
        }),
      /toModel\[0\]\.status/,
    ],
  ];
  it.each(cases)("refuses %s with a GroupworkError naming it", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });

  it("leaves the crosswalks frozen, so a program cannot change them by accident", () => {
    for (const crosswalk of [openEmrAttendanceCrosswalk, openEmrSessionCrosswalk, programManagementSessionCrosswalk]) {
      expect(Object.isFrozen(crosswalk)).toBe(true);
      expect(Object.isFrozen(crosswalk.toModel)).toBe(true);
      expect(crosswalk.toModel.every((entry) => Object.isFrozen(entry))).toBe(true);
      expect(crosswalk.fromModel.every((entry) => Object.isFrozen(entry) && entry.source !== "")).toBe(true);
    }
  });
});
