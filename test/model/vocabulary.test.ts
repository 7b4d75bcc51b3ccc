import { describe, expect, it } from "vitest";
import * as model from "../../src/model/index";
import {
  AttendanceStatusSchema,
  attendanceStatuses,
  BalesCategorySchema,
  balesAreas,
  balesCategories,
  ConfidentialityLevelSchema,
  confidentialityLevels,
  facilitationRoles,
  functionalRoleFamilies,
  functionalRoles,
  purposesOfUse,
  sensitivityCodes,
  therapeuticFactors,
} from "../../src/model/index";

describe("vocabularies", () => {
  const vocabularies = Object.entries(model as Record<string, unknown>).filter(
    (
      entry,
    ): entry is [
      string,
      {
        id: string;
        name: string;
        source: string;
        codes: readonly unknown[];
        entries: readonly { code: unknown; label: string; definition: string }[];
      },
    ] => typeof entry[1] === "object" && entry[1] !== null && "entries" in entry[1] && "codes" in entry[1],
  );

  it("are all exported with a source, and every entry has a label and a definition", () => {
    expect(vocabularies.map(([name]) => name).sort()).toEqual(
      [
        "attendanceStatuses",
        "balesAreas",
        "balesCategories",
        "confidentialityLevels",
        "consentForms",
        "consentGrantors",
        "consentLegalBases",
        "exitReasons",
        "facilitationRoles",
        "functionalRoleFamilies",
        "functionalRoles",
        "groupKinds",
        "informationKinds",
        "interventions",
        "membershipTypes",
        "participationTypes",
        "purposesOfUse",
        "recipientKinds",
        "sensitivityCodes",
        "sessionModes",
        "sessionStatuses",
        "therapeuticFactors",
      ].sort(),
    );
    for (const [name, vocabulary] of vocabularies) {
      expect(vocabulary.source, name).not.toBe("");
      expect(vocabulary.codes, name).toEqual(vocabulary.entries.map((entry) => entry.code));
      expect(new Set(vocabulary.codes).size, `${name} has duplicate codes`).toBe(vocabulary.codes.length);
      for (const entry of vocabulary.entries) {
        expect(entry.label.length, `${name} ${String(entry.code)}`).toBeGreaterThan(0);
        expect(entry.definition.length, `${name} ${String(entry.code)}`).toBeGreaterThan(0);
      }
    }
  });

  it("are frozen, so a program cannot change the library's copy", () => {
    expect(Object.isFrozen(attendanceStatuses)).toBe(true);
    expect(Object.isFrozen(attendanceStatuses.entries)).toBe(true);
    expect(Object.isFrozen(attendanceStatuses.entries[0])).toBe(true);
    expect(Object.isFrozen(attendanceStatuses.codes)).toBe(true);
  });

  it("count late and left-early as attended, excused and absent as not, and not-recorded as neither", () => {
    const attended = Object.fromEntries(attendanceStatuses.entries.map((entry) => [entry.code, entry.attended]));
    expect(attended).toEqual({
      present: true,
      late: true,
      "left-early": true,
      excused: false,
      absent: false,
      "not-recorded": null,
    });
    expect(AttendanceStatusSchema.options).toEqual([
      "present",
      "late",
      "left-early",
      "excused",
      "absent",
      "not-recorded",
    ]);
  });

  it("map facilitation roles to FHIR Encounter participant types, never putting a client in a clinician's slot", () => {
    const mapping = Object.fromEntries(
      facilitationRoles.entries.map((role) => [role.code, role.encounterParticipantType.code]),
    );
    expect(mapping).toEqual({
      facilitator: "PPRF",
      "co-facilitator": "SPRF",
      "peer-facilitator": "SPRF",
      member: "PART",
      observer: "PART",
      interpreter: "translator",
    });
    const systems = new Set(facilitationRoles.entries.map((role) => role.encounterParticipantType.system));
    expect(systems).toEqual(
      new Set([
        "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
        "http://terminology.hl7.org/CodeSystem/participant-type",
      ]),
    );
  });

  it("hold Benne & Sheats' 27 roles: 12 task, 7 building and maintenance, 8 individual", () => {
    expect(functionalRoles.entries).toHaveLength(27);
    const count = (family: string) => functionalRoles.entries.filter((role) => role.family === family).length;
    expect([count("task"), count("building-and-maintenance"), count("individual")]).toEqual([12, 7, 8]);
    expect(functionalRoleFamilies.codes).toEqual(["task", "building-and-maintenance", "individual"]);
  });

  it("number Bales' categories 1 to 12 in four areas of three, pairing opposite acts on one problem", () => {
    expect(balesCategories.codes).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const area of balesAreas.codes) {
      expect(balesCategories.entries.filter((category) => category.area === area)).toHaveLength(3);
    }
    // Bales 1950: categories k and 13 − k address the same functional problem.
    for (const category of balesCategories.entries) {
      const partner = balesCategories.entries.find((other) => other.code === 13 - category.code);
      expect(partner?.problem).toBe(category.problem);
    }
    expect(BalesCategorySchema.safeParse(12).success).toBe(true);
    expect(BalesCategorySchema.safeParse(13).success).toBe(false);
    expect(BalesCategorySchema.safeParse(0).success).toBe(false);
  });

  it("order HL7 confidentiality levels U < L < M < N < R < V", () => {
    const byRank = [...confidentialityLevels.entries].sort((a, b) => a.rank - b.rank).map((level) => level.code);
    expect(byRank).toEqual(["U", "L", "M", "N", "R", "V"]);
    expect(ConfidentialityLevelSchema.safeParse("X").success).toBe(false);
  });

  it("carry the HL7 codes the confidentiality rules need", () => {
    expect(sensitivityCodes.codes).toEqual(["PSY", "MH", "SUD", "ETH", "SDV", "HIV", "PSYTHPN"]);
    expect(purposesOfUse.codes).toEqual(
      expect.arrayContaining([
        "TREAT",
        "COC",
        "ETREAT",
        "BTG",
        "HPAYMT",
        "HOPERAT",
        "TRAIN",
        "HRESCH",
        "PUBHLTH",
        "THREAT",
        "PATRQT",
        "FAMRQT",
        "HLEGAL",
      ]),
    );
    expect(purposesOfUse.codes).toHaveLength(13);
  });

  it("list Yalom's 11 therapeutic factors", () => {
    // Yalom & Leszcz, ch. 1, in the book's order and spelling.
    expect(therapeuticFactors.entries.map((factor) => factor.label)).toEqual([
      "Instillation of hope",
      "Universality",
      "Imparting information",
      "Altruism",
      "Corrective recapitulation of the primary family group",
      "Development of socializing techniques",
      "Imitative behavior",
      "Interpersonal learning",
      "Group cohesiveness",
      "Catharsis",
      "Existential factors",
    ]);
  });

  // The issues that specified the model list these terms in words; the codes are those words in kebab-case.
  it("hold the terms the specification names, in its order", () => {
    expect(model.groupKinds.codes).toEqual([
      "support",
      "therapy",
      "psychoeducation",
      "skills",
      "socialisation",
      "growth",
      "task",
      "self-help",
    ]);
    expect(model.sessionStatuses.codes).toEqual(["scheduled", "held", "cancelled", "did-not-take-place"]);
    expect(model.sessionModes.codes).toEqual(["in-person", "virtual", "hybrid"]);
    expect(model.interventions.codes).toEqual([
      "cognitive-behavioural",
      "psychoeducation",
      "mindfulness",
      "experiential",
      "skills-practice",
      "other",
    ]);
    expect(model.exitReasons.codes).toEqual(["completed", "dropped-out", "transferred", "removed", "other"]);
    expect(model.facilitationRoles.codes).toEqual([
      "facilitator",
      "co-facilitator",
      "peer-facilitator",
      "member",
      "observer",
      "interpreter",
    ]);
    expect(model.consentGrantors.codes).toEqual(["self", "guardian", "legal-representative"]);
    expect(model.consentForms.codes).toEqual(["written", "verbal", "electronic"]);
    expect(model.consentLegalBases.codes).toEqual([
      "hipaa-authorization",
      "42-cfr-part-2",
      "state-law",
      "agency-policy",
      "other",
    ]);
    expect(model.informationKinds.codes).toEqual([
      "attendance",
      "roster",
      "session-summary",
      "progress-note",
      "process-note",
      "self-disclosure",
      "risk-statement",
      "abuse-report",
      "sud-counseling-note",
    ]);
    expect(model.recipientKinds.codes).toEqual([
      "group-member",
      "facilitator",
      "co-facilitator",
      "supervisor",
      "agency-staff",
      "outside-provider",
      "payer",
      "researcher",
      "family-or-guardian",
      "child-protective-services",
      "law-enforcement",
      "emergency-services",
      "person-at-risk",
      "court",
      "hhs-secretary",
      "health-oversight",
      "coroner-or-medical-examiner",
      "public",
    ]);
  });
});
