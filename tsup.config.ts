import { defineConfig } from "tsup";

// One public entry per room; declarations are bundled per entry so each type is declared once.
const entry = {
  index: "src/index.ts",
  "model/index": "src/model/index.ts",
  "sample/index": "src/sample/index.ts",
  "stages/index": "src/stages/index.ts",
  "metrics/index": "src/metrics/index.ts",
  "measures/index": "src/measures/index.ts",
  "confidentiality/index": "src/confidentiality/index.ts",
};

export default defineConfig([
  // ESM is shipped file by file, as written: with "sideEffects": false a bundler keeps only the modules a program
  // imports, so importing a vocabulary or isActiveMember does not pull in the schemas or zod.
  {
    entry: ["src/**/*.ts"],
    format: ["esm"],
    bundle: false,
    dts: { entry },
    sourcemap: true,
    clean: true,
    target: "es2022",
  },
  // CommonJS is bundled per entry, with what the entries share split into a common chunk, so `groupwork` and
  // `groupwork/model` hand out the same objects. No source maps: the ESM files carry them.
  {
    entry,
    format: ["cjs"],
    splitting: true,
    dts: { entry },
    sourcemap: false,
    target: "es2022",
    external: ["zod", "xstate"],
  },
]);
