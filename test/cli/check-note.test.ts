// groupwork check-note: a note for one member's own file must not name the group's other clients. Names and ids are
// read off the sample (src/sample/grief-group.ts): Hope (m-hope) is the note's subject; Sofía Márquez (m-sofia) and
// Jamal Price (m-jamal) are other clients; Dana Rivera (f-rivera) facilitates.
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, hasAnsi, linesOf, scratchFolder } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

const files = scratchFolder();
const record = files.write("record.json", sampleGroupRecord);
const namesSofia = "Hope spoke about her husband. Sofía Márquez listened.\n";
const note = files.write("note.txt", namesSofia);

describe("groupwork check-note", () => {
  it("finds another client's name: exit 1, the finding says where it is and whose name it is", async () => {
    const run = await groupwork(["check-note", note, "--record", record, "--member", "m-hope"]);
    expect(run.code).toBe(1);
    expect(run.err).toBe("");
    // "Sofía Márquez" starts after "Hope spoke about her husband. ", 30 characters, and is 13 long.
    expect(run.out).toMatch(/^- "Sofía Márquez" at 30–43 names another member \(m-sofia\)/);
    expect(run.out).not.toContain("m-hope");
  });

  it("finds nothing in a note that names only its subject and a facilitator: exit 0", async () => {
    const run = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope"], {
      stdin: "Hope met Dana Rivera before the session.",
    });
    expect(run).toMatchObject({ code: 0, err: "", out: "No other member is named.\n" });
  });

  it("--redact prints the note with every other client's name replaced, and keeps the subject's", async () => {
    const run = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope", "--redact"], {
      stdin: "Jamal Price called. Hope said Sofía Márquez brought flowers.",
    });
    expect(run.code).toBe(1);
    const redacted = run.out.slice(run.out.indexOf("Redacted note:\n") + "Redacted note:\n".length);
    expect(redacted).toBe("Another member called. Hope said another member brought flowers.\n");
  });

  it("--redact keeps a note's own final newline, and adds none when it has one", async () => {
    const run = await groupwork(["check-note", note, "-r", record, "-m", "m-hope", "--redact"]);
    expect(run.out.endsWith("Redacted note:\nHope spoke about her husband. Another member listened.\n")).toBe(true);
  });

  it("--format json gives ok, the problems with their offsets and ids, the advice, and the redacted text", async () => {
    const run = await groupwork(["check-note", note, "-r", record, "-m", "m-hope", "-f", "json", "--redact"]);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.out) as Record<string, unknown>;
    expect(result).toMatchObject({
      ok: false,
      problems: [{ start: 30, end: 43, memberIds: ["m-sofia"] }],
      advice: [],
      redacted: "Hope spoke about her husband. Another member listened.\n",
    });
    const clean = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope", "-f", "json"], { stdin: "Hope." });
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.out)).toEqual({ ok: true, problems: [], advice: [] });
  });

  it("gives advice, not a finding, for a name that is also a word where it may be the word", async () => {
    // "Will" (m-will's preferred name) opens the sentence, so it may be the verb.
    const run = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope", "-f", "json"], {
      stdin: "Will the group meet in May?",
    });
    const result = JSON.parse(run.out) as { ok: boolean; advice: string[] };
    expect(result.ok).toBe(true);
    expect(result.advice).toHaveLength(1);
    expect(result.advice[0]).toContain("m-will");
    expect(run.code).toBe(0);
  });

  it("keeps to 80 columns and colours only when asked", async () => {
    const plain = await groupwork(["check-note", note, "-r", record, "-m", "m-hope", "--redact"]);
    for (const line of linesOf(plain.out)) expect([...line].length).toBeLessThanOrEqual(80);
    expect(hasAnsi(plain.out)).toBe(false);
    const clean = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope"], { stdin: "Hope.", color: true });
    expect(clean.out).toBe("\u001B[32mNo other member is named.\u001B[39m\n");
  });

  it.each([
    [["-m", "f-rivera"], '--member "f-rivera" is not a client of the group "grp-thursday-grief"'],
    [["-m", "m-nobody"], '--member "m-nobody" is not a client of the group "grp-thursday-grief"'],
  ])("refuses %j: exit 2", async (options, message) => {
    const run = await groupwork(["check-note", note, "-r", record, ...options]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toBe(`groupwork check-note: ${message}\n`);
  });

  it.each([
    [["-m", "m-hope"], "--record <record.json> is required"],
    [["-r", "record.json"], "--member <id> is required"],
  ])("needs both --record and --member: %j is exit 2", async (options, message) => {
    const run = await groupwork(["check-note", "note.txt", ...options]);
    expect(run.code).toBe(2);
    expect(run.err).toContain(`groupwork check-note: ${message}`);
  });

  it("refuses an invalid record: exit 2, one line that points to groupwork validate", async () => {
    const invalid = files.write(
      "invalid.json",
      edited(change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-ghost" })),
    );
    const run = await groupwork(["check-note", note, "-r", invalid, "-m", "m-hope"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`is not a valid group record: `);
    expect(run.err).toContain(`groupwork validate ${invalid}`);
  });

  it("reads the note from standard input and the record from a file, or the other way round", async () => {
    const fromStdin = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope"], { stdin: namesSofia });
    const recordFromStdin = await groupwork(["check-note", note, "-r", "-", "-m", "m-hope"], {
      stdin: JSON.stringify(sampleGroupRecord),
    });
    expect(fromStdin.code).toBe(1);
    expect(recordFromStdin).toEqual({ ...fromStdin, stdinReads: 1 });
  });
});
