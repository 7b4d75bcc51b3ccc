import type { AnyStateMachine, SnapshotFrom } from "xstate";
import { isInstant } from "../_lib/dates.js";
import { GroupworkError, readArgument } from "../_lib/errors.js";
import { longestStageList } from "../model/vocabulary/stage-events.js";
import { rulesOf, type StageMachine } from "./machine.js";
import type { StageRules } from "./rules.js";
import { closedStage } from "./types.js";

function isInstantText(value: unknown): boolean {
  return typeof value === "string" && isInstant(value);
}

/**
 * A snapshot of a group's stage machine: the state value (a stage or `closed`) and the context (history, counts,
 * agreement, suggestions). It carries its machine (`snapshot.machine`), so the server functions need only the snapshot.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const snapshot = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * snapshot.value
 * //=> "forming"
 */
export type StageSnapshot<Id extends string = string> = SnapshotFrom<StageMachine<Id>>;

function isCount(value: unknown): boolean {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

/**
 * The first field of a live snapshot's state that is not what the machine writes, or `null`. Only the fields the
 * functions read, each by its type; what the machine could not have written in a well-typed state (a history that
 * skips a stage, counts that disagree) is restoreStageSnapshot's to find, on the way in.
 */
function malformedField(rules: StageRules, value: unknown, status: unknown, context: unknown): string | null {
  if (typeof value !== "string" || !(value === closedStage || rules.position.has(value))) return "value";
  if (status !== "active" && status !== "done") return "status";
  if (!isRecord(context)) return "context";
  if (typeof context["modelId"] !== "string") return "context.modelId";
  const history = context["history"];
  // A history longer than any stored snapshot may hold (a sparse array of length 2**32 - 1, say) is not walked.
  if (!Array.isArray(history) || history.length === 0 || history.length > longestStageList) return "context.history";
  for (let index = 0; index < history.length; index++) {
    const entry: unknown = history[index];
    // The times are read only from the current stage's entry (time in stage); the others are carried as they are.
    const time = isRecord(entry) ? entry["enteredAt"] : undefined;
    const readable = index === history.length - 1 ? isInstantText(time) : typeof time === "string";
    if (!isRecord(entry) || typeof entry["stage"] !== "string" || !readable) {
      return `context.history[${index}]`;
    }
  }
  for (const count of ["sessionsInStage", "sessionsTotal", "activeMembers"] as const) {
    if (!isCount(context[count])) return `context.${count}`;
  }
  const agreement = context["agreement"];
  if (!isRecord(agreement) || (agreement["status"] !== "none" && agreement["status"] !== "adopted")) {
    return "context.agreement";
  }
  if (!Array.isArray(context["suggestions"])) return "context.suggestions";
  if (context["outcome"] !== null && typeof context["outcome"] !== "string") return "context.outcome";
  if (!isInstantText(context["lastEventAt"])) return "context.lastEventAt";
  return null;
}

/**
 * The machine and rules of a snapshot; throws `invalid-argument` when it is not a stage machine's snapshot or cannot be
 * read.
 */
export function machineOf(snapshot: unknown, where: string): { machine: AnyStateMachine; rules: StageRules } {
  return readArgument(`${where}: snapshot`, () => checkedMachine(snapshot, where));
}

function checkedMachine(snapshot: unknown, where: string): { machine: AnyStateMachine; rules: StageRules } {
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
  // What the functions read of a snapshot besides its machine: a snapshot edited by hand (a count that is not a
  // number, an agreement left out) is refused here, not met deep inside a guard.
  const { value, status, context } = snapshot as { value?: unknown; status?: unknown; context?: unknown };
  const field = malformedField(rules, value, status, context);
  if (field !== null) {
    throw new GroupworkError(
      "invalid-argument",
      `${where}: the snapshot's ${field} is not what a stage machine writes; use the snapshot startStages, applyStageEvent or restoreStageSnapshot gave back.`,
    );
  }
  return { machine, rules };
}
