// FHIR R4: a group record as a Bundle, and a Bundle (written by the library or by another system) as a group record.
export * from "./crosswalk.js";
export * from "./export.js";
export * from "./import.js";
export { groupworkFhirUrls } from "./urls.js";
