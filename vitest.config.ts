import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { timeZoneTestFiles } from "./test/setup/time-zone-files.js";

const alias = {
  groupwork: fileURLToPath(new URL("./src/index.ts", import.meta.url)),
};

/** The zones of `npm run test:tz`: a DST zone west of UTC, and one at +12:45/+13:45 whose DST ends on a Sunday. */
const otherZones = ["America/New_York", "Pacific/Chatham"];

const missing = timeZoneTestFiles.filter((file) => !existsSync(new URL(`./${file}`, import.meta.url)));
if (missing.length > 0) {
  throw new Error(`test/setup/time-zone-files.ts lists test files that do not exist: ${missing.join(", ")}`);
}

// Four projects run in UTC: example-based unit tests, fast-check property tests, the seeded fuzz suite over every
// public function that reads outside data (test/fuzz; `npm run fuzz` runs it long with a random seed), and
// compile-time type tests. Two more run the test files whose outcome can depend on the local time zone
// (test/setup/time-zone-files.ts, checked by test/setup/time-zone-reads.ts in the UTC run) under each other zone.
//
// Speed: the tests share no state through globals or module mocks, so one worker process runs many test files
// (isolate: false) and the library, zod, xstate and fast-check are imported once per worker instead of once per file;
// and every core runs tests (vitest's default leaves one idle, which is half of a two-core CI machine).
export default defineConfig({
  resolve: {
    alias: [
      {
        find: /^groupwork\/(model|sample|stages|metrics|measures|confidentiality|fhir|csv|testing)$/,
        replacement: fileURLToPath(new URL("./src/$1/index.ts", import.meta.url)),
      },
      { find: /^groupwork$/, replacement: alias.groupwork },
    ],
  },
  test: {
    // Child processes, not threads: each worker's TZ must be its own process's zone.
    pool: "forks",
    isolate: false,
    maxWorkers: availableParallelism(),
    env: { TZ: "UTC" },
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
          // examples/agency-workflow.test.ts is a user's own suite built on groupwork/testing.
          include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
          exclude: ["test/**/*.property.test.ts", "test/fuzz/**", "test/installed/**", "test/browser/**"],
          setupFiles: ["test/setup/time-zone-reads.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "property",
          include: ["test/**/*.property.test.ts"],
          exclude: ["test/fuzz/**", "test/installed/**"],
          setupFiles: ["test/setup/time-zone-reads.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "fuzz",
          include: ["test/fuzz/**/*.fuzz.test.ts"],
          setupFiles: ["test/setup/time-zone-reads.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "types",
          include: [],
          typecheck: { enabled: true, only: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
        },
      },
      {
        // The package as npm installs it: the packed tarball in a scratch project, and the built `groupwork` command
        // run as a process. Run after the build (`npm run test:installed`), not by test:unit.
        extends: true,
        test: {
          name: "installed",
          include: ["test/installed/**/*.test.ts"],
          // Packs and installs the tarball once per run, for every test file of the project.
          globalSetup: ["test/installed/_pack.ts"],
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      },
      {
        // The stage board (examples/stage-board) built by Vite and driven in headless Chromium. Run after the
        // build (`npm run test:browser`), not by test:unit.
        extends: true,
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          // Builds the page and serves it once per run.
          globalSetup: ["test/browser/_serve.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      ...otherZones.map((zone) => ({
        extends: true as const,
        test: {
          name: `tz:${zone}`,
          include: [...timeZoneTestFiles],
          env: { TZ: zone },
          setupFiles: ["test/setup/time-zone-reads.ts"],
        },
      })),
    ],
  },
});
