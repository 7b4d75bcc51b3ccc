import type { StageModelId } from "../../model/index.js";
import type { StageModel } from "../types.js";
import { bostonModel } from "./boston.js";
import { relationalModel } from "./relational.js";
import { toselandRivasModel } from "./toseland-rivas.js";
import { tuckmanModel } from "./tuckman.js";

// The lookup holds every built-in model, so it has a module of its own: a program that imports one model (a server
// applying events with tuckmanModel) loads only that one, as the package is free of side effects.

// Keyed by the ids of the model's vocabulary (`stageModelIds`): a missing, extra or misspelt key is a type error.
const byId = {
  tuckman: tuckmanModel,
  boston: bostonModel,
  relational: relationalModel,
  "toseland-rivas": toselandRivasModel,
} satisfies { readonly [Id in StageModelId]: StageModel };

/**
 * The stage models the library ships, by the id a group record names in `group.stageModel`, default first: Tuckman,
 * the Boston model, Schiller's relational model and Toseland & Rivas.
 *
 * A known id gives its model with its stage ids typed (`stageModels.tuckman`, `stageModels["toseland-rivas"]`). Any
 * other id (an agency's own model, or a typo) gives `undefined`, so look a record's model up and handle that case:
 * `const model = stageModels[group.stageModel]; if (model === undefined) …` (use your own model, or report the id).
 * The object has no prototype, so an id such as `"constructor"` is unknown too.
 *
 * @example
 * [stageModels.boston.finalStage, stageModels["toseland-rivas"] === toselandRivasModel, stageModels["our-agency"]]
 * //=> ["separation", true, undefined]
 * @example
 * Object.keys(stageModels)
 * //=> ["tuckman", "boston", "relational", "toseland-rivas"]
 */
export const stageModels: {
  readonly tuckman: typeof tuckmanModel;
  readonly boston: typeof bostonModel;
  readonly relational: typeof relationalModel;
  readonly "toseland-rivas": typeof toselandRivasModel;
  readonly [id: string]: StageModel | undefined;
} = /* @__PURE__ */ Object.freeze(Object.assign(Object.create(null), byId));
