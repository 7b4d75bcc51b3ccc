// Curated re-exports of the browser-safe rooms; no logic lives here.
export * from "./confidentiality/index.js";
export * from "./measures/index.js";
export * from "./metrics/index.js";
export * from "./model/index.js";
export * from "./stages/index.js";
