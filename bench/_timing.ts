// What every benchmark in bench/ needs to time two sides fairly on a shared machine. Not a benchmark itself:
// scripts/run-benches.ts runs only files ending in .bench.ts.

const collect: (() => void) | undefined = (globalThis as { gc?: () => void }).gc;
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Collects garbage before a timing when node runs with --expose-gc (scripts/run-benches.ts sets it), then waits for
 * the collector's helper threads: the engine frees collected memory on them after the collection returns, and with a
 * large heap that work (tens of milliseconds on a two-core machine) would land in the next timing. A one-million-record
 * run right after collecting a ten-million-record heap took twice its time.
 */
export function collectGarbage(): void {
  if (collect === undefined) return;
  collect();
  // About 1 ms per 2 MB of heap, at least 5 ms. Measured on the largest benches: with a fifth of that wait, part of
  // the work still landed in the next timing (the bare loops' one-million-item runs were slower).
  Atomics.wait(pause, 0, 0, Math.max(5, process.memoryUsage().heapUsed / 2_000_000));
}

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

/** The median over rounds of `top[round] / bottom[round]`: each round's own ratio, as both sides ran close together. */
export function roundRatio(top: readonly number[], bottom: readonly number[]): number {
  return median(top.map((value, round) => value / (bottom[round] as number)));
}

/** Timings, in milliseconds per round, of one side of a bench at 100,000 and at 1,000,000 items. */
export interface SizedTimes {
  readonly small: readonly number[];
  readonly large: readonly number[];
}

/**
 * Prints the three ratios of a "fraction of JSON.parse" goal for one function, in the goal's order: its time ÷
 * JSON.parse of the same data at 1,000,000 items (goal ≤ 0.25) and at 100,000 (goal ≤ 0.5), and its time at
 * 1,000,000 ÷ its time at 100,000 (goal ≤ 12, linear growth with room for caches). Returns whether all three pass.
 */
export function reportParseGoal(name: string, times: SizedTimes, parse: SizedTimes): boolean {
  const ratios = [
    ["÷ JSON.parse at 1,000,000:", roundRatio(times.large, parse.large), 0.25],
    ["÷ JSON.parse at 100,000:", roundRatio(times.small, parse.small), 0.5],
    ["growth, 1,000,000 ÷ 100,000:", roundRatio(times.large, times.small), 12],
  ] as const;
  console.log(
    `\n  ${name}: median ${median(times.small).toFixed(1)} ms at 100,000, ${median(times.large).toFixed(1)} ms at 1,000,000`,
  );
  for (const [label, value, goal] of ratios) {
    console.log(`    ${label.padEnd(30)}${value.toFixed(2)} (goal ≤ ${goal}) ${value <= goal ? "PASS" : "MISS"}`);
  }
  return ratios.every(([, value, goal]) => value <= goal);
}
