import fc from "fast-check";

// Structure-aware corruption: take a valid argument list, pick one place inside it, and break that place in one way.
// A corruption is plain data (a path and the names of what was done), so fast-check shrinks it and prints it as a
// readable counterexample, and the value it stands for is built afresh for every call.

/** A key or index inside an argument list; the first is always the argument's index. */
export type PathKey = string | number;
export type Path = readonly PathKey[];

/** Values a host should never send, each under a name a counterexample can print. */
export const NASTY_VALUES = [
  "undefined",
  "null",
  "true",
  "false",
  "zero",
  "negative",
  "fraction",
  "NaN",
  "Infinity",
  "-Infinity",
  "-0",
  "1e308",
  "2^53+1",
  "bigint",
  "symbol",
  "function",
  "empty-string",
  "blank-string",
  "huge-string",
  "huge-name-string",
  "lone-surrogate",
  "nul-string",
  "unknown-code",
  "__proto__-string",
  "constructor-string",
  "toString-string",
  "number-string",
  "date-string",
  "instant-string",
  "impossible-instant",
  "date-object",
  "invalid-date",
  "empty-array",
  "empty-object",
  "null-prototype-object",
  "original-with-null-prototype",
  "original-in-array",
  "original-in-object",
  "original-as-string",
  "deep-array",
  "deep-object",
  "__proto__-key-object",
  "constructor-key-object",
  "sparse-array",
  "huge-array",
] as const;
export type NastyValue = (typeof NASTY_VALUES)[number];

/** Keys a host's data may carry that name something on every object. */
export const NASTY_KEYS = ["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty", "then"];

export type Corruption =
  | { readonly op: "none" }
  | { readonly op: "replace"; readonly at: Path; readonly with: NastyValue }
  | { readonly op: "delete"; readonly at: Path }
  | { readonly op: "add-key"; readonly at: Path; readonly key: string; readonly with: NastyValue }
  | { readonly op: "null-prototype"; readonly at: Path }
  | { readonly op: "repeat"; readonly at: Path; readonly times: number };

/** One fuzz case: which valid argument list, what was broken in it, and whether the whole input is then frozen. */
export interface Plan {
  readonly base: number;
  readonly corruption: Corruption;
  readonly frozen: boolean;
}

const DEPTH = 5000;
const HUGE = 200_000;
const HUGE_ARRAY = 10_000;

function deep(kind: "array" | "object"): unknown {
  let value: unknown = kind === "array" ? [] : {};
  for (let level = 0; level < DEPTH; level++) value = kind === "array" ? [value] : { a: value };
  return value;
}

function withOwnKey(target: object, key: string, value: unknown): object {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  return target;
}

/** Whether a value is an object the suite copies and walks into: a plain object, a null-prototype one or an array. */
export function isWalkable(value: unknown): value is Record<PathKey, unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) return true;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** The value a name stands for; `original` is what was at the place before. */
export function nasty(name: NastyValue, original: unknown): unknown {
  switch (name) {
    case "undefined":
      return undefined;
    case "null":
      return null;
    case "true":
      return true;
    case "false":
      return false;
    case "zero":
      return 0;
    case "negative":
      return -1;
    case "fraction":
      return 0.5;
    case "NaN":
      return Number.NaN;
    case "Infinity":
      return Number.POSITIVE_INFINITY;
    case "-Infinity":
      return Number.NEGATIVE_INFINITY;
    case "-0":
      return -0;
    case "1e308":
      return 1e308;
    case "2^53+1":
      return 2 ** 53 + 1;
    case "bigint":
      return 12n;
    case "symbol":
      return Symbol("fuzz");
    case "function":
      return () => "fuzz";
    case "empty-string":
      return "";
    case "blank-string":
      return " \t\n";
    case "huge-string":
      return "x".repeat(HUGE);
    case "huge-name-string":
      return "Hope Will Tom Grace Lindqvist, ".repeat(HUGE / 32);
    case "lone-surrogate":
      return "\uD800";
    case "nul-string":
      return "\u0000";
    case "unknown-code":
      return "fuzz-unknown-code";
    case "__proto__-string":
      return "__proto__";
    case "constructor-string":
      return "constructor";
    case "toString-string":
      return "toString";
    case "number-string":
      return "12";
    case "date-string":
      return "2026-03-05";
    case "instant-string":
      return "2026-03-05T18:00:00-06:00";
    case "impossible-instant":
      return "2026-02-30T25:61:00+99:00";
    case "date-object":
      return new Date("2026-03-05T18:00:00-06:00");
    case "invalid-date":
      return new Date(Number.NaN);
    case "empty-array":
      return [];
    case "empty-object":
      return {};
    case "null-prototype-object":
      return Object.create(null);
    case "original-with-null-prototype":
      return isWalkable(original) && !Array.isArray(original)
        ? Object.assign(Object.create(null), copy(original))
        : Object.create(null);
    case "original-in-array":
      return [copy(original)];
    case "original-in-object":
      return { value: copy(original) };
    case "original-as-string":
      return typeof original === "symbol" ? original.toString() : String(JSON.stringify(original) ?? original);
    case "deep-array":
      return deep("array");
    case "deep-object":
      return deep("object");
    case "__proto__-key-object":
      return JSON.parse('{"__proto__": {"polluted": "fuzz"}, "constructor": {"prototype": {"polluted": "fuzz"}}}');
    case "constructor-key-object":
      return { constructor: { prototype: { polluted: "fuzz" } }, prototype: { polluted: "fuzz" } };
    case "sparse-array":
      return new Array(5);
    case "huge-array":
      // The same element many times over: a long list, not a large copy.
      return Array.from({ length: HUGE_ARRAY }, () => original);
  }
}

