// What each kind of evidence says on its own, with the expected stage and sentence worked out by hand.
import { describe, expect, it } from "vitest";
import {
  bostonModel,
  relationalModel,
  type StageEvidence,
  suggestStage,
  toselandRivasModel,
} from "../../src/stages/index";

const codes = (evidence: StageEvidence) => suggestStage(evidence).signals.map((signal) => signal.code);
const pointsTo = (evidence: StageEvidence) =>
  suggestStage(evidence).signals.map((signal) => `${signal.code}:${signal.stage}`);

describe("suggestStage: no evidence", () => {
  it("suggests nothing, with confidence 0, and says what evidence would help", () => {
    const advice = suggestStage({});
    expect(advice).toEqual({
      modelId: "tuckman",
      stage: null,
      confidence: 0,
      signals: [],
      message:
        "There is not enough evidence to suggest a stage: give the sessions held (and planned), GCQ-S readings, attendance rates or conflict notes.",
    });
  });

  it("finds nothing in an open group past its first sessions with no other evidence", () => {
    expect(suggestStage({ sessionsHeld: 5 }).stage).toBeNull();
    // Trends need more than one reading: one GCQ-S reading, one conflict note, two attendance rates say nothing.
    expect(
      suggestStage({ climate: [{ engaged: 5, conflict: 5 }], conflictNotes: [3], attendanceRates: [1, 0.2] }).stage,
    ).toBeNull();
  });
});

describe("suggestStage: sessions held against the plan", () => {
  it("puts a group that has not met at its first stage", () => {
    expect(suggestStage({ sessionsHeld: 0, sessionsPlanned: 10 })).toMatchObject({
      stage: "forming",
      confidence: 0.5,
      signals: [
        {
          code: "no-sessions-yet",
          stage: "forming",
          weight: 0.5,
          message: "No session has been held yet: a group that has not met is at its start.",
        },
      ],
    });
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 0 }).stage).toBe("planning");
  });

  it("reads the first two sessions as orientation: forming, pre-affiliation, beginning", () => {
    const advice = suggestStage({ sessionsHeld: 2, sessionsPlanned: 12 });
    expect([advice.stage, advice.confidence]).toEqual(["forming", 0.4]);
    expect(advice.signals[0]?.message).toBe(
      "Only 2 of 12 planned sessions have been held: early sessions are usually the group's orientation.",
    );
    expect(suggestStage({ sessionsHeld: 1 }).signals[0]?.message).toBe(
      "Only 1 session has been held: early sessions are usually the group's orientation.",
    );
    expect(suggestStage({ model: bostonModel, sessionsHeld: 1 }).stage).toBe("pre-affiliation");
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 2, sessionsPlanned: 8 }).stage).toBe("beginning");
  });

  it("reads the last quarter of the planned sessions as the final stage", () => {
    // 9 of 12 is 75%: the first session of the last quarter.
    const advice = suggestStage({ sessionsHeld: 9, sessionsPlanned: 12 });
    expect(advice).toMatchObject({ stage: "adjourning", confidence: 0.5 });
    expect(advice.signals[0]).toMatchObject({ code: "final-sessions", weight: 0.5 });
    expect(advice.signals[0]?.message).toBe(
      "9 of 12 planned sessions have been held (75%): the last quarter of the plan is the time to work on ending.",
    );
    expect(suggestStage({ sessionsHeld: 14, sessionsPlanned: 12 }).stage).toBe("adjourning");
    expect(suggestStage({ model: relationalModel, sessionsHeld: 2, sessionsPlanned: 2 }).stage).toBe("separation");
  });

  it("spreads the sessions before the last quarter over the working stages, with little weight", () => {
    // Tuckman, 12 planned: index = floor(share / 0.75 × 4), share = held / 12.
    const byHand: [number, string][] = [
      [3, "storming"], // 0.25 → floor(1.33) = 1
      [4, "storming"], // 0.33 → floor(1.78) = 1
      [5, "norming"], // 0.42 → floor(2.22) = 2
      [7, "performing"], // 0.58 → floor(3.11) = 3
      [8, "performing"], // 0.67 → floor(3.56) = 3
    ];
    for (const [held, stage] of byHand) {
      const advice = suggestStage({ sessionsHeld: held, sessionsPlanned: 12 });
      expect([held, advice.stage, advice.confidence, codes({ sessionsHeld: held, sessionsPlanned: 12 })]).toEqual([
        held,
        stage,
        0.15,
        ["session-pace"],
      ]);
    }
    // A long group's third session is still early in its plan: 3 of 40 is 7.5% → floor(0.4) = 0.
    expect(suggestStage({ sessionsHeld: 3, sessionsPlanned: 40 }).stage).toBe("forming");
    expect(suggestStage({ sessionsHeld: 5, sessionsPlanned: 12 }).signals[0]?.message).toBe(
      "5 of 12 planned sessions have been held (42%): a group keeping pace with its plan would be around norming; pace alone says little.",
    );
  });

  it("starts the pace of Toseland & Rivas at the beginning stage, since planning has no sessions", () => {
    // 8 planned: index = 1 + floor(share / 0.75 × 2).
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 3, sessionsPlanned: 8 }).stage).toBe("middle");
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 3, sessionsPlanned: 30 }).stage).toBe("beginning");
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 5, sessionsPlanned: 8 }).stage).toBe("middle");
    expect(suggestStage({ model: toselandRivasModel, sessionsHeld: 6, sessionsPlanned: 8 }).stage).toBe("ending");
  });
});

