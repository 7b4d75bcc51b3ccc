// The `groupwork` command's dispatcher: global flags, the command table, help, and turning every failure into one
// line on standard error with its exit code. Arguments are parsed by Node's util.parseArgs; each command's code is
// loaded only when it runs, so `--help` and `--version` start without loading zod or xstate.
import { readFileSync } from "node:fs";
import { type ParseArgsConfig, parseArgs } from "node:util";
import { GroupworkError } from "../_lib/errors.js";
import { type CommandArgs, CommandError, type CommandIo } from "./io.js";
import { oneLine, quoted } from "./text.js";

/** One command: what `--help` shows, how its arguments parse, and its code, loaded when it runs. */
interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig["options"]>;
  /** Allowed values of options that take one of a few words. */
  readonly choices?: Readonly<Record<string, readonly string[]>>;
  readonly positionals: { readonly min: number; readonly max: number; readonly names: string };
  readonly load: () => Promise<{ run: (args: CommandArgs, io: CommandIo) => Promise<number> }>;
}

const help = { type: "boolean", short: "h" } as const;
const format = (...formats: string[]) => ({ format: { type: "string", short: "f", default: formats[0] } }) as const;
// parseGroupRecord's unknownFields option; its default, "error", is the library's.
const unknownFields = { "unknown-fields": { type: "string", default: "error" } } as const;
const UNKNOWN_FIELDS_HELP = `      --unknown-fields <mode>  error (default) or warn: a field the library does not know is an error, or a
                               warning and the field is left out (parseGroupRecord's unknownFields option)`;

const EXIT_CODES =
  "Exit codes: 0 done, 1 the answer is no (invalid, denied, a name found), 2 unusable input or a usage mistake, 3 a fault of the command.";

