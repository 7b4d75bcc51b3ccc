// The jurisdiction a disclosure is decided in: the settings where state law differs, and their safe defaults.

/**
 * Duty to warn under state law (Tarasoff v. Regents 1976): `mandatory` (a duty), `permissive` (allowed) or `none`.
 *
 * @example
 * // Jamal's risk statement, to the person he threatened, after a serious, imminent threat is established.
 * (["mandatory", "permissive", "none"] as const).map((dutyToWarn) => checkDisclosure({
 *   information: { kind: "risk-statement", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: { confidentiality: "R", sensitivity: [], law: [] } },
 *   recipient: { kind: "person-at-risk", name: "Denise Price" }, purpose: "THREAT",
 *   circumstances: { imminentThreat: true }, jurisdiction: { dutyToWarn }, at: "2026-02-26T20:15:00-06:00",
 * }).determiningRules)
 * //=> [["duty-to-warn", "serious-threat-disclosure"], ["serious-threat-disclosure"], []]
 */
export type DutyToWarn = "mandatory" | "permissive" | "none";

/**
 * Who consents to disclosures about a minor who lawfully consented to their own care: the `minor` themselves
 * (45 CFR 164.502(g)(3); 42 CFR 2.14) or their `guardian`.
 *
 * @example
 * // Kai, 16, consented to his own care; his mother Rosa signed a consent for his attendance.
 * const teen: DisclosureRequest = {
 *   information: { kind: "attendance", memberId: "m-kai", groupId: "grp-teen-loss", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Rosa Alvarez" }, purpose: "FAMRQT", at: "2026-03-04T17:00:00-06:00",
 *   subject: { minor: true, consentedToOwnCare: true },
 *   consents: [{ id: "c-kai-mother", memberId: "m-kai", grantedBy: "guardian", recipients: [{ kind: "family-or-guardian", name: "Rosa Alvarez" }],
 *     purposes: ["FAMRQT"], dataClasses: ["attendance"], validFrom: "2026-01-15T12:00:00-06:00", form: "written", legalBasis: "hipaa-authorization" }],
 * };
 * (["minor", "guardian"] as const).map((minorConsent) => checkDisclosure({ ...teen, jurisdiction: { minorConsent } }).effect)
 * //=> ["deny", "permit"]
 */
export type MinorConsentAuthority = "minor" | "guardian";

/**
 * The jurisdiction's settings for the rules that depend on state law. Every field is optional on the wire.
 *
 * @example
 * // Telling the police of Jamal's threat: HIPAA's permission by default; where warning is a duty, the advice says so.
 * const tellPolice = (jurisdiction: JurisdictionSettings | undefined) => checkDisclosure({
 *   information: { kind: "risk-statement", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: { confidentiality: "R", sensitivity: [], law: [] } },
 *   recipient: { kind: "law-enforcement" }, purpose: "THREAT", circumstances: { imminentThreat: true }, jurisdiction,
 *   at: "2026-02-26T20:15:00-06:00",
 * });
 * [tellPolice(undefined).determiningRules, tellPolice({ dutyToWarn: "mandatory", minorConsent: "guardian" }).advice[0]]
 * //=> [
 *   ["serious-threat-disclosure"],
 *   "This jurisdiction makes warning a duty: warn the person at risk or the police now, and document it.",
 * ]
 */
export interface JurisdictionSettings {
  /** Duty to warn; when absent the engine uses `permissive`, HIPAA's own rule (45 CFR 164.512(j)). */
  readonly dutyToWarn?: DutyToWarn | undefined;
  /** Who consents for a minor who consented to their own care; when absent the engine uses `minor`. */
  readonly minorConsent?: MinorConsentAuthority | undefined;
}

/**
 * The jurisdiction with every setting decided: what rules read from `facts.jurisdiction`.
 *
 * @example
 * const policy = definePolicy(
 *   [{ id: "guardian-decides", effect: "permit", source: "45 CFR 164.502(g)", obligations: ["document"],
 *      description: "Where state law gives guardians the say, a guardian may hear how a minor attends.",
 *      when: (request, facts) => request.recipient.kind === "family-or-guardian" && facts.jurisdiction.minorConsent === "guardian" }],
 *   { version: "agency-1" },
 * );
 * const askIn = (jurisdiction: JurisdictionSettings | undefined) => checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-kai", groupId: "grp-teen-loss", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Rosa Alvarez" }, purpose: "FAMRQT",
 *   subject: { minor: true, consentedToOwnCare: true }, jurisdiction, at: "2026-03-04T17:00:00-06:00",
 * }, { policy }).effect;
 * // A setting left out reaches the rule as its default, `minor`; only an explicit `guardian` lets this rule hold.
 * [askIn(undefined), askIn({ dutyToWarn: "mandatory" }), askIn({ minorConsent: "guardian" })]
 * //=> ["deny", "deny", "permit"]
 */
export interface ResolvedJurisdiction {
  /** Duty to warn. */
  readonly dutyToWarn: DutyToWarn;
  /** Who consents for a minor who consented to their own care. */
  readonly minorConsent: MinorConsentAuthority;
}
