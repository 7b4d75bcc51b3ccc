// The decision: what checkDisclosure returns, sorted so two decisions compare deep-equal.
import type { DisclosureObligation } from "./rule-types.js";

/**
 * Why a decision came out as it did.
 *
 * `explicit-permit` a permit rule held and no forbid did; `explicit-forbid` a forbid rule held; `default-deny` no rule
 * permitted; `error` a rule failed, so the decision fails closed; `invalid-request` the request could not be read.
 */
export type DecisionBasis = "default-deny" | "error" | "explicit-forbid" | "explicit-permit" | "invalid-request";

/** One reason for a decision: a stable code, the rule it comes from (if any) and a sentence. */
export interface DecisionReason {
  /**
   * `rule-permits` or `rule-forbids` (a deciding rule), `no-rule-permits` (default deny), `rule-failed` (a rule threw)
   * or `invalid-request`.
   */
  readonly code: "invalid-request" | "no-rule-permits" | "rule-failed" | "rule-forbids" | "rule-permits";
  /** The rule the reason comes from. */
  readonly ruleId?: string | undefined;
  /** Where the rule comes from, as the rule cites it. */
  readonly source?: string | undefined;
  /** A sentence a social worker can read. */
  readonly message: string;
}

/** A problem that stopped the check from deciding on the rules: a failing rule or an unreadable request. */
export interface DecisionError {
  /** `rule-failed` (a rule threw) or `invalid-request` (the request is not what the types say). */
  readonly code: "invalid-request" | "rule-failed";
  /** The failing rule, for `rule-failed`. */
  readonly ruleId?: string | undefined;
  /** Where in the request the problem is, for `invalid-request`, such as `recipient.kind`. */
  readonly path?: string | undefined;
  /** A sentence a person can act on. */
  readonly message: string;
}

/** The rules whose conditions held, by effect; each list sorted by id. */
export interface MatchedRules {
  /** Permit rules that held. */
  readonly permit: readonly string[];
  /** Forbid rules that held. */
  readonly forbid: readonly string[];
}

/**
 * The answer of `checkDisclosure`: whether the information may go, why, and on what conditions.
 *
 * @example
 * const decision = checkDisclosure({
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-10T10:00:00-05:00",
 * });
 * [decision.effect, decision.basis, decision.determiningRules, decision.obligations]
 * //=> ["permit", "explicit-permit", ["disclosure-with-consent"], ["document"]]
 */
export interface DisclosureDecision {
  /** `permit` or `deny`. */
  readonly effect: "permit" | "deny";
  /** Why: `explicit-permit`, `explicit-forbid`, `default-deny`, `error` or `invalid-request`. */
  readonly basis: DecisionBasis;
  /** The rules that decided: the holding rules of the winning effect (none for default deny and errors); sorted. */
  readonly determiningRules: readonly string[];
  /** Every rule that held, by effect. */
  readonly matchedRules: MatchedRules;
  /** The reasons, one per deciding rule (or one for default deny, errors, invalid requests); sorted by rule id. */
  readonly reasons: readonly DecisionReason[];
  /** What the disclosure requires, from the deciding rules of a permit only; sorted, without repeats. */
  readonly obligations: readonly DisclosureObligation[];
  /** What to do next: the deciding rules' advice, then the consents that cover a permit or were set aside for a deny. */
  readonly advice: readonly string[];
  /** What went wrong, for bases `error` and `invalid-request`; empty otherwise. */
  readonly errors: readonly DecisionError[];
  /** The version of the policy that decided. */
  readonly policyVersion: string;
}
