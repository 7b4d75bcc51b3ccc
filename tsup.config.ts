import { defineConfig } from "tsup";

// One public entry per room; declarations are bundled per entry so each type is declared once.
const entry = {
  index: "src/index.ts",
  "model/index": "src/model/index.ts",
  "sample/index": "src/sample/index.ts",
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
  // CommonJS consumers do not tree-shake, so one bundle per entry serves them best.
  {
    entry,
    format: ["cjs"],
    dts: { entry },
    sourcemap: true,
    target: "es2022",
    external: ["zod", "xstate"],
  },
]);
