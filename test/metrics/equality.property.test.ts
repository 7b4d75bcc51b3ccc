import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type ParticipationEquality, participationEquality } from "../../src/index";

// What must hold for any roster with at least two members and someone who spoke.
const counts = fc
  .array(fc.oneof(fc.nat({ max: 1000 }), fc.double({ min: 1e-6, max: 1e4, noNaN: true })), {
    minLength: 2,
    maxLength: 30,
  })
  .filter((values) => values.some((value) => value > 0));

const SCALE_FREE = [
  "gini",
  "giniScaled",
  "entropy",
  "evenness",
  "hhi",
  "normalisedHhi",
  "effectiveParticipants",
  "coefficientOfVariation",
] as const;

function value(result: ParticipationEquality, name: keyof ParticipationEquality): number {
  const measure = result[name];
  if (typeof measure === "number" || measure.value === null) throw new Error(`${name} should be defined`);
  return measure.value;
}

const near = (actual: number, expected: number, tolerance = 1e-9) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));

describe("participationEquality properties", () => {
  test.prop([
    counts.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray(values, { minLength: values.length }))),
  ])("does not depend on the order of the roster", ([values, shuffled]) => {
    const a = participationEquality(values);
    const b = participationEquality(shuffled);
    for (const name of [...SCALE_FREE, "variance"] as const) near(value(b, name), value(a, name));
  });

  test.prop([counts, fc.double({ min: 1e-3, max: 1e3, noNaN: true })])(
    "does not depend on the unit (seconds or minutes, turns or acts): scale-free measures stay, variance scales by k²",
    (values, k) => {
      const a = participationEquality(values);
      const b = participationEquality(values.map((v) => v * k));
      for (const name of SCALE_FREE) near(value(b, name), value(a, name), 1e-7);
      near(value(b, "variance"), value(a, "variance") * k * k, 1e-7);
    },
  );

  test.prop([counts, fc.nat(), fc.nat(), fc.double({ min: 0, max: 1, noNaN: true })])(
    "a transfer from a richer to a poorer member (Pigou–Dalton) never raises Gini or HHI",
    (values, i, j, fraction) => {
      const rich = i % values.length;
      const poor = j % values.length;
      const gap = (values[rich] ?? 0) - (values[poor] ?? 0);
      fc.pre(gap > 0);
      // Not overshooting: move at most half the gap, so the poorer member does not end up the richer.
      const amount = (gap / 2) * fraction;
      const after = [...values];
      after[rich] = (after[rich] ?? 0) - amount;
      after[poor] = (after[poor] ?? 0) + amount;
      const before = participationEquality(values);
      const transferred = participationEquality(after);
      expect(value(transferred, "gini")).toBeLessThanOrEqual(value(before, "gini") + 1e-12);
      expect(value(transferred, "hhi")).toBeLessThanOrEqual(value(before, "hhi") + 1e-12);
    },
  );

  test.prop([counts])("stays within its bounds", (values) => {
    const n = values.length;
    const result = participationEquality(values);
    const within = (name: keyof ParticipationEquality, low: number, high: number) => {
      expect(value(result, name)).toBeGreaterThanOrEqual(low - 1e-12);
      expect(value(result, name)).toBeLessThanOrEqual(high + 1e-12);
    };
    within("gini", 0, (n - 1) / n);
    within("giniScaled", 0, 1);
    within("entropy", 0, Math.log(n));
    within("evenness", 0, 1);
    within("hhi", 1 / n, 1);
    within("normalisedHhi", 0, 1);
    within("effectiveParticipants", 1, n);
    within("coefficientOfVariation", 0, Math.sqrt(n - 1));
    within("variance", 0, Number.POSITIVE_INFINITY);
  });

  test.prop([counts])("HHI = (1 + CV²)/n, and 1/HHI ≤ exp(H) ≤ n", (values) => {
    const n = values.length;
    const result = participationEquality(values);
    const cv = value(result, "coefficientOfVariation");
    near(value(result, "hhi"), (1 + cv * cv) / n);
    const exponentOfEntropy = Math.exp(value(result, "entropy"));
    expect(value(result, "effectiveParticipants")).toBeLessThanOrEqual(exponentOfEntropy * (1 + 1e-9));
    expect(exponentOfEntropy).toBeLessThanOrEqual(n * (1 + 1e-9));
  });

  test.prop([counts])("agrees with the textbook formulas written out here", (values) => {
    // A second way to each measure: Gini from every pair, Σᵢ Σⱼ |xᵢ − xⱼ| ÷ (2n²μ) (Gini 1912); entropy and HHI from
    // the shares; CV from the population SD. The library sorts and scales instead.
    const n = values.length;
    const total = values.reduce((sum, v) => sum + v, 0);
    const mean = total / n;
    let pairs = 0;
    for (const a of values) for (const b of values) pairs += Math.abs(a - b);
    const shares = values.map((v) => v / total);
    const sd = Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / n);
    const result = participationEquality(values);
    near(value(result, "gini"), pairs / (2 * n * n * mean));
    near(value(result, "entropy"), -shares.reduce((sum, p) => sum + (p > 0 ? p * Math.log(p) : 0), 0));
    near(
      value(result, "hhi"),
      shares.reduce((sum, p) => sum + p * p, 0),
    );
    near(value(result, "coefficientOfVariation"), sd / mean, 1e-7);
  });

  test.prop([fc.array(fc.constant(0), { maxLength: 20 })])("nobody spoke: every measure is null, never 0", (zeros) => {
    const result = participationEquality(zeros);
    for (const name of [...SCALE_FREE, "variance"] as const) {
      expect(result[name]).toEqual({ value: null, reason: zeros.length === 0 ? "no-members" : "nobody-spoke" });
    }
  });
});

