import type { AdjournOutcome, StageEventType } from "../model/index.js";
import type { StageReadiness, StageValue } from "./types.js";

// What the stage machine remembers about a group, what it starts from, and the options it is built with.

/**
 * One entry of a group's stage history: a stage entered, when, by which event, by whom and why.
 *
 * The first entry is the start (`event: "START"`); each later entry is a move to another stage or to `closed`.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * start.context.history[0]
 * //=> ({ stage: "forming", enteredAt: "2026-02-05T18:00:00-05:00", event: "START", by: "worker-1", reason: null, sessions: 0 })
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
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const adopted = applyStageEvent(start, {
 *   type: "AGREEMENT_ADOPTED",
 *   version: "1",
 *   includesConfidentiality: true,
 *   limitsExplained: true,
 *   at: "2026-02-05T18:40:00-05:00",
 *   by: "worker-1",
 * });
 * [start.context.agreement.status, adopted.snapshot.context.agreement.status]
 * //=> ["none", "adopted"]
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
 * const replay = replayStageEvents(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" }, [
 *   { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "w1" },
 *   { type: "AGREEMENT_ADOPTED", version: "1", includesConfidentiality: true, limitsExplained: true, at: "2026-02-05T19:40:00-05:00", by: "w1" },
 *   { type: "ADVANCE", at: "2026-02-05T19:45:00-05:00", by: "w1" },
 *   { type: "MEMBER_JOINED", at: "2026-02-10T10:00:00-05:00", by: "w1", memberId: "m-07" },
 * ]);
 * replay.snapshot.context.suggestions.map((suggestion) => suggestion.code)
 * //=> ["may-be-re-forming"]
 */
export type StageSuggestionCode = "may-be-re-forming";

/**
 * Advice the machine records for the worker; it never moves the group by itself.
 *
 * @example
 * const replay = replayStageEvents(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" }, [
 *   { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "w1" },
 *   { type: "AGREEMENT_ADOPTED", version: "1", includesConfidentiality: true, limitsExplained: true, at: "2026-02-05T19:40:00-05:00", by: "w1" },
 *   { type: "ADVANCE", at: "2026-02-05T19:45:00-05:00", by: "w1" },
 *   { type: "MEMBER_JOINED", at: "2026-02-10T10:00:00-05:00", by: "w1", memberId: "m-07" },
 * ]);
 * replay.snapshot.context.suggestions[0]?.message
 * //=> "A member joined while the group was in storming; the group may be back in forming. Go over the group agreement, confidentiality and its limits included, with the new member."
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
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1", activeMembers: 6 });
 * const { history, sessionsTotal, agreement, activeMembers } = start.context;
 * [history.length, sessionsTotal, agreement.status, activeMembers]
 * //=> [1, 0, "none", 6]
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
 * const start = startStages(tuckmanModel, { at: new Date("2026-02-05T23:00:00Z"), by: "worker-1", activeMembers: 6 });
 * [start.context.lastEventAt, start.context.activeMembers]
 * //=> ["2026-02-05T23:00:00.000Z", 6]
 */
export interface StageInput {
  /**
   * When the group started: ISO 8601 text with an offset or `Z` (seconds optional), kept as given, or a `Date`, kept as
   * its ISO 8601 text in UTC.
   */
  readonly at: string | Date;
  /** Who started it, usually the facilitator. */
  readonly by: string;
  /** Members active at the start: a whole number from 0 to `Number.MAX_SAFE_INTEGER`; 0 when not given. */
  readonly activeMembers?: number;
}

/**
 * How a machine built by `createStageMachine` applies its model to one group.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * // An open drop-in group: two sessions before it moves on, and no agreement of its own
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" }, { minSessions: 2, requireAgreement: false });
 * availableStageEvents(start).find((event) => event.type === "ADVANCE")?.blockedBy.map((reason) => reason.message)
 * //=> ["2 sessions are needed in forming; 0 have been held."]
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
   * default `true`. Set `false` for groups with no agreement of their own (an open drop-in, say); the worker still
   * explains confidentiality and its limits to each member (NASW 1.07(f)).
   */
  readonly requireAgreement?: boolean;
  /** Per-stage readiness rules that replace the model's, field by field. */
  readonly readiness?: { readonly [Stage in Id]?: StageReadiness };
  /**
   * What a member joining an open group in a later working stage does: `suggest` (default) records "may be
   * re-forming" as a suggestion and leaves the stage to the worker; `reopen-first-stage` moves the group back to the
   * stage members first met in (the model's `reformingStage`: its first stage, or `beginning` in Toseland & Rivas).
   */
  readonly onMemberJoined?: "suggest" | "reopen-first-stage";
}
