// Minors who consented to their own care (45 CFR 164.502(g)(3)), referrals (Primero consent_overridden), and what a
// member's consents grant and withhold (45 CFR 164.508; Primero disclosure_deny_details; FHIR R4 Consent).

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
  sampleConsents,
} from "./scenario";

describe("a minor who consented to their own care controls disclosure to family (minor-controls-disclosure)", () => {
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

describe("a referral needs consent or a recorded override (referral-override)", () => {
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

describe("consents expire, are revoked and can withhold (withhold-from-named-person)", () => {
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
    const plan = { kind: "payer" as const, name: "Prairie Health Plan" };
    const paying = consentFor("m-hope", plan, "HPAYMT", "attendance");
    const withholding = consentFor("m-hope", { kind: "outside-provider" }, "COC", "attendance", {
      withholdFrom: [plan],
    });
    const decision = expectDecision(
      request(information("attendance"), recipient("payer", { name: "Prairie Health Plan" }), "HPAYMT", {
        consents: [paying, withholding],
      }),
      forbiddenBy("withhold-from-named-person"),
    );
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent", "payer-payment"]);
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

describe("a withholding holds for every spelling of the person (withhold-from-named-person)", () => {
  // Aroha consents to her attendance going to her family on request, and never to Hector Delgado.
  const arohas = information("attendance", "m-aroha");
  const family = consentFor("m-aroha", { kind: "family-or-guardian" }, "FAMRQT", "attendance", {
    id: "c-aroha-family",
    withholdFrom: [{ kind: "family-or-guardian", name: "Hector Delgado" }],
  });
  const ask = (name: string) =>
    request(arohas, recipient("family-or-guardian", { name }), "FAMRQT", { consents: [family] });
  const WITHHELD = "The member asked that this person never receive their information.";
  const CONFIRM =
    'Confirm the recipient is not Hector Delgado: consent "c-aroha-family" withholds from that person, and the ' +
    "recipient's name only partly matches it.";

  it.each([
    "Hector Delgado",
    "hector delgado",
    "Hector  Delgado",
    "Hector\u00a0Delgado",
    "Hector\tDelgado",
    "Hector\u200b Delgado",
    "Hec\u200btor Delgado",
    "Hector Delgado.",
    "Héctor Delgado",
    "Delgado, Hector",
  ])("refuses %j plainly, as Hector Delgado himself", (name) => {
    const decision = expectDecision(ask(name), forbiddenBy("withhold-from-named-person"));
    expect(decision.reasons.map((reason) => reason.message)).toEqual([WITHHELD]);
    expect(decision.advice).not.toContain(CONFIRM);
    // The grant to the family would have permitted it: the withholding, not a missing consent, refuses it.
    expect(decision.matchedRules.permit).toEqual(["disclosure-with-consent"]);
  });

  // A zero-width space alone between the words reads as no space ("HectorDelgado"): the same letters, refused too.
  it.each(["Hector", "Delgado", "H. Delgado", "H D", "Delgado, H.", "Hector J. Delgado", "Hector\u200bDelgado"])(
    "refuses the partial name %j, and asks the worker to confirm who it is",
    (name) => {
      const decision = expectDecision(ask(name), forbiddenBy("withhold-from-named-person"));
      expect(decision.advice.at(-1)).toBe(CONFIRM);
    },
  );

  it.each(["Maria Delgado", "M. Delgado", "Hector Smith"])(
    "still permits %j, who is known to be someone else: the family is not refused as a whole",
    (name) => {
      const decision = expectDecision(ask(name), permittedBy(["disclosure-with-consent"], ["document"]));
      expect(decision.matchedRules.forbid).toEqual([]);
    },
  );

  it("refuses a family member whose name is not given, and a recipient of any kind with neither name nor id", () => {
    const unnamed = expectDecision(
      request(arohas, recipient("family-or-guardian"), "FAMRQT", { consents: [family] }),
      forbiddenBy("withhold-from-named-person"),
    );
    // The worker is told what would settle it: the recipient's name.
    expect(unnamed.advice.at(-1)).toBe(
      'Confirm the recipient is not Hector Delgado: consent "c-aroha-family" withholds from that person, and the ' +
        "request gives no name to tell them apart; add the recipient's name and ask again.",
    );
    const decision = checkDisclosure(request(arohas, recipient("public"), "PATRQT", { consents: [family] }));
    expect(decision.matchedRules.forbid).toEqual(["withhold-from-named-person"]);
  });
});

describe("a grant reaches only a recipient known to be the party (disclosure-with-consent)", () => {
  const katrin = consentFor("m-lena", { kind: "family-or-guardian", name: "Katrin Hoffmann" }, "FAMRQT", "attendance");
  const ask = (name: string) =>
    request(information("attendance", "m-lena"), recipient("family-or-guardian", { name }), "FAMRQT", {
      consents: [katrin],
    });

  it.each(["Katrin Hoffmann", "KATRIN\u00a0HOFFMANN", "Hoffmann,\tKatrin", "Katrin Hoffmann.", "Kátrin  Hoffmann"])(
    "permits %j",
    (name) => {
      expectDecision(ask(name), permittedBy(["disclosure-with-consent"], ["document"]));
    },
  );

  it.each(["K. Hoffmann", "Katrin", "Hoffmann", "Katrin M. Hoffmann", "Mark Hoffmann"])(
    "does not permit %j",
    (name) => {
      expectDecision(ask(name), DEFAULT_DENY);
    },
  );
});
