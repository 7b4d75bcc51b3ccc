import type { z } from "zod";
import { vocabularySchema } from "./primitives";
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
} from "./vocabulary/index";

// One schema and one type per vocabulary, so the wire format and the constant lists cannot drift apart.

/** Schema of a {@link GroupKind}. */
export const GroupKindSchema = vocabularySchema(groupKinds);
/** Kind of group: `support`, `therapy`, `psychoeducation`, … (see {@link groupKinds}). */
export type GroupKind = z.infer<typeof GroupKindSchema>;

/** Schema of a {@link MembershipType}. */
export const MembershipTypeSchema = vocabularySchema(membershipTypes);
/** `closed` (fixed cohort) or `open` (rolling admission); see {@link membershipTypes}. */
export type MembershipType = z.infer<typeof MembershipTypeSchema>;

/** Schema of a {@link ParticipationType}. */
export const ParticipationTypeSchema = vocabularySchema(participationTypes);
/** `mandatory` or `optional` attendance; see {@link participationTypes}. */
export type ParticipationType = z.infer<typeof ParticipationTypeSchema>;

/** Schema of a {@link SessionStatus}. */
export const SessionStatusSchema = vocabularySchema(sessionStatuses);
/** `scheduled`, `held`, `cancelled` or `did-not-take-place`; see {@link sessionStatuses}. */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** Schema of a {@link SessionMode}. */
export const SessionModeSchema = vocabularySchema(sessionModes);
/** `in-person`, `virtual` or `hybrid`; see {@link sessionModes}. */
export type SessionMode = z.infer<typeof SessionModeSchema>;

/** Schema of an {@link Intervention}. */
export const InterventionSchema = vocabularySchema(interventions);
/** An intervention used in a session; see {@link interventions}. */
export type Intervention = z.infer<typeof InterventionSchema>;

/** Schema of an {@link AttendanceStatus}. */
export const AttendanceStatusSchema = vocabularySchema(attendanceStatuses);
/** `present`, `late`, `left-early`, `excused`, `absent` or `not-recorded`; see {@link attendanceStatuses}. */
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** Schema of an {@link ExitReason}. */
export const ExitReasonSchema = vocabularySchema(exitReasons);
/** Why a membership ended; see {@link exitReasons}. */
export type ExitReason = z.infer<typeof ExitReasonSchema>;

/** Schema of a {@link FacilitationRole}. */
export const FacilitationRoleSchema = vocabularySchema(facilitationRoles);
/** A person's role in the group's membership; see {@link facilitationRoles}. */
export type FacilitationRole = z.infer<typeof FacilitationRoleSchema>;

/** Schema of a {@link FunctionalRole}. */
export const FunctionalRoleSchema = vocabularySchema(functionalRoles);
/** One of Benne & Sheats' 27 functional roles; see {@link functionalRoles}. */
export type FunctionalRole = z.infer<typeof FunctionalRoleSchema>;

/** Schema of a {@link TherapeuticFactor}. */
export const TherapeuticFactorSchema = vocabularySchema(therapeuticFactors);
/** One of Yalom's therapeutic factors; see {@link therapeuticFactors}. */
export type TherapeuticFactor = z.infer<typeof TherapeuticFactorSchema>;

/** Schema of a {@link ConfidentialityLevel}. */
export const ConfidentialityLevelSchema = vocabularySchema(confidentialityLevels);
/** HL7 confidentiality level `U` < `L` < `M` < `N` < `R` < `V`; see {@link confidentialityLevels}. */
export type ConfidentialityLevel = z.infer<typeof ConfidentialityLevelSchema>;

/** Schema of a {@link SensitivityCode}. */
export const SensitivityCodeSchema = vocabularySchema(sensitivityCodes);
/** HL7 sensitivity code such as `SUD` or `PSYTHPN`; see {@link sensitivityCodes}. */
export type SensitivityCode = z.infer<typeof SensitivityCodeSchema>;

/** Schema of a {@link PurposeOfUse}. */
export const PurposeOfUseSchema = vocabularySchema(purposesOfUse);
/** HL7 purpose of use such as `TREAT` or `HPAYMT`; see {@link purposesOfUse}. */
export type PurposeOfUse = z.infer<typeof PurposeOfUseSchema>;

/** Schema of an {@link InformationKind}. */
export const InformationKindSchema = vocabularySchema(informationKinds);
/** Kind of group information, such as `attendance` or `process-note`; see {@link informationKinds}. */
export type InformationKind = z.infer<typeof InformationKindSchema>;

/** Schema of a {@link RecipientKind}. */
export const RecipientKindSchema = vocabularySchema(recipientKinds);
/** Kind of recipient, such as `outside-provider` or `payer`; see {@link recipientKinds}. */
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

/** Schema of a {@link ConsentGrantor}. */
export const ConsentGrantorSchema = vocabularySchema(consentGrantors);
/** Who gave a consent: `self`, `guardian` or `legal-representative`; see {@link consentGrantors}. */
export type ConsentGrantor = z.infer<typeof ConsentGrantorSchema>;

/** Schema of a {@link ConsentForm}. */
export const ConsentFormSchema = vocabularySchema(consentForms);
/** How a consent was given: `written`, `verbal` or `electronic`; see {@link consentForms}. */
export type ConsentForm = z.infer<typeof ConsentFormSchema>;

/** Schema of a {@link ConsentLegalBasis}. */
export const ConsentLegalBasisSchema = vocabularySchema(consentLegalBases);
/** The legal basis of a consent, such as `42-cfr-part-2`; see {@link consentLegalBases}. */
export type ConsentLegalBasis = z.infer<typeof ConsentLegalBasisSchema>;
