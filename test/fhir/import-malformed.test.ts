// Malformed Bundles, each with the exact issues it must give: code, severity and path in the Bundle. None throws, and
// none gives a record.
import { describe, expect, it } from "vitest";
import { fromFhirBundle } from "../../src/fhir/import";
import { GroupworkError } from "../../src/model/index";

const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";

const groupOptions = {
  purpose: "Support after a bereavement.",
  kind: "support",
  membership: "closed",
  participation: "optional",
  timeZone: "America/Chicago",
  startDate: "2026-02-05",
} as const;

type Resource = Record<string, unknown>;

/** A small valid Bundle in another system's style: a Group, a Patient, an Appointment and its Encounters. */
function resources(): Resource[] {
  return [
    {
      resourceType: "Group",
      id: "g",
      type: "person",
      actual: true,
      name: "Thursday Group",
      member: [{ entity: { reference: "Patient/p1" }, period: { start: "2026-02-05" } }],
    },
    { resourceType: "Patient", id: "p1", name: [{ text: "Hope Adams" }] },
    {
      resourceType: "Appointment",
      id: "a1",
      status: "fulfilled",
      start: "2026-02-05T18:00:00-06:00",
      minutesDuration: 90,
      participant: [{ actor: { reference: "Patient/p1" }, status: "accepted" }],
    },
    {
      resourceType: "Encounter",
      id: "e1",
      status: "finished",
      class: { system: ACT_CODE, code: "AMB" },
      subject: { reference: "Group/g" },
      appointment: [{ reference: "Appointment/a1" }],
      period: { start: "2026-02-05T18:00:00-06:00", end: "2026-02-05T19:30:00-06:00" },
    },
    {
      resourceType: "Encounter",
      id: "e1-p1",
      status: "finished",
      class: { system: ACT_CODE, code: "AMB" },
      subject: { reference: "Patient/p1" },
      partOf: { reference: "Encounter/e1" },
    },
  ];
}

function bundle(entries: Resource[] = resources(), type = "collection"): Resource {
  return {
    resourceType: "Bundle",
    type,
    entry: entries.map((resource) => ({
      fullUrl: `https://ehr.example.org/fhir/${resource["resourceType"]}/${resource["id"]}`,
      resource,
    })),
  };
}

function edited(edit: (entries: Resource[]) => void): Resource {
  const entries = resources();
  edit(entries);
  return bundle(entries);
}

/** Resource `index` of a fresh list, for editing. */
const at = (entries: Resource[], index: number) => entries[index] as Resource;

type Expected = [code: string, severity: "error" | "warning", path: (string | number)[]];

function issuesOf(input: unknown, options: Parameters<typeof fromFhirBundle>[1] = { group: groupOptions }): Expected[] {
  const result = fromFhirBundle(input, options);
  return result.issues.map((issue) => [issue.code, issue.severity, [...issue.path]]);
}

describe("the valid base Bundle", () => {
  it("reads, with only the warnings a small foreign Bundle has", () => {
    const result = fromFhirBundle(bundle(), { group: groupOptions });
    expect(result.ok).toBe(true);
    expect(issuesOf(bundle())).toEqual([
      ["no-facilitator", "warning", ["entry", 0, "resource"]],
      ["no-security-labels", "warning", ["entry"]],
    ]);
  });
});

