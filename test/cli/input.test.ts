// How the command reads its files: a path or - for standard input, a file that cannot be read, and text that is not
// JSON. A group record holds personal data and an error line ends up in logs, so no message quotes the file.
import { chmodSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, linesOf, scratchFolder } from "../fixtures/cli/run";

const files = scratchFolder();
const sample = files.write("sample.json", sampleGroupRecord);

describe("a file that cannot be read", () => {
  it("is exit 2 with one line naming the file and why", async () => {
    const missing = join(files.dir, "absent.json");
    const folder = join(files.dir, "a-folder.json");
    mkdirSync(folder);
    const notUnderAFile = join(sample, "inside.json");
    const cases: [string, string][] = [
      [missing, `cannot read the record "${missing}": there is no such file.`],
      [folder, `cannot read the record "${folder}": it is a folder, not a file.`],
      // Neither "no such file" nor "a folder": the system's own words, with the path as given.
      [notUnderAFile, `cannot read the record "${notUnderAFile}": ENOTDIR: not a directory`],
    ];
    for (const [path, message] of cases) {
      const run = await groupwork(["validate", path]);
      expect(run.code).toBe(2);
      expect(run.out).toBe("");
      expect(linesOf(run.err)).toHaveLength(1);
      expect(run.err).toContain(`groupwork validate: ${message}`);
    }
  });

  // The superuser reads any file, so the refusal can only be seen as another user.
  it.skipIf(process.getuid?.() === 0)("says permission denied for a file it may not read", async () => {
    const locked = files.write("locked.json", "{}");
    chmodSync(locked, 0o000);
    const run = await groupwork(["validate", locked]);
    expect(run).toMatchObject({
      code: 2,
      err: `groupwork validate: cannot read the record "${locked}": permission denied.\n`,
    });
  });

  it("stops validate before any verdict, even when another file is valid", async () => {
    const run = await groupwork(["validate", sample, join(files.dir, "absent.json")]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
  });
});

describe("text that is not JSON", () => {
  it("names the line and column V8 found, 1-based, and not the text", async () => {
    // Line 3, column 3 is where "pronouns" starts: the comma before it is missing.
    const path = files.write(
      "missing-comma.json",
      '{\n  "displayName": "Hope Lindqvist"\n  "pronouns": "she/her"\n}\n',
    );
    const run = await groupwork(["validate", path]);
    expect(run.code).toBe(2);
    expect(run.err).toBe(
      `groupwork validate: the record "${path}" is not JSON: Expected ',' or '}' after property value at line 3, column 3.\n`,
    );
  });

  it.each([
    // V8 quotes a short text whole: `Unexpected token 'H', "{"n": Hope}" is not valid JSON`.
    ["a name where a value belongs, in a short text", '{"n": Hope}'],
    ["a name after the end", '{"id": "m-hope"} Hope Lindqvist'],
    ["an unterminated name", '{"displayName": "Hope Lindqvist'],
    ["a control character in a name", '{"displayName": "Hope\u0001Lindqvist"}'],
  ])("%s: the message quotes nothing of the file", async (_, text) => {
    const run = await groupwork(["validate", "-"], { stdin: text });
    expect(run.code).toBe(2);
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toMatch(/^groupwork validate: the record \(standard input\) is not JSON: /);
    expect(run.err).not.toContain("Hope");
  });

  // Was a defect: past its first few characters V8 quotes a window of the text, `Unexpected token 'H', ..."layName": Hope
  // Lindq"... is not valid JSON`; the pattern in src/cli/io.ts removes only a quote that ends `" is not valid JSON`,
  // so this one is printed, with the member's name. Any real record broken this way shows a piece of itself.
  it.each([
    ["a name where a value belongs", '{"displayName": Hope Lindqvist}'],
    [
      "the same, deep in a long file",
      `{"members": [${Array.from({ length: 30 }, (_, index) => `{"id": "m-${index}"}`).join(", ")}, {"displayName": Hope Lindqvist}]}`,
    ],
  ])("%s: the message quotes nothing of the file", async (_, text) => {
    const run = await groupwork(["validate", "-"], { stdin: text });
    expect(run.code).toBe(2);
    expect(run.err).not.toContain("Hope");
  });

  it("reads an empty file as not JSON", async () => {
    const run = await groupwork(["validate", files.write("empty.json", "")]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("is not JSON: Unexpected end of JSON input.");
  });

  it("reads a record that starts with a byte-order mark, and counts columns without it", async () => {
    const valid = await groupwork(["validate", files.write("bom.json", `\uFEFF${JSON.stringify(sampleGroupRecord)}`)]);
    expect(valid.code).toBe(0);
    // The text ends after its 6th character, "[1, 2"; the mark before it is not a column.
    const broken = await groupwork(["validate", "-"], { stdin: "\uFEFF[1, 2" });
    expect(broken.err).toContain("at line 1, column 6.");
  });

  it("counts lines and columns after line breaks", async () => {
    // The comma missing after 2 is found at the quote that opens "a", the 5th character of line 4.
    const run = await groupwork(["validate", "-"], { stdin: '[\n1,\n2\n    "a"]' });
    expect(run.err).toContain("after array element at line 4, column 5.");
  });
});

describe("standard input", () => {
  it("is read for - and named (standard input)", async () => {
    const valid = await groupwork(["validate", "-"], { stdin: JSON.stringify(sampleGroupRecord) });
    expect(valid).toMatchObject({ code: 0, out: "(standard input): valid (0 errors, 0 warnings)\n", stdinReads: 1 });
  });

  it("is not read when no argument is -", async () => {
    const run = await groupwork(["validate", sample], { stdin: "not JSON" });
    expect(run).toMatchObject({ code: 0, stdinReads: 0 });
  });

  it.each([
    [["validate", "-", "-"]],
    [["check-note", "-", "--record", "-", "--member", "m-hope"]],
    [["disclose", "--record", "-", "--request", "-"]],
    [["import-csv", "-", "--mapping", "-"]],
  ])("is read only once: groupwork %j is refused before reading", async (argv) => {
    const run = await groupwork(argv, { stdin: "{}" });
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/: standard input \(-\) can be read only once\n$/);
    expect(run.stdinReads).toBe(0);
  });

  // Was a defect: fhir import reads the Bundle and --group from standard input both, without the check the other commands
  // make; as a process the second read finds the stream empty, and the message says the group fields are not JSON.
  it("is read only once by fhir import - --group - too", async () => {
    const run = await groupwork(["fhir", "import", "-", "--group", "-"], { stdin: "{}" });
    expect(run.err).toMatch(/standard input \(-\) can be read only once/);
    expect(run.stdinReads).toBe(0);
  });
});
