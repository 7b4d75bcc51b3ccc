import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { Measured } from "../metrics/index.js";

/**
 * The items of each subscale of the Group Climate Questionnaire, short form (MacKenzie 1983), numbered 1–12.
 *
 * @example
 * gcqSItems.avoiding
 * //=> [3, 5, 9]
 */
export const gcqSItems = /* @__PURE__ */ Object.freeze({
  engaged: Object.freeze([1, 2, 4, 8, 11] as const),
  avoiding: Object.freeze([3, 5, 9] as const),
  conflict: Object.freeze([6, 7, 10, 12] as const),
});

/**
 * A GCQ-S subscale: `engaged`, `avoiding` or `conflict`.
 *
 * @example
 * Object.keys(gcqSItems)
 * //=> ["engaged", "avoiding", "conflict"]
 */
export type GcqSSubscale = keyof typeof gcqSItems;

/**
 * One GCQ-S answer: 0 ("not at all") to 6 ("extremely").
 *
 * @example
 * scoreGcqS([6, 6, 0, 6, 0, 0, 0, 6, 0, 0, 6, 0]).engaged.value
 * //=> 6
 */
export type GcqSAnswer = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Why a GCQ-S subscale has no score.
 *
 * - `too-many-missing`: more than 4 of the 12 items are unanswered, so the whole questionnaire is invalid (a scoring
 *   convention of the GCQ-S scoring instructions, not a rule of MacKenzie 1983; see {@link scoreGcqS}).
 * - `no-items-answered`: the questionnaire is valid, but every item of this subscale is unanswered.
 *
 * @example
 * scoreGcqS([null, null, null, null, null, 3, 3, 3, 3, 3, 3, 3]).engaged.reason
 * //=> "too-many-missing"
 */
export type GcqSUndefinedReason = "too-many-missing" | "no-items-answered";

/**
 * A scored GCQ-S; the result of {@link scoreGcqS}.
 *
 * @example
 * const score = scoreGcqS([4, 5, 1, 3, 2, 2, 1, 5, 0, 3, 4, null]);
 * [score.valid, score.missingItems, score.conflict.value]
 * //=> [true, [12], 2]
 */
export interface GcqSScore {
  /** Whether the questionnaire can be scored: at most 4 of its 12 items unanswered. */
  readonly valid: boolean;
  /** The numbers (1–12) of the unanswered items, in order. */
  readonly missingItems: readonly number[];
  /** Mean of the answered Engaged items (1, 2, 4, 8, 11), 0–6. */
  readonly engaged: Measured<GcqSUndefinedReason>;
  /** Mean of the answered Avoiding items (3, 5, 9), 0–6. */
  readonly avoiding: Measured<GcqSUndefinedReason>;
  /** Mean of the answered Conflict items (6, 7, 10, 12), 0–6. */
  readonly conflict: Measured<GcqSUndefinedReason>;
}

// A scoring convention, not MacKenzie's (1983): the GCQ-S scoring instructions that circulate with the questionnaire
// (for instance the copy Nova Southeastern University hosts at nova.edu) treat a form with more than 4 of its 12
// items missing as invalid, and score each subscale as the mean of its rated items.
const MOST_MISSING = 4;

/**
 * Scores one member's Group Climate Questionnaire, short form (GCQ-S; MacKenzie 1983): the Engaged, Avoiding and
 * Conflict subscales, each the mean of its answered items.
 *
 * The 12 items are rated 0 (not at all) to 6 (extremely) about the group as a whole. With more than 4 items
 * unanswered the questionnaire is invalid and no subscale is scored (`too-many-missing`); otherwise a subscale whose
 * items are all unanswered has no score (`no-items-answered`). The limit of 4 missing items is a scoring convention
 * (the GCQ-S scoring instructions that circulate with the questionnaire), not part of MacKenzie's 1983 publication. Means are not rounded. Read changes across sessions as a
 * prompt for the worker's judgment, not a verdict.
 *
 * @param responses - the 12 answers in item order (item 1 first), each 0–6, or `null`/`undefined` when unanswered
 * @throws {GroupworkError} `invalid-argument` when there are not exactly 12 entries, or an answer is not a whole
 * number from 0 to 6 or is a hole in the list (names the item)
 * @returns the {@link GcqSScore}: validity, missing items and the three subscale means
 * @example
 * const score = scoreGcqS([4, 5, 1, 3, 2, 2, 1, 5, 0, 3, 4, null]);
 * [score.engaged.value, score.avoiding.value, score.conflict.value]
 * //=> [4.2, 1, 2]
 */
export function scoreGcqS(responses: readonly (number | null | undefined)[]): GcqSScore {
  if (!Array.isArray(responses) || responses.length !== 12) {
    throw new GroupworkError(
      "invalid-argument",
      `scoreGcqS: give the 12 answers in item order (null for unanswered); got ${Array.isArray(responses) ? `${responses.length} entries` : describeValue(responses)}.`,
    );
  }
  const missingItems: number[] = [];
  // An index loop, not forEach, so a hole in the list is read and refused rather than skipped.
  for (let index = 0; index < 12; index++) {
    const answer: unknown = responses[index];
    if (answer === undefined && !(index in responses)) {
      throw new GroupworkError(
        "invalid-argument",
        `scoreGcqS: item ${index + 1} (responses[${index}]) is a hole in the list; give null for an unanswered item.`,
      );
    }
    if (answer === null || answer === undefined) missingItems.push(index + 1);
    else if (typeof answer !== "number" || !Number.isInteger(answer) || answer < 0 || answer > 6) {
      throw new GroupworkError(
        "invalid-argument",
        `scoreGcqS: item ${index + 1} (responses[${index}]) is ${describeValue(answer)}; answers are whole numbers from 0 to 6, or null when unanswered.`,
      );
    }
  }
  const valid = missingItems.length <= MOST_MISSING;
  const subscale = (items: readonly number[]): Measured<GcqSUndefinedReason> => {
    if (!valid) return { value: null, reason: "too-many-missing" };
    let sum = 0;
    let answered = 0;
    for (const item of items) {
      const answer = responses[item - 1];
      if (answer === null || answer === undefined) continue;
      sum += answer;
      answered++;
    }
    return answered === 0 ? { value: null, reason: "no-items-answered" } : { value: sum / answered, reason: null };
  };
  return {
    valid,
    missingItems,
    engaged: subscale(gcqSItems.engaged),
    avoiding: subscale(gcqSItems.avoiding),
    conflict: subscale(gcqSItems.conflict),
  };
}
