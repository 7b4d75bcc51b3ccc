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
export type {
  DecisionBasis,
  DecisionError,
  DecisionReason,
  DisclosureDecision,
  MatchedRules,
} from "./decision-types.js";
export { explainDecision } from "./explain.js";
export type { DutyToWarn, JurisdictionSettings, MinorConsentAuthority, ResolvedJurisdiction } from "./jurisdiction.js";
export type {
  FindMemberMentionsOptions,
  MemberMention,
  MentionableMember,
  MentionCandidate,
  MentionKind,
} from "./mention-types.js";
export { defaultCommonWordNames, findMemberMentions } from "./mentions.js";
export {
  type CheckIndividualNoteOptions,
  checkIndividualNote,
  type IndividualNoteCheck,
  type IndividualNoteProblem,
} from "./note-check.js";
export { type DefinePolicyOptions, definePolicy } from "./policy.js";
export { type MemberMentionRedaction, type RedactMemberMentionsOptions, redactMemberMentions } from "./redact.js";
export type {
  DisclosureCircumstances,
  DisclosureInformation,
  DisclosureRecipient,
  DisclosureRequest,
  DisclosureSubject,
  InformationLabels,
} from "./request-types.js";
export type {
  ConsentFacts,
  ConsentNote,
  DisclosureFacts,
  DisclosureObligation,
  DisclosurePolicy,
  DisclosureRule,
  PartialMatch,
  RuleCondition,
  Truth,
} from "./rule-types.js";
export { defaultPolicy } from "./rules/index.js";
export { allOf, anyOf, negate } from "./truth.js";
export {
  type CandidateAnswer,
  type DisclosureCandidate,
  type DisclosureSituation,
  type WhoMayReceive,
  whoMayReceive,
} from "./who-may-receive.js";
