// The bundled sample group, for demos, docs and tests.
export { type DeepReadonly, type SampleGroupRecord, sampleGroupRecord } from "./grief-group.js";
