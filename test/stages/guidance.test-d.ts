import { describe, expectTypeOf, it } from "vitest";
import {
  bostonModel,
  type StageAdvice,
  type StageIdOf,
  stageGuidance,
  suggestStage,
  type toselandRivasModel,
  tuckmanModel,
} from "../../src/stages/index";

type TuckmanStage = StageIdOf<typeof tuckmanModel>;

describe("stage ids in the types of guidance and suggestions", () => {
  it("keeps each built-in model's stage ids as a union of literals", () => {
    expectTypeOf<TuckmanStage>().toEqualTypeOf<"forming" | "storming" | "norming" | "performing" | "adjourning">();
    expectTypeOf<StageIdOf<typeof toselandRivasModel>>().toEqualTypeOf<
      "planning" | "beginning" | "middle" | "ending"
    >();
    expectTypeOf(bostonModel.finalStage).toEqualTypeOf<StageIdOf<typeof bostonModel>>();
  });

  it("accepts only the model's own stage ids in stageGuidance", () => {
    expectTypeOf(stageGuidance(tuckmanModel, "storming").stage).toEqualTypeOf<TuckmanStage>();
    expectTypeOf(stageGuidance(tuckmanModel, "storming").next).toEqualTypeOf<{
      readonly stage: TuckmanStage;
      readonly label: string;
      readonly event: "ADVANCE" | "ADJOURN";
    } | null>();
    // @ts-expect-error: "intimacy" is a stage of the Boston model, not of Tuckman's
    stageGuidance(tuckmanModel, "intimacy");
    // @ts-expect-error: closed is not a stage
    stageGuidance(bostonModel, "closed");
  });

  it("types a suggestion's stage by the model it was asked in", () => {
    expectTypeOf(suggestStage({ model: bostonModel }).stage).toEqualTypeOf<StageIdOf<typeof bostonModel> | null>();
    expectTypeOf(suggestStage({ model: tuckmanModel })).toEqualTypeOf<StageAdvice<TuckmanStage>>();
    expectTypeOf(suggestStage({ model: tuckmanModel }).signals[0]?.stage).toEqualTypeOf<TuckmanStage | undefined>();
  });
});
