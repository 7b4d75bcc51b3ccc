import { describeValue, GroupworkError } from "../_lib/errors.js";
import { checkStageModel } from "./define.js";
import { tuckmanModel } from "./models/tuckman.js";
import {
  attendanceSignal,
  climateSignals,
  conflictNoteSignals,
  ENDING_SHARE,
  phaseIndex,
  present,
  type RawSignal,
  sessionSignal,
} from "./suggest-signals.js";
import type { StageModel } from "./types.js";

/**
 * The Group Climate Questionnaire's subscale means for one session (GCQ-S, MacKenzie 1983), each on its 0–6 scale;
 * `null` or absent when the subscale was not scored. For the group, take the mean over members of each subscale's
 * `value` from `scoreGcqS`. Part of {@link StageEvidence}.
 *
 * @example
 * const climate = [{ engaged: 3.4, avoiding: 2, conflict: 1.25 }, { engaged: 3.5, avoiding: 2, conflict: 2.5 }];
 * suggestStage({ climate }).signals.map((signal) => [signal.code, signal.stage])
 * //=> [["climate-conflict-rising", "storming"]]
 */
export interface ClimateReading {
  /** Mean of the engaged items (1, 2, 4, 8, 11). */
  readonly engaged?: number | null | undefined;
  /** Mean of the avoiding items (3, 5, 9); recorded, not used by the heuristics. */
  readonly avoiding?: number | null | undefined;
  /** Mean of the conflict items (6, 7, 10, 12). */
  readonly conflict?: number | null | undefined;
}

/**
 * What a worker knows about a group that may hint at its stage; every part is optional. The input of
 * {@link suggestStage}. Lists are in session order, oldest first.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const evidence = { model: stageModels.boston, sessionsHeld: 4, sessionsPlanned: 12, conflictNotes: [0, 0, 1, 3] };
 * suggestStage(evidence).stage
 * //=> "power-and-control"
 */
export interface StageEvidence<Id extends string = string> {
  /** The stage model to suggest a stage of; `tuckmanModel` when absent. */
  readonly model?: StageModel<Id> | undefined;
  /** Sessions the group has held so far (the machine's `sessionsTotal`). */
  readonly sessionsHeld?: number | undefined;
  /** Sessions planned for a closed group; leave it out for an open group. */
  readonly sessionsPlanned?: number | undefined;
  /** GCQ-S subscale means, one reading per session (or per measurement) in order. */
  readonly climate?: readonly ClimateReading[] | undefined;
  /** The group's attendance rate (0–1) per session or per period, in order; `null` where it is not known. */
  readonly attendanceRates?: readonly (number | null)[] | undefined;
  /** Conflict the worker noted per session, in order: a count, or `true`/`false` for "there was conflict". */
  readonly conflictNotes?: readonly (number | boolean)[] | undefined;
}

/**
 * Stable codes of the signals behind a stage suggestion.
 *
 * - `no-sessions-yet`, `early-sessions`, `session-pace`, `final-sessions`: how far the group is through its sessions;
 * - `climate-conflict-rising`, `climate-conflict-past-peak`, `climate-engagement-rising`: the GCQ-S trend;
 * - `conflict-notes-rising`, `conflict-notes-subsided`: the conflict the worker noted;
 * - `attendance-falling`: the last two attendance rates well below the earlier ones.
 *
 * @example
 * suggestStage({ sessionsHeld: 10, sessionsPlanned: 12 }).signals.map((signal) => signal.code)
 * //=> ["final-sessions"]
 */
export type StageSignalCode =
  | "no-sessions-yet"
  | "early-sessions"
  | "session-pace"
  | "final-sessions"
  | "climate-conflict-rising"
  | "climate-conflict-past-peak"
  | "climate-engagement-rising"
  | "conflict-notes-rising"
  | "conflict-notes-subsided"
  | "attendance-falling";

/**
 * One piece of evidence and the stage it points to. Part of {@link StageAdvice}.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * suggestStage({ sessionsHeld: 0 }).signals[0]
 * //=> ({
 *   code: "no-sessions-yet",
 *   stage: "forming",
 *   weight: 0.5,
 *   message: "No session has been held yet: a group that has not met is at its start.",
 * })
 */
