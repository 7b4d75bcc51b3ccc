import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { Group, GroupRecord, RecordedStageEventSchema } from "../../src/model/index";
import {
  applyStageEvent,
  type StageEvent,
  type StageIdOf,
  type StageModel,
  stageModels,
  startStages,
  timeInStage,
  type toselandRivasModel,
  tuckmanModel,
} from "../../src/stages/index";

type Tuckman = StageIdOf<typeof tuckmanModel>;
const at = "2026-02-05T18:00-05:00";
const snapshot = startStages(tuckmanModel, { at, by: "w" });

describe("stage events are the model's stage log entries", () => {
  it("reports a REGRESS to a stage of another model on the event, not on the snapshot", () => {
    applyStageEvent(
      snapshot,
      // @ts-expect-error: "intimacy" is a stage of the Boston model; the stage ids come from the snapshot alone
      { type: "REGRESS", to: "intimacy", reason: "trust is low", at, by: "w" },
    );
    applyStageEvent(snapshot, { type: "REGRESS", to: "forming", reason: "trust is low", at, by: "w" });
    expectTypeOf(applyStageEvent).parameter(1).toEqualTypeOf<StageEvent<NoInfer<string>>>();
  });

  it("is the model's recorded event as a host sends it, with REGRESS.to narrowed to the model's stages", () => {
    type Input = z.input<typeof RecordedStageEventSchema>;
    expectTypeOf<StageEvent>().toEqualTypeOf<
      | Exclude<Input, { type: "REGRESS" }>
      | { [K in keyof Extract<Input, { type: "REGRESS" }>]: Extract<Input, { type: "REGRESS" }>[K] }
    >();
    expectTypeOf<Extract<StageEvent<Tuckman>, { type: "REGRESS" }>["to"]>().toEqualTypeOf<Tuckman>();
    expectTypeOf<Extract<StageEvent, { type: "CLOSE" }>>().toEqualTypeOf<{
      type: "CLOSE";
      at: string;
      by: string;
      reason?: string | undefined;
    }>();
    expectTypeOf<Extract<StageEvent, { type: "MEMBER_JOINED" }>["memberId"]>().toEqualTypeOf<string | undefined>();
    // A parsed record's log, with branded ids, is a log of stage events.
    expectTypeOf<GroupRecord["stageEvents"][number]>().toExtend<StageEvent>();
  });

  it("takes a Date where an instant is an argument, and text in events", () => {
    startStages(tuckmanModel, { at: new Date(at), by: "w" });
    timeInStage(snapshot, new Date(at), { timeZone: "America/New_York" });
    // @ts-expect-error: an event on the wire carries its time as text
    applyStageEvent(snapshot, { type: "SESSION_HELD", at: new Date(at), by: "w" });
  });
});

describe("stageModels", () => {
  it("gives a known id's model with its stage ids, and StageModel | undefined for any other id", () => {
    expectTypeOf(stageModels.tuckman).toEqualTypeOf<typeof tuckmanModel>();
    expectTypeOf(stageModels["toseland-rivas"]).toEqualTypeOf<typeof toselandRivasModel>();
    const group = {} as Group;
    expectTypeOf(stageModels[group.stageModel]).toEqualTypeOf<StageModel | undefined>();
  });
});
