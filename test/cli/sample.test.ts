// groupwork sample: the bundled sample record as JSON with a 2-space indent, a file a command-line user starts from.
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, linesOf, scratchFolder } from "../fixtures/cli/run";

const files = scratchFolder();

describe("groupwork sample", () => {
  it("prints the bundled sample record as JSON, and nothing on standard error", async () => {
    const run = await groupwork(["sample"]);
    expect(run).toMatchObject({ code: 0, err: "", stdinReads: 0 });
    expect(JSON.parse(run.out)).toEqual(sampleGroupRecord);
  });

  it("indents by two spaces, one field a line, and ends with a newline", async () => {
    const { out } = await groupwork(["sample"]);
    // The record opens with the group: src/sample/grief-group.ts.
    expect(linesOf(out).slice(0, 4)).toEqual([
      "{",
      '  "group": {',
      '    "id": "grp-thursday-grief",',
      '    "name": "Thursday Evening Grief Support",',
    ]);
    expect(out.endsWith("\n}\n")).toBe(true);
  });

  it("is a file validate finds valid and report reports on as the bundled sample", async () => {
    const path = files.write("my-group.json", (await groupwork(["sample"])).out);
    expect((await groupwork(["validate", path])).out).toBe(`"${path}": valid (0 errors, 0 warnings)\n`);
    const fromFile = JSON.parse((await groupwork(["report", path, "-f", "json"])).out) as Record<string, unknown>;
    const bundled = JSON.parse((await groupwork(["report", "-f", "json"])).out) as Record<string, unknown>;
    expect({ ...fromFile, source: "" }).toEqual({ ...bundled, source: "" });
  });

  it("says what it is for in its help", async () => {
    const run = await groupwork(["sample", "--help"]);
    expect(run.out).toMatch(/^Usage: groupwork sample\n/);
    expect(run.out).toContain("  groupwork sample > my-group.json\n");
    expect((await groupwork(["--help"])).out).toMatch(/^ {2}sample +print the bundled sample group record as JSON/m);
  });
});
