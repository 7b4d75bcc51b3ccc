import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type GoalAttainmentLevel, goalAttainmentScore, scoreGcqS } from "../../src/index";

const level = fc.constantFrom<GoalAttainmentLevel>(-2, -1, 0, 1, 2);
const goals = fc.array(fc.record({ score: level, weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }), {
  minLength: 1,
  maxLength: 8,
});
const rho = fc.double({ min: 0, max: 1, noNaN: true });

describe("goalAttainmentScore properties", () => {
  test.prop([goals, rho, fc.nat()])("raising one goal's level never lowers the T-score", (list, r, pick) => {
    const index = pick % list.length;
    const goal = list[index];
    fc.pre(goal !== undefined && goal.score < 2);
    const better = list.map((g, i) => (i === index ? { ...g, score: (g.score + 1) as GoalAttainmentLevel } : g));
    const before = goalAttainmentScore(list, { rho: r }).tScore.value ?? Number.NaN;
    expect(goalAttainmentScore(better, { rho: r }).tScore.value).toBeGreaterThan(before);
  });

  test.prop([goals, rho])("every goal at its expected level gives exactly 50", (list, r) => {
    expect(
      goalAttainmentScore(
        list.map((g) => ({ ...g, score: 0 as const })),
        { rho: r },
      ).tScore.value,
    ).toBe(50);
  });

  test.prop([goals, rho, fc.double({ min: 0.01, max: 100, noNaN: true })])(
    "multiplying every weight by the same number changes nothing",
    (list, r, k) => {
      const scaled = list.map((g) => ({ ...g, weight: g.weight * k }));
      const a = goalAttainmentScore(list, { rho: r }).tScore.value ?? Number.NaN;
      expect(goalAttainmentScore(scaled, { rho: r }).tScore.value).toBeCloseTo(a, 8);
    },
  );
});

describe("scoreGcqS properties", () => {
  const answer = fc.option(fc.integer({ min: 0, max: 6 }), { nil: null, freq: 4 });
  test.prop([fc.array(answer, { minLength: 12, maxLength: 12 })])(
    "valid exactly when at most 4 items are missing; every score lies between 0 and 6",
    (responses) => {
      const score = scoreGcqS(responses);
      const missing = responses.filter((r) => r === null).length;
      expect(score.valid).toBe(missing <= 4);
      expect(score.missingItems).toHaveLength(missing);
      for (const subscale of [score.engaged, score.avoiding, score.conflict]) {
        if (subscale.value === null)
          expect(subscale.reason).toBe(score.valid ? "no-items-answered" : "too-many-missing");
        else {
          expect(subscale.value).toBeGreaterThanOrEqual(0);
          expect(subscale.value).toBeLessThanOrEqual(6);
        }
      }
    },
  );
});
