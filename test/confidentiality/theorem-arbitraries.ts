// Random policies and requests for the Cedar-theorem property tests: conditions as data (so a failing case prints
// readably), Kleene's logic written out independently of src/confidentiality/truth.ts, and requests whose facts may be
// missing.
import { fc } from "@fast-check/vitest";
import {
  checkDisclosure,
  type DisclosureDecision,
  type DisclosureObligation,
  type DisclosurePolicy,
  type DisclosureRequest,
  type DisclosureRule,
  definePolicy,
  type Truth,
} from "../../src/confidentiality/index";
import {
  confidentialityLevels,
  informationKinds,
  privacyLawCodes,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
} from "../../src/model/index";
import type { ConsentOnFile } from "./engine-fixtures";
export const OBLIGATIONS: readonly DisclosureObligation[] = [
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
  "oversightOfOriginator",
] as const;

// The check refuses a request whose facts contradict each other or that its ids cannot confirm (a subject who is not a
// group member or whose id is not the member's, an author whose id is not the author's or who is not staff, an
// outsider inside the agency, a note about one member that names no member): such facts are forgotten here, and
// such a note is given its member, so every request drawn is one the rules decide.
const ABOUT_ONE_MEMBER = new Set([
  "progress-note",
  "process-note",
  "self-disclosure",
  "risk-statement",
  "abuse-report",
  "sud-counseling-note",
]);
const INSIDE = new Set(["facilitator", "co-facilitator", "supervisor", "agency-staff", "researcher"]);
const STAFF = new Set(["facilitator", "co-facilitator", "supervisor", "agency-staff"]);

function consistentFacts(
  kind: string,
  id: string | undefined,
  memberId: string | undefined,
  authorId: string | undefined,
  facts: readonly (boolean | undefined)[],
): (boolean | undefined)[] {
  const [isSubject, activeFacilitator, isOriginator, withinAgency, mayOverride] = facts;
  const unconfirmed = (other: string | undefined) => id === undefined || other === undefined || id !== other;
  return [
    isSubject === true && (kind !== "group-member" || unconfirmed(memberId)) ? undefined : isSubject,
    activeFacilitator,
    isOriginator === true && (!STAFF.has(kind) || unconfirmed(authorId)) ? undefined : isOriginator,
    withinAgency === true && !INSIDE.has(kind) ? undefined : withinAgency,
    mayOverride,
  ];
}
export const AT = "2026-03-10T10:00:00-05:00";

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
export function truthOf(p: Predicate, request: DisclosureRequest, granting: boolean): Truth {
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

export interface RuleSpec {
  readonly id: string;
  readonly effect: "permit" | "forbid";
  readonly obligations: readonly DisclosureObligation[];
  readonly when: Predicate;
  readonly unless: Predicate | null;
}

export function toRule(spec: RuleSpec): DisclosureRule {
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

export const ruleSpec = (id: fc.Arbitrary<string>): fc.Arbitrary<RuleSpec> =>
  fc.record({
    id,
    effect: fc.constantFrom("permit" as const, "forbid" as const),
    obligations: fc.subarray([...OBLIGATIONS]),
    when: predicate,
    unless: fc.option(predicate, { nil: null }),
  });

export const ruleSpecs: fc.Arbitrary<RuleSpec[]> = fc.uniqueArray(
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

export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export const requestArb: fc.Arbitrary<DisclosureRequest> = fc
  .record({
    kind: fc.constantFrom(...informationKinds.codes),
    memberId: fc.constantFrom("m-1", "m-2", undefined),
    authorId: fc.constantFrom("f-1", undefined),
    confidentiality: fc.constantFrom(...confidentialityLevels.codes),
    sensitivity: fc.subarray([...sensitivityCodes.codes], { maxLength: 2 }),
    law: fc.subarray([...privacyLawCodes]),
    recipientKind: fc.constantFrom(...recipientKinds.codes),
    recipientId: fc.constantFrom("r-1", "m-1", "f-1", undefined),
    facts: fc.tuple(...FACTS.map(() => optionalBoolean)),
    purpose: fc.constantFrom(...purposesOfUse.codes),
    circumstances: fc.option(fc.tuple(...CIRCUMSTANCES.map(() => optionalBoolean)), { nil: undefined }),
    consents: fc.option(fc.array(consentArb, { maxLength: 3 }), { nil: undefined }),
    subject: fc.option(fc.record({ minor: optionalBoolean, consentedToOwnCare: optionalBoolean }), { nil: undefined }),
    dutyToWarn: fc.constantFrom("mandatory" as const, "permissive" as const, "none" as const, undefined),
  })
  .map((drawn) =>
    drawn.memberId === undefined && ABOUT_ONE_MEMBER.has(drawn.kind) ? { ...drawn, memberId: "m-1" } : drawn,
  )
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
        ...Object.fromEntries(
          consistentFacts(r.recipientKind, r.recipientId, r.memberId, r.authorId, r.facts).map((value, i) => [
            FACTS[i],
            value,
          ]),
        ),
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

export const policyOf = (specs: readonly RuleSpec[]): DisclosurePolicy =>
  definePolicy(specs.map(toRule), { version: "p" });
export const decide = (request: DisclosureRequest, specs: readonly RuleSpec[]): DisclosureDecision =>
  checkDisclosure(request, { policy: policyOf(specs) });
