import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CsvImportResult, parseAttendanceCsv, parseRosterCsv } from "../../src/csv/index";
import {
  fullRosterMapping,
  type MalformedCsvCase,
  malformedCsvCases,
  minimalRosterMapping,
  openEmrStyleMapping,
} from "../fixtures/csv/malformed-cases";

const folder = new URL("../fixtures/csv/malformed/", import.meta.url);

function read(testCase: MalformedCsvCase): CsvImportResult<unknown> {
  const text = readFileSync(new URL(testCase.file, folder), "utf8");
  switch (testCase.read) {
    case "minimal-roster":
      return parseRosterCsv(text, minimalRosterMapping);
    case "full-roster":
      return parseRosterCsv(text, fullRosterMapping);
    case "attendance":
      return parseAttendanceCsv(text, openEmrStyleMapping);
  }
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
