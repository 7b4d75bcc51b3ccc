// groupwork import-csv <file.csv | -> --mapping <mapping.json> [--kind roster|attendance]
import {
  type AttendanceCsvMapping,
  type CsvIssue,
  openEmrAttendanceCrosswalk,
  openEmrSessionCrosswalk,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  programManagementSessionCrosswalk,
  type RosterCsvMapping,
} from "../../csv/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, readJson, readText, writeJson } from "../io.js";
import { oneLine, plural, quoted } from "../text.js";

/** Built-in crosswalks a JSON mapping may name instead of spelling them out. */
const namedCrosswalks = {
  statusCrosswalk: { openEmr: openEmrAttendanceCrosswalk, programManagement: programManagementAttendanceCrosswalk },
  sessionStatusCrosswalk: { openEmr: openEmrSessionCrosswalk, programManagement: programManagementSessionCrosswalk },
} as const;

function withNamedCrosswalks(mapping: unknown, path: string): unknown {
  if (typeof mapping !== "object" || mapping === null || Array.isArray(mapping)) {
    throw new CommandError(`the mapping ${inputName(path)} must be a JSON object`);
  }
  const copy: Record<string, unknown> = { ...mapping };
  for (const [key, named] of Object.entries(namedCrosswalks)) {
    const value = copy[key];
    if (typeof value !== "string") continue;
    const crosswalk = Object.hasOwn(named, value) ? (named as Record<string, unknown>)[value] : undefined;
    if (crosswalk === undefined) {
      throw new CommandError(
        `the mapping's ${key} ${quoted(value)} is not a built-in crosswalk: use openEmr or programManagement`,
      );
    }
    copy[key] = crosswalk;
  }
  return copy;
}

function describe(issue: CsvIssue): string {
  const column = issue.column === null ? "" : `, column ${quoted(issue.column)}`;
  return `${issue.severity} ${issue.code} at row ${issue.row}${column}: ${issue.message}`;
}

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  const [path = "-"] = positionals;
  const mappingPath = values["mapping"];
  if (typeof mappingPath !== "string") throw new CommandError("--mapping <mapping.json> is required");
  if (path === "-" && mappingPath === "-") throw new CommandError("standard input (-) can be read only once");
  const mapping = withNamedCrosswalks(await readJson(mappingPath, io, "the mapping"), mappingPath);
  const text = await readText(path, io, "the spreadsheet");
  const result =
    values["kind"] === "attendance"
      ? parseAttendanceCsv(text, mapping as AttendanceCsvMapping)
      : parseRosterCsv(text, mapping as RosterCsvMapping);
  // A column's name is quoted from the header, which may hold a line break or a control character: one line each.
  for (const issue of result.issues) io.err(`${oneLine(describe(issue))}\n`);
  if (!result.ok) {
    const errors = result.issues.filter((issue) => issue.severity === "error").length;
    io.err(
      `groupwork import-csv: ${inputName(path)} has ${plural(errors, "error")} (listed above); nothing was imported.\n`,
    );
    return 1;
  }
  writeJson(io, result.value);
  return 0;
}
