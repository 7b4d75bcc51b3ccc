import { describe, expect, it } from "vitest";
import { defineStageModel, GroupworkError, type StageDefinition, startStages } from "../../src/index";

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
  ])("refuses %s", (_, model, message) => {
    expect(() => defineStageModel(model)).toThrow(GroupworkError);
    expect(() => defineStageModel(model)).toThrow(message);
  });
});