/** A deep copy of the walkable part of a value; anything else (functions, class instances, symbols) is shared. */
export function copy<T>(value: T): T {
  if (!isWalkable(value)) return value;
  if (Array.isArray(value)) return value.map((item) => copy(item)) as T;
  const out: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
  for (const key of Object.keys(value)) withOwnKey(out, key, copy(value[key]));
  return out as T;
}

/** Freezes a value and everything walkable inside it (iteratively: inputs may be 5,000 deep). */
export function deepFreeze(root: unknown): void {
  const seen = new Set<unknown>();
  const work: unknown[] = [root];
  while (work.length > 0) {
    const value = work.pop();
    if (!isWalkable(value) || seen.has(value)) continue;
    seen.add(value);
    Object.freeze(value);
    if (Array.isArray(value)) for (let index = 0; index < value.length; index++) work.push(value[index]);
    else for (const key of Object.keys(value)) work.push(value[key]);
  }
}

/**
 * Every place inside an argument list, shallow ones first; the list itself is not a place, but the slot after its
 * last argument is (an argument too many, or the first one of a function called without).
 */
export function pathsOf(args: readonly unknown[]): { all: Path[]; containers: Path[]; objects: Path[]; top: Path[] } {
  const all: Path[] = [];
  const containers: Path[] = [];
  const objects: Path[] = [];
  const walk = (value: unknown, path: Path): void => {
    all.push(path);
    if (!isWalkable(value)) return;
    containers.push(path);
    if (!Array.isArray(value)) objects.push(path);
    const keys: PathKey[] = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
    for (const key of keys) walk(value[key], [...path, key]);
  };
  for (const [index, arg] of args.entries()) walk(arg, [index]);
  all.push([args.length]);
  return { all, containers, objects, top: [...args.map((_, index) => [index]), [args.length]] };
}

function parentOf(root: unknown[], path: Path): { parent: Record<PathKey, unknown>; key: PathKey } | null {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (!isWalkable(parent)) return null;
    parent = parent[key];
  }
  const key = path.at(-1);
  return key === undefined || !isWalkable(parent) ? null : { parent, key };
}

/** The argument list a plan stands for: a fresh copy of the base with the corruption applied, frozen if asked. */
export function build(base: readonly unknown[], plan: Plan): unknown[] {
  const args = copy([...base]);
  const { corruption } = plan;
  if (corruption.op !== "none") {
    const place = parentOf(args, corruption.at);
    if (place !== null) {
      const { parent, key } = place;
      const original = parent[key];
      switch (corruption.op) {
        case "replace":
          withOwnKey(parent, String(key), nasty(corruption.with, original));
          break;
        case "delete":
          if (Array.isArray(parent) && typeof key === "number") parent.splice(key, 1);
          else delete parent[key];
          break;
        case "add-key":
          if (isWalkable(original)) withOwnKey(original, corruption.key, nasty(corruption.with, undefined));
          break;
        case "null-prototype":
          if (isWalkable(original) && !Array.isArray(original)) {
            withOwnKey(parent, String(key), Object.assign(Object.create(null), original));
          }
          break;
        case "repeat":
          if (Array.isArray(parent) && typeof key === "number") {
            parent.splice(key, 0, ...Array.from({ length: corruption.times }, () => original));
          }
          break;
      }
    }
  }
  if (plan.frozen) deepFreeze(args);
  return args;
}

const nastyValue = fc.constantFrom(...NASTY_VALUES);

/** Corruptions of one argument list: mostly one field, sometimes a whole argument or an object, sometimes none. */
export function corruptionOf(base: readonly unknown[]): fc.Arbitrary<Corruption> {
  const { all, containers, objects, top } = pathsOf(base);
  const anywhere = fc.constantFrom(...all);
  const at = fc.oneof(
    { weight: 4, arbitrary: anywhere },
    { weight: 1, arbitrary: fc.constantFrom(...top) },
    ...(containers.length > 0 ? [{ weight: 2, arbitrary: fc.constantFrom(...containers) }] : []),
  );
  // Named keys go on objects only: a list on the wire is JSON, and a JSON array has no keys but its indexes.
  const inObject = objects.length > 0 ? fc.constantFrom(...objects) : fc.constantFrom(...top);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant({ op: "none" } as const) },
    { weight: 8, arbitrary: fc.record({ op: fc.constant("replace" as const), at, with: nastyValue }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant("delete" as const), at }) },
    {
      weight: 2,
      arbitrary: fc.record({
        op: fc.constant("add-key" as const),
        at: inObject,
        key: fc.constantFrom(...NASTY_KEYS),
        with: nastyValue,
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant("null-prototype" as const), at: inObject }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant("repeat" as const),
        at: anywhere,
        times: fc.constantFrom(1, 2, 1000),
      }),
    },
  );
}

/** Plans over several valid argument lists. */
export function planOf(bases: readonly (readonly unknown[])[]): fc.Arbitrary<Plan> {
  const corruptions = bases.map((base) => corruptionOf(base));
  return fc.integer({ min: 0, max: bases.length - 1 }).chain((base) =>
    fc.record({
      base: fc.constant(base),
      // Indexes are in range: the integer above is drawn from them.
      corruption: corruptions[base] ?? fc.constant({ op: "none" } as const),
      frozen: fc.boolean(),
    }),
  );
}
