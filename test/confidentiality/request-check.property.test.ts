// The request check has a fast path (a yes-or-no walk that builds nothing) and a slow one (every problem, with its
// path). They must agree on every request: a request the fast path accepts has no problem the slow one would list,
// and one it refuses has at least one. Requests here are valid ones with one part broken at random.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { isInstant } from "../../src/_lib/dates";
import { isInstantText } from "../../src/confidentiality/instants";
import { requestProblems, walkRequest } from "../../src/confidentiality/request-check";
import { isWellFormedRequest } from "../../src/confidentiality/well-formed";
import { consent, request } from "./engine-fixtures";

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

describe("the request check's fast path agrees with its full walk", () => {
  test.prop([fc.constantFrom(...paths), junk], RUNS)("on a request with one part replaced", (path, value) => {
    const broken = replaced(full, path, value);
    const problems = walkRequest(broken);
    expect(isWellFormedRequest(broken)).toBe(problems.length === 0);
    expect(requestProblems(broken)).toEqual(problems);
  });

  test.prop([fc.constantFrom(...paths), junk, fc.constantFrom(...paths), junk], RUNS)(
    "on a request with two parts replaced",
    (first, a, second, b) => {
      const broken = replaced(replaced(full, first, a), second, b);
      expect(isWellFormedRequest(broken)).toBe(walkRequest(broken).length === 0);
    },
  );

  test.prop([fc.constantFrom(toSubject, toAuthor), junk, fc.nat()], RUNS)(
    "on a request to the subject or the author with one part replaced",
    (base, value, pick) => {
      const where = pathsOf(base);
      const broken = replaced(base, where[pick % where.length] ?? [], value);
      const problems = walkRequest(broken);
      expect(isWellFormedRequest(broken)).toBe(problems.length === 0);
      expect(requestProblems(broken)).toEqual(problems);
    },
  );

  test.prop([fc.constantFrom(...paths), junk], RUNS)("and no list is reported past its bound", (path, value) => {
    // Each list names at most 20 of its entries; one more problem, at the list's own path, says how many were left.
    const named = new Map<string, Set<string>>();
    for (const { path: at = "" } of walkRequest(replaced(full, path, value))) {
      for (const match of at.matchAll(/\[(\d+)\]/g)) {
        const list = at.slice(0, match.index);
        named.set(list, (named.get(list) ?? new Set<string>()).add(match[1] ?? ""));
      }
    }
    for (const indices of named.values()) expect(indices.size).toBeLessThanOrEqual(20);
  });

  test.prop([fc.string({ maxLength: 30 })], RUNS)("remembered instants read as the pattern reads them", (text) => {
    expect(isInstantText(text)).toBe(isInstant(text));
    expect(isInstantText(text)).toBe(isInstant(text));
  });

  test.prop([fc.date({ noInvalidDate: true })], RUNS)("and a real instant is one", (date) => {
    const text = date.toISOString();
    expect(isInstantText(text)).toBe(isInstant(text));
  });
});

test("the full request used here is well formed, so every break above starts from a valid request", () => {
  for (const base of [full, toSubject, toAuthor]) {
    expect(walkRequest(base)).toEqual([]);
    expect(isWellFormedRequest(base)).toBe(true);
  }
  expect(paths.length).toBeGreaterThan(60);
});
