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

// stageEvents[9] of the sample is the REGRESS from norming back to storming; stage ids are lower-case.
const regressTo = (to: string) => edited(change(["stageEvents", 9], { type: "REGRESS", to: "storming" }, { to }));

describe("groupwork validate replays the stage log, as groupwork report does", () => {
  // Was a defect: such a record was "valid (0 errors, 0 warnings)", and report then refused the event.
  it("warns at the first event the stage model refuses, with the model's reason", async () => {
    const path = files.write("regress-capital.json", regressTo("Storming"));
    const run = await groupwork(["validate", path]);
    expect(run).toMatchObject({ code: 0, err: "" });
    expect(linesOf(run.out)).toEqual([
      `"${path}": valid (0 errors, 1 warning)`,
      '  warning stage-event-refused at stageEvents[9]: The stage model tuckman refuses this REGRESS: "Storming" is not a stage of the model tuckman. The replay stops here, as in groupwork report.',
    ]);
    // report names the same event by the same path.
    const report = await groupwork(["report", path]);
    expect(report.out).toContain("  Refused: stageEvents[9] (REGRESS):");
  });

  it("gives the warning as an issue in --format json", async () => {
    const run = await groupwork(["validate", "-", "-f", "json"], { stdin: JSON.stringify(regressTo("Storming")) });
    expect(JSON.parse(run.out)).toEqual([
      {
        file: "-",
        valid: true,
        issues: [
          {
            code: "stage-event-refused",
            severity: "warning",
            path: ["stageEvents", 9],
            message:
              'The stage model tuckman refuses this REGRESS: "Storming" is not a stage of the model tuckman. The replay stops here, as in groupwork report.',
          },
        ],
      },
    ]);
  });

  it("names the first refused event only: the replay stops there", async () => {
    // A CLOSE after session 1, while the group is still forming, put at stageEvents[2]; the REGRESS after it, now at
    // stageEvents[10], is broken too.
    const close = { type: "CLOSE", at: "2026-02-05T20:00:00-06:00", by: "f-rivera", reason: "Wrong button." };
    const record = edited(change(["stageEvents", 9], { type: "REGRESS" }, { to: "Storming" }), (copy) => {
      (copy["stageEvents"] as unknown[]).splice(2, 0, close);
    });
    const run = await groupwork(["validate", "-", "-f", "json"], { stdin: JSON.stringify(record) });
    const [entry] = JSON.parse(run.out) as { valid: boolean; issues: { code: string; path: unknown[] }[] }[];
    expect(entry?.valid).toBe(true);
    expect(entry?.issues.filter((issue) => issue.code === "stage-event-refused").map((issue) => issue.path)).toEqual([
      ["stageEvents", 2],
    ]);
  });

  it("says nothing more for a stage model the library does not ship: parsing warns about it", async () => {
    const record = edited(
      change(["group"], { stageModel: "tuckman" }, { stageModel: "agency-own" }),
      change(["stageEvents", 9], { type: "REGRESS" }, { to: "Storming" }),
    );
    const run = await groupwork(["validate", "-", "-f", "json"], { stdin: JSON.stringify(record) });
    const [entry] = JSON.parse(run.out) as { valid: boolean; issues: { code: string }[] }[];
    expect(entry?.valid).toBe(true);
    expect(entry?.issues.map((issue) => issue.code)).toEqual(["unknown-stage-model"]);
  });

  it("replays nothing in an invalid record: its errors come first", async () => {
    const record = edited(
      change(["stageEvents", 9], { type: "REGRESS" }, { to: "Storming" }),
      change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }),
    );
    const run = await groupwork(["validate", "-"], { stdin: JSON.stringify(record) });
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^\(standard input\): invalid \(1 error, 0 warnings\)\n/);
    expect(run.out).not.toContain("stage-event-refused");
  });

  it("finds nothing to say about the sample's own log, which replays to closed", async () => {
    const run = await groupwork(["validate", valid]);
    expect(run.out).toBe(`"${valid}": valid (0 errors, 0 warnings)\n`);
  });
});

describe("groupwork validate --unknown-fields", () => {
  const withUnknownField = files.write("unknown-field.json", { ...sampleGroupRecord, legacyCaseNumber: "A-1193" });

  it("error (the default, as parseGroupRecord's): a field the library does not know makes the record invalid", async () => {
    for (const argv of [[withUnknownField], [withUnknownField, "--unknown-fields", "error"]]) {
      const run = await groupwork(["validate", ...argv]);
      expect(run.code).toBe(1);
      expect(linesOf(run.out)).toEqual([
        `"${withUnknownField}": invalid (1 error, 0 warnings)`,
        '  error unknown-field at legacyCaseNumber: legacyCaseNumber is not a field the library knows; remove it, or parse with unknownFields: "warn" to leave it out.',
      ]);
    }
  });

  it("warn: the field is a warning, and the record valid", async () => {
    const run = await groupwork(["validate", withUnknownField, "--unknown-fields", "warn"]);
    expect(run.code).toBe(0);
    expect(linesOf(run.out)).toEqual([
      `"${withUnknownField}": valid (0 errors, 1 warning)`,
      "  warning unknown-field at legacyCaseNumber: legacyCaseNumber is not a field the library knows; it was left out.",
    ]);
  });

  it("takes error or warn only", async () => {
    const run = await groupwork(["validate", withUnknownField, "--unknown-fields", "ignore"]);
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: 'groupwork validate: --unknown-fields must be error or warn; got "ignore" (see groupwork validate --help)\n',
    });
  });
});
