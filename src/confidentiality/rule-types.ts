// Rules and policies: the data C3's default policy and an agency's own rules are written as.
import type { ConsentOnFile, DisclosureRequest, ResolvedJurisdiction } from "./types.js";

/**
 * The value of a condition: `true`, `false`, or `undefined` when an attribute the condition needs is missing.
 *
 * A missing attribute never satisfies a permit and never lifts a forbid: the engine reads `undefined` the safe way for
 * each effect (see {@link DisclosureRule}). Combine truths with `allOf`, `anyOf` and `not` (Kleene's logic).
 */
export type Truth = boolean | undefined;

/**
 * What a disclosure may require of the person who makes it.
 *
 * HL7 obligation policy codes (ActCode `_ObligationPolicy`): `MINEC` minimum necessary (45 CFR 164.502(b)), `REDACT`
 * remove other members' identifiers, `NORDSCLCD` no redisclosure without consent (the 42 CFR 2.32 notice), `AUDTR`
 * keep an audit trail. Ours: `document` write the disclosure in the record, `notify-client` tell the client when
 * feasible (NASW 1.07(d)).
 */
export type DisclosureObligation = "AUDTR" | "MINEC" | "NORDSCLCD" | "REDACT" | "document" | "notify-client";

/** A consent the engine set aside for this request, and why: for advice, never for a decision. */
export interface ConsentNote {
  /** The consent's id. */
  readonly consentId: string;
  /**
   * Why it does not count: `not-yet-valid`, `expired`, `revoked`, or `not-written` (a HIPAA authorization or a
   * 42 CFR Part 2 consent given only verbally; 45 CFR 164.508(c), 42 CFR 2.31(a)).
   */
  readonly reason: "expired" | "not-written" | "not-yet-valid" | "revoked";
}

/** What the consents on file say about one request, worked out once by the engine. */
export interface ConsentFacts {
  /**
   * Consents in force at `at` that cover this member, this recipient, this purpose and this kind of information, and
   * are in the form their legal basis asks for; sorted by id.
   */
  readonly granting: readonly ConsentOnFile[];
  /** Consents in force at `at` whose `withholdFrom` names this recipient (or may: fail closed); sorted by id. */
  readonly withholding: readonly ConsentOnFile[];
  /** Consents that would grant this disclosure but do not count at `at`, with the reason; sorted by id. */
  readonly setAside: readonly ConsentNote[];
}

/** Facts the engine works out once per request and hands to every rule. */
export interface DisclosureFacts {
  /** What the consents on file say about this request. */
  readonly consents: ConsentFacts;
  /** The jurisdiction's settings, with safe defaults for those the request leaves out. */
  readonly jurisdiction: ResolvedJurisdiction;
  /** Whether the information is a substance use disorder record: labelled `SUD`, `ETH` or `42CFRPart2`. */
  readonly substanceUse: boolean;
  /** Whether it is a psychotherapy note: kind `process-note`, or labelled `PSYTHPN` or `HIPAAPsyNotes`. */
  readonly psychotherapyNote: boolean;
  /** The rank of its confidentiality level: U 0, L 1, M 2, N 3, R 4, V 5. */
  readonly confidentialityRank: number;
}

/**
 * A condition of a rule: a pure function of the request and the engine's facts. It must not mutate either.
 *
 * Return `undefined` when an attribute it needs is missing. If it throws, the decision is a deny with basis `error`.
 */
export type RuleCondition = (request: DisclosureRequest, facts: DisclosureFacts) => Truth;

/**
 * One disclosure rule, Cedar-style: an effect, a `when` condition and an optional `unless` exception.
 *
 * A permit holds when `when` is `true` and `unless` (if any) is `false`. A forbid holds unless `when` is `false` or
 * `unless` is `true`: a missing attribute keeps a forbid in force. Exceptions to a forbid (imminent threat, mandated
 * report, court order) go in its `unless`, with their own permit rule, never as a permit that beats the forbid.
 *
 * @example
 * const peerAsks = {
 *   id: "no-peer-requests",
 *   effect: "forbid",
 *   description: "A group member may not receive another member's record.",
 *   source: "NASW Code of Ethics 1.07(f)",
 *   obligations: [],
 *   when: (request) => request.recipient.kind === "group-member" && request.recipient.isSubject !== true,
 * };
 * definePolicy([peerAsks], { version: "v1" }).rules[0].id
 * //=> "no-peer-requests"
 */
export interface DisclosureRule {
  /** Stable, unique id, such as `member-sees-other-member`; decisions and audit records name it. */
  readonly id: string;
  /** `permit` or `forbid`. */
  readonly effect: "permit" | "forbid";
  /** One sentence a social worker can read, said when the rule decides: "A group member may not see …". */
  readonly description: string;
  /** Where the rule comes from: "NASW 1.07(f); 45 CFR 164.502". */
  readonly source: string;
  /** What a permit by this rule requires; only the rules that decide contribute. Usually empty for a forbid. */
  readonly obligations: readonly DisclosureObligation[];
  /** Advice the decision carries when this rule decides: what to do next ("Ask for a written consent"). */
  readonly advice?: string | undefined;
  /** When the rule applies. */
  readonly when: RuleCondition;
  /** The exception: when it is `true` the rule does not apply. */
  readonly unless?: RuleCondition | undefined;
}

/**
 * A set of rules under a version; build one with `definePolicy`. Rule order never matters.
 *
 * @example
 * [defaultPolicy.version, defaultPolicy.rules.every((rule, i, all) => i === 0 || all[i - 1].id < rule.id)]
 * //=> ["groupwork-default-1", true]
 */
export interface DisclosurePolicy {
  /** The version decisions and audit records name: given by the caller or derived from the rules' content. */
  readonly version: string;
  /** The rules, sorted by id. */
  readonly rules: readonly DisclosureRule[];
}
