// Model-based tests (xstate/graph): for every built-in stage model, walk every reachable state of its machine with
// every kind of event, and check that every state and every transition the machine declares is reached, and that
// every refused event is explained by availableStageEvents and applyStageEvent. Counters are bucketed so the graph
// stays finite.

import { describe, expect, it } from "vitest";
import { getAdjacencyMap, getShortestPaths } from "xstate/graph";
import {
  applyStageEvent,
  availableStageEvents,
  createStageMachine,
  type StageEvent,
  type StageMachineOptions,
  type StageModel,
  type StageSnapshot,
} from "../../src/index";
import { BUILT_IN_MODELS } from "./helpers";

const BY = "worker-1";

function eventsFor(model: StageModel) {
  return (snapshot: StageSnapshot): StageEvent[] => {
    // Every event comes at the time of the group's last event: in order, and the same for every state.
    const at = snapshot.context.lastEventAt;
    return [
      { type: "SESSION_HELD", at, by: BY },
      { type: "AGREEMENT_ADOPTED", version: "1", includesConfidentiality: true, limitsExplained: true, at, by: BY },
      { type: "AGREEMENT_ADOPTED", version: "0", includesConfidentiality: false, limitsExplained: true, at, by: BY },
      { type: "MEMBER_JOINED", at, by: BY },
      { type: "MEMBER_LEFT", at, by: BY },
      { type: "ADVANCE", at, by: BY },
      ...model.stages.map((stage): StageEvent => ({ type: "REGRESS", to: stage.id, reason: "judgment", at, by: BY })),
      { type: "ADJOURN", outcome: "completed", reason: "planned end", at, by: BY },
      { type: "ADJOURN", outcome: "ended-early", reason: "too few members", at, by: BY },
      { type: "CLOSE", at, by: BY },
    ];
  };
}

function serializeState(snapshot: StageSnapshot): string {
  const { sessionsInStage, agreement, activeMembers, outcome } = snapshot.context;
  const agreed =
    agreement.status === "none" ? "none" : agreement.includesConfidentiality ? "with-confidentiality" : "partial";
  // Readiness asks for at most one session in the built-in models, so 0 / 1+ is all that matters; members 0 / 1 / 2+.
  return JSON.stringify([snapshot.value, Math.min(sessionsInStage, 1), agreed, Math.min(activeMembers, 2), outcome]);
}

function serializeEvent(event: StageEvent): string {
  const { at: _at, by: _by, ...rest } = event;
  return JSON.stringify(rest);
}

/** Every transition the machine declares, as "state:EVENT->target" ("(self)" when it keeps the state). */
function declaredTransitions(machine: ReturnType<typeof createStageMachine>): Set<string> {
  const found = new Set<string>();
  for (const [key, node] of Object.entries(machine.states)) {
    for (const [type, transitions] of node.transitions) {
      for (const transition of transitions) {
        found.add(`${key}:${type}->${transition.target?.[0]?.key ?? "(self)"}`);
      }
    }
  }
  return found;
}

const variants: [string, StageMachineOptions][] = [
  ["default options", {}],
  ["reopen-first-stage", { onMemberJoined: "reopen-first-stage" }],
];

describe.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))("the %s machine", (_, model) => {
  it.each(variants)("reaches every state and transition, and explains every refusal (%s)", (label, options) => {
    const machine = createStageMachine(model, options);
    const traversal = {
      input: { at: "2026-02-05T18:00:00-05:00", by: BY, activeMembers: 1 },
      events: eventsFor(model),
      serializeState,
      serializeEvent,
    };
    const adjacency = getAdjacencyMap(machine as never, traversal as never) as Record<
      string,
      { state: StageSnapshot; transitions: Record<string, { event: StageEvent; state: StageSnapshot }> }
    >;
    const declared = declaredTransitions(machine);
    const reachedStates = new Set<string>();
    const taken = new Set<string>();
    let refusals = 0;
    for (const { state, transitions } of Object.values(adjacency)) {
      reachedStates.add(String(state.value));
      const available = availableStageEvents(state);
      const accepted = new Map<string, boolean>();
      for (const { event } of Object.values(transitions)) {
        const step = applyStageEvent(state, event);
        accepted.set(event.type, (accepted.get(event.type) ?? false) || step.ok);
        if (step.ok) {
          const to = step.snapshot.value === state.value ? "(self)" : String(step.snapshot.value);
          taken.add(`${String(state.value)}:${event.type}->${to}`);
        } else {
          refusals += 1;
          // Explained: at least one reason, each with a code and a sentence.
          expect(step.blockedBy.length, `${serializeState(state)} ${serializeEvent(event)}`).toBeGreaterThan(0);
          for (const reason of step.blockedBy) expect(reason.message).toMatch(/^\S.*\.$/);
          expect(step.snapshot).toBe(state);
        }
      }
      // availableStageEvents agrees with the machine for every event type.
      for (const entry of available) {
        expect(entry.allowed, `${serializeState(state)} ${entry.type}`).toBe(accepted.get(entry.type));
        expect(entry.blockedBy.length === 0).toBe(entry.allowed);
      }
    }
    const allStates = Object.keys(machine.states);
    const missingTransitions = [...declared].filter((key) => !taken.has(key));
    console.log(
      `${model.id} (${label}): states reached ${reachedStates.size}/${allStates.length}, ` +
        `transitions reached ${declared.size - missingTransitions.length}/${declared.size}, ` +
        `${Object.keys(adjacency).length} bucketed snapshots, ${refusals} refused events explained`,
    );
    expect([...reachedStates].sort()).toEqual([...allStates].sort());
    expect(missingTransitions).toEqual([]);
    // Every move taken is one the machine declares: nothing happens outside its transitions.
    expect([...taken].filter((key) => !declared.has(key))).toEqual([]);
  });

  it("has a shortest path to closed that adjourns and closes", () => {
    const machine = createStageMachine(model);
    const paths = getShortestPaths(
      machine as never,
      {
        input: { at: "2026-02-05T18:00:00-05:00", by: BY, activeMembers: 1 },
        events: eventsFor(model),
        serializeState,
        serializeEvent,
        toState: (snapshot: StageSnapshot) => snapshot.value === "closed",
      } as never,
    ) as { steps: { event: StageEvent }[] }[];
    const shortest = paths
      .map((path) => path.steps.map((step) => step.event.type).filter((type) => !type.startsWith("xstate.")))
      .sort((a, b) => a.length - b.length)[0];
    // From the start: ADJOURN (either outcome) and CLOSE, since the built-in final stages ask for no session.
    expect(shortest).toEqual(["ADJOURN", "CLOSE"]);
  });
});
