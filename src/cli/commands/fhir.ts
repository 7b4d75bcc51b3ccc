// groupwork fhir export <record.json | -> [--type collection|transaction] [--confidentiality L] [--sensitivity A,B]
// groupwork fhir import <bundle.json | -> [--group <group-fields.json>] [--session-mode <mode>]

import { GroupworkError } from "../../_lib/errors.js";
import { fromFhirBundle, toFhirBundle } from "../../fhir/index.js";
import { formatGroupRecordIssues, type GroupRecordIssue, sensitivityCodes } from "../../model/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, readJson, writeJson } from "../io.js";
import { loadRecord } from "../records.js";
import { oneLine, plural, quoted } from "../text.js";

type Options = NonNullable<Parameters<typeof toFhirBundle>[1]>;
type ImportOptions = NonNullable<Parameters<typeof fromFhirBundle>[1]>;

function refuse(values: CommandArgs["values"], direction: string, options: readonly string[]): void {
  const given = options.filter((option) => values[option] !== undefined);
  if (given.length > 0) throw new CommandError(`--${given[0]} is not an option of fhir ${direction}`);
}

/**
 * The codes of --sensitivity, each checked here so that a mistake names the flag (not toFhirBundle's option). A value
 * with no code at all (`--sensitivity ""`, `--sensitivity ,`) is refused: it would label nothing without a word.
 */
function sensitivityOption(value: CommandArgs["values"][string]): string[] {
  if (typeof value !== "string") return [];
  const codes = value
    .split(",")
    .map((code) => code.trim())
    .filter((code) => code !== "");
  const known: readonly string[] = sensitivityCodes.codes;
  if (codes.length === 0) {
    throw new CommandError(
      `--sensitivity needs one or more HL7 sensitivity codes, separated by commas (${known.join(", ")}); got ${quoted(value)} (see groupwork fhir --help)`,
    );
  }
  const unknown = codes.find((code) => !known.includes(code));
  if (unknown !== undefined) {
    throw new CommandError(
      `--sensitivity: ${quoted(unknown)} is not an HL7 sensitivity code; the codes are ${known.join(", ")} (see groupwork fhir --help)`,
    );
  }
  return codes;
}

async function exportRecord(path: string, values: CommandArgs["values"], io: CommandIo): Promise<number> {
  refuse(values, "export", ["group", "session-mode"]);
  const { record } = await loadRecord(path, io);
  const type = values["type"] as Options["type"];
  const confidentiality = values["confidentiality"];
  const sensitivity = values["sensitivity"];
  const security =
    confidentiality === undefined && sensitivity === undefined
      ? undefined
      : {
          // The dispatcher has checked --confidentiality against HL7's levels.
          confidentiality: (confidentiality ?? "R") as NonNullable<Options["security"]>["confidentiality"],
          sensitivity: sensitivityOption(sensitivity) as NonNullable<Options["security"]>["sensitivity"],
        };
  writeJson(
    io,
    toFhirBundle(record, { ...(type === undefined ? {} : { type }), ...(security === undefined ? {} : { security }) }),
  );
  return 0;
}

async function importBundle(path: string, values: CommandArgs["values"], io: CommandIo): Promise<number> {
  refuse(values, "import", ["type", "confidentiality", "sensitivity"]);
  if (path === "-" && values["group"] === "-") throw new CommandError("standard input (-) can be read only once");
  const bundle = await readJson(path, io, "the Bundle");
  const groupPath = values["group"];
  const group = typeof groupPath === "string" ? await readJson(groupPath, io, "the group fields") : undefined;
  const mode = values["session-mode"] as ImportOptions["sessionMode"];
  let result: ReturnType<typeof fromFhirBundle>;
  try {
    result = fromFhirBundle(bundle, {
      ...(group === undefined ? {} : { group: group as ImportOptions["group"] }),
      ...(mode === undefined ? {} : { sessionMode: mode }),
    });
  } catch (error) {
    // The group fields are fromFhirBundle's options.group: say which file and flag the refusal is about.
    if (error instanceof GroupworkError && typeof groupPath === "string" && /options\.group\b/.test(error.message)) {
      throw new CommandError(
        `the group fields ${inputName(groupPath)} (--group) are refused: ${error.message.replace(/^fromFhirBundle: /, "")}`,
      );
    }
    throw error;
  }
  // One line per issue, errors first, each on its own line whatever the Bundle's text holds.
  const issues = result.issues as readonly GroupRecordIssue[];
  for (const severity of ["error", "warning"] as const) {
    for (const issue of issues.filter((entry) => entry.severity === severity)) {
      io.err(`${oneLine(formatGroupRecordIssues([issue]))}\n`);
    }
  }
  if (!result.ok) {
    const errors = result.issues.filter((issue) => issue.severity === "error").length;
    io.err(
      `groupwork fhir import: ${inputName(path)} could not be read as a group record (${plural(errors, "error")} above).\n`,
    );
    return 1;
  }
  const { confidentiality, sensitivity } = result.security;
  io.err(
    `groupwork fhir import: the Bundle is labelled confidentiality ${confidentiality}${sensitivity.length > 0 ? `, sensitivity ${sensitivity.join(", ")}` : ""}; keep the record under the same labels.\n`,
  );
  writeJson(io, result.value);
  return 0;
}

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  const [direction, path = "-"] = positionals;
  if (direction === "export") return exportRecord(path, values, io);
  if (direction === "import") return importBundle(path, values, io);
  throw new CommandError(
    `the first argument must be export or import; got ${quoted(direction ?? "")} (see groupwork fhir --help)`,
  );
}
