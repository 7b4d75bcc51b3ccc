import type { AnyStateMachine, SnapshotFrom } from "xstate";
import { GroupworkError } from "../_lib/errors.js";
import { rulesOf, type StageMachine } from "./machine.js";
import type { StageRules } from "./rules.js";

/**
 * A snapshot of a group's stage machine: the state value (a stage or `closed`) and the context (history, counts,
 * agreement, suggestions). It carries its machine (`snapshot.machine`), so the server functions need only the snapshot.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const snapshot = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * snapshot.value
 * //=> "forming"
 */
export type StageSnapshot<Id extends string = string> = SnapshotFrom<StageMachine<Id>>;

/** The machine and rules of a snapshot; throws `invalid-argument` when it is not a stage machine's snapshot. */
export function machineOf(snapshot: unknown, where: string): { machine: AnyStateMachine; rules: StageRules } {
  const machine =
    typeof snapshot === "object" && snapshot !== null && "machine" in snapshot
      ? (snapshot.machine as AnyStateMachine)
      : undefined;
  const rules = machine === undefined ? undefined : rulesOf(machine);
  // What the functions read of a snapshot besides its machine: a context with a history.
  const context: unknown = (snapshot as { context?: unknown } | null)?.context;
  const history: unknown =
    typeof context === "object" && context !== null ? (context as { history?: unknown }).history : undefined;
  if (machine === undefined || rules === undefined || !Array.isArray(history)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} needs a snapshot of a machine from createStageMachine (from startStages, applyStageEvent or restoreStageSnapshot).`,
    );
  }
  return { machine, rules };
}