const cases: [name: string, input: () => unknown, expected: Expected[]][] = [
  ["not an object", () => 42, [["not-a-bundle", "error", []]]],
  ["an array", () => [bundle()], [["not-a-bundle", "error", []]]],
  ["not a Bundle", () => ({ resourceType: "Patient", id: "p1" }), [["not-a-bundle", "error", ["resourceType"]]]],
  ["a history Bundle", () => bundle(resources(), "history"), [["unsupported-bundle-type", "error", ["type"]]]],
  ["no Group", () => bundle(resources().slice(1)), [["group-count", "error", ["entry"]]]],
  [
    "two Groups",
    () => bundle([...resources(), { ...at(resources(), 0), id: "g2" }]),
    [["group-count", "error", ["entry", 5]]],
  ],
  [
    "a reference to no entry",
    () => edited((e) => ((at(e, 0)["member"] as Resource[])[0] = { entity: { reference: "Patient/nobody" } })),
    [["unknown-reference", "error", ["entry", 0, "resource", "member", 0, "entity", "reference"]]],
  ],
  [
    "a reference to the wrong resource type",
    () => edited((e) => ((at(e, 0)["member"] as Resource[])[0] = { entity: { reference: "Appointment/a1" } })),
    [["wrong-reference-type", "error", ["entry", 0, "resource", "member", 0, "entity", "reference"]]],
  ],
  [
    "a Group.member with no entity",
    () => edited((e) => ((at(e, 0)["member"] as Resource[])[0] = { period: { start: "2026-02-05" } })),
    [["missing-part", "error", ["entry", 0, "resource", "member", 0, "entity"]]],
  ],
  [
    "an attendance code outside the participation status value set",
    () =>
      edited(
        (e) => ((at(e, 2)["participant"] as Resource[])[0] = { actor: { reference: "Patient/p1" }, status: "maybe" }),
      ),
    [["unsupported-code", "error", ["entry", 2, "resource", "participant", 0, "status"]]],
  ],
  [
    "an Appointment status outside its value set",
    () => edited((e) => (at(e, 2)["status"] = "done")),
    [["unsupported-code", "error", ["entry", 2, "resource", "status"]]],
  ],
  [
    "an Appointment entered in error",
    () => edited((e) => (at(e, 2)["status"] = "entered-in-error")),
    [["unsupported-code", "error", ["entry", 2, "resource", "status"]]],
  ],
  [
    "an Appointment with no start",
    () => edited((e) => delete at(e, 2)["start"]),
    [["missing-part", "error", ["entry", 2, "resource", "start"]]],
  ],
  [
    "an impossible date",
    () =>
      edited(
        (e) =>
          ((at(e, 0)["member"] as Resource[])[0] = {
            entity: { reference: "Patient/p1" },
            period: { start: "2026-02-30" },
          }),
      ),
    [["invalid-value", "error", ["entry", 0, "resource", "member", 0, "period", "start"]]],
  ],
  [
    "a start with no offset",
    () => edited((e) => (at(e, 2)["start"] = "2026-02-05T18:00:00")),
    [["invalid-value", "error", ["entry", 2, "resource", "start"]]],
  ],
  [
    "two entries with one fullUrl",
    () => {
      const b = bundle();
      (b["entry"] as Resource[]).push({
        fullUrl: "https://ehr.example.org/fhir/Patient/p1",
        resource: { resourceType: "Patient", id: "p1", name: [{ text: "Someone Else" }] },
      });
      return b;
    },
    [["duplicate-resource", "error", ["entry", 5, "fullUrl"]]],
  ],
  [
    "a member Encounter partOf nothing",
    () => edited((e) => delete at(e, 4)["partOf"]),
    [["missing-part", "error", ["entry", 4, "resource", "partOf"]]],
  ],
  [
    "a member Encounter partOf a member Encounter",
    () => bundle([...resources(), { ...at(resources(), 4), id: "e2", partOf: { reference: "Encounter/e1-p1" } }]),
    [["invalid-value", "error", ["entry", 5, "resource", "partOf", "reference"]]],
  ],
  [
    "a member Encounter status that says nothing about attendance",
    () => edited((e) => (at(e, 4)["status"] = "unknown")),
    [["unsupported-code", "error", ["entry", 4, "resource", "status"]]],
  ],
  [
    "a getter that throws",
    () =>
      edited((e) =>
        Object.defineProperty(at(e, 1), "birthDate", {
          enumerable: true,
          get() {
            throw new Error("record locked");
          },
        }),
      ),
    [["invalid-value", "error", ["entry", 1, "resource", "birthDate"]]],
  ],
  [
    "a getter that answers once, then throws",
    () =>
      edited((e) => {
        let reads = 0;
        Object.defineProperty(at(e, 1), "birthDate", {
          enumerable: true,
          get() {
            reads += 1;
            if (reads > 1) throw new Error("record locked");
            return "1980-04-02";
          },
        });
      }),
    // The first reading finds plain JSON; the second throws, and is reported, not thrown.
    [["invalid-value", "error", ["entry"]]],
  ],
  [
    "an entry that is null",
    () => {
      const b = bundle();
      (b["entry"] as unknown[]).splice(1, 0, null);
      return b;
    },
    // The Patient moves to entry 2; the missing entry is the only problem.
    [["invalid-value", "error", ["entry", 1]]],
  ],
  [
    "an entry with no resource",
    () => {
      const b = bundle();
      (b["entry"] as unknown[]).push({ fullUrl: "urn:uuid:4d1c5b8e-0a3f-4c1e-8f55-6f2b9c0d7e11" });
      return b;
    },
    [["missing-part", "error", ["entry", 5, "resource"]]],
  ],
  [
    "a membership that ends before it starts (found by parseGroupRecord, shown at the Group)",
    () =>
      edited(
        (e) =>
          ((at(e, 0)["member"] as Resource[])[0] = {
            entity: { reference: "Patient/p1" },
            period: { start: "2026-02-05", end: "2026-01-05" },
          }),
      ),
    [
      ["period-ends-before-start", "error", ["entry", 0, "resource", "member", 0, "period"]],
      // The warnings parseGroupRecord gives with it: an ended membership with no exit reason, and no facilitator.
      ["missing-exit-reason", "warning", ["entry", 0, "resource", "member", 0, "extension"]],
      ["no-facilitator", "warning", ["entry", 0, "resource"]],
    ],
  ],
  [
    "a Consent with no provision",
    () =>
      bundle([
        ...resources(),
        {
          resourceType: "Consent",
          id: "c1",
          status: "active",
          patient: { reference: "Patient/p1" },
          dateTime: "2026-02-05T18:00:00-06:00",
          extension: [
            { url: "https://groupwork.dev/fhir/StructureDefinition/consent-grantor", valueCode: "self" },
            { url: "https://groupwork.dev/fhir/StructureDefinition/consent-form", valueCode: "written" },
          ],
        },
      ]),
    [["missing-part", "error", ["entry", 5, "resource", "provision"]]],
  ],
  [
    "a resource that contains itself",
    () =>
      edited((e) => {
        const patient = at(e, 1);
        patient["contained"] = [patient];
      }),
    [["invalid-value", "error", ["entry", 1, "resource", "contained", 0]]],
  ],
  [
    "more than 100,000 entries",
    () => ({ resourceType: "Bundle", type: "collection", entry: new Array(100_001) }),
    [["invalid-value", "error", ["entry"]]],
  ],
  [
    "a revoked Proxy",
    () => {
      const { proxy, revoke } = Proxy.revocable({}, {});
      revoke();
      return proxy;
    },
    // Reading Bundle.entry is the first thing that throws.
    [["invalid-value", "error", ["entry"]]],
  ],
  [
    "a confidentiality level HL7 does not define",
    () =>
      edited(
        (e) =>
          (at(e, 0)["meta"] = {
            security: [{ system: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality", code: "X" }],
          }),
      ),
    [["unsupported-code", "error", ["entry", 0, "resource", "meta", "security", 0, "code"]]],
  ],
  [
    "a CareTeam role the library cannot read",
    () =>
      bundle([
        ...resources(),
        {
          resourceType: "CareTeam",
          id: "ct",
          subject: { reference: "Group/g" },
          participant: [
            {
              role: [{ coding: [{ system: "http://snomed.info/sct", code: "309343006" }] }],
              member: { reference: "Patient/p1" },
            },
          ],
        },
      ]),
    [["unsupported-code", "error", ["entry", 5, "resource", "participant", 0, "role"]]],
  ],
];

describe("malformed Bundles", () => {
  it.each(cases)("%s", (_, input, expected) => {
    const result = fromFhirBundle(input(), { group: groupOptions });
    expect(result.ok).toBe(false);
    expect(issuesOf(input())).toEqual(expected);
  });

  it("name the resource first in every message", () => {
    const result = fromFhirBundle(
      edited((e) => ((at(e, 0)["member"] as Resource[])[0] = { entity: { reference: "Patient/nobody" } })),
      { group: groupOptions },
    );
    expect(result.issues.map((issue) => issue.message)).toEqual([
      'Group "https://ehr.example.org/fhir/Group/g" (entry 0): Group.member[0].entity refers to "Patient/nobody", which is no entry of the Bundle; add the resource or fix the reference.',
    ]);
  });

  it("report a missing time zone with no option, naming the option to pass", () => {
    const { timeZone: _, ...withoutZone } = groupOptions;
    expect(issuesOf(bundle(), { group: withoutZone })).toEqual([
      ["missing-part", "error", ["entry", 0, "resource", "extension"]],
    ]);
    expect(fromFhirBundle(bundle(), { group: withoutZone }).issues[0]?.message).toContain("options.group.timeZone");
  });

  it("report a session mode nothing gives, naming options.sessionMode", () => {
    const input = edited((e) => e.splice(3, 2));
    expect(issuesOf(input)).toEqual([["missing-part", "error", ["entry", 2, "resource", "extension"]]]);
    expect(fromFhirBundle(input, { group: groupOptions }).issues[0]?.message).toContain("options.sessionMode");
  });

  it("name an Observation, which the mapping does not read, without failing", () => {
    const input = bundle([
      ...resources(),
      { resourceType: "Observation", id: "o1", status: "final", code: { text: "PHQ-9" } },
    ]);
    const result = fromFhirBundle(input, { group: groupOptions });
    expect(result.ok).toBe(true);
    expect(issuesOf(input)).toEqual([
      ["unsupported-resource", "warning", ["entry", 5, "resource"]],
      ["no-facilitator", "warning", ["entry", 0, "resource"]],
      ["no-security-labels", "warning", ["entry"]],
    ]);
  });
});

describe("options", () => {
  function thrown(options: unknown): unknown {
    try {
      fromFhirBundle(bundle(), options as never);
    } catch (error) {
      return error;
    }
    return undefined;
  }

  it("refuse an unknown IANA zone, naming the option", () => {
    const error = thrown({ group: { ...groupOptions, timeZone: "America/Springfield" } });
    expect(error).toBeInstanceOf(GroupworkError);
    expect((error as GroupworkError).message).toMatch(/^fromFhirBundle: options\.group\.timeZone /);
  });

  it("refuse unknown keys, at both levels", () => {
    expect((thrown({ gruop: {} }) as GroupworkError).message).toMatch(/options has the key "gruop"/);
    expect((thrown({ group: { timezone: "UTC" } }) as GroupworkError).message).toMatch(
      /options\.group has the key "timezone"/,
    );
  });

  it("refuse a session mode outside the vocabulary and options that are not an object", () => {
    expect((thrown({ sessionMode: "online" }) as GroupworkError).code).toBe("invalid-argument");
    expect((thrown("virtual") as GroupworkError).code).toBe("invalid-argument");
  });
});
