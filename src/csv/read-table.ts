import Papa from "papaparse";
import { CSV_DELIMITERS, type CsvIssue, csvError, csvWarning } from "./read-types.js";

// Reads CSV text into rows of named cells with papaparse, and reports what is wrong with the file as a whole: no
// header, quotes that do not close, a row with more or fewer cells than the header, a header that names a column
// twice or lacks a mapped one, and columns that nobody mapped (a warning, so no column is dropped unnoticed).

/**
 * The most rows below the header one import reads (the last may be row 1,000,001 of the sheet); a longer file is
 * refused rather than read half-way.
 */
export const MAX_ROWS = 1_000_000;

/** A data row: its number as a spreadsheet shows it (the header is row 1), and its cells by header name, trimmed. */
export interface CsvRow {
  readonly row: number;
  readonly cells: ReadonlyMap<string, string>;
}

/** What {@link readTable} needs to know about the mapping. */
export interface TableShape {
  /** The header names the mapping reads. */
  readonly mapped: readonly string[];
  /** The header names the mapping says to leave out. */
  readonly ignored: readonly string[];
  /** The character between cells. */
  readonly delimiter: string;
}

/**
 * The rows that can be read, or `null` when the file cannot be read as a table at all (empty, too long, or a header
 * that names a column twice or lacks a mapped one), with the problems found. A row with the wrong number of cells or
 * a quote that does not close is reported and left out of `rows`, so the other rows are still checked.
 */
export interface Table {
  readonly rows: readonly CsvRow[] | null;
  readonly issues: readonly CsvIssue[];
}

/** Whether a row has nothing in it: a blank line, or only empty cells (spreadsheets write both). */
function isBlank(cells: readonly string[]): boolean {
  return cells.every((cell) => cell.trim() === "");
}

/**
 * Reads CSV text into named rows. A byte order mark is removed; line breaks may be CRLF, LF or CR; quoted cells may
 * hold the delimiter, quotes (doubled) and line breaks. Rows with nothing in them are passed over, because they hold no
 * data to lose. Cells are trimmed of surrounding white space.
 */
export function readTable(text: string, shape: TableShape): Table {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  if (body.trim() === "") {
    return { rows: null, issues: [csvError("empty-file", 1, null, "The file is empty; it needs a header row.")] };
  }
  // One row more than allowed (plus the header) is enough to know the file is too long, without reading all of it.
  const parsed = Papa.parse<string[]>(body, { header: false, delimiter: shape.delimiter, preview: MAX_ROWS + 2 });
  // A final line break leaves one empty record behind it: it is the end of the last row, not a row.
  const records = parsed.data.at(-1)?.join("") === "" ? parsed.data.slice(0, -1) : parsed.data;
  const issues: CsvIssue[] = [];
  // Rows are counted as the sheet numbers them, blank ones included: the last may be row 1,000,001.
  if (records.length > MAX_ROWS + 1) {
    issues.push(
      csvError(
        "too-many-rows",
        MAX_ROWS + 2,
        null,
        `The file has more than ${MAX_ROWS.toLocaleString("en-US")} data rows; split it and import each part.`,
      ),
    );
    return { rows: null, issues };
  }
  // Rows whose quotes papaparse could not close hold cells it had to guess at: reported, and not read further.
  const unreadable = new Set<number>();
  for (const problem of parsed.errors) {
    if (problem.type !== "Quotes") continue;
    const row = (problem.row ?? 0) + 1;
    // papaparse may report one row's quotes more than once; the row is one problem.
    if (unreadable.has(row)) continue;
    unreadable.add(row);
    issues.push(
      csvError(
        "malformed-quotes",
        row,
        null,
        `Row ${row} has a quote that does not close, or text after a closing quote; a cell that holds a quote must be wrapped in quotes and the quote doubled ("").`,
      ),
    );
  }
  const header = (records[0] ?? []).map((name) => name.trim());
  const problemsWithHeader = headerIssues(header, shape);
  issues.push(...problemsWithHeader);
  // A header that names a column twice or lacks a mapped one leaves no cell with a known meaning: no row is read.
  if (problemsWithHeader.some((issue) => issue.severity === "error") || unreadable.has(1)) {
    return { rows: null, issues: inRowOrder(issues) };
  }
  const rows: CsvRow[] = [];
  for (let index = 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    const row = index + 1;
    if (isBlank(cells) || unreadable.has(row)) continue;
    if (cells.length !== header.length) {
      issues.push(
        csvError(
          "ragged-row",
          row,
          null,
          `Row ${row} has ${cells.length} ${cells.length === 1 ? "cell" : "cells"} but the header has ${header.length}; a cell holding the delimiter must be quoted, and every row needs a cell for every column.`,
        ),
      );
      continue;
    }
    const named = new Map<string, string>();
    header.forEach((name, column) => {
      if (!named.has(name)) named.set(name, (cells[column] ?? "").trim());
    });
    rows.push({ row, cells: named });
  }
  if (rows.length === 0 && !issues.some((issue) => issue.severity === "error")) {
    issues.push(csvWarning("no-rows", 1, null, "The file has a header but no data rows."));
  }
  return { rows, issues: inRowOrder(issues) };
}

/** Issues sorted by row; those of one row keep the order they were found in. */
function inRowOrder(issues: CsvIssue[]): CsvIssue[] {
  return issues.sort((first, second) => first.row - second.row);
}

function headerIssues(header: readonly string[], shape: TableShape): CsvIssue[] {
  const issues: CsvIssue[] = [];
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (seen.has(name)) {
      issues.push(
        csvError(
          "duplicate-column",
          1,
          name,
          `The header names the column ${JSON.stringify(name)} more than once (again in column ${index + 1}); give each column its own name.`,
        ),
      );
    }
    seen.add(name);
    if (shape.mapped.includes(name) || shape.ignored.includes(name)) return;
    issues.push(
      csvWarning(
        "unmapped-column",
        1,
        name,
        name === ""
          ? `Column ${index + 1} has no name and the mapping does not read it; name it, or list "" in ignoreColumns.`
          : `The mapping does not read the column ${JSON.stringify(name)}; map it, or list it in ignoreColumns.`,
      ),
    );
  });
  const hint = delimiterHint(header, shape.delimiter);
  for (const name of new Set(shape.mapped)) {
    if (seen.has(name)) continue;
    issues.push(
      csvError(
        "missing-column",
        1,
        name,
        `The header has no column ${JSON.stringify(name)}, which the mapping reads; ${hint ?? "check its spelling in the file and in the mapping."}`,
      ),
    );
  }
  return issues;
}

/**
 * What to do when the header cells hold another delimiter than the mapping's: a file of `;` read with `,` has one
 * header cell, `Id;Name`, and lacks every mapped column. The delimiter met most often in the header is named; `null`
 * when the header holds none.
 */
function delimiterHint(header: readonly string[], delimiter: string): string | null {
  const text = header.join("");
  let likely: string | null = null;
  let most = 0;
  for (const candidate of CSV_DELIMITERS) {
    const count = text.split(candidate).length - 1;
    if (candidate === delimiter || count <= most) continue;
    likely = candidate;
    most = count;
  }
  if (likely === null) return null;
  const shown = JSON.stringify(likely);
  return `the header looks delimited by ${shown}, not ${JSON.stringify(delimiter)}: set mapping.delimiter to ${shown}.`;
}
