import { describe, expect, it } from "vitest";
import {
  type AttendanceCsvMapping,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  type RosterCsvMapping,
} from "../../src/csv/index";
import { GroupworkError } from "../../src/model/index";

const roster: RosterCsvMapping = {
  groupId: "grp-1",
  columns: { memberId: "Client ID", displayName: "Name", start: "From", end: "To" },
};

const attendance: AttendanceCsvMapping = {
  groupId: "grp-1",
  timeZone: "Pacific/Apia",
  columns: { memberId: "Client", date: "Date", status: "Status" },
  statusCrosswalk: programManagementAttendanceCrosswalk,
  startTime: "00:00",
  durationMinutes: 60,
};

/** The message of what `run` threw, when it is a GroupworkError; the test fails otherwise. */
function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GroupworkError);
    return (error as Error).message;
  }
  throw new Error("expected a GroupworkError, but nothing was thrown");
}

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe("a mapping that cannot be read", () => {
  it("is refused naming the field that could not be read", () => {
    expect(refusal(() => parseRosterCsv("Client ID,Name\n", { ...roster, columns: revoked() } as never))).toMatch(
      /^parseRosterCsv: mapping\.columns could not be read/,
    );
    const ignoreGetter = Object.defineProperty({ ...roster }, "ignoreColumns", {
      enumerable: true,
      get: () => {
        throw new TypeError("host getter");
      },
    });
    expect(refusal(() => parseRosterCsv("Client ID,Name\n", ignoreGetter))).toMatch(
      /^parseRosterCsv: mapping\.ignoreColumns could not be read/,
    );
    const entry = Object.defineProperty({ code: "P", status: "present", source: "Sign-in sheet" }, "label", {
      enumerable: true,
      get: () => {
        throw new TypeError("host getter");
      },
    });
    expect(
      refusal(() => parseAttendanceCsv("a", { ...attendance, statusCrosswalk: { toModel: [entry] } } as never)),
    ).toMatch(/^parseAttendanceCsv: mapping\.statusCrosswalk\.toModel\[0\] could not be read/);
  });

  it("refuses a list of 2^32 - 1 holes at its first item, at once", () => {
    const holes: unknown[] = [];
    holes.length = 2 ** 32 - 1;
    expect(refusal(() => parseRosterCsv("Client ID,Name\n", { ...roster, ignoreColumns: holes as string[] }))).toBe(
      "parseRosterCsv: mapping.ignoreColumns[0] must be a column name (text); got undefined.",
    );
    expect(
      refusal(() => parseAttendanceCsv("a", { ...attendance, statusCrosswalk: { toModel: holes } } as never)),
    ).toBe("parseAttendanceCsv: mapping.statusCrosswalk.toModel[0] must be an object; got undefined.");
    // Walking the list item by item would take minutes, past the test's timeout.
  });
});

describe("rows of one person whose memberships overlap", () => {
  const issuesOf = (text: string) =>
    parseRosterCsv(`Client ID,Name,From,To\n${text}`, roster).issues.map((issue) => [
      issue.code,
      issue.row,
      issue.column,
    ]);

  it("are an error at the later row, on its start, when one starts the day the other ends (both days count)", () => {
    expect(issuesOf("c-1,Ana Souza,2026-01-08,2026-02-05\nc-1,Ana Souza,2026-02-05,\n")).toEqual([
      ["overlapping-memberships", 3, "From"],
    ]);
  });

  it("are not, when one starts the day after the other ends", () => {
    expect(issuesOf("c-1,Ana Souza,2026-01-08,2026-02-04\nc-1,Ana Souza,2026-02-05,\n")).toEqual([]);
  });

  it("are, when a row has no dates: that membership lasts the group's whole life", () => {
    expect(issuesOf("c-1,Ana Souza,2026-01-08,2026-02-04\nc-1,Ana Souza,,\n")).toEqual([
      ["overlapping-memberships", 3, "From"],
    ]);
  });

  it("are compared with the membership reaching furthest, not only the one before", () => {
    // Row 3 lies inside row 2 (January to June); row 4 starts in March, still inside row 2.
    expect(
      issuesOf("c-1,Ana Souza,2026-01-01,2026-06-30\nc-1,Ana Souza,2026-02-01,2026-02-28\nc-1,Ana Souza,2026-03-01,\n"),
    ).toEqual([
      ["overlapping-memberships", 3, "From"],
      ["overlapping-memberships", 4, "From"],
    ]);
  });
});

describe("a session start that cannot be written", () => {
  it("is an error on the Date cell that names the date", () => {
    // Pacific/Apia kept local mean time, +12:33:04, until 1892 (IANA tz database, australasia): midnight on
    // 0000-01-01 there is 11:26:56 UTC on the day before, in year -1, which no instant field holds.
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,0000-01-01,Present\n", attendance);
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([["invalid-date", 2, "Date"]]);
    expect(result.issues[0]?.message).toContain("0000-01-01");
  });

  it("is read, written in UTC, a day later", () => {
    // Midnight on 0000-01-02 at +12:33:04 is 24:00 - 12:33:04 = 11:26:56 UTC on 0000-01-01.
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,0000-01-02,Present\n", attendance);
    expect(result.ok && result.value.sessions.map((session) => session.scheduledStart)).toEqual([
      "0000-01-01T11:26:56Z",
    ]);
  });
});
