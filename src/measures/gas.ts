import { GroupworkError } from "../_lib/errors.js";
import type { Measured } from "../metrics/index.js";

/**
 * A goal's attainment on its scale: −2 (much less than expected) … 0 (the expected outcome) … +2 (much more).
 *
 * @example
 * // Every goal reached its expected level
 * goalAttainmentScore([{ score: 0 }, { score: 0 }]).tScore.value
 * //=> 50
 */
export type GoalAttainmentLevel = -2 | -1 | 0 | 1 | 2;

/**
 * One scaled goal, as scored at follow-up; an entry of {@link goalAttainmentScore}'s list.
 *
 * @example
 * goalAttainmentScore([{ score: 2, weight: 3 }, { score: 0, weight: 2 }, { score: -1 }]).weightedSum
 * //=> 5
 */
export interface GoalAttainmentGoal {
  /** The level reached, −2 … +2. */
  readonly score: GoalAttainmentLevel;
  /** How much the goal matters relative to the others, more than 0. Default 1. */
  readonly weight?: number;
}

/**
 * Options of {@link goalAttainmentScore}.
 *
 * @example
 * // One goal at +2: √((1 − ρ) + ρ) = 1 whatever ρ, so T = 70
 * goalAttainmentScore([{ score: 2 }], { rho: 0.5 }).tScore.value
 * //=> 70
 */
export interface GoalAttainmentOptions {
  /** The assumed correlation between goal scores, 0 to 1. Default 0.3, Kiresuk & Sherman's convention. */
  readonly rho?: number;
}

/**
 * The summary T-score of a set of goals; the result of {@link goalAttainmentScore}.
 *
 * @example
 * goalAttainmentScore([])
 * //=> ({ tScore: { value: null, reason: "no-goals" }, goals: 0, weightedSum: 0, rho: 0.3 })
 */
export interface GoalAttainmentScore {
  /** The T-score: 50 when every goal reached its expected level, 10 points a standard deviation; `null` without goals. */
  readonly tScore: Measured<"no-goals">;
  /** How many goals were scored. */
  readonly goals: number;
  /** Σ wᵢ·xᵢ, the weighted sum of the levels. */
  readonly weightedSum: number;
  /** The ρ used. */
  readonly rho: number;
}

/**
 * The Goal Attainment Scaling summary T-score (Kiresuk & Sherman 1968):
 * T = 50 + 10·Σwᵢxᵢ ÷ √((1 − ρ)·Σwᵢ² + ρ·(Σwᵢ)²).
 *
 * Each goal is scored −2 … +2 against the levels set with the member; 0 is the expected outcome, so T = 50 means the
 * goals were met as expected. ρ, the assumed correlation between goal scores, is 0.3 by convention. An empty list of
 * goals gives `null` with the reason `no-goals`: there is nothing to summarise, and 50 would read as "met as expected".
 *
 * @param goals - the scored goals, each with its level and optional weight
 * @param options - `rho`, the assumed correlation between goal scores (default 0.3)
 * @throws {GroupworkError} `invalid-argument` when a score is not a whole number from −2 to +2, a weight is not a
 * finite number above 0 (names the goal), `rho` is outside 0 … 1, or goals or options are not what their types say
 * @returns the {@link GoalAttainmentScore}
 * @example
 * // Three equally weighted goals: one met as expected, one exceeded, one a little short
 * const result = goalAttainmentScore([{ score: 0 }, { score: 2 }, { score: -1 }]);
 * Math.round(result.tScore.value * 100) / 100
 * //=> 54.56
 */
export function goalAttainmentScore(
  goals: readonly GoalAttainmentGoal[],
  options: GoalAttainmentOptions = {},
): GoalAttainmentScore {
  if (!Array.isArray(goals) || typeof options !== "object" || options === null) {
    throw new GroupworkError("invalid-argument", "goalAttainmentScore: give a list of goals and an options object.");
  }
  const rho = options.rho ?? 0.3;
  if (typeof rho !== "number" || !(rho >= 0 && rho <= 1)) {
    throw new GroupworkError(
      "invalid-argument",
      `goalAttainmentScore: options.rho is ${String(rho)}; give a number from 0 to 1.`,
    );
  }
  let weightedSum = 0;
  let weights = 0;
  let squaredWeights = 0;
  goals.forEach((goal, index) => {
    const score: unknown = goal?.score;
    if (typeof score !== "number" || !Number.isInteger(score) || score < -2 || score > 2) {
      throw new GroupworkError(
        "invalid-argument",
        `goalAttainmentScore: goals[${index}].score is ${String(score)}; levels are the whole numbers −2 to +2.`,
      );
    }
    const weight: unknown = goal.weight ?? 1;
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) {
      throw new GroupworkError(
        "invalid-argument",
        `goalAttainmentScore: goals[${index}].weight is ${String(weight)}; weights are finite numbers above 0.`,
      );
    }
    weightedSum += weight * score;
    weights += weight;
    squaredWeights += weight * weight;
  });
  if (goals.length === 0) return { tScore: { value: null, reason: "no-goals" }, goals: 0, weightedSum: 0, rho };
  // Kiresuk & Sherman 1968; the denominator is above 0 because every weight is.
  const tScore = 50 + (10 * weightedSum) / Math.sqrt((1 - rho) * squaredWeights + rho * weights * weights);
  return { tScore: { value: tScore, reason: null }, goals: goals.length, weightedSum, rho };
}
