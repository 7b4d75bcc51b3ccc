import { describeValue, GroupworkError } from "../_lib/errors.js";
import { checkStageModel } from "./define.js";
import { destinations, modelRules } from "./rules.js";
import type { StageModel } from "./types.js";

/**
 * Where a group goes from a stage, and by which event: `ADVANCE` to the next working stage, or `ADJOURN` from the
 * last working stage to the final one. Part of {@link StageGuidance}.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * stageGuidance(tuckmanModel, "performing").next
 * //=> ({ stage: "adjourning", label: "Adjourning", event: "ADJOURN" })
 */
export interface StageGuidanceNext<Id extends string = string> {
  /** Id of the stage the group usually moves to next. */
  readonly stage: Id;
  /** Its name as a person reads it. */
  readonly label: string;
  /** The event that moves the group there. */
  readonly event: "ADVANCE" | "ADJOURN";
}

/**
 * What a worker reads about the stage a group is in: what it looks like, what to do, which techniques help, what to
 * watch for, where the group usually goes next, and the sources. The result of {@link stageGuidance}.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const guidance = stageGuidance(tuckmanModel, "storming");
 * [guidance.position, guidance.stageCount, guidance.isFinal]
 * //=> [2, 5, false]
 */
export interface StageGuidance<Id extends string = string> {
  /** Id of the stage model, such as `tuckman`. */
  readonly modelId: string;
  /** Name of the stage model. */
  readonly modelName: string;
  /** Id of the stage. */
  readonly stage: Id;
  /** Name of the stage as a person reads it. */
  readonly label: string;
  /** Place of the stage in the model's usual order, from 1. */
  readonly position: number;
  /** How many stages the model has, the final one included. */
  readonly stageCount: number;
  /** Whether this is the model's final stage (adjourning, separation, ending). */
  readonly isFinal: boolean;
  /** What the stage is, in one or two sentences. */
  readonly summary: string;
  /** What a worker sees in a group in this stage. */
  readonly markers: readonly string[];
  /** What the worker does in this stage. */
  readonly workerTasks: readonly string[];
  /** Techniques that help in this stage. */
  readonly techniques: readonly string[];
  /** Risks to watch for in this stage. */
  readonly watchFor: readonly string[];
  /** Where the group usually goes next; `null` in the final stage, which is left by `CLOSE`. */
  readonly next: StageGuidanceNext<Id> | null;
  /** The stages before this one, oldest first: those the worker may move the group back to with `REGRESS`. */
  readonly earlierStages: readonly Id[];
  /** The published sources of the model and its guidance. */
  readonly citation: readonly string[];
}

/**
 * The guidance for one stage of a stage model, for a screen that shows the worker where the group stands.
 *
 * Stages are a model, not a law: the worker decides where the group is, and groups go back as well as forward. The
 * guidance is a map for that judgment.
 *
 * @param model - the stage model the group follows, such as `tuckmanModel`, `bostonModel` or an agency's own
 * @param stage - the id of the stage the group is in, such as `"storming"`
 * @throws {GroupworkError} `invalid-argument` when the model is malformed (see `defineStageModel`) or `stage` is not
 *   one of its stages (`closed` is not a stage: a closed group has no guidance)
 * @returns the stage's guidance, with its place in the model and where the group usually goes next
 * @example
 * stageGuidance(tuckmanModel, "storming").workerTasks[0]
 * //=> "Normalise conflict: name it as an expected part of a group's growth"
 */
export function stageGuidance<const Id extends string>(model: StageModel<Id>, stage: NoInfer<Id>): StageGuidance<Id> {
  checkStageModel(model, "stageGuidance");
  const index = model.stages.findIndex((entry) => entry.id === stage);
  const definition = model.stages[index];
  if (definition === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `stageGuidance: ${describeValue(stage)} is not a stage of the model ${describeValue(model.id)}; its stages are ${model.stages.map((entry) => entry.id).join(", ")}.`,
    );
  }
  const rules = modelRules(model, "stageGuidance");
  // Where the group usually goes next is a move of rules.ts: ADVANCE to the next working stage, or from the last
  // working stage ADJOURN to the final one; the final stage is left only by CLOSE, which ends the record.
  const advance = destinations(rules, definition.id, "ADVANCE")[0];
  const adjourn = destinations(rules, definition.id, "ADJOURN")[0];
  const nextStage = advance ?? adjourn;
  const following = model.stages.find((entry) => entry.id === nextStage);
  return {
    modelId: model.id,
    modelName: model.name,
    stage: definition.id,
    label: definition.label,
    position: index + 1,
    stageCount: model.stages.length,
    isFinal: definition.id === rules.final,
    summary: definition.summary,
    markers: [...definition.markers],
    workerTasks: [...definition.workerTasks],
    techniques: [...definition.techniques],
    watchFor: [...definition.watchFor],
    next:
      following === undefined
        ? null
        : { stage: following.id, label: following.label, event: advance === undefined ? "ADJOURN" : "ADVANCE" },
    earlierStages: [...destinations(rules, definition.id, "REGRESS")] as Id[],
    citation: [...model.citation],
  };
}
