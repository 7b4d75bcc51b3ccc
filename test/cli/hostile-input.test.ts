// The `groupwork` command against hostile and odd input: files that are not records, text that is not UTF-8, JSON with
// a key twice, options given twice, control characters in names and paths, and arbitrary bytes. Whatever comes in, a
// command ends with 0, 1 or 2 and, when it refuses, one line on standard error naming the command; never exit 3 or a
// stack trace. Each `Was a defect` test failed before the fix it names.
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { firstNonUtf8Byte } from "../../src/cli/io";
import { confidentialityLevels } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { type CommandRun, groupwork, linesOf, scratchFolder } from "../fixtures/cli/run";

const files = scratchFolder();
/** Writes bytes as they are (the scratch folder's write turns a Buffer into JSON). */
const writeBytes = (name: string, bytes: Uint8Array): string => {
  const path = join(files.dir, name);
  writeFileSync(path, bytes);
  return path;
};
const sampleText = JSON.stringify(sampleGroupRecord);
const record = files.write("record.json", sampleText);
const note = files.write("note.txt", "Hope spoke about her week.");
const labels = { confidentiality: "N", sensitivity: [], law: [] };
// Covered by the sample's consent c-hope-pcp (Hope to her doctor, for TREAT and COC, until February 2027).
const hopeToHerDoctor = {
  information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels },
  recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
  purpose: "COC",
  at: "2026-03-10T10:00:00-05:00",
};
const request = files.write("request.json", hopeToHerDoctor);
const rosterMapping = files.write("roster-mapping.json", {
  groupId: "grp-thursday-grief",
  columns: { memberId: "Client ID", displayName: "Name", role: "Role", start: "Start Date" },
  dateFormat: "MM/DD/YYYY",
});
const roster = (...rows: string[]): string => ["Client ID,Name,Role,Start Date", ...rows].join("\n");
const spreadsheet = files.write("roster.csv", roster("m-1,Ana Souza,member,02/05/2026"));

/** Every command, with `path` where it reads a record (or, for fhir import and import-csv, its only input). */
const everyCommand = (path: string): readonly (readonly string[])[] => [
  ["report", path],
  ["report", path, "--format", "markdown"],
  ["validate", path],
  ["check-note", note, "--record", path, "--member", "m-hope"],
  ["check-note", path, "--record", record, "--member", "m-hope"],
  ["disclose", "--record", path, "--request", request],
  ["disclose", "--record", record, "--request", path],
  ["fhir", "export", path],
  ["fhir", "import", path],
  ["fhir", "import", files.write("bundle-for-group.json", "{}"), "--group", path],
  ["import-csv", spreadsheet, "--mapping", path],
  ["import-csv", path, "--mapping", rosterMapping],
];

const isTheNote = (argv: readonly string[], path: string): boolean => argv[0] === "check-note" && argv[1] === path;

// biome-ignore lint/suspicious/noControlCharactersInRegex: a control character on standard error is what is looked for
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

/** What every run must keep to: exit 0-2, no stack trace, no control character, and one line when it refuses. */
function expectOrderly(argv: readonly string[], run: CommandRun): void {
  const where = `groupwork ${argv[0]}: `;
  expect([0, 1, 2], `${argv.join(" ")}: ${run.err}`).toContain(run.code);
  expect(run.err).not.toMatch(/internal error|\n\s+at /);
  expect(run.err).not.toMatch(CONTROL);
  if (run.code === 2) {
    expect(linesOf(run.err), run.err).toHaveLength(1);
    expect(run.err.startsWith(where), run.err).toBe(true);
    expect(run.out).toBe("");
  }
  // fhir import and import-csv list their problems one a line, then a summary line of their own.
  if (run.code === 1 && run.err !== "") {
    for (const line of linesOf(run.err))
      expect(line).toMatch(/^(error |warning |groupwork (fhir import|import-csv): )/);
  }
}

