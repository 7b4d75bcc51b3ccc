// The confidentiality boundary: a disclosure check with Cedar's semantics over the field's rules, note mention
// scanning and redaction, and audit records.
export {
  type AuditInformation,
  type AuditRecipient,
  type AuditRecord,
  type AuditRecordOptions,
  toAuditRecord,
} from "./audit.js";
export { type CheckDisclosureOptions, checkDisclosure } from "./check.js";
export { consentOutOfForce, matchConsents, partyIncludes, partyMayBe } from "./consents.js";
export { explainDecision } from "./explain.js";
export {
  defaultCommonWordNames,
  type FindMemberMentionsOptions,
  findMemberMentions,
  type MemberMention,
  type MentionableMember,
  type MentionCandidate,
  type MentionKind,
} from "./mentions.js";
export {
  type CheckIndividualNoteOptions,
  checkIndividualNote,
  type IndividualNoteCheck,
  type IndividualNoteProblem,
} from "./note-check.js";
export { type DefinePolicyOptions, definePolicy } from "./policy.js";
export { type MemberMentionRedaction, type RedactMemberMentionsOptions, redactMemberMentions } from "./redact.js";
export { defaultPolicy } from "./rules/index.js";
export { allOf, anyOf, negate } from "./truth.js";
export {
  type ConsentFacts,
  type ConsentNote,
  type ConsentOnFile,
  type ConsentParty,
  type DecisionBasis,
  type DecisionError,
  type DecisionReason,
  type DisclosureCircumstances,
  type DisclosureDecision,
  type DisclosureFacts,
  type DisclosureInformation,
  type DisclosureObligation,
  type DisclosurePolicy,
  type DisclosureRecipient,
  type DisclosureRequest,
  type DisclosureRule,
  type DisclosureSubject,
  type DutyToWarn,
  type InformationLabels,
  type JurisdictionSettings,
  type MatchedRules,
  type MinorConsentAuthority,
  type PartialMatch,
  type PrivacyLawCode,
  privacyLawCodes,
  type ResolvedJurisdiction,
  type RuleCondition,
  type Truth,
} from "./types.js";
export {
  type CandidateAnswer,
  type DisclosureCandidate,
  type DisclosureSituation,
  type WhoMayReceive,
  whoMayReceive,
} from "./who-may-receive.js";
