import { describe, expect, it } from "vitest";
import {
  applyStageEvent,
  defineStageModel,
  GroupworkError,
  replayStageEvents,
  type StageDefinition,
  startStages,
} from "../../src/index";

function stage(id: string, readiness: StageDefinition["readiness"] = {}): StageDefinition {
  return { id, label: id, summary: "", markers: [], workerTasks: [], techniques: [], watchFor: [], readiness };
}

const valid = {
  id: "three-step",
  name: "Three steps",
  citation: ["Agency practice guide (2026)."],
  stages: [stage("start"), stage("work"), stage("end")],
  finalStage: "end",
};

describe("defineStageModel", () => {
  it("returns a valid model unchanged, and the machine can start it", () => {
    expect(defineStageModel(valid)).toBe(valid);
    expect(startStages(valid, { at: "2026-02-05T18:00:00Z", by: "w1" }).value).toBe("start");
    const reforming = { ...valid, reformingStage: "work" };
    expect(defineStageModel(reforming)).toBe(reforming);
  });

  it("names stages in sentences by their labels: lower-case first letter, unless an abbreviation opens the label", () => {
    const model = defineStageModel({
      ...valid,
      stages: [
        { ...stage("start"), label: "AA intake" },
        { ...stage("work"), label: "Working together" },
        stage("end"),
      ],
    });
    const start = startStages(model, { at: "2026-02-05T18:00:00Z", by: "w1" });
    const early = applyStageEvent(start, { type: "ADVANCE", at: "2026-02-05T19:00:00Z", by: "w1" });
    expect(early.ok ? [] : early.blockedBy.map((reason) => reason.message)[0]).toBe(
      "1 session is needed in AA intake; 0 have been held.",
    );
    const working = replayStageEvents(model, { at: "2026-02-05T18:00:00Z", by: "w1" }, [
      { type: "SESSION_HELD", at: "2026-02-05T19:00:00Z", by: "w1" },
      {
        type: "AGREEMENT_ADOPTED",
        version: "1",
        includesConfidentiality: true,
        limitsExplained: true,
        at: "2026-02-05T19:00:00Z",
        by: "w1",
      },
      { type: "ADVANCE", at: "2026-02-05T19:00:00Z", by: "w1" },
      { type: "ADVANCE", at: "2026-02-05T19:00:00Z", by: "w1" },
    ]);
    expect(working.ok ? [] : working.blockedBy.map((reason) => reason.message)).toEqual([
      "No working stage comes after working together; ADJOURN moves the group to end, with its outcome.",
    ]);
  });

  it.each([
    ["one stage", { ...valid, stages: [stage("end")] }, /at least two stages/],
    ["an id with capitals", { ...valid, stages: [stage("Start"), stage("end")] }, /lower-case words/],
    ["closed as a stage", { ...valid, stages: [stage("closed"), stage("end")] }, /other than "closed"/],
    ["a repeated id", { ...valid, stages: [stage("work"), stage("work"), stage("end")] }, /lists stage "work" twice/],
    [
      "a fractional minSessions",
      { ...valid, stages: [stage("start", { minSessions: 0.5 }), stage("end")] },
      /whole number/,
    ],
    ["a final stage that is not last", { ...valid, finalStage: "work" }, /last stage is "end"/],
    [
      "a re-forming stage it lacks",
      { ...valid, reformingStage: "intake" },
      /names "intake" as the stage an open group/,
    ],
    ["the final stage as the re-forming stage", { ...valid, reformingStage: "end" }, /use one of its working stages/],
  ])("refuses %s", (_, model, message) => {
    expect(() => defineStageModel(model)).toThrow(GroupworkError);
    expect(() => defineStageModel(model)).toThrow(message);
  });
});
