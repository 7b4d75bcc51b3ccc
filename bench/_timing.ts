// What every benchmark in bench/ needs to time two sides fairly on a shared machine. Not a benchmark itself:
// scripts/run-benches.ts runs only files ending in .bench.ts.

import { setFlagsFromString } from "node:v8";

// A collection before each timing must be over when the clock starts. By default the engine frees the collected memory
// on a helper thread afterwards, and with a large heap that work (tens of milliseconds on a two-core machine) lands in
// the next timing: a one-million-record run right after collecting a ten-million-record heap took twice its time.
setFlagsFromString("--no-concurrent-sweeping");

/** Collects garbage before a timing when node runs with --expose-gc (scripts/run-benches.ts sets it). */
export const collectGarbage: () => void = (globalThis as { gc?: () => void }).gc ?? (() => {});

/** Milliseconds one run takes, after collecting the last run's garbage. */
export function time(run: () => unknown): number {
  collectGarbage();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** The median (the upper one of an even count), or NaN for no values. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** "OK" when a ratio meets its goal, "OVER GOAL" when it does not. */
export function verdict(value: number, goal: number): string {
  return value <= goal ? "OK" : "OVER GOAL";
}
