import { describe, expect, it } from "vitest";
import { parseGroupRecord, stageModelIds } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import {
  bostonModel,
  defineStageModel,
  relationalModel,
  type StageDefinition,
  type StageModel,
  stageModels,
  toselandRivasModel,
  tuckmanModel,
} from "../../src/stages/index";
import { BUILT_IN_MODELS } from "./helpers";

// The sequences as their sources name them: Tuckman 1965 with Tuckman & Jensen 1977; Garland, Jones & Kolodny 1965;
// Schiller 1995 (Boston's first and last stages around a relational middle); Toseland & Rivas.
const expectedStages: Record<string, readonly string[]> = {
  tuckman: ["forming", "storming", "norming", "performing", "adjourning"],
  boston: ["pre-affiliation", "power-and-control", "intimacy", "differentiation", "separation"],
  relational: ["pre-affiliation", "relational-base", "mutuality-and-empathy", "challenge-and-change", "separation"],
  "toseland-rivas": ["planning", "beginning", "middle", "ending"],
};

const expectedFinal: Record<string, string> = {
  tuckman: "adjourning",
  boston: "separation",
  relational: "separation",
  "toseland-rivas": "ending",
};

// The stage in which members first meet and agree how they will work together.
const agreementStage: Record<string, string> = {
  tuckman: "forming",
  boston: "pre-affiliation",
  relational: "pre-affiliation",
  "toseland-rivas": "beginning",
};

// The stage in which conflict is the work: storming and its counterparts.
const conflictStage: Record<string, string> = {
  tuckman: "storming",
  boston: "power-and-control",
  relational: "challenge-and-change",
  "toseland-rivas": "middle",
};

function stage(model: StageModel, id: string): StageDefinition {
  const found = model.stages.find((entry) => entry.id === id);
  if (found === undefined) throw new Error(`${model.id} has no stage ${id}`);
  return found;
}

const mentions = (texts: readonly string[], words: RegExp): boolean => texts.some((text) => words.test(text));

