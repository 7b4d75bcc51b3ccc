// The shapes shared by the stage models (data), the machine built from them and the server functions around it.
// Stage models are data so an agency can bring its own; the machine reads only these types.

/**
 * What a group must have done before the worker may move it out of a stage with `ADVANCE`.
 *
 * A stage model sets these per stage; `StageMachineOptions` may override them for one group.
 *
 * @example
 * const forming = { id: "forming", readiness: { minSessions: 1, requiresAgreement: true } };
 * forming.readiness.requiresAgreement
 * //=> true
 */
export interface StageReadiness {
  /** Sessions that must be held in the stage before the group may leave it by `ADVANCE`; 1 when not given. */
  readonly minSessions?: number;
  /**
   * Whether the group agreement, including confidentiality and its limits, must be adopted before the group leaves
   * the stage (NASW Code of Ethics 1.07(e)(f)). When not given: `true` for the first stage, `false` for the others.
   */
  readonly requiresAgreement?: boolean;
}

/**
 * One stage of a stage model, with the guidance a worker reads while the group is in it.
 *
 * @typeParam Id - the stage ids of the model, such as `"forming" | "storming"`
 * @example
 * const storming = { id: "storming", label: "Storming", readiness: { minSessions: 2 } };
 * storming.readiness.minSessions
 * //=> 2
 */
export interface StageDefinition<Id extends string = string> {
  /** Stable id, used as the machine's state value: lower-case words joined by hyphens, such as `power-and-control`. */
  readonly id: Id;
  /** Name a person reads, such as "Power and control". */
  readonly label: string;
  /** What the stage is, in one or two sentences. */
  readonly summary: string;
  /** What a worker sees in a group in this stage. */
  readonly markers: readonly string[];
  /** What the worker does in this stage. */
  readonly workerTasks: readonly string[];
  /** Techniques that help in this stage, such as active listening or summarising. */
  readonly techniques: readonly string[];
  /** Risks to watch for in this stage. */
  readonly watchFor: readonly string[];
  /** What the group must have done before it may leave this stage by `ADVANCE`. */
  readonly readiness: StageReadiness;
}

/**
 * A model of group development as data: ordered stages, the final stage, the sources it rests on.
 *
 * The last stage is the final one (adjourning, separation, ending): the group enters it by `ADJOURN` and leaves it by
 * `CLOSE`. The other stages are the working stages, entered in order by `ADVANCE`.
 *
 * @typeParam Id - the stage ids of the model, such as `"forming" | "storming" | "norming"`
 * @example
 * const model = { id: "tuckman", stages: [{ id: "forming" }, { id: "adjourning" }], finalStage: "adjourning" };
 * model.stages.at(-1).id === model.finalStage
 * //=> true
 */
export interface StageModel<Id extends string = string> {
  /** Stable id of the model, as a group record names it in `group.stageModel` (`tuckman`, `boston`, …). */
  readonly id: string;
  /** Name a person reads. */
  readonly name: string;
  /** The published sources the model and its guidance rest on, one reference per entry. */
  readonly citation: readonly string[];
  /** The stages in their usual order, first to final; at least two, ids unique. */
  readonly stages: readonly StageDefinition<Id>[];
  /** Id of the final stage (adjourning, separation, ending); always the last of `stages`. */
  readonly finalStage: Id;
}

/**
 * The stage ids of a stage model, as a union of string literals.
 *
 * @typeParam Model - the type of a stage model, such as `typeof tuckman`
 * @example
 * // type TuckmanStage = StageIdOf<typeof tuckman>; // "forming" | "storming" | … | "adjourning"
 * const ids = ["forming", "storming"];
 * ids.length
 * //=> 2
 */
export type StageIdOf<Model extends StageModel> = Model["stages"][number]["id"];

/**
 * Id of the state a group's machine ends in after `CLOSE`; it is not a stage of any model.
 *
 * @example
 * CLOSED
 * //=> "closed"
 */
export const CLOSED = "closed";

