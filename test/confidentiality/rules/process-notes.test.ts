// 45 CFR 164.508(a)(2): process (psychotherapy) notes need a specific authorization, with the exceptions the law names.
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
} from "./scenario";

const processNote = information("process-note");

describe("rule 4: process notes need a specific authorization (process-note-needs-authorization)", () => {
  it("denies the co-facilitator who did not write them, even for treatment", () => {
    const decision = expectDecision(
      request(processNote, recipient("co-facilitator", { activeFacilitator: true }), "TREAT"),
      forbiddenBy("process-note-needs-authorization"),
    );
    expect(decision.matchedRules.permit).toEqual(["facilitator-treatment"]);
  });

  it("lets their author use them for treatment", () => {
    expectDecision(
      request(
        processNote,
        recipient("facilitator", { id: "f-rivera", activeFacilitator: true, isOriginator: true }),
        "TREAT",
      ),
      permittedBy(["facilitator-treatment"]),
    );
  });

  // HIPAA lets supervised training use them (164.508(a)(2)(i)(B)); NASW 1.07(u) asks that what is taught be
  // de-identified or consented to, so identified notes stay out of training without a consent.
  it("lets a supervisor use them, de-identified, for supervised training, but not for quality review", () => {
    expectDecision(
      request(information("process-note", "m-hope", { deidentified: true }), recipient("supervisor"), "TRAIN"),
      permittedBy(["supervisor-review"], ["AUDTR", "MINEC"]),
    );
    const identified = expectDecision(
      request(processNote, recipient("supervisor"), "TRAIN"),
      forbiddenBy("training-needs-consent-or-deidentified"),
    );
    expect(identified.matchedRules.forbid).not.toContain("process-note-needs-authorization");
    expectDecision(
      request(processNote, recipient("supervisor"), "HOPERAT"),
      forbiddenBy("process-note-needs-authorization"),
    );
  });

  it("lets the agency use them in its legal defence", () => {
    expectDecision(
      request(processNote, recipient("agency-staff"), "HLEGAL"),
      permittedBy(["agency-legal-defence"], ["AUDTR", "MINEC"]),
    );
  });

  it("lets them go to the person at risk under a serious and imminent threat", () => {
    expectDecision(
      request(processNote, recipient("person-at-risk"), "THREAT", { circumstances: { imminentThreat: true } }),
      permittedBy(["serious-threat-disclosure"], ["MINEC", "document", "notify-client"]),
    );
  });

  it("lets them go to an outside provider with a written authorization that names them", () => {
    const party = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    const req = request(processNote, recipient("outside-provider", { name: "Dr. Amara Osei" }), "TREAT", {
      consents: [consentFor("m-hope", party, "TREAT", "process-note")],
    });
    expectDecision(req, permittedBy(["disclosure-with-consent"], ["document"]));
  });

  it("does not count an authorization for progress notes as one for process notes", () => {
    const party = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    const req = request(processNote, recipient("outside-provider", { name: "Dr. Amara Osei" }), "TREAT", {
      consents: [consentFor("m-hope", party, "TREAT", "progress-note")],
    });
    expectDecision(req, forbiddenBy("process-note-needs-authorization"));
  });

  // 45 CFR 164.508(b)(3)(ii): an authorization for psychotherapy notes may be combined only with another for them.
  it("does not count an authorization that also covers the rest of the record", () => {
    const party = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    const combined = consentFor("m-hope", party, "TREAT", "process-note", {
      dataClasses: ["progress-note", "process-note"],
    });
    const req = request(processNote, recipient("outside-provider", { name: "Dr. Amara Osei" }), "TREAT", {
      consents: [combined],
    });
    const decision = expectDecision(req, forbiddenBy("process-note-needs-authorization"));
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("does not count an agency-policy consent as an authorization", () => {
    const party = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    const req = request(processNote, recipient("outside-provider", { name: "Dr. Amara Osei" }), "TREAT", {
      consents: [consentFor("m-hope", party, "TREAT", "process-note", { legalBasis: "agency-policy" })],
    });
    const decision = expectDecision(req, forbiddenBy("process-note-needs-authorization"));
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("treats any note labelled PSYTHPN or HIPAAPsyNotes as a process note", () => {
    const co = recipient("co-facilitator", { activeFacilitator: true });
    for (const labels of [
      { confidentiality: "R", sensitivity: ["PSYTHPN"], law: [] },
      { confidentiality: "R", sensitivity: [], law: ["HIPAAPsyNotes"] },
    ] as const) {
      expectDecision(
        request(information("progress-note", "m-hope", { labels }), co, "TREAT"),
        forbiddenBy("process-note-needs-authorization"),
      );
    }
  });

  it("opens a note labelled a psychotherapy note but filed as a progress note to no authorization", () => {
    // An authorization naming progress notes alone is not one for psychotherapy notes (164.508(b)(3)(ii)).
    const party = { kind: "outside-provider" as const, name: "Dr. Amara Osei" };
    const labelled = information("progress-note", "m-hope", {
      labels: { confidentiality: "R", sensitivity: ["PSYTHPN"], law: [] },
    });
    const req = request(labelled, recipient("outside-provider", { name: "Dr. Amara Osei" }), "TREAT", {
      consents: [consentFor("m-hope", party, "TREAT", "progress-note")],
    });
    const decision = expectDecision(req, forbiddenBy("process-note-needs-authorization"));
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  // 45 CFR 164.508(a)(2)(ii) lets psychotherapy notes out for disclosures required by law (164.512(a)); a court
  // order is one (164.103), and so is the state's mandated child-abuse report.
  it("gives them to a court that ordered them, but not to a court without an order", () => {
    expectDecision(
      request(processNote, recipient("court"), "HLEGAL", { circumstances: { courtOrder: true } }),
      permittedBy(["court-order"], ["MINEC", "document", "notify-client"]),
    );
    expectDecision(request(processNote, recipient("court"), "HLEGAL"), forbiddenBy("process-note-needs-authorization"));
  });

  it("lets the mandated child-abuse report carry them, and nothing else about the abuse does", () => {
    const cps = recipient("child-protective-services");
    const abuse = { circumstances: { suspectedChildAbuse: true } };
    expectDecision(
      request(processNote, cps, "PUBHLTH", abuse),
      permittedBy(["mandated-child-abuse-report"], ["MINEC", "document"]),
    );
    expectDecision(request(processNote, cps, "PUBHLTH"), forbiddenBy("process-note-needs-authorization"));
    expectDecision(
      request(processNote, recipient("law-enforcement"), "HLEGAL", abuse),
      forbiddenBy("process-note-needs-authorization"),
    );
  });

  // 45 CFR 164.508(a)(2)(ii): the reviews the law requires or allows without an authorization.
  it("gives the Secretary of HHS what a compliance review needs (164.502(a)(2)(ii))", () => {
    expectDecision(
      request(processNote, recipient("hhs-secretary"), "HLEGAL"),
      permittedBy(["hhs-compliance-review"], ["document"]),
    );
    expectDecision(
      request(processNote, recipient("hhs-secretary"), "HOPERAT"),
      forbiddenBy("process-note-needs-authorization"),
    );
  });

  it("gives a health oversight agency the notes only when it oversees their author (164.512(d))", () => {
    const board = recipient("health-oversight", { name: "State Board of Social Work Examiners" });
    expectDecision(
      request(processNote, board, "HLEGAL", { circumstances: { oversightOfOriginator: true } }),
      permittedBy(["health-oversight"], ["MINEC", "document"]),
    );
    const other = expectDecision(
      request(processNote, board, "HLEGAL"),
      forbiddenBy("process-note-needs-authorization"),
    );
    expect(other.matchedRules.permit).toEqual(["health-oversight"]);
    // The rest of the record goes to oversight without that condition.
    expectDecision(
      request(information("progress-note"), board, "HLEGAL"),
      permittedBy(["health-oversight"], ["MINEC", "document"]),
    );
  });

  it("gives a coroner or medical examiner what their inquiry needs (164.512(g)(1))", () => {
    expectDecision(
      request(processNote, recipient("coroner-or-medical-examiner"), "HLEGAL"),
      permittedBy(["coroner-or-medical-examiner"], ["MINEC", "document"]),
    );
  });

  it("denies by default where no rule permits at all", () => {
    expectDecision(request(information("progress-note"), recipient("public"), "HOPERAT"), DEFAULT_DENY);
  });
});
