// Cedar's proved properties of authorization (Cutler et al. 2024, OOPSLA, "Cedar: A New Language for Expressive, Fast,
// Safe, and Analyzable Authorization", §4: forbid trumps permit, explicit allow, default deny, order independence),
// restated over random policies and random requests, plus our two documented differences: a throwing rule fails
// closed, and an unknown attribute never satisfies a permit.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type ConsentOnFile,
  checkDisclosure,
  type DisclosureDecision,
  type DisclosureObligation,
  type DisclosurePolicy,
  type DisclosureRequest,
  type DisclosureRule,
  definePolicy,
  privacyLawCodes,
  type Truth,
} from "../../src/confidentiality/index";
import { defaultPolicy } from "../../src/confidentiality/rules/index";
import {
  confidentialityLevels,
  informationKinds,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
} from "../../src/model/index";
import { deepFreeze } from "./engine-fixtures";

const RUNS = { numRuns: 300 };
const OBLIGATIONS: readonly DisclosureObligation[] = [
  "AUDTR",
  "MINEC",
  "NORDSCLCD",
  "REDACT",
  "document",
  "notify-client",
];
const FACTS = ["isSubject", "activeFacilitator", "isOriginator", "withinAgency", "mayOverride"] as const;
const CIRCUMSTANCES = [
  "imminentThreat",
  "suspectedChildAbuse",
  "courtOrder",
  "medicalEmergency",
  "consentOverridden",
] as const;
const AT = "2026-03-10T10:00:00-05:00";

// Conditions as data, so a failing case prints readably; each reads the request and returns a Truth.
type Predicate =
  | { readonly fact: (typeof FACTS)[number] }
  | { readonly circumstance: (typeof CIRCUMSTANCES)[number] }
  | { readonly kindIs: string }
  | { readonly purposeIs: string }
  | { readonly consentGrants: true }
  | { readonly constant: Truth }
  | { readonly not: Predicate }
  | { readonly all: readonly Predicate[] }
  | { readonly any: readonly Predicate[] };

const predicate: fc.Arbitrary<Predicate> = fc.letrec<{ p: Predicate }>((tie) => ({
  p: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ fact: fc.constantFrom(...FACTS) }),
    fc.record({ circumstance: fc.constantFrom(...CIRCUMSTANCES) }),
    fc.record({ kindIs: fc.constantFrom(...informationKinds.codes) }),
    fc.record({ purposeIs: fc.constantFrom("TREAT", "COC", "HPAYMT", "THREAT") }),
    fc.constant({ consentGrants: true as const }),
    fc.record({ constant: fc.constantFrom<Truth>(true, false, undefined) }),
    fc.record({ not: tie("p") }),
    fc.record({ all: fc.array(tie("p"), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie("p"), { maxLength: 3 }) }),
  ),
})).p;

// Kleene's logic written out again here, independently of src/confidentiality/truth.ts.
function truthOf(p: Predicate, request: DisclosureRequest, granting: boolean): Truth {
  if ("fact" in p) return request.recipient[p.fact];
  if ("circumstance" in p) return request.circumstances?.[p.circumstance];
  if ("kindIs" in p) return request.information.kind === p.kindIs;
  if ("purposeIs" in p) return request.purpose === p.purposeIs;
  if ("consentGrants" in p) return granting;
  if ("constant" in p) return p.constant;
  if ("not" in p) {
    const inner = truthOf(p.not, request, granting);
    return inner === undefined ? undefined : !inner;
  }
  const values = ("all" in p ? p.all : p.any).map((q) => truthOf(q, request, granting));
  // A single false settles a conjunction; a single true settles a disjunction.
  const decisive = !("all" in p);
  if (values.includes(decisive)) return decisive;
  return values.includes(undefined) ? undefined : !decisive;
}

interface RuleSpec {
  readonly id: string;
  readonly effect: "permit" | "forbid";
  readonly obligations: readonly DisclosureObligation[];
  readonly when: Predicate;
  readonly unless: Predicate | null;
}

function toRule(spec: RuleSpec): DisclosureRule {
  return {
    id: spec.id,
    effect: spec.effect,
    description: `${spec.id} ${spec.effect}s`,
    source: "property test",
    obligations: spec.obligations,
    when: (request, facts) => truthOf(spec.when, request, facts.consents.granting.length > 0),
    ...(spec.unless === null
      ? {}
      : { unless: (request, facts) => truthOf(spec.unless as Predicate, request, facts.consents.granting.length > 0) }),
  };
}

