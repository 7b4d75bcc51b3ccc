import { describe, expectTypeOf, it } from "vitest";
import { createActor } from "xstate";
import {
  type AvailableStageEvent,
  applyStageEvent,
  availableStageEvents,
  bostonModel,
  createStageMachine,
  defineStageModel,
  replayStageEvents,
  type StageBlockReason,
  type StageEvent,
  type StageEventType,
  type StageIdOf,
  type StageSnapshot,
  type StageValue,
  startStages,
  tuckmanModel,
  tuckmanStageMachine,
} from "../../src/index";
import type { GroupRecord } from "../../src/model/index";

type Tuckman = "forming" | "storming" | "norming" | "performing" | "adjourning";
const input = { at: "2026-02-05T18:00:00-05:00", by: "worker-1" };

describe("stage machine types", () => {
  it("types state values as the model's stage ids plus closed", () => {
    expectTypeOf<StageIdOf<typeof tuckmanModel>>().toEqualTypeOf<Tuckman>();
    const snapshot = startStages(tuckmanModel, input);
    expectTypeOf(snapshot.value).toEqualTypeOf<Tuckman | "closed">();
    expectTypeOf(createActor(tuckmanStageMachine, { input }).getSnapshot().value).toEqualTypeOf<StageValue<Tuckman>>();
    expectTypeOf(startStages(bostonModel, input).value).toEqualTypeOf<
      "pre-affiliation" | "power-and-control" | "intimacy" | "differentiation" | "separation" | "closed"
    >();
    expectTypeOf<StageSnapshot<Tuckman>["context"]["history"][number]["stage"]>().toEqualTypeOf<Tuckman | "closed">();
  });

  it("keeps the literal ids of an agency's own model", () => {
    const model = defineStageModel({
      id: "two-step",
      name: "Two steps",
      citation: [],
      stages: [
        {
          id: "working",
          label: "",
          summary: "",
          markers: [],
          workerTasks: [],
          techniques: [],
          watchFor: [],
          readiness: {},
        },
        {
          id: "ending",
          label: "",
          summary: "",
          markers: [],
          workerTasks: [],
          techniques: [],
          watchFor: [],
          readiness: {},
        },
      ],
      finalStage: "ending",
    });
    expectTypeOf(startStages(model, input).value).toEqualTypeOf<"working" | "ending" | "closed">();
    const stage = (id: string) => ({
      id,
      label: "",
      summary: "",
      markers: [],
      workerTasks: [],
      techniques: [],
      watchFor: [],
      readiness: {},
    });
    const stages = [
      { ...stage(""), id: "working" },
      { ...stage(""), id: "ending" },
    ] as const;
    // @ts-expect-error: the final stage must be one of the stages, not a new id
    defineStageModel({ id: "x", name: "x", citation: [], stages, finalStage: "endng" });
    // @ts-expect-error: so must the stage an open group forms again in
    defineStageModel({ id: "x", name: "x", citation: [], stages, finalStage: "ending", reformingStage: "start" });
    // @ts-expect-error: the readiness overrides name only the model's stages
    createStageMachine(model, { readiness: { forming: { minSessions: 2 } } });
  });

  it("checks events: their types, REGRESS targets and ADJOURN outcomes", () => {
    const snapshot = startStages(tuckmanModel, input);
    applyStageEvent(snapshot, { type: "REGRESS", to: "forming", reason: "x", at: input.at, by: "w" });
    // @ts-expect-error: not a stage of Tuckman's model
    applyStageEvent(snapshot, { type: "REGRESS", to: "intimacy", reason: "x", at: input.at, by: "w" });
    // @ts-expect-error: not an event of the stage machine
    applyStageEvent(snapshot, { type: "PAUSE", at: input.at, by: "w" });
    // @ts-expect-error: ADJOURN needs an outcome of completed or ended-early
    applyStageEvent(snapshot, { type: "ADJOURN", outcome: "paused", reason: "x", at: input.at, by: "w" });
    // @ts-expect-error: every event says who recorded it
    applyStageEvent(snapshot, { type: "SESSION_HELD", at: input.at });
    expectTypeOf<StageEventType>().toEqualTypeOf<
      | "SESSION_HELD"
      | "AGREEMENT_ADOPTED"
      | "MEMBER_JOINED"
      | "MEMBER_LEFT"
      | "ADVANCE"
      | "REGRESS"
      | "ADJOURN"
      | "CLOSE"
    >();
    expectTypeOf<Extract<StageEvent<Tuckman>, { type: "REGRESS" }>["to"]>().toEqualTypeOf<Tuckman>();
  });

  it("types the destinations of available events and the steps of applyStageEvent", () => {
    const snapshot = startStages(tuckmanModel, input);
    expectTypeOf(availableStageEvents(snapshot)).toEqualTypeOf<AvailableStageEvent<Tuckman>[]>();
    expectTypeOf<AvailableStageEvent<Tuckman>["to"]>().toEqualTypeOf<readonly StageValue<Tuckman>[]>();
    const step = applyStageEvent(snapshot, { type: "SESSION_HELD", at: input.at, by: "w" });
    if (!step.ok) expectTypeOf(step.blockedBy).toEqualTypeOf<readonly StageBlockReason[]>();
    expectTypeOf(step.snapshot.value).toEqualTypeOf<Tuckman | "closed">();
  });

  it("takes a parsed record's stage log as the event log, and types the replay by the model", () => {
    expectTypeOf<GroupRecord["stageEvents"]>().toExtend<Parameters<typeof replayStageEvents>[2]>();
    const replay = replayStageEvents(tuckmanModel, input, [] as GroupRecord["stageEvents"]);
    expectTypeOf(replay.snapshot.value).toEqualTypeOf<Tuckman | "closed">();
    if (!replay.ok) expectTypeOf(replay.index).toEqualTypeOf<number>();
    // @ts-expect-error: an event log is a list of stage events, not any objects
    replayStageEvents(tuckmanModel, input, [{ type: "PAUSE", at: input.at, by: "w" }]);
  });
});
