// The `groupwork` command's front door: help, version, unknown commands and options, the number of file arguments,
// and the exit codes every failure maps to. Each failure is one line on standard error, starting with the command.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { groupwork, linesOf } from "../fixtures/cli/run";

const COMMANDS = ["report", "validate", "check-note", "disclose", "schema", "sample", "fhir", "import-csv"] as const;

const packageVersion = (
  JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

describe("groupwork --version", () => {
  it.each([["--version"], ["-v"]])("%s prints package.json's version and nothing else", async (flag) => {
    const run = await groupwork([flag]);
    expect(run).toMatchObject({ code: 0, out: `${packageVersion}\n`, err: "" });
  });
});

describe("groupwork --help", () => {
  it.each([[[]], [["--help"]], [["-h"]], [["help"]]])(
    "groupwork %j lists every command and the exit codes",
    async (argv) => {
      const run = await groupwork(argv);
      expect(run.code).toBe(0);
      expect(run.err).toBe("");
      expect(run.out).toMatch(/^Usage: groupwork <command>/);
      for (const command of COMMANDS) expect(run.out).toMatch(new RegExp(`^  ${command} +\\S`, "m"));
      expect(run.out).toContain("3 a fault of the command");
    },
  );

  // Was a defect: the global options followed the sentence about files, with no heading of their own.
  it("lists the global options under an Options: heading", async () => {
    const run = await groupwork(["--help"]);
    expect(run.out).toContain(
      "for a command's options.\n\nOptions:\n  -v, --version  print the version\n  -h, --help     show this help\n\nExit codes:",
    );
  });

  it.each([["report"], ["validate"]])("%s --help documents --unknown-fields error|warn", async (command) => {
    const run = await groupwork([command, "--help"]);
    expect(run.out).toMatch(new RegExp(`^Usage: groupwork ${command} .*\\[--unknown-fields error\\|warn\\]$`, "m"));
    expect(run.out).toContain("      --unknown-fields <mode>  error (default) or warn: ");
  });

  it.each(COMMANDS)("%s --help, -h and groupwork help %s print the same usage", async (command) => {
    const long = await groupwork([command, "--help"]);
    const short = await groupwork([command, "-h"]);
    const topic = await groupwork(["help", command]);
    expect(long.code).toBe(0);
    expect(long.err).toBe("");
    expect(long.out).toMatch(new RegExp(`^Usage: groupwork ${command}`));
    expect(long.out).toMatch(/Exit codes: 0 /);
    expect(short).toEqual(long);
    expect(topic).toEqual(long);
  });

  it("help wins over the rest of a command's arguments, which are not read", async () => {
    const run = await groupwork(["report", "/no/such/record.json", "--help"]);
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Usage: groupwork report/);
    expect(run.stdinReads).toBe(0);
  });

  it("groupwork help <unknown> is a usage mistake", async () => {
    const run = await groupwork(["help", "reprot"]);
    expect(run).toMatchObject({ code: 2, out: "", err: 'groupwork: there is no command "reprot"\n' });
  });
});

