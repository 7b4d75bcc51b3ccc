import { initialTransition, transition } from "xstate";
import { describeThrown, describeValue, GroupworkError } from "../_lib/errors.js";
import type { StageInput, StageMachineOptions } from "./context.js";
import { checkStageModel } from "./define.js";
import type { StageEvent } from "./events.js";
import { blockingReasons, isStageEventType, type StageBlockReason, unknownEvent } from "./guards.js";
import { checkStartInput } from "./history.js";
import { machineOfChecked, type StageMachine } from "./machine.js";
import { checkStageOptions } from "./rules.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import type { StageModel } from "./types.js";

// Servers keep a snapshot (or an event log) per group and apply events without running an actor, with xstate's pure
// `initialTransition` and `transition`. Timestamps come in the events, so a log replays to the same snapshot.

// One machine per model and options, so starting many groups builds each machine once. The options are checked first
// and the cache is keyed by the checked copy, which is plain data.
const machines = /* @__PURE__ */ new WeakMap<object, Map<string, StageMachine>>();

/**
 * The machine of a model and options, built once; throws `invalid-argument` from `caller` when the model or options
 * are malformed. Internal.
 */
export function machineFor(given: unknown, options: unknown, caller: string): StageMachine {
  // A model is checked the first time it is used; after that its machines are in the cache, which only a checked
  // model enters (WeakMap#get answers undefined for anything that is not an object, such as a model's id).
  let byOptions = machines.get(given as object);
  if (byOptions === undefined) {
    checkStageModel(given, caller);
    byOptions = new Map();
    machines.set(given, byOptions);
  }
  const model = given as StageModel; // checked above, or when it entered the cache
  const checked = checkStageOptions(model, options, caller);
  const key = JSON.stringify(checked);
  let machine = byOptions.get(key);
  if (machine === undefined) {
    machine = machineOfChecked(model, checked);
    byOptions.set(key, machine);
  }
  return machine;
}

/**
 * A group's first snapshot: the model's first stage, no sessions, no agreement. Pure and actor-free.
 *
 * The machine is built once per model and options (see `createStageMachine`) and travels with the snapshot.
 *
 * @param model - the stage model the group follows, such as `tuckmanModel`
 * @param input - when the group started (`at`: ISO 8601 text with an offset, or a `Date`), who recorded it (`by`) and
 *   how many members are active
 * @param options - the group's readiness overrides and `onMemberJoined`; see `StageMachineOptions`
 * @throws {GroupworkError} `invalid-argument` when the model is not a stage model (its id, such as `"tuckman"`, where
 *   the model `tuckmanModel` belongs) or is malformed, the options are malformed or hold a key that is not an option,
 *   `input.at` is neither an ISO 8601 instant with an offset nor a valid `Date` in the years 0000–9999, `input.by` is
 *   empty, `activeMembers` is not a whole number from 0 to `Number.MAX_SAFE_INTEGER`, or the input cannot be read
 * @returns the snapshot in the first stage
 * @example
 * const snapshot = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1", activeMembers: 6 });
 * [snapshot.value, snapshot.context.activeMembers, snapshot.context.history.length]
 * //=> ["forming", 6, 1]
 * @example
 * // A Date is kept as its ISO 8601 text in UTC
 * startStages(tuckmanModel, { at: new Date("2026-02-05T18:00-05:00"), by: "worker-1" }).context.lastEventAt
 * //=> "2026-02-05T23:00:00.000Z"
 */
export function startStages<const Id extends string>(
  model: StageModel<Id>,
  input: StageInput,
  options: StageMachineOptions<Id> = {},
): StageSnapshot<Id> {
  return start(model, input, options, "startStages");
}

