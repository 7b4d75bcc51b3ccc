import { describe, expectTypeOf, it } from "vitest";
import {
  type GcqSScore,
  type GcqSSubscale,
  type GoalAttainmentLevel,
  type GoalAttainmentScore,
  scoreGcqS,
  scoreGoalAttainment,
} from "../../src/index";

describe("measures types", () => {
  it("GAS levels are −2 … +2 and the T-score may be null", () => {
    expectTypeOf<GoalAttainmentLevel>().toEqualTypeOf<-2 | -1 | 0 | 1 | 2>();
    expectTypeOf(scoreGoalAttainment([{ score: 1 }])).toEqualTypeOf<GoalAttainmentScore>();
    expectTypeOf<GoalAttainmentScore["tScore"]["value"]>().toEqualTypeOf<number | null>();
    // @ts-expect-error 3 is not a level
    scoreGoalAttainment([{ score: 3 }]);
  });

  it("GCQ-S takes 12 answers or null and names its subscales", () => {
    expectTypeOf(scoreGcqS([null])).toEqualTypeOf<GcqSScore>();
    expectTypeOf<GcqSSubscale>().toEqualTypeOf<"engaged" | "avoiding" | "conflict">();
    // @ts-expect-error answers are numbers
    scoreGcqS(["4"]);
  });
});
