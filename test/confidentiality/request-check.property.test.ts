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

const paths = pathsOf(full);
const junk = fc.constantFrom<unknown>(
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
  expect(walkRequest(full)).toEqual([]);
  expect(isWellFormedRequest(full)).toBe(true);
  expect(paths.length).toBeGreaterThan(60);
});
