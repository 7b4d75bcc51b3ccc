import { describeValue, GroupworkError } from "../_lib/errors.js";
import { closedStage, type StageModel } from "./types.js";

const STAGE_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/**
 * Checks a stage model and returns it unchanged, with its stage ids kept as a union of string literals.
 *
 * Use it for an agency's own model; the built-in models are already checked. The `const` type parameter keeps
 * `"forming" | "storming"` rather than `string`, so the machine's state values are typed as the model's stage ids.
 *
 * @param model - the stages in their usual order, the final stage last, with their guidance and readiness rules
 * @throws {GroupworkError} `invalid-argument` when the model is not a stage model object (its id, say), has fewer
 *   than two stages, a stage id is repeated, is not lower-case words joined by hyphens or is `closed`, a label, summary
 *   or guidance list is not text, `finalStage` is not the last stage, `reformingStage` is not one of its working
 *   stages, or a readiness `minSessions` is not a whole number of 0 or more
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
  checkStageModel(model, "defineStageModel");
  return model;
}

const STAGE_TEXT_LISTS = ["markers", "workerTasks", "techniques", "watchFor"] as const;

/**
 * Throws `invalid-argument`, from `caller` and naming `model` or the field at fault, unless `model` is a well-formed
 * stage model (see {@link defineStageModel}). Internal: every function that takes a model asks this first.
 */
export function checkStageModel(model: unknown, caller: string, argument = "the model"): asserts model is StageModel {
  const fail = (message: string): never => {
    throw new GroupworkError("invalid-argument", `${caller}: ${message}`);
  };
  if (typeof model === "string") {
    // The obvious first mistake: a group record names its model by id (group.stageModel).
    fail(
      `${argument} must be a stage model; got ${describeValue(model)}, which is a model's id. Pass the model itself (such as tuckmanModel), or look a built-in one up with stageModels[id].`,
    );
  }
  if (typeof model !== "object" || model === null || Array.isArray(model)) {
    fail(`${argument} must be a stage model; got ${describeValue(model)}.`);
  }
  const { id, name, citation, stages, finalStage, reformingStage } = model as Record<string, unknown>;
  if (typeof id !== "string" || id.trim() === "") fail(`model.id must be non-empty text; got ${describeValue(id)}.`);
  const where = `stage model ${describeValue(id)}`;
  if (typeof name !== "string") fail(`model.name of the ${where} must be text; got ${describeValue(name)}.`);
  checkTextList(citation, "model.citation", fail);
  if (!Array.isArray(stages)) fail(`model.stages of the ${where} must be a list; got ${describeValue(stages)}.`);
  const list = stages as unknown[];
  if (list.length < 2) fail(`the ${where} needs at least two stages: a working one and a final one.`);
  const seen = new Set<string>();
  for (let index = 0; index < list.length; index++) {
    const stage = list[index];
    const at = `model.stages[${index}]`;
    if (typeof stage !== "object" || stage === null || Array.isArray(stage)) {
      fail(`${at} of the ${where} must be a stage object; got ${describeValue(stage)}.`);
    }
    const fields = stage as Record<string, unknown>;
    const stageId = fields["id"];
    if (typeof stageId !== "string" || !STAGE_ID.test(stageId) || stageId === closedStage) {
      fail(
        `the ${where} has stage id ${describeValue(stageId)}; use lower-case words joined by hyphens, other than "closed".`,
      );
    }
    const ok = stageId as string;
    if (seen.has(ok)) fail(`the ${where} lists stage ${describeValue(ok)} twice.`);
    seen.add(ok);
    for (const field of ["label", "summary"] as const) {
      if (typeof fields[field] !== "string") {
        fail(`${at}.${field} of the ${where} must be text; got ${describeValue(fields[field])}.`);
      }
    }
    for (const field of STAGE_TEXT_LISTS) checkTextList(fields[field], `${at}.${field}`, fail);
    const readiness = fields["readiness"];
    if (typeof readiness !== "object" || readiness === null || Array.isArray(readiness)) {
      fail(
        `${at}.readiness of the ${where} must be an object such as { minSessions: 1 }; got ${describeValue(readiness)}.`,
      );
    }
    const { minSessions: min, requiresAgreement } = readiness as Record<string, unknown>;
    if (min !== undefined && !(Number.isSafeInteger(min) && (min as number) >= 0)) {
      fail(
        `the ${where} asks for ${describeValue(min)} sessions in ${describeValue(ok)}; use a whole number of 0 or more.`,
      );
    }
    if (requiresAgreement !== undefined && typeof requiresAgreement !== "boolean") {
      fail(
        `${at}.readiness.requiresAgreement of the ${where} must be true, false or left out; got ${describeValue(requiresAgreement)}.`,
      );
    }
  }
  if (
    reformingStage !== undefined &&
    (typeof reformingStage !== "string" || !seen.has(reformingStage) || reformingStage === finalStage)
  ) {
    fail(
      `the ${where} names ${describeValue(reformingStage)} as the stage an open group forms again in; use one of its working stages.`,
    );
  }
  const last = (list.at(-1) as { id: string }).id;
  if (finalStage !== last) {
    fail(
      `the ${where} names ${describeValue(finalStage)} as its final stage, but its last stage is ${describeValue(last)}.`,
    );
  }
}

/** Fails unless `value` is a list of texts. */
function checkTextList(value: unknown, name: string, fail: (message: string) => never): void {
  if (!Array.isArray(value)) fail(`${name} must be a list of texts; got ${describeValue(value)}.`);
  const list = value as unknown[];
  for (let index = 0; index < list.length; index++) {
    if (typeof list[index] !== "string") fail(`${name}[${index}] must be text; got ${describeValue(list[index])}.`);
  }
}
