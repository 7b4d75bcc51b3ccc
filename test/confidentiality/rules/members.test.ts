// DOMAIN §4 rules 1 to 3: members and facilitators.
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
