// Evaluation with Cedar's semantics (Cutler et al. 2024, "Cedar: A New Language for Expressive, Fast, Safe, and
// Analyzable Authorization"): default deny, any holding forbid overrides every permit, order and duplicates never
// matter. Two deliberate differences: a rule that throws fails the whole decision closed (deny, basis `error`), and a
// missing attribute (a condition returning `undefined`) never satisfies a permit and never lifts a forbid.

import { describeThrown } from "../_lib/errors.js";
import type { ConfidentialityLevel } from "../model/index.js";
import { confidentialityLevels } from "../model/vocabulary/index.js";
import { consentFacts } from "./consents.js";
import type { DecisionError, DecisionReason, DisclosureDecision } from "./decision-types.js";
import type { DutyToWarn, MinorConsentAuthority, ResolvedJurisdiction } from "./jurisdiction.js";
import { isDefinedPolicy, OBLIGATION_ORDER, readPolicy } from "./policy.js";
import type { DisclosureRequest } from "./request-types.js";
import type {
  ConsentNote,
  DisclosureFacts,
  DisclosureObligation,
  DisclosurePolicy,
  DisclosureRule,
} from "./rule-types.js";

interface CompiledRule {
  readonly rule: DisclosureRule;
  readonly obligationBits: number;
  readonly reason: DecisionReason;
}

// A failure always names its rule.
type RuleFailure = DecisionError & { readonly ruleId: string };

/** A policy read for deciding: its version and its rules split by effect. Not exported from the package. */
export interface CompiledPolicy {
  readonly version: string;
  readonly permits: readonly CompiledRule[];
  readonly forbids: readonly CompiledRule[];
}

const EMPTY: readonly never[] = Object.freeze([]);
// Each level's place from least to most restrictive, as the vocabulary ranks it (HL7 v3 Confidentiality).
const RANK = /* @__PURE__ */ Object.freeze(
  Object.fromEntries(confidentialityLevels.entries.map((entry) => [entry.code, entry.rank])),
) as Readonly<Record<ConfidentialityLevel, number>>;
// The compiled form of each policy definePolicy made, and of no other (see compilePolicy).
const compiled = /* @__PURE__ */ new WeakMap<DisclosurePolicy, CompiledPolicy>();
// Every set of obligations as a bit set over OBLIGATION_ORDER, listed once: a permit's obligations are then a lookup.
const OBLIGATIONS_BY_BITS: readonly (readonly DisclosureObligation[])[] = /* @__PURE__ */ Array.from(
  { length: 1 << OBLIGATION_ORDER.length },
  (_, bits) => Object.freeze(OBLIGATION_ORDER.filter((_code, index) => (bits & (1 << index)) !== 0)),
);

const byRuleId = (a: CompiledRule, b: CompiledRule): number =>
  a.rule.id < b.rule.id ? -1 : a.rule.id > b.rule.id ? 1 : 0;

// Rules split by effect and sorted by id, obligations as bit sets, reasons as static objects. The rules were checked.
function compileRules(policy: DisclosurePolicy): CompiledPolicy {
  const permits: CompiledRule[] = [];
  const forbids: CompiledRule[] = [];
  for (const rule of policy.rules) {
    let obligationBits = 0;
    for (const code of rule.obligations) obligationBits |= 1 << OBLIGATION_ORDER.indexOf(code);
    const reason: DecisionReason = Object.freeze({
      code: rule.effect === "permit" ? "rule-permits" : "rule-forbids",
      ruleId: rule.id,
      source: rule.source,
      message: rule.description,
    });
    (rule.effect === "permit" ? permits : forbids).push({ rule, obligationBits, reason });
  }
  return { version: policy.version, permits: permits.sort(byRuleId), forbids: forbids.sort(byRuleId) };
}

/**
 * Reads a policy for deciding. One `definePolicy` made is frozen and was checked when it was made, so it is compiled
 * once and remembered; any other is read, checked and compiled on every call, so a rule added or changed since the
 * last call is seen (or refused, when malformed). Throws `GroupworkError` `invalid-argument` for a policy that is not
 * one; `where` names it in messages. Not exported from the package.
 */