describe("every command, with a file that is not what it reads", () => {
  const deepLists = `${"[".repeat(50_000)}${"]".repeat(50_000)}`;
  const deepObjects = `${'{"a":'.repeat(50_000)}1${"}".repeat(50_000)}`;
  const contents: readonly [string, string | Buffer][] = [
    ["empty", ""],
    ["null", "null"],
    ["an empty list", "[]"],
    ["a JSON string", '"Hope Lindqvist"'],
    ["a number", "42"],
    ["an empty object after a byte-order mark", "\uFEFF{}"],
    ["CRLF line ends", '{\r\n"group": null\r\n}\r\n'],
    ["lists nested 50,000 deep", deepLists],
    ["objects nested 50,000 deep", deepObjects],
    ["__proto__ and constructor keys", '{"__proto__": {"group": {}}, "constructor": {"prototype": {}}}'],
    ["invalid UTF-8", Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
  ];
  it.each(contents)(
    "%s: every command ends 1 or 2, in order",
    async (name, content) => {
      const file = `not-a-record-${name.replace(/\W+/g, "-")}.json`;
      const path = typeof content === "string" ? files.write(file, content) : writeBytes(file, content);
      for (const argv of everyCommand(path)) {
        const run = await groupwork(argv);
        expectOrderly(argv, run);
        // As a note, "42" names no one: that is the answer, exit 0.
        if (!isTheNote(argv, path)) expect(run.code, argv.join(" ")).not.toBe(0);
      }
    },
    30_000,
  );

  it("a 10 MB file: every command ends 1 or 2, in order", async () => {
    const members = Array.from({ length: 160_000 }, (_, index) => ({ id: `m-${index}`, displayName: "Ana Souza" }));
    const path = files.write("ten-megabytes.json", { members });
    expect(statSync(path).size).toBeGreaterThan(10 * 2 ** 20);
    for (const argv of everyCommand(path)) {
      const run = await groupwork(argv);
      expectOrderly(argv, run);
      if (!isTheNote(argv, path)) expect(run.code).not.toBe(0);
    }
  }, 120_000);

  it("a folder and a missing file: exit 2 saying which and why", async () => {
    const folder = join(files.dir, "a-folder");
    mkdirSync(folder);
    for (const [path, why] of [
      [folder, "it is a folder, not a file."],
      [join(files.dir, "absent.json"), "there is no such file."],
    ] as const) {
      for (const argv of everyCommand(path)) {
        const run = await groupwork(argv);
        expectOrderly(argv, run);
        expect(run.code).toBe(2);
        expect(run.err).toContain(`"${path}": ${why}`);
      }
    }
  });
});

describe("text that is not UTF-8 is refused, not read with replacement characters", () => {
  // Was a defect: files were decoded with replacement characters, so a Latin-1 "Sofía Márquez" became "Sof\uFFFDa
  // M\uFFFDrquez", which check-note does not look for: the note passed, exit 0, "No other member is named".
  it("a Latin-1 note naming another member is exit 2, not a pass", async () => {
    const latin1 = writeBytes("latin1-note.txt", Buffer.from("Met with Sofía Márquez today.", "latin1"));
    const run = await groupwork(["check-note", latin1, "--record", record, "--member", "m-hope"]);
    // "Met with Sof" is 12 characters: the byte of "í" is the 13th.
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: `groupwork check-note: the note "${latin1}" is not UTF-8 text: the byte at line 1, column 13 is not UTF-8 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8.\n`,
    });
    // The same note in UTF-8 is found naming her.
    const utf8 = files.write("utf8-note.txt", "Met with Sofía Márquez today.");
    expect((await groupwork(["check-note", utf8, "--record", record, "--member", "m-hope"])).code).toBe(1);
  });

  it("a UTF-16 note is exit 2, with or without its byte-order mark", async () => {
    const text = "Will said William Chen came.";
    const withMark = writeBytes(
      "utf16-bom.txt",
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]),
    );
    const marked = await groupwork(["check-note", withMark, "--record", record, "--member", "m-hope"]);
    expect(marked.code).toBe(2);
    expect(marked.err).toContain("it is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8.");
    // Without the mark, ASCII in UTF-16 is valid UTF-8 with a NUL after every letter: no name would be found in it.
    const bare = writeBytes("utf16-bare.txt", Buffer.from(text, "utf16le"));
    const unmarked = await groupwork(["check-note", bare, "--record", record, "--member", "m-hope"]);
    expect(unmarked.code).toBe(2);
    // The first NUL follows the "W": line 1, column 2.
    expect(unmarked.err).toContain("it holds a NUL character at line 1, column 2");
  });

  it("names the line and the column in characters, after a line break and multi-byte characters", async () => {
    // Line 2 is `  "name": "Zoë ` then the byte 0xE9: "  " 2, "name" 6, ":" 1, " " 1, "\"Zoë " 5: 15 characters before it.
    const bytes = Buffer.concat([Buffer.from('{\n  "name": "Zoë '), Buffer.from([0xe9]), Buffer.from('"}')]);
    const run = await groupwork(["validate", writeBytes("latin1-record.json", bytes)]);
    expect(run.code).toBe(2);
    expect(run.err).toContain("is not UTF-8 text: the byte at line 2, column 16 is not UTF-8");
  });

  it("a Latin-1 spreadsheet is exit 2, and nothing is imported", async () => {
    const latin1 = writeBytes("latin1.csv", Buffer.from(roster("m-1,José Núñez,member,02/05/2026"), "latin1"));
    const run = await groupwork(["import-csv", latin1, "--mapping", rosterMapping]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    // "m-1,Jos" is 7 characters: the byte of "é" is the 8th.
    expect(run.err).toContain("is not UTF-8 text: the byte at line 2, column 8");
    expect(run.err).not.toContain("Jos");
  });

  it("keeps a replacement character that is in the file: it is UTF-8", async () => {
    const path = files.write("fffd.csv", roster("m-1,Ana \uFFFD Souza,member,02/05/2026"));
    const run = await groupwork(["import-csv", path, "--mapping", rosterMapping]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out)).toMatchObject({ members: [{ displayName: "Ana \uFFFD Souza" }] });
  });

  it("a NUL character given on standard input is refused as well", async () => {
    const run = await groupwork(["check-note", "-", "--record", record, "--member", "m-hope"], { stdin: "a\n\u0000b" });
    expect(run.code).toBe(2);
    expect(run.err).toContain(
      "the note (standard input) is not UTF-8 text: it holds a NUL character at line 2, column 1",
    );
  });

  // The oracle is the platform's own strict decoder.
  it("finds the first byte that is not UTF-8 exactly where a strict decoder stops", () => {
    const strict = new TextDecoder("utf-8", { fatal: true });
    const decodes = (bytes: Uint8Array): boolean => {
      try {
        strict.decode(bytes);
        return true;
      } catch {
        return false;
      }
    };
    const nearUtf8 = fc.array(
      fc.oneof(
        fc.integer({ min: 0, max: 255 }),
        fc.constantFrom(
          0x80,
          0xbf,
          0xc0,
          0xc1,
          0xc2,
          0xdf,
          0xe0,
          0xed,
          0xef,
          0xf0,
          0xf4,
          0xf5,
          0xff,
          0x9f,
          0xa0,
          0x8f,
          0x90,
        ),
      ),
      { maxLength: 24 },
    );
    const text = fc.string({ unit: "binary", maxLength: 12 }).map((value) => Buffer.from(value, "utf8"));
    fc.assert(
      fc.property(
        fc.oneof(
          nearUtf8.map((bytes) => Uint8Array.from(bytes)),
          text,
        ),
        (bytes) => {
          const bad = firstNonUtf8Byte(bytes);
          expect(bad === -1).toBe(decodes(bytes));
          if (bad >= 0) {
            // Everything before it is UTF-8, and it cannot start a character that completes.
            expect(decodes(bytes.subarray(0, bad))).toBe(true);
            for (let end = bad + 1; end <= Math.min(bad + 4, bytes.length); end++) {
              expect(decodes(bytes.subarray(bad, end))).toBe(false);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
    // Overlong, surrogate, above U+10FFFF, truncated.
    for (const bytes of [
      [0xc0, 0x80],
      [0xe0, 0x80, 0x80],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
      [0x41, 0xe2, 0x82],
    ]) {
      expect(firstNonUtf8Byte(Uint8Array.from(bytes))).toBe(bytes[0] === 0x41 ? 1 : 0);
    }
  }, 30_000);
});

describe("a key twice in one JSON object is refused, not resolved silently", () => {
  // Was a defect: JSON.parse keeps the last of a repeated key. A consent edited by hand to purposes TRAIN, with the
  // old line left below it, was read with the old purposes, and the disclosure it should no longer cover was permitted.
  it("a consent with purposes twice: exit 2 naming the key and where, not PERMIT", async () => {
    const edited = sampleText.replace('"id":"c-hope-pcp",', '"id":"c-hope-pcp","purposes":["TRAIN"],');
    expect(edited).not.toBe(sampleText);
    const before = await groupwork(["disclose", "--record", record, "--request", request]);
    expect(before.code).toBe(0);
    const path = files.write("purposes-twice.json", edited);
    const run = await groupwork(["disclose", "--record", path, "--request", request]);
    // The sample is one line: the second "purposes" starts where it stood in the text, 1-based.
    const column = edited.indexOf('"purposes":["TREAT"') + 1;
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: `groupwork disclose: the record "${path}" has the key "purposes" twice in one object, the second at line 1, column ${column}; JSON readers keep only one of them, so remove the other.\n`,
    });
  });

  it("compares keys as JSON reads them, and only within one object", async () => {
    const escaped = await groupwork(["validate", "-"], { stdin: '{"group": {},\n "\\u0067roup": {}}' });
    expect(escaped.code).toBe(2);
    expect(escaped.err).toContain('has the key "group" twice in one object, the second at line 2, column 2;');
    // The same key in two objects (every member has an "id"), or in a text that reads as JSON, is not a repeat.
    const purpose = '{"a": 1, "a": 2} \\"a\\": {"b": [{"b": 1}]}';
    const stdin = JSON.stringify({ ...sampleGroupRecord, group: { ...sampleGroupRecord.group, purpose } });
    expect(await groupwork(["validate", "-"], { stdin })).toMatchObject({ code: 0, err: "" });
  });

  it("finds a repeat 50,000 objects deep", async () => {
    const deep = `${'{"a":'.repeat(50_000)}{"b":1,"b":2}${"}".repeat(50_000)}`;
    const run = await groupwork(["validate", "-"], { stdin: deep });
    expect(run.code).toBe(2);
    expect(run.err).toContain(`has the key "b" twice in one object, the second at line 1, column ${50_000 * 5 + 8};`);
  }, 30_000);
});

describe("groupwork disclose with requests that are not requests", () => {
  // Was a defect: a request that was a JSON string was spread into the check as fields "0", "1", …, and the line read
  // `0: is not a field the check reads here …` once per character.
  it.each([
    ["a JSON string", JSON.stringify(JSON.stringify(hopeToHerDoctor)), "text"],
    ["a list", JSON.stringify([hopeToHerDoctor]), "a list"],
    ["a number", "7", "a number"],
    ["true", "true", "a boolean"],
    ["null", "null", "null"],
  ])("%s: exit 2, saying what a request must be", async (_, text, got) => {
    const run = await groupwork(["disclose", "--record", record, "--request", "-"], { stdin: text });
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: `groupwork disclose: the request (standard input) cannot be checked: it must be a JSON object with information, recipient, purpose and at; got ${got}\n`,
    });
  });

  it.each([
    ["without information", { ...hopeToHerDoctor, information: undefined }, "information: must be an object."],
    [
      "with a key the check does not read",
      { ...hopeToHerDoctor, urgent: true },
      "urgent: is not a field the check reads",
    ],
    [
      "with a memberId that is a list",
      { ...hopeToHerDoctor, information: { ...hopeToHerDoctor.information, memberId: ["m-hope"] } },
      "information.memberId: must be a non-empty string.",
    ],
    ["with consents of its own", { ...hopeToHerDoctor, consents: null }, 'holds "consents"; leave them out'],
  ])("%s: exit 2, one line, no decision", async (_, value, message) => {
    const run = await groupwork(["disclose", "--record", record, "--request", "-"], { stdin: JSON.stringify(value) });
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(message);
  });
});

