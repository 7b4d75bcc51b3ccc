// The exceptions the law makes: serious threats (45 CFR 164.512(j); Tarasoff v. Regents, 1976), child-abuse reports
// (state mandated-reporting law; 164.512(b)), the court-order and medical-emergency permits the exceptions rest on,
// and the reviews the law allows without consent (164.502(a)(2)(ii); 164.512(d), (g)(1)).
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
} from "./scenario";

const THREAT = { circumstances: { imminentThreat: true } };
const WARN = ["MINEC", "document", "notify-client"];
const riskStatement = information("risk-statement", "m-jamal");
const victim = recipient("person-at-risk", { id: "p-target", name: "Sam Doe" });
const withholdingFromVictim = consentFor("m-jamal", { kind: "outside-provider" }, "COC", "risk-statement", {
  withholdFrom: [{ kind: "person-at-risk", name: "Sam Doe" }],
});

describe("rule 7: serious and imminent threat (serious-threat-disclosure, duty-to-warn)", () => {
  it("permits warning the person at risk where the law allows it (HIPAA's default, permissive)", () => {
    expectDecision(request(riskStatement, victim, "THREAT", THREAT), permittedBy(["serious-threat-disclosure"], WARN));
  });

  it("adds the duty where state law makes warning mandatory", () => {
    const decision = expectDecision(
      request(riskStatement, victim, "THREAT", { ...THREAT, jurisdiction: { dutyToWarn: "mandatory" } }),
      permittedBy(["duty-to-warn", "serious-threat-disclosure"], WARN),
    );
    expect(decision.advice).toContain(
      "This jurisdiction makes warning a duty: warn the person at risk or the police now, and document it.",
    );
  });

  it("keeps emergency services under the permission only: the duty names the person at risk and the police", () => {
    expectDecision(
      request(riskStatement, recipient("emergency-services"), "THREAT", {
        ...THREAT,
        jurisdiction: { dutyToWarn: "mandatory" },
      }),
      permittedBy(["serious-threat-disclosure"], WARN),
    );
  });

  it("fails closed where the jurisdiction gives no warning exception", () => {
    expectDecision(
      request(riskStatement, victim, "THREAT", { ...THREAT, jurisdiction: { dutyToWarn: "none" } }),
      DEFAULT_DENY,
    );
  });

  it("needs the threat established and the purpose of preventing it", () => {
    expectDecision(request(riskStatement, victim, "THREAT"), DEFAULT_DENY);
    expectDecision(request(riskStatement, victim, "HLEGAL", THREAT), DEFAULT_DENY);
  });

  it("tells only those able to prevent it, and never the roster or attendance", () => {
    expectDecision(request(riskStatement, recipient("public"), "THREAT", THREAT), DEFAULT_DENY);
    expectDecision(
      request(information("roster", "m-jamal"), victim, "THREAT", THREAT),
      forbiddenBy("roster-not-confirmed"),
    );
  });

  // 45 CFR 164.522(a)(1)(v): a restriction the member asked for never stops a disclosure 164.512(j) allows.
  it("overrides a member's withholding wherever warning is allowed, not where the jurisdiction allows none", () => {
    const withheld = { ...THREAT, consents: [withholdingFromVictim] };
    expectDecision(
      request(riskStatement, victim, "THREAT", { ...withheld, jurisdiction: { dutyToWarn: "mandatory" } }),
      permittedBy(["duty-to-warn", "serious-threat-disclosure"], WARN),
    );
    expectDecision(
      request(riskStatement, victim, "THREAT", { ...withheld, jurisdiction: { dutyToWarn: "permissive" } }),
      permittedBy(["serious-threat-disclosure"], WARN),
    );
    expectDecision(
      request(riskStatement, victim, "THREAT", { ...withheld, jurisdiction: { dutyToWarn: "none" } }),
      forbiddenBy("withhold-from-named-person"),
    );
  });
});

