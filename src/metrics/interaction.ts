import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { BalesCategory, MemberId } from "../model/index.js";
import { balesAreas, balesCategories } from "../model/vocabulary/index.js";
import { checkEntry, checkId, checkOptionalId } from "./check-entries.js";
import type { Measured } from "./measured.js";
import { compareText } from "./order.js";
import { isSeconds } from "./turn-check.js";

/**
 * One of Bales' four areas: `social-emotional-positive`, `task-attempted-answers`, `task-questions` or
 * `social-emotional-negative` (see {@link balesAreas}).
 *
 * @example
 * interactionProfile([{ sessionId: "s-1", memberId: "m-ana", category: 7 }]).group.byArea["task-questions"]
 * //=> 1
 */
export type BalesAreaCode = (typeof balesAreas)["codes"][number];

/**
 * An act scored with Bales' Interaction Process Analysis as {@link interactionProfile} reads it: a parsed
 * `InteractionAct`, or the same fields with the ids as plain strings, as a host sends them.
 *
 * @example
 * // Ana disagreed with Ben 95 seconds into session 1 (category 10)
 * const profile = interactionProfile([
 *   { sessionId: "s-1", memberId: "m-ana", category: 10, addresseeId: "m-ben", at: 95 },
 * ]);
 * profile.group.negative
 * //=> 1
 */
export interface InteractionActInput {
  /** The session the act took place in. */
  readonly sessionId: string;
  /** The person who acted. */
  readonly memberId: string;
  /** Bales' category, 1 (shows solidarity) to 12 (shows antagonism). */
  readonly category: BalesCategory;
  /** The person the act was addressed to; absent means the whole group. */
  readonly addresseeId?: string | undefined;
  /** When the act happened, in seconds from the session's start. */
  readonly at?: number | undefined;
}

/**
 * Counts of acts over Bales' categories and areas, with the two classic ratios; part of {@link InteractionProfile}.
 *
 * @example
 * const { group } = interactionProfile([{ sessionId: "s-1", memberId: "m-ana", category: 3 }]);
 * [group.acts, group.positive, group.byCategory[3], group.positiveToNegative.reason]
 * //=> [1, 1, 1, "no-negative-acts"]
 */
export interface InteractionCounts {
  /** How many acts were scored. */
  readonly acts: number;
  /** Acts per category, 1 (shows solidarity) to 12 (shows antagonism); every category is present, 0 when unused. */
  readonly byCategory: Readonly<Record<BalesCategory, number>>;
  /** Acts per area; every area is present. */
  readonly byArea: Readonly<Record<BalesAreaCode, number>>;
  /** Task acts: attempted answers and questions, categories 4–9. */
  readonly task: number;
  /** Social-emotional acts: positive and negative reactions, categories 1–3 and 10–12. */
  readonly socialEmotional: number;
  /** Positive reactions, categories 1–3. */
  readonly positive: number;
  /** Negative reactions, categories 10–12. */
  readonly negative: number;
  /** `task ÷ socialEmotional`; `null` when there is no social-emotional act. */
  readonly taskToSocialEmotional: Measured<"no-social-emotional-acts">;
  /** `positive ÷ negative`; `null` when there is no negative act. */
  readonly positiveToNegative: Measured<"no-negative-acts">;
}

/**
 * The {@link InteractionCounts} of one member.
 *
 * @example
 * const profile = interactionProfile([{ sessionId: "s-1", memberId: "m-ana", category: 5 }]);
 * [profile.members[0]?.memberId, profile.members[0]?.task]
 * //=> ["m-ana", 1]
 */
export interface MemberInteraction extends InteractionCounts {
  /** The member who acted. */
  readonly memberId: MemberId;
}

/**
 * A Bales profile of the group and of each member; the result of {@link interactionProfile}.
 *
 * @example
 * const profile = interactionProfile([
 *   { sessionId: "s-1", memberId: "m-ben", category: 10 },
 *   { sessionId: "s-1", memberId: "m-ana", category: 1 },
 * ]);
 * [profile.group.acts, profile.members.map((member) => member.memberId)]
 * //=> [2, ["m-ana", "m-ben"]]
 */
export interface InteractionProfile {
  /** All acts together. */
  readonly group: InteractionCounts;
  /** One entry per member who acted, sorted by id. */
  readonly members: readonly MemberInteraction[];
}

// Category number → area, from the vocabulary (Bales 1950: 1–3 positive, 4–6 answers, 7–9 questions, 10–12 negative).
const AREA_OF: ReadonlyMap<number, BalesAreaCode> = /* @__PURE__ */ new Map(
  balesCategories.entries.map((entry) => [entry.code, entry.area]),
);

