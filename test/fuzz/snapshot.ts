import { isWalkable } from "./values";

// A description of a value that two calls can compare, for inputs structuredClone cannot copy (symbols, functions,
// BigInt beside them) and for the state structuredClone does not keep (prototype, frozen, own `__proto__` keys).
// Each object is described once and named by number after that, so shared and circular parts cost nothing more.

interface Names {
  readonly objects: Map<unknown, number>;
}

function describeKey(key: string | symbol, names: Names): string {
  return typeof key === "symbol" ? `sym#${nameOf(key, names)}` : JSON.stringify(key);
}

function nameOf(value: unknown, names: Names): number {
  let name = names.objects.get(value);
  if (name === undefined) {
    name = names.objects.size;
    names.objects.set(value, name);
  }
  return name;
}

// Iterative, with its own stack: a 5,000-deep input must not overflow the suite before it reaches the library.
type Work = { readonly text: string } | { readonly value: unknown };

function describeOne(value: unknown, names: Names, out: string[], work: Work[]): void {
  switch (typeof value) {
    case "string":
      out.push(JSON.stringify(value));
      return;
    case "number":
      out.push(Object.is(value, -0) ? "-0" : String(value));
      return;
    case "bigint":
      out.push(`${value}n`);
      return;
    case "boolean":
    case "undefined":
      out.push(String(value));
      return;
    case "symbol":
    case "function":
      out.push(`${typeof value}#${nameOf(value, names)}`);
      return;
  }
  if (value === null) {
    out.push("null");
    return;
  }
  const known = names.objects.get(value);
  if (known !== undefined) {
    out.push(`@${known}`);
    return;
  }
  const name = nameOf(value, names);
  if (value instanceof Date) {
    out.push(`#${name}Date(${value.getTime()})`);
    return;
  }
  if (!isWalkable(value)) {
    // A class instance (an xstate machine, say) is the library's own object: named, not walked.
    out.push(`#${name}instance`);
    return;
  }
  const object: object = value;
  const state = Object.isExtensible(object)
    ? "open"
    : Object.isFrozen(object)
      ? "frozen"
      : Object.isSealed(object)
        ? "sealed"
        : "closed";
  const before = work.length;
  if (Array.isArray(object)) {
    // Indexes read directly (a hole says so): a 20,000-item list is described without 20,000 descriptors.
    out.push(`#${name}array/${state}[${object.length}]{`);
    for (let index = 0; index < object.length; index++) {
      work.push(index in object ? { value: object[index] } : { text: "hole" }, { text: "," });
    }
  } else {
    out.push(`#${name}${Object.getPrototypeOf(object) === null ? "null-proto" : "object"}/${state}{`);
    for (const key of Reflect.ownKeys(object)) {
      const descriptor = Reflect.getOwnPropertyDescriptor(object, key);
      work.push({ text: `${describeKey(key, names)}${descriptor?.enumerable === true ? ":" : "(hidden):"}` });
      if (descriptor === undefined) work.push({ text: "?" });
      else if ("value" in descriptor) work.push({ value: descriptor.value });
      else work.push({ text: `get#${nameOf(descriptor.get, names)}/set#${nameOf(descriptor.set, names)}` });
      work.push({ text: "," });
    }
  }
  work.push({ text: "}" });
  // The stack is last in, first out: turn this object's part around so it is described in order.
  reverseFrom(work, before);
}

function reverseFrom(work: Work[], start: number): void {
  for (let low = start, high = work.length - 1; low < high; low++, high--) {
    const swap = work[low] as Work;
    work[low] = work[high] as Work;
    work[high] = swap;
  }
}

/** A string that changes whenever anything reachable in the value changes (but not inside class instances). */
export function snapshotOf(value: unknown): string {
  const out: string[] = [];
  const names: Names = { objects: new Map() };
  const work: Work[] = [{ value }];
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    if ("text" in next) out.push(next.text);
    else describeOne(next.value, names, out, work);
  }
  return out.join("");
}

/** The keys and values of the built-in prototypes, so a call that pollutes one is caught (and undone). */
const PROTOTYPES: readonly [string, object][] = [
  ["Object.prototype", Object.prototype],
  ["Array.prototype", Array.prototype],
  ["Function.prototype", Function.prototype],
  ["String.prototype", String.prototype],
];

export type PrototypeState = readonly (readonly [string, string | symbol, PropertyDescriptor | undefined])[];

export function prototypeState(): PrototypeState {
  return PROTOTYPES.flatMap(([name, prototype]) =>
    Reflect.ownKeys(prototype).map((key) => [name, key, Reflect.getOwnPropertyDescriptor(prototype, key)] as const),
  );
}

function sameDescriptor(a: PropertyDescriptor | undefined, b: PropertyDescriptor | undefined): boolean {
  return a?.value === b?.value && a?.get === b?.get && a?.set === b?.set;
}

/** What changed on the built-in prototypes since `before`, undoing it so later cases start clean. */
export function prototypeChanges(before: PrototypeState): string[] {
  const changes: string[] = [];
  const seen = new Set<string>();
  for (const [name, key, descriptor] of before) {
    const prototype = PROTOTYPES.find(([candidate]) => candidate === name)?.[1];
    if (prototype === undefined) continue;
    seen.add(`${name}/${String(key)}`);
    const now = Reflect.getOwnPropertyDescriptor(prototype, key);
    if (!sameDescriptor(descriptor, now)) {
      changes.push(`${name}.${String(key)} was changed`);
      if (descriptor !== undefined) Reflect.defineProperty(prototype, key, descriptor);
    }
  }
  for (const [name, prototype] of PROTOTYPES) {
    for (const key of Reflect.ownKeys(prototype)) {
      if (seen.has(`${name}/${String(key)}`)) continue;
      changes.push(`${name}.${String(key)} was added`);
      Reflect.deleteProperty(prototype, key);
    }
  }
  return changes;
}