export interface StageSignal<Id extends string = string> {
  /** Stable code a program can switch on. */
  readonly code: StageSignalCode;
  /** The stage this evidence points to. */
  readonly stage: Id;
  /** How much it counts, from 0 to 1: the session count and the GCQ-S weigh most, attendance least. */
  readonly weight: number;
  /** A sentence for the worker saying what was seen. */
  readonly message: string;
}

/**
 * A suggested stage, how sure the heuristics are, and the evidence behind it: advice for the worker, who decides. The
 * result of {@link suggestStage}.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * suggestStage({}).stage
 * //=> null
 */
export interface StageAdvice<Id extends string = string> {
  /** Id of the stage model the suggestion is in. */
  readonly modelId: string;
  /** The suggested stage; `null` when there is not enough evidence to suggest one. */
  readonly stage: Id | null;
  /**
   * From 0 to 0.9: the share of the evidence that agrees with the suggestion, scaled down when there is little
   * evidence. 0 when `stage` is `null`; never 1, because the worker's own view is the evidence that decides.
   */
  readonly confidence: number;
  /** Every signal found, in a fixed order (sessions, climate, conflict notes, attendance). */
  readonly signals: readonly StageSignal<Id>[];
  /** A sentence for the worker that sums the advice up. */
  readonly message: string;
}

const MAX_CONFIDENCE = 0.9;

function fail(message: string): never {
  throw new GroupworkError("invalid-argument", `suggestStage: ${message}`);
}

function count(value: unknown, name: string, least: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isSafeInteger(value) || value < least) {
    fail(`${name} must be a whole number of ${least} or more; got ${describeValue(value)}.`);
  }
  return value;
}

function list<T>(value: readonly T[] | undefined, name: string): readonly T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) fail(`${name} must be a list; got ${describeValue(value)}.`);
  return value;
}

function inRange(value: unknown, name: string, high: number): number | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== "number" || !(value >= 0 && value <= high)) {
    fail(`${name} must be a number from 0 to ${high}; got ${describeValue(value)}.`);
  }
  return value;
}

function conflictCount(value: number | boolean, index: number): number {
  if (typeof value === "boolean") return value ? 1 : 0;
  return count(value, `conflictNotes[${index}]`, 0) ?? 0;
}

/**
 * Suggests the stage a group may be in, from the evidence a worker has: how many of the planned sessions have been
 * held, the GCQ-S climate over time, conflict noted per session and the attendance trend.
 *
 * It is advice and never moves the stage machine: stages are a model, not a law, and the worker decides where the
 * group is. Each signal is a documented rule of thumb (see `docs/stages.md`): no session yet or the first two point to
 * the first stages; the last quarter of the planned sessions to the final stage; conflict rising (GCQ-S or notes) to
 * the conflict stage (storming); conflict well down from a peak to the stage after it; engagement rising to the
 * cohesion stage (norming); attendance falling to the conflict stage, or late in the plan to the final one. The stage
 * with the most weight wins (the earlier on a tie). Same evidence, same advice.
 *
 * @param evidence - what is known about the group, with the stage model to answer in (`tuckmanModel` when absent)
 * @throws {GroupworkError} `invalid-argument` when the model is malformed, a session count is not a whole number
 *   (planned at least 1), a GCQ-S mean is outside 0–6, an attendance rate outside 0–1, or a conflict note neither a
 *   whole number nor a boolean
 * @returns the suggested stage (or `null` with too little evidence), a confidence from 0 to 0.9, and the signals
 * @example
 * const advice = suggestStage({ sessionsHeld: 4, sessionsPlanned: 12, conflictNotes: [0, 0, 1, 3] });
 * [advice.stage, advice.confidence, advice.signals.map((signal) => signal.code)]
 * //=> ["storming", 0.4, ["session-pace", "conflict-notes-rising"]]
 */
