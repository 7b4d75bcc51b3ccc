// groupwork report [record.json | -] [--format text|markdown|json] [--unknown-fields error|warn]
import { sampleGroupRecord } from "../../sample/index.js";
import { type CommandArgs, type CommandIo, inputName, writeJson } from "../io.js";
import { loadRecord, parseOptions, recordFrom } from "../records.js";
import { buildReport } from "../report-data.js";
import { reportAsMarkdown, reportAsText } from "../report-format.js";

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  const path = positionals[0];
  const options = parseOptions(values);
  const { record, warnings } =
    path === undefined
      ? recordFrom(sampleGroupRecord, "the sample record", "-", options)
      : await loadRecord(path, io, options);
  const source = path === undefined ? "the bundled sample group" : inputName(path);
  const report = buildReport(record, source, warnings);
  if (values["format"] === "json") writeJson(io, report);
  else if (values["format"] === "markdown") io.out(reportAsMarkdown(report));
  else io.out(reportAsText(report, io));
  return 0;
}
