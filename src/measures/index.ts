// Scoring of published instruments: the Group Climate Questionnaire (short form) and Goal Attainment Scaling.

// The shape of a score that may be undefined ({ value: null, reason }), so a result's type can be named from here.
export type { Measured } from "../metrics/index.js";
export {
  type GoalAttainmentGoal,
  type GoalAttainmentLevel,
  type GoalAttainmentOptions,
  type GoalAttainmentScore,
  scoreGoalAttainment,
} from "./gas.js";
export {
  type GcqSAnswer,
  type GcqSScore,
  type GcqSSubscale,
  type GcqSUndefinedReason,
  gcqSItems,
  scoreGcqS,
} from "./gcq-s.js";
