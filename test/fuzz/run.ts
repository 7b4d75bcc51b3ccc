// `npm run fuzz`: the fuzz suite long, with a fresh seed each time. 100,000 cases per entry point, any single input
// slower than a second is a failure, and the seed is printed first so a failure can be replayed:
//   GROUPWORK_FUZZ_SEED=<seed> npm run fuzz
// (GROUPWORK_FUZZ_RUNS overrides the number of cases.)
import { spawnSync } from "node:child_process";
import { randomInt } from "node:crypto";
import { fileURLToPath } from "node:url";

const seed = process.env["GROUPWORK_FUZZ_SEED"] || String(randomInt(-(2 ** 31), 2 ** 31 - 1));
const runs = process.env["GROUPWORK_FUZZ_RUNS"] || "100000";
console.log(`fuzz: seed ${seed}, ${runs} cases per entry point (replay with GROUPWORK_FUZZ_SEED=${seed} npm run fuzz)`);

const vitest = fileURLToPath(new URL("../../node_modules/vitest/vitest.mjs", import.meta.url));
const result = spawnSync(process.execPath, [vitest, "run", "--project", "fuzz", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: {
    ...process.env,
    TZ: process.env["TZ"] || "UTC",
    GROUPWORK_FUZZ_SEED: seed,
    GROUPWORK_FUZZ_RUNS: runs,
    GROUPWORK_FUZZ_TIMING: "1",
  },
});
console.log(`fuzz: seed ${seed}`);
process.exit(result.status ?? 1);