export function compilePolicy(policy: unknown, where: string): CompiledPolicy {
  // Only policies definePolicy made are ever kept, so a hit is one; a primitive is never a key and finds nothing.
  const known = compiled.get(policy as DisclosurePolicy);
  if (known !== undefined) return known;
  if (!isDefinedPolicy(policy)) return compileRules(readPolicy(policy, where));
  const result = compileRules(policy);
  compiled.set(policy, result);
  return result;
}

// The six resolved jurisdictions, built once and frozen: rules read them, never change them.
const resolved = (dutyToWarn: DutyToWarn): Readonly<Record<MinorConsentAuthority, ResolvedJurisdiction>> => ({
  minor: Object.freeze({ dutyToWarn, minorConsent: "minor" }),
  guardian: Object.freeze({ dutyToWarn, minorConsent: "guardian" }),
});
const JURISDICTIONS: Readonly<Record<DutyToWarn, Readonly<Record<MinorConsentAuthority, ResolvedJurisdiction>>>> = {
  mandatory: /* @__PURE__ */ resolved("mandatory"),
  permissive: /* @__PURE__ */ resolved("permissive"),
  none: /* @__PURE__ */ resolved("none"),
};

/** The facts every rule may read, worked out once per request. Not exported from the package. */
export function disclosureFacts(request: DisclosureRequest): DisclosureFacts {
  const { labels, kind } = request.information;
  // An SUD counseling note is a Part 2 record by its kind, labelled or not (42 CFR 2.11, as amended by 89 FR 12472).
  let substanceUse = kind === "sud-counseling-note" || labels.law.includes("42CFRPart2");
  let psychotherapyNote = kind === "process-note" || labels.law.includes("HIPAAPsyNotes");
  // By index: the request's lists are frozen copies, which V8 walks far faster by index than with an iterator.
  for (let index = 0; index < labels.sensitivity.length; index++) {
    const code = labels.sensitivity[index];
    if (code === "SUD" || code === "ETH") substanceUse = true;
    else if (code === "PSYTHPN") psychotherapyNote = true;
  }
  return {
    consents: consentFacts(request),
    jurisdiction:
      JURISDICTIONS[request.jurisdiction?.dutyToWarn ?? "permissive"][request.jurisdiction?.minorConsent ?? "minor"],
    substanceUse,
    psychotherapyNote,
    confidentialityRank: RANK[labels.confidentiality],
  };
}

// Whether a rule holds, reading an unknown (`undefined`) the safe way for its effect. May throw.
function holds(rule: DisclosureRule, request: DisclosureRequest, facts: DisclosureFacts): boolean {
  const when = rule.when(request, facts);
  if (rule.effect === "permit") {
    return when === true && (rule.unless === undefined || rule.unless(request, facts) === false);
  }
  return when !== false && (rule.unless === undefined || rule.unless(request, facts) !== true);
}

function evaluateAll(
  rules: readonly CompiledRule[],
  request: DisclosureRequest,
  facts: DisclosureFacts,
  errors: RuleFailure[],
): CompiledRule[] {
  const held: CompiledRule[] = [];
  let previous: string | undefined;
  for (const entry of rules) {
    try {
      // A duplicate id is listed once: duplicates never change a decision (Cedar).
      if (holds(entry.rule, request, facts) && entry.rule.id !== held[held.length - 1]?.rule.id) held.push(entry);
    } catch (error) {
      if (entry.rule.id !== previous) {
        errors.push({
          code: "rule-failed",
          ruleId: entry.rule.id,
          message: `Rule "${entry.rule.id}" failed (${describeThrown(error)}), so the check fails closed and denies.`,
        });
      }
      previous = entry.rule.id;
    }
  }
  return held;
}

const CONSENT_ADVICE: Readonly<Record<ConsentNote["reason"], string>> = {
  expired: "has expired",
  "not-written": "was given only verbally, where its legal basis asks for a written, signed consent",
  "not-yet-valid": "has not taken effect yet",
  revoked: "was revoked",
};

