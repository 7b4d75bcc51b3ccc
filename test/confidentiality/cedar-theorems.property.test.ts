// Cedar's proved properties of authorization (Cutler et al. 2024, OOPSLA, "Cedar: A New Language for Expressive, Fast,
// Safe, and Analyzable Authorization", §4: forbid trumps permit, explicit allow, default deny, order independence),
// restated over random policies and random requests, plus our two documented differences: a throwing rule fails
// closed, and an unknown attribute never satisfies a permit.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  checkDisclosure,
  type DisclosureRequest,
  type DisclosureRule,
  definePolicy,
} from "../../src/confidentiality/index";
import { defaultPolicy } from "../../src/confidentiality/rules/index";
import { type ConsentOnFile, deepFreeze } from "./engine-fixtures";
import {
  AT,
  decide,
  OBLIGATIONS,
  type RuleSpec,
  requestArb,
  ruleSpec,
  ruleSpecs,
  toRule,
  truthOf,
  withoutUndefined,
} from "./theorem-arbitraries";

const RUNS = { numRuns: 300 };

describe("Cedar's theorems over random policies and requests", () => {
  test.prop([requestArb, ruleSpecs], RUNS)("forbid trumps permit: a holding forbid always denies", (request, specs) => {
    const decision = decide(request, specs);
    if (decision.matchedRules.forbid.length > 0) {
      expect(decision.effect).toBe("deny");
      expect(decision.basis).toBe("explicit-forbid");
    }
  });

  test.prop([requestArb, ruleSpecs], RUNS)(
    "explicit allow and default deny: a permit only when some permit holds and no forbid does",
    (request, specs) => {
      const decision = decide(request, specs);
      if (decision.effect === "permit") {
        expect(decision.matchedRules.permit.length).toBeGreaterThan(0);
        expect(decision.matchedRules.forbid).toEqual([]);
      }
      if (decision.matchedRules.permit.length === 0) expect(decision.effect).toBe("deny");
      if (decision.basis === "default-deny") expect(decision.matchedRules).toEqual({ permit: [], forbid: [] });
    },
  );

  test.prop([requestArb, ruleSpecs], RUNS)(
    "the rules that hold are exactly those the semantics says (unknown never grants, never lifts a forbid)",
    (request, specs) => {
      const granting =
        checkDisclosure(request, {
          policy: definePolicy([
            { ...toRule({ id: "g", effect: "permit", obligations: [], when: { consentGrants: true }, unless: null }) },
          ]),
        }).effect === "permit";
      const held = (spec: RuleSpec): boolean => {
        const when = truthOf(spec.when, request, granting);
        const unless = spec.unless === null ? false : truthOf(spec.unless, request, granting);
        return spec.effect === "permit" ? when === true && unless === false : when !== false && unless !== true;
      };
      const expected = (effect: "permit" | "forbid") =>
        specs
          .filter((spec) => spec.effect === effect && held(spec))
          .map((spec) => spec.id)
          .sort();
      expect(decide(request, specs).matchedRules).toEqual({ permit: expected("permit"), forbid: expected("forbid") });
    },
  );

  test.prop(
    [
      requestArb,
      ruleSpecs.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length }))),
    ],
    RUNS,
  )("rule order never matters, nor the version derived from the rules", (request, [specs, shuffled]) => {
    expect(decide(request, shuffled)).toEqual(decide(request, specs));
    expect(definePolicy(shuffled.map(toRule)).version).toBe(definePolicy(specs.map(toRule)).version);
  });

  test.prop([requestArb, ruleSpecs, fc.array(fc.nat(), { maxLength: 6 })], RUNS)(
    "duplicated rules never matter",
    (request, specs, picks) => {
      const rules = specs.map(toRule);
      const duplicates = rules.length === 0 ? [] : picks.map((pick) => rules[pick % rules.length] as DisclosureRule);
      const once = checkDisclosure(request, { policy: { version: "v", rules } });
      expect(checkDisclosure(request, { policy: { version: "v", rules: [...duplicates, ...rules] } })).toEqual(once);
    },
  );

  test.prop([requestArb, ruleSpecs, ruleSpec(fc.constant("z-added"))], RUNS)(
    "adding a forbid never turns a deny into a permit; adding a permit never turns a permit into a deny",
    (request, specs, added) => {
      const before = decide(request, specs);
      const after = decide(request, [...specs, added]);
      if (added.effect === "forbid" && before.effect === "deny") expect(after.effect).toBe("deny");
      if (added.effect === "permit" && before.effect === "permit") expect(after.effect).toBe("permit");
    },
  );

  test.prop([requestArb, ruleSpecs], RUNS)(
    "the determining rules are exactly the holding rules of the winning effect, and obligations come only from them",
    (request, specs) => {
      const decision = decide(request, specs);
      const winning =
        decision.basis === "explicit-permit"
          ? decision.matchedRules.permit
          : decision.basis === "explicit-forbid"
            ? decision.matchedRules.forbid
            : [];
      expect(decision.determiningRules).toEqual(winning);
      const fromDeterminingPermits = new Set(
        decision.effect === "permit"
          ? specs.filter((spec) => winning.includes(spec.id)).flatMap((spec) => spec.obligations)
          : [],
      );
      expect(decision.obligations).toEqual(OBLIGATIONS.filter((code) => fromDeterminingPermits.has(code)));
      expect(decision.reasons.map((reason) => reason.ruleId ?? null)).toEqual(winning.length > 0 ? winning : [null]);
    },
  );

  test.prop([requestArb, ruleSpecs, fc.constantFrom("permit" as const, "forbid" as const), fc.boolean()], RUNS)(
    "a rule that throws makes the decision a deny with basis error, naming the rule",
    (request, specs, effect, inUnless) => {
      const explode = (): never => {
        throw new Error("cannot read");
      };
      const broken: DisclosureRule = {
        ...toRule({ id: "z-broken", effect, obligations: [], when: { constant: true }, unless: null }),
        ...(inUnless ? { unless: explode } : { when: explode }),
      };
      const decision = checkDisclosure(request, { policy: definePolicy([...specs.map(toRule), broken]) });
      expect([decision.effect, decision.basis, decision.determiningRules, decision.obligations]).toEqual([
        "deny",
        "error",
        [],
        [],
      ]);
      expect(decision.errors.map((error) => error.ruleId)).toEqual(["z-broken"]);
    },
  );

  test.prop([requestArb, ruleSpecs], RUNS)(
    "inputs are not mutated, and the answer is deep-equal on a copy",
    (request, specs) => {
      const copy = structuredClone(request);
      const rules = deepFreeze(specs.map(toRule));
      const frozen = deepFreeze(structuredClone(request));
      const decision = checkDisclosure(frozen, { policy: definePolicy(rules, { version: "v" }) });
      expect(frozen).toEqual(copy);
      expect(checkDisclosure(copy, { policy: definePolicy(rules, { version: "v" }) })).toEqual(decision);
    },
  );
});

