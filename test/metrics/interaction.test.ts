import { describe, expect, it } from "vitest";
import {
  type BalesCategory,
  GroupworkError,
  type InteractionAct,
  interactionProfile,
  type MemberId,
  parseGroupRecord,
  type SessionId,
} from "../../src/index";
import { sampleGroupRecord } from "../../src/sample/index";

const act = (memberId: string, category: number): InteractionAct => ({
  sessionId: "s-1" as SessionId,
  memberId: memberId as MemberId,
  category: category as BalesCategory,
});

const zeroCategories = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 0, 10: 0, 11: 0, 12: 0 };

describe("interactionProfile on the 10 acts of session 7 of the sample", () => {
  const parsed = parseGroupRecord(sampleGroupRecord);
  if (!parsed.ok) throw new Error("the sample must parse");
  const profile = interactionProfile(parsed.value.interactionActs);

  it("counts the group by category and area", () => {
    // Acts: Will 5 and 12, Aroha 10, Lena 11, Okafor 6, Hope 1 and 3, Grace 8, Tomasz 2, Rivera 7.
    // Each of 1, 2, 3, 5, 6, 7, 8, 10, 11, 12 once; 4 and 9 unused.
    expect(profile.group.byCategory).toEqual({
      ...zeroCategories,
      1: 1,
      2: 1,
      3: 1,
      5: 1,
      6: 1,
      7: 1,
      8: 1,
      10: 1,
      11: 1,
      12: 1,
    });
    // Positive 1+2+3 = 3; answers 5+6 = 2; questions 7+8 = 2; negative 10+11+12 = 3.
    expect(profile.group.byArea).toEqual({
      "social-emotional-positive": 3,
      "task-attempted-answers": 2,
      "task-questions": 2,
      "social-emotional-negative": 3,
    });
    expect(profile.group).toMatchObject({ acts: 10, task: 4, socialEmotional: 6, positive: 3, negative: 3 });
    // Task ÷ social-emotional = 4/6; positive ÷ negative = 3/3.
    expect(profile.group.taskToSocialEmotional).toEqual({ value: 4 / 6, reason: null });
    expect(profile.group.positiveToNegative).toEqual({ value: 1, reason: null });
  });

  it("profiles each member who acted, sorted by id", () => {
    expect(profile.members.map((member) => [member.memberId, member.acts])).toEqual([
      ["f-okafor", 1],
      ["f-rivera", 1],
      ["m-aroha", 1],
      ["m-grace", 1],
      ["m-hope", 2],
      ["m-lena", 1],
      ["m-tomasz", 1],
      ["m-will", 2],
    ]);
    const will = profile.members.find((member) => member.memberId === "m-will");
    // Will: one opinion (5, task) and one act of antagonism (12, negative): task ÷ social-emotional 1/1, and no
    // positive reaction against one negative: 0/1.
    expect(will).toMatchObject({ task: 1, socialEmotional: 1, positive: 0, negative: 1 });
    expect(will?.positiveToNegative).toEqual({ value: 0, reason: null });
    const hope = profile.members.find((member) => member.memberId === "m-hope");
    // Hope: solidarity (1) and agreement (3): no task act, no negative act.
    expect(hope?.taskToSocialEmotional).toEqual({ value: 0, reason: null });
    expect(hope?.positiveToNegative).toEqual({ value: null, reason: "no-negative-acts" });
  });
});

describe("interactionProfile edge cases", () => {
  it("no acts: every count 0, both ratios undefined", () => {
    expect(interactionProfile([])).toEqual({
      group: {
        acts: 0,
        byCategory: zeroCategories,
        byArea: {
          "social-emotional-positive": 0,
          "task-attempted-answers": 0,
          "task-questions": 0,
          "social-emotional-negative": 0,
        },
        task: 0,
        socialEmotional: 0,
        positive: 0,
        negative: 0,
        taskToSocialEmotional: { value: null, reason: "no-social-emotional-acts" },
        positiveToNegative: { value: null, reason: "no-negative-acts" },
      },
      members: [],
    });
  });

  it("task acts only: the task ratio is undefined, not infinite", () => {
    const profile = interactionProfile([act("a", 4), act("a", 9), act("b", 6)]);
    expect(profile.group.task).toBe(3);
    expect(profile.group.taskToSocialEmotional.reason).toBe("no-social-emotional-acts");
    expect(profile.members.map((member) => member.memberId)).toEqual(["a", "b"]);
  });

  it.each([
    [0, "0"],
    [13, "13"],
    [2.5, "2.5"],
    [Number.NaN, "NaN"],
    ["5", '"5"'],
  ])("rejects category %s naming the act", (category, shown) => {
    const acts = [act("a", 1), { ...act("a", 1), category: category as BalesCategory }];
    expect(() => interactionProfile(acts)).toThrow(GroupworkError);
    expect(() => interactionProfile(acts)).toThrow(`acts[1].category is ${shown}`);
  });
});

describe("interactionProfile: arguments its types forbid", () => {
  it("refuses acts that are not a list", () => {
    expect(() => interactionProfile(undefined as unknown as InteractionAct[])).toThrow(
      "interactionProfile: acts must be a list.",
    );
  });

  it("refuses a hole in the list of acts, naming it, instead of skipping it", () => {
    // biome-ignore lint/suspicious/noSparseArray: a hole in the list, as a host's bad data might leave
    const acts = [act("a", 1), , act("b", 2)] as InteractionAct[];
    expect(() => interactionProfile(acts)).toThrow("interactionProfile: acts[1] must be a scored act; got undefined");
  });

  it("refuses an act at a time that is not seconds from the session's start", () => {
    for (const at of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => interactionProfile([{ ...act("a", 1), at }])).toThrow(`acts[0].at is ${at}`);
    }
  });
});
