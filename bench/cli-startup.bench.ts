// The `groupwork` command's start-up beside `node -e 0` (Node's own start-up, the floor any command pays), each run as
// a new process, the sides taking turns in every round; the ratio is the median of the rounds' own ratios, because
// absolute times on a shared machine mean little. `--version` and `--help` load only the dispatcher (each command's
// code is imported when it runs), so they should cost little more than Node itself; `report` on the bundled sample
// loads the model (zod), the stage machine (xstate) and the metrics, and parses and reports on the sample.
// Goals: `--version` at most 1.5× `node -e 0`; `report` at most 6× (about the cost of loading zod and xstate).
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { median, roundRatio } from "./_timing.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 15);
const bin = fileURLToPath(new URL("../dist/cli/main.js", import.meta.url));

function timed(args: readonly string[]): number {
  const start = performance.now();
  execFileSync(process.execPath, args, { stdio: "ignore", env: { ...process.env, NODE_OPTIONS: "" } });
  return performance.now() - start;
}

const sides = {
  "node -e 0": ["-e", "0"],
  "groupwork --version": [bin, "--version"],
  "groupwork --help": [bin, "--help"],
  "groupwork report": [bin, "report"],
} as const;
const times: Record<keyof typeof sides, number[]> = {
  "node -e 0": [],
  "groupwork --version": [],
  "groupwork --help": [],
  "groupwork report": [],
};
for (const args of Object.values(sides)) timed(args); // warm the file system cache
for (let round = 0; round < ROUNDS; round += 1) {
  for (const [name, args] of Object.entries(sides) as [keyof typeof sides, readonly string[]][]) {
    times[name].push(timed(args));
  }
}

const goals: Partial<Record<keyof typeof sides, number>> = { "groupwork --version": 1.5, "groupwork report": 6 };
console.log(`  ${ROUNDS} rounds, each a new process; median ms and the median of each round's ratio to node -e 0`);
for (const name of Object.keys(sides) as (keyof typeof sides)[]) {
  const ratio = roundRatio(times[name], times["node -e 0"]);
  const goal = goals[name];
  const verdict = goal === undefined ? "" : ratio <= goal ? `  ✓ goal ≤ ${goal}×` : `  ✗ goal ≤ ${goal}×`;
  console.log(
    `  ${name.padEnd(20)} ${median(times[name]).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2).padStart(5)}×${verdict}`,
  );
}
