import {
  type AnyStateMachine,
  assign,
  type EventObject,
  type MetaObject,
  type NonReducibleUnknown,
  type StateMachine,
  type StateSchema,
  setup,
} from "xstate";
import type { StageContext, StageInput, StageMachineOptions } from "./context.js";
import { checkStageModel } from "./define.js";
import type { StageEvent } from "./events.js";
import { blockingReasons } from "./guards.js";
import {
  enterStage,
  recordAgreement,
  recordJoin,
  recordLeave,
  recordSession,
  reopenOnJoin,
  startContext,
} from "./history.js";
import { tuckmanModel } from "./models/tuckman.js";
import {
  type CheckedStageOptions,
  checkStageOptions,
  resolveStageRules,
  type StageMove,
  type StageRules,
  stageMoves,
} from "./rules.js";
import { closedStage, type StageIdOf, type StageModel, type StageValue } from "./types.js";

// The rules each machine was built with, so `availableStageEvents` and the server functions can read them from a
// snapshot's `machine` without asking the caller for the model again.
const rulesOfMachine = /* @__PURE__ */ new WeakMap<object, StageRules>();

function buildMachine(rules: StageRules) {
  const stageSetup = setup({
    types: {
      context: {} as StageContext,
      events: {} as StageEvent,
      input: {} as StageInput,
    },
    guards: {
      // A guard passes when the one decision function finds no reason to refuse (see guards.ts); `to` routes a
      // REGRESS to the transition of its target.
      mayHappen: ({ context, event }, params: { to?: string }) =>
        (params.to === undefined || (event.type === "REGRESS" && event.to === params.to)) &&
        blockingReasons(rules, context, event).length === 0,
    },
    actions: {
      enterStage: assign(({ context, event }, params: { stage: string }) =>
        enterStage(rules, context, event, params.stage),
      ),
      recordSession: assign(({ context, event }) => recordSession(context, event)),
      recordAgreement: assign(({ context, event }) =>
        event.type === "AGREEMENT_ADOPTED" ? recordAgreement(context, event) : context,
      ),
      recordJoin: assign(({ context, event }) => recordJoin(rules, context, event)),
      reopenFirstStage: assign(({ context, event }) => reopenOnJoin(rules, context, event)),
      recordLeave: assign(({ context, event }) => recordLeave(context, event)),
    },
  });
  // The transitions are the moves of rules.ts, written as xstate reads them: a stay, or one transition per target.
  const transition = (move: StageMove) =>
    move.to.length === 0
      ? { guard: { type: "mayHappen", params: {} }, actions: { type: move.action } }
      : move.to.map((stage) => ({
          target: stage,
          guard: { type: "mayHappen", params: move.guard === "may-happen-to-named-stage" ? { to: stage } : {} },
          actions: move.action === "enterStage" ? { type: move.action, params: { stage } } : { type: move.action },
        }));
  const states: Record<string, object> = {};
  for (const stage of rules.order) {
    const on: Record<string, object> = {};
    for (const [type, move] of Object.entries(stageMoves(rules, stage))) on[type] = transition(move);
    states[stage] = { on };
  }
  states[closedStage] = { type: "final" };
  return stageSetup.createMachine({
    id: `groupwork-stages-${rules.model.id}`,
    context: ({ input }) => startContext(rules, input),
    initial: rules.first,
    // The states are built from the model's data, so their names are only known as strings here;
    // `createStageMachine` gives the machine back its model's stage ids as types.
    states: states as Record<string, Record<string, never>>,
  });
}

/**
 * The XState machine of a stage model: its states are the model's stages plus `closed`, its events the stage events.
 *
 * @typeParam Id - the stage ids of the model, such as `"forming" | "storming"`
 * @example
 * tuckmanStageMachine.id
 * //=> "groupwork-stages-tuckman"
 */
export type StageMachine<Id extends string = string> = StateMachine<
  StageContext<Id>,
  StageEvent<Id>,
  Record<string, never>,
  never,
  | { type: "enterStage"; params: { stage: string } }
  | {
      type: "recordSession" | "recordAgreement" | "recordJoin" | "reopenFirstStage" | "recordLeave";
      params: NonReducibleUnknown;
    },
  { type: "mayHappen"; params: { to?: string } },
  never,
  StageValue<Id>,
  string,
  StageInput,
  NonReducibleUnknown,
  EventObject,
  MetaObject,
  StateSchema
>;

/**
 * Builds the XState v5 machine of a stage model for one group's options.
 *
 * The machine never reads the clock: every event carries its own `at` and `by`. Its guards refuse an event for the
 * reasons `availableStageEvents` lists (too few sessions, the agreement not adopted, a move backwards that is not
 * backwards, anything after `closed`, an event earlier than the last one).
 *
 * @param model - the stage model, such as `tuckmanModel` or an agency's own from `defineStageModel`
 * @param options - readiness overrides (`minSessions`, `readiness`, `requireAgreement`) and what a member joining
 *   in a later stage does (`onMemberJoined`)
 * @throws {GroupworkError} `invalid-argument` when the model is malformed (see `defineStageModel`) or the options
 *   name an unknown stage or a session count that is not a whole number of 0 or more, hold a key that is not an option
 *   (in `readiness` too), or cannot be read
 * @returns the machine; use it with `createActor`, or with `startStages` and `applyStageEvent` on a server
 * @example
 * const machine = createStageMachine(tuckmanModel, { minSessions: 2 });
 * Object.keys(machine.states)
 * //=> ["forming", "storming", "norming", "performing", "adjourning", "closed"]
 */
export function createStageMachine<const Id extends string>(
  model: StageModel<Id>,
  options: StageMachineOptions<Id> = {},
): StageMachine<Id> {
  checkStageModel(model, "createStageMachine");
  const machine = machineOfChecked(model, checkStageOptions(model, options, "createStageMachine"));
  return machine as unknown as StageMachine<Id>;
}

/** The machine of a model and options that {@link checkStageOptions} has passed. Internal. */
export function machineOfChecked(model: StageModel, options: CheckedStageOptions): StageMachine {
  const rules = resolveStageRules(model, options);
  const machine = buildMachine(rules);
  rulesOfMachine.set(machine, rules);
  // Only the types change: the built machine's context and events are those of the model, with the stage ids widened
  // to string while the states were assembled from data.
  return machine as unknown as StageMachine;
}

/** The rules a machine from `createStageMachine` was built with; `undefined` for any other machine. Internal. */
export function rulesOf(machine: AnyStateMachine): StageRules | undefined {
  return rulesOfMachine.get(machine);
}

/**
 * The default stage machine: Tuckman's stages (forming, storming, norming, performing, adjourning) with the default
 * options (one session per stage, the agreement before leaving forming, a member joining late is a suggestion).
 *
 * @example
 * Object.keys(tuckmanStageMachine.states)
 * //=> ["forming", "storming", "norming", "performing", "adjourning", "closed"]
 */
export const tuckmanStageMachine: StageMachine<StageIdOf<typeof tuckmanModel>> =
  /* @__PURE__ */ createStageMachine(tuckmanModel);
