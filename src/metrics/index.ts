// Participation metrics: attendance, dropout, retention, equality of participation, turns and interaction. Pure
// functions: no clock, no I/O, no mutation of their inputs.

export {
  type EqualityUndefinedReason,
  type EqualityValue,
  type Measured,
  type ParticipationEquality,
  participationEquality,
} from "./equality.js";
export {
  type BalesAreaCode,
  type InteractionCounts,
  type InteractionProfile,
  interactionProfile,
  type MemberInteraction,
} from "./interaction.js";
export {
  type ResponseEdge,
  type ResponseNetwork,
  type ResponseNetworkOptions,
  type ResponseSpeaker,
  responseNetwork,
} from "./network.js";
export {
  type MemberTurnStats,
  type SessionTurnStats,
  type TurnAnalytics,
  type TurnAnalyticsOptions,
  turnAnalytics,
} from "./turns.js";
