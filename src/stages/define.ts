import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { StageModel } from "./types.js";

const STAGE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Checks a stage model and returns it unchanged, with its stage ids kept as a union of string literals.
 *
 * Use it for an agency's own model; the built-in models are already checked. The `const` type parameter keeps
 * `"forming" | "storming"` rather than `string`, so the machine's state values are typed as the model's stage ids.
 *
 * @param model - the stages in their usual order, the final stage last, with their guidance and readiness rules
 * @throws {GroupworkError} `invalid-argument` when the model has fewer than two stages, a stage id is repeated, is
 *   not lower-case words joined by hyphens or is `closed`, `finalStage` is not the last stage, `reformingStage` is
 *   not one of its working stages, or a readiness `minSessions` is not a whole number of 0 or more
 * @returns the same model
 * @example
 * const model = defineStageModel({
 *   id: "two-step",
 *   name: "Two steps",
 *   citation: ["Our agency's practice guide (2026)."],
 *   stages: [
 *     { id: "working", label: "Working", summary: "", markers: [], workerTasks: [], techniques: [], watchFor: [], readiness: {} },
 *     { id: "ending", label: "Ending", summary: "", markers: [], workerTasks: [], techniques: [], watchFor: [], readiness: {} },
 *   ],
 *   finalStage: "ending",
 * });
 * model.stages.map((stage) => stage.id)
 * //=> ["working", "ending"]
 */
export function defineStageModel<const Id extends string>(model: StageModel<Id>): StageModel<Id> {
  const where = `stage model ${describeValue(model.id)}`;
  if (model.stages.length < 2) {
    throw new GroupworkError(
      "invalid-argument",
      `The ${where} needs at least two stages: a working one and a final one.`,
    );
  }
  const seen = new Set<string>();
  for (const stage of model.stages) {
    if (!STAGE_ID.test(stage.id) || stage.id === "closed") {
      throw new GroupworkError(
        "invalid-argument",
        `The ${where} has stage id ${describeValue(stage.id)}; use lower-case words joined by hyphens, other than "closed".`,
      );
    }
    if (seen.has(stage.id)) {
      throw new GroupworkError("invalid-argument", `The ${where} lists stage ${describeValue(stage.id)} twice.`);
    }
    seen.add(stage.id);
    const min = stage.readiness.minSessions;
    if (min !== undefined && !(Number.isInteger(min) && min >= 0)) {
      throw new GroupworkError(
        "invalid-argument",
        `The ${where} asks for ${describeValue(min)} sessions in ${describeValue(stage.id)}; use a whole number of 0 or more.`,
      );
    }
  }
  const reforming = model.reformingStage;
  if (reforming !== undefined && (!seen.has(reforming) || reforming === model.finalStage)) {
    throw new GroupworkError(
      "invalid-argument",
      `The ${where} names ${describeValue(reforming)} as the stage an open group forms again in; use one of its working stages.`,
    );
  }
  if (model.stages.at(-1)?.id !== model.finalStage) {
    throw new GroupworkError(
      "invalid-argument",
      `The ${where} names ${describeValue(model.finalStage)} as its final stage, but its last stage is ${describeValue(model.stages.at(-1)?.id)}.`,
    );
  }
  return model;
}
