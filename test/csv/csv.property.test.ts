import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  openEmrAttendanceCrosswalk,
  openEmrSessionCrosswalk,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  programManagementSessionCrosswalk,
  type StatusCrosswalk,
} from "../../src/csv/index";
import { exitReasons, facilitationRoles } from "../../src/model/index";

// A CSV writer of the test's own (RFC 4180: every cell quoted, quotes doubled), so what is read back was not written
// by the code under test.
function csvLine(cells: readonly string[]): string {
  return cells.map((cell) => `"${cell.replaceAll('"', '""')}"`).join(",");
}

// Text as a person types it into a cell: not blank, no white space at either end (the import trims cells), and no
// carriage return (a line break inside a cell is written as LF). Commas, quotes and line breaks are all fair.
const cellText = fc
  .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom("a", "Z", "é", " ", ",", '"', "\n", "'", "-", "7") })
  .filter((text) => text.trim() === text && text !== "");
const day = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2039-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

const rosterRow = fc.record({
  displayName: cellText,
  preferredName: fc.option(cellText, { nil: undefined }),
  pronouns: fc.option(cellText, { nil: undefined }),
  preferredLanguage: fc.option(fc.constantFrom("en", "es", "pt-BR", "zh-Hant", "ar"), { nil: undefined }),
  interpreterNeeded: fc.boolean(),
  birthDate: fc.option(day, { nil: undefined }),
  role: fc.constantFrom(...facilitationRoles.codes),
  period: fc.option(
    fc
      .tuple(day, fc.option(day, { nil: undefined }))
      .map(([first, second]) =>
        second === undefined
          ? { start: first }
          : first <= second
            ? { start: first, end: second }
            : { start: second, end: first },
      ),
    { nil: undefined },
  ),
  exitReason: fc.option(fc.constantFrom(...exitReasons.codes), { nil: undefined }),
});

const HEADER = ["Id", "Name", "Preferred", "Pronouns", "Language", "Interpreter", "Born", "Role", "From", "To", "Why"];

describe("a roster written as CSV", () => {
  test.prop([
    fc.uniqueArray(
      fc.tuple(
        cellText.filter((id) => !id.includes("\n")),
        rosterRow,
      ),
      { selector: ([id]) => id, maxLength: 8 },
    ),
  ])("reads back as the members and memberships it was written from", (rows) => {
    const lines = rows.map(([id, row]) =>
      csvLine([
        id,
        row.displayName,
        row.preferredName ?? "",
        row.pronouns ?? "",
        row.preferredLanguage ?? "",
        row.interpreterNeeded ? "yes" : "no",
        row.birthDate ?? "",
        row.role,
        row.period?.start ?? "",
        row.period?.end ?? "",
        row.exitReason ?? "",
      ]),
    );
    const text = `${[csvLine(HEADER), ...lines].join("\r\n")}\r\n`;
    const result = parseRosterCsv(text, {
      groupId: "grp-1",
      columns: {
        memberId: "Id",
        displayName: "Name",
        preferredName: "Preferred",
        pronouns: "Pronouns",
        preferredLanguage: "Language",
        interpreterNeeded: "Interpreter",
        birthDate: "Born",
        role: "Role",
        start: "From",
        end: "To",
        exitReason: "Why",
      },
    });
    const members = rows.map(([id, row]) => ({
      id,
      displayName: row.displayName,
      ...(row.preferredName === undefined ? {} : { preferredName: row.preferredName }),
      ...(row.pronouns === undefined ? {} : { pronouns: row.pronouns }),
      ...(row.preferredLanguage === undefined ? {} : { preferredLanguage: row.preferredLanguage }),
      interpreterNeeded: row.interpreterNeeded,
      accessibilityNeeds: [],
      ...(row.birthDate === undefined ? {} : { birthDate: row.birthDate }),
    }));
    const memberships = rows.map(([id, row]) => ({
      groupId: "grp-1",
      memberId: id,
      role: row.role,
      ...(row.period === undefined ? {} : { period: row.period }),
      inactive: false,
      ...(row.exitReason === undefined ? {} : { exitReason: row.exitReason }),
    }));
    const expected = { members, memberships };
    expect(result.issues).toEqual(rows.length === 0 ? [expect.objectContaining({ code: "no-rows" })] : []);
    expect(result.ok && result.value).toEqual(expected);
  });
});

