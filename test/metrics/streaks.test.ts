import { describe, expect, it } from "vitest";
import { absenceStreaks } from "../../src/metrics/index";
import { GroupworkError } from "../../src/model/index";

describe("absenceStreaks", () => {
  it("finds no run in an empty list or when the member always came", () => {
    expect(absenceStreaks([])).toEqual({ current: 0, longest: 0, runs: [] });
    expect(absenceStreaks(["present", "late", "left-early"])).toEqual({ current: 0, longest: 0, runs: [] });
  });

  it("ends a run at any status the vocabulary counts as attended, late and left early included", () => {
    expect(absenceStreaks(["absent", "late", "absent", "absent", "left-early", "absent"])).toEqual({
      current: 1,
      longest: 2,
      runs: [
        { first: 0, last: 0, length: 1 },
        { first: 2, last: 3, length: 2 },
        { first: 5, last: 5, length: 1 },
      ],
    });
  });

  it("carries a run over sessions nobody recorded, without counting them", () => {
    expect(absenceStreaks(["absent", "not-recorded", "not-recorded", "absent"])).toEqual({
      current: 2,
      longest: 2,
      runs: [{ first: 0, last: 3, length: 2 }],
    });
    expect(absenceStreaks(["not-recorded", "not-recorded"])).toEqual({ current: 0, longest: 0, runs: [] });
  });

  it("counts excused absences unless told to pass over them", () => {
    const statuses = ["absent", "excused", "absent"] as const;
    expect(absenceStreaks(statuses).current).toBe(3);
    expect(absenceStreaks(statuses, { excused: "offered" }).current).toBe(3);
    expect(absenceStreaks(statuses, { excused: "not-offered" })).toEqual({
      current: 2,
      longest: 2,
      runs: [{ first: 0, last: 2, length: 2 }],
    });
  });

  it("refuses what is not a list of statuses, and bad options", () => {
    expect(() => absenceStreaks("absent" as unknown as [])).toThrow(GroupworkError);
    expect(() => absenceStreaks(["present", "tardy" as "late"])).toThrow(/statuses\[1\] is "tardy"/);
    expect(() => absenceStreaks([], { excused: "yes" as "offered" })).toThrow(/excused must be/);
  });
});
