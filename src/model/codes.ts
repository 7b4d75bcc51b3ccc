import type { z } from "zod";
import { vocabularySchema } from "./primitives.js";
import {
  attendanceStatuses,
  confidentialityLevels,
  consentForms,
  consentGrantors,
  consentLegalBases,
  exitReasons,
  facilitationRoles,
  functionalRoles,
  groupKinds,
  informationKinds,
  interventions,
  membershipTypes,
  participationTypes,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
  sessionModes,
  sessionStatuses,
  therapeuticFactors,
} from "./vocabulary/index.js";

// One schema and one type per vocabulary, so the wire format and the constant lists cannot drift apart.

/**
 * Schema of a {@link GroupKind}.
 *
 * @example
 * // A committee is a task group, not a kind of its own
 * GroupKindSchema.safeParse("committee").success
 * //=> false
 */
export const GroupKindSchema = /* @__PURE__ */ vocabularySchema(groupKinds);
/**
 * Kind of group: `support`, `therapy`, `psychoeducation`, … (see {@link groupKinds}).
 *
 * @example
 * // The sample grief group is a support group: members help one another cope with a shared loss
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.group.kind
 * //=> "support"
 */
export type GroupKind = z.infer<typeof GroupKindSchema>;

/**
 * Schema of a {@link MembershipType}.
 *
 * @example
 * // Rolling admission is recorded as "open"
 * MembershipTypeSchema.safeParse("rolling").success
 * //=> false
 */
export const MembershipTypeSchema = /* @__PURE__ */ vocabularySchema(membershipTypes);
/**
 * `closed` (fixed cohort) or `open` (rolling admission); see {@link membershipTypes}.
 *
 * @example
 * // The sample group is a fixed cohort of twelve weeks
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.group.membership
 * //=> "closed"
 */
export type MembershipType = z.infer<typeof MembershipTypeSchema>;

/**
 * Schema of a {@link ParticipationType}.
 *
 * @example
 * // Court-ordered attendance is recorded as "mandatory"; anything else is not in the vocabulary
 * ParticipationTypeSchema.safeParse("court-ordered").error?.issues[0]?.code
 * //=> "invalid_value"
 */
export const ParticipationTypeSchema = /* @__PURE__ */ vocabularySchema(participationTypes);
/**
 * `mandatory` or `optional` attendance; see {@link participationTypes}.
 *
 * @example
 * // Members of the sample grief group come by their own choice
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.group.participation
 * //=> "optional"
 */
export type ParticipationType = z.infer<typeof ParticipationTypeSchema>;

/**
 * Schema of a {@link SessionStatus}.
 *
 * @example
 * // A session called off in advance is "cancelled"; "postponed" is not a status
 * SessionStatusSchema.safeParse("postponed").success
 * //=> false
 */
export const SessionStatusSchema = /* @__PURE__ */ vocabularySchema(sessionStatuses);
/**
 * `scheduled`, `held`, `cancelled` or `did-not-take-place`; see {@link sessionStatuses}.
 *
 * @example
 * // Session 5 was called off for an ice storm: never an absence for its members
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.sessions[4]?.status
 * //=> "cancelled"
 */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/**
 * Schema of a {@link SessionMode}.
 *
 * @example
 * // A video session is recorded as "virtual"
 * SessionModeSchema.safeParse("telehealth").success
 * //=> false
 */
export const SessionModeSchema = /* @__PURE__ */ vocabularySchema(sessionModes);
/**
 * `in-person`, `virtual` or `hybrid`; see {@link sessionModes}.
 *
 * @example
 * // The sample group met in the same room every week
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.sessions.every((session) => session.mode === "in-person")
 * //=> true
 */
export type SessionMode = z.infer<typeof SessionModeSchema>;

/**
 * Schema of an {@link Intervention}.
 *
 * @example
 * // Role play is an "experiential" intervention
 * InterventionSchema.safeParse("role-play").success
 * //=> false
 */
export const InterventionSchema = /* @__PURE__ */ vocabularySchema(interventions);
/**
 * An intervention used in a session; see {@link interventions}.
 *
 * @example
 * // Session 3, "What grief does to the body", paired teaching with a mindfulness practice
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.sessions[2]?.interventions
 * //=> ["psychoeducation", "mindfulness"]
 */
export type Intervention = z.infer<typeof InterventionSchema>;

/**
 * Schema of an {@link AttendanceStatus}.
 *
 * @example
 * // A no-show is recorded as "absent"
 * AttendanceStatusSchema.safeParse("no-show").success
 * //=> false
 */
