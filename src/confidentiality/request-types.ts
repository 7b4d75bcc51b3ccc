// The disclosure request: what is asked, by whom, for what, under which circumstances. Plain JSON throughout, so a host
// can store a request next to its decision and replay it. checkDisclosure reads it into a frozen copy of these fields
// (read-request.ts) before any rule sees it; rule authors read it as rule-types.ts says.
import type {
  ConfidentialityLevel,
  GroupRecordInput,
  InformationKind,
  Party,
  PrivacyLawCode,
  PurposeOfUse,
  SensitivityCode,
} from "../model/index.js";
import type { JurisdictionSettings } from "./jurisdiction.js";

// A consent as a host sends it: the model's wire form of `Consent` (plain-string ids, `withholdFrom` optional).
type ConsentInput = NonNullable<GroupRecordInput["consents"]>[number];

/**
 * The security labels a piece of information carries (FHIR `meta.security`), high-water mark already applied.
 *
 * @example
 * // With Jamal's consent, his health plan may have his attendance for payment, unless it is a substance use treatment record.
 * const consents = [{ id: "c-jamal-plan", memberId: "m-jamal", grantedBy: "self", recipients: [{ kind: "payer", organisation: "Prairie Health Plan" }],
 *   purposes: ["HPAYMT"], dataClasses: ["attendance"], validFrom: "2026-01-05T09:00:00-06:00", form: "written", legalBasis: "hipaa-authorization" }] as const;
 * const askWith = (labels: InformationLabels) => checkDisclosure({
 *   information: { kind: "attendance", memberId: "m-jamal", groupId: "grp-thursday-grief", labels },
 *   recipient: { kind: "payer", organisation: "Prairie Health Plan" }, purpose: "HPAYMT", consents, at: "2026-03-02T09:00:00-06:00",
 * });
 * const substanceUse = askWith({ confidentiality: "R", sensitivity: ["SUD"], law: [] });
 * [askWith({ confidentiality: "N", sensitivity: [], law: [] }).effect, substanceUse.effect, substanceUse.determiningRules]
 * //=> ["permit", "deny", ["substance-use-needs-part2-consent"]]
 */
export interface InformationLabels {
  /** HL7 confidentiality level, `U` < `L` < `M` < `N` < `R` < `V`. */
  readonly confidentiality: ConfidentialityLevel;
  /** HL7 sensitivity codes such as `SUD` or `PSYTHPN`; empty when none apply. */
  readonly sensitivity: readonly SensitivityCode[];
  /** HL7 privacy law codes such as `42CFRPart2`; empty when none apply. */
  readonly law: readonly PrivacyLawCode[];
}

/**
 * The piece of group information a disclosure is about. Its text is never part of the request.
 *
 * @example
 * // Hope's consent to her primary care provider covers attendance and progress notes, not the facilitator's process notes.
 * (["attendance", "progress-note", "process-note"] as const).map((kind) => checkDisclosure({
 *   information: { kind, memberId: "m-hope", groupId: "grp-thursday-grief", authorId: "f-rivera", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
 *   purpose: "COC", consents: sampleGroupRecord.consents, at: "2026-03-10T10:00:00-05:00",
 * }).effect)
 * //=> ["permit", "permit", "deny"]
 */
export interface DisclosureInformation {
  /** What it is: `attendance`, `roster`, `session-summary`, `progress-note`, `process-note`, `sud-counseling-note`, … */
  readonly kind: InformationKind;
  /**
   * The member it is about; absent for information about the group as a whole (a roster, a session summary).
   * Required for the kinds that are always about one member (`progress-note`, `process-note`, `self-disclosure`,
   * `risk-statement`, `abuse-report`, `sud-counseling-note`): a request without it is invalid.
   */
  readonly memberId?: string | undefined;
  /** The group it comes from. */
  readonly groupId: string;
  /** Its security labels. */
  readonly labels: InformationLabels;
  /** Who wrote it (a facilitator's id), when it was written by someone. */
  readonly authorId?: string | undefined;
  /** Whether it has been de-identified (45 CFR 164.514); absent means not known to be. */
  readonly deidentified?: boolean | undefined;
}

/**
 * Who would receive the information: a party as consents name one (the model's `Party`: kind, id, name,
 * organisation), with the facts about them that the rules need.
 *
 * Each fact is optional: a missing fact never satisfies a permit and never lifts a forbid.
 *
 * @example
 * // Hope's consent names Dr. Osei: a recipient with no name, or another doctor at her practice, is not covered.
 * const sendTo = (recipient: DisclosureRecipient) => checkDisclosure({
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient, purpose: "COC", consents: sampleGroupRecord.consents, at: "2026-03-10T10:00:00-05:00",
 * }).effect;
 * [
 *   sendTo({ kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }),
 *   sendTo({ kind: "outside-provider", organisation: "Lakeside Family Medicine" }),
 *   sendTo({ kind: "outside-provider", name: "Dr. Paul Berg", organisation: "Lakeside Family Medicine" }),
 * ]
 * //=> ["permit", "deny", "deny"]
 */
