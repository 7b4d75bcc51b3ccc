// The engine's semantics, case by case: Cedar's combination (default deny, forbid overrides permit) and the two
// deliberate differences (a throwing rule fails closed; an unknown never grants and never lifts a forbid).
import { describe, expect, it } from "vitest";
import { disclosureFacts } from "../../src/confidentiality/engine";
import {
  checkDisclosure,
  type DisclosurePolicy,
  type DisclosureRule,
  definePolicy,
} from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, request, rule } from "./engine-fixtures";

function decide(...rules: DisclosureRule[]) {
  return checkDisclosure(request(), { policy: definePolicy(rules, { version: "test" }) });
}

describe("combining rules", () => {
  it("denies by default when no rule holds, and says so", () => {
    const decision = decide(rule("p", "permit", { when: () => false }));
    expect(decision).toEqual({
      effect: "deny",
      basis: "default-deny",
      determiningRules: [],
      matchedRules: { permit: [], forbid: [] },
      reasons: [{ code: "no-rule-permits", message: "No rule permits this disclosure, so it is denied by default." }],
      obligations: [],
      advice: [],
      errors: [],
      policyVersion: "test",
    });
  });

  it("permits when a permit holds, with the obligations of every holding permit, once each and in code order", () => {
    const decision = decide(
      rule("p2", "permit", { obligations: ["REDACT", "MINEC"], advice: "Use the redacted copy." }),
      rule("p1", "permit", { obligations: ["MINEC", "AUDTR"] }),
      rule("p3", "permit", { when: () => false, obligations: ["NORDSCLCD"] }),
    );
    expect(decision.effect).toBe("permit");
    expect(decision.basis).toBe("explicit-permit");
    expect(decision.determiningRules).toEqual(["p1", "p2"]);
    expect(decision.obligations).toEqual(["AUDTR", "MINEC", "REDACT"]);
    expect(decision.reasons).toEqual([
      { code: "rule-permits", ruleId: "p1", source: "Test source p1", message: "Rule p1 permits." },
      { code: "rule-permits", ruleId: "p2", source: "Test source p2", message: "Rule p2 permits." },
    ]);
    expect(decision.advice).toEqual(["Use the redacted copy."]);
  });

  it("lets any holding forbid override every permit, and drops the permits' obligations", () => {
    const decision = decide(
      rule("p", "permit", { obligations: ["MINEC"] }),
      rule("f", "forbid", { advice: "Ask for consent." }),
    );
    expect(decision.effect).toBe("deny");
    expect(decision.basis).toBe("explicit-forbid");
    expect(decision.determiningRules).toEqual(["f"]);
    expect(decision.matchedRules).toEqual({ permit: ["p"], forbid: ["f"] });
    expect(decision.obligations).toEqual([]);
    expect(decision.reasons).toEqual([
      { code: "rule-forbids", ruleId: "f", source: "Test source f", message: "Rule f forbids." },
    ]);
    expect(decision.advice).toEqual(["Ask for consent."]);
  });

  it("lists a rule that appears twice in a hand-made policy once", () => {
    const twice = rule("p", "permit", { obligations: ["MINEC"] });
    const policy: DisclosurePolicy = { version: "hand-made", rules: [twice, rule("q", "permit"), twice] };
    const decision = checkDisclosure(request(), { policy });
    expect(decision.determiningRules).toEqual(["p", "q"]);
    expect(decision.reasons.map((reason) => reason.ruleId)).toEqual(["p", "q"]);
  });

  it("refuses a hand-made policy with a malformed rule", () => {
    const policy = { version: "bad", rules: [{ ...rule("p", "permit"), when: "yes" }] } as never;
    expect(() => checkDisclosure(request(), { policy })).toThrow(GroupworkError);
    expect(() => checkDisclosure(request(), { policy })).toThrow(/policy.rules\[0\] \("p"\): when must be a function/);
  });
});