function emptyCounts(): number[] {
  return new Array<number>(13).fill(0);
}

function countsOf(categories: readonly number[]): InteractionCounts {
  const byCategory = {} as Record<BalesCategory, number>;
  const byArea = {} as Record<BalesAreaCode, number>;
  for (const area of balesAreas.codes) byArea[area] = 0;
  let acts = 0;
  for (const code of balesCategories.codes) {
    // `categories` has a slot for every code (see emptyCounts), and AREA_OF an area for every code.
    const count = categories[code] as number;
    byCategory[code] = count;
    acts += count;
    byArea[AREA_OF.get(code) as BalesAreaCode] += count;
  }
  const positive = byArea["social-emotional-positive"];
  const negative = byArea["social-emotional-negative"];
  const task = byArea["task-attempted-answers"] + byArea["task-questions"];
  const socialEmotional = positive + negative;
  return {
    acts,
    byCategory,
    byArea,
    task,
    socialEmotional,
    positive,
    negative,
    taskToSocialEmotional:
      socialEmotional === 0
        ? { value: null, reason: "no-social-emotional-acts" }
        : { value: task / socialEmotional, reason: null },
    positiveToNegative:
      negative === 0 ? { value: null, reason: "no-negative-acts" } : { value: positive / negative, reason: null },
  };
}

/**
 * A Bales Interaction Process Analysis profile (Bales 1950): acts per category and area for the group and for each
 * member, with the ratio of task to social-emotional acts and of positive to negative reactions.
 *
 * Task acts are Bales' attempted answers and questions (categories 4–9); social-emotional acts are the positive and
 * negative reactions (1–3 and 10–12). A ratio whose denominator is 0 is `null` with its reason. Acts of several
 * sessions are counted together: filter by `sessionId` first for one session.
 *
 * @param acts - scored acts, in any order
 * @throws {GroupworkError} `invalid-argument` when `acts` is not a list, or an act (a hole in the list included) is
 * not an object, has ids that are blank or not strings, a category that is not one of Bales' 1–12, or an `at` that is
 * not seconds, finite and 0 or more (names its index and field)
 * @returns the {@link InteractionProfile} of the group and of each member who acted
 * @example
 * const profile = interactionProfile([
 *   { sessionId: "s-1", memberId: "m-ana", category: 5 },
 *   { sessionId: "s-1", memberId: "m-ben", category: 3 },
 *   { sessionId: "s-1", memberId: "m-ben", category: 10 },
 * ]);
 * [profile.group.taskToSocialEmotional.value, profile.group.positiveToNegative.value, profile.members.length]
 * //=> [0.5, 1, 2]
 */
export function interactionProfile(acts: readonly InteractionActInput[]): InteractionProfile {
  if (!Array.isArray(acts)) throw new GroupworkError("invalid-argument", "interactionProfile: acts must be a list.");
  // Acts per category (slots 0–12, 0 unused) for the group and for each member, in one reading of the acts.
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused rather than skipped.
  const group = emptyCounts();
  const byMember = new Map<string, number[]>();
  for (let index = 0; index < acts.length; index++) {
    const act = acts[index];
    checkAct(act, index);
    const { category, memberId } = act;
    let mine = byMember.get(memberId);
    if (mine === undefined) {
      mine = emptyCounts();
      byMember.set(memberId, mine);
    }
    // A checked category is 1–12, and every count list has slots 0–12.
    group[category] = (group[category] as number) + 1;
    mine[category] = (mine[category] as number) + 1;
  }
  const members = [...byMember]
    .sort(([a], [b]) => compareText(a, b))
    .map(([memberId, categories]): MemberInteraction => ({ memberId: memberId as MemberId, ...countsOf(categories) }));
  return { group: countsOf(group), members };
}

/** Checks the shape an act's type promises: ids, a category of Bales' 1–12, and seconds when `at` is given. */
function checkAct(act: unknown, index: number): asserts act is InteractionActInput {
  const caller = "interactionProfile";
  const at = `acts[${index}]`;
  checkEntry(act, at, "a scored act", caller);
  const { sessionId, memberId, addresseeId, category, at: seconds } = act as Record<string, unknown>;
  checkId(sessionId, `${at}.sessionId`, caller);
  checkId(memberId, `${at}.memberId`, caller);
  checkOptionalId(addresseeId, `${at}.addresseeId`, caller);
  if (typeof category !== "number" || !AREA_OF.has(category)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${at}.category is ${describeValue(category)}; Bales' categories are the whole numbers 1 to 12.`,
    );
  }
  if (seconds !== undefined && !isSeconds(seconds)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${at}.at is ${describeValue(seconds)}; give seconds from the session's start, finite and 0 or more.`,
    );
  }
}
