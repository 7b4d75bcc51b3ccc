// Payers (NASW Code of Ethics 1.07(h)), researchers and program reporting (45 CFR 164.514), supervisors and training
// (45 CFR 164.501; NASW Code of Ethics 1.07(u)), and the agency's legal defence (45 CFR 164.508(a)(2)(i)(C)).
import { checkDisclosure, defaultPolicy, definePolicy } from "groupwork/confidentiality";
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

describe("rule 10: payers get attendance and summaries for payment with the member's consent (payer-payment)", () => {
  const payer = recipient("payer", { name: "Prairie Health Plan" });
  const payerParty = { kind: "payer" as const, name: "Prairie Health Plan" };
  const authorizes = (kind: "attendance" | "session-summary" | "progress-note" | "process-note") => ({
    consents: [consentFor("m-hope", payerParty, "HPAYMT", kind)],
  });

  // NASW 1.07(h): "not disclose confidential information to third-party payers unless clients have authorized such
  // disclosure". Without a consent no rule permits it.
  it("sends nothing to a payer the member has not authorized", () => {
    const attendance = expectDecision(request(information("attendance"), payer, "HPAYMT"), DEFAULT_DENY);
    expect(attendance.matchedRules).toEqual({ permit: [], forbid: [] });
    expectDecision(request(information("session-summary"), payer, "HPAYMT"), DEFAULT_DENY);
  });

  it("permits attendance and the session summary under the member's consent, minimum necessary, others removed", () => {
    const both = permittedBy(["disclosure-with-consent", "payer-payment"], ["MINEC", "REDACT", "document"]);
    expectDecision(request(information("attendance"), payer, "HPAYMT", authorizes("attendance")), both);
    expectDecision(request(information("session-summary"), payer, "HPAYMT", authorizes("session-summary")), both);
  });

  it("does not count a consent for another purpose or another payer", () => {
    const otherPurpose = { consents: [consentFor("m-hope", payerParty, "HOPERAT", "attendance")] };
    expectDecision(request(information("attendance"), payer, "HPAYMT", otherPurpose), DEFAULT_DENY);
    const otherPayer = {
      consents: [consentFor("m-hope", { kind: "payer", name: "Lakeshore Mutual" }, "HPAYMT", "attendance")],
    };
    expectDecision(request(information("attendance"), payer, "HPAYMT", otherPayer), DEFAULT_DENY);
  });

  it("sends the progress note only as the consent's own disclosure, without the payer rule's minimum necessary", () => {
    expectDecision(
      request(information("progress-note"), payer, "HPAYMT", authorizes("progress-note")),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
    expectDecision(request(information("attendance"), payer, "HOPERAT", authorizes("attendance")), DEFAULT_DENY);
  });

  it("never gives a payer process notes, even with an authorization that names them", () => {
    const decision = expectDecision(
      request(information("process-note"), payer, "HPAYMT", authorizes("process-note")),
      forbiddenBy("payer-no-process-notes"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("names both forbids when there is no authorization either", () => {
    expectDecision(
      request(information("process-note"), payer, "HPAYMT"),
      forbiddenBy("payer-no-process-notes", "process-note-needs-authorization"),
    );
  });

  // The guide's example (docs/confidentiality.md, "Payers and HIPAA's wider permission"), run as written there.
  it("lets an agency that relies on HIPAA 164.506(c)(1) replace the rule, process notes still kept out", () => {
    const hipaaPayment = definePolicy(
      [
        {
          id: "payer-payment",
          effect: "permit",
          description:
            "A payer may receive attendance and session summaries to pay for the service, and no more than it needs.",
          source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b)",
          obligations: ["MINEC", "REDACT"],
          when: (req) =>
            req.recipient.kind === "payer" &&
            req.purpose === "HPAYMT" &&
            (req.information.kind === "attendance" || req.information.kind === "session-summary"),
        },
      ],
      { extends: defaultPolicy, version: "prairie-agency-2026-1" },
    );
    const asked = request(information("attendance"), payer, "HPAYMT");
    expect(checkDisclosure(asked).effect).toBe("deny");
    const agency = checkDisclosure(asked, { policy: hipaaPayment });
    expect([agency.effect, agency.determiningRules, agency.obligations]).toEqual([
      "permit",
      ["payer-payment"],
      ["MINEC", "REDACT"],
    ]);
    expect(hipaaPayment.rules).toHaveLength(defaultPolicy.rules.length);
    const processNote = checkDisclosure(request(information("process-note"), payer, "HPAYMT"), {
      policy: hipaaPayment,
    });
    expect(processNote.determiningRules).toEqual(["payer-no-process-notes", "process-note-needs-authorization"]);
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
  it("permits supervision and quality review, minimum necessary and audited, with no consent", () => {
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

// NASW Code of Ethics 1.07(u): "Social workers should not disclose identifying information when discussing clients
// for teaching or training purposes unless the client has consented to disclosure of confidential information."
describe("rule 12: teaching and training use no identifying information without consent (training-needs-consent-or-deidentified)", () => {
  const supervisor = recipient("supervisor");

  it("denies identified records for training without a consent, though the supervisor rule would permit", () => {
    const decision = expectDecision(
      request(information("progress-note"), supervisor, "TRAIN"),
      forbiddenBy("training-needs-consent-or-deidentified"),
    );
    expect(decision.matchedRules.permit).toEqual(["supervisor-review"]);
    expect(decision.advice[0]).toMatch(/De-identify the material/);
  });

  it("treats information not known to be de-identified as identifying (fail closed)", () => {
    const unknown = information("progress-note");
    expect(unknown.deidentified).toBeUndefined();
    expectDecision(request(unknown, supervisor, "TRAIN"), forbiddenBy("training-needs-consent-or-deidentified"));
  });

  it("permits de-identified records for training, audited and the minimum necessary", () => {
    expectDecision(
      request(information("progress-note", "m-hope", { deidentified: true }), supervisor, "TRAIN"),
      permittedBy(["supervisor-review"], ["AUDTR", "MINEC"]),
    );
  });

  it("permits identified records for training when the member consented to it", () => {
    expectDecision(
      request(information("progress-note"), supervisor, "TRAIN", {
        consents: [consentFor("m-hope", { kind: "supervisor" }, "TRAIN", "progress-note")],
      }),
      permittedBy(["disclosure-with-consent", "supervisor-review"], ["AUDTR", "MINEC", "document"]),
    );
  });

  it("holds whoever the trainee is: a consent for supervision does not stretch to training", () => {
    expectDecision(
      request(information("attendance"), recipient("agency-staff"), "TRAIN", {
        consents: [consentFor("m-hope", { kind: "agency-staff" }, "HOPERAT", "attendance")],
      }),
      forbiddenBy("training-needs-consent-or-deidentified"),
    );
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
