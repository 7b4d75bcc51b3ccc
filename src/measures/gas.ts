import { describeValue, GroupworkError } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type { Measured } from "../metrics/index.js";

/**
 * A goal's attainment on its scale: −2 (much less than expected) … 0 (the expected outcome) … +2 (much more).
 *
 * @example
 * // Every goal reached its expected level
 * scoreGoalAttainment([{ score: 0 }, { score: 0 }]).tScore.value
 * //=> 50
 */
export type GoalAttainmentLevel = -2 | -1 | 0 | 1 | 2;

/**
 * One scaled goal, as scored at follow-up; an entry of {@link scoreGoalAttainment}'s list.
 *
 * @example
 * scoreGoalAttainment([{ score: 2, weight: 3 }, { score: 0, weight: 2 }, { score: -1 }]).weightedSum
 * //=> 5
 */
export interface GoalAttainmentGoal {
  /** The level reached, −2 … +2. */
  readonly score: GoalAttainmentLevel;
  /** How much the goal matters relative to the others, more than 0. Default 1. */
  readonly weight?: number;
}

/**
 * Options of {@link scoreGoalAttainment}.
 *
 * @example
 * // One goal at +2: √((1 − ρ) + ρ) = 1 whatever ρ, so T = 70
 * scoreGoalAttainment([{ score: 2 }], { rho: 0.5 }).tScore.value
 * //=> 70
 */
export interface GoalAttainmentOptions {
  /** The assumed correlation between goal scores, 0 to 1. Default 0.3, Kiresuk & Sherman's convention. */
  readonly rho?: number;
}

/**
 * The summary T-score of a set of goals; the result of {@link scoreGoalAttainment}.
 *
 * @example
 * scoreGoalAttainment([])
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
 * Only the weights' proportions matter: multiplying every weight by the same number leaves T as it is, and T is
 * computed from the weights divided by the largest, so weights from about 1e-300 to 1e300 give the same T as 1 to 10.
 *
 * @param goals - the scored goals, each with its level and optional weight
 * @param options - `rho`, the assumed correlation between goal scores (default 0.3)
 * @throws {GroupworkError} `invalid-argument` when a goal is not an object, a score is not a whole number from −2 to
 * +2, a weight is not a finite number above 0 (names the goal), the weighted sum Σwᵢxᵢ is beyond the largest finite
 * number (weights near 1e308), `rho` is outside 0 … 1, the options hold a key other than `rho` (a misspelt option is
 * never ignored), or goals or options are not what their types say
 * @returns the {@link GoalAttainmentScore}
 * @example
 * // Three equally weighted goals: one met as expected, one exceeded, one a little short
 * const result = scoreGoalAttainment([{ score: 0 }, { score: 2 }, { score: -1 }]);
 * result.tScore.value === null ? null : Math.round(result.tScore.value * 100) / 100
 * //=> 54.56
 * @example
 * // One goal much better than expected: T = 70 whatever its weight
 * [1e-200, 1, 1e200].map((weight) => scoreGoalAttainment([{ score: 2, weight }]).tScore.value)
 * //=> [70, 70, 70]
 */
export function scoreGoalAttainment(
  goals: readonly GoalAttainmentGoal[],
  options: GoalAttainmentOptions = {},
): GoalAttainmentScore {
  if (!Array.isArray(goals) || typeof options !== "object" || options === null) {
    throw new GroupworkError("invalid-argument", "scoreGoalAttainment: give a list of goals and an options object.");
  }
  refuseUnknownKeys(options, ["rho"], "scoreGoalAttainment: options");
  const rho = options.rho ?? 0.3;
  if (typeof rho !== "number" || !(rho >= 0 && rho <= 1)) {
    throw new GroupworkError(
      "invalid-argument",
      `scoreGoalAttainment: options.rho is ${describeValue(rho)}; give a number from 0 to 1.`,
    );
  }
  const scores: number[] = [];
  const weights: number[] = [];
  let largest = 0;
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused rather than skipped.
  for (let index = 0; index < goals.length; index++) {
    const goal: unknown = goals[index];
    if (typeof goal !== "object" || goal === null) {
      throw new GroupworkError(
        "invalid-argument",
        `scoreGoalAttainment: goals[${index}] must be a goal { score, weight? }; got ${describeValue(goal)}.`,
      );
    }
    const { score, weight = 1 } = goal as { score?: unknown; weight?: unknown };
    if (typeof score !== "number" || !Number.isInteger(score) || score < -2 || score > 2) {
      throw new GroupworkError(
        "invalid-argument",
        `scoreGoalAttainment: goals[${index}].score is ${describeValue(score)}; levels are the whole numbers −2 to +2.`,
      );
    }
    if (typeof weight !== "number" || !Number.isFinite(weight) || weight <= 0) {
      throw new GroupworkError(
        "invalid-argument",
        `scoreGoalAttainment: goals[${index}].weight is ${describeValue(weight)}; weights are finite numbers above 0.`,
      );
    }
    scores.push(score);
    weights.push(weight);
    if (weight > largest) largest = weight;
  }
  if (goals.length === 0) return { tScore: { value: null, reason: "no-goals" }, goals: 0, weightedSum: 0, rho };
  // The T-score does not change when every weight is multiplied by the same number, so the sums are taken over the
  // weights divided by the largest (each in 0…1): squares of tiny weights then do not underflow to 0 (0 ÷ 0), nor
  // those of huge ones overflow to Infinity.
  let scaledSum = 0;
  let scaledWeights = 0;
  let scaledSquares = 0;
  scores.forEach((score, index) => {
    const weight = (weights[index] as number) / largest; // one weight per score
    scaledSum += weight * score;
    scaledWeights += weight;
    scaledSquares += weight * weight;
  });
  const weightedSum = scaledSum * largest;
  if (!Number.isFinite(weightedSum)) {
    throw new GroupworkError(
      "invalid-argument",
      "scoreGoalAttainment: the weighted sum Σ wᵢxᵢ is beyond the largest finite number (about 1.8e308); divide every weight by the same number, which leaves the T-score as it is.",
    );
  }
  // Kiresuk & Sherman 1968. The largest scaled weight is 1, so Σwᵢ² ≥ 1 and (Σwᵢ)² ≥ 1: the denominator is at least 1.
  const tScore = 50 + (10 * scaledSum) / Math.sqrt((1 - rho) * scaledSquares + rho * scaledWeights * scaledWeights);
  return { tScore: { value: tScore, reason: null }, goals: goals.length, weightedSum, rho };
}
