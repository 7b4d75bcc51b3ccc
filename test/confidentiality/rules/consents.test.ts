// DOMAIN §4 rules 9, 13 and 14: minors, referrals, and what a member's consents grant and withhold.
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

describe("rule 9: a minor who consented to their own care controls disclosure to family (minor-controls-disclosure)", () => {
  const parent = recipient("family-or-guardian", { name: "Pat Rivera" });
  const minor = { minor: true, consentedToOwnCare: true };
  const byGuardian = consentFor("m-teen", { kind: "family-or-guardian" }, "FAMRQT", "attendance", {
    grantedBy: "guardian",
  });
  const own = consentFor("m-teen", { kind: "family-or-guardian" }, "FAMRQT", "attendance");
  const attendance = information("attendance", "m-teen");

  it("denies the parent under a consent the guardian signed", () => {
    const decision = expectDecision(
      request(attendance, parent, "FAMRQT", { subject: minor, consents: [byGuardian] }),
      forbiddenBy("minor-controls-disclosure"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  it("permits it under the minor's own consent", () => {
    expectDecision(
      request(attendance, parent, "FAMRQT", { subject: minor, consents: [own] }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });

  it("leaves the guardian in control where the jurisdiction says so", () => {
    expectDecision(
      request(attendance, parent, "FAMRQT", {
        subject: minor,
        consents: [byGuardian],
        jurisdiction: { minorConsent: "guardian" },
      }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });

  it("does not apply to a minor who did not consent to their own care, nor when nothing is known of the subject", () => {
    expectDecision(
      request(attendance, parent, "FAMRQT", {
        subject: { minor: true, consentedToOwnCare: false },
        consents: [byGuardian],
      }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
    expectDecision(
      request(attendance, parent, "FAMRQT", { subject: undefined, consents: [byGuardian] }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });
});

describe("rule 13: a referral needs consent or a recorded override (referral-override)", () => {
  const counsellor = recipient("outside-provider", { name: "Renee Carter", organisation: "Northside Counselling" });
  const OVERRIDE = { circumstances: { consentOverridden: true } };
  const REFERRAL = ["AUDTR", "MINEC", "document", "notify-client"];

  it("denies a referral with neither", () => {
    expectDecision(request(information("progress-note", "m-jamal"), counsellor, "COC"), DEFAULT_DENY);
  });

  it("permits the progress note and attendance on an override, audited and told to the member", () => {
    for (const kind of ["progress-note", "attendance"] as const) {
      expectDecision(
        request(information(kind, "m-jamal"), counsellor, "COC", OVERRIDE),
        permittedBy(["referral-override"], REFERRAL),
      );
    }
  });

  it("does not let an override reach process notes or other organisations than providers", () => {
    expectDecision(
      request(information("process-note", "m-jamal"), counsellor, "COC", OVERRIDE),
      forbiddenBy("process-note-needs-authorization"),
    );
    expectDecision(
      request(information("progress-note", "m-jamal"), recipient("researcher"), "COC", OVERRIDE),
      DEFAULT_DENY,
    );
  });
});

describe("rule 14: consents expire, are revoked and can withhold (withhold-from-named-person)", () => {
  const katrin = recipient("family-or-guardian", { name: "Katrin Hoffmann" });
  const mark = recipient("family-or-guardian", { name: "Mark Hoffmann" });
  const lenasAttendance = information("attendance", "m-lena");
  const counsellor = recipient("outside-provider", { name: "Renee Carter", organisation: "Northside Counselling" });

  it("permits Lena's attendance to her daughter Katrin (c-lena-daughter)", () => {
    expectDecision(
      request(lenasAttendance, katrin, "FAMRQT", { consents: sampleConsents }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
  });

  it("denies it to Mark Hoffmann, whom Lena withholds from", () => {
    expectDecision(
      request(lenasAttendance, mark, "FAMRQT", { consents: sampleConsents }),
      forbiddenBy("withhold-from-named-person"),
    );
  });

  it("withholds from a family member whose name is not known (fail closed)", () => {
    expectDecision(
      request(lenasAttendance, recipient("family-or-guardian"), "FAMRQT", { consents: sampleConsents }),
      forbiddenBy("withhold-from-named-person"),
    );
  });

  it("withholds even where a rule without consent would permit: the payer", () => {
    const withholding = consentFor("m-hope", { kind: "outside-provider" }, "COC", "attendance", {
      withholdFrom: [{ kind: "payer", name: "Prairie Health Plan" }],
    });
    const decision = expectDecision(
      request(information("attendance"), recipient("payer", { name: "Prairie Health Plan" }), "HPAYMT", {
        consents: [withholding],
      }),
      forbiddenBy("withhold-from-named-person"),
    );
    expect(decision.matchedRules.permit).toEqual(["payer-payment"]);
  });

  it("gives way to a court order", () => {
    const withholding = consentFor("m-lena", { kind: "outside-provider" }, "COC", "attendance", {
      withholdFrom: [{ kind: "court" }],
    });
    expectDecision(
      request(lenasAttendance, recipient("court"), "HLEGAL", {
        consents: [withholding],
        circumstances: { courtOrder: true },
      }),
      permittedBy(["court-order"], ["MINEC", "document", "notify-client"]),
    );
  });

  it("counts Jamal's consent before he revoked it, and not after (c-jamal-counsellor)", () => {
    const jamals = information("attendance", "m-jamal");
    expectDecision(
      request(jamals, counsellor, "COC", { consents: sampleConsents, at: "2026-03-01T10:00:00-06:00" }),
      permittedBy(["disclosure-with-consent"], ["document"]),
    );
    const decision = expectDecision(request(jamals, counsellor, "COC", { consents: sampleConsents }), DEFAULT_DENY);
    expect(decision.matchedRules).toEqual({ permit: [], forbid: [] });
  });

  it("stops counting Hope's consent when it expires", () => {
    const osei = recipient("outside-provider", { name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" });
    expectDecision(
      request(information("progress-note"), osei, "COC", { consents: sampleConsents, at: "2027-03-01T10:00:00-06:00" }),
      DEFAULT_DENY,
    );
  });
});
