// groupwork/testing: a kit for users' own tests of their agency's workflows. buildGroupRecord() writes a scenario as
// a valid group record; the arbitraries (fast-check, an optional peer) generate valid model values, whole records,
// stage-event sequences and disclosure requests for property tests.
export * from "./arbitraries.js";
export * from "./builder.js";
