// DOMAIN §4 rules 5 and 6, and rule 8's Part 2 half: outside providers, substance use records and rosters.
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

describe("rule 6: a substance use group's roster is not confirmed outside (substance-use-roster-not-confirmed)", () => {
  const roster = information("roster", "m-hope", { labels: SUD_LABELS });
  const rosterConsent = (legalBasis: "42-cfr-part-2" | "hipaa-authorization") =>
    consentFor("m-hope", oseiParty, "COC", "roster", { legalBasis });

  it("denies confirming membership under a HIPAA authorization", () => {
    expectDecision(
      request(roster, osei, "COC", { consents: [rosterConsent("hipaa-authorization")] }),
      forbiddenBy("substance-use-roster-not-confirmed"),
    );
  });

  it("permits it under a written Part 2 consent", () => {
    expectDecision(
      request(roster, osei, "COC", { consents: [rosterConsent("42-cfr-part-2")] }),
      permittedBy(["disclosure-with-consent", "part2-consent-disclosure"], ["NORDSCLCD", "document"]),
    );
  });

  it("does not count a Part 2 consent given only verbally", () => {
    const verbal = { ...rosterConsent("42-cfr-part-2"), form: "verbal" as const };
    expectDecision(
      request(roster, osei, "COC", { consents: [verbal] }),
      forbiddenBy("substance-use-roster-not-confirmed"),
    );
  });

  it("permits it to a court under a court order", () => {
    expectDecision(
      request(roster, recipient("court"), "HLEGAL", { circumstances: { courtOrder: true } }),
      permittedBy(["court-order"], ["MINEC", "document", "notify-client"]),
    );
  });

  it("keeps it from emergency services even in a medical emergency", () => {
    expectDecision(
      request(roster, recipient("emergency-services"), "ETREAT", { circumstances: { medicalEmergency: true } }),
      forbiddenBy("substance-use-roster-not-confirmed"),
    );
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
