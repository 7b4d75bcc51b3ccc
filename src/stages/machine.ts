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
import { tuckman } from "./models/tuckman.js";
import { type CheckedStageOptions, checkStageOptions, resolveStageRules, type StageRules } from "./rules.js";
import { CLOSED, type StageIdOf, type StageModel, type StageValue } from "./types.js";

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
  const guard = { type: "mayHappen", params: {} } as const;
  const stay = (action: "recordSession" | "recordAgreement" | "recordJoin" | "recordLeave") => ({
    guard,
    actions: { type: action },
  });
  const move = (stage: string) => ({
    target: stage,
    guard,
    actions: { type: "enterStage" as const, params: { stage } },
  });
  const states: Record<string, object> = {};
  rules.order.forEach((stage, index) => {
    const final = stage === rules.final;
    const next = rules.order[index + 1];
    const earlier = rules.order.slice(0, index);
    // A working stage after the one members first met in: a member joining here may mean the group is re-forming.
    const laterWorking = index > (rules.position.get(rules.reforming) ?? 0) && !final;
    states[stage] = {
      on: {
        SESSION_HELD: stay("recordSession"),
        AGREEMENT_ADOPTED: stay("recordAgreement"),
        MEMBER_JOINED:
          laterWorking && rules.reopenOnJoin
            ? { target: rules.reforming, guard, actions: { type: "reopenFirstStage" } }
            : stay("recordJoin"),
        MEMBER_LEFT: stay("recordLeave"),
        ...(final || next === undefined || next === rules.final ? {} : { ADVANCE: move(next) }),
        ...(earlier.length === 0
          ? {}
          : {
              REGRESS: earlier.map((target) => ({
                target,
                guard: { type: "mayHappen", params: { to: target } },
                actions: { type: "enterStage", params: { stage: target } },
              })),
            }),
        ...(final ? { CLOSE: move(CLOSED) } : { ADJOURN: move(rules.final) }),
      },
    };
  });
  states[CLOSED] = { type: "final" };
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
 * groupStageMachine.id
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
 * @param model - the stage model, such as `tuckman` or an agency's own from `defineStageModel`
 * @param options - readiness overrides (`minSessions`, `readiness`, `requireAgreement`) and what a member joining
 *   in a later stage does (`onMemberJoined`)
 * @throws {GroupworkError} `invalid-argument` when the model is malformed (see `defineStageModel`) or the options
 *   name an unknown stage or a session count that is not a whole number of 0 or more
 * @returns the machine; use it with `createActor`, or with `startStages` and `applyStageEvent` on a server
 * @example
 * const machine = createStageMachine(tuckman, { minSessions: 2 });
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
 * Object.keys(groupStageMachine.states)
 * //=> ["forming", "storming", "norming", "performing", "adjourning", "closed"]
 */
export const groupStageMachine: StageMachine<StageIdOf<typeof tuckman>> = /* @__PURE__ */ createStageMachine(tuckman);
