// The messages that tell a person which mapping option to change, and the yes/no words a mapping may add.
import { describe, expect, it } from "vitest";
import {
  type AttendanceCsvMapping,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  type RosterCsvMapping,
} from "../../src/csv/index";
import { GroupworkError } from "../../src/model/index";

const roster: RosterCsvMapping = { groupId: "grp-1", columns: { memberId: "Client ID", displayName: "Name" } };

const attendance: AttendanceCsvMapping = {
  groupId: "grp-1",
  timeZone: "America/Chicago",
  columns: { memberId: "Client", date: "Date", status: "Status" },
  statusCrosswalk: programManagementAttendanceCrosswalk,
  startTime: "18:00",
  durationMinutes: 90,
};

function messages(result: { issues: readonly { code: string; message: string }[] }, code: string): string[] {
  return result.issues.filter((issue) => issue.code === code).map((issue) => issue.message);
}

describe("a header delimited otherwise than the mapping says", () => {
  it.each([
    ["semicolons", "Client ID;Name\n1;Ana Souza\n", ",", 'delimited by ";", not ","', 'set mapping.delimiter to ";"'],
    ["tabs", "Client ID\tName\n1\tAna Souza\n", ",", 'delimited by "\\t", not ","', 'set mapping.delimiter to "\\t"'],
    ["bars", "Client ID|Name\n1|Ana Souza\n", ",", 'delimited by "|", not ","', 'set mapping.delimiter to "|"'],
    ["commas", "Client ID,Name\n1,Ana Souza\n", ";", 'delimited by ",", not ";"', 'set mapping.delimiter to ","'],
  ] as const)("names %s on every missing column", (_, text, delimiter, looks, fix) => {
    const result = parseRosterCsv(text, { ...roster, delimiter });
    const missing = messages(result, "missing-column");
    expect(missing).toHaveLength(2);
    for (const message of missing) {
      expect(message).toContain(looks);
      expect(message).toContain(fix);
    }
  });

  it("names the delimiter met most often when the header holds two", () => {
    // Three semicolons and one bar (inside a column's name).
    const result = parseRosterCsv("Client ID;Name;Phone|Mobile;Notes\n", roster);
    expect(messages(result, "missing-column")[0]).toContain('set mapping.delimiter to ";"');
  });

  it("says to check the spelling, and names no delimiter, when the header holds none", () => {
    const result = parseRosterCsv("Client ID,Full Name\n1,Ana Souza\n", roster);
    expect(messages(result, "missing-column")).toEqual([
      'The header has no column "Name", which the mapping reads; check its spelling in the file and in the mapping.',
    ]);
  });
});

describe("a date in another format than the mapping's", () => {
  // 13/02/2026 can only be day 13 of month 2; 02/13/2026 only month 2, day 13; 02/05/2026 is a date either way.
  it.each([
    ["13/02/2026", "YYYY-MM-DD", 'set mapping.dateFormat to "DD/MM/YYYY".'],
    ["02/13/2026", "YYYY-MM-DD", 'set mapping.dateFormat to "MM/DD/YYYY".'],
    ["2/5/2026", "YYYY-MM-DD", 'set mapping.dateFormat to "MM/DD/YYYY" or "DD/MM/YYYY".'],
    ["31/12/1985", "MM/DD/YYYY", 'set mapping.dateFormat to "DD/MM/YYYY".'],
    ["2026-02-05", "DD/MM/YYYY", 'set mapping.dateFormat to "YYYY-MM-DD".'],
  ] as const)("%s read as %s names the format that reads it", (cell, dateFormat, fix) => {
    const result = parseRosterCsv(`Client ID,Name,Joined\n1,Ana Souza,${cell}\n`, {
      ...roster,
      columns: { ...roster.columns, start: "Joined" },
      dateFormat,
    });
    const [message] = messages(result, "invalid-date");
    expect(message).toMatch(new RegExp(`^Row 2, column "Joined" is not a date written ${dateFormat}; `));
    expect(message).toContain(fix);
  });

  it("says a date of the right shape does not exist, and names no other format when none reads it", () => {
    const result = parseRosterCsv("Client ID,Name,Joined\n1,Ana Souza,2026-02-29\n2,Will,32/13/2026\n", {
      ...roster,
      columns: { ...roster.columns, start: "Joined" },
    });
    expect(messages(result, "invalid-date")).toEqual([
      'Row 2, column "Joined" is written YYYY-MM-DD but is not a real date (no such day in the calendar).',
      'Row 3, column "Joined" is not a date written YYYY-MM-DD.',
    ]);
  });

  it("gives the same advice for a session's date", () => {
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,13/02/2026,Present\n", attendance);
    expect(messages(result, "invalid-date")[0]).toContain('set mapping.dateFormat to "DD/MM/YYYY".');
  });
});

describe("yes/no words of the mapping", () => {
  const interpreter: RosterCsvMapping = { ...roster, columns: { ...roster.columns, interpreterNeeded: "Dolmetscher" } };
  const text = "Client ID,Name,Dolmetscher\n1,Ana Souza,Ja\n2,Will,NEIN\n3,Grace Obi,yes\n4,Mei,vielleicht\n";

  it("reads German words added to the English ones, in any case, and still refuses others", () => {
    const result = parseRosterCsv(text, { ...interpreter, yesNo: { yes: ["ja"], no: ["nein"] } });
    expect(result.issues.map((issue) => [issue.code, issue.row])).toEqual([["invalid-value", 5]]);
    expect(result.issues[0]?.message).toContain("yes, y, true, 1, ja (yes) or no, n, false, 0, nein (no)");
    const rows = "1,Ana Souza,ja\n2,Will,Nein\n3,Grace Obi,YES\n";
    const read = parseRosterCsv(`Client ID,Name,Dolmetscher\n${rows}`, {
      ...interpreter,
      yesNo: { yes: ["Ja"], no: ["nein"] },
    });
    expect(read.ok && read.value.members.map((member) => member.interpreterNeeded)).toEqual([true, false, true]);
  });

  it("refuses German words without the option, and says how to add them", () => {
    const result = parseRosterCsv(text, interpreter);
    expect(result.issues.map((issue) => [issue.code, issue.row])).toEqual([
      ["invalid-value", 2],
      ["invalid-value", 3],
      ["invalid-value", 5],
    ]);
    expect(result.issues[0]?.message).toContain("add other words with mapping.yesNo");
  });

  it.each([
    ["a word meaning both", { yes: ["ja", "NO"] }, /reads "no" as both yes and no/],
    ["a list that is not one", { no: "nein" }, /yesNo\.no must be a list/],
    ["a blank word", { yes: [" "] }, /yesNo\.yes\[0\] must be a non-empty word/],
    ["an unknown key", { oui: ["oui"] }, /yesNo/],
  ])("refuses %s with a GroupworkError", (_, yesNo, message) => {
    const call = () => parseRosterCsv(text, { ...interpreter, yesNo: yesNo as RosterCsvMapping["yesNo"] });
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });
});

describe("a crosswalk of one's own", () => {
  it("reads an entry with a blank label by its code only: a blank cell stays missing", () => {
    const result = parseAttendanceCsv("Client,Date,Status\nc-1,2026-02-05,E\nc-2,2026-02-05,\n", {
      ...attendance,
      statusCrosswalk: { toModel: [{ code: "E", label: "", status: "excused", source: "Agency sign-in sheet" }] },
    });
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ["missing-value", 3, "Status"],
    ]);
  });
});
