// How suggestStage weighs its signals against each other, reads agencies' own models, and refuses bad evidence.
import { describe, expect, it } from "vitest";
import {
  relationalModel,
  type StageEvidence,
  type StageModel,
  suggestStage,
  tuckmanModel,
} from "../../src/stages/index";
import { thrown } from "../fixtures/untrusted";

const pointsTo = (evidence: StageEvidence) =>
  suggestStage(evidence).signals.map((signal) => `${signal.code}:${signal.stage}`);

const blank = { summary: "s", markers: [], workerTasks: [], techniques: [], watchFor: [], readiness: {} } as const;

describe("suggestStage: weighing the signals", () => {
  it("lets the heavier stage win, and scales confidence by agreement and by how much evidence there is", () => {
    // forming 0.4 against storming 0.3: forming wins; confidence = 0.4 / 0.7 × min(1, 0.7) = 0.4.
    const advice = suggestStage({ sessionsHeld: 2, sessionsPlanned: 12, climate: [{ conflict: 1 }, { conflict: 3 }] });
    expect([advice.stage, advice.confidence]).toEqual(["forming", 0.4]);
    expect(advice.message).toBe(
      "Forming is suggested with confidence 0.4, by 1 of 2 signals. This is advice: the worker decides where the group stands.",
    );
    // storming 0.3 + 0.15 = 0.45 against forming 0.4; confidence = 0.45 / 0.85 × min(1, 0.85) = 0.45.
    const withAttendance = suggestStage({
      sessionsHeld: 2,
      sessionsPlanned: 12,
      climate: [{ conflict: 1 }, { conflict: 3 }],
      attendanceRates: [1, 1, 0.7, 0.7],
    });
    expect([withAttendance.stage, withAttendance.confidence]).toEqual(["storming", 0.45]);
  });

  it("agrees evidence into a higher confidence, never above 0.9", () => {
    // storming: pace 0.15 + climate 0.3 + notes 0.25 + attendance 0.15 = 0.85, all agreeing.
    const advice = suggestStage({
      sessionsHeld: 4,
      sessionsPlanned: 12,
      climate: [{ conflict: 0.5, engaged: 3 }, { conflict: 1 }, { conflict: 2.75, engaged: 3.5 }],
      conflictNotes: [0, 1, 4],
      attendanceRates: [1, 1, 0.9, 0.75, 0.75],
    });
    expect([advice.stage, advice.confidence, advice.signals.length]).toEqual(["storming", 0.85, 4]);
  });

  it("breaks a tie in favour of the earlier stage", () => {
    // Relational: engagement rising → relational base (0.2); conflict notes subsided → challenge and change (0.2).
    const advice = suggestStage({
      model: relationalModel,
      climate: [{ engaged: 2 }, { engaged: 3.5 }],
      conflictNotes: [0, 3, 1],
    });
    expect(advice.signals.map((signal) => signal.stage)).toEqual(["relational-base", "challenge-and-change"]);
    // confidence = 0.2 / 0.4 × min(1, 0.4) = 0.2
    expect([advice.stage, advice.confidence]).toEqual(["relational-base", 0.2]);
  });

  it("reads an agency's own model by position, and a changed built-in id the same way", () => {
    const agency: StageModel = {
      id: "agency",
      name: "Agency",
      citation: [],
      stages: ["settling", "testing", "trusting", "working", "closing"].map((id) => ({ ...blank, id, label: id })),
      finalStage: "closing",
    };
    const climate = [{ conflict: 1, engaged: 1 }, { conflict: 3 }, { conflict: 1.5, engaged: 3 }];
    expect(pointsTo({ model: agency, sessionsHeld: 1, climate })).toEqual([
      "early-sessions:settling",
      "climate-conflict-past-peak:trusting",
      "climate-engagement-rising:trusting",
    ]);
    expect(pointsTo({ model: agency, climate: [{ conflict: 1 }, { conflict: 3 }] })).toEqual([
      "climate-conflict-rising:testing",
    ]);
    const twoSteps: StageModel = { ...agency, stages: agency.stages.slice(3), finalStage: "closing" };
    expect(pointsTo({ model: twoSteps, climate, conflictNotes: [0, 2] })).toEqual([
      "climate-conflict-past-peak:working",
      "climate-engagement-rising:working",
      "conflict-notes-rising:working",
    ]);
    const renamed: StageModel = { ...agency, id: "tuckman" };
    expect(pointsTo({ model: renamed, climate: [{ conflict: 1 }, { conflict: 3 }] })).toEqual([
      "climate-conflict-rising:testing",
    ]);
  });

  it("gives the same advice for the same evidence, and leaves the evidence as it was", () => {
    const evidence = Object.freeze({
      sessionsHeld: 6,
      sessionsPlanned: 12,
      climate: Object.freeze([Object.freeze({ conflict: 1 }), Object.freeze({ conflict: 3 })]),
      conflictNotes: Object.freeze([0, 2]),
    });
    const copy = structuredClone(evidence);
    expect(suggestStage(evidence)).toEqual(suggestStage(copy));
    expect(evidence).toEqual(copy);
    expect(suggestStage({ model: tuckmanModel, ...copy })).toEqual(suggestStage(copy));
  });
});

describe("suggestStage: arguments outside its types", () => {
  it.each([
    [{ sessionsHeld: -1 }, "sessionsHeld must be a whole number of 0 or more; got -1."],
    [{ sessionsHeld: 2.5 }, "sessionsHeld must be a whole number of 0 or more; got 2.5."],
    [{ sessionsPlanned: 0 }, "sessionsPlanned must be a whole number of 1 or more; got 0."],
    [{ climate: [{ conflict: 6.5 }] }, "climate[0].conflict must be a number from 0 to 6; got 6.5."],
    [{ climate: [{}, { engaged: Number.NaN }] }, "climate[1].engaged must be a number from 0 to 6; got NaN."],
    [{ climate: [{ avoiding: -1 }] }, "climate[0].avoiding must be a number from 0 to 6; got -1."],
    [{ climate: [null] }, "climate[0] must be an object of subscale means; got null."],
    [{ climate: "high" }, 'climate must be a list; got "high".'],
    [{ attendanceRates: [0.5, 1.2] }, "attendanceRates[1] must be a number from 0 to 1; got 1.2."],
    [{ conflictNotes: [0, -2] }, "conflictNotes[1] must be a whole number of 0 or more; got -2."],
    [{ conflictNotes: ["yes"] }, 'conflictNotes[0] must be a whole number of 0 or more; got "yes".'],
    [
      { model: "tuckman" },
      'evidence.model must be a stage model; got "tuckman", which is a model\'s id. Pass the model itself (such as tuckmanModel), or look a built-in one up with stageModels[id].',
    ],
    [{ model: null }, "evidence.model must be a stage model; got null."],
  ])("refuses %j", (evidence, message) => {
    const error = thrown(() => suggestStage(evidence as unknown as StageEvidence));
    expect([error.code, error.message]).toEqual(["invalid-argument", `suggestStage: ${message}`]);
  });

  it("refuses evidence that is not an object, and a malformed model", () => {
    expect(thrown(() => suggestStage(null as unknown as StageEvidence)).message).toBe(
      "suggestStage: evidence must be an object; got null.",
    );
    const oneStage = { ...tuckmanModel, stages: tuckmanModel.stages.slice(0, 1), finalStage: "forming" as const };
    expect(thrown(() => suggestStage({ model: oneStage })).message).toMatch(/at least two stages/);
  });
});