describe("consents that are no longer (or not yet) in force", () => {
  // A consent covering exactly this disclosure (member, recipient, purpose, kind), written, but out of force at `at`.
  const outOfForce = fc.constantFrom(
    { revokedAt: "2026-03-01T00:00:00-05:00" },
    { revokedAt: AT },
    { validUntil: "2026-03-10T09:59:59-05:00" },
    { validFrom: "2026-03-10T10:00:01-05:00" },
  );

  function covering(
    request: DisclosureRequest,
    period: object,
    legalBasis: ConsentOnFile["legalBasis"],
  ): ConsentOnFile {
    return {
      id: "c-out",
      memberId: request.information.memberId ?? "m-1",
      grantedBy: "self",
      recipients: [withoutUndefined({ kind: request.recipient.kind, id: request.recipient.id })],
      purposes: [request.purpose],
      dataClasses: [request.information.kind],
      validFrom: "2026-01-01T00:00:00-05:00",
      form: "written",
      legalBasis,
      ...period,
    };
  }

  test.prop([requestArb, outOfForce, fc.constantFrom("hipaa-authorization" as const, "42-cfr-part-2" as const)], {
    numRuns: 500,
  })("never add a permit under the default policy: the decision's grounds stay the same", (request, period, basis) => {
    const before = checkDisclosure(request, { policy: defaultPolicy });
    const withConsent = { ...request, consents: [...(request.consents ?? []), covering(request, period, basis)] };
    const after = checkDisclosure(withConsent, { policy: defaultPolicy });
    expect([after.effect, after.basis, after.determiningRules, after.matchedRules]).toEqual([
      before.effect,
      before.basis,
      before.determiningRules,
      before.matchedRules,
    ]);
  });

  test.prop([requestArb, outOfForce], RUNS)(
    "never add a permit under a rule that permits with any consent",
    (request, period) => {
      const policy = definePolicy([
        toRule({ id: "with-consent", effect: "permit", obligations: [], when: { consentGrants: true }, unless: null }),
      ]);
      const before = checkDisclosure(request, { policy });
      const after = checkDisclosure(
        { ...request, consents: [...(request.consents ?? []), covering(request, period, "agency-policy")] },
        { policy },
      );
      expect(after.matchedRules).toEqual(before.matchedRules);
      // The same consent in force does grant when the information is about a member: the property is not vacuous.
      if (request.information.memberId !== undefined) {
        const inForce = { ...request, consents: [covering(request, {}, "agency-policy")] };
        expect(checkDisclosure(inForce, { policy }).matchedRules.permit).toEqual(["with-consent"]);
      }
    },
  );
});
