import { readdirSync, readFileSync } from "node:fs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { type CsvImportResult, parseAttendanceCsv, parseRosterCsv, type RosterCsvMapping } from "../../src/csv/index";
import {
  fullRosterMapping,
  type MalformedCsvCase,
  malformedCsvCases,
  minimalRosterMapping,
  openEmrStyleMapping,
  personalRosterMapping,
} from "../fixtures/csv/malformed-cases";

const folder = new URL("../fixtures/csv/malformed/", import.meta.url);

function textOf(testCase: MalformedCsvCase): string {
  return readFileSync(new URL(testCase.file, folder), "utf8");
}

const rosterMappings: Record<Exclude<MalformedCsvCase["read"], "attendance">, RosterCsvMapping> = {
  "minimal-roster": minimalRosterMapping,
  "full-roster": fullRosterMapping,
  "personal-roster": personalRosterMapping,
};

function read(testCase: MalformedCsvCase): CsvImportResult<unknown> {
  return testCase.read === "attendance"
    ? parseAttendanceCsv(textOf(testCase), openEmrStyleMapping)
    : parseRosterCsv(textOf(testCase), rosterMappings[testCase.read]);
}

/**
 * Every non-blank cell, in a column holding a person's own details (name, preferred name, pronouns, birth date), of
 * the file as papaparse reads it on its own, guessing the delimiter: not as the import reads it.
 */
function personalCells(testCase: MalformedCsvCase): string[] {
  if (testCase.read === "attendance") return [];
  const { displayName, preferredName, pronouns, birthDate } = rosterMappings[testCase.read].columns;
  const personal = [displayName, preferredName, pronouns, birthDate].filter((name) => name !== undefined);
  const [header = [], ...rows] = Papa.parse<string[]>(textOf(testCase).replace(/^\uFEFF/, "")).data;
  const indexes = header.flatMap((name, index) => (personal.includes(name.trim()) ? [index] : []));
  return rows.flatMap((cells) => indexes.map((index) => (cells[index] ?? "").trim())).filter((cell) => cell !== "");
}

describe("malformed CSV files", () => {
  it("has at least 20 files, each with its expected issues and no expectation without a file", () => {
    const files = readdirSync(folder).filter((name) => name.endsWith(".csv"));
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(malformedCsvCases.map((testCase) => testCase.file).sort()).toEqual(files.sort());
  });

  it.each(malformedCsvCases.map((testCase) => [testCase.file, testCase] as const))("%s", (_, testCase) => {
    const result = read(testCase);
    expect(result.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual(testCase.issues);
    expect(result.ok).toBe(testCase.ok);
    // Every issue is a sentence that names where it is.
    for (const issue of result.issues) {
      expect(issue.message).toMatch(/^[A-Z].*[.)]$/s);
      if (issue.row > 1) expect(issue.message).toContain(`Row ${issue.row}`);
    }
  });
});

describe("messages about malformed files", () => {
  const cases = malformedCsvCases.map((testCase) => [testCase.file, testCase, personalCells(testCase)] as const);

  it("are checked against the personal cells of the files, those of rows with problems included", () => {
    const all = cases.flatMap(([, , cells]) => cells);
    expect(all.length).toBeGreaterThanOrEqual(60);
    // Rows 2, 3, 6, 8 and 11 of the file with every personal column: a bad birth date, a preferred name, pronouns
    // and a birth date that differ from the person's first row.
    expect(all).toEqual(expect.arrayContaining(["1990-02-30", "31/12/1985", "Tomek", "she/they", "1950-03-04"]));
  });

  it.each(cases)(
    "%s: no message copies a name, preferred name, pronouns or birth date from the file",
    (_, testCase, cells) => {
      for (const issue of read(testCase).issues) {
        for (const cell of cells) expect(issue.message).not.toContain(cell);
      }
    },
  );
});
