// What must hold of the one reading of a request, whatever part of it is broken: checkDisclosure answers with exactly
// its problems, or decides on its copy; the copy is the request (its typed fields), frozen throughout; no field is read
// twice, so no getter can answer the check and the rules differently; and no list is reported past its bound.
// Requests here are valid ones with one or two parts replaced at random.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy } from "../../src/confidentiality/index";
import { readRequest } from "../../src/confidentiality/read-request";
import { consent, request, rule } from "./engine-fixtures";

const RUNS = { numRuns: 500 };

const full = request({
  information: {
    kind: "progress-note",
    memberId: "m-hope",
    groupId: "g-grief",
    authorId: "f-1",
    deidentified: false,
    labels: { confidentiality: "R", sensitivity: ["SUD", "MH"], law: ["42CFRPart2"] },
  },
  recipient: {
    kind: "outside-provider",
    id: "p-1",
    name: "Dr. Amara Osei",
    organisation: "Lakeside Family Medicine",
    isSubject: false,
    activeFacilitator: false,
    isOriginator: false,
    withinAgency: false,
    mayOverride: false,
  },
  circumstances: {
    imminentThreat: false,
    suspectedChildAbuse: false,
    courtOrder: false,
    medicalEmergency: false,
    consentOverridden: false,
    oversightOfOriginator: false,
  },
  subject: { minor: false, consentedToOwnCare: false },
  jurisdiction: { dutyToWarn: "mandatory", minorConsent: "guardian" },
  consents: [
    consent({ revokedAt: "2026-06-01T00:00:00Z", withholdFrom: [{ kind: "family-or-guardian", name: "Mark" }] }),
    consent({ id: "c-2", legalBasis: "42-cfr-part-2", form: "verbal" }),
  ],
});

// Every path to a value in a request, objects and arrays included.
function pathsOf(value: unknown, prefix: readonly (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [[...prefix]];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return [[...prefix], ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))];
}

// A copy of `value` with the value at `path` replaced (the root itself when the path is empty).
function replaced(value: unknown, path: readonly (string | number)[], junk: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return junk;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, junk);
  return copy;
}

// The same request sent to the member it is about and to the note's author: each fact confirmed by the ids, so
// breaking an id, or the kind of information, tests the facts the check cannot confirm.
const toSubject = {
  ...full,
  information: { ...full.information, kind: "self-disclosure" },
  recipient: { kind: "group-member", id: "m-hope", isSubject: true },
  purpose: "PATRQT",
};
const toAuthor = {
  ...full,
  information: { ...full.information, kind: "process-note" },
  recipient: { kind: "facilitator", id: "f-1", isOriginator: true, activeFacilitator: true, withinAgency: true },
  purpose: "TREAT",
};

// A list with holes, and one too long to report in full.
const sparse: unknown[] = [];
sparse.length = 1000;
const long = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? "X" : { kind: "neighbour" }));

const paths = pathsOf(full);
const junk = fc.constantFrom<unknown>(
  sparse,
  long,
  undefined,
  null,
  "",
  "X",
  7,
  true,
  [],
  {},
  ["SUD"],
  "TREAT",
  "attendance",
  "2026-02-30T10:00:00Z",
  "2026-03-10T10:00:00+05:00",
  { kind: "payer" },
);

const permitAll = definePolicy([rule("all", "permit")], { version: "permit-all" });

/** Whether a value and everything it holds is frozen. */
function deeplyFrozen(value: unknown): boolean {
  if (typeof value !== "object" || value === null) return true;
  return Object.isFrozen(value) && Object.values(value).every(deeplyFrozen);
}

/**
 * The request behind Proxies that count every read of every field of every object in it, and the highest count. The
 * length of a list is left out: a list reported as a bad value is described by its length, read again for that.
 */
