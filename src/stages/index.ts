// The group's development: stage models as data, the XState machine built from them, guidance, persistence and
// suggestions. The only room that imports xstate.
export { defineStageModel } from "./define.js";
export {
  bostonModel,
  builtInStageModel,
  builtInStageModels,
  relationalModel,
  toselandRivas,
  tuckman,
} from "./models/index.js";
export {
  type AdjournEvent,
  type AdjournOutcome,
  type AdvanceEvent,
  type AgreementAdoptedEvent,
  CLOSED,
  type CloseEvent,
  type MemberJoinedEvent,
  type MemberLeftEvent,
  type RegressEvent,
  type SessionHeldEvent,
  STAGE_EVENT_TYPES,
  type StageAgreementStatus,
  type StageContext,
  type StageDefinition,
  type StageEvent,
  type StageEventBase,
  type StageEventType,
  type StageHistoryEntry,
  type StageIdOf,
  type StageInput,
  type StageMachineOptions,
  type StageModel,
  type StageReadiness,
  type StageSuggestion,
  type StageSuggestionCode,
  type StageValue,
} from "./types.js";