// A crosswalk is 1:1 where a status and a code map to each other both ways: writing the status and reading it back
// gives the status, and reading the code and writing it back gives the code.
function oneToOne<S extends string>(crosswalk: StatusCrosswalk<S>): [S, string][] {
  return crosswalk.fromModel
    .filter((exported) =>
      crosswalk.toModel.some((imported) => imported.code === exported.code && imported.status === exported.status),
    )
    .map((exported) => [exported.status, exported.code]);
}

const attendanceCrosswalks = [openEmrAttendanceCrosswalk, programManagementAttendanceCrosswalk];
const sessionCrosswalks = [openEmrSessionCrosswalk, programManagementSessionCrosswalk];

describe("the crosswalks", () => {
  test.prop([
    fc.constantFrom(
      ...attendanceCrosswalks.flatMap((crosswalk) => oneToOne(crosswalk).map((pair) => [crosswalk, pair] as const)),
    ),
  ])("round-trip an attendance status where they are 1:1, through a CSV file", ([crosswalk, [status, code]]) => {
    const result = parseAttendanceCsv(`Client,Date,Status\nc-1,2026-02-05,${csvLine([code])}\n`, {
      groupId: "grp-1",
      timeZone: "America/Chicago",
      columns: { memberId: "Client", date: "Date", status: "Status" },
      statusCrosswalk: crosswalk,
      startTime: "18:00",
      durationMinutes: 90,
    });
    expect(result.ok && result.value.attendance[0]?.status).toBe(status);
    expect(crosswalk.fromModel.find((entry) => entry.status === status)?.code).toBe(code);
  });

  test.prop([
    fc.constantFrom(
      ...sessionCrosswalks.flatMap((crosswalk) => oneToOne(crosswalk).map((pair) => [crosswalk, pair] as const)),
    ),
  ])("round-trip a session status where they are 1:1, through a CSV file", ([crosswalk, [status, code]]) => {
    const result = parseAttendanceCsv(
      `Client,Date,Status,Session\nc-1,2026-02-05,${csvLine([code])},${csvLine([code])}\n`,
      {
        groupId: "grp-1",
        timeZone: "America/Chicago",
        columns: { memberId: "Client", date: "Date", status: "Status", sessionStatus: "Session" },
        statusCrosswalk: { toModel: [{ code, label: code, status: "not-recorded", source: "test" }] },
        sessionStatusCrosswalk: crosswalk,
        startTime: "18:00",
        durationMinutes: 90,
      },
    );
    expect(result.ok && result.value.sessions[0]?.status).toBe(status);
  });

  test.prop([fc.constantFrom(...attendanceCrosswalks, ...sessionCrosswalks)])(
    "are 1:1 exactly where fromModel says exact, and every status of ours has one way out",
    (crosswalk: StatusCrosswalk<string>) => {
      const pairs = oneToOne(crosswalk).map(([status]) => status);
      const exact = crosswalk.fromModel.filter((entry) => entry.exact).map((entry) => entry.status);
      expect(pairs).toEqual(exact);
      expect(new Set(crosswalk.fromModel.map((entry) => entry.status)).size).toBe(crosswalk.fromModel.length);
      // An inexact entry says what is lost, and reading its code back gives another status.
      for (const entry of crosswalk.fromModel.filter((item) => !item.exact)) {
        expect(entry.note).toMatch(/\S/);
        expect(crosswalk.toModel.find((imported) => imported.code === entry.code)?.status).not.toBe(entry.status);
      }
    },
  );
});
