// The group's development: stage models as data, the XState machine built from them, guidance, persistence and
// suggestions. The only room that imports xstate.
export { type AvailableStageEvent, availableStageEvents } from "./available-events.js";
export type {
  StageAgreementStatus,
  StageContext,
  StageHistoryEntry,
  StageInput,
  StageMachineOptions,
  StageSuggestion,
  StageSuggestionCode,
} from "./context.js";
export { defineStageModel } from "./define.js";
export { stageDiagram } from "./diagram.js";
export {
  type AdjournEvent,
  type AdjournOutcome,
  type AdvanceEvent,
  type AgreementAdoptedEvent,
  type CloseEvent,
  type MemberJoinedEvent,
  type MemberLeftEvent,
  type RegressEvent,
  type SessionHeldEvent,
  STAGE_EVENT_TYPES,
  type StageEvent,
  type StageEventBase,
  type StageEventType,
} from "./events.js";
export type { StageBlockCode, StageBlockReason } from "./guards.js";
export { type StageGuidance, type StageGuidanceNext, stageGuidance } from "./guidance.js";
export { createStageMachine, groupStageMachine, type StageMachine } from "./machine.js";
export {
  bostonModel,
  builtInStageModel,
  builtInStageModels,
  relationalModel,
  toselandRivas,
  tuckman,
} from "./models/index.js";
export {
  persistStageSnapshot,
  restoreStageSnapshot,
  STAGE_SNAPSHOT_FORMAT,
  STAGE_SNAPSHOT_VERSION,
  type StageRestoreResult,
} from "./persist.js";
export type { StageRestoreIssue, StageRestoreIssueCode } from "./restore-issues.js";
export {
  applyStageEvent,
  replayStageEvents,
  type StageReplay,
  type StageStep,
  startStages,
} from "./server.js";
export type { StageSnapshot } from "./snapshot.js";
export {
  type ClimateReading,
  type StageAdvice,
  type StageEvidence,
  type StageSignal,
  type StageSignalCode,
  suggestStage,
} from "./suggest.js";
export { type TimeInStage, type TimeInStageOptions, timeInStage } from "./time-in-stage.js";
export {
  CLOSED,
  type StageDefinition,
  type StageIdOf,
  type StageModel,
  type StageReadiness,
  type StageValue,
} from "./types.js";