describe("options", () => {
  // Was a defect: parseArgs keeps the last of an option given twice, so the first was dropped without a word; with
  // --confidentiality the Bundle took the weaker label.
  it.each([
    [["report", record, "--format", "json", "--format", "text"], "--format", "json", "text"],
    [["report", record, "-f", "json", "--format=markdown"], "--format", "json", "markdown"],
    [
      ["disclose", "--record", record, "--record", "other.json", "--request", request],
      "--record",
      record,
      "other.json",
    ],
    [["check-note", note, "-r", record, "-m", "m-hope", "--member", "m-will"], "--member", "m-hope", "m-will"],
    [["fhir", "export", record, "--confidentiality", "V", "--confidentiality", "U"], "--confidentiality", "V", "U"],
  ])("groupwork %j: an option given twice is exit 2 naming both", async (argv, option, first, second) => {
    const run = await groupwork(argv);
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: `groupwork ${argv[0]}: ${option} is given twice, as "${first}" and "${second}"; give it once (see groupwork ${argv[0]} --help)\n`,
    });
  });

  it("the same value twice, or a flag twice, drops nothing and is taken", async () => {
    expect((await groupwork(["validate", record, "-f", "json", "--format=json"])).code).toBe(0);
    const redacted = await groupwork(["check-note", note, "-r", record, "-m", "m-hope", "--redact", "--redact"]);
    expect(redacted.code).toBe(0);
  });

  // Was a defect: the message named toFhirBundle's option `options.security.confidentiality`, not the flag.
  it.each([
    [["--confidentiality", "bogus"], '--confidentiality must be U, L, M, N, R or V; got "bogus"'],
    [["--confidentiality", "r"], '--confidentiality must be U, L, M, N, R or V; got "r"'],
    [["--sensitivity", "SUD,bogus"], '--sensitivity: "bogus" is not an HL7 sensitivity code'],
    [["--sensitivity", ""], "--sensitivity needs one or more HL7 sensitivity codes"],
    [["--sensitivity", " , "], "--sensitivity needs one or more HL7 sensitivity codes"],
  ])("fhir export %j names the flag", async (options, message) => {
    const run = await groupwork(["fhir", "export", record, ...options]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`groupwork fhir: ${message}`);
    expect(run.err).not.toMatch(/toFhirBundle|options\./);
  });

  it("--confidentiality takes every HL7 level the library has, and names them all when refused", async () => {
    const levels: readonly string[] = confidentialityLevels.codes;
    for (const level of levels)
      expect((await groupwork(["fhir", "export", record, "--confidentiality", level])).code).toBe(0);
    const refused = await groupwork(["fhir", "export", record, "--confidentiality", "X"]);
    expect(refused.err).toContain(`must be ${levels.slice(0, -1).join(", ")} or ${levels.at(-1)}; got "X"`);
  });

  it("fhir import --group that is refused names the file and the flag", async () => {
    const bundle = files.write("bundle.json", (await groupwork(["fhir", "export", record])).out);
    const group = files.write("group-list.json", "[]");
    const run = await groupwork(["fhir", "import", bundle, "--group", group]);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(new RegExp(`^groupwork fhir: the group fields "${group}" \\(--group\\) are refused: `));
  });

  // Was a defect: the words after --version, --help or help were dropped.
  it.each([
    [["--version", "report"], 'groupwork: --version takes no arguments; got "report"'],
    [["-v", "-v"], 'groupwork: -v takes no arguments; got "-v"'],
    [["help", "report", "validate"], "groupwork: help takes one command at most; got 2 arguments"],
    [["--help", "reprot"], 'groupwork: there is no command "reprot"'],
  ])("groupwork %j is exit 2", async (argv, message) => {
    expect(await groupwork(argv)).toMatchObject({ code: 2, out: "", err: `${message}\n` });
  });

  it("groupwork --help <command> prints that command's usage, as groupwork help <command> does", async () => {
    const run = await groupwork(["--help", "disclose"]);
    expect(run.code).toBe(0);
    expect(run).toEqual(await groupwork(["help", "disclose"]));
    expect(run.out).toMatch(/^Usage: groupwork disclose/);
  });

  it.each([
    [["validate", "--", "-", "-"], "standard input (-) can be read only once"],
    [["report", "--", "--help"], 'cannot read the record "--help": there is no such file.'],
    [["report", "--format="], '--format must be text, markdown or json; got ""'],
    [["report", "--format", "JSON"], '--format must be text, markdown or json; got "JSON"'],
    [["fhir", "export", record, "--type="], '--type must be collection or transaction; got ""'],
    [["check-note", "-", "--record=-", "--member=m-hope"], "standard input (-) can be read only once"],
  ])("groupwork %j is exit 2, one line", async (argv, message) => {
    const run = await groupwork(argv);
    expect(run.code).toBe(2);
    expect(linesOf(run.err)).toHaveLength(1);
    expect(run.err).toContain(`groupwork ${argv[0]}: ${message}`);
    expect(run.stdinReads).toBe(0);
  });
});

