import type { ValidateFunction } from "ajv";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { groupworkJsonSchemas, parseGroupRecord, type WireSchemaName } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { persistStageSnapshot, replayStageEvents, tuckmanModel } from "../../src/stages/index";
import { malformedRecords } from "../fixtures/malformed-records";

// ajv is an independent validator: if the generated JSON Schemas and parseGroupRecord disagree about shape, hosts in
// other languages would accept data the library rejects (or the reverse).

const SCHEMA_NAMES: readonly WireSchemaName[] = [
  "group-record",
  "group",
  "member",
  "membership",
  "session",
  "attendance-record",
  "turn",
  "interaction-act",
  "group-agreement",
  "consent",
  "stage-event",
  "stage-snapshot-envelope",
];

// Shape rules JSON Schema cannot express, so the "group-record" schema accepts these cases and only
// parseGroupRecord rejects them. Calendar dates are not among them: ajv rejects 2026-02-30, 1961-02-29 and 2026-04-31
// (the generated `pattern` encodes month lengths and leap years, and ajv-formats' `date` checks them too).
const BEYOND_JSON_SCHEMA: ReadonlyMap<string, string> = new Map([
  // Whether a well-formed name is in the IANA database is a lookup in the runtime's Intl data; the schema carries
  // only the name's outline, which rejects offsets such as "+05:00" but not an invented "Mars/Olympus".
  ['time zone "Mars/Olympus"', "time zone names are checked against the IANA database"],
]);

const schemas = groupworkJsonSchemas();

function validatorFor(name: WireSchemaName, options: { validateFormats?: boolean } = {}): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...options });
  addFormats(ajv);
  return ajv.compile(schemas[name]);
}