describe("suggestStage: GCQ-S climate (MacKenzie 1983)", () => {
  it("reads conflict at its highest so far, after a rise of a scale point or more, as the conflict stage", () => {
    const advice = suggestStage({ climate: [{ conflict: 1 }, { conflict: 2.5 }] });
    expect(advice).toMatchObject({ stage: "storming", confidence: 0.3 });
    expect(advice.signals).toEqual([
      {
        code: "climate-conflict-rising",
        stage: "storming",
        weight: 0.3,
        message:
          "GCQ-S conflict rose from 1 to 2.5, its highest so far; conflict tends to peak in the group's conflict stage.",
      },
    ]);
    expect(pointsTo({ model: bostonModel, climate: [{ conflict: 0.5 }, { conflict: 2 }, { conflict: 2 }] })).toEqual([
      "climate-conflict-rising:power-and-control",
    ]);
    expect(codes({ climate: [{ conflict: 1 }, { conflict: 1.8 }] })).toEqual([]);
  });

  it("reads conflict well down from a later peak as the stage after the conflict", () => {
    const climate = [{ conflict: 1 }, { conflict: 3 }, { conflict: 1.5 }];
    expect(pointsTo({ climate })).toEqual(["climate-conflict-past-peak:norming"]);
    expect(suggestStage({ climate }).signals[0]?.message).toBe(
      "GCQ-S conflict rose to 3 and has fallen to 1.5: the group may have worked through a conflict.",
    );
    expect(pointsTo({ model: bostonModel, climate })).toEqual(["climate-conflict-past-peak:intimacy"]);
    // Schiller: conflict comes late, and is worked through in challenge and change itself.
    expect(pointsTo({ model: relationalModel, climate })).toEqual(["climate-conflict-past-peak:challenge-and-change"]);
    expect(pointsTo({ model: toselandRivasModel, climate })).toEqual(["climate-conflict-past-peak:middle"]);
    // Tension that was highest in the first session and eased is not a conflict worked through.
    expect(codes({ climate: [{ conflict: 3 }, { conflict: 2 }, { conflict: 1 }] })).toEqual([]);
  });

  it("reads engagement up by a scale point or more as the cohesion stage", () => {
    expect(pointsTo({ climate: [{ engaged: 2 }, { engaged: 2.4 }, { engaged: 3 }] })).toEqual([
      "climate-engagement-rising:norming",
    ]);
    expect(pointsTo({ model: relationalModel, climate: [{ engaged: 2 }, { engaged: 3.5 }] })).toEqual([
      "climate-engagement-rising:relational-base",
    ]);
    expect(codes({ climate: [{ engaged: 2 }, { engaged: 2.9 }] })).toEqual([]);
    expect(codes({ climate: [{ engaged: 4 }, { engaged: 2 }] })).toEqual([]);
  });

  it("skips subscales that were not scored, and does not use avoiding", () => {
    const climate = [
      { conflict: 1, avoiding: 6 },
      { conflict: null, engaged: 4 },
      { avoiding: 0, conflict: 2.5 },
    ];
    expect(codes({ climate })).toEqual(["climate-conflict-rising"]);
  });
});

describe("suggestStage: conflict notes and attendance", () => {
  it("reads the most conflict noted so far in the latest session as the conflict stage", () => {
    expect(pointsTo({ conflictNotes: [0, 0, 1, 3] })).toEqual(["conflict-notes-rising:storming"]);
    expect(suggestStage({ conflictNotes: [0, true] }).signals[0]?.message).toBe(
      "The latest session has 1 conflict note, as many as or more than any before it: conflict is rising.",
    );
    expect(codes({ conflictNotes: [2, 2] })).toEqual([]);
    expect(codes({ conflictNotes: [0, 0] })).toEqual([]);
  });

  it("reads conflict noted down to half its peak as the stage after the conflict", () => {
    expect(pointsTo({ conflictNotes: [0, 2, 3, 1] })).toEqual(["conflict-notes-subsided:norming"]);
    expect(suggestStage({ conflictNotes: [0, 2, 3, 1] }).signals[0]?.message).toBe(
      "Conflict notes rose to 3 in one session and the latest has 1: the conflict may have been worked through.",
    );
    expect(codes({ conflictNotes: [0, 4, 3] })).toEqual([]);
    expect(codes({ conflictNotes: [true, false, false] })).toEqual([]);
  });

  it("reads attendance falling as the conflict stage, or as the ending late in the plan", () => {
    const attendanceRates = [1, 0.9, null, 0.6, 0.6];
    expect(pointsTo({ attendanceRates })).toEqual(["attendance-falling:storming"]);
    expect(suggestStage({ attendanceRates }).signals[0]?.message).toBe(
      "Attendance fell from 95% to 60% over the last two sessions: members may be withdrawing, as they often do when conflict is hard to bear; ask the group.",
    );
    const late = suggestStage({ attendanceRates, sessionsHeld: 10, sessionsPlanned: 12 });
    expect(late.signals.map((signal) => `${signal.code}:${signal.stage}`)).toEqual([
      "final-sessions:adjourning",
      "attendance-falling:adjourning",
    ]);
    expect(late.signals[1]?.message).toContain("as they often do when the end nears");
    expect(codes({ attendanceRates: [0.9, 0.9, 0.8, 0.8] })).toEqual([]);
  });
});
