import { describe, expect, it } from "vitest";
import { GroupworkError, gcqSItems, scoreGcqS } from "../../src/index";

describe("scoreGcqS: a worked example", () => {
  it("scores each subscale as the mean of its answered items", () => {
    // Items 1–12: 4 5 1 3 2 2 1 5 0 3 4 –
    // Engaged (1, 2, 4, 8, 11): 4 + 5 + 3 + 5 + 4 = 21, ÷ 5 = 4.2
    // Avoiding (3, 5, 9): 1 + 2 + 0 = 3, ÷ 3 = 1
    // Conflict (6, 7, 10, 12): 2 + 1 + 3 = 6 over the 3 answered items (12 is missing) = 2
    expect(scoreGcqS([4, 5, 1, 3, 2, 2, 1, 5, 0, 3, 4, null])).toEqual({
      valid: true,
      missingItems: [12],
      engaged: { value: 4.2, reason: null },
      avoiding: { value: 1, reason: null },
      conflict: { value: 2, reason: null },
    });
  });

  it("every item belongs to exactly one subscale", () => {
    const items = [...gcqSItems.engaged, ...gcqSItems.avoiding, ...gcqSItems.conflict].sort((a, b) => a - b);
    expect(items).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });
});

describe("scoreGcqS: missing items", () => {
  it("is still valid with exactly 4 items missing", () => {
    // Missing 1, 2, 6, 7. Engaged: items 4, 8, 11 = 6 + 6 + 0 → 4; Avoiding: 3, 5, 9 = 1 + 1 + 1 → 1;
    // Conflict: 10, 12 = 0 + 6 → 3
    const score = scoreGcqS([null, undefined, 1, 6, 1, null, null, 6, 1, 0, 0, 6]);
    expect(score.valid).toBe(true);
    expect(score.missingItems).toEqual([1, 2, 6, 7]);
    expect([score.engaged.value, score.avoiding.value, score.conflict.value]).toEqual([4, 1, 3]);
  });

  it("is invalid with 5 items missing: no subscale is scored", () => {
    const score = scoreGcqS([null, null, null, null, null, 3, 3, 3, 3, 3, 3, 3]);
    expect(score).toEqual({
      valid: false,
      missingItems: [1, 2, 3, 4, 5],
      engaged: { value: null, reason: "too-many-missing" },
      avoiding: { value: null, reason: "too-many-missing" },
      conflict: { value: null, reason: "too-many-missing" },
    });
  });

  it("a valid questionnaire with every Avoiding item missing leaves Avoiding unscored", () => {
    const score = scoreGcqS([6, 6, null, 6, null, 0, 0, 6, null, 0, 6, 0]);
    expect(score.valid).toBe(true);
    expect(score.avoiding).toEqual({ value: null, reason: "no-items-answered" });
    expect(score.engaged).toEqual({ value: 6, reason: null });
    expect(score.conflict).toEqual({ value: 0, reason: null });
  });
});

describe("scoreGcqS: arguments", () => {
  const base = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1];
  it.each([
    [7, "item 4 (responses[3]) is 7"],
    [-1, "item 4 (responses[3]) is -1"],
    [2.5, "item 4 (responses[3]) is 2.5"],
    [Number.NaN, "item 4 (responses[3]) is NaN"],
    ["3", 'item 4 (responses[3]) is "3"'],
  ])("rejects %s naming the item", (answer, message) => {
    const responses = [...base];
    responses[3] = answer as number;
    expect(() => scoreGcqS(responses)).toThrow(GroupworkError);
    expect(() => scoreGcqS(responses)).toThrow(message);
  });

  it("names an answer that is not a number without failing to describe it", () => {
    const call = () => scoreGcqS([Object.create(null), ...Array<null>(11).fill(null)]);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow("item 1 (responses[0]) is an object with no prototype (no keys)");
    expect(() => scoreGcqS([...base.slice(1), Symbol("six") as never])).toThrow(
      "item 12 (responses[11]) is a Symbol (six)",
    );
    expect(() => scoreGcqS(Object.create(null))).toThrow("got an object with no prototype");
  });

  it("refuses a hole in the list, naming the item, where an unanswered item is null", () => {
    const responses: (number | null)[] = [...base];
    delete responses[2];
    expect(() => scoreGcqS(responses)).toThrow(
      "scoreGcqS: item 3 (responses[2]) is a hole in the list; give null for an unanswered item.",
    );
    // The same item given as null is unanswered: one item missing of 12, still valid.
    responses[2] = null;
    expect(scoreGcqS(responses)).toMatchObject({ valid: true, missingItems: [3] });
  });

  it("needs exactly 12 entries", () => {
    expect(() => scoreGcqS(base.slice(1))).toThrow("got 11 entries");
    expect(() => scoreGcqS([...base, 1])).toThrow("got 13 entries");
    expect(() => scoreGcqS("123" as unknown as number[])).toThrow('got "123"');
  });
});
