// Scoring of published instruments: the Group Climate Questionnaire (short form) and Goal Attainment Scaling.
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
