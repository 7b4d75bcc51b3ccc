// How much the fuzz suite runs. `npm test` runs a fixed seed and 1,000 cases per entry point, so CI is reproducible;
// `npm run fuzz` (run.ts) sets GROUPWORK_FUZZ_RUNS, a random GROUPWORK_FUZZ_SEED and GROUPWORK_FUZZ_TIMING.

function readWhole(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === "") return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < 1)
    throw new Error(`${name} must be a positive whole number, not ${text}`);
  return value;
}

function readSeed(): number {
  const text = process.env["GROUPWORK_FUZZ_SEED"];
  if (text === undefined || text === "") return FIXED_SEED;
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Error(`GROUPWORK_FUZZ_SEED must be a whole number, not ${text}`);
  return value | 0;
}

/** The seed `npm test` uses. */
const FIXED_SEED = 20260302;

/** Cases per entry point. */
export const RUNS = readWhole("GROUPWORK_FUZZ_RUNS", 1000);

/** The run's seed; each entry point derives its own from it and its name. */
export const SEED = readSeed();

/** Whether a single input slower than {@link SLOW_MS} fails its entry point (only in `npm run fuzz`). */
export const TIMING = process.env["GROUPWORK_FUZZ_TIMING"] === "1";

/** What counts as a slow input when {@link TIMING} is on. */
export const SLOW_MS = 1000;

/** Vitest's limit for one entry point's whole run: generous for the seeded run, none worth the name when fuzzing. */
export const TEST_TIMEOUT_MS = RUNS > 1000 ? 24 * 60 * 60 * 1000 : 120_000;

/** A seed of its own for each entry point, so adding one does not change the cases of the others. */
export function seedFor(name: string): number {
  let hash = SEED | 0;
  for (let index = 0; index < name.length; index++) hash = Math.imul(hash ^ name.charCodeAt(index), 0x01000193);
  return hash | 0;
}
