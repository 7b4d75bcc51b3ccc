// The group's development: stage models as data, the XState machine built from them, guidance, persistence and
// suggestions. The only room that imports xstate.

export type { AdjournOutcome, StageEventType } from "../model/index.js";
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
export type { StageEvent } from "./events.js";
export type { StageBlockCode, StageBlockReason } from "./guards.js";
export { type StageGuidance, type StageGuidanceNext, stageGuidance } from "./guidance.js";
export { createStageMachine, type StageMachine, tuckmanStageMachine } from "./machine.js";
export { bostonModel, relationalModel, stageModels, toselandRivasModel, tuckmanModel } from "./models/index.js";
export { persistStageSnapshot, restoreStageSnapshot, type StageRestoreResult } from "./persist.js";
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
  closedStage,
  type StageDefinition,
  type StageIdOf,
  type StageModel,
  type StageReadiness,
  type StageValue,
} from "./types.js";
