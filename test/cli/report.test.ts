// groupwork report: the figures are checked against counts made here from the sample's raw data
// (src/sample/grief-group.ts: 12 Thursday sessions, session 5 cancelled; 8 clients; Jamal left on 31 March after
// missing sessions 6–8), never against the command's own output. The layout keeps to 80 columns and is coloured only
// when asked.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { LONG_NAMES, longGroupRecord } from "../fixtures/cli/long-group";
import { columnsOf, groupwork, hasAnsi, linesOf, scratchFolder } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

const files = scratchFolder();
const samplePath = files.write("sample.json", sampleGroupRecord);

// ---- Facts counted from the sample's data, by code written here ----
const ATTENDED = ["present", "late", "left-early"];
const held = sampleGroupRecord.sessions.filter((session) => session.status === "held");
const clients = sampleGroupRecord.memberships.filter((membership) => membership.role === "member");
/** Sessions held while a client was enrolled: the session's local day (its first 10 characters) within the period. */
function offeredTo(memberId: string): number {
  const period = clients.find((candidate) => candidate.memberId === memberId)?.period;
  if (period === undefined) throw new Error(`no enrolment of ${memberId} in the sample`);
  const { start, end } = period;
  return held.filter((session) => {
    const day = session.scheduledStart.slice(0, 10);
    return day >= start && (end === undefined || day <= end);
  }).length;
}
function attendedBy(memberId: string): number {
  return sampleGroupRecord.attendance.filter((a) => a.memberId === memberId && ATTENDED.includes(a.status)).length;
}
const offered = clients.map((membership) => offeredTo(membership.memberId));
const attended = clients.map((membership) => attendedBy(membership.memberId));
const sum = (values: readonly number[]): number => values.reduce((total, value) => total + value, 0);
const meanRate = sum(clients.map((_, index) => (attended[index] ?? 0) / (offered[index] ?? 1))) / clients.length;

/** Talk time in session 7 of each client present, in seconds: the sum of (end − start) of their turns. */
const session7 = (() => {
  const present = sampleGroupRecord.attendance
    .filter((a) => a.sessionId === "s-07" && ATTENDED.includes(a.status))
    .map((a) => a.memberId)
    .filter((id) => clients.some((membership) => membership.memberId === id));
  const talk = present.map((id) =>
    sum(sampleGroupRecord.turns.filter((t) => t.sessionId === "s-07" && t.memberId === id).map((t) => t.end - t.start)),
  );
  const total = sum(talk);
  const n = talk.length;
  let differences = 0;
  for (const a of talk) for (const b of talk) differences += Math.abs(a - b);
  // Gini as half the relative mean absolute difference, scaled by n/(n−1) so that one speaker alone gives 1.
  const gini = (differences / (2 * n * n * (total / n))) * (n / (n - 1));
  // The effective number of speakers: the inverse of the Herfindahl–Hirschman index of the talk-time shares.
  const effective = 1 / sum(talk.map((seconds) => (seconds / total) ** 2));
  const turns = sampleGroupRecord.turns.filter((t) => t.sessionId === "s-07").length;
  return { present: n, gini, effective, turns };
})();

describe("the sample's facts, counted by hand from src/sample/grief-group.ts", () => {
  it("agree with the code above", () => {
    expect([held.length, sampleGroupRecord.sessions.length - held.length, clients.length]).toEqual([11, 1, 8]);
    // Jamal: P P L P at sessions 1–4, absent at 6–8, gone from 9 on.
    expect([attendedBy("m-jamal"), offeredTo("m-jamal")]).toEqual([4, 7]);
    // 7 clients offered all 11; Jamal 7. Absences: Will 1 not recorded, Sofía 1, Aroha 2, Jamal 3, Lena 1 excused.
    expect([sum(offered), sum(attended)]).toEqual([84, 84 - 8]);
    expect(session7.present).toBe(7);
  });
});

