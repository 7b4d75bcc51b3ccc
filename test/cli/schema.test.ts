// groupwork schema: the list of wire types, and one type's JSON Schema, which an independent validator (ajv, draft
// 2020-12) can use to accept the sample and refuse a broken record.
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { sampleGroupRecord } from "../../src/sample/index";
import { groupwork, linesOf } from "../fixtures/cli/run";
import { change, edited } from "../fixtures/sample-edits";

describe("groupwork schema", () => {
  it("lists the names, one a line, among them the record and the stage event", async () => {
    const run = await groupwork(["schema"]);
    expect(run.code).toBe(0);
    expect(run.err).toBe("");
    const names = linesOf(run.out);
    expect(names).toEqual(expect.arrayContaining(["group-record", "member", "consent", "stage-event"]));
    for (const name of names) expect(name).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it("prints a draft 2020-12 schema that ajv uses to accept the sample and refuse a negative duration", async () => {
    const run = await groupwork(["schema", "group-record"]);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.out) as { $schema: string };
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sampleGroupRecord), JSON.stringify(validate.errors)).toBe(true);
    const negative = edited(change(["sessions", 1], { id: "s-02" }, { durationMinutes: -5 }));
    expect(validate(negative)).toBe(false);
  });

  it("prints every listed schema", async () => {
    for (const name of linesOf((await groupwork(["schema"])).out)) {
      const run = await groupwork(["schema", name]);
      expect(run.code, name).toBe(0);
      expect(JSON.parse(run.out)).toHaveProperty("$schema");
    }
  });

  it("refuses a name it does not have: exit 2, listing the names", async () => {
    const run = await groupwork(["schema", "grouprecord"]);
    expect(run.code).toBe(2);
    expect(run.out).toBe("");
    expect(run.err).toMatch(/^groupwork schema: there is no schema "grouprecord"; the schemas are .*group-record/);
    expect(linesOf(run.err)).toHaveLength(1);
  });
});
