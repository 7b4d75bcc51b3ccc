// The decision: what checkDisclosure returns, sorted so two decisions compare deep-equal.
import type { DisclosureObligation } from "./rule-types.js";

/**
 * Why a decision came out as it did.
 *
 * `explicit-permit` a permit rule held and no forbid did; `explicit-forbid` a forbid rule held; `default-deny` no rule
 * permitted; `error` a rule failed, so the decision fails closed; `invalid-request` the request could not be read.
 *
 * @example
 * const lenaAttendance: DisclosureInformation = { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } };
 * const ask = (recipient: DisclosureRecipient, purpose: PurposeOfUse) =>
 *   checkDisclosure({ information: lenaAttendance, recipient, purpose, consents: sampleGroupRecord.consents, at: "2026-03-27T16:30:00-05:00" }).basis;
 * // The last request says Lena's daughter works inside the agency, which a family member cannot: it is invalid.
 * [
 *   ask({ kind: "family-or-guardian", name: "Katrin Hoffmann" }, "FAMRQT"),
 *   ask({ kind: "family-or-guardian", name: "Mark Hoffmann" }, "FAMRQT"),
 *   ask({ kind: "public", name: "Prairie Gazette" }, "HOPERAT"),
 *   ask({ kind: "family-or-guardian", name: "Katrin Hoffmann", withinAgency: true }, "FAMRQT"),
 * ]
 * //=> ["explicit-permit", "explicit-forbid", "default-deny", "invalid-request"]
 */
export type DecisionBasis = "default-deny" | "error" | "explicit-forbid" | "explicit-permit" | "invalid-request";

/**
 * One reason for a decision: a stable code, the rule it comes from (if any) and a sentence.
 *
 * @example
 * checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Mark Hoffmann" },
 *   purpose: "FAMRQT",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-27T16:30:00-05:00",
 * }).reasons
 * //=> [{
 *   code: "rule-forbids",
 *   ruleId: "withhold-from-named-person",
 *   source: "Primero disclosure_deny_details; FHIR R4 Consent (deny provision); 45 CFR 164.522(a)",
 *   message: "The member asked that this person never receive their information.",
 * }]
 */
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

/**
 * A problem that stopped the check from deciding on the rules: a failing rule or an unreadable request.
 *
 * @example
 * const lenaAttendance: DisclosureInformation = { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } };
 * // A host that sends a local time without its offset: nobody can say which moment it means.
 * const unreadable = checkDisclosure({ information: lenaAttendance, recipient: { kind: "family-or-guardian" }, purpose: "FAMRQT", at: "2026-03-27T16:30:00" });
 * // A draft rule that throws when the request does not say whether the member is a minor, as for a request about an adult.
 * const draft = definePolicy(
 *   [{ id: "minor-family", effect: "permit", description: "Family may hear how a minor is doing.", source: "agency policy", obligations: [],
 *      when: (request) => {
 *        if (request.subject === undefined) throw new Error("minor-family: is the member a minor?");
 *        return request.subject.minor === true && request.recipient.kind === "family-or-guardian";
 *      } }],
 *   { version: "draft" },
 * );
 * const failed = checkDisclosure(
 *   { information: lenaAttendance, recipient: { kind: "family-or-guardian" }, purpose: "FAMRQT", at: "2026-03-27T16:30:00-05:00" },
 *   { policy: draft },
 * );
 * [unreadable.errors, failed.basis, failed.errors.map((error) => [error.code, error.ruleId])]
 * //=> [
 *   [{ code: "invalid-request", path: "at", message: "at: must be an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00." }],
 *   "error",
 *   [["rule-failed", "minor-family"]],
 * ]
 */
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

/**
 * The rules whose conditions held, by effect; each list sorted by id.
 *
 * @example
 * // Lena asks for the facilitator's process note about her: her right of access holds, and so does the forbid on
 * // process notes (45 CFR 164.524(a)(1)(i)), which wins.
 * const decision = checkDisclosure({
 *   information: { kind: "process-note", memberId: "m-lena", groupId: "grp-thursday-grief", authorId: "f-rivera", labels: { confidentiality: "R", sensitivity: ["PSYTHPN"], law: ["HIPAAPsyNotes"] } },
 *   recipient: { kind: "group-member", id: "m-lena", isSubject: true },
 *   purpose: "PATRQT",
 *   at: "2026-04-24T10:00:00-05:00",
 * });
 * [decision.effect, decision.matchedRules]
 * //=> ["deny", { permit: ["member-own-record"], forbid: ["process-note-needs-authorization"] }]
 */
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
  /**
   * What to do next: the deciding rules' advice; for a deny by a forbid, each withholding that may reach the recipient
   * but cannot be confirmed ("Confirm the recipient is not Hector Delgado: …"); then the consents that cover a permit
   * or were set aside for a deny.
   */
  readonly advice: readonly string[];
  /** What went wrong, for bases `error` and `invalid-request`; empty otherwise. */
  readonly errors: readonly DecisionError[];
  /** The version of the policy that decided. */
  readonly policyVersion: string;
}