describe("groupwork report on the bundled sample (text)", () => {
  const report = async (color = false) => groupwork(["report"], { color });

  it("exits 0 and writes nothing on standard error", async () => {
    const run = await report();
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const lines = linesOf(run.out);
    expect(lines[0]).toBe("Thursday Evening Grief Support");
    expect(lines.slice(1, 3).join(" ")).toBe(
      "support group · closed membership · America/Chicago · 2026-02-05 to 2026-04-23 · 12 sessions planned",
    );
    expect(lines[3]).toBe("From the bundled sample group; parsed with 0 warnings.");
  });

  it("sums up attendance with the counts made here", async () => {
    const { out } = await report();
    const mean = `${Math.round(meanRate * 100)}%`;
    // The mean of the members' rates on a line of its own.
    expect(out).toContain(
      `  ${held.length} held, 1 cancelled; ${sum(attended)} of ${sum(offered)} offered sessions attended;\n  mean of members' rates ${mean}.\n`,
    );
  });

  it("heads the retention table in two lines, and says what its session column means under it", async () => {
    const { out } = await report();
    // Jamal's dropout counts at session 4, his last attended; the 7 others are censored at session 12, the last one.
    expect(out).toContain(
      [
        "  session  at risk  dropped out   finished or    still coming",
        "                                 still coming  (Kaplan–Meier)",
        "        4        8            1             0           87.5%",
        "       12        7            0             7           87.5%",
        "  session = the last session attended (dropouts) or offered (the others)",
        "",
      ].join("\n"),
    );
    expect(out).not.toContain("left otherwise");
  });

  it("heads the equality table's last column effective speakers", async () => {
    const { out } = await report();
    expect(out).toContain("  session  turns  present  Gini (0 equal)  effective speakers\n");
    expect(out).not.toContain("as balanced as");
  });

  it("draws Jamal's row of the grid from the sample's grid by hand, with his tally", async () => {
    const { out } = await report();
    // 4 of 7 is 57%.
    expect(linesOf(out)).toContain(
      `  ${"Jamal Price".padEnd(16)}${["P", "P", "L", "P", "-", "A", "A", "A", ".", ".", ".", "."].map((mark) => mark.padStart(3)).join("")}  4/7 57%`,
    );
    // Will's preferred name is the one shown; session 3 was not recorded for him.
    expect(out).toMatch(/^ {2}Will {12} {2}P {2}P {2}\? {2}P {2}- /m);
  });

  it("replays the stage log to closed, listing every move", async () => {
    const { out } = await report();
    expect(out).toContain("  Closed on 2026-04-23.");
    const moves = linesOf(out).filter((line) => /^ {2}\d{4}-\d\d-\d\d {2}[A-Z]/.test(line));
    expect(moves.map((line) => line.trim().split(/\s+/))).toEqual([
      ["2026-02-12", "ADVANCE", "forming", "→", "storming"],
      ["2026-02-26", "ADVANCE", "storming", "→", "norming"],
      ["2026-03-19", "REGRESS", "norming", "→", "storming"],
      ["2026-03-26", "ADVANCE", "storming", "→", "norming"],
      ["2026-04-02", "ADVANCE", "norming", "→", "performing"],
      ["2026-04-16", "ADJOURN", "performing", "→", "adjourning"],
      ["2026-04-23", "CLOSE", "adjourning", "→", "closed"],
    ]);
  });

  it("names Jamal as the one client of eight who dropped out", async () => {
    const { out } = await report();
    expect(out).toContain(`  1 of ${clients.length} clients dropped out or were removed: Jamal Price (2026-03-31).`);
  });

  it("measures session 7's equality with the Gini and effective number computed here", async () => {
    const { out } = await report();
    const row = linesOf(out).find((line) => /^ +7 +\d+ +\d+ /.test(line));
    expect(row?.trim().split(/\s{2,}/)).toEqual([
      "7",
      String(session7.turns),
      String(session7.present),
      session7.gini.toFixed(2),
      `${session7.effective.toFixed(1)} of ${session7.present}`,
    ]);
    // The figures stand under their headings, right-aligned.
    expect(row?.length).toBe("  session  turns  present  Gini (0 equal)  effective speakers".length);
    expect(out).toContain("  Silent in session 7: Sofía Márquez.");
  });

  it("lists the flags derived by hand from the grid and the turns", async () => {
    const { out } = await report();
    const flags = linesOf(out.slice(out.indexOf("Flags to follow up")))
      .filter((line) => /^ {2}\S/.test(line))
      .map((line) => line.split(":")[0]);
    expect(flags).toEqual([
      // Jamal missed sessions 6, 7 and 8; Aroha 10 and 11.
      "  outreach Jamal Price",
      "  outreach Aroha Ngata",
      // Will holds the floor in session 7; Sofía does not speak.
      "  dominance Will",
      "  silence Sofía Márquez",
      // Grace arrived late to sessions 2, 7 and 10.
      "  late-pattern Grace O'Neill",
    ]);
  });

  it("keeps every line within 80 columns, coloured or not", async () => {
    for (const color of [false, true]) {
      for (const line of linesOf((await report(color)).out)) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
    }
  });

  it("is coloured only when asked, and says the same either way", async () => {
    const plain = (await report(false)).out;
    const coloured = (await report(true)).out;
    expect(hasAnsi(plain)).toBe(false);
    expect(coloured.startsWith("\u001B[1mThursday Evening Grief Support\u001B[22m\n")).toBe(true);
    expect(coloured).toContain("\u001B[36mAttendance\u001B[39m");
    expect(coloured).toContain("\u001B[33moutreach\u001B[39m Jamal Price:");
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing the ANSI codes
    const words = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, "").split(/\s+/);
    expect(words(coloured)).toEqual(words(plain));
  });
});

