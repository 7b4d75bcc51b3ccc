import { readdirSync, readFileSync } from "node:fs";
import type { Bundle } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import type { GroupRecordInput } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import {
  checkFhirBundle,
  checkFhirResource,
  checkWithJsonSchema,
  checkWithMedplum,
  describeProblems,
  type FhirCheck,
} from "./_validators";

// The two validators must be able to fail (known-bad resources), and the bundled sample group, exported both ways,
// must pass both with no error: the Bundle as a whole and every entry's resource on its own.

const paths = (check: FhirCheck) => check.errors.map((problem) => problem.path);

describe("the validators catch known-bad resources", () => {
  // FHIR R4 `date` is YYYY, YYYY-MM or YYYY-MM-DD (https://hl7.org/fhir/R4/datatypes.html#date).
  const badDate = { resourceType: "Patient", birthDate: "02/03/1990" };
  // FHIR R4 `instant` needs seconds (https://hl7.org/fhir/R4/datatypes.html#instant).
  const noSeconds = {
    resourceType: "Appointment",
    status: "booked",
    start: "2026-02-05T18:00-06:00",
    end: "2026-02-05T19:30:00-06:00",
    participant: [{ type: [{ text: "members" }], status: "needs-action" }],
  };
  // Appointment.participant is 1..* in R4.
  const noParticipant = {
    resourceType: "Appointment",
    status: "booked",
    start: "2026-02-05T18:00:00-06:00",
    end: "2026-02-05T19:30:00-06:00",
  };
  const unknownElement = { resourceType: "Encounter", status: "finished", class: { code: "AMB" }, klass: "AMB" };

  it("the JSON Schema names the element of each", () => {
    expect(paths(checkWithJsonSchema(badDate))).toEqual(["/birthDate"]);
    expect(paths(checkWithJsonSchema(noSeconds))).toEqual(["/start"]);
    expect(checkWithJsonSchema(noParticipant).errors.map((problem) => problem.message)).toEqual([
      "must have required property 'participant': participant",
    ]);
    expect(checkWithJsonSchema(unknownElement).errors.map((problem) => problem.message)).toEqual([
      "must NOT have additional properties: klass",
    ]);
  });

  it("the JSON Schema refuses a resource type R4 does not have", () => {
    const check = checkWithJsonSchema({
      resourceType: "Bundle",
      type: "collection",
      entry: [{ resource: { resourceType: "Project" } }],
    });
    expect(paths(check)).toEqual(["/entry/0/resource"]);
  });

  it("Medplum names the element of each", () => {
    expect(paths(checkWithMedplum(badDate))).toEqual(["Patient.birthDate"]);
    expect(paths(checkWithMedplum(noSeconds))).toEqual(["Appointment.start"]);
    expect(paths(checkWithMedplum(noParticipant))).toEqual(["Appointment.participant"]);
    expect(paths(checkWithMedplum(unknownElement))).toEqual(["Encounter.klass"]);
  });

  it("Medplum sees required primitives the JSON Schema cannot require", () => {
    // Group.type and Group.actual are 1..1; the JSON Schema leaves primitives optional (they may come as `_type`).
    const untyped = { resourceType: "Group", name: "Grief support" };
    expect(checkWithJsonSchema(untyped).errors).toEqual([]);
    expect(paths(checkWithMedplum(untyped)).sort()).toEqual(["Group.actual", "Group.type"]);
  });

  it("each sees text the other lets through", () => {
    // FHIR R4 `string`: at least one character, and no control characters but tab, CR and LF; the JSON Schema's
    // pattern (`^[ \r\n\t\S]+$`) checks only the first, Medplum only the second.
    const empty = { resourceType: "Patient", name: [{ text: "" }] };
    const control = { resourceType: "Patient", name: [{ text: "a\u0001b" }] };
    expect(paths(checkWithJsonSchema(empty))).toEqual(["/name/0/text"]);
    expect(paths(checkWithMedplum(empty))).toEqual([]);
    expect(paths(checkWithJsonSchema(control))).toEqual([]);
    expect(paths(checkWithMedplum(control))).toEqual(["Patient.name[0].text"]);
  });

  it("both let through Unicode spaces, which R4 text may hold", () => {
    // A Japanese name with an ideographic space (U+3000), and a French one with a no-break space (U+00A0).
    const spaced = { resourceType: "Patient", name: [{ text: "山田\u3000太郎" }, { text: "Zoë\u00a0Ødegaard" }] };
    expect(checkFhirResource(spaced).errors).toEqual([]);
  });

  it("an invariant broken inside a Bundle is found at its entry", () => {
    // R4 app-2: an Appointment has both start and end, or neither. Medplum checks invariants of the resource it is
    // given, not of the resources inside a Bundle, so checkFhirBundle checks each entry on its own as well.
    const startOnly = { ...noParticipant, end: undefined, participant: noSeconds.participant };
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [{ fullUrl: "urn:uuid:1", resource: startOnly }],
    };

    expect(checkWithMedplum(bundle).errors).toEqual([]);
    expect(describeProblems(checkFhirBundle(bundle as Bundle).errors)).toEqual([
      expect.stringMatching(/^medplum error entry\[0\] Appointment Appointment: Constraint app-2 not met/),
    ]);
  });

  it("a bad resource inside a Bundle is found by both, at its entry", () => {
    const bundle = {
      resourceType: "Bundle",
      type: "collection",
      entry: [{ fullUrl: "urn:uuid:1", resource: badDate }],
    };
    expect(describeProblems(checkFhirResource(bundle).errors)).toEqual([
      expect.stringMatching(/^json-schema error \/entry\/0\/resource\/birthDate: /),
      expect.stringMatching(/^medplum error Bundle\.entry\[0\]\.resource\.birthDate: /),
    ]);
  });
});

