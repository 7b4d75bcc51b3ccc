import { describe, expectTypeOf, it } from "vitest";
import {
  type InteractionAct,
  type InteractionActInput,
  interactionProfile,
  type MemberId,
  participationEquality,
  responseNetwork,
  type Turn,
  type TurnAnalytics,
  type TurnInput,
  turnAnalytics,
} from "../../src/index";
import type { EqualityUndefinedReason, EqualityValue, Measured, MemberTurnStats } from "../../src/metrics/index";

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

  it("turnAnalytics takes plain string ids and typed options, and returns branded ids", () => {
    expectTypeOf(turnAnalytics).returns.toEqualTypeOf<TurnAnalytics>();
    expectTypeOf<TurnAnalytics["members"][number]>().toEqualTypeOf<MemberTurnStats>();
    expectTypeOf<MemberTurnStats["share"]>().toEqualTypeOf<Measured<"nobody-spoke">>();
    expectTypeOf<MemberTurnStats["memberId"]>().toEqualTypeOf<MemberId>();
    // A host's own turns and roster, plain strings, as they come
    turnAnalytics([{ sessionId: "s-1", memberId: "m-1", start: 0, end: 5 }], ["m-1"]);
    // Turns a parse returned, branded, are taken as they are
    expectTypeOf<Turn>().toExtend<TurnInput>();
    // @ts-expect-error a roster holds ids, not numbers
    turnAnalytics([], [1]);
    // @ts-expect-error thresholds are seconds
    turnAnalytics([], [], { interruptionOverlap: "1s" });
  });

  it("responseNetwork and interactionProfile take plain string ids", () => {
    responseNetwork([{ sessionId: "s-1", memberId: "m-1", start: 0, end: 5, respondsTo: "m-2" }]);
    interactionProfile([{ sessionId: "s-1", memberId: "m-1", category: 4, addresseeId: "m-2" }]);
    expectTypeOf<InteractionAct>().toExtend<InteractionActInput>();
    // @ts-expect-error Bales' categories are 1 to 12
    interactionProfile([{ sessionId: "s-1", memberId: "m-1", category: 13 }]);
  });
});
