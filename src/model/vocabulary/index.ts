export type { Vocabulary, VocabularyEntry } from "./define.js";
export { consentForms, consentGrantors, consentLegalBases, informationKinds, recipientKinds } from "./disclosure.js";
export { confidentialityLevels, purposesOfUse, sensitivityCodes } from "./hl7.js";
export { balesAreas, balesCategories, therapeuticFactors } from "./interaction.js";
export {
  attendanceStatuses,
  exitReasons,
  groupKinds,
  interventions,
  membershipTypes,
  participationTypes,
  sessionModes,
  sessionStatuses,
} from "./practice.js";
export { type PrivacyLawCode, privacyLawCodes } from "./privacy-laws.js";
export { facilitationRoles, functionalRoleFamilies, functionalRoles } from "./roles.js";
export {
  type AdjournOutcome,
  adjournOutcomes,
  type StageEventType,
  type StageModelId,
  stageEventTypes,
  stageModelIds,
} from "./stage-events.js";