describe("groupwork report --format json and markdown", () => {
  it("json: the report as data, with the counts made here", async () => {
    const run = await groupwork(["report", "--format", "json"]);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.out) as {
      source: string;
      group: { id: string; name: string; plannedSessions: number | null };
      stage: { known: boolean; current: string; since: string };
      attendance: {
        sessionsHeld: number;
        sessionsCancelled: number;
        attended: number;
        offered: number;
        meanRate: number;
        members: { memberId: string; marks: string; offered: number; attended: number; rate: number }[];
      };
      dropout: { clients: number; droppedOut: { memberId: string; date: string }[] };
      equality: { session: number; silent: string[] }[];
      flags: { code: string; memberId: string }[];
    };
    expect(report.source).toBe("the bundled sample group");
    expect(report.group).toMatchObject({ id: "grp-thursday-grief", plannedSessions: 12 });
    expect(report.stage).toMatchObject({ known: true, current: "closed", since: "2026-04-23" });
    expect(report.attendance).toMatchObject({
      sessionsHeld: held.length,
      sessionsCancelled: 1,
      attended: sum(attended),
      offered: sum(offered),
    });
    expect(report.attendance.meanRate).toBeCloseTo(meanRate, 12);
    const jamal = report.attendance.members.find((member) => member.memberId === "m-jamal");
    expect(jamal).toMatchObject({ marks: "PPLP-AAA....", offered: 7, attended: 4 });
    expect(jamal?.rate).toBeCloseTo(4 / 7, 12);
    expect(report.dropout).toEqual({
      clients: 8,
      droppedOut: [expect.objectContaining({ memberId: "m-jamal", date: "2026-03-31" })],
    });
    // Turns are recorded for sessions 1, 7 and 12 only.
    expect(report.equality.map((row) => row.session)).toEqual([1, 7, 12]);
    expect(report.equality[1]?.silent).toEqual(["Sofía Márquez"]);
    expect(report.flags.map((flag) => [flag.code, flag.memberId])).toEqual([
      ["outreach", "m-jamal"],
      ["outreach", "m-aroha"],
      ["dominance", "m-will"],
      ["silence", "m-sofia"],
      ["late-pattern", "m-grace"],
    ]);
  });

  it("markdown: headings and tables, never coloured", async () => {
    const run = await groupwork(["report", "-f", "markdown"], { color: true });
    expect(run.code).toBe(0);
    expect(hasAnsi(run.out)).toBe(false);
    const lines = linesOf(run.out);
    expect(lines[0]).toBe("# Thursday Evening Grief Support");
    for (const heading of ["## Stage", "## Attendance", "## Dropout and retention", "## Flags to follow up"]) {
      expect(lines).toContain(heading);
    }
    expect(lines).toContain(
      `| Client | ${Array.from({ length: 12 }, (_, index) => index + 1).join(" | ")} | Attended |`,
    );
    expect(lines).toContain("| Jamal Price | P | P | L | P | - | A | A | A | . | . | . | . | 4/7 57% |");
    expect(lines).toContain("| 2026-03-19 | REGRESS | norming | storming |");
    expect(lines).toContain("- **silence** Sofía Márquez: Attended session 7 and took no speaking turn.");
    expect(lines).toContain(
      "| Session | At risk | Dropped out | Finished or still coming | Still coming (Kaplan–Meier) |",
    );
    expect(lines).toContain("| 12 | 7 | 0 | 7 | 87.5% |");
    expect(lines).toContain("session = the last session attended (dropouts) or offered (the others)");
    expect(lines).toContain("| Session | Turns | Present | Gini (0 equal) | Effective speakers | Silent |");
    expect(lines).toContain(
      `${held.length} held, 1 cancelled; ${sum(attended)} of ${sum(offered)} offered sessions attended; mean of members' rates ${Math.round(meanRate * 100)}%.`,
    );
  });

  // Was a defect: the stage line was followed by two blank lines before the table of moves.
  it("markdown: one blank line between the stage line and the table of moves", async () => {
    const run = await groupwork(["report", "-f", "markdown"]);
    expect(run.out).toContain(
      "## Stage\n\nTuckman (forming, storming, norming, performing, adjourning): **closed** on 2026-04-23.\n\n| Day | Event | From | To |\n",
    );
  });
});

