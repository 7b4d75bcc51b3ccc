// groupwork validate <record.json | -> ... [--format text|json]
import { formatGroupRecordIssues, type GroupRecordIssue, parseGroupRecord } from "../../model/index.js";
import { type CommandArgs, type CommandIo, inputName, paint, readJson, writeJson } from "../io.js";
import { oneLine, plural } from "../text.js";

interface FileResult {
  readonly file: string;
  readonly valid: boolean;
  readonly issues: readonly GroupRecordIssue[];
}

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  // Every file is read first: one that cannot be read or is not JSON stops the command (exit 2) before any verdict.
  const inputs = [];
  for (const path of positionals) inputs.push({ path, value: await readJson(path, io, "the record") });
  const results: FileResult[] = inputs.map(({ path, value }) => {
    const result = parseGroupRecord(value);
    return { file: path, valid: result.ok, issues: result.issues };
  });
  if (values["format"] === "json") writeJson(io, results);
  else {
    for (const result of results) {
      const errors = result.issues.filter((issue) => issue.severity === "error").length;
      const warnings = result.issues.length - errors;
      const verdict = result.valid ? paint(io, "green", "valid") : paint(io, "red", "invalid");
      io.out(`${inputName(result.file)}: ${verdict} (${plural(errors, "error")}, ${plural(warnings, "warning")})\n`);
      // One line per issue, errors first; a message quoting the record shows its control characters as signs.
      for (const severity of ["error", "warning"] as const) {
        for (const issue of result.issues.filter((entry) => entry.severity === severity)) {
          io.out(`  ${oneLine(formatGroupRecordIssues([issue]))}\n`);
        }
      }
    }
  }
  return results.every((result) => result.valid) ? 0 : 1;
}