function consentAdvice(notes: readonly ConsentNote[]): string[] {
  return notes.map(
    (note) => `Consent "${note.consentId}" would cover this disclosure but ${CONSENT_ADVICE[note.reason]}.`,
  );
}

const ids = (entries: readonly CompiledRule[]): readonly string[] =>
  entries.length === 0 ? EMPTY : entries.map((entry) => entry.rule.id);

const DEFAULT_DENY: DecisionReason = Object.freeze({
  code: "no-rule-permits",
  message: "No rule permits this disclosure, so it is denied by default.",
});

/**
 * Decides a request read by `readRequest` (its frozen copy, already checked) by a policy read by `compilePolicy`. Not exported from the package:
 * `checkDisclosure` reads the request first and is the public entry.
 */
export function evaluateDisclosure(policy: CompiledPolicy, request: DisclosureRequest): DisclosureDecision {
  const { permits, forbids } = policy;
  const facts = disclosureFacts(request);
  const errors: RuleFailure[] = [];
  const forbidding = evaluateAll(forbids, request, facts, errors);
  const permitting = evaluateAll(permits, request, facts, errors);
  const matchedRules = { permit: ids(permitting), forbid: ids(forbidding) };
  const policyVersion = policy.version;
  if (errors.length > 0) {
    errors.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0));
    return {
      effect: "deny",
      basis: "error",
      determiningRules: EMPTY,
      matchedRules,
      reasons: errors.map((error) => ({ code: "rule-failed", ruleId: error.ruleId, message: error.message })),
      obligations: EMPTY,
      advice: ["Ask whoever maintains the policy to fix the failing rule; until then the answer is no."],
      errors,
      policyVersion,
    };
  }
  const setAside = facts.consents.setAside.length === 0 ? EMPTY : consentAdvice(facts.consents.setAside);
  if (forbidding.length > 0 || permitting.length === 0) {
    const deciding = forbidding.length > 0 ? forbidding : EMPTY;
    const advice: string[] = [];
    for (const entry of deciding) if (entry.rule.advice !== undefined) advice.push(entry.rule.advice);
    // A recipient who only partly matches a withheld name may be someone else: the worker can find out, where the
    // check cannot. Said only when a forbid decides, so it never reads as the one thing standing in the way.
    if (deciding.length > 0) {
      for (const match of facts.consents.partialMatches) {
        advice.push(
          `Confirm the recipient is not ${match.withheldName}: consent "${match.consentId}" withholds from that ` +
            (match.why === "partial-name"
              ? "person, and the recipient's name only partly matches it."
              : "person, and the request gives no name to tell them apart; add the recipient's name and ask again."),
        );
      }
    }
    return {
      effect: "deny",
      basis: deciding.length > 0 ? "explicit-forbid" : "default-deny",
      determiningRules: matchedRules.forbid,
      matchedRules,
      reasons: deciding.length > 0 ? deciding.map((entry) => entry.reason) : [DEFAULT_DENY],
      obligations: EMPTY,
      advice: advice.length === 0 ? setAside : [...advice, ...setAside],
      errors: EMPTY,
      policyVersion,
    };
  }
  let bits = 0;
  const advice: string[] = [];
  for (const entry of permitting) {
    bits |= entry.obligationBits;
    if (entry.rule.advice !== undefined) advice.push(entry.rule.advice);
  }
  // Name the consents in force that cover the disclosure, so the worker can note them with it (45 CFR 164.508).
  for (const consent of facts.consents.granting) advice.push(`Consent "${consent.id}" covers this disclosure.`);
  return {
    effect: "permit",
    basis: "explicit-permit",
    determiningRules: matchedRules.permit,
    matchedRules,
    reasons: permitting.map((entry) => entry.reason),
    obligations: OBLIGATIONS_BY_BITS[bits] ?? EMPTY,
    advice: advice.length === 0 ? EMPTY : advice,
    errors: EMPTY,
    policyVersion,
  };
}
