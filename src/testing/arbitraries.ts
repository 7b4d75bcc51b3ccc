// fast-check arbitraries for users' property tests: one for every model type a group record holds, whole records that
// parseGroupRecord accepts, stage logs that replay, and disclosure requests that checkDisclosure decides. Every value
// is built from independent choices read into a valid value, so shrinking keeps it valid. fast-check (^4.11) is an
// optional peer dependency that only this part of the package loads.

export { arbitraryDisclosureRequest, type DisclosureRequestArbitraryOptions } from "./arbitraries-disclosure.js";
export {
  type AttendanceRecordArbitraryOptions,
  arbitraryAttendanceRecord,
  arbitraryInteractionAct,
  arbitrarySession,
  arbitraryStageEvent,
  arbitraryTurn,
  type InSessionArbitraryOptions,
  type SessionArbitraryOptions,
  type StageEventArbitraryOptions,
} from "./arbitraries-meetings.js";
export {
  arbitraryConsent,
  arbitraryGroup,
  arbitraryGroupAgreement,
  arbitraryMember,
  arbitraryMembership,
  type ConsentArbitraryOptions,
  type GroupAgreementArbitraryOptions,
  type GroupArbitraryOptions,
  type MemberArbitraryOptions,
  type MembershipArbitraryOptions,
} from "./arbitraries-people.js";
export { arbitraryGroupRecord, type GroupRecordArbitraryOptions } from "./arbitraries-record.js";
export {
  arbitraryStageEventSequence,
  type StageEventSequence,
  type StageEventSequenceArbitraryOptions,
} from "./arbitraries-stages.js";
