import { describe, expect, it } from "vitest";
import { checkDisclosure, definePolicy, explainDecision } from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, request, rule } from "./engine-fixtures";

describe("explainDecision", () => {
  it("says a permit, its reasons with sources, every obligation in words, the advice and the policy", () => {
    const policy = definePolicy(
      [
        rule("payer-payment", "permit", {
          description: "A payer may receive attendance for payment",
          source: "45 CFR 164.506",
          obligations: ["notify-client", "document", "REDACT", "NORDSCLCD", "MINEC", "AUDTR"],
          advice: "send the attendance only",
        }),
      ],
      { version: "v7" },
    );
    expect(explainDecision(checkDisclosure(request(), { policy }))).toEqual([
      "This may be shared.",
      "A payer may receive attendance for payment (45 CFR 164.506).",
      "Keep an audit trail of this disclosure (HL7 AUDTR).",
      "Share only the minimum necessary for the purpose (45 CFR 164.502(b); HL7 MINEC).",
      "Attach the notice that the recipient may not disclose it further without consent (42 CFR 2.32; HL7 NORDSCLCD).",
      "Remove other members' names and identifying details first (NASW 1.07(f); HL7 REDACT).",
      "Write the disclosure, its purpose and its basis in the record.",
      "Tell the client about the disclosure when it is feasible and safe (NASW 1.07(d)).",
      "send the attendance only.",
      "Decided under policy v7.",
    ]);
  });

  it("says a forbid and the rule's own sentence once, ending it with a full stop only when it has none", () => {
    const policy = definePolicy(
      [rule("peers", "forbid", { description: "A member may not see another member's note!", source: "NASW 1.07(f)" })],
      { version: "v" },
    );
    expect(explainDecision(checkDisclosure(request(), { policy }))).toEqual([
      "This must not be shared.",
      "A member may not see another member's note (NASW 1.07(f)).",
      "Decided under policy v.",
    ]);
  });

  it("says a default deny, with the consents set aside", () => {
    const policy = definePolicy([], { version: "empty" });
    const decision = checkDisclosure(request({ consents: [consent({ revokedAt: "2026-03-01T00:00:00-05:00" })] }), {
      policy,
    });
    expect(explainDecision(decision)).toEqual([
      "This must not be shared: no rule allows it.",
      "No rule permits this disclosure, so it is denied by default.",
      'Consent "c-1" would cover this disclosure but was revoked.',
      "Decided under policy empty.",
    ]);
  });

  it("says a failing rule once, not once as an error and again as a reason", () => {
    const broken = rule("broken", "forbid", {
      when: () => {
        throw new Error("boom");
      },
    });
    const decision = checkDisclosure(request(), { policy: definePolicy([broken], { version: "v" }) });
    expect(explainDecision(decision)).toEqual([
      "This must not be shared for now: the check could not finish, and it fails closed.",
      'Rule "broken" failed ("boom"), so the check fails closed and denies.',
      "Ask whoever maintains the policy to fix the failing rule; until then the answer is no.",
      "Decided under policy v.",
    ]);
  });

  it("says what is wrong with an unreadable request", () => {
    const decision = checkDisclosure({ ...request(), at: "soon" }, { policy: definePolicy([], { version: "v" }) });
    expect(explainDecision(decision)).toEqual([
      "This must not be shared for now: the request could not be read.",
      "at: must be an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00.",
      "The request could not be read, so the disclosure is denied.",
      "Correct the request where the errors point and check again; until then the answer is no.",
      "Decided under policy v.",
    ]);
  });

  it.each([null, "permit", { basis: "maybe" }])("throws invalid-argument for %j, which is no decision", (value) => {
    expect(() => explainDecision(value as never)).toThrow(GroupworkError);
    expect(() => explainDecision(value as never)).toThrow(/decision must be a decision from checkDisclosure/);
  });

  describe("a decision that is not what checkDisclosure returns", () => {
    const decision = checkDisclosure(request(), { policy: definePolicy([rule("a", "permit")], { version: "v" }) });
    // A list with a hole where its first entry should be: skipped by for-of and forEach alike.
    const holey: unknown[] = [];
    holey[1] = { code: "rule-permits", message: "m" };
    const explain = (changes: Record<string, unknown>) => () => explainDecision({ ...decision, ...changes } as never);

    it.each<[string, Record<string, unknown>, RegExp]>([
      ["no obligations", { obligations: undefined }, /decision\.obligations must be an array .* not undefined/],
      ["no errors", { errors: undefined }, /decision\.errors must be an array .* not undefined/],
      ["no advice", { advice: null }, /decision\.advice must be an array .* not null/],
      ["no reasons", { reasons: "because" }, /decision\.reasons must be an array .* not "because"/],
      [
        "an unknown obligation code",
        { obligations: ["AUDTR", "LATER"] },
        /decision\.obligations\[1\] must be one of .* not "LATER"/,
      ],
      ["an inherited name as obligation", { obligations: ["constructor"] }, /decision\.obligations\[0\]/],
      ["an inherited name as basis", { basis: "toString" }, /decision must be a decision from checkDisclosure/],
      ["a basis with no prototype", { basis: Object.create(null) }, /decision must be a decision from checkDisclosure/],
      [
        "an effect that contradicts the basis",
        { effect: "deny" },
        /decision\.effect must be "permit" for basis "explicit-permit", not "deny"/,
      ],
      [
        "a reason without its sentence",
        { reasons: [{ code: "rule-permits" }] },
        /decision\.reasons\[0\]\.message must be a non-empty string/,
      ],
      ["a reason that is null", { reasons: [null] }, /decision\.reasons\[0\] must be an object/],
      ["a hole in the reasons", { reasons: holey }, /decision\.reasons\[0\] must be an object .* not undefined/],
      [
        "a source that is a Symbol",
        { reasons: [{ code: "rule-permits", message: "m", source: Symbol("s") }] },
        /decision\.reasons\[0\]\.source must be a non-empty string, not a Symbol/,
      ],
      [
        "an error that is no object",
        { basis: "error", effect: "deny", reasons: [], errors: [10n] },
        /decision\.errors\[0\] must be an object .* not the BigInt 10n/,
      ],
      [
        "advice that is a 5,000-deep array",
        { advice: [JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`)] },
        /decision\.advice\[0\] must be a non-empty string, not an array of 1 item/,
      ],
      [
        "a policy version with no prototype",
        { policyVersion: Object.create(null) },
        /decision\.policyVersion must be a non-empty string, not an object with no prototype/,
      ],
    ])("throws invalid-argument naming the field for %s", (_, changes, message) => {
      expect(explain(changes)).toThrow(GroupworkError);
      expect(explain(changes)).toThrow(message);
    });

    it("explains a frozen decision, and one read from JSON, as it explains the original", () => {
      const expected = explainDecision(decision);
      expect(explainDecision(Object.freeze({ ...decision }))).toEqual(expected);
      expect(explainDecision(JSON.parse(JSON.stringify(decision)))).toEqual(expected);
      expect(expected.every((one) => typeof one === "string")).toBe(true);
    });
  });
});