const commands: Readonly<Record<string, CommandSpec>> = {
  report: {
    summary: "a group's stage, attendance, dropout, retention, participation and flags",
    usage: `Usage: groupwork report [record.json | -] [--format text|markdown|json] [--unknown-fields error|warn]

Reports on a group record: its stage (the stage log replayed through the group's stage model), the attendance
grid, dropout and retention, equality of participation per session, and the flags to follow up. With no file it
reports on the bundled sample group.

Options:
  -f, --format <format>        text (default; colour on a terminal unless NO_COLOR is set), markdown, or json
${UNKNOWN_FIELDS_HELP}
  -h, --help                   show this help

Exit codes: 0 reported, 2 the file cannot be read, is not JSON, or is not a valid group record.`,
    options: { ...format("text", "markdown", "json"), ...unknownFields, help },
    choices: { format: ["text", "markdown", "json"], "unknown-fields": ["error", "warn"] },
    positionals: { min: 0, max: 1, names: "[record.json]" },
    load: () => import("./commands/report.js"),
  },
  validate: {
    summary: "check group records: every problem with its path",
    usage: `Usage: groupwork validate <record.json | -> ... [--format text|json] [--unknown-fields error|warn]

Checks each file as a group record (shape and references, as parseGroupRecord does) and lists every problem with
its path. A valid record's stage log is then replayed through its stage model, as report replays it: the first
event the model refuses is a warning, stage-event-refused, at the event's path. Warnings do not make a record
invalid.

Options:
  -f, --format <format>        text (default) or json (one entry per file: { file, valid, issues })
${UNKNOWN_FIELDS_HELP}
  -h, --help                   show this help

Exit codes: 0 every file is valid, 1 a file is invalid, 2 a file cannot be read or is not JSON.`,
    options: { ...format("text", "json"), ...unknownFields, help },
    choices: { format: ["text", "json"], "unknown-fields": ["error", "warn"] },
    positionals: { min: 1, max: Number.POSITIVE_INFINITY, names: "<record.json>..." },
    load: () => import("./commands/validate.js"),
  },
  "check-note": {
    summary: "find other members' names in a member's note, and redact them",
    usage: `Usage: groupwork check-note <note.txt | -> --record <record.json> --member <id> [--redact] [--format text|json]

Scans a note written for one member's own file for the names of the group's other members (display names,
preferred names, and first names alone), which would disclose who else attends. A family name alone is not looked
for: read the note for "Mr. Price" yourself.

Options:
  -r, --record <file>    the group record whose members are looked for (required)
  -m, --member <id>      the member the note is about: their own name is not a finding (required)
      --redact           print the note with every mention of another member replaced
  -f, --format <format>  text (default) or json
  -h, --help             show this help

Exit codes: 0 no other member is named, 1 the note names another member, 2 unusable input.`,
    options: {
      record: { type: "string", short: "r" },
      member: { type: "string", short: "m" },
      redact: { type: "boolean" },
      ...format("text", "json"),
      help,
    },
    choices: { format: ["text", "json"] },
    positionals: { min: 1, max: 1, names: "<note.txt>" },
    load: () => import("./commands/check-note.js"),
  },
  disclose: {
    summary: "may this be disclosed? the decision and the reasons, in sentences",
    usage: `Usage: groupwork disclose --record <record.json> --request <request.json> [--format text|json]

Checks a request to disclose one piece of a member's group information (what, to whom, for which purpose, when)
against NASW 1.07, HIPAA and 42 CFR Part 2, with the consents on file in the group record, and prints the decision
with its reasons and obligations as sentences. The request is checkDisclosure's request without "consents".
This is decision support, not legal advice: the worker decides.

Options:
  -r, --record <file>    the group record: its consents are the ones on file (required)
      --request <file>   the disclosure request, as JSON (required)
  -f, --format <format>  text (default) or json (the decision and its sentences)
  -h, --help             show this help

Exit codes: 0 permitted, 1 denied, 2 unusable input.`,
    options: { request: { type: "string" }, record: { type: "string", short: "r" }, ...format("text", "json"), help },
    choices: { format: ["text", "json"] },
    positionals: { min: 0, max: 0, names: "" },
    load: () => import("./commands/disclose.js"),
  },
  schema: {
    summary: "print the JSON Schema of a wire type, or list them",
    usage: `Usage: groupwork schema [name]

Prints the JSON Schema (draft 2020-12) of one wire type, such as group-record or stage-event; with no name, lists
the names. The same documents ship in the package as groupwork/schemas/<name>.json.

Options:
  -h, --help  show this help

Exit codes: 0 printed, 2 no schema has that name.`,
    options: { help },
    positionals: { min: 0, max: 1, names: "[name]" },
    load: () => import("./commands/schema.js"),
  },
  sample: {
    summary: "print the bundled sample group record as JSON, a file to start from",
    usage: `Usage: groupwork sample

Prints the bundled sample group record as JSON (2-space indent): the grief support group that groupwork report
shows when given no file, as groupwork/sample exports it. Edit a copy into a record of your own:

  groupwork sample > my-group.json

Options:
  -h, --help  show this help

Exit codes: 0 printed.`,
    options: { help },
    positionals: { min: 0, max: 0, names: "" },
    load: () => import("./commands/sample.js"),
  },
  fhir: {
    summary: "convert a group record to a FHIR R4 Bundle (export) or back (import)",
    usage: `Usage: groupwork fhir export <record.json | -> [--type collection|transaction] [--confidentiality <level>]
                             [--sensitivity <code,...>]
       groupwork fhir import <bundle.json | -> [--group <group-fields.json>] [--session-mode <mode>]

export  writes the record as a FHIR R4 Bundle (Patient, Practitioner, Group, CareTeam, Appointment, Encounter,
        Consent), every resource labelled with meta.security (restricted by default).
import  reads a Bundle written by groupwork or by another system back into a group record, checked as
        parseGroupRecord checks it; problems are listed on standard error with their Bundle paths.

Options:
      --type <type>              export: collection (default) or transaction (conditional updates)
      --confidentiality <level>  export: HL7 confidentiality level U, L, M, N, R (default) or V
      --sensitivity <codes>      export: HL7 sensitivity codes, comma-separated (e.g. SUD,PSYTHPN)
      --group <file>             import: JSON of group fields the Bundle lacks (id, name, timeZone, ...)
      --session-mode <mode>      import: in-person, virtual or hybrid, for sessions the Bundle gives no mode
  -h, --help                     show this help

Exit codes: 0 converted, 1 the Bundle could not be read as a group record (import), 2 unusable input.`,
    options: {
      type: { type: "string" },
      confidentiality: { type: "string" },
      sensitivity: { type: "string" },
      group: { type: "string" },
      "session-mode": { type: "string" },
      help,
    },
    // The HL7 confidentiality levels (confidentialityLevels), spelt out here so that --help loads no vocabulary.
    choices: {
      type: ["collection", "transaction"],
      confidentiality: ["U", "L", "M", "N", "R", "V"],
      "session-mode": ["in-person", "virtual", "hybrid"],
    },
    positionals: { min: 2, max: 2, names: "export|import <file>" },
    load: () => import("./commands/fhir.js"),
  },
  "import-csv": {
    summary: "read a roster or attendance spreadsheet export through a column mapping",
    usage: `Usage: groupwork import-csv <file.csv | -> --mapping <mapping.json> [--kind roster|attendance]

Reads a roster (members and memberships) or an attendance export (sessions and attendance) through a column
mapping, and prints what it read as JSON. Problems are listed on standard error with their row and column; no
personal data is quoted in them.

The mapping is the JSON form of parseRosterCsv's or parseAttendanceCsv's mapping. For attendance,
"statusCrosswalk" (and "sessionStatusCrosswalk") may name a built-in crosswalk: "openEmr" or "programManagement".

Options:
      --mapping <file>  the column mapping, as JSON (required)
  -k, --kind <kind>     roster (default) or attendance
  -h, --help            show this help

Exit codes: 0 read, 1 the file has errors (nothing is printed on standard output), 2 unusable input.`,
    options: { mapping: { type: "string" }, kind: { type: "string", short: "k", default: "roster" }, help },
    choices: { kind: ["roster", "attendance"] },
    positionals: { min: 1, max: 1, names: "<file.csv>" },
    load: () => import("./commands/import-csv.js"),
  },
};