describe("built-in stage models", () => {
  it("are the four the record parser knows, default first, each under its own id", () => {
    expect(stageModelIds).toEqual(["tuckman", "boston", "relational", "toseland-rivas"]);
    expect(Object.keys(stageModels)).toEqual(["tuckman", "boston", "relational", "toseland-rivas"]);
    expect([stageModels.tuckman, stageModels.boston, stageModels.relational, stageModels["toseland-rivas"]]).toEqual([
      tuckmanModel,
      bostonModel,
      relationalModel,
      toselandRivasModel,
    ]);
    // A model's own id is the key it is filed under, so a record's group.stageModel finds it.
    for (const id of stageModelIds) expect(stageModels[id].id).toBe(id);
    expect(Object.isFrozen(stageModels)).toBe(true);
  });

  it("give undefined for any other id, those of Object.prototype included", () => {
    for (const id of ["Tuckman", "our-agency", "", "constructor", "toString", "__proto__", "hasOwnProperty"]) {
      expect(stageModels[id], id).toBeUndefined();
    }
  });

  it("are ids a group record may name without the unknown-stage-model warning", () => {
    for (const model of BUILT_IN_MODELS) {
      const record = { ...sampleGroupRecord, group: { ...sampleGroupRecord.group, stageModel: model.id } };
      const result = parseGroupRecord(record);
      expect(result.ok, model.id).toBe(true);
      expect(result.issues.map((issue) => issue.code)).not.toContain("unknown-stage-model");
    }
    const unknown = { ...sampleGroupRecord, group: { ...sampleGroupRecord.group, stageModel: "boston-model" } };
    expect(parseGroupRecord(unknown).issues.map((issue) => issue.code)).toContain("unknown-stage-model");
  });

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s passes defineStageModel's checks",
    (_, model) => {
      expect(defineStageModel(model)).toBe(model);
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))("%s has its stages in order", (id, model) => {
    expect(model.stages.map((entry) => entry.id)).toEqual(expectedStages[id]);
    expect(model.finalStage).toBe(expectedFinal[id]);
    expect(model.stages.at(-1)?.id).toBe(model.finalStage);
  });

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))("%s cites its sources", (id, model) => {
    expect(model.citation.length).toBeGreaterThan(0);
    const authors: Record<string, readonly RegExp[]> = {
      tuckman: [/Tuckman, B\. W\. \(1965\).*63\(6\)/, /Tuckman.*Jensen.*\(1977\)/, /Bonebright.*\(2010\).*13\(1\)/],
      boston: [/Garland.*Jones.*Kolodny.*\(1965\)/],
      relational: [/Schiller.*\(1995\)/, /Garland.*Jones.*Kolodny.*\(1965\)/],
      "toseland-rivas": [/Toseland.*Rivas/],
    };
    for (const author of authors[id] ?? []) expect(mentions(model.citation, author), String(author)).toBe(true);
  });

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s gives every stage a label, summary, markers, worker tasks, techniques and risks",
    (_, model) => {
      for (const entry of model.stages) {
        expect(entry.label.trim(), entry.id).not.toBe("");
        expect(entry.summary.trim().length, entry.id).toBeGreaterThan(20);
        for (const list of [entry.markers, entry.workerTasks, entry.techniques, entry.watchFor]) {
          expect(list.length, entry.id).toBeGreaterThan(0);
          for (const text of list) expect(text.trim(), entry.id).not.toBe("");
        }
      }
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s asks for the group agreement with confidentiality where members first meet, and only there",
    (id, model) => {
      const first = stage(model, agreementStage[id] ?? "");
      expect(first.readiness.requiresAgreement).toBe(true);
      expect(mentions(first.workerTasks, /agreement.*confidentiality|confidentiality.*agreement/i)).toBe(true);
      expect(mentions(first.workerTasks, /cannot be guaranteed|limits/i)).toBe(true);
      for (const other of model.stages.filter((entry) => entry !== first)) {
        expect(other.readiness.requiresAgreement ?? false, other.id).toBe(false);
      }
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s has an open group re-form where members first meet",
    (id, model) => {
      expect(model.reformingStage ?? model.stages[0]?.id).toBe(agreementStage[id]);
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s lists the seed techniques (active listening, summarising, paraphrasing, open-ended questions) early",
    (id, model) => {
      const first = stage(model, agreementStage[id] ?? "");
      expect(mentions(first.techniques, /active listening/i)).toBe(true);
      expect(mentions(first.techniques, /summaris/i)).toBe(true);
      expect(mentions(first.techniques, /paraphras/i)).toBe(true);
      expect(mentions(first.techniques, /open-ended questions/i)).toBe(true);
      // Active listening belongs in every stage in which members meet.
      for (const entry of model.stages.filter((other) => other.id !== "planning")) {
        expect(mentions(entry.techniques, /active listening/i), entry.id).toBe(true);
      }
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s gives the conflict stage its conflict work",
    (id, model) => {
      const tasks = stage(model, conflictStage[id] ?? "").workerTasks;
      expect(mentions(tasks, /normalise conflict|power struggles as a normal/i)).toBe(true);
      expect(mentions(tasks, /revisit (the group's )?norms/i)).toBe(true);
    },
  );

  it("gives Tuckman's storming all four pieces of conflict work, and none of them to forming", () => {
    const storming = stage(tuckmanModel, "storming").workerTasks;
    for (const work of [/normalise conflict/i, /non-defensive/i, /scapegoat/i, /revisit the group's norms/i]) {
      expect(mentions(storming, work), String(work)).toBe(true);
      expect(mentions(stage(tuckmanModel, "forming").workerTasks, work), String(work)).toBe(false);
    }
    expect(mentions(stage(tuckmanModel, "storming").watchFor, /scapegoat/i)).toBe(true);
  });

  it("names the worker's tasks for Tuckman's later stages", () => {
    expect(mentions(stage(tuckmanModel, "norming").workerTasks, /step back/i)).toBe(true);
    expect(mentions(stage(tuckmanModel, "norming").workerTasks, /reinforce the norms/i)).toBe(true);
    expect(mentions(stage(tuckmanModel, "norming").workerTasks, /respond to one another/i)).toBe(true);
    expect(mentions(stage(tuckmanModel, "performing").workerTasks, /consultative/i)).toBe(true);
    expect(mentions(stage(tuckmanModel, "performing").workerTasks, /subgroups/i)).toBe(true);
    const adjourning = stage(tuckmanModel, "adjourning").workerTasks;
    for (const work of [/plan the ending early/i, /review/i, /referrals/i, /evaluate/i]) {
      expect(mentions(adjourning, work), String(work)).toBe(true);
    }
  });

  it("lets Toseland & Rivas' planning stage be left before any session, without an agreement", () => {
    expect(stage(toselandRivasModel, "planning").readiness).toEqual({ minSessions: 0, requiresAgreement: false });
    expect(stage(toselandRivasModel, "beginning").readiness).toEqual({ requiresAgreement: true });
  });

  it("leaves the session count of ordinary working stages to the machine's options, and lets the final stage close", () => {
    for (const model of BUILT_IN_MODELS) {
      for (const entry of model.stages.slice(0, -1)) {
        if (entry.id === "planning") continue;
        expect(entry.readiness.minSessions, `${model.id} ${entry.id}`).toBeUndefined();
      }
      // A group adjourned early may never meet again, so closing its record must not wait for a session.
      expect(model.stages.at(-1)?.readiness).toEqual({ minSessions: 0 });
    }
  });

  it("keeps stage labels distinct within a model", () => {
    for (const model of BUILT_IN_MODELS) {
      const labels = model.stages.map((entry) => entry.label);
      expect(new Set(labels).size, model.id).toBe(labels.length);
    }
  });
});
