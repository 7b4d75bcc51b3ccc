// The bundled sample group, for demos, docs and tests.
export { sampleGroupRecord } from "./grief-group.js";
