import type { StageModel } from "../types.js";
import { bostonModel } from "./boston.js";
import { relationalModel } from "./relational.js";
import { toselandRivas } from "./toseland-rivas.js";
import { tuckman } from "./tuckman.js";

export { bostonModel, relationalModel, toselandRivas, tuckman };

/**
 * The stage models the library ships, default first: Tuckman, the Boston model, Schiller's relational model and
 * Toseland & Rivas.
 *
 * @example
 * builtInStageModels.map((model) => model.id)
 * //=> ["tuckman", "boston", "relational", "toseland-rivas"]
 */
export const builtInStageModels: readonly StageModel[] = [tuckman, bostonModel, relationalModel, toselandRivas];

/**
 * The built-in stage model a group record names in `group.stageModel`.
 *
 * @param id - the model's id: `tuckman`, `boston`, `relational` or `toseland-rivas`
 * @returns the model, or `null` when the library ships no model with that id (an agency's own model, or a typo)
 * @example
 * builtInStageModel("boston")?.finalStage
 * //=> "separation"
 */
export function builtInStageModel(id: string): StageModel | null {
  return builtInStageModels.find((model) => model.id === id) ?? null;
}