/** The Bundle's entries counted by resource type. */
function countByType(bundle: Bundle): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const entry of bundle.entry ?? []) {
    const type = entry.resource?.resourceType ?? "(none)";
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

describe("the sample group as FHIR", () => {
  // Counted from the sample's own data: 2 facilitators and 8 members, 12 sessions of which 11 held, 4 consents; one
  // member Encounter per attendance record with an attending status.
  const attending = sampleGroupRecord.attendance.filter((entry) =>
    ["present", "late", "left-early"].includes(entry.status),
  ).length;

  for (const type of ["collection", "transaction"] as const) {
    it(`exported as a ${type} passes both validators, Bundle and every entry`, () => {
      // The sample is frozen all the way down; toFhirBundle's parameter type has mutable lists.
      const bundle = toFhirBundle(sampleGroupRecord as GroupRecordInput, { type });
      expect(countByType(bundle)).toEqual({
        Patient: 8,
        Practitioner: 2,
        Group: 1,
        CareTeam: 1,
        Appointment: 12,
        Encounter: 11 + attending,
        Consent: 4,
      });

      const check = checkFhirBundle(bundle);

      expect(describeProblems(check.errors)).toEqual([]);
      // Warnings are doubts, not failures. Medplum 4.5 reads a reference's target type from the text before its
      // first "/", so every `urn:uuid:` reference to another entry (valid R4: https://hl7.org/fhir/R4/bundle.html#
      // references) draws "Invalid reference" whatever `Reference.type` says; nothing else may be warned about.
      const others = check.warnings.filter((problem) => !/^Invalid reference: got "urn:uuid:/.test(problem.message));
      expect(describeProblems(others)).toEqual([]);
    });
  }
});

// Bundles written by hand the way other systems write them, for the import tests.
const foreignDirectory = new URL("../fixtures/fhir/foreign/", import.meta.url);
const foreignFiles = readdirSync(foreignDirectory).filter((name) => name.endsWith(".json"));

describe.skipIf(foreignFiles.length === 0)("the hand-written foreign Bundles", () => {
  it.each(foreignFiles)("%s passes both validators", (name) => {
    const bundle = JSON.parse(readFileSync(new URL(name, foreignDirectory), "utf8")) as Bundle;

    expect(describeProblems(checkFhirBundle(bundle).errors)).toEqual([]);
  });
});
