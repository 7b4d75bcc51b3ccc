// The stage models the library ships, each in its own module, and the lookup by id in another: a program that imports
// one model loads only that one.

export { bostonModel } from "./boston.js";
export { stageModels } from "./by-id.js";
export { relationalModel } from "./relational.js";
export { toselandRivasModel } from "./toseland-rivas.js";
export { tuckmanModel } from "./tuckman.js";
