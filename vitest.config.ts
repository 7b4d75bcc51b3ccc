import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const alias = {
  groupwork: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
};

// Four projects: example-based unit tests, fast-check property tests, the seeded fuzz suite over every public
// function that reads outside data (test/fuzz; `npm run fuzz` runs it long with a random seed), and compile-time type
// tests.
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^groupwork\/(model|sample|stages|metrics|measures|confidentiality)$/,
        replacement: fileURLToPath(new URL("./src/$1/index.ts", import.meta.url)),
      },
      { find: /^groupwork$/, replacement: alias.groupwork },
    ],
  },
  test: {
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      exclude: ["src/**/index.ts"],
      thresholds: { lines: 95, branches: 90 },
      reporter: ["text-summary", "text"],
    },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/**/*.property.test.ts", "test/fuzz/**"],
        },
      },
      {
        extends: true,
        test: { name: "property", include: ["test/**/*.property.test.ts"], exclude: ["test/fuzz/**"] },
      },
      {
        extends: true,
        test: { name: "fuzz", include: ["test/fuzz/**/*.fuzz.test.ts"] },
      },
      {
        extends: true,
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
    ],
  },
});
