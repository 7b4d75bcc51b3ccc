// Rules and policies: the data the default policy and an agency's own rules are written as.
//
// For rule authors (the default policy's and an agency's own):
// - A rule is a `DisclosureRule`: `when(request, facts)` and optional `unless(request, facts)` return a `Truth`:
//   `true`, `false`, or `undefined` when an attribute the rule needs is missing. Combine truths with `allOf`, `anyOf`
//   and `negate` from truth.ts (Kleene logic). A permit holds only when `when` is `true` and `unless` is `false`; a
//   forbid holds unless `when` is `false` or `unless` is `true` (fail closed).
// - `request` is a frozen copy of the fields the request's type names, read and checked once before any rule runs.
// - `facts` (DisclosureFacts) is worked out once per request by the engine: consents that grant this exact disclosure
//   (`facts.consents.granting`), consents whose `withholdFrom` names this recipient (`facts.consents.withholding`),
//   the jurisdiction with its safe defaults filled in, and label shortcuts (`facts.substanceUse`,
//   `facts.psychotherapyNote`, `facts.confidentialityRank`). Prefer them to re-deriving.
// - Read jurisdiction settings from `facts.jurisdiction`, never from `request.jurisdiction` (which may be partial).
import type { ResolvedJurisdiction } from "./jurisdiction.js";
import type { DisclosureRequest } from "./request-types.js";

/**
 * The value of a condition: `true`, `false`, or `undefined` when an attribute the condition needs is missing.
 *
 * A missing attribute never satisfies a permit and never lifts a forbid: the engine reads `undefined` the safe way for
 * each effect (see {@link DisclosureRule}). Combine truths with `allOf`, `anyOf` and `negate` (Kleene's logic).
 *
 * @example
 * // Whether a supervisor works inside the agency is unknown until the request says so.
 * const supervisorInside = (request: Pick<DisclosureRequest, "recipient">) =>
 *   allOf(request.recipient.kind === "supervisor", request.recipient.withinAgency);
 * const policy = definePolicy(
 *   [{ id: "supervision", effect: "permit", description: "A supervisor inside the agency may review notes for training.",
 *      source: "45 CFR 164.506(c)(1)", obligations: ["MINEC"], when: supervisorInside }],
 *   { version: "agency-1" },
 * );
 * const askFor = (recipient: DisclosureRecipient) => checkDisclosure(
 *   { information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     recipient, purpose: "TRAIN", at: "2026-03-13T14:00:00-05:00" },
 *   { policy },
 * ).effect;
 * // Unknown never satisfies a permit: the note goes only once the supervisor is known to be inside the agency.
 * [supervisorInside({ recipient: { kind: "supervisor" } }), askFor({ kind: "supervisor" }), askFor({ kind: "supervisor", withinAgency: true })]
 * //=> [undefined, "deny", "permit"]
 */
export type Truth = boolean | undefined;

/**
 * What a disclosure may require of the person who makes it.
 *
 * HL7 obligation policy codes (ActCode `_ObligationPolicy`): `MINEC` minimum necessary (45 CFR 164.502(b)), `REDACT`
 * remove other members' identifiers, `NORDSCLCD` no redisclosure without consent (the 42 CFR 2.32 notice), `AUDTR`
 * keep an audit trail. Ours: `document` write the disclosure in the record, `notify-client` tell the client when
 * feasible (NASW 1.07(d)).
 *
 * @example
 * // Hope's health plan asks for her attendance to pay for the group, under her written consent: it may go, on three
 * // conditions (the payer's rule asks for two, the consent's for the third).
 * const consents = [{ id: "c-hope-plan", memberId: "m-hope", grantedBy: "self", recipients: [{ kind: "payer", organisation: "Prairie Health Plan" }],
 *   purposes: ["HPAYMT"], dataClasses: ["attendance"], validFrom: "2026-01-05T09:00:00-06:00", form: "written", legalBasis: "hipaa-authorization" }] as const;
 * const decision = checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "payer", organisation: "Prairie Health Plan" },
 *   purpose: "HPAYMT",
 *   consents,
 *   at: "2026-04-30T09:00:00-05:00",
 * });
 * [decision.obligations, explainDecision(decision).slice(3, 3 + decision.obligations.length)]
 * //=> [
 *   ["MINEC", "REDACT", "document"],
 *   [
 *     "Share only the minimum necessary for the purpose (45 CFR 164.502(b); HL7 MINEC).",
 *     "Remove other members' names and identifying details first (NASW 1.07(f); HL7 REDACT).",
 *     "Write the disclosure, its purpose and its basis in the record.",
 *   ],
 * ]
 */