// Values of any magnitude a double holds with full precision: a mantissa in [1, 10) times 10^e, e from −300 to 300,
// or 0 for a silent member.
const anyMagnitude = fc.oneof(
  fc.constant(0),
  fc
    .tuple(fc.double({ min: 1, max: 9.999, noNaN: true }), fc.integer({ min: -300, max: 300 }))
    .map(([mantissa, exponent]) => mantissa * 10 ** exponent),
);
const REASONS = ["no-members", "nobody-spoke", "one-member", "out-of-range"];

describe("participationEquality over the whole range of doubles", () => {
  test.prop([counts, fc.integer({ min: -300, max: 299 })])(
    "multiplying every value by 10^e, e from −300 to 299, leaves the scale-free measures; the variance scales by 10^2e or is out of range",
    (values, exponent) => {
      const k = 10 ** exponent;
      const a = participationEquality(values);
      const b = participationEquality(values.map((v) => v * k));
      for (const name of SCALE_FREE) near(value(b, name), value(a, name), 1e-7);
      const variance = value(a, "variance");
      // log10 of the variance in the new unit, worked out without forming it (which may overflow or underflow).
      const log10 = Math.log10(variance) + 2 * exponent;
      if (b.variance.value === null) {
        expect(b.variance.reason).toBe("out-of-range");
        // Only beyond the doubles' normal range, about 1.8e308 above and 2.2e-308 below (with rounding at the edges).
        expect(log10 > 308 || log10 < -307.6).toBe(true);
      } else if (value(a, "coefficientOfVariation") > 1e-6) {
        // Only where the values differ by more than rounding: for values equal to 15 digits (a CV near 1e-16), each
        // v·10^e rounds by as much as the values differ, so the variance of the scaled values is not a scaled variance.
        expect(Math.log10(b.variance.value)).toBeCloseTo(log10, 6);
      }
    },
  );

  test.prop([fc.array(anyMagnitude, { maxLength: 30 })])(
    "every measure is a finite number, or null with a reason; the total is finite",
    (values) => {
      const result = participationEquality(values);
      expect(Number.isFinite(result.total)).toBe(true);
      for (const name of [...SCALE_FREE, "variance"] as const) {
        const measure = result[name];
        if (measure.value === null) expect(REASONS).toContain(measure.reason);
        else expect(Number.isFinite(measure.value)).toBe(true);
      }
    },
  );
});
