import { describe, expect, it } from "vitest";
import { GroupworkError } from "../../src/_lib/errors";
import { bostonModel, type StageModel, stageGuidance, toselandRivasModel, tuckmanModel } from "../../src/stages/index";
import { BUILT_IN_MODELS } from "./helpers";

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("stageGuidance", () => {
  it("gives a stage's guidance with its place in the model and its sources", () => {
    const storming = stageGuidance(tuckmanModel, "storming");
    expect(storming).toMatchObject({
      modelId: "tuckman",
      stage: "storming",
      label: "Storming",
      position: 2,
      stageCount: 5,
      isFinal: false,
      next: { stage: "norming", label: "Norming", event: "ADVANCE" },
      earlierStages: ["forming"],
    });
    expect(storming.workerTasks).toContain("Protect a member who is being made a scapegoat");
    expect(storming.techniques).toContain("Active listening");
    expect(storming.citation.some((source) => source.startsWith("Tuckman, B. W. (1965)"))).toBe(true);
  });

  it("points the last working stage at the final one by ADJOURN, and the final stage nowhere", () => {
    expect(stageGuidance(tuckmanModel, "performing").next).toEqual({
      stage: "adjourning",
      label: "Adjourning",
      event: "ADJOURN",
    });
    const adjourning = stageGuidance(tuckmanModel, "adjourning");
    expect([adjourning.isFinal, adjourning.next, adjourning.position]).toEqual([true, null, 5]);
    expect(adjourning.earlierStages).toEqual(["forming", "storming", "norming", "performing"]);
    expect(stageGuidance(toselandRivasModel, "middle").next?.event).toBe("ADJOURN");
    expect(stageGuidance(toselandRivasModel, "planning")).toMatchObject({ earlierStages: [], position: 1 });
  });

  it("copies the model's lists, so changing the guidance never changes the model", () => {
    const guidance = stageGuidance(bostonModel, "intimacy");
    (guidance.markers as string[]).push("changed");
    (guidance.citation as string[]).length = 0;
    expect(bostonModel.stages[2]?.markers).not.toContain("changed");
    expect(bostonModel.citation.length).toBe(1);
  });

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s: each stage's guidance repeats its definition",
    (_, model) => {
      model.stages.forEach((definition, index) => {
        const guidance = stageGuidance(model, definition.id);
        expect(guidance).toMatchObject({
          stage: definition.id,
          label: definition.label,
          summary: definition.summary,
          markers: definition.markers,
          workerTasks: definition.workerTasks,
          techniques: definition.techniques,
          watchFor: definition.watchFor,
          position: index + 1,
          isFinal: definition.id === model.finalStage,
        });
      });
    },
  );

  it("refuses a stage the model does not have, and names the stages it has", () => {
    const error = thrown(() => stageGuidance(tuckmanModel, "closed" as "forming"));
    expect(error).toBeInstanceOf(GroupworkError);
    expect((error as GroupworkError).code).toBe("invalid-argument");
    expect((error as GroupworkError).message).toBe(
      'stageGuidance: "closed" is not a stage of the model "tuckman"; its stages are forming, storming, norming, performing, adjourning.',
    );
    expect(() => stageGuidance(bostonModel, "power and control" as "intimacy")).toThrow(/not a stage of the model/);
  });

  it("refuses what is not a stage model", () => {
    expect(() => stageGuidance(undefined as unknown as StageModel, "forming")).toThrow(
      /stageGuidance: the model must be a stage model; got undefined/,
    );
    const twice = { ...tuckmanModel, stages: [...tuckmanModel.stages, ...tuckmanModel.stages] };
    expect(() => stageGuidance(twice, "forming")).toThrow(/twice/);
  });
});
