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

/** Schema of a {@link GroupKind}. */
export const GroupKindSchema = /* @__PURE__ */ vocabularySchema(groupKinds);
/** Kind of group: `support`, `therapy`, `psychoeducation`, … (see {@link groupKinds}). */
export type GroupKind = z.infer<typeof GroupKindSchema>;

/** Schema of a {@link MembershipType}. */
export const MembershipTypeSchema = /* @__PURE__ */ vocabularySchema(membershipTypes);
/** `closed` (fixed cohort) or `open` (rolling admission); see {@link membershipTypes}. */
export type MembershipType = z.infer<typeof MembershipTypeSchema>;

/** Schema of a {@link ParticipationType}. */
export const ParticipationTypeSchema = /* @__PURE__ */ vocabularySchema(participationTypes);
/** `mandatory` or `optional` attendance; see {@link participationTypes}. */
export type ParticipationType = z.infer<typeof ParticipationTypeSchema>;

/** Schema of a {@link SessionStatus}. */
export const SessionStatusSchema = /* @__PURE__ */ vocabularySchema(sessionStatuses);
/** `scheduled`, `held`, `cancelled` or `did-not-take-place`; see {@link sessionStatuses}. */
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** Schema of a {@link SessionMode}. */
export const SessionModeSchema = /* @__PURE__ */ vocabularySchema(sessionModes);
/** `in-person`, `virtual` or `hybrid`; see {@link sessionModes}. */
export type SessionMode = z.infer<typeof SessionModeSchema>;

/** Schema of an {@link Intervention}. */
export const InterventionSchema = /* @__PURE__ */ vocabularySchema(interventions);
/** An intervention used in a session; see {@link interventions}. */
export type Intervention = z.infer<typeof InterventionSchema>;

/** Schema of an {@link AttendanceStatus}. */
export const AttendanceStatusSchema = /* @__PURE__ */ vocabularySchema(attendanceStatuses);
/** `present`, `late`, `left-early`, `excused`, `absent` or `not-recorded`; see {@link attendanceStatuses}. */
export type AttendanceStatus = z.infer<typeof AttendanceStatusSchema>;

/** Schema of an {@link ExitReason}. */
export const ExitReasonSchema = /* @__PURE__ */ vocabularySchema(exitReasons);
/** Why a membership ended; see {@link exitReasons}. */
export type ExitReason = z.infer<typeof ExitReasonSchema>;

/** Schema of a {@link FacilitationRole}. */
export const FacilitationRoleSchema = /* @__PURE__ */ vocabularySchema(facilitationRoles);
/** A person's role in the group's membership; see {@link facilitationRoles}. */
export type FacilitationRole = z.infer<typeof FacilitationRoleSchema>;

/** Schema of a {@link FunctionalRole}. */
export const FunctionalRoleSchema = /* @__PURE__ */ vocabularySchema(functionalRoles);
/** One of Benne & Sheats' 27 functional roles; see {@link functionalRoles}. */
export type FunctionalRole = z.infer<typeof FunctionalRoleSchema>;

/** Schema of a {@link TherapeuticFactor}. */
export const TherapeuticFactorSchema = /* @__PURE__ */ vocabularySchema(therapeuticFactors);
/** One of Yalom's therapeutic factors; see {@link therapeuticFactors}. */
export type TherapeuticFactor = z.infer<typeof TherapeuticFactorSchema>;

/** Schema of a {@link ConfidentialityLevel}. */
export const ConfidentialityLevelSchema = /* @__PURE__ */ vocabularySchema(confidentialityLevels);
/** HL7 confidentiality level `U` < `L` < `M` < `N` < `R` < `V`; see {@link confidentialityLevels}. */
export type ConfidentialityLevel = z.infer<typeof ConfidentialityLevelSchema>;

/** Schema of a {@link SensitivityCode}. */
export const SensitivityCodeSchema = /* @__PURE__ */ vocabularySchema(sensitivityCodes);
/** HL7 sensitivity code such as `SUD` or `PSYTHPN`; see {@link sensitivityCodes}. */
export type SensitivityCode = z.infer<typeof SensitivityCodeSchema>;

/** Schema of a {@link PurposeOfUse}. */
export const PurposeOfUseSchema = /* @__PURE__ */ vocabularySchema(purposesOfUse);
/** HL7 purpose of use such as `TREAT` or `HPAYMT`; see {@link purposesOfUse}. */
export type PurposeOfUse = z.infer<typeof PurposeOfUseSchema>;

/** Schema of an {@link InformationKind}. */
export const InformationKindSchema = /* @__PURE__ */ vocabularySchema(informationKinds);
/** Kind of group information, such as `attendance` or `process-note`; see {@link informationKinds}. */
export type InformationKind = z.infer<typeof InformationKindSchema>;

/** Schema of a {@link RecipientKind}. */
export const RecipientKindSchema = /* @__PURE__ */ vocabularySchema(recipientKinds);
/** Kind of recipient, such as `outside-provider` or `payer`; see {@link recipientKinds}. */
export type RecipientKind = z.infer<typeof RecipientKindSchema>;

/** Schema of a {@link ConsentGrantor}. */
export const ConsentGrantorSchema = /* @__PURE__ */ vocabularySchema(consentGrantors);
/** Who gave a consent: `self`, `guardian` or `legal-representative`; see {@link consentGrantors}. */
export type ConsentGrantor = z.infer<typeof ConsentGrantorSchema>;

/** Schema of a {@link ConsentForm}. */
export const ConsentFormSchema = /* @__PURE__ */ vocabularySchema(consentForms);
/** How a consent was given: `written`, `verbal` or `electronic`; see {@link consentForms}. */
export type ConsentForm = z.infer<typeof ConsentFormSchema>;

/** Schema of a {@link ConsentLegalBasis}. */
export const ConsentLegalBasisSchema = /* @__PURE__ */ vocabularySchema(consentLegalBases);
/** The legal basis of a consent, such as `42-cfr-part-2`; see {@link consentLegalBases}. */
export type ConsentLegalBasis = z.infer<typeof ConsentLegalBasisSchema>;
