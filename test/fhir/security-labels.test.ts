// meta.security on import fails closed: every label, on the Bundle or on a resource read, is read into `security` or
// refused with an error at its path. A label the library cannot read may be a restriction, and reading on as if it
// were absent would lower the record's protection. Also: messages keep a deep path to one short line, and quote only
// code-like values.
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import { type FromFhirBundleResult, fromFhirBundle } from "../../src/fhir/import";
import { sampleGroupRecord } from "../../src/sample/index";

// Written out here, not taken from the library's constants, so a wrong constant fails these tests.
const CONFIDENTIALITY = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
const ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
const ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
const OBSERVATION_VALUE = "http://terminology.hl7.org/CodeSystem/v3-ObservationValue";

const sample = sampleGroupRecord as unknown as Parameters<typeof toFhirBundle>[0];

type Json = Record<string, unknown>;
type Entry = { fullUrl: string; resource: Json };

/** The sample as the library writes it, labelled very restricted (V), as a fresh copy to edit. */
function veryRestricted(): { resourceType: "Bundle"; type: string; meta?: unknown; entry: Entry[] } {
  const bundle = toFhirBundle(sample, { security: { confidentiality: "V", sensitivity: [] } });
  return JSON.parse(JSON.stringify(bundle));
}

/** The sample Bundle with every resource's meta.security replaced by `labels`. */
function relabelled(labels: unknown[]): ReturnType<typeof veryRestricted> {
  const bundle = veryRestricted();
  for (const entry of bundle.entry) entry.resource["meta"] = { security: structuredClone(labels) };
  return bundle;
}

/** The sample Bundle with entry `index`'s meta.security replaced by `labels`; the others keep their V. */
function oneRelabelled(index: number, labels: unknown[]): ReturnType<typeof veryRestricted> {
  const bundle = veryRestricted();
  (bundle.entry[index] as Entry).resource["meta"] = { security: labels };
  return bundle;
}

const issuesOf = (result: FromFhirBundleResult) =>
  result.issues.map((issue) => [issue.code, issue.severity, [...issue.path]]);

const errorsOf = (result: FromFhirBundleResult) => result.issues.filter((issue) => issue.severity === "error");

// Entry 3 of the sample Bundle is a Patient (the resources come in the order: practitioners, patients, …).
const PATIENT = 3;

