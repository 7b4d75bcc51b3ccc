// The events a group's stage machine accepts: each carries its own time (`at`) and who recorded it (`by`), so a log
// of them replays to the same snapshot.

/**
 * How a group's work ended: `completed` as planned, or `ended-early` (the group was dissolved before its end).
 *
 * @example
 * const event = { type: "ADJOURN", outcome: "ended-early", reason: "too few members", at: "2026-03-05T18:00:00Z" };
 * event.outcome
 * //=> "ended-early"
 */
export type AdjournOutcome = "completed" | "ended-early";

/**
 * What every stage event carries: when it happened and who recorded it. The machine never reads the clock.
 *
 * @example
 * const event = { type: "SESSION_HELD", at: "2026-02-05T18:00:00-05:00", by: "worker-1" };
 * event.by
 * //=> "worker-1"
 */
export interface StageEventBase {
  /** When it happened: an ISO 8601 instant with an offset or `Z`; never earlier than the group's last event. */
  readonly at: string;
  /** Who recorded it: usually the facilitator's id in the host system. */
  readonly by: string;
}

/**
 * A session of the group took place; it counts toward the sessions held in the current stage and in total.
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const held = { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "worker-1", sessionId: "s-01" };
 * applyStageEvent(start, held).snapshot.context.sessionsInStage
 * //=> 1
 */
export interface SessionHeldEvent extends StageEventBase {
  readonly type: "SESSION_HELD";
  /** The host system's id of the session, when known. */
  readonly sessionId?: string | undefined;
}

/**
 * The group adopted (a version of) its agreement. It meets the NASW 1.07(f) readiness rule only when it includes
 * confidentiality terms and the worker explained that confidentiality among members cannot be guaranteed.
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const adopted = {
 *   type: "AGREEMENT_ADOPTED",
 *   version: "1",
 *   includesConfidentiality: true,
 *   limitsExplained: true,
 *   at: "2026-02-05T18:40:00-05:00",
 *   by: "worker-1",
 * };
 * applyStageEvent(start, adopted).snapshot.context.agreement.status
 * //=> "adopted"
 */
export interface AgreementAdoptedEvent extends StageEventBase {
  readonly type: "AGREEMENT_ADOPTED";
  /** Version label of the agreement, such as "1". */
  readonly version: string;
  /** Whether the agreement includes terms on keeping what is said in the group (NASW 1.07(f)). */
  readonly includesConfidentiality: boolean;
  /** Whether the worker explained that confidentiality among members cannot be guaranteed (NASW 1.07(f)). */
  readonly limitsExplained: boolean;
}

/**
 * A member joined the group: at the start, or in an open group in a later stage, where it may mean the group is
 * forming again (see `StageMachineOptions.onMemberJoined`).
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1", activeMembers: 6 });
 * const joined = { type: "MEMBER_JOINED", at: "2026-02-06T10:00:00-05:00", by: "worker-1", memberId: "m-07" };
 * applyStageEvent(start, joined).snapshot.context.activeMembers
 * //=> 7
 */
export interface MemberJoinedEvent extends StageEventBase {
  readonly type: "MEMBER_JOINED";
  /** The member's id in the host system, when known. */
  readonly memberId?: string | undefined;
}

/**
 * A member left the group; refused when no member is active.
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1", activeMembers: 6 });
 * const left = { type: "MEMBER_LEFT", at: "2026-02-06T10:00:00-05:00", by: "worker-1", memberId: "m-03" };
 * applyStageEvent(start, left).snapshot.context.activeMembers
 * //=> 5
 */
export interface MemberLeftEvent extends StageEventBase {
  readonly type: "MEMBER_LEFT";
  /** The member's id in the host system, when known. */
  readonly memberId?: string | undefined;
}

/**
 * The worker judges the group has moved on to the next working stage; refused until the stage's readiness rule is
 * met (sessions held, and in the first stage the agreement).
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const advance = { type: "ADVANCE", reason: "members disagree openly", at: "2026-02-05T19:45:00-05:00", by: "w1" };
 * applyStageEvent(start, advance).blockedBy.map((reason) => reason.code)
 * //=> ["too-few-sessions", "agreement-not-adopted"]
 */
export interface AdvanceEvent extends StageEventBase {
  readonly type: "ADVANCE";
  /** Why the worker judges so, such as "members now address each other"; optional. */
  readonly reason?: string | undefined;
}

/**
 * The worker judges the group has gone back to an earlier stage, and says why.
 *
 * @typeParam Id - the stage ids of the model, so `to` is checked by the compiler
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const back = { type: "REGRESS", to: "forming", reason: "trust is low", at: "2026-02-06T10:00:00-05:00", by: "w1" };
 * applyStageEvent(start, back).blockedBy.map((reason) => reason.code)
 * //=> ["not-earlier-stage"]
 */
export interface RegressEvent<Id extends string = string> extends StageEventBase {
  readonly type: "REGRESS";
  /** The earlier stage the group is back in. */
  readonly to: Id;
  /** Why, such as "conflict returned after a member left"; required. */
  readonly reason: string;
}

/**
 * The group's work ends, as planned or early; the group enters the model's final stage. Allowed from any working
 * stage, with a reason.
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const end = {
 *   type: "ADJOURN",
 *   outcome: "ended-early",
 *   reason: "too few members to continue",
 *   at: "2026-02-12T19:45:00-05:00",
 *   by: "worker-1",
 * };
 * applyStageEvent(start, end).snapshot.value
 * //=> "adjourning"
 */
export interface AdjournEvent extends StageEventBase {
  readonly type: "ADJOURN";
  /** Whether the group completed its work or ended early. */
  readonly outcome: AdjournOutcome;
  /** Why, such as "all planned sessions held" or "too few members to continue"; required. */
  readonly reason: string;
}

/**
 * The group's record is closed after its final stage; nothing happens after this.
 *
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * applyStageEvent(start, { type: "CLOSE", at: "2026-02-12T20:00:00-05:00", by: "worker-1" }).blockedBy[0].code
 * //=> "not-final-stage"
 */
export interface CloseEvent extends StageEventBase {
  readonly type: "CLOSE";
  /** Why, optional. */
  readonly reason?: string | undefined;
}

/**
 * Every event the stage machine accepts.
 *
 * @typeParam Id - the stage ids of the model, used by `REGRESS.to`
 * @example
 * const event = {
 *   type: "REGRESS",
 *   to: "forming",
 *   reason: "a new member joined",
 *   at: "2026-03-05T18:00:00-05:00",
 *   by: "worker-1",
 * };
 * event.type
 * //=> "REGRESS"
 */
export type StageEvent<Id extends string = string> =
  | SessionHeldEvent
  | AgreementAdoptedEvent
  | MemberJoinedEvent
  | MemberLeftEvent
  | AdvanceEvent
  | RegressEvent<Id>
  | AdjournEvent
  | CloseEvent;

/**
 * The type of a stage event, such as `ADVANCE`.
 *
 * @example
 * STAGE_EVENT_TYPES.includes("SESSION_HELD")
 * //=> true
 */
export type StageEventType = StageEvent["type"];

/**
 * Every stage event type, in the order screens list them.
 *
 * @example
 * STAGE_EVENT_TYPES.length
 * //=> 8
 */
export const STAGE_EVENT_TYPES: readonly StageEventType[] = [
  "SESSION_HELD",
  "AGREEMENT_ADOPTED",
  "MEMBER_JOINED",
  "MEMBER_LEFT",
  "ADVANCE",
  "REGRESS",
  "ADJOURN",
  "CLOSE",
];
