import { describe, expect, it } from "vitest";
import { GroupworkError, participationEquality } from "../../src/index";

// Golden values worked by hand; the arithmetic is written beside each number. Tolerance 1e-9 unless exact.
const close = (value: number) => expect.closeTo(value, 9);
const ok = (value: number) => ({ value: close(value), reason: null });

describe("participationEquality: the golden table", () => {
  it("[10, 10, 10, 10]: perfectly equal", () => {
    // shares ¼ each; Gini 0; H = ln 4; J = ln4/ln4 = 1; HHI = 4·(¼)² = ¼; normalised (¼−¼)/(¾) = 0; 1/HHI = 4;
    // mean 10, every deviation 0: variance 0, CV 0.
    expect(participationEquality([10, 10, 10, 10])).toEqual({
      members: 4,
      total: 40,
      gini: ok(0),
      giniScaled: ok(0),
      entropy: ok(Math.log(4)),
      evenness: ok(1),
      hhi: ok(0.25),
      normalisedHhi: ok(0),
      effectiveParticipants: ok(4),
      coefficientOfVariation: ok(0),
      variance: ok(0),
    });
  });

  it("[40, 0, 0, 0]: one member holds everything", () => {
    // Σ|xi−xj| over ordered pairs = 6·40 = 240; Gini = 240 / (2·n²·mean) = 240 / (2·16·10) = 0.75 = (n−1)/n;
    // scaled 0.75·4/3 = 1. Shares (1, 0, 0, 0): H = 0, J = 0, HHI = 1, normalised (1−¼)/(¾) = 1, 1/HHI = 1.
    // mean 10; deviations 30, −10, −10, −10: variance (900+100+100+100)/4 = 300; CV = √300/10 = √3.
    expect(participationEquality([40, 0, 0, 0])).toEqual({
      members: 4,
      total: 40,
      gini: ok(0.75),
      giniScaled: ok(1),
      entropy: ok(0),
      evenness: ok(0),
      hhi: ok(1),
      normalisedHhi: ok(1),
      effectiveParticipants: ok(1),
      coefficientOfVariation: ok(Math.sqrt(3)),
      variance: ok(300),
    });
  });

  it("[1, 2, 3, 4]", () => {
    // Σ|xi−xj| over unordered pairs: 1+2+3+1+2+1 = 10, ordered 20; Gini = 20 / (2·16·2.5) = 0.25; scaled ·4/3 = 1/3.
    // Shares .1 .2 .3 .4: H = .1·2.302585093 + .2·1.609437912 + .3·1.203972804 + .4·0.916290732 = 1.279854226;
    // J = 1.279854226 / ln 4 (1.386294361) = 0.923219672. HHI = .01+.04+.09+.16 = .30; normalised (.3−.25)/.75 = 1/15;
    // 1/HHI = 10/3. mean 2.5; deviations² 2.25, .25, .25, 2.25: variance 5/4; CV = √1.25 / 2.5 = 1/√5.
    expect(participationEquality([1, 2, 3, 4])).toEqual({
      members: 4,
      total: 10,
      gini: ok(0.25),
      giniScaled: ok(1 / 3),
      entropy: ok(1.279854226),
      evenness: ok(0.923219672),
      hhi: ok(0.3),
      normalisedHhi: ok(1 / 15),
      effectiveParticipants: ok(10 / 3),
      coefficientOfVariation: ok(1 / Math.sqrt(5)),
      variance: ok(1.25),
    });
  });

  it("[5, 3, 1, 1, 0, 0]: two silent members count", () => {
    // Unordered |differences|: 5 with the rest: 2+4+4+5+5 = 20; 3: 2+2+3+3 = 10; 1,1: 0+1+1 and 1+1 = 4; 0,0: 0.
    // Σ = 34, ordered 68; Gini = 68 / (2·36·(10/6)) = 68/120 = 0.566666667; scaled ·6/5 = 0.68.
    // Shares .5 .3 .1 .1 0 0: H = .5·0.693147181 + .3·1.203972804 + 2·(.1·2.302585093) = 1.168282450;
    // J = H / ln 6 (1.791759469) = 0.652030850. HHI = .25+.09+.01+.01 = .36; normalised (.36−1/6)/(5/6) = 0.232;
    // 1/HHI = 2.777777778. mean 5/3; Σx² = 36, variance 36/6 − 25/9 = 29/9; CV = (√29/3)/(5/3) = √29/5.
    expect(participationEquality([5, 3, 1, 1, 0, 0])).toEqual({
      members: 6,
      total: 10,
      gini: ok(0.566666667),
      giniScaled: ok(0.68),
      entropy: ok(1.16828245),
      evenness: ok(0.65203085),
      hhi: ok(0.36),
      normalisedHhi: ok(0.232),
      effectiveParticipants: ok(2.777777778),
      coefficientOfVariation: ok(Math.sqrt(29) / 5),
      variance: ok(29 / 9),
    });
  });

  it("[7]: one member; measures that compare members are undefined", () => {
    // One share of 1: H = 0, HHI = 1, 1/HHI = 1. Gini, evenness (0/ln 1), normalised HHI (0/0), CV and variance
    // would compare the member with nobody.
    const alone = { value: null, reason: "one-member" };
    expect(participationEquality([7])).toEqual({
      members: 1,
      total: 7,
      gini: alone,
      giniScaled: alone,
      entropy: ok(0),
      evenness: alone,
      hhi: ok(1),
      normalisedHhi: alone,
      effectiveParticipants: ok(1),
      coefficientOfVariation: alone,
      variance: alone,
    });
  });

  it("[0, 0, 0]: nobody spoke, so nothing is defined (not 0, which would read as equal)", () => {
    const none = { value: null, reason: "nobody-spoke" };
    expect(participationEquality([0, 0, 0])).toEqual({
      members: 3,
      total: 0,
      gini: none,
      giniScaled: none,
      entropy: none,
      evenness: none,
      hhi: none,
      normalisedHhi: none,
      effectiveParticipants: none,
      coefficientOfVariation: none,
      variance: none,
    });
  });

  it("[]: no members", () => {
    const none = { value: null, reason: "no-members" };
    expect(participationEquality([])).toEqual({
      members: 0,
      total: 0,
      gini: none,
      giniScaled: none,
      entropy: none,
      evenness: none,
      hhi: none,
      normalisedHhi: none,
      effectiveParticipants: none,
      coefficientOfVariation: none,
      variance: none,
    });
  });
});

