// Reading a group record from a file for a command that needs a valid one.
import {
  formatGroupRecordIssues,
  type GroupRecord,
  type ParseGroupRecordOptions,
  parseGroupRecord,
} from "../model/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, readJson } from "./io.js";
import { visible } from "./text.js";

/** A parsed record and how many warnings parsing it gave. */
export interface LoadedRecord {
  readonly record: GroupRecord;
  readonly warnings: number;
}

/**
 * parseGroupRecord's options from a command's `--unknown-fields error|warn` (the dispatcher has checked the value):
 * the library's default, `error`, when the option is not given.
 */
export function parseOptions(values: CommandArgs["values"]): ParseGroupRecordOptions {
  return { unknownFields: values["unknown-fields"] === "warn" ? "warn" : "error" };
}

/** Parses a value as a group record; one that is not valid is a CommandError pointing at `groupwork validate`. */
export function recordFrom(
  value: unknown,
  name: string,
  path: string,
  options: ParseGroupRecordOptions = {},
): LoadedRecord {
  const result = parseGroupRecord(value, options);
  const warnings = result.issues.filter((issue) => issue.severity === "warning").length;
  if (result.ok) return { record: result.value, warnings };
  const errors = result.issues.filter((issue) => issue.severity === "error");
  const first = formatGroupRecordIssues(errors.slice(0, 1))
    .replace(/^error /, "")
    .replace(/\.$/, "");
  const more = errors.length > 1 ? ` and ${errors.length - 1} more` : "";
  // The same reading of unknown fields, so that validate lists the problems this parse found.
  const mode = options.unknownFields === "warn" ? " --unknown-fields warn" : "";
  const validate = `; groupwork validate ${visible(path)}${mode} lists every one`;
  throw new CommandError(`${name} is not a valid group record: ${first}${more}${validate}`);
}

/** Reads a file (or `-`) and parses it as a group record. */
export async function loadRecord(
  path: string,
  io: CommandIo,
  options: ParseGroupRecordOptions = {},
): Promise<LoadedRecord> {
  return recordFrom(await readJson(path, io, "the record"), `the record ${inputName(path)}`, path, options);
}
