import { instantTime } from "../_lib/dates.js";
import { describeValue } from "../_lib/errors.js";
import type { StageEventType } from "../model/index.js";
import { adjournOutcomes, stageEventTypes } from "../model/vocabulary/index.js";
import { longestStageList } from "../model/vocabulary/stage-events.js";
import type { StageContext } from "./context.js";
import type { StageEvent } from "./events.js";
import { isLaterWorkingStage, type StageRules, stageMoves, stageName } from "./rules.js";
import { closedStage } from "./types.js";

// The one place that decides whether an event may happen. The machine's guards pass when this returns no reasons,
// and `availableStageEvents` shows the same reasons, so a screen and the machine cannot disagree.

/**
 * Stable codes of the reasons a stage event is refused.
 *
 * - `group-closed`: the group is closed; nothing happens after `closed`.
 * - `unknown-event`: the event's type is not one the machine knows, or the event cannot be read.
 * - `invalid-time`: `at` is not an ISO 8601 instant with seconds and an offset or `Z`.
 * - `time-goes-backwards`: `at` is earlier than the group's last event.
 * - `missing-actor`: `by` is empty.
 * - `reason-required`: `REGRESS` or `ADJOURN` came without a reason.
 * - `too-few-sessions`: fewer sessions were held in the stage than its readiness rule asks.
 * - `agreement-not-adopted`, `agreement-without-confidentiality`, `confidentiality-limits-not-explained`: the group
 *   agreement the stage asks for is missing or incomplete (NASW 1.07(e)(f)).
 * - `no-next-working-stage`: `ADVANCE` from the last working stage; the final stage is entered by `ADJOURN`.
 * - `already-final-stage`: `ADVANCE` or `ADJOURN` while the group is already in its final stage.
 * - `not-final-stage`: `CLOSE` before the group was adjourned.
 * - `unknown-stage`: `REGRESS.to` is not a stage of the model.
 * - `not-earlier-stage`: `REGRESS.to` is the current stage or a later one.
 * - `invalid-outcome`: `ADJOURN.outcome` is neither `completed` nor `ended-early`.
 * - `no-active-members`: `MEMBER_LEFT` while no member is active.
 * - `invalid-agreement`: `AGREEMENT_ADOPTED` without a version label, or without `true`/`false` for
 *   `includesConfidentiality` and `limitsExplained`.
 * - `invalid-reason`: a `reason` that is given but is not text.
 * - `count-too-large`: `SESSION_HELD` or `MEMBER_JOINED` would take a count past 9,007,199,254,740,991
 *   (`Number.MAX_SAFE_INTEGER`), beyond which a count can no longer be stored and restored exactly; or the event would
 *   take the history, or the suggestions, past 10,000 entries, the most a stored snapshot holds.
 *
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "ADVANCE", at: "2026-02-05T19:00:00-05:00", by: "worker-1" });
 * step.ok ? [] : step.blockedBy.map((reason) => reason.code)
 * //=> ["too-few-sessions", "agreement-not-adopted"]
 */
export type StageBlockCode =
  | "group-closed"
  | "unknown-event"
  | "invalid-time"
  | "time-goes-backwards"
  | "missing-actor"
  | "reason-required"
  | "too-few-sessions"
  | "agreement-not-adopted"
  | "agreement-without-confidentiality"
  | "confidentiality-limits-not-explained"
  | "no-next-working-stage"
  | "already-final-stage"
  | "not-final-stage"
  | "unknown-stage"
  | "not-earlier-stage"
  | "invalid-outcome"
  | "no-active-members"
  | "invalid-agreement"
  | "invalid-reason"
  | "count-too-large";

/**
 * Why a stage event is refused: a stable code and a sentence a worker can act on.
 *
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "CLOSE", at: "2026-02-05T19:00:00-05:00", by: "worker-1" });
 * step.ok ? [] : step.blockedBy
 * //=> [{ code: "not-final-stage", message: "The group is in forming; ADJOURN it to adjourning before closing." }]
 */
export interface StageBlockReason {
  /** Stable code a program can switch on. */
  readonly code: StageBlockCode;
  /** A sentence for the worker, such as "2 sessions are needed in storming; 1 has been held." */
  readonly message: string;
}

function reason(code: StageBlockCode, message: string): StageBlockReason {
  return { code, message };
}

function sessionsNeeded(rules: StageRules, needed: number, held: number, stage: string): string {
  const noun = needed === 1 ? "session is" : "sessions are";
  const verb = held === 1 ? "has" : "have";
  return `${needed} ${noun} needed in ${stageName(rules, stage)}; ${held} ${verb} been held.`;
}

