import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type GoalAttainmentLevel, scoreGcqS, scoreGoalAttainment } from "../../src/index";

const level = fc.constantFrom<GoalAttainmentLevel>(-2, -1, 0, 1, 2);
const goals = fc.array(fc.record({ score: level, weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }), {
  minLength: 1,
  maxLength: 8,
});
const rho = fc.double({ min: 0, max: 1, noNaN: true });

describe("scoreGoalAttainment properties", () => {
  test.prop([goals, rho, fc.nat()])("raising one goal's level never lowers the T-score", (list, r, pick) => {
    const index = pick % list.length;
    const goal = list[index];
    fc.pre(goal !== undefined && goal.score < 2);
    const better = list.map((g, i) => (i === index ? { ...g, score: (g.score + 1) as GoalAttainmentLevel } : g));
    const before = scoreGoalAttainment(list, { rho: r }).tScore.value ?? Number.NaN;
    expect(scoreGoalAttainment(better, { rho: r }).tScore.value).toBeGreaterThan(before);
  });

  test.prop([goals, rho])("every goal at its expected level gives exactly 50", (list, r) => {
    expect(
      scoreGoalAttainment(
        list.map((g) => ({ ...g, score: 0 as const })),
        { rho: r },
      ).tScore.value,
    ).toBe(50);
  });

  test.prop([goals, rho, fc.double({ min: 0.01, max: 100, noNaN: true })])(
    "multiplying every weight by the same number changes nothing",
    (list, r, k) => {
      const scaled = list.map((g) => ({ ...g, weight: g.weight * k }));
      const a = scoreGoalAttainment(list, { rho: r }).tScore.value ?? Number.NaN;
      expect(scoreGoalAttainment(scaled, { rho: r }).tScore.value).toBeCloseTo(a, 8);
    },
  );
});

// A power of ten from 1e-300 to 1e300: weights of any size a double holds with full precision.
const magnitude = fc.integer({ min: -300, max: 300 }).map((exponent) => 10 ** exponent);

describe("scoreGoalAttainment over the whole range of weights", () => {
  test.prop([goals, rho, magnitude])(
    "multiplying every weight by a power of ten from 1e-300 to 1e300 changes nothing, and T stays finite",
    (list, r, k) => {
      const a = scoreGoalAttainment(list, { rho: r }).tScore.value ?? Number.NaN;
      const b = scoreGoalAttainment(
        list.map((g) => ({ ...g, weight: g.weight * k })),
        { rho: r },
      ).tScore.value;
      expect(Number.isFinite(b)).toBe(true);
      expect(b).toBeCloseTo(a, 8);
    },
  );

  test.prop([fc.array(fc.record({ score: level, weight: magnitude }), { minLength: 1, maxLength: 8 }), rho])(
    "weights of mixed magnitudes give a finite T within 20n of 50, and a finite weighted sum",
    (list, r) => {
      const result = scoreGoalAttainment(list, { rho: r });
      expect(Number.isFinite(result.weightedSum)).toBe(true);
      // |Σwx| ≤ 2Σw and the denominator is at least √((1 − ρ)Σw² + ρ·Σw²) ≥ max w, so |T − 50| ≤ 20·Σw ÷ max w ≤ 20n.
      const t = result.tScore.value ?? Number.NaN;
      expect(Math.abs(t - 50)).toBeLessThanOrEqual(20 * list.length);
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
