// groupwork validate <record.json | -> ... [--format text|json] [--unknown-fields error|warn]
import {
  formatGroupRecordIssues,
  type GroupRecord,
  type GroupRecordIssue,
  type IssueSeverity,
  parseGroupRecord,
} from "../../model/index.js";
import { type CommandArgs, type CommandIo, inputName, paint, readJson, writeJson } from "../io.js";
import { parseOptions } from "../records.js";
import { replayStageLog } from "../stage-log.js";
import { oneLine, plural } from "../text.js";

/**
 * One problem of a file: an issue of parseGroupRecord, or `stage-event-refused`, the command's own warning that the
 * record's stage model refuses an event of its stage log (as `groupwork report` replays it).
 */
interface FileIssue {
  readonly code: GroupRecordIssue["code"] | "stage-event-refused";
  readonly severity: IssueSeverity;
  readonly path: GroupRecordIssue["path"];
  readonly message: string;
}

interface FileResult {
  readonly file: string;
  readonly valid: boolean;
  readonly issues: readonly FileIssue[];
}

/**
 * The first event of a valid record's stage log that its stage model refuses, as a warning at the event's path; none
 * when the log replays to its end, or the model is not one the library ships (parsing has warned about that).
 */
function refusedStageEvent(record: GroupRecord): FileIssue[] {
  const replayed = replayStageLog(record);
  if (replayed === undefined || replayed.replay.ok) return [];
  const { model, replay } = replayed;
  const type = record.stageEvents[replay.index]?.type ?? "event";
  const reasons = replay.blockedBy.map((reason) => reason.message).join(" ");
  return [
    {
      code: "stage-event-refused",
      severity: "warning",
      path: ["stageEvents", replay.index],
      message: `The stage model ${model.id} refuses this ${type}: ${reasons} The replay stops here, as in groupwork report.`,
    },
  ];
}

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  // Every file is read first: one that cannot be read or is not JSON stops the command (exit 2) before any verdict.
  const inputs = [];
  for (const path of positionals) inputs.push({ path, value: await readJson(path, io, "the record") });
  const options = parseOptions(values);
  const results: FileResult[] = inputs.map(({ path, value }) => {
    const result = parseGroupRecord(value, options);
    // The stage log is replayed only through a valid record: an invalid one is not reported on at all.
    const issues = result.ok ? [...result.issues, ...refusedStageEvent(result.value)] : result.issues;
    return { file: path, valid: result.ok, issues };
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
          // The command's own code is written as the library writes its codes.
          io.out(`  ${oneLine(formatGroupRecordIssues([issue as GroupRecordIssue]))}\n`);
        }
      }
    }
  }
  return results.every((result) => result.valid) ? 0 : 1;
}