export const AttendanceStatusSchema = /* @__PURE__ */ vocabularySchema(attendanceStatuses);
/**
 * `present`, `late`, `left-early`, `excused`, `absent` or `not-recorded`; see {@link attendanceStatuses}.
 *
 * @example
 * // Grace came late to three sessions; late counts as attended
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const records = parsed.ok ? parsed.value.attendance : [];
 * records.filter((record) => record.memberId === "m-grace" && record.status === "late").length
 * //=> 3
 */
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/**
 * Schema of an {@link ExitReason}.
 *
 * @example
 * // Finishing as planned is recorded as "completed"
 * ExitReasonSchema.safeParse("graduated").success
 * //=> false
 */
export const ExitReasonSchema = /* @__PURE__ */ vocabularySchema(exitReasons);
/**
 * Why a membership ended; see {@link exitReasons}.
 *
 * @example
 * // Both facilitators and seven of the eight members completed the group; Jamal dropped out
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const memberships = parsed.ok ? parsed.value.memberships : [];
 * memberships.filter((membership) => membership.exitReason === "completed").length
 * //=> 9
 */
export type ExitReason = z.infer<typeof ExitReasonSchema>;

/**
 * Schema of a {@link FacilitationRole}.
 *
 * @example
 * // A person with lived experience may help lead as a peer facilitator
 * FacilitationRoleSchema.safeParse("peer-facilitator").success
 * //=> true
 */
export const FacilitationRoleSchema = /* @__PURE__ */ vocabularySchema(facilitationRoles);
/**
 * A person's role in the group's membership; see {@link facilitationRoles}.
 *
 * @example
 * // The sample group is led by a facilitator and a co-facilitator
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const memberships = parsed.ok ? parsed.value.memberships : [];
 * memberships.filter((membership) => membership.role !== "member").map((membership) => membership.role)
 * //=> ["facilitator", "co-facilitator"]
 */
export type FacilitationRole = z.infer<typeof FacilitationRoleSchema>;

/**
 * Schema of a {@link FunctionalRole}.
 *
 * @example
 * // Only Benne & Sheats' 27 role names are codes, and "monopolizer" is not one of them
 * FunctionalRoleSchema.safeParse("monopolizer").success
 * //=> false
 */
export const FunctionalRoleSchema = /* @__PURE__ */ vocabularySchema(functionalRoles);
/**
 * One of Benne & Sheats' 27 functional roles; see {@link functionalRoles}.
 *
 * @example
 * // The worker noted a member who eased a conflict: a building-and-maintenance role
 * const noted = "harmonizer";
 * functionalRoles.entries.find((entry) => entry.code === noted)?.family
 * //=> "building-and-maintenance"
 */
export type FunctionalRole = z.infer<typeof FunctionalRoleSchema>;

/**
 * Schema of a {@link TherapeuticFactor}.
 *
 * @example
 * // Codes keep Yalom's American spelling
 * TherapeuticFactorSchema.safeParse("imitative-behaviour").success
 * //=> false
 */
export const TherapeuticFactorSchema = /* @__PURE__ */ vocabularySchema(therapeuticFactors);
/**
 * One of Yalom's therapeutic factors; see {@link therapeuticFactors}.
 *
 * @example
 * // A new member hears that others feel the same guilt: universality
 * const factor = "universality";
 * therapeuticFactors.entries.find((entry) => entry.code === factor)?.definition
 * //=> "Learning that others share one's problems and feelings."
 */
export type TherapeuticFactor = z.infer<typeof TherapeuticFactorSchema>;

/**
 * Schema of a {@link ConfidentialityLevel}.
 *
 * @example
 * // Codes are upper case, as HL7 writes them
 * ConfidentialityLevelSchema.safeParse("r").success
 * //=> false
 */
export const ConfidentialityLevelSchema = /* @__PURE__ */ vocabularySchema(confidentialityLevels);
/**
 * HL7 confidentiality level `U` < `L` < `M` < `N` < `R` < `V`; see {@link confidentialityLevels}.
 *
 * @example
 * // Mental health and substance use records are restricted: above normal, below very restricted
 * const level = "R";
 * confidentialityLevels.entries.find((entry) => entry.code === level)?.rank
 * //=> 4
 */
export type ConfidentialityLevel = z.infer<typeof ConfidentialityLevelSchema>;

/**
 * Schema of a {@link SensitivityCode}.
 *
 * @example
 * // ETH, the older code for substance use, is still accepted because host systems send it
 * SensitivityCodeSchema.safeParse("ETH").success
 * //=> true
 */
