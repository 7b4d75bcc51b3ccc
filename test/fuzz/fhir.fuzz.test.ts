import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fromFhirBundle, toFhirBundle } from "../../src/fhir/index";
import { GroupworkError, parseGroupRecord, type SensitivityCode, sensitivityCodes } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { revoked, thrownBy } from "../fixtures/untrusted";
import { generatedInputs, sample, sampleParsed } from "./bases";
import { call, describeError, type EntryPoint } from "./contract";
import { expectArray, expectBoolean, expectRecord, expectString, fail } from "./results";
import { RUNS, seedFor, TEST_TIMEOUT_MS } from "./settings";
import { fuzzEntryPoints } from "./suite";

// The FHIR room's public functions, which read a record or a Bundle from outside: the suite's corruptions, then
// corruptions a FHIR Bundle invites (swapped fields, references aimed at the wrong resource or at themselves, entries
// repeated or retyped), then the hostile values the suite does not build (Proxies, getters that throw, lone surrogates).

/** The sample as toFhirBundle writes it, as a host receives it: plain JSON. */
const sampleBundle: unknown = JSON.parse(JSON.stringify(toFhirBundle(sampleGroupRecord)));
const transactionBundle: unknown = JSON.parse(JSON.stringify(toFhirBundle(sampleGroupRecord, { type: "transaction" })));
const generatedBundles: readonly unknown[] = generatedInputs
  .slice(0, 2)
  .map((input) => JSON.parse(JSON.stringify(toFhirBundle(input))));

/** A Bundle another system wrote: a Group and a Patient, with the group fields FHIR has no element for as options. */
const foreignBundle = {
  resourceType: "Bundle",
  type: "collection",
  entry: [
    {
      fullUrl: "urn:uuid:3f0c6b1e-64f4-4c6b-9a55-1d3f1e0f8a01",
      resource: {
        resourceType: "Group",
        type: "person",
        actual: true,
        name: "Tuesday Carers",
        member: [{ entity: { reference: "urn:uuid:3f0c6b1e-64f4-4c6b-9a55-1d3f1e0f8a02" } }],
      },
    },
    {
      fullUrl: "urn:uuid:3f0c6b1e-64f4-4c6b-9a55-1d3f1e0f8a02",
      resource: { resourceType: "Patient", id: "p1", name: [{ text: "Ana Souza" }] },
    },
  ],
};
const foreignOptions = {
  group: {
    purpose: "Mutual support for family carers.",
    kind: "support",
    membership: "open",
    participation: "optional",
    timeZone: "Europe/London",
    startDate: "2026-01-13",
  },
  sessionMode: "in-person",
};

// FHIR R4 `string` (https://hl7.org/fhir/R4/datatypes.html#string): no character below U+0020 but tab, line feed and
// carriage return; and JSON text is Unicode (RFC 8259 section 8.1), which has no lone surrogate.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Throws, naming the path, at the first string FHIR R4 JSON cannot carry. Iterative: outputs are not trusted either. */
function expectFhirText(value: unknown, what: string): void {
  const work: [unknown, string][] = [[value, what]];
  while (work.length > 0) {
    const [item, path] = work.pop() as [unknown, string];
    if (typeof item === "string") {
      if (CONTROL.test(item)) fail(`${path} holds a control character FHIR R4 text cannot carry`);
      if (LONE_SURROGATE.test(item)) fail(`${path} holds a lone surrogate, which no Unicode text can carry`);
    } else if (Array.isArray(item)) {
      item.forEach((inner, index) => {
        work.push([inner, `${path}[${index}]`]);
      });
    } else if (typeof item === "object" && item !== null) {
      for (const [key, inner] of Object.entries(item)) work.push([inner, `${path}.${key}`]);
    } else if (typeof item === "number" && !Number.isFinite(item)) {
      fail(`${path} is ${item}, which JSON cannot carry`);
    } else if (item !== null && typeof item !== "number" && typeof item !== "boolean") {
      fail(`${path} is a ${typeof item}, which JSON cannot carry`);
    }
  }
}

function expectBundle(result: unknown): void {
  const bundle = expectRecord(result, "result");
  if (bundle["resourceType"] !== "Bundle") fail("result.resourceType should be Bundle");
  if (bundle["type"] !== "collection" && bundle["type"] !== "transaction") fail("result.type should be a Bundle type");
  for (const entry of expectArray(bundle["entry"], "result.entry")) {
    expectString(expectRecord(entry, "entry")["fullUrl"], "entry.fullUrl");
    expectString(expectRecord(expectRecord(entry, "entry")["resource"], "entry.resource")["resourceType"], "type");
  }
  expectFhirText(result, "result");
}

/**
 * fromFhirBundle's documented result: issues with a code, a severity, a path of strings and numbers, and a message;
 * `ok: true` only with warnings alone, a record parseGroupRecord accepts and a security label; `ok: false` with an
 * error among the issues.
 */
