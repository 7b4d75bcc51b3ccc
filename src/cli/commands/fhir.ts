// groupwork fhir export <record.json | -> [--type collection|transaction] [--confidentiality L] [--sensitivity A,B]
// groupwork fhir import <bundle.json | -> [--group <group-fields.json>] [--session-mode <mode>]
import { fromFhirBundle, toFhirBundle } from "../../fhir/index.js";
import { formatGroupRecordIssues, type GroupRecordIssue } from "../../model/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, readJson, writeJson } from "../io.js";
import { loadRecord } from "../records.js";
import { plural } from "../text.js";

type Options = NonNullable<Parameters<typeof toFhirBundle>[1]>;
type ImportOptions = NonNullable<Parameters<typeof fromFhirBundle>[1]>;

function refuse(values: CommandArgs["values"], direction: string, options: readonly string[]): void {
  const given = options.filter((option) => values[option] !== undefined);
  if (given.length > 0) throw new CommandError(`--${given[0]} is not an option of fhir ${direction}`);
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
          confidentiality: (confidentiality ?? "R") as NonNullable<Options["security"]>["confidentiality"],
          sensitivity: (typeof sensitivity === "string"
            ? sensitivity.split(",").map((code) => code.trim())
            : []
          ).filter((code) => code !== "") as NonNullable<Options["security"]>["sensitivity"],
        };
  // toFhirBundle checks the labels against HL7's codes and says which one it does not know.
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
  const result = fromFhirBundle(bundle, {
    ...(group === undefined ? {} : { group: group as ImportOptions["group"] }),
    ...(mode === undefined ? {} : { sessionMode: mode }),
  });
  if (result.issues.length > 0) {
    io.err(`${formatGroupRecordIssues(result.issues as readonly GroupRecordIssue[])}\n`);
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
  throw new CommandError(`the first argument must be export or import; got "${direction}" (see groupwork fhir --help)`);
}