describe("check-note with notes at the edges", () => {
  // Was a defect: an empty note passed ("No other member is named", exit 0): an empty pipe was vouched for.
  it.each([
    ["empty", ""],
    ["only whitespace", "  \n\t\r\n  "],
    ["only a byte-order mark", "\uFEFF"],
  ])("a note that is %s is exit 2", async (_, text) => {
    const run = await groupwork(["check-note", "-", "--record", record, "--member", "m-hope"], { stdin: text });
    expect(run).toMatchObject({
      code: 2,
      out: "",
      err: "groupwork check-note: the note (standard input) is empty or only whitespace: there is nothing to check\n",
    });
  });

  it("a 10 MB note that names another member at its end is found there", async () => {
    const filler = "Hope did well. ".repeat(700_000);
    const run = await groupwork(["check-note", "-", "-r", record, "-m", "m-hope", "-f", "json"], {
      stdin: `${filler}William Chen`,
    });
    expect(run.code).toBe(1);
    const found = JSON.parse(run.out) as { problems: { start: number; end: number; memberIds: string[] }[] };
    expect(found.problems).toEqual([
      expect.objectContaining({ start: 15 * 700_000, end: 15 * 700_000 + 12, memberIds: ["m-will"] }),
    ]);
  }, 30_000);
});