describe("participationEquality: arguments", () => {
  it.each([
    [[1, -1, 2], "values[1] is -1"],
    [[1, 2, Number.NaN], "values[2] is NaN"],
    [[Number.POSITIVE_INFINITY], "values[0] is Infinity"],
    [["3" as unknown as number], 'values[0] is "3"'],
  ])("rejects %j naming the index", (values, message) => {
    expect(() => participationEquality(values)).toThrow(GroupworkError);
    expect(() => participationEquality(values)).toThrow(message);
  });

  it("does not change its input", () => {
    const values = [3, 1, 2];
    participationEquality(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it("reads a list that carries a `constructor` key of its own as any other list", () => {
    // A host's list decoded with extra keys: copying it with map or slice would call its `constructor` and throw.
    const values = Object.assign([40, 0, 0, 0], { constructor: "constructor" });
    expect(participationEquality(values).giniScaled).toEqual({ value: 1, reason: null });
  });

  it("keeps its answers for the tiniest and the largest numbers a double holds", () => {
    // [0, x]: mean x/2, population SD x/2, so CV = 1; shares 0 and 1: HHI 1, Gini ½ (scaled 1). Computed naively,
    // the mean of [0, 5e-324] underflows to 0 and the CV to NaN; the squares of [8e307, 8e307] overflow.
    const tiny = participationEquality([0, 5e-324]);
    expect([tiny.coefficientOfVariation.value, tiny.hhi.value, tiny.gini.value]).toEqual([1, 1, 0.5]);
    const huge = participationEquality([8e307, 8e307]);
    expect([huge.coefficientOfVariation.value, huge.hhi.value, huge.gini.value]).toEqual([0, 0.5, 0]);
  });

  it("gives no variance, with its reason, where a double cannot hold it, and refuses values adding up past the largest", () => {
    // [x, 0]: mean x/2, population variance x²/4. For x = 1e200 that is 2.5e399, past the largest double (about
    // 1.8e308); for x = 1e-200 it is 2.5e-401, under the smallest (5e-324), which would read as a variance of 0.
    for (const x of [1e200, 1e-200]) {
      const result = participationEquality([x, 0]);
      expect(result.variance).toEqual({ value: null, reason: "out-of-range" });
      expect([result.coefficientOfVariation.value, result.hhi.value, result.giniScaled.value]).toEqual([1, 1, 1]);
      expect(result.total).toBe(x);
    }
    // x = 1e150: 2.5e299, within range.
    expect((participationEquality([1e150, 0]).variance.value ?? Number.NaN) / 2.5e299).toBeCloseTo(1, 12);
    // 1e308 + 1.7976931348623157e308 is past the largest double: no total to give.
    const call = () => participationEquality([1e308, 1.7976931348623157e308]);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow("the values add up to more than the largest finite number");
  });

  it("scales Gini to exactly 1 for one speaker whatever the group size", () => {
    for (const n of [2, 3, 7, 50]) {
      const values = Array.from({ length: n }, (_, i) => (i === n - 1 ? 9 : 0));
      expect(participationEquality(values).giniScaled).toEqual(ok(1));
      // (n − 1)/n unscaled, the largest value the Gini can take for n members
      expect(participationEquality(values).gini).toEqual(ok((n - 1) / n));
    }
  });
});

describe("participationEquality: values that are not a list", () => {
  it("throws instead of reading a string or null as values", () => {
    expect(() => participationEquality(null as unknown as number[])).toThrow(GroupworkError);
    expect(() => participationEquality("1234" as unknown as number[])).toThrow("values must be a list of numbers");
  });
});
