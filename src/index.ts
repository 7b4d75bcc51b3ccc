// Curated re-exports of the browser-safe rooms; no logic lives here.
export * from "./model/index.js";
