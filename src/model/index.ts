// The nouns of group practice: zod schemas, their types, the vocabularies, and the record parser.
export { GroupworkError, type GroupworkErrorCode } from "../_lib/errors.js";
export { isActiveMember, type MembershipActivity } from "./active.js";
export { ageOn, type IsMinorOptions, isMinor } from "./age.js";
export {
  type AgreementSignature,
  AgreementSignatureSchema,
  type GroupAgreement,
  GroupAgreementSchema,
} from "./agreement.js";
export { type AttendanceRecord, AttendanceRecordSchema } from "./attendance.js";
export * from "./codes.js";
export { type Consent, ConsentSchema, type Party, PartySchema } from "./consent.js";
export { type Group, GroupSchema } from "./group.js";
export {
  type ConsentId,
  ConsentIdSchema,
  type GroupId,
  GroupIdSchema,
  type MemberId,
  MemberIdSchema,
  type SessionId,
  SessionIdSchema,
} from "./ids.js";
export {
  type BalesCategory,
  BalesCategorySchema,
  type InteractionAct,
  InteractionActSchema,
  type Turn,
  TurnSchema,
} from "./interaction.js";
export {
  formatGroupRecordIssues,
  formatIssuePath,
  type GroupRecordIssue,
  type GroupRecordIssueCode,
  type IssuePath,
  type IssueSeverity,
} from "./issues.js";
export { groupworkJsonSchemas, type JsonSchemaDocument, type WireSchemaName } from "./json-schema.js";
export { type Member, MemberSchema } from "./member.js";
export { type Membership, type MembershipPeriod, MembershipPeriodSchema, MembershipSchema } from "./membership.js";
export { type ParseGroupRecordOptions, type ParseGroupRecordResult, parseGroupRecord } from "./parse.js";
export {
  type CalendarDate,
  CalendarDateSchema,
  type Instant,
  InstantSchema,
  isIanaTimeZone,
  LanguageTagSchema,
  TimeZoneSchema,
} from "./primitives.js";
export { type GroupRecord, type GroupRecordInput, GroupRecordSchema } from "./record.js";
export { type Session, SessionSchema } from "./session.js";
export { type StageSnapshotEnvelope, StageSnapshotEnvelopeSchema } from "./stage-envelope.js";
export { type RecordedStageEvent, RecordedStageEventSchema } from "./stage-event.js";
export * from "./vocabulary/index.js";