export function suggestStage<const Id extends string = string>(evidence: StageEvidence<Id>): StageAdvice<Id> {
  if (typeof evidence !== "object" || evidence === null)
    fail(`evidence must be an object; got ${describeValue(evidence)}.`);
  const model = (evidence.model === undefined ? tuckmanModel : evidence.model) as StageModel<Id>;
  checkStageModel(model, "suggestStage", "evidence.model");
  const held = count(evidence.sessionsHeld, "sessionsHeld", 0);
  const planned = count(evidence.sessionsPlanned, "sessionsPlanned", 1);
  const conflict: number[] = [];
  const engaged: number[] = [];
  list(evidence.climate, "climate").forEach((reading, index) => {
    if (typeof reading !== "object" || reading === null)
      fail(`climate[${index}] must be an object of subscale means; got ${describeValue(reading)}.`);
    const c = inRange(reading.conflict, `climate[${index}].conflict`, 6);
    const e = inRange(reading.engaged, `climate[${index}].engaged`, 6);
    inRange(reading.avoiding, `climate[${index}].avoiding`, 6);
    if (typeof c === "number") conflict.push(c);
    if (typeof e === "number") engaged.push(e);
  });
  const rates = present(
    list(evidence.attendanceRates, "attendanceRates").map((rate, index) =>
      inRange(rate, `attendanceRates[${index}]`, 1),
    ),
  );
  const notes = list(evidence.conflictNotes, "conflictNotes").map(conflictCount);

  const late = held !== undefined && planned !== undefined && held / planned >= ENDING_SHARE;
  const raw: RawSignal[] = [
    ...(held === undefined ? [] : [sessionSignal(model, held, planned)]),
    ...climateSignals(conflict, engaged),
    ...conflictNoteSignals(notes),
    attendanceSignal(rates, late),
  ].filter((signal): signal is RawSignal => signal !== null);

  const signals = raw.map((signal): StageSignal<Id> => {
    const index = typeof signal.phase === "object" ? signal.phase.index : phaseIndex(model, signal.phase);
    // phaseIndex and the session reader only give indices inside the model's stages.
    const stage = model.stages[index]?.id as Id;
    return { code: signal.code as StageSignalCode, stage, weight: signal.weight, message: signal.message };
  });
  return advise(model, signals);
}

function advise<Id extends string>(model: StageModel<Id>, signals: readonly StageSignal<Id>[]): StageAdvice<Id> {
  const [first, ...rest] = signals;
  if (first === undefined) {
    return {
      modelId: model.id,
      stage: null,
      confidence: 0,
      signals,
      message:
        "There is not enough evidence to suggest a stage: give the sessions held (and planned), GCQ-S readings, attendance rates or conflict notes.",
    };
  }
  // Weights are added in hundredths, so that 0.15 + 0.15 ties with 0.3 exactly.
  const hundredths = (stage: Id) =>
    signals
      .filter((signal) => signal.stage === stage)
      .reduce((sum, signal) => sum + Math.round(signal.weight * 100), 0);
  const position = (stage: Id) => model.stages.findIndex((entry) => entry.id === stage);
  let chosen = first.stage;
  for (const { stage } of rest) {
    const [weight, best] = [hundredths(stage), hundredths(chosen)];
    // On a tie the earlier stage wins: the suggestion does not hurry the group on.
    if (weight > best || (weight === best && position(stage) < position(chosen))) chosen = stage;
  }
  const total = signals.reduce((sum, signal) => sum + Math.round(signal.weight * 100), 0);
  const top = hundredths(chosen);
  // The share of the evidence that agrees, times how much evidence there is (a total weight of 1 counts as enough).
  const confidence = Math.min(MAX_CONFIDENCE, Math.round((top / total) * Math.min(100, total)) / 100);
  const agreeing = signals.filter((signal) => signal.stage === chosen).length;
  const label = model.stages[position(chosen)]?.label ?? chosen;
  return {
    modelId: model.id,
    stage: chosen,
    confidence,
    signals,
    message: `${label} is suggested with confidence ${confidence}, by ${agreeing} of ${signals.length} signal${signals.length === 1 ? "" : "s"}. This is advice: the worker decides where the group stands.`,
  };
}