function start<Id extends string>(model: unknown, input: unknown, options: unknown, caller: string): StageSnapshot<Id> {
  const machine = machineFor(model, options, caller);
  // xstate is given the checked copy, so a getter in the input is not read again.
  const [snapshot] = initialTransition(machine, checkStartInput(input, caller));
  // xstate keeps an error thrown while building the context inside an error snapshot; a malformed start is the
  // caller's mistake, so it is thrown as the GroupworkError it is.
  if (snapshot.status === "error") throw snapshot.error;
  return snapshot as unknown as StageSnapshot<Id>;
}

/**
 * What applying one stage event gave: the new snapshot, or the unchanged one with the reasons the event was refused.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "ADVANCE", at: "2026-02-05T19:00:00-05:00", by: "worker-1" });
 * [step.ok, step.snapshot === start]
 * //=> [false, true]
 */
export type StageStep<Id extends string = string> =
  | { readonly ok: true; readonly snapshot: StageSnapshot<Id> }
  | { readonly ok: false; readonly snapshot: StageSnapshot<Id>; readonly blockedBy: readonly StageBlockReason[] };

// Every field a stage event may carry (RecordedStageEventSchema), so the event is read once into a plain copy.
const EVENT_FIELDS = [
  "type",
  "at",
  "by",
  "sessionId",
  "memberId",
  "version",
  "includesConfidentiality",
  "limitsExplained",
  "to",
  "outcome",
  "reason",
] as const;

/**
 * The event as a plain copy of the fields a stage event may carry, each read once (the guards and the machine then
 * read the copy, so a getter cannot answer one thing to the check and another to the history); or the reason it is
 * refused when it is not an object or cannot be read (a revoked Proxy, a getter that throws).
 */
function readEvent(event: unknown): { ok: true; event: StageEvent } | { ok: false; reason: StageBlockReason } {
  if (typeof event !== "object" || event === null) return { ok: false, reason: unknownEvent(undefined) };
  try {
    const copy: Record<string, unknown> = {};
    for (const field of EVENT_FIELDS) if (field in event) copy[field] = (event as Record<string, unknown>)[field];
    return { ok: true, event: copy as StageEvent };
  } catch (thrown) {
    return {
      ok: false,
      reason: {
        code: "unknown-event",
        message: `The event could not be read (reading it threw ${describeThrown(thrown)}); send it as plain data.`,
      },
    };
  }
}

function notAnEvent(event: unknown): StageBlockReason[] {
  const type = typeof event === "object" && event !== null && "type" in event ? event.type : undefined;
  return [unknownEvent(type)];
}

/**
 * Applies one event to a group's snapshot. Pure and actor-free (xstate `transition`); the snapshot given is not changed.
 *
 * The machine comes from the snapshot itself (`snapshot.machine`), so a server needs only what it stored. An event
 * the machine refuses (too early, malformed, out of order, after `closed`) leaves the group where it was and says why;
 * history is never rewritten.
 *
 * @param snapshot - the group's snapshot, from `startStages`, `applyStageEvent` or `restoreStageSnapshot`
 * @param event - what happened, with its own `at` (ISO 8601 text with an offset) and `by`; the stage ids are read from
 *   the snapshot, so a `REGRESS` to a stage the model lacks is a type error on the event
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a snapshot of a stage machine or cannot be read;
 *   never for the event, which is refused with reasons (`unknown-event` when it cannot be read)
 * @returns `{ ok: true, snapshot }`, or `{ ok: false, snapshot, blockedBy }` with the unchanged snapshot
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "worker-1" });
 * [step.ok, step.snapshot.context.sessionsInStage]
 * //=> [true, 1]
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "ADVANCE", at: "2026-02-05T19:00:00-05:00", by: "worker-1" });
 * step.ok ? [] : step.blockedBy.map((reason) => reason.code)
 * //=> ["too-few-sessions", "agreement-not-adopted"]
 */
