// The nouns of group practice: zod schemas, their types, the vocabularies, and the record parser.
export { GroupworkError, type GroupworkErrorCode } from "../_lib/errors";
export { isActiveMember, type MembershipActivity } from "./active";
export { ageOn, type IsMinorOptions, isMinor } from "./age";
export {
  type AgreementSignature,
  AgreementSignatureSchema,
  type GroupAgreement,
  GroupAgreementSchema,
} from "./agreement";
export { type AttendanceRecord, AttendanceRecordSchema } from "./attendance";
export * from "./codes";
export { type Consent, ConsentSchema, type Party, PartySchema } from "./consent";
export { type Group, GroupSchema } from "./group";
export {
  type ConsentId,
  ConsentIdSchema,
  type GroupId,
  GroupIdSchema,
  type MemberId,
  MemberIdSchema,
  type SessionId,
  SessionIdSchema,
} from "./ids";
export {
  type BalesCategory,
  BalesCategorySchema,
  type InteractionAct,
  InteractionActSchema,
  type Turn,
  TurnSchema,
} from "./interaction";
export {
  formatGroupRecordIssues,
  formatIssuePath,
  type GroupRecordIssue,
  type GroupRecordIssueCode,
  type IssuePath,
  type IssueSeverity,
} from "./issues";
export { groupworkJsonSchemas, type JsonSchemaDocument, type WireSchemaName } from "./json-schema";
export { type Member, MemberSchema } from "./member";
export { type Membership, type MembershipPeriod, MembershipPeriodSchema, MembershipSchema } from "./membership";
export { type ParseGroupRecordOptions, type ParseGroupRecordResult, parseGroupRecord } from "./parse";
export {
  type CalendarDate,
  CalendarDateSchema,
  type Instant,
  InstantSchema,
  isIanaTimeZone,
  LanguageTagSchema,
  TimeZoneSchema,
} from "./primitives";
export { type GroupRecord, type GroupRecordInput, GroupRecordSchema } from "./record";
export { type Session, SessionSchema } from "./session";
export * from "./vocabulary/index";
