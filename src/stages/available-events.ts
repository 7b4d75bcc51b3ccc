import type { StageEventType } from "../model/index.js";
import { stageEventTypes } from "../model/vocabulary/index.js";
import type { StageEvent } from "./events.js";
import { blockingReasons, currentStage, type StageBlockReason } from "./guards.js";
import { destinations } from "./rules.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import type { StageValue } from "./types.js";

/**
 * Whether one type of stage event may happen now, where it would take the group, and if not, why.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * availableStageEvents(start).find((event) => event.type === "ADVANCE")?.to
 * //=> ["storming"]
 */
export interface AvailableStageEvent<Id extends string = string> {
  /** The event type. */
  readonly type: StageEventType;
  /** Whether the machine would accept it now (for `REGRESS`: to at least one earlier stage). */
  readonly allowed: boolean;
  /** Why not, when not allowed; empty when allowed. */
  readonly blockedBy: readonly StageBlockReason[];
  /**
   * Where the event would take the group: the next stage for `ADVANCE`, every earlier stage for `REGRESS`, the final
   * stage for `ADJOURN`, `closed` for `CLOSE`, the stage members first met in for `MEMBER_JOINED` when it reopens it;
   * empty for events that keep the group where it is and for moves the model has no target for. Shown also while the
   * event is blocked, so a screen can say "Advance to storming: needs one more session".
   */
  readonly to: readonly StageValue<Id>[];
}

/**
 * Every stage event type, whether it may happen now and, when it may not, why: for screens that show only the moves a
 * worker can make and explain the others.
 *
 * The reasons come from the same function as the machine's guards, so the list and the machine never disagree. Each
 * event is judged as if it came now (at the group's last event), from the last person who moved the group, with
 * a reason where one is needed; what depends only on those fields is checked when the event is applied.
 *
 * @param snapshot - the group's snapshot
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a snapshot of a stage machine
 * @returns one entry per event type, in the order of `stageEventTypes`
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * availableStageEvents(start).find((event) => event.type === "ADVANCE")?.blockedBy.map((reason) => reason.message)
 * //=> [
 *   "1 session is needed in forming; 0 have been held.",
 *   "The group agreement must be adopted before the group leaves forming (NASW 1.07(e)(f)).",
 * ]
 */
export function availableStageEvents<Id extends string>(snapshot: StageSnapshot<Id>): AvailableStageEvent<Id>[] {
  const { rules } = machineOf(snapshot, "availableStageEvents");
  const context = snapshot.context;
  const stage = currentStage(context);
  const at = context.lastEventAt;
  const by = context.history.at(-1)?.by ?? "";
  const probes: Record<StageEventType, StageEvent> = {
    SESSION_HELD: { type: "SESSION_HELD", at, by },
    AGREEMENT_ADOPTED: {
      type: "AGREEMENT_ADOPTED",
      version: "next",
      includesConfidentiality: true,
      limitsExplained: true,
      at,
      by,
    },
    MEMBER_JOINED: { type: "MEMBER_JOINED", at, by },
    MEMBER_LEFT: { type: "MEMBER_LEFT", at, by },
    ADVANCE: { type: "ADVANCE", at, by },
    // The earliest stage stands for all earlier ones: every one of them is allowed or none is.
    REGRESS: { type: "REGRESS", to: rules.order[0] ?? stage, reason: "worker's judgment", at, by },
    ADJOURN: { type: "ADJOURN", outcome: "completed", reason: "worker's judgment", at, by },
    CLOSE: { type: "CLOSE", at, by },
  };
  return stageEventTypes.map((type) => {
    const blockedBy = blockingReasons(rules, context, probes[type]);
    return {
      type,
      allowed: blockedBy.length === 0,
      blockedBy,
      to: destinations(rules, stage, type) as StageValue<Id>[],
    };
  });
}