const ruleSpec = (id: fc.Arbitrary<string>): fc.Arbitrary<RuleSpec> =>
  fc.record({
    id,
    effect: fc.constantFrom("permit" as const, "forbid" as const),
    obligations: fc.subarray([...OBLIGATIONS]),
    when: predicate,
    unless: fc.option(predicate, { nil: null }),
  });

const ruleSpecs: fc.Arbitrary<RuleSpec[]> = fc.uniqueArray(
  ruleSpec(fc.constantFrom("a", "b", "c", "d", "e", "f", "g", "h")),
  {
    selector: (spec) => spec.id,
    maxLength: 8,
  },
);

const optionalBoolean = fc.constantFrom<boolean | undefined>(true, false, undefined);

const consentArb: fc.Arbitrary<ConsentOnFile> = fc.record({
  id: fc.constantFrom("c-1", "c-2", "c-3"),
  memberId: fc.constantFrom("m-1", "m-2"),
  grantedBy: fc.constantFrom("self" as const, "guardian" as const),
  recipients: fc.array(fc.record({ kind: fc.constantFrom(...recipientKinds.codes) }), { minLength: 1, maxLength: 2 }),
  purposes: fc.subarray([...purposesOfUse.codes], { minLength: 1 }),
  dataClasses: fc.subarray([...informationKinds.codes], { minLength: 1 }),
  validFrom: fc.constantFrom("2026-01-01T00:00:00-05:00", "2026-04-01T00:00:00-05:00"),
  form: fc.constantFrom("written" as const, "verbal" as const, "electronic" as const),
  legalBasis: fc.constantFrom("hipaa-authorization" as const, "42-cfr-part-2" as const, "agency-policy" as const),
  withholdFrom: fc.array(fc.record({ kind: fc.constantFrom(...recipientKinds.codes) }), { maxLength: 1 }),
});

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

const requestArb: fc.Arbitrary<DisclosureRequest> = fc
  .record({
    kind: fc.constantFrom(...informationKinds.codes),
    memberId: fc.constantFrom("m-1", "m-2", undefined),
    authorId: fc.constantFrom("f-1", undefined),
    confidentiality: fc.constantFrom(...confidentialityLevels.codes),
    sensitivity: fc.subarray([...sensitivityCodes.codes], { maxLength: 2 }),
    law: fc.subarray([...privacyLawCodes]),
    recipientKind: fc.constantFrom(...recipientKinds.codes),
    recipientId: fc.constantFrom("r-1", undefined),
    facts: fc.tuple(...FACTS.map(() => optionalBoolean)),
    purpose: fc.constantFrom(...purposesOfUse.codes),
    circumstances: fc.option(fc.tuple(...CIRCUMSTANCES.map(() => optionalBoolean)), { nil: undefined }),
    consents: fc.option(fc.array(consentArb, { maxLength: 3 }), { nil: undefined }),
    subject: fc.option(fc.record({ minor: optionalBoolean, consentedToOwnCare: optionalBoolean }), { nil: undefined }),
    dutyToWarn: fc.constantFrom("mandatory" as const, "permissive" as const, "none" as const, undefined),
  })
  .map((r) =>
    withoutUndefined<DisclosureRequest>({
      information: withoutUndefined({
        kind: r.kind,
        memberId: r.memberId,
        groupId: "g-1",
        authorId: r.authorId,
        labels: { confidentiality: r.confidentiality, sensitivity: r.sensitivity, law: r.law },
      }),
      recipient: withoutUndefined({
        kind: r.recipientKind,
        id: r.recipientId,
        ...Object.fromEntries(FACTS.map((name, i) => [name, r.facts[i]])),
      }),
      purpose: r.purpose,
      circumstances:
        r.circumstances === undefined
          ? undefined
          : withoutUndefined(Object.fromEntries(CIRCUMSTANCES.map((name, i) => [name, r.circumstances?.[i]]))),
      consents: r.consents,
      at: AT,
      subject: r.subject === undefined ? undefined : withoutUndefined(r.subject),
      jurisdiction: r.dutyToWarn === undefined ? undefined : { dutyToWarn: r.dutyToWarn },
    }),
  );

const policyOf = (specs: readonly RuleSpec[]): DisclosurePolicy => definePolicy(specs.map(toRule), { version: "p" });
const decide = (request: DisclosureRequest, specs: readonly RuleSpec[]): DisclosureDecision =>
  checkDisclosure(request, { policy: policyOf(specs) });

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
