import { defineConfig } from "tsup";

// One entry per room, so `groupwork/model` can be imported without the rest.
export default defineConfig({
  entry: {
    index: "src/index.ts",
    "model/index": "src/model/index.ts",
    "sample/index": "src/sample/index.ts",
  },
  format: ["esm", "cjs"],
  dts: true,
  splitting: true,
  sourcemap: true,
  clean: true,
  treeshake: true,
  target: "es2022",
  external: ["zod", "xstate"],
});