/**
 * Where the machine can stand: one of the model's stages, or `closed` after the group's record is closed.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * // type TuckmanValue = StageValue<StageIdOf<typeof tuckman>>; // the five stages or "closed"
 * ["forming", "adjourning", CLOSED].at(-1)
 * //=> "closed"
 */
export type StageValue<Id extends string = string> = Id | typeof CLOSED;

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

/** A session of the group took place. */
export interface SessionHeldEvent extends StageEventBase {
  readonly type: "SESSION_HELD";
  /** The host system's id of the session, when known. */
  readonly sessionId?: string | undefined;
}

/** The group adopted (a version of) its agreement. Confidentiality counts only when both flags are true. */
export interface AgreementAdoptedEvent extends StageEventBase {
  readonly type: "AGREEMENT_ADOPTED";
  /** Version label of the agreement, such as "1". */
  readonly version: string;
  /** Whether the agreement includes terms on keeping what is said in the group (NASW 1.07(f)). */
  readonly includesConfidentiality: boolean;
  /** Whether the worker explained that confidentiality among members cannot be guaranteed (NASW 1.07(f)). */
  readonly limitsExplained: boolean;
}

/** A member joined the group (in an open group, possibly in a later stage). */
export interface MemberJoinedEvent extends StageEventBase {
  readonly type: "MEMBER_JOINED";
  /** The member's id in the host system, when known. */
  readonly memberId?: string | undefined;
}

/** A member left the group. */
export interface MemberLeftEvent extends StageEventBase {
  readonly type: "MEMBER_LEFT";
  /** The member's id in the host system, when known. */
  readonly memberId?: string | undefined;
}

/** The worker judges the group has moved on to the next working stage. */
export interface AdvanceEvent extends StageEventBase {
  readonly type: "ADVANCE";
  /** Why the worker judges so, such as "members now address each other"; optional. */
  readonly reason?: string | undefined;
}

/** The worker judges the group has gone back to an earlier stage. */
export interface RegressEvent<Id extends string = string> extends StageEventBase {
  readonly type: "REGRESS";
  /** The earlier stage the group is back in. */
  readonly to: Id;
  /** Why, such as "conflict returned after a member left"; required. */
  readonly reason: string;
}

/** The group's work ends, as planned or early; the group enters the model's final stage. */
export interface AdjournEvent extends StageEventBase {
  readonly type: "ADJOURN";
  /** Whether the group completed its work or ended early. */
  readonly outcome: AdjournOutcome;
  /** Why, such as "all planned sessions held" or "too few members to continue"; required. */
  readonly reason: string;
}

/** The group's record is closed after its final stage; nothing happens after this. */
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

/**
 * One entry of a group's stage history: a stage entered, when, by which event, by whom and why.
 *
 * The first entry is the start (`event: "START"`); each later entry is a move to another stage or to `closed`.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const entry = {
 *   stage: "forming",
 *   enteredAt: "2026-02-05T18:00:00-05:00",
 *   event: "START",
 *   by: "worker-1",
 *   reason: null,
 *   sessions: 0,
 * };
 * entry.event
 * //=> "START"
 */
export interface StageHistoryEntry<Id extends string = string> {
  /** The stage entered. */
  readonly stage: StageValue<Id>;
  /** When it was entered: the `at` of the event that moved the group. */
  readonly enteredAt: string;
  /** The event that moved the group here; `START` for the first entry. */
  readonly event: StageEventType | "START";
  /** Who recorded the move. */
  readonly by: string;
  /** Why, when the event gave a reason; otherwise `null`. */
  readonly reason: string | null;
  /** Sessions held while the group was in this stage (during this stay). */
  readonly sessions: number;
}

/**
 * Where the group agreement stands.
 *
 * `adopted` holds the latest version adopted; it satisfies the NASW 1.07(f) readiness rule only when both
 * `includesConfidentiality` and `limitsExplained` are true.
 *
 * @example
 * const agreement = { status: "none" };
 * agreement.status
 * //=> "none"
 */
