// Property tests: random command sequences (fast-check `commands`) run against every built-in model and checked
// against a reference written here from the rules in the issue, plus the invariants that must always hold.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  applyStageEvent,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageEvent,
  type StageMachineOptions,
  type StageModel,
  type StageSnapshot,
  startStages,
} from "../../src/index";
import { BUILT_IN_MODELS } from "./helpers";

const RUNS = { numRuns: 150 };
const START = "2026-02-05T18:00:00-05:00";

/** The reference: what the rules say, in as few words as possible. */
interface Reference {
  position: number; // index in the model's stages; stages.length for closed
  sessions: number;
  agreed: boolean;
  members: number;
}

interface World {
  readonly model: StageModel;
  readonly options: StageMachineOptions;
  snapshot: StageSnapshot;
  readonly accepted: StageEvent[];
}

type Move =
  | { kind: "SESSION_HELD" | "MEMBER_JOINED" | "MEMBER_LEFT" | "ADVANCE" | "CLOSE" }
  | { kind: "AGREEMENT_ADOPTED"; full: boolean }
  | { kind: "REGRESS"; to: number }
  | { kind: "ADJOURN"; early: boolean };

/** Sessions a stage asks for: the model's number, else the options' `minSessions`, else 1. */
function minSessions(stage: StageModel["stages"][number], options: StageMachineOptions): number {
  return stage.readiness.minSessions ?? options.minSessions ?? 1;
}

/** Where an open group forms again: the model's `reformingStage`, else its first stage. */
function reformingPosition(model: StageModel): number {
  return Math.max(
    0,
    model.stages.findIndex((stage) => stage.id === model.reformingStage),
  );
}

function needsAgreement(model: StageModel, position: number, options: StageMachineOptions): boolean {
  if (options.requireAgreement === false) return false;
  return model.stages[position]?.readiness.requiresAgreement ?? position === 0;
}

/** Whether the reference accepts a move, and the reference after it. */
function expected(model: StageModel, options: StageMachineOptions, ref: Reference, move: Move, inOrder: boolean) {
  const reopen = options.onMemberJoined === "reopen-first-stage";
  const final = model.stages.length - 1;
  const stage = model.stages[ref.position];
  const refuse = { ok: false, next: ref };
  if (stage === undefined || !inOrder) return refuse; // closed absorbs; time never goes backwards
  const ok = (next: Partial<Reference>) => ({ ok: true, next: { ...ref, ...next } });
  switch (move.kind) {
    case "SESSION_HELD":
      return ok({ sessions: ref.sessions + 1 });
    case "AGREEMENT_ADOPTED":
      return ok({ agreed: move.full });
    case "MEMBER_JOINED": {
      const reforming = reformingPosition(model);
      return reopen && ref.position > reforming && ref.position < final
        ? ok({ members: ref.members + 1, position: reforming, sessions: 0 })
        : ok({ members: ref.members + 1 });
    }
    case "MEMBER_LEFT":
      return ref.members > 0 ? ok({ members: ref.members - 1 }) : refuse;
    case "ADVANCE": {
      const ready =
        ref.sessions >= minSessions(stage, options) && (!needsAgreement(model, ref.position, options) || ref.agreed);
      return ref.position + 1 < final && ready ? ok({ position: ref.position + 1, sessions: 0 }) : refuse;
    }
    case "REGRESS":
      return move.to < ref.position ? ok({ position: move.to, sessions: 0 }) : refuse;
    case "ADJOURN":
      return ref.position < final ? ok({ position: final, sessions: 0 }) : refuse;
    case "CLOSE":
      return ref.position === final && ref.sessions >= minSessions(stage, options)
        ? ok({ position: final + 1, sessions: 0 })
        : refuse;
  }
}

function toEvent(model: StageModel, move: Move, at: string): StageEvent {
  const by = "worker-1";
  switch (move.kind) {
    case "AGREEMENT_ADOPTED":
      return { type: move.kind, version: "1", includesConfidentiality: move.full, limitsExplained: true, at, by };
    case "REGRESS":
      return { type: move.kind, to: model.stages[move.to]?.id ?? "forming", reason: "judgment", at, by };
    case "ADJOURN":
      return { type: move.kind, outcome: move.early ? "ended-early" : "completed", reason: "end", at, by };
    default:
      return { type: move.kind, at, by };
  }
}

function positionOf(model: StageModel, value: unknown): number {
  const index = model.stages.findIndex((stage) => stage.id === value);
  return index === -1 ? model.stages.length : index;
}