describe("control characters from a file or an argument never reach the terminal as they are", () => {
  const hostileName = "\u001b]0;owned\u0007\u001b[2JHo\rpe";
  const shown = "␛]0;owned␇␛[2JHo␍pe";
  const hostile = files.write("hostile-names.json", {
    ...sampleGroupRecord,
    group: { ...sampleGroupRecord.group, name: "Grief\nsupport\u202e" },
    members: sampleGroupRecord.members.map((member) =>
      member.id === "m-hope" ? { ...member, displayName: hostileName } : member,
    ),
  });

  // Was a defect: the report wrote a record's names as they are, so a name could set the terminal's title, clear the
  // screen, or end a Markdown heading or table row.
  it.each([["text"], ["markdown"]])("report --format %s shows them as signs", async (format) => {
    const run = await groupwork(["report", hostile, "--format", format]);
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(CONTROL);
    expect(run.out).not.toContain("\u202e");
    expect(run.out).toContain("Grief␊support\\u202e");
    // The text grid keeps 15 characters of a name: all 19 signs show in Markdown.
    expect(run.out).toContain(format === "markdown" ? shown : shown.slice(0, 15));
  });

  it("report --format json keeps the names exactly", async () => {
    const run = await groupwork(["report", hostile, "--format", "json"]);
    expect(run.out).toContain(JSON.stringify(hostileName).slice(1, -1));
  });

  it("validate lists an issue quoting a control character on one line", async () => {
    const broken = files.write("control-id.json", {
      ...sampleGroupRecord,
      attendance: [
        { ...sampleGroupRecord.attendance[0], memberId: "m-\u001b[2J\nx" },
        ...sampleGroupRecord.attendance.slice(1),
      ],
    });
    const run = await groupwork(["validate", broken]);
    expect(run.code).toBe(1);
    expect(run.out).not.toMatch(CONTROL);
    for (const line of linesOf(run.out).slice(1)) expect(line).toMatch(/^ {2}(error|warning) /);
  });

  it("a path, an option's value and a command name show their control characters in the error line", async () => {
    const runs = [
      await groupwork(["validate", "odd\nname\u001b[31m.json"]),
      await groupwork(["report", "--format", "json\r\u001b[2K"]),
      await groupwork(["rep\u001bort"]),
      await groupwork(["schema", "a\u0085b"]),
    ];
    expect(runs[0]?.err).toContain('"odd␊name␛[31m.json": there is no such file.');
    expect(runs[1]?.err).toContain('got "json␍␛[2K"');
    expect(runs[2]?.err).toContain('there is no command "rep␛ort"');
    expect(runs[3]?.err).toContain('there is no schema "a\\u0085b"');
    for (const run of runs) {
      expect(run.code).toBe(2);
      expect(linesOf(run.err)).toHaveLength(1);
      expect(run.err).not.toMatch(CONTROL);
    }
  });

  it("import-csv lists a header cell holding a line break on one line", async () => {
    const path = files.write(
      "header-break.csv",
      '"Client\nID",Name,Role,Start Date\nm-1,Ana Souza,member,02/05/2026\n',
    );
    const run = await groupwork(["import-csv", path, "--mapping", rosterMapping]);
    expect(run.code).toBe(1);
    expect(run.err).toContain('column "Client␊ID"');
    expectOrderly(["import-csv"], run);
  });

  it("fhir import lists a Bundle's problems one a line", async () => {
    const bundle = JSON.stringify({ resourceType: "Bundle", type: "a\nb\u001b[2J", entry: [] });
    const run = await groupwork(["fhir", "import", "-"], { stdin: bundle });
    expect(run.code).toBe(1);
    expectOrderly(["fhir"], run);
  });
});

