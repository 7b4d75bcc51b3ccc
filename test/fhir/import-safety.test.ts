// What fromFhirBundle must refuse rather than read as something else (a modifier extension it does not know, a
// Consent exception it cannot keep, one meeting recorded twice), and what its messages must never copy out of the
// Bundle (people's data), each shown on the library's own Bundle of the sample group with one change.
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import { fromFhirBundle } from "../../src/fhir/import";
import { sampleGroupRecord } from "../../src/sample/index";

type Resource = Record<string, unknown>;
type BundleEntry = { fullUrl: string; resource: Resource };

/** The sample group's Bundle, with `edit` applied to its entries. */
function edited(edit: (entries: BundleEntry[]) => void): { resourceType: string; entry: BundleEntry[] } {
  const bundle = structuredClone(toFhirBundle(sampleGroupRecord)) as unknown as {
    resourceType: string;
    entry: BundleEntry[];
  };
  edit(bundle.entry);
  return bundle;
}

function indexOf(entries: readonly BundleEntry[], type: string): number {
  const index = entries.findIndex((entry) => entry.resource["resourceType"] === type);
  if (index === -1) throw new Error(`the sample Bundle has no ${type}`);
  return index;
}

/** The first Consent with a nested provision (the sample's one consent that withholds from someone). */
function withholdingConsent(entries: readonly BundleEntry[]): [number, Resource] {
  const index = entries.findIndex(
    (entry) =>
      entry.resource["resourceType"] === "Consent" &&
      (entry.resource["provision"] as Resource | undefined)?.["provision"] !== undefined,
  );
  if (index === -1) throw new Error("the sample Bundle has no Consent that withholds");
  return [index, (entries[index] as BundleEntry).resource["provision"] as Resource];
}

const errorsOf = (result: ReturnType<typeof fromFhirBundle>) =>
  result.issues.filter((issue) => issue.severity === "error").map(({ code, path }) => [code, path]);

describe("fromFhirBundle refuses what it would otherwise misread", () => {
  it("reads the sample Bundle with its withholding consent", () => {
    // The sample's consent 3 withholds from Mark Hoffmann (written as a nested deny); read back, it still does.
    const result = fromFhirBundle(edited(() => undefined));
    expect(result.ok).toBe(true);
    const withheld = result.ok ? result.value.consents.flatMap((consent) => consent.withholdFrom) : [];
    expect(withheld.map((party) => party.name)).toEqual(["Mark Hoffmann"]);
  });

  it("reports a modifierExtension on a resource, and one nested in an element, where each is", () => {
    let patient = -1;
    let consent = -1;
    const result = fromFhirBundle(
      edited((entries) => {
        patient = indexOf(entries, "Patient");
        (entries[patient] as BundleEntry).resource["modifierExtension"] = [
          { url: "http://example.org/fhir/StructureDefinition/entered-in-error", valueBoolean: true },
        ];
        const [index, provision] = withholdingConsent(entries);
        consent = index;
        provision["modifierExtension"] = [{ url: "http://example.org/fhir/StructureDefinition/only-if-asked" }];
      }),
    );
    expect(result.ok).toBe(false);
    expect(errorsOf(result)).toEqual([
      ["unsupported-extension", ["entry", patient, "resource", "modifierExtension", 0]],
      ["unsupported-extension", ["entry", consent, "resource", "provision", "modifierExtension", 0]],
    ]);
    expect(result.issues[1]?.message).toContain("Consent.provision has the modifier extension");
    expect(result.issues[1]?.message).toContain("http://example.org/fhir/StructureDefinition/only-if-asked");
  });

  it("refuses a Consent whose nested provisions it cannot keep exactly", () => {
    const cases: [string, (provision: Resource) => void, (string | number)[]][] = [
      [
        "a nested deny on a purpose",
        (provision) => {
          provision["provision"] = [
            {
              type: "deny",
              purpose: [{ system: "http://terminology.hl7.org/CodeSystem/v3-ActReason", code: "HPAYMT" }],
            },
          ];
        },
        ["provision", "provision", 0],
      ],
      [
        "a nested permit",
        (provision) => {
          const nested = (provision["provision"] as Resource[])[0] as Resource;
          nested["type"] = "permit";
        },
        ["provision", "provision", 0],
      ],
      [
        "a nested deny to actors, only for one class of data",
        (provision) => {
          const nested = (provision["provision"] as Resource[])[0] as Resource;
          nested["class"] = [{ system: "http://example.org/kinds", code: "notes" }];
        },
        ["provision", "provision", 0, "class"],
      ],
      [
        "a permit only for one action",
        (provision) => {
          provision["action"] = [{ coding: [{ code: "access" }] }];
        },
        ["provision", "action"],
      ],
    ];
    for (const [what, edit, path] of cases) {
      let consent = -1;
      const result = fromFhirBundle(
        edited((entries) => {
          const [index, provision] = withholdingConsent(entries);
          consent = index;
          edit(provision);
        }),
      );
      expect(errorsOf(result), what).toEqual([["invalid-value", ["entry", consent, "resource", ...path]]]);
    }
  });

  it("refuses a second group Encounter for one Appointment, rather than add its turns again", () => {
    let added = -1;
    const result = fromFhirBundle(
      edited((entries) => {
        const copy = structuredClone(entries[indexOf(entries, "Encounter")] as BundleEntry);
        copy.fullUrl = "urn:uuid:11111111-1111-4111-8111-111111111111";
        added = entries.push(copy) - 1;
      }),
    );
    expect(errorsOf(result)).toEqual([["duplicate-resource", ["entry", added, "resource", "appointment"]]]);
    expect(result.issues[0]?.message).toContain("second group Encounter for Appointment");
  });
});