function expectImport(result: unknown): void {
  const read = expectRecord(result, "result");
  const ok = expectBoolean(read["ok"], "result.ok");
  const issues = expectArray(read["issues"], "result.issues");
  for (const issue of issues) {
    const { code, severity, path, message } = expectRecord(issue, "issue");
    expectString(code, "issue.code");
    if (severity !== "error" && severity !== "warning") fail("issue.severity should be error or warning");
    if (expectString(message, "issue.message").trim() === "") fail("issue.message should say something");
    for (const key of expectArray(path, "issue.path")) {
      if (typeof key !== "string" && typeof key !== "number") fail("issue.path keys should be strings or numbers");
    }
  }
  const errors = issues.filter((issue) => expectRecord(issue, "issue")["severity"] === "error");
  if (!ok) {
    if (errors.length === 0) fail("result.ok is false, but no issue is an error");
    return;
  }
  if (errors.length > 0) fail("result.ok is true, but an issue is an error");
  const parsed = parseGroupRecord(read["value"]);
  if (!parsed.ok) fail(`result.value does not pass parseGroupRecord: ${parsed.issues[0]?.message ?? ""}`);
  const security = expectRecord(read["security"], "result.security");
  expectString(security["confidentiality"], "result.security.confidentiality");
  expectArray(security["sensitivity"], "result.security.sensitivity");
}

const entries: EntryPoint[] = [
  {
    name: "toFhirBundle",
    bases: [
      [sample],
      [sample, { type: "transaction" }],
      [sampleParsed, { type: "collection", security: { confidentiality: "V", sensitivity: ["SUD", "PSY"] } }],
      ...generatedInputs.slice(0, 2).map((input) => [input]),
    ],
    call: call(toFhirBundle),
    check: expectBundle,
    // Each case parses a record of about 500 values and writes a Bundle of 115 resources.
    maxRuns: 400,
  },
  {
    name: "fromFhirBundle",
    bases: [
      [sampleBundle],
      [transactionBundle, {}],
      ...generatedBundles.map((bundle) => [bundle]),
      [foreignBundle, foreignOptions],
    ],
    call: call(fromFhirBundle),
    check: expectImport,
    maxRuns: 400,
  },
];