describe("a label with no system, or in a system the library does not read, is an error", () => {
  it("refuses the fuzzed Bundle whose every label lost its system, at each label's path", () => {
    const bundle = relabelled([{ code: "V" }]);
    const result = fromFhirBundle(bundle);
    expect(result.ok).toBe(false);
    // Every resource of the sample Bundle is one the mapping reads, so each one's label is reported.
    expect(issuesOf(result)).toEqual(
      bundle.entry.map((_, index) => [
        "unsupported-security-label",
        "error",
        ["entry", index, "resource", "meta", "security", 0],
      ]),
    );
    expect(result.issues.some((issue) => issue.code === "no-security-labels")).toBe(false);
    const message = result.issues[PATIENT]?.message ?? "";
    expect(message).toMatch(
      /^Patient "urn:uuid:[0-9a-f-]+" \(entry 3\): Patient\.meta\.security\[0\] is the code "V", with no system\./,
    );
    expect(message).toContain(CONFIDENTIALITY);
    expect(message).toContain("remove the label deliberately");
  });

  it("refuses a label in a local system, quoting the system", () => {
    const result = fromFhirBundle(relabelled([{ system: "urn:local", code: "V" }]));
    expect(result.ok).toBe(false);
    expect(new Set(errorsOf(result).map((issue) => issue.code))).toEqual(new Set(["unsupported-security-label"]));
    expect(result.issues[PATIENT]?.message).toContain(
      'Patient.meta.security[0] is the code "V" in the system "urn:local", which the library does not read.',
    );
  });

  it("refuses one unreadable label even when every other resource is labelled V", () => {
    const result = fromFhirBundle(oneRelabelled(PATIENT, [{ system: "urn:local", code: "V" }]));
    expect(issuesOf(result)).toEqual([
      ["unsupported-security-label", "error", ["entry", PATIENT, "resource", "meta", "security", 0]],
    ]);
  });

  it("refuses an unreadable label beside a readable one", () => {
    const labels = [
      { system: CONFIDENTIALITY, code: "R" },
      { system: "https://agency.example.org/labels", code: "court-sealed" },
    ];
    expect(issuesOf(fromFhirBundle(oneRelabelled(PATIENT, labels)))).toEqual([
      ["unsupported-security-label", "error", ["entry", PATIENT, "resource", "meta", "security", 1]],
    ]);
  });

  it("names a purpose of use and an integrity label as HL7 labels the library does not carry", () => {
    const labels = [
      { system: CONFIDENTIALITY, code: "N" },
      { system: ACT_REASON, code: "HTEST" },
      { system: OBSERVATION_VALUE, code: "REDACTED" },
    ];
    const result = fromFhirBundle(oneRelabelled(PATIENT, labels));
    expect(issuesOf(result)).toEqual([
      ["unsupported-security-label", "error", ["entry", PATIENT, "resource", "meta", "security", 1]],
      ["unsupported-security-label", "error", ["entry", PATIENT, "resource", "meta", "security", 2]],
    ]);
    expect(result.issues[0]?.message).toContain('is the code "HTEST" in HL7 ActReason, a purpose-of-use label');
    expect(result.issues[1]?.message).toContain('is the code "REDACTED" in HL7 ObservationValue');
  });

  it("refuses a blank system, a system that is not text, and a label with neither system nor code", () => {
    const labels = [{ system: " ", code: "V" }, { system: 7, code: "V" }, {}];
    const result = fromFhirBundle(oneRelabelled(PATIENT, labels));
    expect(issuesOf(result)).toEqual(
      [0, 1, 2].map((index) => [
        "unsupported-security-label",
        "error",
        ["entry", PATIENT, "resource", "meta", "security", index],
      ]),
    );
    const messages = result.issues.map((issue) => issue.message.replace(/^.*?\(entry \d+\): /, "").split(". ")[0]);
    expect(messages).toEqual([
      'Patient.meta.security[0] is the code "V", with a system that is blank text',
      'Patient.meta.security[1] is the code "V", with a system that is a number',
      "Patient.meta.security[2] is a label with no code, with no system",
    ]);
  });

  it("does not quote a code or a system that is not code-like: it may be anything, a name included", () => {
    const labels = [{ system: "Hope Adams private", code: "Hope Adams, born 1961-04-02" }];
    const result = fromFhirBundle(oneRelabelled(PATIENT, labels));
    expect(result.issues).toHaveLength(1);
    const message = result.issues[0]?.message ?? "";
    expect(message).not.toContain("Hope");
    expect(message).not.toContain("1961");
    expect(message).toContain(
      "is a label whose code is text that does not look like a code, with a system that is not a URI.",
    );
  });

  it("reads the Bundle's own labels too, and refuses one it cannot read at Bundle.meta.security", () => {
    const bundle = veryRestricted();
    bundle.meta = { security: [{ code: "V" }] };
    const result = fromFhirBundle(bundle);
    expect(issuesOf(result)).toEqual([["unsupported-security-label", "error", ["meta", "security", 0]]]);
    expect(result.issues[0]?.message).toMatch(/^Bundle: Bundle\.meta\.security\[0\] is the code "V", with no system\./);
  });

  it("leaves out the labels of a resource the mapping does not read, with the resource", () => {
    const bundle = veryRestricted();
    bundle.entry.push({
      fullUrl: "urn:uuid:00000000-0000-4000-8000-000000000001",
      resource: { resourceType: "Observation", status: "final", meta: { security: [{ code: "V" }] } },
    });
    const result = fromFhirBundle(bundle);
    expect(result.ok).toBe(true);
    expect(issuesOf(result)).toEqual([
      ["unsupported-resource", "warning", ["entry", bundle.entry.length - 1, "resource"]],
    ]);
  });
});

