import fc from "fast-check";
import { it } from "vitest";
import { type EntryPoint, runCase } from "./contract";
import { RUNS, seedFor, TEST_TIMEOUT_MS } from "./settings";
import { planOf } from "./values";

/** Registers the contract test of each entry point. */
export function fuzzEntryPoints(entries: readonly EntryPoint[]): void {
  for (const entry of entries) {
    it(
      `${entry.name} returns its documented result or throws a GroupworkError, and changes nothing`,
      () => {
        fc.assert(
          fc.property(planOf(entry.bases), (plan) => runCase(entry, plan)),
          { numRuns: Math.min(RUNS, entry.maxRuns ?? RUNS), seed: seedFor(entry.name) },
        );
      },
      TEST_TIMEOUT_MS,
    );
  }
}
