import { GroupworkError } from "../../src/model/index";
import { SLOW_MS, TIMING } from "./settings";
import { prototypeChanges, prototypeState, snapshotOf } from "./snapshot";
import { build, type Plan } from "./values";

// The contract every public function that takes outside data is held to, on valid inputs with one thing broken:
// - it returns its documented result (`check`) or throws a GroupworkError, never any other exception;
// - it leaves its input exactly as it was (values, keys, prototypes, frozen state);
// - it leaves the built-in prototypes as they were;
// - under `npm run fuzz`, it answers each input within a second.

/** A public function and the valid argument lists the suite corrupts. */
export interface EntryPoint {
  /** The function's name, as exported. */
  readonly name: string;
  /** Valid argument lists (copied before each case, never changed). */
  readonly bases: readonly (readonly unknown[])[];
  /** Calls the function with an argument list. */
  readonly call: (args: readonly unknown[]) => unknown;
  /** Throws when a result is not what the function documents. */
  readonly check: (result: unknown) => void;
  /** At most this many cases, for a function whose input barely varies and whose every call is costly. */
  readonly maxRuns?: number;
}

/**
 * A function called with an argument list of any length and type, as a host's JavaScript would call it: the suite
 * passes what the types forbid on purpose.
 */
export const call =
  (fn: (...args: never[]) => unknown) =>
  (args: readonly unknown[]): unknown =>
    Reflect.apply(fn, undefined, args);

/** A short account of an exception: its class, message and where it was thrown. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return `a thrown non-error: ${String(error)}`;
  const where = (error.stack ?? "")
    .split("\n")
    .slice(1)
    .filter((line) => line.includes("/src/"))
    .slice(0, 2)
    .map((line) => line.trim())
    .join(" <- ");
  return `${error.name}: ${error.message.slice(0, 300)}${where === "" ? "" : ` (${where})`}`;
}

/** One case: build the input, call, and say what broke the contract (nothing when it held). */
export function runCase(entry: EntryPoint, plan: Plan): void {
  const base = entry.bases[plan.base];
  if (base === undefined) throw new Error(`no base ${plan.base}`);
  const args = build(base, plan);
  const before = snapshotOf(args);
  const prototypes = prototypeState();
  const started = performance.now();
  let outcome: { threw: unknown } | { returned: unknown };
  try {
    outcome = { returned: entry.call(args) };
  } catch (error) {
    outcome = { threw: error };
  }
  const took = performance.now() - started;
  const polluted = prototypeChanges(prototypes);
  if (polluted.length > 0) throw new Error(`${entry.name} changed a built-in prototype: ${polluted.join("; ")}`);
  if (snapshotOf(args) !== before) throw new Error(`${entry.name} changed its input`);
  if ("threw" in outcome) {
    if (!(outcome.threw instanceof GroupworkError)) {
      throw new Error(`${entry.name} threw ${describeError(outcome.threw)}`);
    }
  } else {
    try {
      entry.check(outcome.returned);
    } catch (error) {
      throw new Error(`${entry.name} returned an undocumented result: ${describeError(error)}`);
    }
  }
  if (TIMING && took > SLOW_MS) throw new Error(`${entry.name} took ${Math.round(took)} ms on one input`);
}