describe("a code its HL7 system does not hold, as the library reads it, is an error", () => {
  it("refuses a confidentiality level in lower case, naming the upper-case code", () => {
    const result = fromFhirBundle(relabelled([{ system: CONFIDENTIALITY, code: "v" }]));
    expect(result.ok).toBe(false);
    expect(result.issues[PATIENT]?.path).toEqual(["entry", PATIENT, "resource", "meta", "security", 0, "code"]);
    expect(result.issues[PATIENT]?.code).toBe("unsupported-code");
    expect(result.issues[PATIENT]?.message).toContain(
      'Patient.meta.security[0].code is "v", not an HL7 confidentiality level (U, L, M, N, R, V) (codes are case-sensitive: "V")',
    );
  });

  it("refuses an ActCode code that is not one of the library's sensitivity codes (it was a warning)", () => {
    const labels = [
      { system: CONFIDENTIALITY, code: "R" },
      { system: ACT_CODE, code: "SUD" },
      { system: ACT_CODE, code: "STD" },
      { system: ACT_CODE, code: "NORDSCLCD" },
    ];
    const result = fromFhirBundle(oneRelabelled(PATIENT, labels));
    expect(issuesOf(result)).toEqual([
      ["unsupported-code", "error", ["entry", PATIENT, "resource", "meta", "security", 2, "code"]],
      ["unsupported-code", "error", ["entry", PATIENT, "resource", "meta", "security", 3, "code"]],
    ]);
    expect(result.issues[0]?.message).toContain('Patient.meta.security[2].code is "STD", not a sensitivity code');
  });

  it("refuses a label in a system the library reads with no code, or a code that is not text", () => {
    const labels = [{ system: CONFIDENTIALITY }, { system: ACT_CODE, code: 3 }, { system: CONFIDENTIALITY, code: "" }];
    expect(issuesOf(fromFhirBundle(oneRelabelled(PATIENT, labels)))).toEqual([
      ["missing-part", "error", ["entry", PATIENT, "resource", "meta", "security", 0, "code"]],
      ["invalid-value", "error", ["entry", PATIENT, "resource", "meta", "security", 1, "code"]],
      ["invalid-value", "error", ["entry", PATIENT, "resource", "meta", "security", 2, "code"]],
    ]);
  });

  it("does not quote a code that is not code-like", () => {
    const result = fromFhirBundle(oneRelabelled(PATIENT, [{ system: CONFIDENTIALITY, code: "Hope Adams" }]));
    expect(result.issues[0]?.message).toContain(
      "Patient.meta.security[0].code is text, not an HL7 confidentiality level",
    );
    expect(result.issues[0]?.message).not.toContain("Hope");
  });
});

describe("what is read", () => {
  it("gives back the Bundle's labels as written", () => {
    const result = fromFhirBundle(toFhirBundle(sample, { security: { confidentiality: "V", sensitivity: ["SUD"] } }));
    expect(result.ok && result.security).toEqual({ confidentiality: "V", sensitivity: ["SUD"] });
    expect(result.issues).toEqual([]);
  });

  it("takes a label on the Bundle alone as covering the record", () => {
    const bundle = relabelled([]);
    bundle.meta = { security: [{ system: CONFIDENTIALITY, code: "R" }] };
    const result = fromFhirBundle(bundle);
    expect(result.ok && result.security).toEqual({ confidentiality: "R", sensitivity: [] });
    expect(result.issues).toEqual([]);
  });

  it("takes the most restrictive level of the Bundle's and the resources'", () => {
    const bundle = oneRelabelled(PATIENT, [{ system: CONFIDENTIALITY, code: "N" }]);
    bundle.meta = { security: [{ system: CONFIDENTIALITY, code: "L" }] };
    const result = fromFhirBundle(bundle);
    expect(result.ok && result.security).toEqual({ confidentiality: "V", sensitivity: [] });
  });

  it("refuses a Bundle.meta that is not plain JSON, at its path", () => {
    const bundle = veryRestricted();
    bundle.meta = { security: [{ system: CONFIDENTIALITY, code: Number.NaN }] };
    expect(issuesOf(fromFhirBundle(bundle))).toEqual([["invalid-value", "error", ["meta", "security", 0, "code"]]]);
    const throwing = veryRestricted();
    Object.defineProperty(throwing, "meta", {
      enumerable: true,
      get() {
        throw new Error("host getter");
      },
    });
    expect(issuesOf(fromFhirBundle(throwing))).toEqual([["invalid-value", "error", ["meta"]]]);
  });
});

describe("no confidentiality level anywhere", () => {
  it("warns, saying exactly what is true, and takes the record as normal (N)", () => {
    const result = fromFhirBundle(relabelled([]));
    expect(result.ok && result.security).toEqual({ confidentiality: "N", sensitivity: [] });
    expect(issuesOf(result)).toEqual([["no-security-labels", "warning", ["entry"]]]);
    expect(result.issues[0]?.message).toBe(
      `Bundle: neither the Bundle nor any resource the record is read from carries a confidentiality level (${CONFIDENTIALITY} in meta.security), so the record is taken as normal (N); label the resources if it is more sensitive.`,
    );
  });

  it("warns too when the resources carry sensitivity codes but no level", () => {
    const result = fromFhirBundle(relabelled([{ system: ACT_CODE, code: "SUD" }]));
    expect(result.ok && result.security).toEqual({ confidentiality: "N", sensitivity: ["SUD"] });
    expect(issuesOf(result)).toEqual([["no-security-labels", "warning", ["entry"]]]);
  });
});

