// Reading a group record from a file for a command that needs a valid one.
import { formatGroupRecordIssues, type GroupRecord, parseGroupRecord } from "../model/index.js";
import { CommandError, type CommandIo, inputName, readJson } from "./io.js";
import { visible } from "./text.js";

/** A parsed record and how many warnings parsing it gave. */
export interface LoadedRecord {
  readonly record: GroupRecord;
  readonly warnings: number;
}

/** Parses a value as a group record; one that is not valid is a CommandError pointing at `groupwork validate`. */
export function recordFrom(value: unknown, name: string, path: string): LoadedRecord {
  const result = parseGroupRecord(value);
  const warnings = result.issues.filter((issue) => issue.severity === "warning").length;
  if (result.ok) return { record: result.value, warnings };
  const errors = result.issues.filter((issue) => issue.severity === "error");
  const first = formatGroupRecordIssues(errors.slice(0, 1))
    .replace(/^error /, "")
    .replace(/\.$/, "");
  const more = errors.length > 1 ? ` and ${errors.length - 1} more` : "";
  const validate = `; groupwork validate ${visible(path)} lists every one`;
  throw new CommandError(`${name} is not a valid group record: ${first}${more}${validate}`);
}

/** Reads a file (or `-`) and parses it as a group record. */
export async function loadRecord(path: string, io: CommandIo): Promise<LoadedRecord> {
  return recordFrom(await readJson(path, io, "the record"), `the record ${inputName(path)}`, path);
}
