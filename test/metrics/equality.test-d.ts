import { describe, expectTypeOf, it } from "vitest";
import {
  type EqualityUndefinedReason,
  type EqualityValue,
  type Measured,
  type MemberTurnStats,
  participationEquality,
  type TurnAnalytics,
  turnAnalytics,
} from "../../src/index";

describe("the types users lean on", () => {
  it("a Measured value narrows: a number with no reason, or null with one", () => {
    const measure = participationEquality([1, 2]).gini;
    expectTypeOf(measure).toEqualTypeOf<EqualityValue>();
    if (measure.value === null) expectTypeOf(measure.reason).toEqualTypeOf<EqualityUndefinedReason>();
    else {
      expectTypeOf(measure.value).toEqualTypeOf<number>();
      expectTypeOf(measure.reason).toEqualTypeOf<null>();
    }
    expectTypeOf<Measured<"x">>().toEqualTypeOf<
      { readonly value: number; readonly reason: null } | { readonly value: null; readonly reason: "x" }
    >();
  });

  it("participationEquality takes read-only numbers only", () => {
    expectTypeOf(participationEquality).parameter(0).toEqualTypeOf<readonly number[]>();
    // @ts-expect-error counts are numbers
    participationEquality(["3"]);
  });

  it("turnAnalytics takes branded member ids and typed options", () => {
    expectTypeOf(turnAnalytics).returns.toEqualTypeOf<TurnAnalytics>();
    expectTypeOf<TurnAnalytics["members"][number]>().toEqualTypeOf<MemberTurnStats>();
    expectTypeOf<MemberTurnStats["share"]>().toEqualTypeOf<Measured<"nobody-spoke">>();
    // @ts-expect-error a roster holds MemberIds, not plain strings
    turnAnalytics([], ["m-1"]);
    // @ts-expect-error thresholds are seconds
    turnAnalytics([], [], { interruptionOverlap: "1s" });
  });
});