describe("rule 8: suspected child abuse is reported (mandated-child-abuse-report)", () => {
  const cps = recipient("child-protective-services");
  const ABUSE = { circumstances: { suspectedChildAbuse: true } };

  it("permits the report to child protective services, for public health or to comply with the law", () => {
    for (const purpose of ["PUBHLTH", "HLEGAL"] as const) {
      expectDecision(
        request(information("abuse-report"), cps, purpose, ABUSE),
        permittedBy(["mandated-child-abuse-report"], ["MINEC", "document"]),
      );
    }
  });

  it("overrides the member's request to withhold from child protective services", () => {
    const withholding = consentFor("m-hope", { kind: "outside-provider" }, "COC", "abuse-report", {
      withholdFrom: [{ kind: "child-protective-services" }],
    });
    expectDecision(
      request(information("self-disclosure"), cps, "PUBHLTH", { ...ABUSE, consents: [withholding] }),
      permittedBy(["mandated-child-abuse-report"], ["MINEC", "document"]),
    );
  });

  it("needs the suspicion established, and goes to child protective services only", () => {
    expectDecision(request(information("abuse-report"), cps, "PUBHLTH"), DEFAULT_DENY);
    expectDecision(request(information("abuse-report"), recipient("public"), "PUBHLTH", ABUSE), DEFAULT_DENY);
  });
});

describe("court orders and medical emergencies (court-order, medical-emergency)", () => {
  it("permits the court what its order covers, and nothing without one", () => {
    expectDecision(
      request(information("attendance"), recipient("court"), "HLEGAL", { circumstances: { courtOrder: true } }),
      permittedBy(["court-order"], WARN),
    );
    expectDecision(request(information("attendance"), recipient("court"), "HLEGAL"), DEFAULT_DENY);
  });

  it("permits emergency services what they need to treat in a medical emergency", () => {
    expectDecision(
      request(information("progress-note"), recipient("emergency-services"), "ETREAT", {
        circumstances: { medicalEmergency: true },
      }),
      permittedBy(["medical-emergency"], WARN),
    );
    expectDecision(request(information("progress-note"), recipient("emergency-services"), "ETREAT"), DEFAULT_DENY);
  });

  // 45 CFR 164.522(a)(1)(iii): a restriction gives way to emergency treatment.
  it("lets emergency services treat in a medical emergency even where the member withheld from them", () => {
    const withholding = consentFor("m-hope", { kind: "outside-provider" }, "COC", "progress-note", {
      withholdFrom: [{ kind: "emergency-services" }],
    });
    const note = information("progress-note");
    expectDecision(
      request(note, recipient("emergency-services"), "ETREAT", {
        circumstances: { medicalEmergency: true },
        consents: [withholding],
      }),
      permittedBy(["medical-emergency"], WARN),
    );
    expectDecision(
      request(note, recipient("emergency-services"), "ETREAT", { consents: [withholding] }),
      forbiddenBy("withhold-from-named-person"),
    );
  });
});

describe("reviews the law allows: HHS, health oversight, coroners (hhs-compliance-review, health-oversight, coroner-or-medical-examiner)", () => {
  const attendance = information("attendance", "m-jamal");

  it("gives each what it needs for HLEGAL, and nothing for another purpose", () => {
    expectDecision(
      request(attendance, recipient("hhs-secretary"), "HLEGAL"),
      permittedBy(["hhs-compliance-review"], ["document"]),
    );
    expectDecision(
      request(attendance, recipient("health-oversight"), "HLEGAL"),
      permittedBy(["health-oversight"], ["MINEC", "document"]),
    );
    expectDecision(
      request(attendance, recipient("coroner-or-medical-examiner"), "HLEGAL"),
      permittedBy(["coroner-or-medical-examiner"], ["MINEC", "document"]),
    );
    for (const kind of ["hhs-secretary", "health-oversight", "coroner-or-medical-examiner"] as const) {
      expectDecision(request(attendance, recipient(kind), "HOPERAT"), DEFAULT_DENY);
    }
  });

  it("does not lift Part 2: a substance use record needs Part 2's own basis", () => {
    expectDecision(
      request(information("attendance", "m-jamal", { labels: SUD_LABELS }), recipient("health-oversight"), "HLEGAL"),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
  });
});