export interface DisclosureRecipient extends Readonly<Party> {
  /**
   * Whether they are the member the information is about (the subject asking for their own record). Only a
   * `group-member` can be, and only with the information's `memberId` as their `id`, both given: a request that says
   * otherwise, or leaves either id out, is invalid.
   */
  readonly isSubject?: boolean | undefined;
  /** Whether they facilitate or co-facilitate this group and were active in it at the moment `at`. */
  readonly activeFacilitator?: boolean | undefined;
  /**
   * Whether they wrote the information (the originator of a process note, 45 CFR 164.508(a)(2)); with the
   * information's `authorId` as their `id`, both given, or the request is invalid.
   */
  readonly isOriginator?: boolean | undefined;
  /**
   * Whether they work inside the agency that runs the group. Only a facilitator, co-facilitator, supervisor, agency
   * staff member or researcher can; `true` for any other kind makes the request invalid.
   */
  readonly withinAgency?: boolean | undefined;
  /**
   * Whether they hold the permission to override a missing consent (Primero roles). The default policy reads
   * `circumstances.consentOverridden` instead (an override was recorded); this fact is for an agency's own rules.
   */
  readonly mayOverride?: boolean | undefined;
}

/**
 * The circumstances of the request: the exceptions the law makes. Each is optional; absent means not established.
 *
 * @example
 * // Jamal's risk statement, told to the person he threatened: only once a serious, imminent threat is established.
 * const warn = (circumstances: DisclosureCircumstances | undefined) => checkDisclosure({
 *   information: { kind: "risk-statement", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: { confidentiality: "R", sensitivity: [], law: [] } },
 *   recipient: { kind: "person-at-risk", name: "Denise Price" }, purpose: "THREAT", circumstances, at: "2026-02-26T20:15:00-06:00",
 * });
 * const threat = warn({ imminentThreat: true });
 * [warn(undefined).basis, threat.determiningRules, threat.obligations]
 * //=> ["default-deny", ["serious-threat-disclosure"], ["MINEC", "document", "notify-client"]]
 */
export interface DisclosureCircumstances {
  /** A serious and imminent threat to the health or safety of a person or the public (45 CFR 164.512(j)). */
  readonly imminentThreat?: boolean | undefined;
  /** Suspected abuse or neglect of a child, which the worker is mandated to report (state law; NASW 1.01). */
  readonly suspectedChildAbuse?: boolean | undefined;
  /** A court order that covers this disclosure (45 CFR 164.512(e); 42 CFR 2.64). */
  readonly courtOrder?: boolean | undefined;
  /** A medical emergency (42 CFR 2.51). */
  readonly medicalEmergency?: boolean | undefined;
  /** A person permitted to override recorded an override of the missing consent for this disclosure (Primero). */
  readonly consentOverridden?: boolean | undefined;
  /**
   * The health oversight activity concerns the originator of the process note, such as a licensing board reviewing
   * the facilitator who wrote it (45 CFR 164.508(a)(2)(ii) with 164.512(d)).
   */
  readonly oversightOfOriginator?: boolean | undefined;
}

/**
 * What is known about the member the information is about.
 *
 * @example
 * // Kai, 16, is in a teen loss group; his mother Rosa signed a consent for his attendance.
 * const teen: DisclosureRequest = {
 *   information: { kind: "attendance", memberId: "m-kai", groupId: "grp-teen-loss", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Rosa Alvarez" }, purpose: "FAMRQT", at: "2026-03-04T17:00:00-06:00",
 *   consents: [{ id: "c-kai-mother", memberId: "m-kai", grantedBy: "guardian", recipients: [{ kind: "family-or-guardian", name: "Rosa Alvarez" }],
 *     purposes: ["FAMRQT"], dataClasses: ["attendance"], validFrom: "2026-01-15T12:00:00-06:00", form: "written", legalBasis: "hipaa-authorization" }],
 * };
 * // Once Kai has lawfully consented to his own care, his mother's consent no longer opens it.
 * [checkDisclosure({ ...teen, subject: { minor: true } }).effect, checkDisclosure({ ...teen, subject: { minor: true, consentedToOwnCare: true } }).effect]
 * //=> ["permit", "deny"]
 */
export interface DisclosureSubject {
  /** Whether the member is a minor at the moment `at`. */
  readonly minor?: boolean | undefined;
  /** Whether the member, as a minor, lawfully consented to their own care (45 CFR 164.502(g); 42 CFR 2.14). */
  readonly consentedToOwnCare?: boolean | undefined;
}

/**
 * A request to disclose one piece of group information to one recipient for one purpose, as plain JSON.
 *
 * Pass it to `checkDisclosure`. Nothing in it is read from a clock: `at` is the moment of the disclosure.
 *
 * @example
 * const request: DisclosureRequest = {
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-10T10:00:00-05:00",
 * };
 * checkDisclosure(request).effect
 * //=> "permit"
 */
export interface DisclosureRequest {
  /** The information to disclose. */
  readonly information: DisclosureInformation;
  /** Who would receive it. */
  readonly recipient: DisclosureRecipient;
  /** Why, as an HL7 purpose of use (`TREAT`, `COC`, `HPAYMT`, `THREAT`, …). */
  readonly purpose: PurposeOfUse;
  /** The exceptions the law makes that apply; absent means none established. */
  readonly circumstances?: DisclosureCircumstances | undefined;
  /**
   * The consents on file for the member (others are ignored), each as the model's `Consent` reads on the wire: plain
   * string ids, `withholdFrom` optional. A parsed `Consent` fits as it is.
   */
  readonly consents?: readonly { readonly [Field in keyof ConsentInput]: Readonly<ConsentInput[Field]> }[] | undefined;
  /** The moment of the disclosure: ISO 8601 text with an offset, seconds optional (`2026-03-02T17:00-05:00`). */
  readonly at: string;
  /** What is known about the member the information is about. */
  readonly subject?: DisclosureSubject | undefined;
  /** The jurisdiction's settings; absent ones take their safe default. */
  readonly jurisdiction?: JurisdictionSettings | undefined;
}
