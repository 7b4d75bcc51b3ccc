// groupwork validate: every file checked as a group record, every problem listed with its path; exit 1 when one is
// invalid. The broken record is the sample with two changes made here, so its two problems are known in advance.
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, hasAnsi, linesOf, scratchFolder } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

const files = scratchFolder();
const valid = files.write("valid.json", sampleGroupRecord);

// Two errors: a session that lasts -5 minutes (sessions[1] is s-02), and attendance (attendance[0] is Hope's at s-01)
// for a person not in the record.
const invalid = files.write(
  "invalid.json",
  edited(
    change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }),
    change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-ghost" }),
  ),
);

// A warning only: a membership that ended with no exit reason (the co-facilitator's, memberships[1]).
const withWarning = files.write(
  "warning.json",
  edited(change(["memberships", 1], { memberId: "f-okafor", exitReason: "completed" }, { exitReason: undefined })),
);

describe("groupwork validate", () => {
  it("says a valid record is valid: exit 0", async () => {
    const run = await groupwork(["validate", valid]);
    expect(run).toMatchObject({ code: 0, err: "", out: `"${valid}": valid (0 errors, 0 warnings)\n` });
  });

  it("lists every problem of an invalid record with its path: exit 1, nothing on standard error", async () => {
    const run = await groupwork(["validate", invalid]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    const lines = linesOf(run.out);
    expect(lines[0]).toBe(`"${invalid}": invalid (2 errors, 0 warnings)`);
    expect(lines.slice(1)).toHaveLength(2);
    expect(lines.slice(1).join("\n")).toMatch(/^ {2}error \S+ at sessions\[1\]\.durationMinutes: /m);
    expect(lines.slice(1).join("\n")).toMatch(/^ {2}error \S+ at attendance\[0\]\.memberId: .*m-ghost/m);
  });

  it("counts a warning without making the record invalid", async () => {
    const run = await groupwork(["validate", withWarning]);
    expect(run.code).toBe(0);
    expect(linesOf(run.out)[0]).toBe(`"${withWarning}": valid (0 errors, 1 warning)`);
    expect(linesOf(run.out)[1]).toMatch(/^ {2}warning \S+ at memberships\[1\]\.exitReason: /);
  });

  it("checks every file, and exits 1 when any is invalid", async () => {
    const run = await groupwork(["validate", valid, invalid, "-"], { stdin: JSON.stringify(sampleGroupRecord) });
    expect(run.code).toBe(1);
    const verdicts = linesOf(run.out).filter((line) => !line.startsWith("  "));
    expect(verdicts).toEqual([
      `"${valid}": valid (0 errors, 0 warnings)`,
      `"${invalid}": invalid (2 errors, 0 warnings)`,
      "(standard input): valid (0 errors, 0 warnings)",
    ]);
  });

  it("checks JSON that is not an object as a record, and finds it invalid", async () => {
    const run = await groupwork(["validate", "-"], { stdin: "[]" });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^\(standard input\): invalid \([1-9]\d* errors?, 0 warnings\)\n {2}error /);
  });

  it("--format json gives one entry per file: file, valid, and issues with code, severity, path and message", async () => {
    const run = await groupwork(["validate", valid, invalid, "--format", "json"]);
    expect(run.code).toBe(1);
    const entries = JSON.parse(run.out) as unknown[];
    expect(entries).toEqual([
      { file: valid, valid: true, issues: [] },
      {
        file: invalid,
        valid: false,
        issues: expect.arrayContaining([
          {
            code: expect.any(String),
            severity: "error",
            path: ["sessions", 1, "durationMinutes"],
            message: expect.any(String),
          },
          {
            code: expect.any(String),
            severity: "error",
            path: ["attendance", 0, "memberId"],
            message: expect.stringContaining("m-ghost"),
          },
        ]),
      },
    ]);
    expect((entries[1] as { issues: unknown[] }).issues).toHaveLength(2);
  });

  it("colours the verdicts only when asked", async () => {
    const plain = await groupwork(["validate", valid, invalid]);
    const coloured = await groupwork(["validate", valid, invalid], { color: true });
    expect(hasAnsi(plain.out)).toBe(false);
    expect(coloured.out).toContain("\u001B[32mvalid\u001B[39m");
    expect(coloured.out).toContain("\u001B[31minvalid\u001B[39m");
  });
});