export const SensitivityCodeSchema = /* @__PURE__ */ vocabularySchema(sensitivityCodes);
/**
 * HL7 sensitivity code such as `SUD` or `PSYTHPN`; see {@link sensitivityCodes}.
 *
 * @example
 * // A substance use group's records carry SUD
 * const code = "SUD";
 * sensitivityCodes.entries.find((entry) => entry.code === code)?.definition
 * //=> "Substance use disorder information, protected by 42 CFR Part 2 in the United States."
 */
export type SensitivityCode = z.infer<typeof SensitivityCodeSchema>;

/**
 * Schema of a {@link PurposeOfUse}.
 *
 * @example
 * // Purposes are HL7 codes, not words
 * PurposeOfUseSchema.safeParse("treatment").success
 * //=> false
 */
export const PurposeOfUseSchema = /* @__PURE__ */ vocabularySchema(purposesOfUse);
/**
 * HL7 purpose of use such as `TREAT` or `HPAYMT`; see {@link purposesOfUse}.
 *
 * @example
 * // Hope lets her doctor have her attendance and notes for treatment and coordination of care
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.find((consent) => consent.id === "c-hope-pcp")?.purposes
 * //=> ["TREAT", "COC"]
 */
export type PurposeOfUse = z.infer<typeof PurposeOfUseSchema>;

/**
 * Schema of an {@link InformationKind}.
 *
 * @example
 * // The facilitator's psychotherapy notes are recorded as "process-note"
 * InformationKindSchema.safeParse("psychotherapy-note").success
 * //=> false
 */
export const InformationKindSchema = /* @__PURE__ */ vocabularySchema(informationKinds);
/**
 * Kind of group information, such as `attendance` or `process-note`; see {@link informationKinds}.
 *
 * @example
 * // Aroha's research consent covers her attendance and nothing else
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.find((consent) => consent.id === "c-aroha-research")?.dataClasses
 * //=> ["attendance"]
 */
export type InformationKind = z.infer<typeof InformationKindSchema>;

/**
 * Schema of a {@link RecipientKind}.
 *
 * @example
 * // An insurer is a "payer"
 * RecipientKindSchema.safeParse("insurer").success
 * //=> false
 */
export const RecipientKindSchema = /* @__PURE__ */ vocabularySchema(recipientKinds);
/**
 * Kind of recipient, such as `outside-provider` or `payer`; see {@link recipientKinds}.
 *
 * @example
 * // Lena's consent names her daughter, a family member
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.find((consent) => consent.id === "c-lena-daughter")?.recipients[0]?.kind
 * //=> "family-or-guardian"
 */
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

/**
 * Schema of a {@link ConsentGrantor}.
 *
 * @example
 * // A parent consenting for a minor is recorded as "guardian"
 * ConsentGrantorSchema.safeParse("parent").success
 * //=> false
 */
export const ConsentGrantorSchema = /* @__PURE__ */ vocabularySchema(consentGrantors);
/**
 * Who gave a consent: `self`, `guardian` or `legal-representative`; see {@link consentGrantors}.
 *
 * @example
 * // Every consent in the sample was given by the member, an adult, for themselves
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.every((consent) => consent.grantedBy === "self")
 * //=> true
 */
export type ConsentGrantor = z.infer<typeof ConsentGrantorSchema>;

/**
 * Schema of a {@link ConsentForm}.
 *
 * @example
 * // Consent given aloud is recorded as "verbal"
 * ConsentFormSchema.safeParse("oral").success
 * //=> false
 */
export const ConsentFormSchema = /* @__PURE__ */ vocabularySchema(consentForms);
/**
 * How a consent was given: `written`, `verbal` or `electronic`; see {@link consentForms}.
 *
 * @example
 * // Aroha consented to the research study electronically
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.find((consent) => consent.id === "c-aroha-research")?.form
 * //=> "electronic"
 */
export type ConsentForm = z.infer<typeof ConsentFormSchema>;

/**
 * Schema of a {@link ConsentLegalBasis}.
 *
 * @example
 * // A consent to disclose substance use disorder records is given under 42 CFR Part 2
 * ConsentLegalBasisSchema.safeParse("42-cfr-part-2").success
 * //=> true
 */
export const ConsentLegalBasisSchema = /* @__PURE__ */ vocabularySchema(consentLegalBases);
/**
 * The legal basis of a consent, such as `42-cfr-part-2`; see {@link consentLegalBases}.
 *
 * @example
 * // Hope's consent for her doctor is a HIPAA authorization, so it carries an expiry date
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const consent = parsed.ok ? parsed.value.consents.find((entry) => entry.id === "c-hope-pcp") : undefined;
 * [consent?.legalBasis, consent?.validUntil]
 * //=> ["hipaa-authorization", "2027-02-05T23:59:59-06:00"]
 */
export type ConsentLegalBasis = z.infer<typeof ConsentLegalBasisSchema>;