export type DisclosureObligation = "AUDTR" | "MINEC" | "NORDSCLCD" | "REDACT" | "document" | "notify-client";

/**
 * A consent the engine set aside for this request, and why: for advice, never for a decision.
 *
 * @example
 * // Jamal revoked his consent for Northside Counselling on 30 March; his counsellor asks for his attendance after it.
 * checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Renee Carter", organisation: "Northside Counselling" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-04-02T11:00:00-05:00",
 * }).advice
 * //=> ['Consent "c-jamal-counsellor" would cover this disclosure but was revoked.']
 */
export interface ConsentNote {
  /** The consent's id. */
  readonly consentId: string;
  /**
   * Why it does not count: `not-yet-valid`, `expired`, `revoked`, or `not-written` (a HIPAA authorization or a
   * 42 CFR Part 2 consent given only verbally; 45 CFR 164.508(c), 42 CFR 2.31(a)).
   */
  readonly reason: "expired" | "not-written" | "not-yet-valid" | "revoked";
}

/**
 * A withholding that reaches the recipient without certainty (see {@link ConsentFacts.partialMatches}).
 *
 * @example
 * // Lena asked that Mark Hoffmann never receive her information; "M. Hoffmann" may be him, so the refusal asks.
 * checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "M. Hoffmann" },
 *   purpose: "FAMRQT",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-27T16:30:00-05:00",
 * }).advice.filter((sentence) => sentence.startsWith("Confirm"))
 * //=> ['Confirm the recipient is not Mark Hoffmann: consent "c-lena-daughter" withholds from that person, and the recipient\'s name only partly matches it.']
 */
export interface PartialMatch {
  /** The consent that withholds. */
  readonly consentId: string;
  /** The person it withholds from, as the consent names them (name, else id, else organisation). */
  readonly withheldName: string;
  /** `partial-name`: the recipient's name only partly matches; `no-name`: there is no name on one side to compare. */
  readonly why: "partial-name" | "no-name";
}

/**
 * What the consents on file say about one request, worked out once by the engine and handed to every rule as
 * `facts.consents`.
 *
 * @example
 * // Lena consented to her daughter Katrin receiving her attendance, and asked that Mark Hoffmann never receive it.
 * // An agency rule lets family have it only under a consent that grants it, when no consent withholds it.
 * const policy = definePolicy(
 *   [{ id: "family-with-consent", effect: "permit", source: "agency policy", obligations: ["document"],
 *      description: "Family may have a member's attendance under a consent that grants it and none that withholds it.",
 *      when: (request, facts) => request.recipient.kind === "family-or-guardian"
 *        && facts.consents.granting.length > 0 && facts.consents.withholding.length === 0 }],
 *   { version: "agency-1" },
 * );
 * const askedBy = (name: string) => checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name },
 *   purpose: "FAMRQT",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-27T16:30:00-05:00",
 * }, { policy }).effect;
 * [askedBy("Katrin Hoffmann"), askedBy("Mark Hoffmann")]
 * //=> ["permit", "deny"]
 */
export interface ConsentFacts {
  /**
   * Consents in force at `at` that cover this member, this recipient, this purpose and this kind of information, and
   * are in the form their legal basis asks for; sorted by id.
   */
  readonly granting: NonNullable<DisclosureRequest["consents"]>;
  /**
   * Consents in force at `at` whose `withholdFrom` names a person who may be this recipient (fail closed: the same id,
   * a name consistent with theirs, or a recipient whose name is not known); sorted by id.
   */
  readonly withholding: NonNullable<DisclosureRequest["consents"]>;
  /** Consents that would grant this disclosure but do not count at `at`, with the reason; sorted by id. */
  readonly setAside: readonly ConsentNote[];
  /**
   * The withholdings that reach this recipient without certainty, so a refusal can ask the worker to confirm the
   * recipient is someone else: `partial-name` when the recipient's name only partly matches ("H. Delgado" or "Delgado"
   * where the consent names Hector Delgado), `no-name` when one side gives no name to compare (a recipient known only
   * by kind or by an id the consent does not carry). A consent that certainly reaches the recipient through another
   * of its parties is not listed. Sorted by consent id.
   */
  readonly partialMatches: readonly PartialMatch[];
}

