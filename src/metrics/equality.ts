import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { Measured } from "./measured.js";

/**
 * Why an equality measure is undefined.
 *
 * - `no-members`: the roster is empty.
 * - `nobody-spoke`: every value is 0, so there are no shares to compare.
 * - `one-member`: a measure that compares members with each other has nobody to compare with.
 * - `out-of-range`: the figure is beyond what a 64-bit floating-point number holds; only the variance, which carries
 *   the square of the values' unit, can be (values around 1e155 and above give a variance past about 1.8e308, and
 *   values around 1e-155 and below one under about 2.2e-308). Give the values in another unit.
 *
 * @example
 * participationEquality([0, 0]).hhi.reason
 * //=> "nobody-spoke"
 * @example
 * participationEquality([1e200, 0]).variance
 * //=> ({ value: null, reason: "out-of-range" })
 */
export type EqualityUndefinedReason = "no-members" | "nobody-spoke" | "one-member" | "out-of-range";

/**
 * An equality measure: a number, or `null` with an {@link EqualityUndefinedReason}.
 *
 * @example
 * participationEquality([7]).gini
 * //=> ({ value: null, reason: "one-member" })
 */
export type EqualityValue = Measured<EqualityUndefinedReason>;

/**
 * How equally a group's talk (time, turns or acts) is spread over its roster; the result of
 * {@link participationEquality}.
 *
 * Shares are each member's value divided by the total. Silent members are in the roster with 0.
 *
 * @example
 * const equality = participationEquality([10, 10, 10, 10]);
 * [equality.members, equality.total, equality.hhi.value, equality.effectiveParticipants.value]
 * //=> [4, 40, 0.25, 4]
 */
export interface ParticipationEquality {
  /** How many members the values cover (the roster size, silent members included). */
  readonly members: number;
  /** The sum of the values. */
  readonly total: number;
  /** Gini coefficient: 0 when all are equal, (n−1)/n when one member holds everything. */
  readonly gini: EqualityValue;
  /** Gini scaled by n/(n−1): 0 when all are equal, 1 when one member holds everything. Needs two members. */
  readonly giniScaled: EqualityValue;
  /** Shannon entropy of the shares, in nats (natural logarithm): 0 when one member holds everything, ln n at most. */
  readonly entropy: EqualityValue;
  /** Pielou's evenness, entropy ÷ ln n: 1 when all are equal, 0 when one member holds everything. Needs two members. */
  readonly evenness: EqualityValue;
  /** Herfindahl–Hirschman index, the sum of squared shares: 1/n when all are equal, 1 when one holds everything. */
  readonly hhi: EqualityValue;
  /** HHI rescaled to 0 (all equal) … 1 (one holds everything): (HHI − 1/n) ÷ (1 − 1/n). Needs two members. */
  readonly normalisedHhi: EqualityValue;
  /** Effective number of participants, 1 ÷ HHI: "as balanced as this many equally active members". */
  readonly effectiveParticipants: EqualityValue;
  /** Coefficient of variation: population standard deviation ÷ mean. Needs two members. */
  readonly coefficientOfVariation: EqualityValue;
  /** Population variance of the values (Woolley et al. 2010 used the variance of speaking turns). Needs two members. */
  readonly variance: EqualityValue;
}

const defined = (value: number): EqualityValue => ({ value, reason: null });
const undefinedBecause = (reason: EqualityUndefinedReason): EqualityValue => ({ value: null, reason });

function allUndefined(members: number, total: number, reason: EqualityUndefinedReason): ParticipationEquality {
  const none = undefinedBecause(reason);
  return {
    members,
    total,
    gini: none,
    giniScaled: none,
    entropy: none,
    evenness: none,
    hhi: none,
    normalisedHhi: none,
    effectiveParticipants: none,
    coefficientOfVariation: none,
    variance: none,
  };
}

/**
 * How equally participation is spread over a group's roster: Gini, entropy, evenness, HHI, effective number of
 * participants, coefficient of variation and variance.
 *
 * Pass one value per roster member (talk time, turns or acts), silent members as 0: leaving them out would make a
 * lopsided group look balanced. Undefined measures are `null` with a reason, never 0: with an empty roster
 * (`no-members`), when every value is 0 (`nobody-spoke`), and, for the measures that compare members with each other
 * (Gini, evenness, normalised HHI, coefficient of variation, variance), with one member (`one-member`).
 *
 * @param values - one count or duration per roster member, in any order; 0 for members who did not take part
 * The measures are free of the values' unit and are computed on the values divided by the largest, so they are the
 * same for tiny and huge values; only the variance carries the unit (squared), and is `null` with `out-of-range` when
 * it is beyond what a double holds.
 *
 * @throws {GroupworkError} `invalid-argument` when `values` is not a list, a value is negative or not a finite
 * number (names its index), or the values add up to more than the largest finite number (about 1.8e308)
 * @returns every measure of {@link ParticipationEquality}, each a number or `null` with its reason
 * @example
 * // One member of four did all the talking
 * const equality = participationEquality([40, 0, 0, 0]);
 * [equality.giniScaled.value, equality.hhi.value, equality.effectiveParticipants.value]
 * //=> [1, 1, 1]
 */