function counted(value: unknown): { value: unknown; mostReads: () => number } {
  const reads = new Map<object, Map<PropertyKey, number>>();
  const wrap = (inner: unknown): unknown => {
    if (typeof inner !== "object" || inner === null) return inner;
    return new Proxy(inner, {
      get(target, key, receiver) {
        if (Array.isArray(target) && key === "length") return Reflect.get(target, key, receiver);
        const counts = reads.get(target) ?? new Map<PropertyKey, number>();
        counts.set(key, (counts.get(key) ?? 0) + 1);
        reads.set(target, counts);
        return wrap(Reflect.get(target, key, receiver));
      },
    });
  };
  const mostReads = () => Math.max(0, ...[...reads.values()].flatMap((counts) => [...counts.values()]));
  return { value: wrap(value), mostReads };
}

/**
 * Every value the copy holds is the one at the same place in the request (a field the request leaves out is
 * `undefined` in the copy; a field its type does not name is not copied).
 */
function expectHeldIn(copy: unknown, original: unknown): void {
  if (typeof copy !== "object" || copy === null) {
    expect(copy).toBe(original);
    return;
  }
  expect(copy).not.toBe(original);
  expect(Array.isArray(copy)).toBe(Array.isArray(original));
  const from = original as Record<string, unknown>;
  if (Array.isArray(copy)) expect(copy).toHaveLength((original as unknown[]).length);
  for (const [key, value] of Object.entries(copy)) {
    if (value === undefined) expect(from[key]).toBeUndefined();
    else expectHeldIn(value, from[key]);
  }
}

/** The reading, held to the decision checkDisclosure gives on the same request. */
function expectConsistent(broken: unknown): void {
  const read = readRequest(broken);
  const decision = checkDisclosure(broken as DisclosureRequest, { policy: permitAll });
  if (read.ok) {
    expect(decision.basis).toBe("explicit-permit");
    expectHeldIn(read.request, broken);
    expect(deeplyFrozen(read.request)).toBe(true);
  } else {
    expect(read.problems.length).toBeGreaterThan(0);
    expect(decision.basis).toBe("invalid-request");
    expect(decision.errors).toEqual(read.problems);
  }
}

describe("the one reading of a request", () => {
  test.prop([fc.constantFrom(...paths), junk], RUNS)("decides on the copy or lists the problems", (path, value) => {
    expectConsistent(replaced(full, path, value));
  });

  test.prop([fc.constantFrom(...paths), junk, fc.constantFrom(...paths), junk], RUNS)(
    "with two parts replaced",
    (first, a, second, b) => {
      expectConsistent(replaced(replaced(full, first, a), second, b));
    },
  );

  test.prop([fc.constantFrom(toSubject, toAuthor), junk, fc.nat()], RUNS)(
    "of a request to the subject or the author with one part replaced",
    (base, value, pick) => {
      const where = pathsOf(base);
      expectConsistent(replaced(base, where[pick % where.length] ?? [], value));
    },
  );

  test.prop([fc.constantFrom(...paths), junk], RUNS)("reads no field twice", (path, value) => {
    const { value: watched, mostReads } = counted(replaced(full, path, value));
    const read = readRequest(watched);
    expect(mostReads()).toBeLessThanOrEqual(1);
    // Read through the Proxies, the request says what it says without them.
    expect(read).toEqual(readRequest(replaced(full, path, value)));
  });

  test.prop([fc.constantFrom(...paths), junk], RUNS)("and reports no list past its bound", (path, value) => {
    // Each list names at most 20 of its entries; one more problem, at the list's own path, says how many were left.
    const read = readRequest(replaced(full, path, value));
    const named = new Map<string, Set<string>>();
    for (const { path: at = "" } of read.ok ? [] : read.problems) {
      for (const match of at.matchAll(/\[(\d+)\]/g)) {
        const list = at.slice(0, match.index);
        named.set(list, (named.get(list) ?? new Set<string>()).add(match[1] ?? ""));
      }
    }
    for (const indices of named.values()) expect(indices.size).toBeLessThanOrEqual(20);
  });
});

test("the full request used here is well formed, so every break above starts from a valid request", () => {
  for (const base of [full, toSubject, toAuthor]) {
    const read = readRequest(base);
    expect(read.ok && read.request).toEqual(base);
  }
  expect(paths.length).toBeGreaterThan(60);
});
