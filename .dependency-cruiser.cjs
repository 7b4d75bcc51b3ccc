// Who may import whom in src/, checked by `npm run depcruise`.
//
// model is the base: it alone loads zod. stages, metrics, measures and confidentiality stand on model (and _lib) and
// not on each other; only stages loads xstate. _lib imports no room. A room other than model loads, at runtime, only
// the model's zod-free modules (src/model/vocabulary/**), so a program that imports one metric does not load zod in
// plain Node; it may import the model's types from src/model/index.ts with `import type`. The two rooms on top,
// src/fhir and src/csv, turn outside data into records and so load the model's parser (and zod) at runtime; above
// everything sit src/testing (the kit for users' tests, the only room that loads fast-check) and src/cli (the
// `groupwork` command, the only room that runs in Node alone and may touch files and the process).
//
// Runtime imports are told apart from type imports by compiling each file as the build does
// (tsPreCompilationDeps: "specify"): an import that the compiled JavaScript no longer holds is "pre-compilation-only".
// The "type-only" label is not enough: under verbatimModuleSyntax `import { type A } from "x"` compiles to
// `import {} from "x"`, which still loads x (and, from src/model/index.ts, zod); only `import type` disappears.

/** Rooms that stand on model and beside each other. */
const sideRooms = "stages|metrics|measures|confidentiality";
const runtime = { dependencyTypesNot: ["pre-compilation-only"] };

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import cycle (runtime or type-only) makes load order matter and rooms impossible to read alone.",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "zod-only-in-model",
      severity: "error",
      comment: "Only src/model loads zod at runtime; other rooms import model types with `import type`.",
      from: { path: "^src/", pathNot: "^src/model/" },
      to: { path: "(^|/)node_modules/zod/", ...runtime },
    },
    {
      name: "model-vocabulary-zod-free",
      severity: "error",
      comment: "src/model/vocabulary is what other rooms load at runtime, so it must not load zod.",
      from: { path: "^src/model/vocabulary/" },
      to: { path: "(^|/)node_modules/zod/", ...runtime },
    },
    {
      name: "xstate-only-in-stages",
      severity: "error",
      comment: "Only src/stages imports xstate (types included, so no other room's declarations need it).",
      from: { path: "^src/", pathNot: "^src/stages/" },
      to: { path: "(^|/)node_modules/xstate/" },
    },
    {
      name: "lib-imports-no-room",
      severity: "error",
      comment: "src/_lib holds private helpers shared by rooms; it imports no room.",
      from: { path: "^src/_lib/" },
      to: { path: "^src/", pathNot: "^src/_lib/" },
    },
    {
      name: "model-imports-no-room",
      severity: "error",
      comment: "model is the base: it imports only itself and src/_lib.",
      from: { path: "^src/model/" },
      to: { path: "^src/", pathNot: "^src/(model|_lib)/" },
    },
    {
      name: "rooms-do-not-import-each-other",
      severity: "error",
      comment:
        "stages, metrics, measures and confidentiality stand on model and src/_lib, not on each other. " +
        "One exception, type-only: measures reports its figures in metrics' Measured shape ({ value: null, reason }).",
      from: { path: "^src/(stages|metrics|confidentiality)/" },
      to: { path: `^src/(${sideRooms}|sample)/`, pathNot: "^src/$1/" },
    },
    {
      name: "measures-imports-no-side-room-but-metrics-types",
      severity: "error",
      comment: "measures stands on model and src/_lib; of the other side rooms it may only use metrics' types.",
      from: { path: "^src/measures/" },
      to: { path: "^src/(stages|confidentiality|sample)/" },
    },
    {
      name: "measures-uses-only-metrics-types",
      severity: "error",
      comment: "measures may import metrics' public types (Measured), never its code or its internals.",
      from: { path: "^src/measures/" },
      to: { path: "^src/metrics/", pathNot: "^src/metrics/index\\.ts$" },
    },
    {
      name: "measures-imports-metrics-types-only",
      severity: "error",
      comment: "measures may import metrics' public types (Measured), never its code.",
      from: { path: "^src/measures/" },
      to: { path: "^src/metrics/", ...runtime },
    },
    {
      name: "rooms-load-only-zod-free-model",
      severity: "error",
      comment:
        "At runtime a room other than model imports only src/model/vocabulary/** (never src/model/index.ts, which " +
        "loads zod). Import model types with `import type`.",
      from: { path: "^src/", pathNot: ["^src/model/", "^src/(fhir|csv|testing|cli)/", "^src/index\\.ts$"] },
      to: { path: "^src/model/", pathNot: "^src/model/vocabulary/", ...runtime },
    },
    {
      name: "model-types-through-its-face",
      severity: "error",
      comment:
        "Other rooms import model types from src/model/index.ts (its public face) or src/model/vocabulary/**, " +
        "never from the model's internals.",
      from: { path: "^src/", pathNot: ["^src/model/", "^src/index\\.ts$"] },
      to: { path: "^src/model/", pathNot: ["^src/model/index\\.ts$", "^src/model/vocabulary/"] },
    },
    {
      name: "fhir-and-csv-on-top",
      severity: "error",
      comment:
        "src/fhir (the FHIR R4 mapping) and src/csv (spreadsheet import) stand on the other rooms and load the model " +
        "with its schemas; no other room imports them, and they do not import each other.",
      from: { path: "^src/", pathNot: "^src/(fhir|csv|cli)/" },
      to: { path: "^src/(fhir|csv)/" },
    },
    {
      name: "fhir-and-csv-apart",
      severity: "error",
      comment: "The FHIR mapping and the spreadsheet import are separate doors; each stands on the rooms below.",
      from: { path: "^src/(fhir|csv)/" },
      to: { path: "^src/(fhir|csv)/", pathNot: "^src/$1/" },
    },
    {
      name: "sample-on-top",
      severity: "error",
      comment: "src/sample is data for demos and tests; no room imports it but the command, which reports on it.",
      from: { path: "^src/", pathNot: "^src/(sample|cli)/" },
      to: { path: "^src/sample/" },
    },
    {
      name: "testing-on-top",
      severity: "error",
      comment: "src/testing (the kit for users' tests) stands on every room; only the command may import it.",
      from: { path: "^src/", pathNot: "^src/(testing|cli)/" },
      to: { path: "^src/testing/" },
    },
    {
      name: "cli-on-top",
      severity: "error",
      comment: "src/cli (the `groupwork` command, Node only) stands on every room; nothing imports it.",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { path: "^src/cli/" },
    },
    {
      name: "fast-check-only-in-testing",
      severity: "error",
      comment: "fast-check is an optional peer that only groupwork/testing loads.",
      from: { path: "^src/", pathNot: "^src/testing/" },
      to: { path: "(^|/)node_modules/fast-check/", ...runtime },
    },
    {
      name: "root-index-reexports-room-faces",
      severity: "error",
      comment: "src/index.ts only re-exports each room's index.ts.",
      from: { path: "^src/index\\.ts$" },
      to: { path: "^src/", pathNot: "^src/[^/]+/index\\.ts$" },
    },
    {
      name: "no-node-builtins",
      severity: "error",
      comment:
        "The rooms in src/ are browser-safe: no node: modules, no file system, no process. The command alone runs in Node.",
      from: { path: "^src/", pathNot: "^src/cli/" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "Every import resolves to a file or a package.",
      from: {},
      to: { couldNotResolve: true },
    },
    {
      name: "not-to-undeclared-package",
      severity: "error",
      comment: "src/ imports only packages declared in package.json.",
      from: { path: "^src/" },
      // fast-check, a declared peer, ships a nameless lib/cjs/package.json that reads as npm-no-pkg.
      to: { dependencyTypes: ["npm-no-pkg", "npm-unknown"], dependencyTypesNot: ["npm-peer"] },
    },
    {
      name: "not-to-dev-only-package",
      severity: "error",
      comment: "src/ does not load a package that a user's install lacks (a devDependency that is not a peer).",
      from: { path: "^src/" },
      to: { dependencyTypes: ["npm-dev"], dependencyTypesNot: ["npm-peer", "pre-compilation-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: "specify",
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
    },
    skipAnalysisNotInRules: true,
  },
};