describe("import-csv with odd spreadsheets and mappings", () => {
  it.each([
    ["text", '"roster"'],
    ["a list", "[]"],
    ["null", "null"],
  ])("a mapping that is %s is exit 2", async (_, text) => {
    const run = await groupwork(["import-csv", spreadsheet, "--mapping", "-"], { stdin: text });
    expect(run).toMatchObject({
      code: 2,
      err: "groupwork import-csv: the mapping (standard input) must be a JSON object\n",
    });
  });

  it("keeps cells that look like formulas, and a 5 MB cell, exactly as they are", async () => {
    const formula = "=cmd|' /C calc'!A0";
    const huge = "x".repeat(5_000_000);
    const path = files.write(
      "cells.csv",
      roster(`m-1,"${formula}",member,02/05/2026`, `m-2,${huge},member,02/05/2026`),
    );
    const run = await groupwork(["import-csv", path, "--mapping", rosterMapping]);
    expect(run.code).toBe(0);
    const names = (JSON.parse(run.out) as { members: { displayName: string }[] }).members.map((m) => m.displayName);
    expect(names).toEqual([formula, huge]);
  }, 30_000);

  it.each([
    ["a quote that does not close", roster('m-1,"Ana Souza,member,02/05/2026'), "malformed-quotes at row 2"],
    ["a column the mapping reads missing", "Client ID,Name\nm-1,Ana Souza", 'missing-column at row 1, column "Role"'],
  ])("%s: exit 1, the problem with its row, nothing imported", async (_, text, problem) => {
    const run = await groupwork(["import-csv", "-", "--mapping", rosterMapping], { stdin: text });
    expect(run.code).toBe(1);
    expect(run.out).toBe("");
    expect(run.err).toContain(`error ${problem}`);
    expect(run.err).not.toContain("Ana");
    expectOrderly(["import-csv"], run);
  });
});

