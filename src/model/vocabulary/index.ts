export type { CodeOf, CodesOf, Vocabulary, VocabularyEntry } from "./define";
export { consentForms, consentGrantors, consentLegalBases, informationKinds, recipientKinds } from "./disclosure";
export { confidentialityLevels, purposesOfUse, sensitivityCodes } from "./hl7";
export { balesAreas, balesCategories, therapeuticFactors } from "./interaction";
export {
  attendanceStatuses,
  exitReasons,
  groupKinds,
  interventions,
  membershipTypes,
  participationTypes,
  sessionModes,
  sessionStatuses,
} from "./practice";
export { facilitationRoles, functionalRoleFamilies, functionalRoles } from "./roles";