function version(): string {
  // dist/cli/ and src/cli/ both sit two folders below the package root.
  const manifest = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, spec]) => `  ${name.padEnd(width)}  ${spec.summary}`);
  return `Usage: groupwork <command> [options]

Group practice from the command line: reports, checks and conversions of group records.

Commands:
${lines.join("\n")}

Files may be given as - for standard input. Run groupwork <command> --help for a command's options.

Options:
  -v, --version  print the version
  -h, --help     show this help

${EXIT_CODES}`;
}

/** The command of that name; never a property every object has (`toString`, `__proto__`). */
function commandNamed(name: string | undefined): CommandSpec | undefined {
  return name !== undefined && Object.hasOwn(commands, name) ? commands[name] : undefined;
}

/** The first sentence of a parseArgs error, as our one line says it: "unknown option --bogus". */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const first = (message.split(/\. (?=[A-Z])/)[0] ?? message).replace(/\.$/, "").replace(/'(-[^']*)'/g, "$1");
  return `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
}

/** "a, b or c". */
function either(words: readonly string[]): string {
  return words.length < 2 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} or ${words.at(-1)}`;
}

async function runOne(name: string, spec: CommandSpec, argv: readonly string[], io: CommandIo): Promise<number> {
  let parsed: CommandArgs & { readonly tokens: readonly { kind: string; name?: string; value?: string }[] };
  try {
    parsed = parseArgs({ args: [...argv], options: spec.options, allowPositionals: true, strict: true, tokens: true });
  } catch (error) {
    throw new CommandError(`${argumentProblem(error)} (see groupwork ${name} --help)`);
  }
  if (parsed.values["help"] === true) {
    io.out(`${spec.usage}\n`);
    return 0;
  }
  // parseArgs keeps the last of an option given twice: `--record a.json --record b.json` would check b.json alone,
  // and `--confidentiality V --confidentiality U` would label the Bundle U, without a word about the first.
  const given = new Map<string, string>();
  for (const token of parsed.tokens) {
    if (token.kind !== "option" || token.name === undefined || token.value === undefined) continue;
    const before = given.get(token.name);
    if (before !== undefined && before !== token.value) {
      throw new CommandError(
        `--${token.name} is given twice, as ${quoted(before)} and ${quoted(token.value)}; give it once (see groupwork ${name} --help)`,
      );
    }
    given.set(token.name, token.value);
  }
  for (const [option, allowed] of Object.entries(spec.choices ?? {})) {
    const value = parsed.values[option];
    if (typeof value === "string" && !allowed.includes(value)) {
      throw new CommandError(
        `--${option} must be ${either(allowed)}; got ${quoted(value)} (see groupwork ${name} --help)`,
      );
    }
  }
  const count = parsed.positionals.length;
  if (count < spec.positionals.min || count > spec.positionals.max) {
    const expected = spec.positionals.max === 0 ? "no file arguments" : `arguments ${spec.positionals.names}`.trimEnd();
    throw new CommandError(`expected ${expected}; got ${count} (see groupwork ${name} --help)`);
  }
  if (parsed.positionals.filter((path) => path === "-").length > 1) {
    throw new CommandError("standard input (-) can be read only once");
  }
  const command = await spec.load();
  return command.run(parsed, io);
}

/**
 * Runs the `groupwork` command with the arguments after the program's name, and returns its exit code. Every
 * failure is written to `io.err` as one line starting `groupwork <command>:`; a stack trace is never shown.
 */
export async function runCommand(argv: readonly string[], io: CommandIo): Promise<number> {
  const [first, ...rest] = argv;
  const spec = commandNamed(first);
  const where = spec === undefined ? "groupwork" : `groupwork ${first}`;
  try {
    if (first === "--version" || first === "-v") {
      if (rest.length > 0) throw new CommandError(`${first} takes no arguments; got ${quoted(rest[0] as string)}`);
      io.out(`${version()}\n`);
      return 0;
    }
    if (first === undefined || first === "--help" || first === "-h" || first === "help") {
      // `groupwork help report` and `groupwork --help report` both show report's usage; nothing after is dropped.
      if (rest.length > 1) throw new CommandError(`${first} takes one command at most; got ${rest.length} arguments`);
      const topic = commandNamed(rest[0]);
      if (rest[0] !== undefined && topic === undefined)
        throw new CommandError(`there is no command ${quoted(rest[0])}`);
      io.out(`${topic === undefined ? overview() : topic.usage}\n`);
      return 0;
    }
    if (spec === undefined) {
      const known = Object.keys(commands).join(", ");
      throw new CommandError(`there is no command ${quoted(first)}; the commands are ${known} (see groupwork --help)`);
    }
    return await runOne(first, spec, rest, io);
  } catch (error) {
    // A CommandError or a GroupworkError is about the input; anything else is a fault of the command itself.
    const known = error instanceof CommandError || error instanceof GroupworkError;
    const message = error instanceof Error ? error.message : String(error);
    const line = known ? message : `internal error (please report it): ${message}`;
    io.err(`${where}: ${oneLine(line)}\n`);
    return error instanceof CommandError ? error.exitCode : known ? 2 : 3;
  }
}