/** The value as a host would send it: JSON, with undefined fields dropped. */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function errorsOf(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ""}`).join("; ");
}

describe("groupworkJsonSchemas", () => {
  it("has a draft 2020-12 schema for each of the 12 wire types", () => {
    expect(Object.keys(schemas).sort()).toEqual([...SCHEMA_NAMES].sort());
    for (const name of SCHEMA_NAMES) {
      expect(schemas[name]["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    }
  });

  it.each(SCHEMA_NAMES)("%s compiles with ajv in strict mode", (name) => {
    expect(() => validatorFor(name)).not.toThrow();
  });
});

describe('the "group-record" JSON Schema', () => {
  const validate = validatorFor("group-record");

  it("accepts the bundled sample", () => {
    const valid = validate(asJson(sampleGroupRecord));
    expect(errorsOf(validate)).toBe("");
    expect(valid).toBe(true);
  });

  const shapeCases = malformedRecords.filter((entry) => entry.shape);
  const referenceCases = malformedRecords.filter((entry) => !entry.shape);

  describe("rejects each shape problem", () => {
    for (const entry of shapeCases.filter((shapeCase) => !BEYOND_JSON_SCHEMA.has(shapeCase.name))) {
      it(entry.name, () => {
        expect(validate(asJson(entry.build()))).toBe(false);
      });
    }
  });

  describe("accepts the shape problems JSON Schema cannot express, which only parseGroupRecord rejects", () => {
    for (const [name, reason] of BEYOND_JSON_SCHEMA) {
      it(`${name}: ${reason}`, () => {
        const entry = shapeCases.find((shapeCase) => shapeCase.name === name);
        expect(entry).toBeDefined();
        // If the schema learns to reject this case, move it out of BEYOND_JSON_SCHEMA.
        expect(validate(asJson(entry?.build()))).toBe(true);
      });
    }
  });

  describe("accepts each reference problem, as JSON Schema checks shape only", () => {
    for (const entry of referenceCases) {
      it(entry.name, () => {
        const valid = validate(asJson(entry.build()));
        expect(errorsOf(validate)).toBe("");
        expect(valid).toBe(true);
      });
    }
  });

  it("rejects impossible calendar dates by pattern alone, for validators that ignore `format`", () => {
    const withoutFormats = new Ajv2020({ allErrors: true, strict: true, validateFormats: false }).compile(
      schemas["group-record"],
    );
    const impossible = shapeCases.filter((entry) =>
      ["group starts on 2026-02-30", "birth date 1961-02-29 (1961 is not a leap year)"].includes(entry.name),
    );
    expect(impossible).toHaveLength(2);
    for (const entry of impossible) expect(withoutFormats(asJson(entry.build()))).toBe(false);
    expect(withoutFormats(asJson(sampleGroupRecord))).toBe(true);
  });
});

describe("the per-entity JSON Schemas", () => {
  const sample = asJson(sampleGroupRecord) as Record<string, unknown>;
  const listed: readonly [WireSchemaName, string, number][] = [
    ["member", "members", 10],
    ["membership", "memberships", 10],
    ["session", "sessions", 12],
    ["attendance-record", "attendance", 84],
    ["turn", "turns", 39],
    ["interaction-act", "interactionActs", 10],
    ["group-agreement", "agreements", 1],
    ["consent", "consents", 4],
    ["stage-event", "stageEvents", 20],
  ];

  it('"group" accepts the sample group', () => {
    const validate = validatorFor("group");
    expect(validate(sample["group"])).toBe(true);
  });

  it.each(listed)('"%s" accepts each entry of the sample\'s %s (%i)', (name, list, count) => {
    const validate = validatorFor(name);
    const entries = sample[list];
    expect(entries).toHaveLength(count);
    const rejected = (Array.isArray(entries) ? entries : []).filter((entry: unknown) => !validate(entry));
    expect(rejected).toEqual([]);
  });

  function sampleEntry(list: string, index: number): Record<string, unknown> {
    const entry: unknown = asJson((sample[list] as unknown[] | undefined)?.[index]);
    if (typeof entry !== "object" || entry === null) throw new Error(`the sample has ${list}[${index}]`);
    return entry as Record<string, unknown>;
  }

  function without(entry: Record<string, unknown>, key: string): Record<string, unknown> {
    const { [key]: _left, ...rest } = entry;
    return rest;
  }

  // Each entry is a sample entry (accepted above) with one thing wrong, so it can only be rejected for that.
  const rejections: readonly { schema: WireSchemaName; problem: string; entry: unknown }[] = [
    { schema: "member", problem: "an unknown field", entry: { ...sampleEntry("members", 3), nickname: "Bill" } },
    { schema: "member", problem: "a blank display name", entry: { ...sampleEntry("members", 3), displayName: "   " } },
    { schema: "member", problem: "no id", entry: without(sampleEntry("members", 3), "id") },
    { schema: "membership", problem: 'role "boss"', entry: { ...sampleEntry("memberships", 1), role: "boss" } },
    {
      schema: "session",
      problem: "a start without an offset",
      entry: { ...sampleEntry("sessions", 0), scheduledStart: "2026-02-05T18:00:00" },
    },
    {
      schema: "attendance-record",
      problem: 'status "tardy"',
      entry: { ...sampleEntry("attendance", 52), status: "tardy" },
    },
    { schema: "turn", problem: "a negative start", entry: { ...sampleEntry("turns", 0), start: -3 } },
    {
      schema: "interaction-act",
      problem: "Bales category 13",
      entry: { ...sampleEntry("interactionActs", 1), category: 13 },
    },
    {
      schema: "group-agreement",
      problem: "no confidentiality terms",
      entry: { ...sampleEntry("agreements", 0), confidentialityTerms: [] },
    },
    {
      schema: "consent",
      problem: 'purpose "TREATMENT"',
      entry: { ...sampleEntry("consents", 0), purposes: ["TREATMENT", "COC"] },
    },
  ];

  for (const { schema, problem, entry } of rejections) {
    it(`"${schema}" rejects an entry with ${problem}`, () => {
      expect(validatorFor(schema)(entry)).toBe(false);
    });
  }
});

describe('the "stage-snapshot-envelope" JSON Schema', () => {
  // A host in another language stores what persistStageSnapshot writes; the schema must accept it as written, and a
  // copy whose history entry lost its stage must fail.
  const record = parseGroupRecord(sampleGroupRecord);
  if (!record.ok) throw new Error("the sample must parse");
  const replay = replayStageEvents(
    tuckmanModel,
    { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 },
    record.value.stageEvents,
  );
  const envelope = asJson(persistStageSnapshot(replay.snapshot)) as { snapshot: { context: { history: object[] } } };

  it("accepts the sample group's replayed, persisted snapshot", () => {
    expect(replay.ok).toBe(true);
    expect(validatorFor("stage-snapshot-envelope")(envelope)).toBe(true);
  });

  it("rejects a history entry without its stage", () => {
    const tampered = structuredClone(envelope);
    const { stage: _dropped, ...entry } = tampered.snapshot.context.history[0] as { stage: string };
    tampered.snapshot.context.history[0] = entry;
    expect(validatorFor("stage-snapshot-envelope")(tampered)).toBe(false);
  });
});