describe("unknown attributes (the second difference from Cedar)", () => {
  it.each([
    ["permit, when unknown", rule("r", "permit", { when: () => undefined }), false],
    ["permit, when true, unless unknown", rule("r", "permit", { unless: () => undefined }), false],
    ["permit, when true, unless false", rule("r", "permit", { unless: () => false }), true],
    ["permit, when true, unless true", rule("r", "permit", { unless: () => true }), false],
    ["permit, when returns a non-boolean", rule("r", "permit", { when: (() => 1) as never }), false],
    ["forbid, when unknown", rule("r", "forbid", { when: () => undefined }), true],
    ["forbid, when false", rule("r", "forbid", { when: () => false }), false],
    ["forbid, when true, unless unknown", rule("r", "forbid", { unless: () => undefined }), true],
    ["forbid, when true, unless false", rule("r", "forbid", { unless: () => false }), true],
    ["forbid, when true, unless true", rule("r", "forbid", { unless: () => true }), false],
  ])("%s: holds %s", (_, tested, holds) => {
    const decision = decide(tested);
    const matched = tested.effect === "permit" ? decision.matchedRules.permit : decision.matchedRules.forbid;
    expect(matched).toEqual(holds ? ["r"] : []);
  });

  it("reads a missing recipient fact as unknown when the rule asks for it that way", () => {
    const facilitatorOnly = rule("facilitators", "permit", { when: (asked) => asked.recipient.activeFacilitator });
    expect(decide(facilitatorOnly).basis).toBe("default-deny");
    const keepOut = rule("not-facilitator", "forbid", {
      when: (asked) =>
        asked.recipient.activeFacilitator === undefined ? undefined : !asked.recipient.activeFacilitator,
    });
    expect(decide(keepOut).basis).toBe("explicit-forbid");
  });
});

describe("a rule that throws (the first difference from Cedar)", () => {
  it("denies with basis error, names the rule, keeps what held, and carries no obligations", () => {
    const decision = decide(
      rule("p", "permit", { obligations: ["MINEC"] }),
      rule("broken", "permit", {
        when: () => {
          throw new Error("no such field");
        },
      }),
    );
    expect(decision.effect).toBe("deny");
    expect(decision.basis).toBe("error");
    expect(decision.determiningRules).toEqual([]);
    expect(decision.matchedRules).toEqual({ permit: ["p"], forbid: [] });
    expect(decision.obligations).toEqual([]);
    const message = 'Rule "broken" failed ("no such field"), so the check fails closed and denies.';
    expect(decision.errors).toEqual([{ code: "rule-failed", ruleId: "broken", message }]);
    expect(decision.reasons).toEqual([{ code: "rule-failed", ruleId: "broken", message }]);
  });

  it("fails closed even when an unless throws something that is not an Error, and lists failures by rule id", () => {
    const decision = decide(
      rule("z", "forbid", {
        unless: () => {
          throw "bad data";
        },
      }),
      rule("a", "permit", {
        when: () => {
          throw new TypeError("x");
        },
      }),
    );
    expect(decision.basis).toBe("error");
    expect(decision.errors.map((error) => [error.ruleId, error.message])).toEqual([
      ["a", 'Rule "a" failed ("x"), so the check fails closed and denies.'],
      ["z", 'Rule "z" failed ("bad data"), so the check fails closed and denies.'],
    ]);
  });

  it("fails closed when a rule throws something that cannot be read, rather than throwing itself", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const strangeMessage = Object.assign(new Error("ignored"), { message: Object.create(null) });
    const decision = decide(
      rule("revoked", "permit", {
        when: () => {
          throw proxy;
        },
      }),
      rule("strange", "forbid", {
        when: () => {
          throw strangeMessage;
        },
      }),
    );
    expect([decision.effect, decision.basis]).toEqual(["deny", "error"]);
    expect(decision.errors.map((error) => error.message)).toEqual([
      'Rule "revoked" failed (an object that cannot be read), so the check fails closed and denies.',
      // Its message is not text, so the error itself is described; an Error's own message is not enumerable.
      'Rule "strange" failed (an object (no keys)), so the check fails closed and denies.',
    ]);
  });

  it("reports a failing rule listed twice once", () => {
    const broken = rule("b", "forbid", {
      when: () => {
        throw new Error("boom");
      },
    });
    const decision = checkDisclosure(request(), { policy: { version: "v", rules: [broken, broken] } });
    expect(decision.errors.map((error) => error.ruleId)).toEqual(["b"]);
  });
});

