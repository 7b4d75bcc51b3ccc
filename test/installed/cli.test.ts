// The built `groupwork` command (dist/cli/main.js) run as a process, as a shell runs it: exit codes, standard output,
// and standard error, which holds exactly one line and never a stack trace when the command fails. Run after the
// build (npm run test:installed); dist/cli/main.js must exist.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const main = join(repoRoot, "dist", "cli", "main.js");
const version = (JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version;
const scratch = mkdtempSync(join(tmpdir(), "groupwork-cli-process-"));
const samplePath = join(scratch, "sample.json");
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface Finished {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `node dist/cli/main.js <args>` with standard input and the environment given, without a terminal. */
function groupwork(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Finished {
  const { NO_COLOR: _, FORCE_COLOR: __, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [main, ...args], {
    cwd: repoRoot,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...inherited, ...options.env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs a shell command line, with NODE and MAIN naming the built command and SCRATCH a folder for its files. */
function shell(line: string, env: NodeJS.ProcessEnv = {}): Finished {
  const result = spawnSync("sh", ["-c", line], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, NODE: process.execPath, MAIN: main, SCRATCH: scratch, ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A failure as the command reports it: exactly one line on standard error, with no stack trace. */
function expectOneLine(run: Finished, prefix: string): void {
  const lines = run.stderr.split("\n");
  expect(lines.at(-1), "standard error ends with a newline").toBe("");
  expect(lines.slice(0, -1), run.stderr).toHaveLength(1);
  expect(run.stderr.startsWith(prefix), run.stderr).toBe(true);
  expect(run.stderr).not.toMatch(/^ {4}at /m);
}

const ansi = "\u001B[";

beforeAll(() => {
  if (!existsSync(main)) {
    throw new Error(
      `${main} is missing: build the package first (npm run build, or GROUPWORK_BUILD_CODE_ONLY=1 npx tsup)`,
    );
  }
  writeFileSync(samplePath, JSON.stringify(sampleGroupRecord));
});

describe("the groupwork command as a process", () => {
  it("--version prints package.json's version", () => {
    expect(groupwork(["--version"])).toEqual({ status: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("report writes the bundled sample's report, uncoloured when not on a terminal", () => {
    const run = groupwork(["report"]);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe("Thursday Evening Grief Support");
    // 11 of the 12 sessions were held (session 5 was cancelled), read off src/sample/grief-group.ts.
    expect(run.stdout).toContain("  11 held, 1 cancelled;");
    expect(run.stdout).not.toContain(ansi);
  });

  it("report - reads the record from standard input", () => {
    const run = groupwork(["report", "-"], { input: JSON.stringify(sampleGroupRecord) });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("From (standard input); parsed with 0 warnings.");
  });

  it("report - with nothing on standard input is exit 2, one line", () => {
    const run = groupwork(["report", "-"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLine(run, "groupwork report: the record (standard input) is not JSON: Unexpected end of JSON input.");
  });

  it("validate: exit 0 for a valid file, 1 for an invalid one with every problem", () => {
    expect(groupwork(["validate", samplePath])).toEqual({
      status: 0,
      stdout: `"${samplePath}": valid (0 errors, 0 warnings)\n`,
      stderr: "",
    });
    const broken = structuredClone(sampleGroupRecord) as unknown as { sessions: { durationMinutes: number }[] };
    for (const session of broken.sessions.slice(0, 2)) session.durationMinutes = 0;
    const invalidPath = join(scratch, "invalid.json");
    writeFileSync(invalidPath, JSON.stringify(broken));
    const run = groupwork(["validate", invalidPath]);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe("");
    expect(run.stdout.split("\n")[0]).toBe(`"${invalidPath}": invalid (2 errors, 0 warnings)`);
    expect(run.stdout).toMatch(/^ {2}error \S+ at sessions\[0\]\.durationMinutes: /m);
    expect(run.stdout).toMatch(/^ {2}error \S+ at sessions\[1\]\.durationMinutes: /m);
    // The report refuses the same file in one line that points to validate.
    const report = groupwork(["report", invalidPath]);
    expect(report.status).toBe(2);
    expectOneLine(report, `groupwork report: the record "${invalidPath}" is not a valid group record: `);
    expect(report.stderr).toContain(`groupwork validate ${invalidPath}`);
  });

  it("an unknown command is exit 2, one line, no stack trace", () => {
    const run = groupwork(["reprot"]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe("");
    expectOneLine(run, 'groupwork: there is no command "reprot"; the commands are ');
  });

  it("a file that cannot be read, and text that is not JSON, are exit 2, one line each", () => {
    const missing = groupwork(["validate", join(scratch, "absent.json")]);
    expect(missing.status).toBe(2);
    expectOneLine(
      missing,
      `groupwork validate: cannot read the record "${join(scratch, "absent.json")}": there is no such file.`,
    );
    const notJson = groupwork(["validate", "-"], { input: '{\n  "group": {\n    "name": "x",\n  }\n}' });
    expect(notJson.status).toBe(2);
    expectOneLine(notJson, "groupwork validate: the record (standard input) is not JSON: ");
  });

  it("NO_COLOR set to anything but empty keeps the report uncoloured even on a terminal", () => {
    // Without a terminal, NO_COLOR or not, there is no colour.
    for (const noColor of ["1", "", undefined]) {
      const env = noColor === undefined ? {} : { NO_COLOR: noColor };
      expect(groupwork(["report"], { env }).stdout).not.toContain(ansi);
    }
  });

  // util-linux script(1) runs the command on a pseudo-terminal, where standard output is a TTY.
  const hasScript = spawnSync("sh", ["-c", "command -v script"]).status === 0 && process.platform === "linux";
  it.skipIf(!hasScript)("on a terminal the report is coloured, unless NO_COLOR is set", () => {
    const onTerminal = (env: NodeJS.ProcessEnv) =>
      shell('script -qec "\\"$NODE\\" \\"$MAIN\\" report" /dev/null < /dev/null', env).stdout;
    const { NO_COLOR: _, ...withoutNoColor } = process.env;
    expect(onTerminal({ ...withoutNoColor, NO_COLOR: "" })).toContain(`${ansi}1mThursday Evening Grief Support`);
    const plain = onTerminal({ NO_COLOR: "1" });
    expect(plain).toContain("Thursday Evening Grief Support");
    expect(plain).not.toContain(ansi);
  });

  it("report | head -1 ends quietly: exit 0, nothing on standard error", () => {
    const run = shell(
      '{ "$NODE" "$MAIN" report 2>"$SCRATCH/report.err"; echo $? >"$SCRATCH/report.status"; } | head -1; cat "$SCRATCH/report.err" "$SCRATCH/report.status" >&2',
    );
    expect(run.stdout).toBe("Thursday Evening Grief Support\n");
    expect(run.stderr).toBe("0\n");
  });

  it("a reader that stops early on a long output (EPIPE) ends the command quietly too", () => {
    // The sample's FHIR Bundle is far longer than a pipe's buffer, so the command is still writing when head leaves.
    const run = shell(
      `{ "$NODE" "$MAIN" fhir export "${samplePath}" 2>"$SCRATCH/export.err"; echo $? >"$SCRATCH/export.status"; } | head -1; cat "$SCRATCH/export.err" "$SCRATCH/export.status" >&2`,
    );
    expect(run.stdout).toBe("{\n");
    expect(run.stderr).toBe("0\n");
  });
});