class ApplyCommand implements fc.Command<Reference, World> {
  constructor(
    readonly move: Move,
    readonly minutes: number,
  ) {}
  check(): boolean {
    return true;
  }
  run(ref: Reference, world: World): void {
    const { model, options } = world;
    const before = world.snapshot;
    const at = new Date(Date.parse(before.context.lastEventAt) + this.minutes * 60_000).toISOString();
    const event = toEvent(model, this.move, at);
    const step = applyStageEvent(before, event);
    const want = expected(model, options, ref, this.move, this.minutes >= 0);
    // The machine agrees with the reference, and a refusal always says why and changes nothing.
    expect(step.ok).toBe(want.ok);
    if (!step.ok) {
      expect(step.blockedBy.length).toBeGreaterThan(0);
      expect(step.snapshot).toBe(before);
    }
    Object.assign(ref, want.next);
    const after = step.snapshot;
    expect(positionOf(model, after.value)).toBe(ref.position);
    expect([after.context.sessionsInStage, after.context.activeMembers]).toEqual([ref.sessions, ref.members]);
    // REGRESS never moves forward.
    if (event.type === "REGRESS") {
      expect(positionOf(model, after.value)).toBeLessThanOrEqual(positionOf(model, before.value));
    }
    // closed absorbs.
    if (before.value === "closed") expect(after).toBe(before);
    if (step.ok) world.accepted.push(event);
    world.snapshot = after;
  }
  toString(): string {
    return `${JSON.stringify(this.move)} +${this.minutes}min`;
  }
}

const moveArbitrary = (model: StageModel): fc.Arbitrary<Move> =>
  fc.oneof(
    fc.constantFrom<Move>(
      { kind: "SESSION_HELD" },
      { kind: "MEMBER_JOINED" },
      { kind: "MEMBER_LEFT" },
      { kind: "ADVANCE" },
      { kind: "CLOSE" },
    ),
    fc.boolean().map((full): Move => ({ kind: "AGREEMENT_ADOPTED", full })),
    fc.integer({ min: 0, max: model.stages.length - 1 }).map((to): Move => ({ kind: "REGRESS", to })),
    fc.boolean().map((early): Move => ({ kind: "ADJOURN", early })),
  );

const scenario = fc
  .record({
    model: fc.constantFrom(...BUILT_IN_MODELS),
    // The options a group may set: how a late member counts, sessions per stage, and no agreement of its own.
    options: fc.record(
      {
        onMemberJoined: fc.constantFrom<"suggest" | "reopen-first-stage">("suggest", "reopen-first-stage"),
        minSessions: fc.integer({ min: 0, max: 2 }),
        requireAgreement: fc.boolean(),
      },
      { requiredKeys: [] },
    ),
    members: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ model, options, members }) =>
    fc.record({
      model: fc.constant(model),
      options: fc.constant<StageMachineOptions>(options),
      members: fc.constant(members),
      // Mostly forward in time, sometimes a little backwards (refused).
      commands: fc.commands(
        [
          fc
            .tuple(moveArbitrary(model), fc.integer({ min: -30, max: 60 * 24 * 8 }))
            .map(([move, minutes]) => new ApplyCommand(move, minutes)),
        ],
        { maxCommands: 40 },
      ),
    }),
  );

function historyIsContiguous(model: StageModel, snapshot: StageSnapshot): boolean {
  const history = snapshot.context.history;
  const final = model.stages.length - 1;
  return history.every((entry, index) => {
    const previous = history[index - 1];
    if (previous === undefined) return entry.event === "START" && positionOf(model, entry.stage) === 0;
    const from = positionOf(model, previous.stage);
    const to = positionOf(model, entry.stage);
    const inOrder = Date.parse(entry.enteredAt) >= Date.parse(previous.enteredAt);
    const legal =
      (entry.event === "ADVANCE" && to === from + 1 && to < final) ||
      (entry.event === "REGRESS" && to < from) ||
      (entry.event === "ADJOURN" && from < final && to === final) ||
      (entry.event === "CLOSE" && from === final && to === final + 1) ||
      (entry.event === "MEMBER_JOINED" && to === reformingPosition(model) && from > to && from < final);
    return inOrder && legal;
  });
}

describe("the stage machine under random command sequences", () => {
  test.prop([scenario], RUNS)(
    "agrees with the reference; history stays contiguous; persist → restore and replay give equal snapshots",
    ({ model, options, members, commands }) => {
      const input = { at: START, by: "worker-1", activeMembers: members };
      const world: World = { model, options, snapshot: startStages(model, input, options), accepted: [] };
      fc.modelRun(() => ({ model: { position: 0, sessions: 0, agreed: false, members }, real: world }), commands);
      const snapshot = world.snapshot;

      expect(historyIsContiguous(model, snapshot)).toBe(true);
      expect(snapshot.context.history.at(-1)?.stage).toBe(snapshot.value);
      expect(snapshot.context.sessionsTotal).toBe(
        snapshot.context.history.reduce((sum, entry) => sum + entry.sessions, 0),
      );

      const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(snapshot)));
      const restored = restoreStageSnapshot(model, envelope, options);
      expect(restored.ok).toBe(true);
      if (restored.ok) {
        expect(restored.snapshot.value).toBe(snapshot.value);
        expect(restored.snapshot.status).toBe(snapshot.status);
        expect(restored.snapshot.context).toEqual(snapshot.context);
        expect(persistStageSnapshot(restored.snapshot)).toEqual(persistStageSnapshot(snapshot));
      }

      const replay = replayStageEvents(model, input, world.accepted, options);
      expect(replay.ok).toBe(true);
      expect(replay.snapshot.value).toBe(snapshot.value);
      expect(replay.snapshot.context).toEqual(snapshot.context);
    },
  );
});