/**
 * Facts the engine works out once per request and hands to every rule.
 *
 * @example
 * // An agency rule reads the engine's shortcuts rather than the labels themselves.
 * const policy = definePolicy(
 *   [{ id: "supervisor-reads-progress-notes", effect: "permit", source: "45 CFR 164.501; 45 CFR 164.506(c)(1)",
 *      description: "A supervisor may read progress notes of normal confidentiality or lower for training.", obligations: ["MINEC"],
 *      when: (request, facts) => request.recipient.kind === "supervisor" && !facts.psychotherapyNote && facts.confidentialityRank <= 3 }],
 *   { version: "agency-1" },
 * );
 * const askAbout = (kind: InformationKind, confidentiality: ConfidentialityLevel) => checkDisclosure(
 *   { information: { kind, memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality, sensitivity: [], law: [] } },
 *     recipient: { kind: "supervisor", withinAgency: true }, purpose: "TRAIN", at: "2026-03-13T14:00:00-05:00" },
 *   { policy },
 * ).effect;
 * // A restricted (R, rank 4) progress note and a process note (a psychotherapy note) stay out.
 * [askAbout("progress-note", "N"), askAbout("progress-note", "R"), askAbout("process-note", "N")]
 * //=> ["permit", "deny", "deny"]
 */
export interface DisclosureFacts {
  /** What the consents on file say about this request. */
  readonly consents: ConsentFacts;
  /** The jurisdiction's settings, with safe defaults for those the request leaves out. */
  readonly jurisdiction: ResolvedJurisdiction;
  /** Whether the information is a substance use disorder record: labelled `SUD`, `ETH` or `42CFRPart2`, or of kind `sud-counseling-note`. */
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
 *
 * @example
 * // Whether the member asking is the one the record is about; unknown when the request does not say.
 * const peerAsks: RuleCondition = (request) =>
 *   allOf(request.recipient.kind === "group-member", negate(request.recipient.isSubject));
 * const policy = definePolicy(
 *   [
 *     { id: "attendance-on-request", effect: "permit", description: "A member's attendance may be given on request.",
 *       source: "agency policy", obligations: [], when: (request) => request.information.kind === "attendance" },
 *     { id: "no-peer-records", effect: "forbid", description: "A group member may not see another member's record.",
 *       source: "NASW Code of Ethics 1.07(f)", obligations: [], when: peerAsks },
 *   ],
 *   { version: "agency-1" },
 * );
 * const askFor = (recipient: DisclosureRecipient) => checkDisclosure(
 *   { information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     recipient, purpose: "PATRQT", at: "2026-03-13T14:00:00-05:00" },
 *   { policy },
 * ).effect;
 * // Hope asks for her own attendance; Will asks for Hope's, once with isSubject left out: unknown keeps the forbid.
 * [askFor({ kind: "group-member", id: "m-hope", isSubject: true }), askFor({ kind: "group-member", id: "m-will" }), askFor({ kind: "group-member", id: "m-will", isSubject: false })]
 * //=> ["permit", "deny", "deny"]
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
 * const peerAsks: DisclosureRule = {
 *   id: "no-peer-requests",
 *   effect: "forbid",
 *   description: "A group member may not receive another member's record.",
 *   source: "NASW Code of Ethics 1.07(f)",
 *   obligations: [],
 *   when: (request) => request.recipient.kind === "group-member" && request.recipient.isSubject !== true,
 * };
 * definePolicy([peerAsks], { version: "v1" }).rules[0]?.id
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
 * const ids = defaultPolicy.rules.map((rule) => rule.id);
 * [defaultPolicy.version.startsWith("groupwork-default-"), ids.join() === [...ids].sort().join()]
 * //=> [true, true]
 */
export interface DisclosurePolicy {
  /** The version decisions and audit records name: given by the caller or derived from the rules' content. */
  readonly version: string;
  /** The rules, sorted by id. */
  readonly rules: readonly DisclosureRule[];
}
