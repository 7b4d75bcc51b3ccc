// Members and facilitators: NASW Code of Ethics 1.07(f) and (g) between members, 45 CFR 164.524 for a member's own
// record, 45 CFR 164.506(c)(1) for treatment; and the roster, which names every member (NASW 1.07(b); 42 CFR 2.13(c)).
import { checkDisclosure } from "groupwork/confidentiality";
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

describe("rule 1: a member may not see another member's record (member-no-peer-records)", () => {
  it("denies Will's request for Hope's progress note", () => {
    expectDecision(
      request(information("progress-note"), recipient("group-member", { id: "m-will" }), "PATRQT"),
      forbiddenBy("member-no-peer-records"),
    );
  });

  it("holds even where a consent would permit it: the forbid overrides the permit", () => {
    const req = request(information("self-disclosure"), recipient("group-member", { id: "m-will" }), "PATRQT", {
      consents: [consentFor("m-hope", { kind: "group-member" }, "PATRQT", "self-disclosure")],
    });
    const decision = expectDecision(req, forbiddenBy("member-no-peer-records"));
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("cites the standard on the worker's disclosure among group members, NASW 1.07(g)", () => {
    const decision = checkDisclosure(
      request(information("progress-note"), recipient("group-member", { id: "m-will" }), "PATRQT"),
    );
    expect(decision.reasons[0]?.source).toBe("NASW Code of Ethics 1.07(g); 45 CFR 164.502(a)");
  });

  it("treats a member not known to be the subject as a peer (fail closed)", () => {
    expectDecision(
      request(information("attendance"), { kind: "group-member", id: "m-will" }, "PATRQT"),
      forbiddenBy("member-no-peer-records"),
    );
  });
});

describe("rule 2: a member may see their own record, redacted (member-own-record)", () => {
  const hope = recipient("group-member", { id: "m-hope", isSubject: true });

  it("permits Hope her own progress note and attendance, with other members' identifiers redacted", () => {
    expectDecision(
      request(information("progress-note"), hope, "PATRQT"),
      permittedBy(["member-own-record"], ["REDACT"]),
    );
    expectDecision(request(information("attendance"), hope, "PATRQT"), permittedBy(["member-own-record"], ["REDACT"]));
  });

  it("keeps the process notes out of her access", () => {
    const decision = expectDecision(
      request(information("process-note"), hope, "PATRQT"),
      forbiddenBy("process-note-needs-authorization"),
    );
    expect(decision.matchedRules.permit).toEqual(["member-own-record"]);
  });

  // 45 CFR 164.524(a)(3) and state reporting law: an abuse report is for the worker to review, not handed over.
  it("leaves an abuse report about her to the worker's review", () => {
    expectDecision(request(information("abuse-report"), hope, "PATRQT"), DEFAULT_DENY);
  });

  it("answers her request only as a request of her own (PATRQT)", () => {
    expectDecision(request(information("progress-note"), hope, "TREAT"), DEFAULT_DENY);
  });
});

describe("rule 3: active facilitators may use group data for treatment (facilitator-treatment)", () => {
  it("permits Dana Rivera, an active facilitator, the progress note for treatment, without minimum necessary", () => {
    expectDecision(
      request(
        information("progress-note"),
        recipient("facilitator", { id: "f-rivera", activeFacilitator: true }),
        "TREAT",
      ),
      permittedBy(["facilitator-treatment"]),
    );
  });

  it("permits the co-facilitator the roster and the session summary", () => {
    const chidi = recipient("co-facilitator", { id: "f-okafor", activeFacilitator: true });
    expectDecision(request(information("roster"), chidi, "TREAT"), permittedBy(["facilitator-treatment"]));
    expectDecision(request(information("session-summary"), chidi, "TREAT"), permittedBy(["facilitator-treatment"]));
  });

  it("denies a facilitator no longer active in the group", () => {
    expectDecision(
      request(information("progress-note"), recipient("facilitator", { activeFacilitator: false }), "TREAT"),
      DEFAULT_DENY,
    );
  });

  it("denies a facilitator whose activity is unknown: a missing fact never permits", () => {
    expectDecision(request(information("progress-note"), { kind: "facilitator" }, "TREAT"), DEFAULT_DENY);
  });

  it("is for treatment only", () => {
    expectDecision(
      request(information("progress-note"), recipient("facilitator", { activeFacilitator: true }), "HPAYMT"),
      DEFAULT_DENY,
    );
  });

  it("gives the rule's source with its reason", () => {
    const decision = checkDisclosure(
      request(information("attendance"), recipient("facilitator", { activeFacilitator: true }), "TREAT"),
    );
    expect(decision.reasons[0]?.source).toBe("45 CFR 164.506(c)(1); 45 CFR 164.502(b)(2)(i)");
  });
});

describe("rules 6 and 1: a roster names every member (roster-not-confirmed)", () => {
  const roster = information("roster", "m-hope");
  const osei = recipient("outside-provider", { name: "Dr. Amara Osei" });
  const oseiParty = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };

  // One member's consent speaks for that member alone (NASW 1.07(b); 45 CFR 164.508(c)(1)).
  it("does not send the roster out on one member's consent", () => {
    const decision = expectDecision(
      request(roster, osei, "COC", { consents: [consentFor("m-hope", oseiParty, "COC", "roster")] }),
      forbiddenBy("roster-not-confirmed"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
    expect(decision.advice[0]).toMatch(/de-identified count/);
  });

  it("nor a substance use group's roster on one member's written Part 2 consent (42 CFR 2.13(c))", () => {
    const part2 = consentFor("m-hope", oseiParty, "COC", "roster", { legalBasis: "42-cfr-part-2" });
    const decision = expectDecision(
      request(information("roster", "m-hope", { labels: SUD_LABELS }), osei, "COC", { consents: [part2] }),
      forbiddenBy("roster-not-confirmed"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent", "part2-consent-disclosure"]);
  });

  it("lets a de-identified count go to a researcher", () => {
    const study = recipient("researcher", { organisation: "Midwest Bereavement Support Study" });
    expectDecision(
      request(information("roster", undefined, { deidentified: true }), study, "HRESCH"),
      permittedBy(["research-deidentified"]),
    );
    expectDecision(request(information("roster", undefined), study, "HRESCH"), forbiddenBy("roster-not-confirmed"));
  });

  it("gives way to a court order, and to a review the law allows", () => {
    expectDecision(
      request(roster, recipient("court"), "HLEGAL", { circumstances: { courtOrder: true } }),
      permittedBy(["court-order"], ["MINEC", "document", "notify-client"]),
    );
    expectDecision(
      request(roster, recipient("hhs-secretary"), "HLEGAL"),
      permittedBy(["hhs-compliance-review"], ["document"]),
    );
  });

  it("keeps a substance use group's roster from a review Part 2 makes no exception for", () => {
    expectDecision(
      request(information("roster", "m-hope", { labels: SUD_LABELS }), recipient("hhs-secretary"), "HLEGAL"),
      forbiddenBy("substance-use-needs-part2-consent"),
    );
  });

  it("keeps it from emergency services even in a medical emergency", () => {
    expectDecision(
      request(roster, recipient("emergency-services"), "ETREAT", { circumstances: { medicalEmergency: true } }),
      forbiddenBy("roster-not-confirmed"),
    );
  });

  it("leaves the group's own staff and the member alone", () => {
    expectDecision(
      request(roster, recipient("co-facilitator", { activeFacilitator: true }), "TREAT"),
      permittedBy(["facilitator-treatment"]),
    );
    expectDecision(
      request(roster, recipient("group-member", { id: "m-hope", isSubject: true }), "PATRQT"),
      permittedBy(["member-own-record"], ["REDACT"]),
    );
  });

  it("treats a roster not known to be de-identified as identifying (fail closed)", () => {
    const unknown = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    expectDecision(
      request(roster, unknown, "COC", { consents: [consentFor("m-hope", oseiParty, "COC", "roster")] }),
      forbiddenBy("roster-not-confirmed"),
    );
  });
});
