// Participation metrics: attendance, dropout, retention, equality of participation, turns and interaction. Pure
// functions: no clock, no I/O, no mutation of their inputs.

export {
  type AttendanceSummary,
  type AttendanceSummaryOptions,
  attendanceSummary,
  type GroupAttendanceTotals,
  type MemberAttendance,
} from "./attendance.js";
export { type DetectDropoutOptions, type DropoutFinding, type DropoutRule, detectDropout } from "./dropout.js";
export {
  type EqualityUndefinedReason,
  type EqualityValue,
  type ParticipationEquality,
  participationEquality,
} from "./equality.js";
export {
  type ParticipationFlag,
  type ParticipationFlagCode,
  type ParticipationFlagsOptions,
  participationFlags,
} from "./flags.js";
export {
  type BalesAreaCode,
  type InteractionActInput,
  type InteractionCounts,
  type InteractionProfile,
  interactionProfile,
  type MemberInteraction,
} from "./interaction.js";
export type { Measured } from "./measured.js";
export {
  type ResponseEdge,
  type ResponseNetwork,
  type ResponseNetworkOptions,
  type ResponseSpeaker,
  responseNetwork,
} from "./network.js";
export {
  type RetentionCurve,
  type RetentionCurveOptions,
  type RetentionInterval,
  type RetentionMember,
  type RetentionStep,
  retentionCurve,
  type StandardError,
} from "./retention.js";
export type { AttendanceSource, ExcusedAbsences, NotCountedAttendance, Rate, RateUndefinedReason } from "./source.js";
export { type AbsenceRun, type AbsenceStreaks, type AbsenceStreaksOptions, absenceStreaks } from "./streaks.js";
export {
  type AttendanceTrend,
  type AttendanceTrendBucket,
  type AttendanceTrendOptions,
  attendanceTrend,
  type WeekDay,
} from "./trend.js";
export type {
  MemberTurnStats,
  SessionTurnStats,
  TurnAnalytics,
  TurnAnalyticsOptions,
  TurnInput,
} from "./turn-types.js";
export { turnAnalytics } from "./turns.js";
