import type { AnyStateMachine, SnapshotFrom } from "xstate";
import { GroupworkError } from "../_lib/errors.js";
import { StageSnapshotEnvelopeSchema } from "../model/index.js";
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

const SNAPSHOT_SHAPE = /* @__PURE__ */ StageSnapshotEnvelopeSchema.shape.snapshot.pick({
  value: true,
  status: true,
  context: true,
});

/** The machine and rules of a snapshot; throws `invalid-argument` when it is not a stage machine's snapshot. */
export function machineOf(snapshot: unknown, where: string): { machine: AnyStateMachine; rules: StageRules } {
  const machine =
    typeof snapshot === "object" && snapshot !== null && "machine" in snapshot
      ? (snapshot.machine as AnyStateMachine)
      : undefined;
  const rules = machine === undefined ? undefined : rulesOf(machine);
  if (machine === undefined || rules === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} needs a snapshot of a machine from createStageMachine (from startStages, applyStageEvent or restoreStageSnapshot).`,
    );
  }
  // What the functions read of a snapshot besides its machine, in the shape a stored snapshot has: a snapshot edited
  // by hand (a count that is not a number, an agreement left out) is refused here, not met deep inside a guard.
  const { value, status, context } = snapshot as { value?: unknown; status?: unknown; context?: unknown };
  const stored = SNAPSHOT_SHAPE.safeParse({ value, status, context });
  if (!stored.success) {
    const [first] = stored.error.issues;
    const path = first === undefined ? "" : first.path.map(String).join(".");
    throw new GroupworkError(
      "invalid-argument",
      `${where}: the snapshot's ${path === "" ? "state" : path} is not what a stage machine writes (${first?.message ?? "malformed"}); use the snapshot startStages, applyStageEvent or restoreStageSnapshot gave back.`,
    );
  }
  return { machine, rules };
}