describe("messages stay short and quote only code-like values", () => {
  it("shows a path through 50,000 levels of junk as its first and last segments, and keeps the whole path", () => {
    let junk: unknown = [];
    for (let level = 0; level < 50_000; level++) junk = [junk];
    const bundle = oneRelabelled(PATIENT, [junk]);
    const result = fromFhirBundle(bundle);
    expect(result.issues).toHaveLength(1);
    const issue = result.issues[0];
    // The walk stops past 64 levels below the entry; the path holds every key down to where it stopped.
    expect(issue?.path.slice(0, 7)).toEqual(["entry", PATIENT, "resource", "meta", "security", 0, 0]);
    expect(issue?.path.length).toBeGreaterThan(64);
    expect(issue?.path.slice(7).every((key) => key === 0)).toBe(true);
    expect(issue?.message).toContain("entry[3].resource.meta.security[0][0][0]…[0][0][0][0] is nested more than 64");
    expect(issue?.message.length).toBeLessThan(250);
  });

  it("quotes a key that is not a plain name, clipped", () => {
    const bundle = veryRestricted();
    const key = `x ${"y".repeat(10_000)}`;
    (bundle.entry[PATIENT] as Entry).resource[key] = Number.POSITIVE_INFINITY;
    const result = fromFhirBundle(bundle);
    expect(result.issues.map((issue) => [...issue.path])).toEqual([["entry", PATIENT, "resource", key]]);
    expect(result.issues[0]?.message).toContain(`entry[3].resource["x ${"y".repeat(37)}…"] is Infinity`);
    expect(result.issues[0]?.message.length).toBeLessThan(250);
  });

  it("quotes a Bundle.type that looks like a code, and only describes one that does not", () => {
    const typed = (type: unknown) => fromFhirBundle({ ...veryRestricted(), type }).issues[0]?.message;
    expect(typed("history")).toBe(
      'Bundle: type is "history"; a group record is read from a Bundle of type collection, transaction, batch, searchset.',
    );
    expect(typed("Hope Adams's group, born 1961")).toBe(
      "Bundle: type is text; a group record is read from a Bundle of type collection, transaction, batch, searchset.",
    );
    expect(typed({ nested: "Hope" })).toMatch(/^Bundle: type is an object;/);
  });

  it("quotes a status or a Group.type that looks like a code, and only describes one that does not", () => {
    const status = (value: string) => {
      const bundle = veryRestricted();
      const appointment = bundle.entry.find((entry) => entry.resource["resourceType"] === "Appointment");
      if (appointment === undefined) throw new Error("the sample Bundle has Appointments");
      appointment.resource["status"] = value;
      return fromFhirBundle(bundle).issues.map((issue) => issue.message.replace(/^.*?\(entry \d+\): /, ""));
    };
    expect(status("done")).toEqual([
      'Appointment.status is "done", not a code of the FHIR R4 value set; the session\'s status cannot be read.',
    ]);
    expect(status("Hope Adams said no")).toEqual([
      "Appointment.status is text, not a code of the FHIR R4 value set; the session's status cannot be read.",
    ]);
    const group = veryRestricted();
    const groupEntry = group.entry.find((entry) => entry.resource["resourceType"] === "Group");
    if (groupEntry === undefined) throw new Error("the sample Bundle has a Group");
    groupEntry.resource["type"] = "Hope Adams and friends";
    const messages = fromFhirBundle(group).issues.map((issue) => issue.message);
    expect(
      messages.some((message) =>
        message.includes('Group.type is text; a social-work group is a Group of type "person".'),
      ),
    ).toBe(true);
    expect(messages.join("\n")).not.toContain("Hope");
  });

  it("quotes a resourceType that looks like a code, and only describes one that does not", () => {
    const typed = (resourceType: unknown) => fromFhirBundle({ ...veryRestricted(), resourceType }).issues[0]?.message;
    expect(typed("Parameters")).toMatch(/^Bundle: resourceType is "Parameters";/);
    expect(typed("Hope Adams")).toMatch(/^Bundle: resourceType is text;/);
  });
});
