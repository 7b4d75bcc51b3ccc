// The plain-code check of a stored envelope's shape, which lets restoreStageSnapshot run without zod, against the
// model's StageSnapshotEnvelopeSchema: on every envelope, edited or not, both accept or both refuse.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { StageSnapshotEnvelopeSchema } from "../../src/model/index";
import { envelopeShapeIssues } from "../../src/stages/envelope-shape";
import {
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageEvent,
  tuckmanModel,
} from "../../src/stages/index";
import { at, FULL_AGREEMENT, START_INPUT } from "./helpers";

const RUNS = { numRuns: 400 };

function storedAfter(events: readonly StageEvent[], options = {}): unknown {
  const replay = replayStageEvents(tuckmanModel, START_INPUT, events, options);
  if (!replay.ok) throw new Error(`the log must replay; entry ${replay.index} was refused`);
  return JSON.parse(JSON.stringify(persistStageSnapshot(replay.snapshot)));
}

// Valid envelopes with each part filled: a fresh start, a suggestion and a REGRESS with its reason, an adjourned and
// closed group with its outcome.
const bases: unknown[] = [
  storedAfter([]),
  storedAfter([
    at(1, { type: "SESSION_HELD" }),
    at(2, FULL_AGREEMENT),
    at(3, { type: "ADVANCE", reason: "members disagree openly" }),
    at(4, { type: "MEMBER_JOINED", memberId: "m7" }),
    at(5, { type: "REGRESS", to: "forming", reason: "trust is low" }),
  ]),
  storedAfter([
    at(1, { type: "ADJOURN", outcome: "ended-early", reason: "too few members" }),
    at(2, { type: "CLOSE" }),
  ]),
];

type Key = string | number;

/** Every path to a value inside `value`, the value itself first. */
function pathsIn(value: unknown, path: readonly Key[] = []): Key[][] {
  const found: Key[][] = [[...path]];
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) found.push(...pathsIn(value[index], [...path, index]));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) found.push(...pathsIn(item, [...path, key]));
  }
  return found;
}

function parentOf(root: unknown, path: readonly Key[]): Record<Key, unknown> | undefined {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<Key, unknown>)[key];
  }
  return typeof node === "object" && node !== null ? (node as Record<Key, unknown>) : undefined;
}

// Values near each rule's edge: counts, texts, instants with and without seconds or offset, the words of each list.
const edgeValues: readonly unknown[] = [
  -1,
  -0,
  0,
  1,
  1.5,
  2,
  2 ** 53,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  "",
  " ",
  "x",
  null,
  undefined,
  true,
  false,
  [],
  {},
  "2026-02-05T18:00-05:00",
  "2026-02-05T18:00:00.5Z",
  "2026-02-05T18:00:00",
  "2026-02-30T18:00:00Z",
  "START",
  "PROMOTE",
  "completed",
  "paused",
  "none",
  "adopted",
  "active",
  "done",
  "may-be-re-forming",
  "groupwork.stage-snapshot",
  { status: "none" },
  { status: "adopted" },
];
const edgeValue = fc.oneof(
  { arbitrary: fc.constantFrom(...edgeValues), weight: 3 },
  { arbitrary: fc.jsonValue(), weight: 1 },
);

type Edit =
  | { readonly kind: "set"; readonly at: number; readonly value: unknown }
  | { readonly kind: "delete"; readonly at: number }
  | { readonly kind: "add"; readonly at: number; readonly key: string; readonly value: unknown };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("set" as const), at: fc.nat(), value: edgeValue }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant("add" as const),
    at: fc.nat(),
    key: fc.oneof(fc.constantFrom("extra", "__proto__", "constructor", "status"), fc.string()),
    value: edgeValue,
  }),
);

/** A copy of `base` with the edits made in turn, each at a path of the copy as it stands. */
function edited(base: unknown, edits: readonly Edit[]): unknown {
  let root: unknown = structuredClone(base);
  for (const change of edits) {
    const paths = pathsIn(root);
    const path = paths[change.at % paths.length] ?? [];
    if (path.length === 0) {
      if (change.kind === "set") root = change.value;
      continue;
    }
    const parent = parentOf(root, path);
    const key = path.at(-1) as Key;
    if (parent === undefined) continue;
    if (change.kind === "set") parent[key] = change.value;
    else if (change.kind === "delete") delete parent[key];
    else {
      const target = parent[key];
      if (typeof target === "object" && target !== null && !Array.isArray(target)) {
        // defineProperty, so "__proto__" becomes an own key as JSON.parse would make it.
        Object.defineProperty(target, change.key, {
          value: change.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
  }
  return root;
}

const envelope = fc
  .tuple(fc.constantFrom(...bases), fc.array(edit, { maxLength: 3 }))
  .map(([base, edits]) => edited(base, edits));

describe("the plain check of a stored envelope's shape", () => {
  it("agrees with the schema on every field of every base set to every edge value, or left out", () => {
    let checked = 0;
    for (const base of bases) {
      pathsIn(base).forEach((_, at) => {
        for (const value of edgeValues) {
          const input = edited(base, [{ kind: "set", at, value }]);
          expect(envelopeShapeIssues(input).length === 0, JSON.stringify(pathsIn(base)[at])).toBe(
            StageSnapshotEnvelopeSchema.safeParse(input).success,
          );
          checked++;
        }
        const input = edited(base, [{ kind: "delete", at }]);
        expect(envelopeShapeIssues(input).length === 0).toBe(StageSnapshotEnvelopeSchema.safeParse(input).success);
      });
    }
    expect(checked).toBeGreaterThan(3000);
  });

  it("reads an object's inherited fields as the schema does", () => {
    const [base] = bases as [Record<string, unknown>];
    const { snapshot, ...rest } = base;
    // A field the prototype supplies is there; an enumerable field it adds is an unknown one.
    const supplied = Object.assign(Object.create({ snapshot }), rest);
    const extra = Object.assign(Object.create({ savedBy: "host" }), base);
    for (const input of [supplied, extra]) {
      expect(envelopeShapeIssues(input).length === 0).toBe(StageSnapshotEnvelopeSchema.safeParse(input).success);
    }
    expect(envelopeShapeIssues(supplied)).toEqual([]);
    expect(envelopeShapeIssues(extra).map((found) => found.message)).toEqual(['Unknown field "savedBy"; remove it.']);
  });

  test.prop([envelope], RUNS)("accepts exactly what StageSnapshotEnvelopeSchema accepts", (input) => {
    const issues = envelopeShapeIssues(input);
    expect(issues.length === 0).toBe(StageSnapshotEnvelopeSchema.safeParse(input).success);
    for (const found of issues) expect(found.code).toBe("invalid-shape");
  });

  test.prop([fc.anything()], RUNS)("agrees with the schema on any value at all", (input) => {
    expect(envelopeShapeIssues(input).length === 0).toBe(StageSnapshotEnvelopeSchema.safeParse(input).success);
  });

  test.prop([envelope], RUNS)("lets restoreStageSnapshot give invalid-shape only where the schema refuses", (input) => {
    const restored = restoreStageSnapshot(tuckmanModel, input);
    const codes = restored.ok ? [] : restored.issues.map((found) => found.code);
    if (codes.includes("invalid-shape")) expect(StageSnapshotEnvelopeSchema.safeParse(input).success).toBe(false);
    if (restored.ok) expect(StageSnapshotEnvelopeSchema.safeParse(input).success).toBe(true);
  });
});
