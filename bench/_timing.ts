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

/** "OK" when a ratio meets its goal, "OVER GOAL" when it does not. */
export function verdict(value: number, goal: number): string {
  return value <= goal ? "OK" : "OVER GOAL";
}
