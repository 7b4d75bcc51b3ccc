// DOMAIN §4 rules 10 to 12: payers, researchers and program reporting, supervisors; and the agency's legal defence.
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
  sampleConsents,
} from "./scenario";

describe("rule 10: payers get attendance and summaries for payment (payer-payment, payer-no-process-notes)", () => {
  const payer = recipient("payer", { name: "Prairie Health Plan" });

  it("permits attendance and the session summary for payment, minimum necessary, other members removed", () => {
    const only = permittedBy(["payer-payment"], ["MINEC", "REDACT"]);
    expectDecision(request(information("attendance"), payer, "HPAYMT"), only);
    expectDecision(request(information("session-summary"), payer, "HPAYMT"), only);
  });

  it("denies the progress note, and anything for another purpose", () => {
    expectDecision(request(information("progress-note"), payer, "HPAYMT"), DEFAULT_DENY);
    expectDecision(request(information("attendance"), payer, "HOPERAT"), DEFAULT_DENY);
  });

  it("never gives a payer process notes, even with an authorization that names them", () => {
    const req = request(information("process-note"), payer, "HPAYMT", {
      consents: [consentFor("m-hope", { kind: "payer" }, "HPAYMT", "process-note")],
    });
    const decision = expectDecision(req, forbiddenBy("payer-no-process-notes"));
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("names both forbids when there is no authorization either", () => {
    expectDecision(
      request(information("process-note"), payer, "HPAYMT"),
      forbiddenBy("payer-no-process-notes", "process-note-needs-authorization"),
    );
  });
});

describe("rule 11: researchers get de-identified or consented data (research-deidentified)", () => {
  const study = recipient("researcher", { organisation: "Midwest Bereavement Support Study" });

  it("permits de-identified attendance for research or program reporting", () => {
    for (const purpose of ["HRESCH", "HOPERAT"] as const) {
      expectDecision(
        request(information("attendance", "m-hope", { deidentified: true }), study, purpose),
        permittedBy(["research-deidentified"]),
      );
    }
  });

  it("denies identified data without consent, and data not known to be de-identified", () => {
    expectDecision(
      request(information("attendance", "m-hope", { deidentified: false }), study, "HRESCH"),
      DEFAULT_DENY,
    );
    expectDecision(request(information("attendance"), study, "HRESCH"), DEFAULT_DENY);
  });

  it("permits Aroha's attendance to the study she consented to (c-aroha-research)", () => {
    expectDecision(
      request(information("attendance", "m-aroha"), study, "HRESCH", { consents: sampleConsents }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });

  it("does not let a consent for attendance reach her progress notes", () => {
    expectDecision(
      request(information("progress-note", "m-aroha"), study, "HRESCH", { consents: sampleConsents }),
      DEFAULT_DENY,
    );
  });
});

describe("rule 12: a supervisor reviews inside the agency (supervisor-review)", () => {
  it("permits supervision and quality review, minimum necessary and audited", () => {
    expectDecision(
      request(information("progress-note"), recipient("supervisor"), "HOPERAT"),
      permittedBy(["supervisor-review"], ["AUDTR", "MINEC"]),
    );
  });

  it("denies a supervisor outside the agency and a supervisor's other purposes", () => {
    expectDecision(
      request(information("progress-note"), recipient("supervisor", { withinAgency: false }), "HOPERAT"),
      DEFAULT_DENY,
    );
    expectDecision(request(information("progress-note"), recipient("supervisor"), "TREAT"), DEFAULT_DENY);
  });
});

describe("the agency's legal defence (agency-legal-defence)", () => {
  it("permits the agency's own staff to use the record in its defence, audited", () => {
    expectDecision(
      request(information("progress-note"), recipient("agency-staff"), "HLEGAL"),
      permittedBy(["agency-legal-defence"], ["AUDTR", "MINEC"]),
    );
    expectDecision(request(information("progress-note"), recipient("agency-staff"), "HOPERAT"), DEFAULT_DENY);
  });
});