/** The stage the group is in now, from the last history entry. Internal. */
export function currentStage(context: StageContext): string {
  return context.history.at(-1)?.stage ?? closedStage;
}

function hasText(value: unknown): boolean {
  return typeof value === "string" && value.trim() !== "";
}

/** Whether a value is the type of a stage event; anything else (xstate's own `xstate.stop`, say) is not an event. */
export function isStageEventType(type: unknown): type is StageEventType {
  return typeof type === "string" && (stageEventTypes as readonly string[]).includes(type);
}

/** The reason an event of a type the machine does not know is refused. Internal. */
export function unknownEvent(type: unknown): StageBlockReason {
  return reason("unknown-event", `The stage machine does not know events of type ${describeValue(type)}.`);
}

/** Reasons every event shares: the group is open, and the event says when and by whom, in order. */
function commonReasons(context: StageContext, event: StageEvent, stage: string): StageBlockReason[] {
  // Only the stage events are events: xstate's own (xstate.stop, xstate.error.*) would stop or break the machine.
  if (!isStageEventType(event.type)) return [unknownEvent(event.type)];
  if (stage === closedStage) {
    return [reason("group-closed", "The group is closed; nothing can happen after closed.")];
  }
  const found: StageBlockReason[] = [];
  // Events on the wire carry their time as text: a Date is not an event's time.
  const time = typeof event.at === "string" ? instantTime(event.at) : Number.NaN;
  if (Number.isNaN(time)) {
    found.push(
      reason(
        "invalid-time",
        `The event's time ${describeValue(event.at)} is not an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00.`,
      ),
    );
  } else if (time < instantTime(context.lastEventAt)) {
    found.push(
      reason(
        "time-goes-backwards",
        `The event happened at ${event.at}, before the group's last event at ${context.lastEventAt}; record events in order.`,
      ),
    );
  }
  if (!hasText(event.by)) found.push(reason("missing-actor", "The event does not say who recorded it (by)."));
  const why: unknown = "reason" in event ? event.reason : undefined;
  // A reason that is not text would be dropped from the history without a word.
  if (why !== undefined && typeof why !== "string") {
    found.push(
      reason("invalid-reason", `The event's reason is ${describeValue(why)}; give it as text, or leave it out.`),
    );
  }
  return found;
}

/** Whether an event that needs a reason came without one; a reason that is not text is `invalid-reason` instead. */
function lacksReason(event: StageEvent): boolean {
  const why: unknown = "reason" in event ? event.reason : undefined;
  return why === undefined || (typeof why === "string" && why.trim() === "");
}

/** A count one more than `count` would no longer be exact (Number.MAX_SAFE_INTEGER), nor restore. */
function countFull(count: number, what: string): StageBlockReason[] {
  return count < Number.MAX_SAFE_INTEGER
    ? []
    : [reason("count-too-large", `The group already counts ${count} ${what}, the most a count can hold exactly.`)];
}

/** Reasons the readiness rule of the stage gives for leaving it forward. */
function readinessReasons(rules: StageRules, context: StageContext, stage: string): StageBlockReason[] {
  const rule = rules.readiness.get(stage);
  const found: StageBlockReason[] = [];
  if (rule === undefined) return found;
  if (context.sessionsInStage < rule.minSessions) {
    found.push(reason("too-few-sessions", sessionsNeeded(rules, rule.minSessions, context.sessionsInStage, stage)));
  }
  if (rule.requiresAgreement) {
    // NASW Code of Ethics 1.07(e)(f): members agree to keep each other's confidences, and are told this cannot be
    // guaranteed, before the group's work begins.
    const agreement = context.agreement;
    const leaving = `before the group leaves ${stageName(rules, stage)} (NASW 1.07(e)(f))`;
    if (agreement.status === "none") {
      found.push(reason("agreement-not-adopted", `The group agreement must be adopted ${leaving}.`));
    } else {
      if (!agreement.includesConfidentiality) {
        found.push(
          reason(
            "agreement-without-confidentiality",
            `The adopted agreement (version ${agreement.version}) has no confidentiality terms; they are needed ${leaving}.`,
          ),
        );
      }
      if (!agreement.limitsExplained) {
        found.push(
          reason(
            "confidentiality-limits-not-explained",
            `Members must be told that confidentiality among members cannot be guaranteed ${leaving}.`,
          ),
        );
      }
    }
  }
  return found;
}