describe("groupwork report on a file or standard input", () => {
  it("names its source, and reports on the file as on the bundled sample", async () => {
    const fromFile = await groupwork(["report", samplePath, "-f", "json"]);
    const fromStdin = await groupwork(["report", "-", "-f", "json"], { stdin: JSON.stringify(sampleGroupRecord) });
    const bundled = await groupwork(["report", "-f", "json"]);
    expect(JSON.parse(fromFile.out)).toEqual({ ...JSON.parse(bundled.out), source: `"${samplePath}"` });
    expect(JSON.parse(fromStdin.out)).toEqual({ ...JSON.parse(bundled.out), source: "(standard input)" });
    expect(fromStdin.stdinReads).toBe(1);
  });

  it("reads back what fhir export then fhir import wrote, through files, as the same group", async () => {
    const bundle = files.write("bundle.json", (await groupwork(["fhir", "export", samplePath])).out);
    const back = await groupwork(["fhir", "import", bundle]);
    expect(back.code).toBe(0);
    const run = await groupwork(["report", "-"], { stdin: back.out });
    expect(run.code).toBe(0);
    expect(linesOf(run.out)[0]).toBe(sampleGroupRecord.group.name);
    const figures = async (args: string[], stdin?: string) =>
      JSON.parse((await groupwork([...args, "-f", "json"], stdin === undefined ? {} : { stdin })).out) as {
        attendance: unknown;
        stage: unknown;
      };
    const before = await figures(["report"]);
    const after = await figures(["report", "-"], back.out);
    expect(after.stage).toEqual(before.stage);
    expect(after.attendance).toMatchObject({
      sessionsHeld: held.length,
      attended: sum(attended),
      offered: sum(offered),
    });
  });

  it("refuses an invalid record: exit 2, one line pointing to groupwork validate", async () => {
    const invalid = files.write(
      "invalid.json",
      edited(
        change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }),
        change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-ghost" }),
      ),
    );
    const run = await groupwork(["report", invalid]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toMatch(
      new RegExp(
        `^groupwork report: the record "${invalid}" is not a valid group record: .*sessions\\[1\\]\\.durationMinutes.* and 1 more`,
      ),
    );
    expect(run.err.trimEnd().endsWith(`; groupwork validate ${invalid} lists every one`)).toBe(true);
  });

  // Was a defect: for standard input the line does not point to groupwork validate at all (src/cli/records.ts leaves it
  // out for "-"); `groupwork validate -` reads the same input just as well.
  it("points to groupwork validate for standard input too", async () => {
    const broken = edited(change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }));
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(broken) });
    expect(run.code).toBe(2);
    expect(run.err).toContain("groupwork validate");
  });

  // Was a defect: the first issue's message ends with a full stop, and " and 1 more" follows it: "… more than 0. and 1 more".
  it("joins the first problem and the count of the others into one sentence", async () => {
    const broken = edited(
      change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }),
      change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-ghost" }),
    );
    const run = await groupwork(["report", files.write("two-errors.json", broken)]);
    expect(run.err).not.toMatch(/\. and 1 more/);
  });

  // A field the library does not know: an error by default, as parseGroupRecord's default; a warning when asked.
  const withUnknownField = files.write("unknown-field.json", { ...sampleGroupRecord, legacyCaseNumber: "A-1193" });

  it("refuses a record with a field the library does not know, unless --unknown-fields warn", async () => {
    const strict = await groupwork(["report", withUnknownField]);
    expect(strict.code).toBe(2);
    expect(strict.err).toBe(
      `groupwork report: the record "${withUnknownField}" is not a valid group record: unknown-field at legacyCaseNumber: legacyCaseNumber is not a field the library knows; remove it, or parse with unknownFields: "warn" to leave it out; groupwork validate ${withUnknownField} lists every one\n`,
    );
    expect((await groupwork(["report", withUnknownField, "--unknown-fields", "error"])).code).toBe(2);
    const lenient = await groupwork(["report", withUnknownField, "--unknown-fields", "warn"]);
    expect(lenient.code).toBe(0);
    expect(linesOf(lenient.out)[3]).toBe(`From "${withUnknownField}"; parsed with 1 warning.`);
  });

  it("points to groupwork validate with --unknown-fields warn when the report was asked for it", async () => {
    const broken = files.write(
      "unknown-and-broken.json",
      edited(change(["sessions", 1], { id: "s-02", durationMinutes: 90 }, { durationMinutes: -5 }), (copy) => {
        copy["legacyCaseNumber"] = "A-1193";
      }),
    );
    const run = await groupwork(["report", broken, "--unknown-fields", "warn"]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/not a valid group record: out-of-range at sessions\[1\]\.durationMinutes: /);
    expect(run.err.endsWith(`; groupwork validate ${broken} --unknown-fields warn lists every one\n`)).toBe(true);
  });

  it.each([
    ["a missing file", "/no/such/record.json", 'cannot read the record "/no/such/record.json": there is no such file.'],
    ["a folder", files.dir, `cannot read the record "${files.dir}": it is a folder, not a file.`],
  ])("refuses %s: exit 2", async (_, path, message) => {
    const run = await groupwork(["report", path]);
    expect(run).toMatchObject({ code: 2, out: "", err: `groupwork report: ${message}\n` });
  });

  it("refuses text that is not JSON without quoting it", async () => {
    const run = await groupwork(["report", "-"], { stdin: '{"n": Hope}' });
    expect(run.code).toBe(2);
    expect(run.err).toBe("groupwork report: the record (standard input) is not JSON: Unexpected character.\n");
  });
});