describe("fuzz: fhir", () => {
  fuzzEntryPoints(entries);

  // Corruptions a Bundle invites and the suite does not make: each picks places in the sample Bundle by their path.
  type Path = readonly (string | number)[];
  const paths: Path[] = [];
  const references: Path[] = [];
  const walk = (value: unknown, path: Path): void => {
    paths.push(path);
    if (typeof value !== "object" || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      const at = [...path, Array.isArray(value) ? Number(key) : key];
      if (key === "reference" && typeof inner === "string") references.push(at);
      walk(inner, at);
    }
  };
  walk(sampleBundle, []);
  const entryCount = (sampleBundle as { entry: unknown[] }).entry.length;

  const get = (root: unknown, path: Path): unknown =>
    path.reduce<unknown>((value, key) => (value as Record<string | number, unknown>)?.[key], root);
  const set = (root: unknown, path: Path, value: unknown): void => {
    const parent = get(root, path.slice(0, -1));
    const key = path.at(-1);
    if (typeof parent === "object" && parent !== null && key !== undefined) {
      (parent as Record<string | number, unknown>)[key] = value;
    }
  };

  type Edit =
    | { op: "swap"; a: Path; b: Path }
    | { op: "retarget"; at: Path; to: "self" | "entry" | "nowhere" | "relative"; entry: number }
    | { op: "duplicate-entry"; entry: number; keepFullUrl: boolean }
    | { op: "retype"; entry: number; type: string }
    | { op: "drop-entry"; entry: number };
  const pathArb = fc.constantFrom(...paths.filter((path) => path.length > 0));
  const entryArb = fc.integer({ min: 0, max: entryCount - 1 });
  const editArb: fc.Arbitrary<Edit> = fc.oneof(
    fc.record({ op: fc.constant("swap" as const), a: pathArb, b: pathArb }),
    fc.record({
      op: fc.constant("retarget" as const),
      at: fc.constantFrom(...references),
      to: fc.constantFrom("self" as const, "entry" as const, "nowhere" as const, "relative" as const),
      entry: entryArb,
    }),
    fc.record({ op: fc.constant("duplicate-entry" as const), entry: entryArb, keepFullUrl: fc.boolean() }),
    fc.record({
      op: fc.constant("retype" as const),
      entry: entryArb,
      type: fc.constantFrom("Patient", "Practitioner", "Group", "Encounter", "Appointment", "Consent", "Observation"),
    }),
    fc.record({ op: fc.constant("drop-entry" as const), entry: entryArb }),
  );

  function apply(bundle: { entry: Record<string, unknown>[] }, edit: Edit): void {
    switch (edit.op) {
      case "swap": {
        const [a, b] = [get(bundle, edit.a), get(bundle, edit.b)];
        // A path inside the other would make a cycle; the suite tries cycles on its own.
        if (edit.a.join("/").startsWith(edit.b.join("/")) || edit.b.join("/").startsWith(edit.a.join("/"))) return;
        set(bundle, edit.a, b);
        set(bundle, edit.b, a);
        return;
      }
      case "retarget": {
        const self = edit.at.slice(0, 2);
        const target = {
          self: get(bundle, [...self, "fullUrl"]),
          entry: bundle.entry[edit.entry]?.["fullUrl"],
          nowhere: "urn:uuid:00000000-0000-4000-8000-000000000000",
          relative: `Patient/${String(get(bundle, ["entry", edit.entry, "resource", "id"]))}`,
        }[edit.to];
        set(bundle, edit.at, target);
        return;
      }
      case "duplicate-entry": {
        const copy = structuredClone(bundle.entry[edit.entry]);
        if (copy !== undefined && !edit.keepFullUrl) copy["fullUrl"] = "urn:uuid:11111111-1111-4111-8111-111111111111";
        if (copy !== undefined) bundle.entry.push(copy);
        return;
      }
      case "retype":
        set(bundle, ["entry", edit.entry, "resource", "resourceType"], edit.type);
        return;
      case "drop-entry":
        bundle.entry.splice(edit.entry, 1);
        return;
    }
  }

  it(
    "fromFhirBundle reads a Bundle with fields swapped, references misaimed and entries repeated or retyped",
    () => {
      fc.assert(
        fc.property(fc.array(editArb, { minLength: 1, maxLength: 3 }), (edits) => {
          const bundle = structuredClone(sampleBundle) as { entry: Record<string, unknown>[] };
          for (const edit of edits) apply(bundle, edit);
          let result: unknown;
          try {
            result = fromFhirBundle(bundle);
          } catch (error) {
            throw new Error(`fromFhirBundle threw ${describeError(error)}`);
          }
          expectImport(result);
        }),
        { numRuns: Math.min(RUNS, 300), seed: seedFor("fromFhirBundle edits") },
      );
    },
    TEST_TIMEOUT_MS,
  );

  it("toFhirBundle refuses a record that cannot be read with a GroupworkError, not the error of reading it", () => {
    const getter = Object.defineProperty({ ...sampleGroupRecord }, "members", {
      enumerable: true,
      get: () => {
        throw new RangeError("host getter");
      },
    });
    for (const record of [revoked(), getter]) {
      const error = thrownBy(() => toFhirBundle(record));
      expect(error, describeError(error)).toBeInstanceOf(GroupworkError);
    }
  });

  it("toFhirBundle refuses text no Unicode JSON can carry (a lone surrogate), naming the field", () => {
    const members = sampleGroupRecord.members.map((member) =>
      member.id === "m-hope" ? { ...member, displayName: "Hope \uD800Lindqvist" } : member,
    );
    const error = thrownBy(() => toFhirBundle({ ...sampleGroupRecord, members }));
    expect(error).toBeInstanceOf(GroupworkError);
    expect((error as Error).message).toMatch(/members\[2\]\.displayName/);
  });

  it("toFhirBundle looks at no more of a sensitivity list than the vocabulary could fill", () => {
    // A list of 2^32 - 1 holes: read item by item, it takes minutes. The Proxy counts the items asked about and
    // stops the call (with an error of its own) past 10,000, far more than the vocabulary's codes.
    let asked = 0;
    const holes: SensitivityCode[] = [];
    holes.length = 2 ** 32 - 1;
    const sensitivity = new Proxy(holes, {
      has: (target, key) => {
        if (typeof key === "string" && /^\d+$/.test(key) && ++asked > 10_000) throw new Error("read too far");
        return Reflect.has(target, key);
      },
      get: (target, key) => {
        if (typeof key === "string" && /^\d+$/.test(key) && ++asked > 10_000) throw new Error("read too far");
        return Reflect.get(target, key);
      },
    });
    const error = thrownBy(() => toFhirBundle(sampleGroupRecord, { security: { confidentiality: "R", sensitivity } }));
    expect(asked).toBeLessThanOrEqual(sensitivityCodes.codes.length + 1);
    expect(error).toBeInstanceOf(GroupworkError);
  });

  /** The sample Bundle with one change, and the import of it. */
  const importEdited = (edit: (entries: { fullUrl: string; resource: Record<string, unknown> }[]) => void) => {
    const bundle = structuredClone(sampleBundle) as { entry: { fullUrl: string; resource: Record<string, unknown> }[] };
    edit(bundle.entry);
    return fromFhirBundle(bundle);
  };
  const firstOf = (entries: { fullUrl: string; resource: Record<string, unknown> }[], type: string) => {
    const found = entries.find((entry) => entry.resource["resourceType"] === type);
    if (found === undefined) throw new Error(`the sample Bundle has no ${type}`);
    return found;
  };

  it("fromFhirBundle refuses a resource with a modifier extension it does not know, rather than read past it", () => {
    // FHIR R4 section 2.21.0.5 (extensibility, modifierExtension): a modifier extension changes the meaning of its
    // resource, and an application that does not know it SHALL NOT read the resource as if it were absent.
    for (const type of ["Consent", "Patient", "Group"]) {
      const result = importEdited((entries) => {
        firstOf(entries, type).resource["modifierExtension"] = [
          { url: "http://example.org/fhir/StructureDefinition/entered-in-error", valueBoolean: true },
        ];
      });
      expect(result.ok, type).toBe(false);
      expect(
        result.issues.some((issue) => issue.severity === "error" && issue.path.includes("modifierExtension")),
        type,
      ).toBe(true);
    }
  });

  it("fromFhirBundle refuses a Consent whose nested provisions it cannot keep, rather than read it as broader", () => {
    // A nested provision is an exception to its parent (FHIR R4 Consent.provision.provision): dropping a "deny"
    // exception turns a narrow permission into a wide one.
    const result = importEdited((entries) => {
      const provision = firstOf(entries, "Consent").resource["provision"] as Record<string, unknown>;
      provision["provision"] = [
        {
          type: "deny",
          purpose: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HPAYMT" }],
        },
      ];
    });
    expect(result.ok).toBe(false);
  });

  it("fromFhirBundle refuses a second group Encounter for one session, rather than add its turns again", () => {
    const result = importEdited((entries) => {
      const encounter = structuredClone(firstOf(entries, "Encounter"));
      encounter.fullUrl = "urn:uuid:11111111-1111-4111-8111-111111111111";
      encounter.resource["id"] = "11111111-1111-4111-8111-111111111111";
      entries.push(encounter);
    });
    // The sample has 39 turns; read twice, session 1's turns would be 54.
    if (result.ok) expect(result.value.turns.length).toBe(39);
    expect(result.ok).toBe(false);
  });

  it("fromFhirBundle names the Bundle once at the start of a message", () => {
    const entry: unknown[] = [];
    entry.length = 100_001;
    for (const bundle of [{ resourceType: "Bundle", type: "collection", entry }, revoked()]) {
      const result = fromFhirBundle(bundle);
      expect(result.ok).toBe(false);
      for (const issue of result.issues) expect(issue.message).not.toMatch(/^Bundle: Bundle:/);
    }
  });

  it("fromFhirBundle reports, without throwing, what the suite does not build", () => {
    const withEntries = (entry: unknown[]): unknown => ({ ...(sampleBundle as object), entry });
    const sampleEntries = (sampleBundle as { entry: unknown[] }).entry;
    let deep: unknown = {};
    for (let level = 0; level < 10_000; level++) deep = { a: deep };
    const huge: unknown[] = [];
    huge.length = 2 ** 32 - 1;
    const getter = Object.defineProperty({ resourceType: "Basic" }, "code", {
      enumerable: true,
      get: () => {
        throw new TypeError("host getter");
      },
    });
    const cases: [string, unknown, string][] = [
      [
        "10,000 levels deep",
        withEntries([...sampleEntries, { resource: { resourceType: "Basic", x: deep } }]),
        "invalid-value",
      ],
      ["100,001 entries", withEntries(Array.from({ length: 100_001 }, () => sampleEntries[0])), "invalid-value"],
      ["2^32 - 1 holes", withEntries(huge), "invalid-value"],
      ["a getter that throws", withEntries([...sampleEntries, { resource: getter }]), "invalid-value"],
      ["a revoked Proxy entry", withEntries([...sampleEntries, revoked()]), "invalid-value"],
      ["one fullUrl twice", withEntries([...sampleEntries, sampleEntries[3]]), "duplicate-resource"],
      [
        "a prototype key",
        JSON.parse(
          JSON.stringify(sampleBundle).replace('"type":"collection"', '"type":"collection","__proto__":{"entry":[]}'),
        ),
        "no error",
      ],
    ];
    for (const [what, bundle, code] of cases) {
      let result: unknown;
      try {
        result = fromFhirBundle(bundle);
      } catch (error) {
        throw new Error(`${what}: fromFhirBundle threw ${describeError(error)}`);
      }
      expectImport(result);
      const codes = (result as { issues: { code: string; severity: string }[] }).issues
        .filter((issue) => issue.severity === "error")
        .map((issue) => issue.code);
      if (code === "no error") expect(codes, what).toEqual([]);
      else expect(codes, what).toContain(code);
    }
  });
});
