import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ParseGroupRecordResult, parseGroupRecord } from "../../src/model/index";
import { arbitraryGroupRecordInput } from "../fixtures/arbitraries";
import { errorsOf, parsedValue } from "../fixtures/results";

const RECORD_RUNS = { numRuns: 150 };
const FAST_RUNS = { numRuns: 200 };

function pathsIn(
  value: unknown,
  prefix: readonly (string | number)[] = [],
): { path: (string | number)[]; leaf: boolean }[] {
  const children: [string | number, unknown][] = Array.isArray(value)
    ? value.map((child, index) => [index, child])
    : typeof value === "object" && value !== null
      ? Object.entries(value)
      : [];
  return children.flatMap(([key, child]) => {
    const path = [...prefix, key];
    const below = pathsIn(child, path);
    return [{ path, leaf: below.length === 0 }, ...below];
  });
}

function mutated(root: unknown, path: readonly (string | number)[], replacement: unknown, remove: boolean): unknown {
  let parent: unknown = root;
  for (const key of path.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const key = path[path.length - 1];
  if (key === undefined) return root;
  if (Array.isArray(parent) && typeof key === "number") {
    if (remove) parent.splice(key, 1);
    else parent[key] = replacement;
  } else if (typeof parent === "object" && parent !== null) {
    const object = parent as Record<string, unknown>;
    if (remove) delete object[key];
    else object[key] = replacement;
  }
  return root;
}

const mutatedRecord = arbitraryGroupRecordInput().chain((input) => {
  const json: unknown = JSON.parse(JSON.stringify(input));
  const paths = pathsIn(json);
  const leaves = paths.filter((entry) => entry.leaf);
  return fc.oneof(
    fc.constantFrom(...paths).map(({ path }) => mutated(structuredClone(json), path, undefined, true)),
    fc
      .tuple(fc.constantFrom(...leaves), fc.jsonValue())
      .map(([{ path }, replacement]) => mutated(structuredClone(json), path, replacement, false)),
  );
});

const TOP_LEVEL_KEYS = [
  "group",
  "members",
  "memberships",
  "sessions",
  "attendance",
  "turns",
  "interactionActs",
  "agreements",
  "consents",
  "extra",
];

function expectUsableResult(result: ParseGroupRecordResult): void {
  if (result.ok) {
    expect(result.issues.filter((issue) => issue.severity !== "warning")).toEqual([]);
    return;
  }
  expect(errorsOf(result).length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(issue.message.trim()).not.toBe("");
    expect(issue.path.every((segment) => typeof segment === "string" || typeof segment === "number")).toBe(true);
  }
}

describe("parseGroupRecord on untrusted input", () => {
  const unknownFields = fc.constantFrom("error" as const, "warn" as const);

  test.prop([fc.jsonValue(), unknownFields], FAST_RUNS)("never throws on any JSON value", (input, mode) => {
    expectUsableResult(parseGroupRecord(input, { unknownFields: mode }));
  });

  test.prop([fc.dictionary(fc.constantFrom(...TOP_LEVEL_KEYS), fc.jsonValue()), unknownFields], FAST_RUNS)(
    "never throws on objects with the record's keys and any values",
    (input, mode) => {
      expectUsableResult(parseGroupRecord(input, { unknownFields: mode }));
    },
  );

  test.prop([mutatedRecord, unknownFields], RECORD_RUNS)(
    "never throws on a valid record with a key deleted or a leaf replaced",
    (input, mode) => {
      expectUsableResult(parseGroupRecord(input, { unknownFields: mode }));
    },
  );
});

/** A valid record as JSON with one field the library does not know, put in the record or any object inside it. */
const recordWithUnknownField = arbitraryGroupRecordInput().chain((input) => {
  const json: unknown = JSON.parse(JSON.stringify(input));
  const objectPaths = [
    [],
    ...pathsIn(json)
      .filter(({ path }) => {
        const value = path.reduce<unknown>((parent, key) => (parent as Record<string | number, unknown>)[key], json);
        return typeof value === "object" && value !== null && !Array.isArray(value);
      })
      .map(({ path }) => path),
  ];
  // Every field the library knows is a word in camelCase, so an "x-" prefix names none of them.
  const key = fc.string({ minLength: 1, maxLength: 8 }).map((name) => `x-${name}`);
  return fc.tuple(fc.constantFrom(...objectPaths), key, fc.jsonValue()).map(([path, name, extra]) => ({
    input,
    withExtra: mutated(structuredClone(json), [...path, name], extra, false),
    path: [...path, name],
  }));
});

describe("parseGroupRecord and unknown fields", () => {
  test.prop([recordWithUnknownField], RECORD_RUNS)(
    "fails on an unknown field by default, and with unknownFields: 'warn' leaves it out with a warning",
    ({ input, withExtra, path }) => {
      const strict = parseGroupRecord(withExtra);
      expect(strict.ok).toBe(false);
      expect(errorsOf(strict)).toEqual([expect.objectContaining({ code: "unknown-field", path })]);

      const lenient = parseGroupRecord(withExtra, { unknownFields: "warn" });
      expect(lenient.ok && lenient.value).toStrictEqual(parsedValue(input));
      expect(lenient.issues).toContainEqual(
        expect.objectContaining({ code: "unknown-field", severity: "warning", path }),
      );
    },
  );
});
