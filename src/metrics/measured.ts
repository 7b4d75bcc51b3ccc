/**
 * A figure that is a number or, when it is undefined for the data, `null` with the reason why: the one shape every
 * rate, share, ratio, equality measure, standard error and score of `groupwork/metrics` and `groupwork/measures`
 * takes. A defined figure is `{ value, reason: null }`; an undefined one is `{ value: null, reason }`, never a silent
 * 0 or `NaN` (0 would read as "nobody came" or "perfectly equal").
 *
 * Check `value === null` (or `reason !== null`) before using the number; TypeScript then knows which half it holds.
 *
 * @typeParam Reason - the codes that say why the figure is undefined
 * @example
 * const { gini } = participationEquality([]);
 * [gini.value, gini.reason]
 * //=> [null, "no-members"]
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && attendanceSummary(parsed.value).members[0]?.rate
 * //=> ({ value: 1, reason: null })
 */
export type Measured<Reason extends string> =
  | { readonly value: number; readonly reason: null }
  | { readonly value: null; readonly reason: Reason };