describe("fromFhirBundle messages", () => {
  it("asks for parsed JSON when given the text of a Bundle, without quoting the text", () => {
    const text = JSON.stringify({ resourceType: "Bundle", type: "collection", entry: [] });
    const result = fromFhirBundle(text);
    expect(result.issues.map(({ code, path }) => [code, path])).toEqual([["not-a-bundle", []]]);
    expect(result.issues[0]?.message).toContain("got text; pass JSON.parse(text)");
    expect(result.issues[0]?.message).not.toContain("collection");
  });

  it("puts an before a resource type that starts with a vowel", () => {
    const result = fromFhirBundle(
      edited((entries) => {
        entries.push({
          fullUrl: "urn:uuid:22222222-2222-4222-8222-222222222222",
          resource: { resourceType: "Observation", status: "final" },
        });
      }),
    );
    const left = result.issues.find((issue) => issue.code === "unsupported-resource");
    expect(left?.message).toContain("does not read an Observation;");
  });

  it("quotes none of a person's data: a birth date, a name, a consent's date", () => {
    const values = ["02/04/1980", "Hope Adams", "4155550123", "Feb 5 2026 at six"];
    const result = fromFhirBundle(
      edited((entries) => {
        const patient = (entries[indexOf(entries, "Patient")] as BundleEntry).resource;
        patient["birthDate"] = "02/04/1980";
        patient["name"] = [{ text: ["Hope Adams"] }, { use: "usual", given: [4155550123] }];
        (entries[indexOf(entries, "Consent")] as BundleEntry).resource["dateTime"] = "Feb 5 2026 at six";
      }),
    );
    expect(result.ok).toBe(false);
    const messages = result.issues.map((issue) => issue.message);
    // Each bad value is named by where it is, and none is copied.
    expect(messages.some((message) => message.includes("Patient.birthDate must be a date"))).toBe(true);
    expect(messages.some((message) => message.includes("Patient.name[0].text must be text that is not blank"))).toBe(
      true,
    );
    expect(messages.some((message) => message.includes("Patient.name[1].given[0] must be text; got a number"))).toBe(
      true,
    );
    expect(messages.some((message) => message.includes("Consent.dateTime must be a date and time"))).toBe(true);
    for (const value of values) for (const message of messages) expect(message).not.toContain(value);
  });

  it("names the Bundle once at the start of a message about the Bundle itself", () => {
    const many: unknown[] = [];
    many.length = 100_001;
    const inputs: unknown[] = [
      '{"resourceType":"Bundle"}',
      [],
      { resourceType: "Bundle", type: "collection", entry: many },
      { resourceType: "Bundle", type: "collection", entry: "all of them" },
      { resourceType: "Bundle", type: "history" },
    ];
    for (const input of inputs) {
      const issues = fromFhirBundle(input).issues;
      expect(issues.length).toBeGreaterThan(0);
      for (const issue of issues) {
        expect(issue.message).toMatch(/^Bundle: /);
        expect(issue.message).not.toMatch(/^Bundle: Bundle:/);
      }
    }
  });
});