describe("groupwork report on other groups", () => {
  it("fits 40 sessions and long names into 80 columns, the grid in blocks", async () => {
    const record = longGroupRecord({ sessions: 40 });
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(record) });
    expect(run.code).toBe(0);
    const lines = linesOf(run.out);
    for (const line of lines) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
    // Every session number heads a column once, in order, across the blocks.
    const headers = lines.filter((line) => /^ {18}\s*\d+( +\d+)*( {2}attended)?$/.test(line));
    expect(headers.flatMap((line) => line.replace("attended", "").trim().split(/\s+/).map(Number))).toEqual(
      Array.from({ length: 40 }, (_, index) => index + 1),
    );
    // Each client has a row in every block, with a P for each session, and the tally in the last.
    for (const name of LONG_NAMES) {
      const rows = lines.filter((line) => line.startsWith(`  ${name.slice(0, 15)}`));
      expect(rows).toHaveLength(headers.length);
      expect(rows.join("").match(/ P/g)).toHaveLength(40);
      expect(rows.at(-1)?.endsWith("  40/40 100%")).toBe(true);
    }
    expect(run.out).toContain(
      "  40 held, 0 cancelled; 200 of 200 offered sessions attended;\n  mean of members' rates 100%.\n",
    );
    // 7 memberships end with no exit reason.
    expect(run.out).toContain("From (standard input); parsed with 7 warnings.");
  });

  // Was a defect: the silent members' names go on after session figures and wrap at column 60, so a word of more than 20
  // letters (a double-barrelled surname) runs past column 80.
  it("keeps a silent client's long surname within 80 columns", async () => {
    const record = longGroupRecord({ sessions: 2, names: ["Ben Ode", "Ana Montgomery-Castellanos"] });
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(record) });
    expect(run.out).toContain("Montgomery-Castellanos");
    for (const line of linesOf(run.out)) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
  });

  // Was a defect: the group's name is printed on its own line without wrapping.
  it("wraps a group name longer than 80 columns", async () => {
    const groupName = "The Monday Evening Support Circle for Carers of Relatives Living with Dementia (East)";
    const record = longGroupRecord({ sessions: 2, groupName });
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(record) });
    for (const line of linesOf(run.out)) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
  });

  // Was a defect: "From <path>; parsed with N warnings." is not wrapped, so a path of some length (a temp folder, a
  // shared drive) runs past column 80.
  it("wraps the source line for a long path", async () => {
    const path = files.write(`${"a-rather-long-file-name-for-a-record-".repeat(2)}.json`, sampleGroupRecord);
    const run = await groupwork(["report", path]);
    // A path is one word: it goes on a line of its own when it does not fit, and only that line may be longer.
    const long = linesOf(run.out).filter((line) => columnsOf(line) > 80);
    expect(long.every((line) => line.includes(path) && !line.startsWith("From"))).toBe(true);
  });

  const agencyModel = edited(change(["group"], { stageModel: "tuckman" }, { stageModel: "agency-own" }));

  it("says a stage model the library does not ship is not replayed, in every format", async () => {
    const text = await groupwork(["report", "-"], { stdin: JSON.stringify(agencyModel) });
    expect(text.code).toBe(0);
    expect(text.out).toContain(
      '\nStage\n  The group follows "agency-own", which is not a stage model the library ships',
    );
    // The unknown model is the one warning.
    expect(text.out).toContain("parsed with 1 warning.");
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(agencyModel) });
    expect(markdown.out).toContain(
      '## Stage\n\nThe group follows "agency-own", which is not a stage model the library ships.\n',
    );
    const json = await groupwork(["report", "-", "-f", "json"], { stdin: JSON.stringify(agencyModel) });
    expect((JSON.parse(json.out) as { stage: unknown }).stage).toEqual({ model: "agency-own", known: false });
  });

  // Was a defect: that sentence is one line of 91 columns.
  it("keeps the unknown stage model's sentence within 80 columns", async () => {
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(agencyModel) });
    for (const line of linesOf(run.out)) expect(columnsOf(line), line).toBeLessThanOrEqual(80);
  });

  // The log as recorded up to session 1, then a CLOSE while the group is still forming, then session 2.
  const refusedLog = (() => {
    const log = sampleGroupRecord.stageEvents;
    const close = { type: "CLOSE", at: "2026-02-05T20:00:00-06:00", by: "f-rivera", reason: "Wrong button." };
    return edited((copy) => {
      copy["stageEvents"] = [log[0], log[1], close, log[2]];
    });
  })();

  it("shows the first stage event the model refused, where the replay stops", async () => {
    const text = await groupwork(["report", "-"], { stdin: JSON.stringify(refusedLog) });
    expect(text.code).toBe(0);
    // The event is named by its path, as groupwork validate names it: stageEvents[2] is the third entry.
    expect(text.out).toMatch(/^ {2}Refused: stageEvents\[2\] \(CLOSE\): /m);
    expect(text.out).toMatch(/^ {2}Now Forming since 2026-02-05:/m);
    const json = await groupwork(["report", "-", "-f", "json"], { stdin: JSON.stringify(refusedLog) });
    expect((JSON.parse(json.out) as { stage: { refused: unknown; current: string } }).stage).toMatchObject({
      current: "forming",
      refused: { index: 2, event: "CLOSE", reasons: [expect.any(String)] },
    });
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(refusedLog) });
    expect(markdown.out).toContain("**Refused:** stageEvents[2] (CLOSE): ");
    expect(markdown.out).toContain("now **Forming** since 2026-02-05");
  });

  // A group set up but not yet met: no sessions, no stage events, no end date or planned number of sessions.
  const notYetMet = edited((copy) => {
    for (const list of ["sessions", "attendance", "turns", "interactionActs", "stageEvents"]) copy[list] = [];
    const group = copy["group"] as Record<string, unknown>;
    delete group["endDate"];
    delete group["plannedSessions"];
  });

  it("reports on a group that has not met yet", async () => {
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(notYetMet) });
    expect(run.code).toBe(0);
    const lines = linesOf(run.out);
    expect(lines[1]).toBe("support group · closed membership · America/Chicago · 2026-02-05, no end date");
    expect(run.out).toContain(
      "  0 held, 0 cancelled; 0 of 0 offered sessions attended;\n  mean of members' rates —.\n",
    );
    expect(lines).toContain(`  ${"Hope Lindqvist".padEnd(16)}  0/0 —`);
    expect(lines).toContain("  No speaking turns are recorded.");
    const flags = lines.indexOf("Flags to follow up");
    expect(lines[flags + 1]).toBe("  None.");
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(notYetMet) });
    expect(markdown.out).toContain("## Equality of participation\n\nNo speaking turns are recorded.\n");
    expect(markdown.out).toContain("## Flags to follow up\n\nNone.\n");
    expect(markdown.out).toContain("support group · closed membership · America/Chicago · 2026-02-05, no end date\n");
  });

  // Was a defect: with nothing in the stage log, the stage line said "0 days and 0 sessions up to the log's last event".
  it("says a group with an empty stage log has no stage log entries, in text and markdown", async () => {
    const text = await groupwork(["report", "-"], { stdin: JSON.stringify(notYetMet) });
    expect(text.out).toContain(
      "\nStage: Tuckman (forming, storming, norming, performing, adjourning)\n  Now Forming since 2026-02-05; the record has no stage log entries.\n",
    );
    expect(text.out).not.toContain("up to the log's last event");
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(notYetMet) });
    expect(markdown.out).toContain(
      "## Stage\n\nTuckman (forming, storming, norming, performing, adjourning): now **Forming** since 2026-02-05; the record has no stage log entries.\n\nMembers find out",
    );
    expect(markdown.out).not.toContain("| Day | Event | From | To |");
    const json = await groupwork(["report", "-", "-f", "json"], { stdin: JSON.stringify(notYetMet) });
    expect((JSON.parse(json.out) as { stage: unknown }).stage).toMatchObject({ logEntries: 0, moves: [] });
  });

  it("says a stage log with entries but no move has none logged yet", async () => {
    // The agreement adopted and session 1 held (stageEvents[0] and [1]), nothing after.
    const early = edited((copy) => {
      copy["stageEvents"] = sampleGroupRecord.stageEvents.slice(0, 2);
    });
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(early) });
    expect(markdown.out).toContain(
      "now **Forming** since 2026-02-05 (0 days, 1 session up to the log's last event).\n\nNo stage moves are logged yet.\n\nMembers find out",
    );
  });

  // Was a defect: with no session, the replay starts at midnight UTC of the start day, which in America/Chicago is the
  // evening before; the stage then seems to have begun on 4 February, a day before the group did.
  it("dates the first stage of a group that has not met to its start day", async () => {
    const run = await groupwork(["report", "-", "-f", "json"], { stdin: JSON.stringify(notYetMet) });
    expect((JSON.parse(run.out) as { stage: { since: string } }).stage.since).toBe("2026-02-05");
  });

  it("reports a dropout with no retention table rows when no session was held", async () => {
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(notYetMet) });
    // Jamal's membership still records that he dropped out on 31 March.
    expect(run.out).toContain("  1 of 8 clients dropped out or were removed: Jamal Price (2026-03-31).\n");
    expect(run.out).not.toContain("Kaplan–Meier");
  });

  it("leaves a blank in the grid for a client enrolled at a held session with no attendance recorded", async () => {
    // Hope's attendance at session 1 is attendance[0]; Jamal's membership loses its end day.
    const record = edited(
      (copy) => {
        (copy["attendance"] as unknown[]).splice(0, 1);
      },
      change(["memberships", 6, "period"], { end: "2026-03-31" }, { end: undefined }),
    );
    const run = await groupwork(["report", "-"], { stdin: JSON.stringify(record) });
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^ {2}Hope Lindqvist {5}( {2}P){3} {2}- /m);
    // With no end day, Jamal's dropout has no date, and he stays enrolled for sessions 9–12, with nothing recorded.
    expect(run.out).toContain("dropped out or were removed: Jamal Price (?).");
    expect(run.out).toMatch(/^ {2}Jamal Price {5}( {2}[PLA-]){8} {12} {2}4\/11 36%$/m);
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(record) });
    expect(markdown.out).toContain("| Hope Lindqvist |  | P | P | P | - |");
  });

  it("shows a dash for the Gini of a session where one client is present", async () => {
    const record = longGroupRecord({ sessions: 1, names: ["Ana Souza"] });
    const text = await groupwork(["report", "-"], { stdin: JSON.stringify(record) });
    // Session 1: 2 turns (a facilitator's and Ana's), 1 client present, who speaks.
    const equality = text.out.slice(text.out.indexOf("Equality of participation"));
    const row = linesOf(equality).find((line) => line.startsWith("        1 "));
    expect(row?.trim().split(/\s+/)).toEqual(["1", "2", "1", "—", "1.0", "of", "1"]);
    const markdown = await groupwork(["report", "-", "-f", "markdown"], { stdin: JSON.stringify(record) });
    expect(markdown.out).toContain("| 1 | 2 | 1 | — | 1.0 of 1 | — |");
    expect(text.out).not.toContain("Silent in session 1");
  });

  it("reads a file saved by another program with a byte-order mark", async () => {
    const path = files.write("bom.json", `\uFEFF${readFileSync(samplePath, "utf8")}`);
    const run = await groupwork(["report", path]);
    expect(run.code).toBe(0);
  });
});