describe("advice about consents set aside", () => {
  const consentRule = rule("consent", "permit", { when: (_, facts) => facts.consents.granting.length > 0 });

  it("says which consent would have covered a denied disclosure and why it does not count", () => {
    const policy = definePolicy([consentRule], { version: "v" });
    const consents = [
      consent({ id: "c-old", validUntil: "2026-02-01T00:00:00-05:00" }),
      consent({ id: "c-verbal", form: "verbal" }),
    ];
    const decision = checkDisclosure(request({ consents }), { policy });
    expect(decision.basis).toBe("default-deny");
    expect(decision.advice).toEqual([
      'Consent "c-old" would cover this disclosure but has expired.',
      'Consent "c-verbal" would cover this disclosure but was given only verbally, where its legal basis asks for a written, signed consent.',
    ]);
  });

  it("adds the notes after a forbid's own advice; a permit names only the consent that covers it", () => {
    const forbid = rule("f", "forbid", { advice: "Ask the member." });
    const consents = [consent({ id: "c-new", validFrom: "2026-06-01T00:00:00-05:00" }), consent({ id: "c-ok" })];
    const denied = checkDisclosure(request({ consents }), { policy: definePolicy([consentRule, forbid]) });
    expect(denied.advice).toEqual([
      "Ask the member.",
      'Consent "c-new" would cover this disclosure but has not taken effect yet.',
    ]);
    const permitted = checkDisclosure(request({ consents }), { policy: definePolicy([consentRule]) });
    expect(permitted.basis).toBe("explicit-permit");
    expect(permitted.advice).toEqual(['Consent "c-ok" covers this disclosure.']);
  });

  it("combines several consents deny-overrides: one withholding consent forbids whatever the others grant", () => {
    const withhold = rule("withheld", "forbid", { when: (_, facts) => facts.consents.withholding.length > 0 });
    const consents = [
      consent({ id: "c-grant" }),
      consent({
        id: "c-withhold",
        purposes: ["HPAYMT"],
        withholdFrom: [{ kind: "outside-provider", name: "dr. amara osei" }],
      }),
    ];
    const decision = checkDisclosure(request({ consents }), { policy: definePolicy([consentRule, withhold]) });
    expect(decision.basis).toBe("explicit-forbid");
    expect(decision.matchedRules).toEqual({ permit: ["consent"], forbid: ["withheld"] });
  });

  it("asks to confirm the recipient when a forbid decides and a withholding reaches them only by a partial name", () => {
    const withhold = rule("withheld", "forbid", {
      advice: "Do not share.",
      when: (_, facts) => facts.consents.withholding.length > 0,
    });
    const consents = [
      consent({ id: "c-withhold", recipients: [], withholdFrom: [{ kind: "payer", name: "Amara Osei" }] }),
    ];
    const partly = request({ consents, recipient: { kind: "outside-provider", name: "Dr. A. Osei" } });
    const confirm =
      'Confirm the recipient is not Amara Osei: consent "c-withhold" withholds from that person, and the ' +
      "recipient's name only partly matches it.";
    const forbidden = checkDisclosure(partly, { policy: definePolicy([consentRule, withhold]) });
    expect(forbidden.advice).toEqual(["Do not share.", confirm]);
    // The same name in full: the plain refusal.
    const plain = request({ consents, recipient: { kind: "outside-provider", name: "Osei, Amara" } });
    expect(checkDisclosure(plain, { policy: definePolicy([consentRule, withhold]) }).advice).toEqual(["Do not share."]);
    // No forbid decides (a policy without a withholding rule): confirming would change nothing, so nothing is said.
    const byDefault = checkDisclosure(partly, { policy: definePolicy([consentRule]) });
    expect([byDefault.basis, byDefault.advice]).toEqual(["default-deny", []]);
  });
});

describe("facts the engine hands to rules", () => {
  const labelled = (kind: "attendance" | "process-note", sensitivity: string[], law: string[], level = "N") =>
    disclosureFacts(
      request({
        information: {
          kind,
          groupId: "g",
          labels: { confidentiality: level, sensitivity, law } as never,
        },
      }),
    );

  it.each([
    [[], [], false],
    [["SUD"], [], true],
    [["ETH"], [], true],
    [["MH"], ["42CFRPart2"], true],
    [["PSY", "HIV"], ["CommonRule"], false],
  ])("substance use from sensitivity %j and law %j: %s", (sensitivity, law, expected) => {
    expect(labelled("attendance", sensitivity, law).substanceUse).toBe(expected);
  });

  it.each([
    ["attendance", [], [], false],
    ["process-note", [], [], true],
    ["attendance", ["PSYTHPN"], [], true],
    ["attendance", [], ["HIPAAPsyNotes"], true],
  ] as const)("psychotherapy note for %s with %j and %j: %s", (kind, sensitivity, law, expected) => {
    expect(labelled(kind, [...sensitivity], [...law]).psychotherapyNote).toBe(expected);
  });

  it("ranks confidentiality U 0 to V 5", () => {
    expect(
      ["U", "L", "M", "N", "R", "V"].map((level) => labelled("attendance", [], [], level).confidentialityRank),
    ).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("fills in the jurisdiction's safe defaults and keeps what the request sets", () => {
    expect(disclosureFacts(request()).jurisdiction).toEqual({ dutyToWarn: "permissive", minorConsent: "minor" });
    const set = request({ jurisdiction: { dutyToWarn: "mandatory", minorConsent: "guardian" } });
    expect(disclosureFacts(set).jurisdiction).toEqual({ dutyToWarn: "mandatory", minorConsent: "guardian" });
    expect(disclosureFacts(request({ jurisdiction: { dutyToWarn: "none" } })).jurisdiction).toEqual({
      dutyToWarn: "none",
      minorConsent: "minor",
    });
  });
});