function moveReasons(rules: StageRules, context: StageContext, event: StageEvent, stage: string): StageBlockReason[] {
  // Which moves the stage has comes from rules.ts; what is said here is why a move it lacks is refused.
  const moves = stageMoves(rules, stage);
  const alreadyFinal = () =>
    reason("already-final-stage", `The group is already in ${stageName(rules, stage)}, its final stage.`);
  switch (event.type) {
    case "ADVANCE": {
      if (stage === rules.final) return [alreadyFinal()];
      if (moves.ADVANCE === undefined) {
        return [
          reason(
            "no-next-working-stage",
            `No working stage comes after ${stageName(rules, stage)}; ADJOURN moves the group to ${stageName(rules, rules.final)}, with its outcome.`,
          ),
        ];
      }
      return readinessReasons(rules, context, stage);
    }
    case "REGRESS": {
      const found: StageBlockReason[] = [];
      if (!rules.position.has(event.to)) {
        found.push(
          reason(
            "unknown-stage",
            event.to === undefined
              ? "REGRESS does not say which earlier stage the group is back in (to)."
              : `${describeValue(event.to)} is not a stage of the model ${rules.model.id}.`,
          ),
        );
      } else if (!(moves.REGRESS?.to ?? []).includes(event.to)) {
        found.push(
          reason(
            "not-earlier-stage",
            `REGRESS goes back only: ${stageName(rules, event.to)} is not earlier than ${stageName(rules, stage)}.`,
          ),
        );
      }
      if (lacksReason(event)) found.push(reason("reason-required", "REGRESS needs a reason."));
      return found;
    }
    case "ADJOURN": {
      const found: StageBlockReason[] = [];
      if (moves.ADJOURN === undefined) found.push(alreadyFinal());
      if (!(adjournOutcomes as readonly unknown[]).includes(event.outcome)) {
        found.push(
          reason(
            "invalid-outcome",
            `ADJOURN's outcome ${describeValue(event.outcome)} is neither ${adjournOutcomes.map((outcome) => JSON.stringify(outcome)).join(" nor ")}.`,
          ),
        );
      }
      if (lacksReason(event)) found.push(reason("reason-required", "ADJOURN needs a reason."));
      return found;
    }
    case "CLOSE":
      if (moves.CLOSE === undefined) {
        return [
          reason(
            "not-final-stage",
            `The group is in ${stageName(rules, stage)}; ADJOURN it to ${stageName(rules, rules.final)} before closing.`,
          ),
        ];
      }
      return readinessReasons(rules, context, stage);
    case "AGREEMENT_ADOPTED":
      return hasText(event.version) &&
        typeof event.includesConfidentiality === "boolean" &&
        typeof event.limitsExplained === "boolean"
        ? []
        : [
            reason(
              "invalid-agreement",
              "AGREEMENT_ADOPTED needs a version label and true or false for includesConfidentiality and limitsExplained.",
            ),
          ];
    case "MEMBER_LEFT":
      return context.activeMembers > 0 ? [] : [reason("no-active-members", "No member is active, so none can leave.")];
    case "MEMBER_JOINED":
      return countFull(context.activeMembers, "active members");
    case "SESSION_HELD":
      return countFull(context.sessionsTotal, "sessions held");
    default:
      return [];
  }
}

/**
 * Every reason the event is refused in the group's present state; empty when it may happen. Internal: the machine's
 * guard and `availableStageEvents` both call it.
 */
export function blockingReasons(rules: StageRules, context: StageContext, event: StageEvent): StageBlockReason[] {
  const stage = currentStage(context);
  const common = commonReasons(context, event, stage);
  if (stage === closedStage || !isStageEventType(event.type)) return common;
  return [...common, ...moveReasons(rules, context, event, stage), ...listFull(rules, context, event, stage)];
}

/**
 * A move that would take the history, or the suggestions, past the most entries a stored snapshot holds
 * (`longestStageList`), which restoreStageSnapshot would refuse: the machine never writes a snapshot it cannot read back.
 */
function listFull(rules: StageRules, context: StageContext, event: StageEvent, stage: string): StageBlockReason[] {
  const action = stageMoves(rules, stage)[event.type]?.action;
  const full = (list: string, length: number): StageBlockReason[] =>
    length < longestStageList
      ? []
      : [
          reason(
            "count-too-large",
            `The group's ${list} already holds ${length} entries, the most a stored snapshot holds.`,
          ),
        ];
  if (action === "enterStage" || action === "reopenFirstStage") return full("history", context.history.length);
  if (action === "recordJoin" && isLaterWorkingStage(rules, stage)) {
    return full("list of suggestions", context.suggestions.length);
  }
  return [];
}
