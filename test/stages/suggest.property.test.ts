import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type StageEvidence, type StageModel, type StageSignalCode, suggestStage } from "../../src/stages/index";
import { BUILT_IN_MODELS } from "./helpers";

const SESSION_CODES: readonly StageSignalCode[] = [
  "no-sessions-yet",
  "early-sessions",
  "session-pace",
  "final-sessions",
];

const model = fc.constantFrom(...BUILT_IN_MODELS);
const subscale = fc.option(fc.double({ min: 0, max: 6, noNaN: true }), { nil: null });

const evidence: fc.Arbitrary<StageEvidence> = fc.record(
  {
    model,
    sessionsHeld: fc.nat({ max: 60 }),
    sessionsPlanned: fc.integer({ min: 1, max: 40 }),
    climate: fc.array(fc.record({ engaged: subscale, avoiding: subscale, conflict: subscale }), { maxLength: 8 }),
    attendanceRates: fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), { maxLength: 8 }),
    conflictNotes: fc.array(fc.oneof(fc.nat({ max: 6 }), fc.boolean()), { maxLength: 8 }),
  },
  { requiredKeys: [] },
);

const position = (of: StageModel, stage: string | null) => of.stages.findIndex((entry) => entry.id === stage);

function sessionStage(of: StageModel, held: number, planned: number | undefined): number {
  const signal = suggestStage({ model: of, sessionsHeld: held, sessionsPlanned: planned }).signals.find((found) =>
    SESSION_CODES.includes(found.code),
  );
  return signal === undefined ? -1 : position(of, signal.stage);
}

describe("suggestStage (properties)", () => {
  test.prop([evidence])(
    "confidence is in [0, 0.9]; no stage exactly when no signal, and then confidence 0",
    (given) => {
      const advice = suggestStage(given);
      expect(advice.confidence).toBeGreaterThanOrEqual(0);
      expect(advice.confidence).toBeLessThanOrEqual(0.9);
      expect(advice.stage === null).toBe(advice.signals.length === 0);
      if (advice.stage === null) expect(advice.confidence).toBe(0);
      else expect(advice.confidence).toBeGreaterThan(0);
    },
  );

  test.prop([evidence])("suggests a stage of the model, the one with the most weight", (given) => {
    const of = given.model ?? BUILT_IN_MODELS[0];
    const advice = suggestStage(given);
    if (of === undefined || advice.stage === null) return;
    expect(position(of, advice.stage)).toBeGreaterThanOrEqual(0);
    const weight = (stage: string) =>
      advice.signals.filter((signal) => signal.stage === stage).reduce((sum, signal) => sum + signal.weight, 0);
    for (const signal of advice.signals) {
      expect(position(of, signal.stage)).toBeGreaterThanOrEqual(0);
      expect(signal.weight).toBeGreaterThan(0);
      expect(signal.weight).toBeLessThanOrEqual(1);
      expect(weight(signal.stage)).toBeLessThanOrEqual(weight(advice.stage) + 1e-9);
    }
  });

  test.prop([evidence])("is deterministic and leaves the evidence as it was", (given) => {
    const before = structuredClone({ ...given, model: undefined });
    const first = suggestStage(given);
    expect(suggestStage(given)).toEqual(first);
    expect({ ...given, model: undefined }).toEqual(before);
  });

  test.prop([model, fc.integer({ min: 1, max: 40 }), fc.nat({ max: 60 }), fc.nat({ max: 60 })])(
    "more of the planned sessions held never moves the session signal earlier",
    (of, planned, a, b) => {
      const [fewer, more] = a <= b ? [a, b] : [b, a];
      expect(sessionStage(of, fewer, planned)).toBeLessThanOrEqual(sessionStage(of, more, planned));
    },
  );

  test.prop([model, fc.nat({ max: 60 }), fc.nat({ max: 60 })])(
    "in an open group too, more sessions never move the session signal earlier while it speaks",
    (of, a, b) => {
      const [fewer, more] = a <= b ? [a, b] : [b, a];
      const [early, late] = [sessionStage(of, fewer, undefined), sessionStage(of, more, undefined)];
      if (late >= 0) expect(early).toBeLessThanOrEqual(late);
    },
  );

  test.prop([model, fc.integer({ min: 1, max: 40 }), fc.nat({ max: 60 })])(
    "with sessions alone, the suggestion is the session signal's stage",
    (of, planned, held) => {
      const advice = suggestStage({ model: of, sessionsHeld: held, sessionsPlanned: planned });
      expect(advice.signals).toHaveLength(1);
      expect(position(of, advice.stage)).toBe(sessionStage(of, held, planned));
      expect(advice.confidence).toBe(advice.signals[0]?.weight);
    },
  );
});