export type StageAgreementStatus =
  | { readonly status: "none" }
  | {
      readonly status: "adopted";
      /** Version label of the latest adopted agreement. */
      readonly version: string;
      /** When it was adopted. */
      readonly adoptedAt: string;
      /** Whether it includes confidentiality terms. */
      readonly includesConfidentiality: boolean;
      /** Whether the limits of confidentiality among members were explained. */
      readonly limitsExplained: boolean;
    };

/**
 * Codes of the advice the machine records without moving: `may-be-re-forming` when a member joins an open group in a
 * later stage.
 *
 * @example
 * const suggestion = { code: "may-be-re-forming", at: "2026-03-05T18:00:00Z", message: "…" };
 * suggestion.code
 * //=> "may-be-re-forming"
 */
export type StageSuggestionCode = "may-be-re-forming";

/**
 * Advice the machine records for the worker; it never moves the group by itself.
 *
 * @example
 * const suggestion = {
 *   code: "may-be-re-forming",
 *   at: "2026-03-05T18:00:00-05:00",
 *   message: "A member joined while the group was in norming; the group may be forming again.",
 * };
 * suggestion.code
 * //=> "may-be-re-forming"
 */
export interface StageSuggestion {
  /** Stable code a program can switch on. */
  readonly code: StageSuggestionCode;
  /** When the event that prompted it happened. */
  readonly at: string;
  /** A sentence for the worker. */
  readonly message: string;
}

/**
 * What the stage machine remembers about a group.
 *
 * @typeParam Id - the stage ids of the model
 */
export interface StageContext<Id extends string = string> {
  /** Id of the stage model the machine was built from. */
  readonly modelId: string;
  /** Every stage entered, oldest first; the last entry is the current stage. */
  readonly history: readonly StageHistoryEntry<Id>[];
  /** Sessions held since the group entered its current stage. */
  readonly sessionsInStage: number;
  /** Sessions held since the start. */
  readonly sessionsTotal: number;
  /** Where the group agreement stands. */
  readonly agreement: StageAgreementStatus;
  /** Members active in the group now. */
  readonly activeMembers: number;
  /** Advice recorded for the worker, oldest first. */
  readonly suggestions: readonly StageSuggestion[];
  /** How the group's work ended, once it was adjourned; `null` before. */
  readonly outcome: AdjournOutcome | null;
  /** The `at` of the latest event applied (or of the start); events earlier than this are refused. */
  readonly lastEventAt: string;
}

/**
 * What a group's stage machine starts from.
 *
 * @example
 * const input = { at: "2026-02-05T18:00:00-05:00", by: "worker-1", activeMembers: 6 };
 * input.activeMembers
 * //=> 6
 */
export interface StageInput {
  /** When the group started: an ISO 8601 instant with an offset or `Z`. */
  readonly at: string;
  /** Who started it, usually the facilitator. */
  readonly by: string;
  /** Members active at the start; 0 when not given. */
  readonly activeMembers?: number;
}

/**
 * How a machine built by `createStageMachine` applies its model to one group.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const options = {
 *   minSessions: 2,
 *   readiness: { storming: { minSessions: 3 } },
 *   onMemberJoined: "reopen-first-stage",
 * };
 * options.readiness?.storming?.minSessions
 * //=> 3
 */
export interface StageMachineOptions<Id extends string = string> {
  /**
   * Sessions needed before the group leaves a stage, for the stages whose readiness rule in the model sets no number;
   * default 1. `readiness` wins for the stages it names, then the model's number (the built-in final stages ask for 0,
   * so a group ended early can close without meeting again), then this.
   */
  readonly minSessions?: number;
  /**
   * Whether leaving a stage that the model marks `requiresAgreement` needs the agreement adopted (NASW 1.07(e)(f));
   * default `true`. Set `false` for groups with no agreement of their own (an open drop-in, say).
   */
  readonly requireAgreement?: boolean;
  /** Per-stage readiness rules that replace the model's, field by field. */
  readonly readiness?: { readonly [Stage in Id]?: StageReadiness };
  /**
   * What a member joining in a later working stage does: `suggest` (default) records "may be re-forming" as a
   * suggestion; `reopen-first-stage` moves the group back to the first stage.
   */
  readonly onMemberJoined?: "suggest" | "reopen-first-stage";
}