export function participationEquality(values: readonly number[]): ParticipationEquality {
  if (!Array.isArray(values)) {
    throw new GroupworkError("invalid-argument", "participationEquality: values must be a list of numbers.");
  }
  const n = values.length;
  let total = 0;
  let largest = 0;
  for (let index = 0; index < n; index++) {
    const value = values[index];
    if (typeof value !== "number" || !Number.isFinite(value) || value < 0) {
      throw new GroupworkError(
        "invalid-argument",
        `participationEquality: values[${index}] is ${describeValue(value)}; each value must be a finite number, 0 or more.`,
      );
    }
    total += value;
    if (value > largest) largest = value;
  }
  if (total === Number.POSITIVE_INFINITY) {
    throw new GroupworkError(
      "invalid-argument",
      "participationEquality: the values add up to more than the largest finite number (about 1.8e308); give them in a larger unit.",
    );
  }
  if (n === 0) return allUndefined(0, 0, "no-members");
  if (largest === 0) return allUndefined(n, 0, "nobody-spoke");

  // Every measure but the variance is free of the unit, so work on values divided by the largest (each in 0…1): tiny
  // or huge inputs then neither underflow nor overflow. The variance is scaled back at the end.
  let scaledTotal = 0;
  for (const value of values) scaledTotal += value / largest;
  const mean = scaledTotal / n;
  let entropy = 0;
  let hhi = 0;
  let squaredDeviations = 0;
  for (const value of values) {
    const scaled = value / largest;
    const share = scaled / scaledTotal;
    hhi += share * share;
    // 0 · ln 0 is taken as 0, its limit (Shannon 1948).
    if (share > 0) entropy -= share * Math.log(share);
    squaredDeviations += (scaled - mean) * (scaled - mean);
  }
  // The entropy of a single speaker is exactly 0; rounding can leave -0 or a tiny negative.
  entropy = Math.max(0, entropy);

  if (n === 1) {
    const alone = undefinedBecause("one-member");
    return {
      members: 1,
      total,
      gini: alone,
      giniScaled: alone,
      entropy: defined(entropy),
      evenness: alone,
      hhi: defined(1),
      normalisedHhi: alone,
      effectiveParticipants: defined(1),
      coefficientOfVariation: alone,
      variance: alone,
    };
  }

  // Gini (Gini 1912) from the ascending order: G = 2·Σ i·x(i) ÷ (n·Σx) − (n+1)/n, i = 1…n, which is the mean
  // absolute difference form Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2n²μ) rearranged.
  // A list of our own, filled by index: map would call whatever the caller's list holds as its `constructor`.
  const ascending: number[] = [];
  for (let index = 0; index < n; index++) ascending.push((values[index] as number) / largest);
  ascending.sort((a, b) => a - b);
  let rankWeighted = 0;
  ascending.forEach((scaled, index) => {
    rankWeighted += (index + 1) * scaled;
  });
  const gini = clamp((2 * rankWeighted) / (n * scaledTotal) - (n + 1) / n, 0, (n - 1) / n);
  const scaledVariance = squaredDeviations / n;
  // Scaled back to the values' unit, the variance can overflow (values near 1e155 and above) or fall below the
  // smallest normal double (near 1e-155 and below, where 0 would read as "perfectly equal"): no figure then.
  const variance = scaledVariance * largest * largest;
  const varianceInRange = scaledVariance === 0 || (variance < Number.POSITIVE_INFINITY && variance >= SMALLEST_NORMAL);
  return {
    members: n,
    total,
    gini: defined(gini),
    // n/(n−1) makes one voice 1 in a group of any size (the small-sample correction, Deltas 2003).
    giniScaled: defined(clamp((gini * n) / (n - 1), 0, 1)),
    entropy: defined(entropy),
    evenness: defined(clamp(entropy / Math.log(n), 0, 1)), // Pielou 1966
    hhi: defined(hhi),
    normalisedHhi: defined(clamp((hhi - 1 / n) / (1 - 1 / n), 0, 1)),
    effectiveParticipants: defined(1 / hhi), // the "effective number" of Laakso & Taagepera 1979
    coefficientOfVariation: defined(Math.sqrt(scaledVariance) / mean),
    // Population variance: the roster is the whole group, not a sample of one (Woolley et al. 2010 used the variance
    // of speaking turns).
    variance: varianceInRange ? defined(variance) : undefinedBecause("out-of-range"),
  };
}

// The smallest positive normal double, 2⁻¹⁰²²: below it a double loses precision (IEEE 754 subnormals).
const SMALLEST_NORMAL = 2.2250738585072014e-308;

// Floating-point rounding can push a bounded measure a hair outside its range (−1e-17 for equal values).
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
