// `npm test`: every quality gate, in order, each as its own npm script (so each also runs alone: `npm run lint`).
// A gate's output is shown only when it fails, and the run stops there; the end is a table of each gate's time.
//   npm test                      every gate
//   npm test -- build attw        only these gates, in pipeline order
//   npm test -- --verbose         show every gate's output as it runs
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

/** The gates, cheapest and most likely to fail first; the build comes before everything that reads dist/. */
const gates = [
  "lint", // Biome: lint and format
  "depcruise", // dependency rules between rooms, no cycles
  "typecheck", // tsc, strict, on everything and on the library as a browser-safe user compiles it
  "test:unit", // vitest in UTC: unit, property, seeded fuzz and type tests, with coverage thresholds
  "test:tz", // the tests that read the local time zone, under America/New_York and Pacific/Chatham
  "build", // tsup (ESM + CJS), declarations, JSON Schemas
  "api", // API Extractor: the public API matches etc/api/
  "docs", // typedoc, warnings as errors
  "publint", // package.json and the packed files
  "attw", // the declarations resolve for node16 and bundler users
  "size", // size-limit budgets
  "load-test", // the built package loads in plain Node, ESM and CommonJS, each room without what it must not load
  "examples", // every program in examples/ against the built package
  "test:browser", // the stage board (examples/stage-board) built by Vite and walked in headless Chromium, with axe
  "test:installed", // the packed tarball installed in a scratch project: ESM, CommonJS, TypeScript, the command
];

const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const chosen = args.filter((arg) => !arg.startsWith("--"));
const unknown = chosen.filter((name) => !gates.includes(name));
if (unknown.length > 0) {
  console.error(`Unknown gate(s): ${unknown.join(", ")}. The gates are: ${gates.join(", ")}.`);
  process.exit(2);
}

const scripts = (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts;
const missing = gates.filter((name) => scripts[name] === undefined);
if (missing.length > 0) {
  console.error(`package.json has no script for the gate(s): ${missing.join(", ")}.`);
  process.exit(2);
}

interface Outcome {
  readonly gate: string;
  readonly seconds: number;
  readonly code: number;
}

/** Runs one gate's npm script; its output is collected (or, with --verbose, shown as it comes). */
function run(gate: string): Promise<Outcome & { readonly output: string }> {
  const started = performance.now();
  const child = spawn("npm", ["run", "--silent", gate], {
    stdio: verbose ? "inherit" : ["ignore", "pipe", "pipe"],
    env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: "1" } : process.env,
  });
  const chunks: Buffer[] = [];
  child.stdout?.on("data", (chunk: Buffer) => chunks.push(chunk));
  child.stderr?.on("data", (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve) => {
    child.on("close", (code, signal) => {
      const seconds = (performance.now() - started) / 1000;
      resolve({ gate, seconds, code: code ?? (signal === null ? 1 : 128), output: Buffer.concat(chunks).toString() });
    });
  });
}

const selected = gates.filter((gate) => chosen.length === 0 || chosen.includes(gate));
const outcomes: Outcome[] = [];
let failed: (Outcome & { readonly output: string }) | undefined;
for (const gate of selected) {
  process.stdout.write(`▶ ${gate}${verbose ? "\n" : " … "}`);
  const outcome = await run(gate);
  outcomes.push(outcome);
  const result = `${outcome.code === 0 ? "✓" : "✗"} ${outcome.seconds.toFixed(1)} s`;
  console.log(verbose ? `${result} ${gate}` : result);
  if (outcome.code !== 0) {
    failed = outcome;
    break;
  }
}

if (failed !== undefined && !verbose) {
  console.log(`\n── output of ${failed.gate} (npm run ${failed.gate}) ──\n${failed.output.trimEnd()}\n`);
}

const width = Math.max(...selected.map((gate) => gate.length));
const total = outcomes.reduce((sum, outcome) => sum + outcome.seconds, 0);
console.log(`\n  ${"Gate".padEnd(width)} Time`);
for (const gate of selected) {
  const outcome = outcomes.find((each) => each.gate === gate);
  const time = outcome === undefined ? "not run" : `${outcome.seconds.toFixed(1).padStart(6)} s`;
  const mark = outcome === undefined ? " " : outcome.code === 0 ? "✓" : "✗";
  console.log(`${mark} ${gate.padEnd(width)} ${time}`);
}
console.log(`  ${"total".padEnd(width)} ${total.toFixed(1).padStart(6)} s`);
if (failed !== undefined) {
  console.log(`\n${failed.gate} failed (exit code ${failed.code}); run it alone with \`npm run ${failed.gate}\`.`);
  process.exit(failed.code);
}