describe("usage mistakes exit 2 with one line naming the command", () => {
  it("an unknown command lists the commands", async () => {
    const run = await groupwork(["reprot"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toMatch(/^groupwork: there is no command "reprot"; the commands are /);
    for (const command of COMMANDS) expect(run.err).toContain(command);
  });

  it.each([
    [["report", "--bogus"], "groupwork report: unknown option --bogus (see groupwork report --help)"],
    [["report", "-x"], "groupwork report: unknown option -x (see groupwork report --help)"],
    [["report", "--format"], "groupwork report: option -f, --format <value> argument missing"],
    [["check-note", "note.txt", "--redact=yes"], "groupwork check-note: option --redact does not take an argument"],
    [["report", "--format", "html"], 'groupwork report: --format must be text, markdown or json; got "html"'],
    [["validate", "a.json", "-f", "markdown"], 'groupwork validate: --format must be text or json; got "markdown"'],
    [["check-note", "n.txt", "--format", "yaml"], 'groupwork check-note: --format must be text or json; got "yaml"'],
    [["disclose", "--format", "xml"], 'groupwork disclose: --format must be text or json; got "xml"'],
    [
      ["fhir", "export", "r.json", "--type", "batch"],
      'groupwork fhir: --type must be collection or transaction; got "batch"',
    ],
    [
      ["fhir", "import", "b.json", "--session-mode", "zoom"],
      '--session-mode must be in-person, virtual or hybrid; got "zoom"',
    ],
    [
      ["import-csv", "f.csv", "--kind", "sessions"],
      'groupwork import-csv: --kind must be roster or attendance; got "sessions"',
    ],
    [["report", "a.json", "b.json"], "groupwork report: expected arguments [record.json]; got 2"],
    [["validate"], "groupwork validate: expected arguments <record.json>...; got 0"],
    [["check-note"], "groupwork check-note: expected arguments <note.txt>; got 0"],
    [["disclose", "request.json"], "groupwork disclose: expected no file arguments; got 1"],
    [["sample", "my-group.json"], "groupwork sample: expected no file arguments; got 1"],
    [["sample", "--format", "json"], "groupwork sample: unknown option --format (see groupwork sample --help)"],
    [["report", "--unknown-fields", "skip"], 'groupwork report: --unknown-fields must be error or warn; got "skip"'],
    [["schema", "group", "member"], "groupwork schema: expected arguments [name]; got 2"],
    [["fhir", "export"], "groupwork fhir: expected arguments export|import <file>; got 1"],
    [["import-csv", "a.csv", "b.csv"], "groupwork import-csv: expected arguments <file.csv>; got 2"],
    [["validate", "-", "-"], "groupwork validate: standard input (-) can be read only once"],
  ])("groupwork %j", async (argv, message) => {
    const run = await groupwork(argv);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(message);
    expect(run.err.startsWith(`groupwork${argv[0] === undefined ? "" : ` ${argv[0]}`}: `)).toBe(true);
    expect(run.stdinReads).toBe(0);
  });

  it("an option's value may follow = or a short option directly", async () => {
    for (const argv of [["--format=yaml"], ["-fyaml"], ["-f", "yaml"]]) {
      const run = await groupwork(["validate", "a.json", ...argv]);
      expect(run.err).toBe(
        'groupwork validate: --format must be text or json; got "yaml" (see groupwork validate --help)\n',
      );
    }
    const unknown = await groupwork(["schema", "--format=json"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("unknown option --format");
  });

  it("-- ends the options, so a file may start with a dash", async () => {
    const run = await groupwork(["validate", "--", "-x.json"]);
    expect(run.code).toBe(2);
    expect(run.err).toBe('groupwork validate: cannot read the record "-x.json": there is no such file.\n');
  });
});

describe("exit code 3: a fault of the command itself", () => {
  it("a failure that is not about the input is reported as an internal error, on one line", async () => {
    const run = await groupwork(["validate", "-"], {
      io: {
        readStdin: () => Promise.reject(new Error("stream broke\n    at somewhere (file.js:1:1)")),
      },
    });
    expect(run.code).toBe(3);
    expect(run.err).toBe(
      "groupwork validate: internal error (please report it): stream broke at somewhere (file.js:1:1)\n",
    );
  });

  it("a value thrown that is not an Error is still reported", async () => {
    const run = await groupwork(["schema"], {
      io: {
        out: () => {
          throw "disk full";
        },
      },
    });
    expect(run.code).toBe(3);
    expect(run.err).toBe("groupwork schema: internal error (please report it): disk full\n");
  });
});

describe("names that every JavaScript object has are not commands", () => {
  // Was a defect: the command table is a plain object, so `commands["toString"]` finds Object.prototype.toString.
  it.each(["toString", "constructor", "__proto__", "hasOwnProperty"])(
    "groupwork %s is an unknown command (exit 2), not an internal error",
    async (name) => {
      const run = await groupwork([name]);
      expect(run.err).toMatch(new RegExp(`^groupwork: there is no command "${name}"`));
      expect(run.code).toBe(2);
    },
  );

  it("groupwork help toString is an unknown topic, not the text 'undefined'", async () => {
    const run = await groupwork(["help", "toString"]);
    expect(run.out).toBe("");
    expect(run.code).toBe(2);
  });
});
