import { describe, expect, it } from "vitest";
import { type GoalAttainmentLevel, GroupworkError, scoreGoalAttainment } from "../../src/index";

describe("scoreGoalAttainment: worked examples", () => {
  it("weighted goals, ρ = 0.3", () => {
    // Scores +2, 0, −1 with weights 3, 2, 1: Σwx = 6 + 0 − 1 = 5; Σw² = 9 + 4 + 1 = 14; (Σw)² = 36.
    // Denominator √(0.7·14 + 0.3·36) = √(9.8 + 10.8) = √20.6 = 4.538722287; T = 50 + 50/4.538722287 = 61.016316.
    const result = scoreGoalAttainment([
      { score: 2, weight: 3 },
      { score: 0, weight: 2 },
      { score: -1, weight: 1 },
    ]);
    expect(result.tScore.value).toBeCloseTo(61.016316, 5);
    expect(result).toMatchObject({ goals: 3, weightedSum: 5, rho: 0.3, tScore: { reason: null } });
  });

  it("equal weights agree with the closed form 50 + 10·Σx / √(n(1 − ρ) + ρn²)", () => {
    // Scores +1, +1, 0, −2 (Σx = 0): T = 50. Scores +1, +2 (Σx = 3, n = 2): √(1.4 + 1.2) = √2.6, T = 50 + 30/√2.6.
    expect(scoreGoalAttainment([{ score: 1 }, { score: 1 }, { score: 0 }, { score: -2 }]).tScore.value).toBe(50);
    expect(scoreGoalAttainment([{ score: 1 }, { score: 2 }]).tScore.value).toBeCloseTo(50 + 30 / Math.sqrt(2.6), 10);
    for (const rho of [0, 0.3, 0.5, 1]) {
      for (const scores of [[2], [-2, -2, -2], [1, 0, -1, 2, 2]] as GoalAttainmentLevel[][]) {
        const n = scores.length;
        const sum = scores.reduce((a: number, b) => a + b, 0);
        const closed = 50 + (10 * sum) / Math.sqrt(n * (1 - rho) + rho * n * n);
        expect(
          scoreGoalAttainment(
            scores.map((score) => ({ score, weight: 2.5 })),
            { rho },
          ).tScore.value,
        ).toBeCloseTo(closed, 10);
      }
    }
  });

  it("one goal at +2 with ρ = 0.3 gives 70 (two standard deviations above expected)", () => {
    // √(0.7 + 0.3) = 1: T = 50 + 20 = 70.
    expect(scoreGoalAttainment([{ score: 2 }]).tScore.value).toBe(70);
  });
});

describe("scoreGoalAttainment: edges and arguments", () => {
  it("no goals: null, not 50", () => {
    expect(scoreGoalAttainment([])).toEqual({
      tScore: { value: null, reason: "no-goals" },
      goals: 0,
      weightedSum: 0,
      rho: 0.3,
    });
  });

  it.each([
    [[{ score: 3 }], "goals[0].score is 3"],
    [[{ score: 0 }, { score: 1.5 }], "goals[1].score is 1.5"],
    [[{ score: "1" }], 'goals[0].score is "1"'],
    [[{ score: 0, weight: 0 }], "goals[0].weight is 0"],
    [[{ score: 0, weight: -2 }], "goals[0].weight is -2"],
    [[{ score: 0, weight: Number.POSITIVE_INFINITY }], "goals[0].weight is Infinity"],
    [[undefined], "goals[0] must be a goal { score, weight? }; got undefined"],
  ])("rejects %j naming the goal", (goals, message) => {
    const call = () => scoreGoalAttainment(goals as never);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });

  it.each([-0.1, 1.1, Number.NaN])("rejects rho %s", (rho) => {
    expect(() => scoreGoalAttainment([{ score: 0 }], { rho })).toThrow(`options.rho is ${rho}`);
  });
});

describe("scoreGoalAttainment: weights of any size", () => {
  it("gives the T-score of the weights' proportions, for tiny and huge weights alike", () => {
    // One goal: T = 50 + 10·w·x ÷ √((1 − ρ)w² + ρw²) = 50 + 10x whatever w. Computed naively, w² underflows to 0 for
    // w = 1e-200 (0 ÷ 0, or 2e-200 ÷ 0) and overflows for w = 1e200 (a best outcome reads 50).
    for (const weight of [1e-200, 1e-300, 1, 1e200, 1e300]) {
      expect(scoreGoalAttainment([{ score: 0, weight }]).tScore.value).toBe(50);
      expect(scoreGoalAttainment([{ score: 2, weight }]).tScore.value).toBe(70);
      expect(scoreGoalAttainment([{ score: -1, weight }]).tScore.value).toBe(40);
    }
    // Weights 3e-250, 2e-250, 1e-250 are in the proportions of the worked example above (3, 2, 1): T ≈ 61.016316.
    const tiny = scoreGoalAttainment([
      { score: 2, weight: 3e-250 },
      { score: 0, weight: 2e-250 },
      { score: -1, weight: 1e-250 },
    ]);
    expect(tiny.tScore.value).toBeCloseTo(61.016316, 5);
    // Σwx = 6e-250 − 1e-250 = 5e-250, reported in the weights' own unit.
    expect(tiny.weightedSum / 5e-250).toBeCloseTo(1, 12);
  });

  it("refuses weights whose weighted sum is past the largest number, rather than reporting Infinity", () => {
    // 2 · 1e308 = 2e308 > 1.797…e308.
    const call = () => scoreGoalAttainment([{ score: 2, weight: 1e308 }]);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow("the weighted sum Σ wᵢxᵢ is beyond the largest finite number");
    // The same proportions in a smaller unit are fine.
    expect(scoreGoalAttainment([{ score: 2, weight: 1e300 }]).weightedSum).toBe(2e300);
  });
});

describe("scoreGoalAttainment: arguments its types forbid", () => {
  it("names a goal that is not an object, or a score or weight that is not a number, without failing to describe it", () => {
    expect(() => scoreGoalAttainment([{ score: 0 }, 4 as never])).toThrow(
      "goals[1] must be a goal { score, weight? }; got 4",
    );
    expect(() => scoreGoalAttainment([Object.create(null)])).toThrow("goals[0].score is undefined");
    expect(() => scoreGoalAttainment([{ score: Symbol("2") as never }])).toThrow("goals[0].score is a Symbol (2)");
    expect(() => scoreGoalAttainment([{ score: 1, weight: 2n as never }])).toThrow("goals[0].weight is the BigInt 2n");
    expect(() => scoreGoalAttainment([{ score: 1 }], { rho: Object.create(null) })).toThrow(
      "options.rho is an object with no prototype",
    );
  });

  it("refuses goals that are not a list and options that are not an object", () => {
    expect(() => scoreGoalAttainment(null as unknown as [])).toThrow("give a list of goals and an options object");
    expect(() => scoreGoalAttainment([], null as unknown as { rho: number })).toThrow(GroupworkError);
  });

  it("refuses a misspelt option rather than scoring with the default ρ", () => {
    expect(() => scoreGoalAttainment([{ score: 2 }], { Rho: 0.5 } as never)).toThrow(
      'scoreGoalAttainment: options has the key "Rho", which it does not take; it takes "rho".',
    );
  });
});
