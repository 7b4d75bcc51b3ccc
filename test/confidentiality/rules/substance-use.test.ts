// 45 CFR 164.506 and 42 CFR Part 2 (as amended by 89 FR 12472, 2024): outside providers, substance use records, SUD
// counseling notes, and records kept from prosecution.
import { describe, expect, it } from "vitest";
import {
  consentFor,
  DEFAULT_DENY,
  expectDecision,
  forbiddenBy,
  information,
  permittedBy,
  recipient,
  request,
  SUD_LABELS,
  sampleConsents,
} from "./scenario";

const osei = recipient("outside-provider", { name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" });
const oseiParty = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
const sudNote = information("progress-note", "m-hope", { labels: SUD_LABELS });
const hipaa = consentFor("m-hope", oseiParty, "COC", "progress-note");
const part2 = consentFor("m-hope", oseiParty, "COC", "progress-note", { legalBasis: "42-cfr-part-2" });

describe("rule 5: an outside provider may receive the progress note with consent (disclosure-with-consent)", () => {
  it("permits Hope's progress note to her primary care provider under c-hope-pcp", () => {
    expectDecision(
      request(information("progress-note"), osei, "COC", { consents: sampleConsents }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });

  it("denies it without a consent, and for a purpose the consent does not name", () => {
    expectDecision(request(information("progress-note"), osei, "COC"), DEFAULT_DENY);
    expectDecision(request(information("progress-note"), osei, "HPAYMT", { consents: sampleConsents }), DEFAULT_DENY);
  });

  it("denies a substance use record under a HIPAA authorization alone (substance-use-needs-part2-consent)", () => {
    const decision = expectDecision(
      request(sudNote, osei, "COC", { consents: [hipaa] }),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("permits it under a Part 2 consent, with the no-redisclosure notice (part2-consent-disclosure)", () => {
    expectDecision(
      request(sudNote, osei, "COC", { consents: [part2] }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("reads the older ETH code as substance use", () => {
    const ethNote = information("progress-note", "m-hope", {
      labels: { confidentiality: "R", sensitivity: ["ETH"], law: [] },
    });
    expectDecision(
      request(ethNote, osei, "COC", { consents: [hipaa] }),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
  });

  it("keeps Part 2 out of the way inside the program: the supervisor still reviews", () => {
    expectDecision(
      request(sudNote, recipient("supervisor"), "HOPERAT"),
      permittedBy(["supervisor-review"], ["AUDTR", "MINEC"]),
    );
  });

  it("lets a substance use record go to emergency services in a medical emergency (42 CFR 2.51)", () => {
    expectDecision(
      request(sudNote, recipient("emergency-services"), "ETREAT", { circumstances: { medicalEmergency: true } }),
      permittedBy(["medical-emergency"], ["MINEC", "document", "notify-client"]),
    );
  });

  it("gives no serious-threat exception to substance use records", () => {
    expectDecision(
      request(information("risk-statement", "m-hope", { labels: SUD_LABELS }), recipient("person-at-risk"), "THREAT", {
        circumstances: { imminentThreat: true },
      }),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
  });

  it("treats a recipient whose place is unknown as outside the program (fail closed)", () => {
    expectDecision(
      request(sudNote, { kind: "outside-provider", name: "Dr. Amara Osei" }, "COC", { consents: [hipaa] }),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
  });
});

describe("42 CFR 2.31(b): SUD counseling notes need a consent of their own (sud-counseling-note-needs-own-consent)", () => {
  const notes = information("sud-counseling-note", "m-hope", { labels: SUD_LABELS });
  const notesOnly = consentFor("m-hope", oseiParty, "COC", "sud-counseling-note", { legalBasis: "42-cfr-part-2" });
  // A single Part 2 consent for treatment, payment and operations, as the 2024 rule allows (42 CFR 2.33(b)).
  const general = consentFor("m-hope", oseiParty, "COC", "progress-note", {
    legalBasis: "42-cfr-part-2",
    purposes: ["TREAT", "COC", "HPAYMT", "HOPERAT"],
    dataClasses: ["attendance", "progress-note", "sud-counseling-note"],
  });

  it("denies them under a general Part 2 consent, which still sends the progress note", () => {
    const decision = expectDecision(
      request(notes, osei, "COC", { consents: [general] }),
      forbiddenBy("sud-counseling-note-needs-own-consent"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent", "part2-consent-disclosure"]);
    expectDecision(
      request(sudNote, osei, "COC", { consents: [general] }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("permits them under a Part 2 consent that names them alone, with the no-redisclosure notice", () => {
    expectDecision(
      request(notes, osei, "COC", { consents: [notesOnly] }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("does not count a HIPAA authorization that names them alone", () => {
    const hipaaNotes = { ...notesOnly, legalBasis: "hipaa-authorization" as const };
    expectDecision(
      request(notes, osei, "COC", { consents: [hipaaNotes] }),
      forbiddenBy("substance-use-needs-part2-consent", "sud-counseling-note-needs-own-consent"),
    );
  });

  it("holds them even when they carry no label: the kind makes them Part 2 notes", () => {
    const unlabelled = information("sud-counseling-note");
    expectDecision(
      request(unlabelled, osei, "COC"),
      forbiddenBy("substance-use-needs-part2-consent", "sud-counseling-note-needs-own-consent"),
    );
    expectDecision(
      request(unlabelled, osei, "COC", { consents: [notesOnly] }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("lets their author use them for treatment, but not the co-facilitator (42 CFR 2.31(b)(1)(i)(A))", () => {
    expectDecision(
      request(
        notes,
        recipient("facilitator", { id: "f-rivera", activeFacilitator: true, isOriginator: true }),
        "TREAT",
      ),
      permittedBy(["facilitator-treatment"]),
    );
    const co = expectDecision(
      request(notes, recipient("co-facilitator", { activeFacilitator: true }), "TREAT"),
      forbiddenBy("sud-counseling-note-needs-own-consent"),
    );
    expect(co.matchedRules.permit).toEqual(["facilitator-treatment"]);
  });

  it("lets the program use them in its legal defence (42 CFR 2.31(b)(1)(i)(C)), not for quality review", () => {
    expectDecision(
      request(notes, recipient("agency-staff"), "HLEGAL"),
      permittedBy(["agency-legal-defence"], ["AUDTR", "MINEC"]),
    );
    expectDecision(
      request(notes, recipient("supervisor"), "HOPERAT"),
      forbiddenBy("sud-counseling-note-needs-own-consent"),
    );
  });

  it("keeps them from the member's own request, as process notes are kept", () => {
    const hope = recipient("group-member", { id: "m-hope", isSubject: true });
    const decision = expectDecision(
      request(notes, hope, "PATRQT"),
      forbiddenBy("sud-counseling-note-needs-own-consent"),
    );
    expect(decision.matchedRules.permit).toEqual(["member-own-record"]);
  });
});

describe("rule 8 (Part 2): substance use records are not used to prosecute (substance-use-not-for-prosecution)", () => {
  const police = recipient("law-enforcement", { name: "Detective Ruiz" });
  const policeConsent = consentFor("m-hope", { kind: "law-enforcement" }, "HLEGAL", "progress-note", {
    legalBasis: "42-cfr-part-2",
  });

  it("denies a substance use record to law enforcement even under a Part 2 consent", () => {
    const decision = expectDecision(
      request(sudNote, police, "HLEGAL", { consents: [policeConsent] }),
      forbiddenBy("substance-use-not-for-prosecution"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent", "part2-consent-disclosure"]);
  });

  it("lifts the forbid under a court order", () => {
    expectDecision(
      request(sudNote, police, "HLEGAL", { consents: [policeConsent], circumstances: { courtOrder: true } }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("lets the initial child-abuse report through, but not the rest of the record", () => {
    const cps = recipient("child-protective-services");
    const abuse = { circumstances: { suspectedChildAbuse: true } };
    expectDecision(
      request(information("abuse-report", "m-hope", { labels: SUD_LABELS }), cps, "PUBHLTH", abuse),
      permittedBy(["mandated-child-abuse-report"], ["MINEC", "document"]),
    );
    const decision = expectDecision(
      request(sudNote, cps, "PUBHLTH", abuse),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
    expect(decision.matchedRules.permit).toEqual(["mandated-child-abuse-report"]);
  });
});