export function applyStageEvent<Id extends string>(
  snapshot: StageSnapshot<Id>,
  event: StageEvent<NoInfer<Id>>,
): StageStep<Id> {
  const { machine, rules } = machineOf(snapshot, "applyStageEvent");
  const read = readEvent(event);
  if (!read.ok) return { ok: false, snapshot, blockedBy: [read.reason] };
  event = read.event as StageEvent<NoInfer<Id>>;
  if (!isStageEventType(event.type)) return { ok: false, snapshot, blockedBy: notAnEvent(event) };
  // The same decision function as the machine's guard says whether the event may happen, before xstate sees it: an
  // event the machine would refuse never reaches it, so whatever its fields hold, the answer is a refusal with reasons.
  const blockedBy = blockingReasons(rules, snapshot.context, event);
  if (blockedBy.length > 0) return { ok: false, snapshot, blockedBy };
  // The state is rebuilt from its value and context (checked by machineOf), so a snapshot whose xstate internals were
  // changed or lost on the way (a copy, a proxy) moves as the one it stands for.
  const current = machine.resolveState({ value: snapshot.value, context: snapshot.context, status: snapshot.status });
  const [next] = transition(machine, current, event);
  if (next !== current && (next.status === "active" || next.status === "done")) {
    return { ok: true, snapshot: next as StageSnapshot<Id> };
  }
  return { ok: false, snapshot, blockedBy: notAnEvent(event) };
}

/**
 * What replaying an event log gave: the final snapshot, or where the log was refused and why.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const replay = replayStageEvents(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" }, []);
 * [replay.ok, replay.snapshot.value]
 * //=> [true, "forming"]
 */
export type StageReplay<Id extends string = string> =
  | { readonly ok: true; readonly snapshot: StageSnapshot<Id> }
  | {
      readonly ok: false;
      /** The snapshot after the last event that was applied. */
      readonly snapshot: StageSnapshot<Id>;
      /** Position in the log of the refused event. */
      readonly index: number;
      /** Why it was refused. */
      readonly blockedBy: readonly StageBlockReason[];
    };

/**
 * Rebuilds a group's snapshot from its event log; equal to applying the events one by one with `applyStageEvent`.
 *
 * Stops at the first event the machine refuses and says which one and why, rather than skipping it.
 *
 * @param model - the stage model the group follows
 * @param input - the group's start, as given to `startStages`
 * @param events - the log, oldest first, such as a group record's `stageEvents`; stage ids in `REGRESS` are checked
 *   against the model here, so they are typed as plain strings
 * @param options - the group's options, as given to `startStages`
 * @throws {GroupworkError} `invalid-argument` as `startStages` does, and when `events` is not a list (an entry that is
 *   not a stage event is refused like any other, with its index)
 * @returns `{ ok: true, snapshot }`, or `{ ok: false, snapshot, index, blockedBy }` at the first refused event
 * @example
 * const replay = replayStageEvents(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" }, [
 *   { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "w1" },
 *   { type: "ADVANCE", at: "2026-02-05T19:40:00-05:00", by: "w1" },
 * ]);
 * replay.ok ? [] : [replay.index, replay.blockedBy.map((reason) => reason.code)]
 * //=> [1, ["agreement-not-adopted"]]
 */
export function replayStageEvents<const Id extends string>(
  model: StageModel<Id>,
  input: StageInput,
  events: readonly StageEvent[],
  options: StageMachineOptions<Id> = {},
): StageReplay<Id> {
  let snapshot = start<Id>(model, input, options, "replayStageEvents");
  if (!Array.isArray(events)) {
    throw new GroupworkError(
      "invalid-argument",
      `replayStageEvents: events must be a list of stage events, oldest first; got ${describeValue(events)}.`,
    );
  }
  // An index loop, so a hole in the list is refused as an entry that is not an event rather than skipped.
  for (let index = 0; index < events.length; index++) {
    // A REGRESS to a stage the model lacks is refused by the machine (unknown-stage), like any other bad entry.
    const step = applyStageEvent(snapshot, events[index] as StageEvent<Id>);
    if (!step.ok) return { ok: false, snapshot, index, blockedBy: step.blockedBy };
    snapshot = step.snapshot;
  }
  return { ok: true, snapshot };
}