describe("arbitrary bytes as the record", () => {
  // The record's text with one ASCII byte replaced by a lone continuation byte: never UTF-8, so never a valid record.
  const sampleBytes = Buffer.from(sampleText, "utf8");
  const asciiAt = [...sampleBytes.keys()].filter((index) => (sampleBytes[index] as number) < 0x80);
  const corrupted = fc.tuple(fc.constantFrom(...asciiAt), fc.integer({ min: 0x80, max: 0xbf })).map(([index, byte]) => {
    const copy = Buffer.from(sampleBytes);
    copy[index] = byte;
    return copy;
  });
  // The record's text cut short: its final brace is missing, so it is never JSON.
  const truncated = fc.integer({ min: 0, max: sampleBytes.length - 1 }).map((end) => sampleBytes.subarray(0, end));
  const bytes = fc.oneof(
    fc.uint8Array({ maxLength: 400 }).map((array) => Buffer.from(array)),
    fc.jsonValue({ maxDepth: 4 }).map((value) => Buffer.from(JSON.stringify(value) ?? "null", "utf8")),
    fc.string({ unit: "binary", maxLength: 200 }).map((text) => Buffer.from(text, "latin1")),
    corrupted,
    truncated,
  );
  const commands = (path: string): readonly (readonly string[])[] => [
    ["report", path],
    ["validate", path],
    ["check-note", note, "--record", path, "--member", "m-hope"],
    ["disclose", "--record", path, "--request", request],
    ["fhir", "export", path],
  ];

  it("every command ends 1 or 2 (never 3, never a throw), with at most one line on standard error", async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = join(files.dir, `arbitrary-${count++}.json`);
        writeFileSync(path, content);
        for (const argv of commands(path)) {
          const run = await groupwork(argv);
          expect([1, 2], `${argv.join(" ")}: ${run.err}`).toContain(run.code);
          expectOrderly(argv, run);
          expect(linesOf(run.err).length).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);

  it("fhir import and import-csv end 1 or 2, listing problems one a line", async () => {
    let count = 0;
    await fc.assert(
      fc.asyncProperty(bytes, async (content) => {
        const path = join(files.dir, `arbitrary-input-${count++}`);
        writeFileSync(path, content);
        for (const argv of [
          ["fhir", "import", path],
          ["import-csv", path, "--mapping", rosterMapping],
        ]) {
          const run = await groupwork(argv);
          expect([1, 2], `${argv.join(" ")}: ${run.err}`).toContain(run.code);
          expectOrderly(argv, run);
        }
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});
