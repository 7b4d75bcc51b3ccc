import { z } from "zod";
import { type MemberId, MemberIdSchema, type SessionId, SessionIdSchema } from "./ids.js";
import { type Instant, InstantSchema, TextSchema } from "./primitives.js";

// The group's stage history as a host stores it: the log of events the stage machine (groupwork/stages) was given.
// Replaying the log rebuilds the machine's snapshot, so the log, not the snapshot, is the record of what the worker
// decided and when.

const base = {
  at: InstantSchema.meta({ description: "When it happened, with an offset; the log is in the order events happened." }),
  by: z.string().min(1).meta({ description: "Who recorded it: usually the facilitator's id in the host system." }),
};

/** The kinds of event a stage log holds; also the events a persisted snapshot's history may name. */
export const StageEventTypeSchema = /* @__PURE__ */ z.enum([
  "SESSION_HELD",
  "AGREEMENT_ADOPTED",
  "MEMBER_JOINED",
  "MEMBER_LEFT",
  "ADVANCE",
  "REGRESS",
  "ADJOURN",
  "CLOSE",
]);

/** How a group's work ended: as planned, or early. */
export const AdjournOutcomeSchema = /* @__PURE__ */ z.enum(["completed", "ended-early"]);

const StageReasonSchema = TextSchema.meta({ description: "Why, in the worker's words." });

/**
 * Schema of a {@link RecordedStageEvent}: one entry of a group's stage log, as the stage machine of
 * `groupwork/stages` accepts it.
 *
 * @example
 * // A worker who judges that the group went back to an earlier stage must say why
 * const regress = { type: "REGRESS", at: "2026-03-19T19:45:00-05:00", by: "f-rivera", to: "storming" };
 * RecordedStageEventSchema.safeParse(regress).success
 * //=> false
 */
export const RecordedStageEventSchema = /* @__PURE__ */ z
  .discriminatedUnion("type", [
    z.strictObject({ type: z.literal("SESSION_HELD"), ...base, sessionId: SessionIdSchema.optional() }),
    z.strictObject({
      type: z.literal("AGREEMENT_ADOPTED"),
      ...base,
      version: z.string().min(1).meta({ description: "Version label of the agreement adopted." }),
      includesConfidentiality: z.boolean().meta({ description: "Whether it has terms on confidentiality." }),
      limitsExplained: z.boolean().meta({ description: "Whether the limits of confidentiality were explained." }),
    }),
    z.strictObject({ type: z.literal(["MEMBER_JOINED", "MEMBER_LEFT"]), ...base, memberId: MemberIdSchema.optional() }),
    z.strictObject({ type: z.literal(["ADVANCE", "CLOSE"]), ...base, reason: StageReasonSchema.optional() }),
    z.strictObject({
      type: z.literal("REGRESS"),
      ...base,
      to: z.string().min(1).meta({ description: "The earlier stage the group is back in, by its id in the model." }),
      reason: StageReasonSchema,
    }),
    z.strictObject({
      type: z.literal("ADJOURN"),
      ...base,
      outcome: AdjournOutcomeSchema.meta({ description: "Whether the group completed its work." }),
      reason: StageReasonSchema,
    }),
  ])
  .meta({
    id: "RecordedStageEvent",
    description: "One entry of a group's stage log: a session held, an agreement adopted, a worker's stage decision.",
  });

/**
 * What every entry of the stage log carries.
 *
 * @example
 * // Every entry says when it happened and who recorded it
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const first = parsed.ok ? parsed.value.stageEvents[0] : undefined;
 * [first.at, first.by]
 * //=> ["2026-02-05T18:40:00-06:00", "f-rivera"]
 */
export interface RecordedStageEventBase {
  /** When it happened, with an offset. */
  at: Instant;
  /** Who recorded it: usually the facilitator's id in the host system. */
  by: string;
}

/**
 * A session of the group took place.
 *
 * @example
 * // Session 5 was cancelled, so the log has no SESSION_HELD for it
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const events = parsed.ok ? parsed.value.stageEvents : [];
 * events.filter((event) => event.type === "SESSION_HELD").map((event) => event.sessionId).includes("s-05")
 * //=> false
 */
export interface RecordedSessionHeld extends RecordedStageEventBase {
  type: "SESSION_HELD";
  /** The session, when the host knows it. */
  sessionId?: SessionId | undefined;
}

/**
 * The group adopted (a version of) its agreement.
 *
 * @example
 * // The agreement was adopted in the first session, with the limits of confidentiality explained
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const adopted = parsed.ok ? parsed.value.stageEvents.find((event) => event.type === "AGREEMENT_ADOPTED") : undefined;
 * [adopted.version, adopted.includesConfidentiality, adopted.limitsExplained]
 * //=> ["1", true, true]
 */
export interface RecordedAgreementAdopted extends RecordedStageEventBase {
  type: "AGREEMENT_ADOPTED";
  /** Version label of the agreement adopted. */
  version: string;
  /** Whether it has terms on confidentiality. */
  includesConfidentiality: boolean;
  /** Whether the worker explained that confidentiality among members cannot be guaranteed (NASW 1.07(f)). */
  limitsExplained: boolean;
}

/**
 * A member joined, or left, the group.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.stageEvents.find((event) => event.type === "MEMBER_LEFT").memberId
 * //=> "m-jamal"
 */
export interface RecordedMembershipChange extends RecordedStageEventBase {
  type: "MEMBER_JOINED" | "MEMBER_LEFT";
  /** The member, when the host knows them. */
  memberId?: MemberId | undefined;
}

/**
 * The worker judged that the group moved on, or that its record is closed.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.stageEvents.find((event) => event.type === "CLOSE").reason
 * //=> "Final session held and evaluations collected."
 */
export interface RecordedStageStep extends RecordedStageEventBase {
  type: "ADVANCE" | "CLOSE";
  /** Why, in the worker's words; optional. */
  reason?: string | undefined;
}

/**
 * The worker judged that the group went back to an earlier stage.
 *
 * @example
 * // After session 7, tension about airtime took the group back to storming
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.stageEvents.find((event) => event.type === "REGRESS").to
 * //=> "storming"
 */
export interface RecordedRegression extends RecordedStageEventBase {
  type: "REGRESS";
  /** The earlier stage, by its id in the group's stage model. */
  to: string;
  /** Why, in the worker's words. */
  reason: string;
}

/**
 * The group's work ended, as planned or early.
 *
 * @example
 * // The group began to say goodbye before its last session, having completed its work
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.stageEvents.find((event) => event.type === "ADJOURN").outcome
 * //=> "completed"
 */
export interface RecordedAdjournment extends RecordedStageEventBase {
  type: "ADJOURN";
  /** Whether the group completed its work or ended early. */
  outcome: "completed" | "ended-early";
  /** Why, in the worker's words. */
  reason: string;
}

/**
 * One entry of a group's stage log, as a host stores it: the events the stage machine of `groupwork/stages` was given,
 * in the order they happened. `replayStageEvents` rebuilds the group's stage snapshot from them.
 *
 * Stage ids in `REGRESS` are checked against the stage model when the log is replayed, not when the record is parsed.
 *
 * @example
 * // The worker's decisions in the sample log, leaving out the sessions held
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const events = parsed.ok ? parsed.value.stageEvents : [];
 * events.filter((event) => event.type !== "SESSION_HELD").map((event) => event.type)
 * //=> ["AGREEMENT_ADOPTED", "ADVANCE", "ADVANCE", "REGRESS", "ADVANCE", "MEMBER_LEFT", "ADVANCE", "ADJOURN", "CLOSE"]
 */
export type RecordedStageEvent =
  | RecordedSessionHeld
  | RecordedAgreementAdopted
  | RecordedMembershipChange
  | RecordedStageStep
  | RecordedRegression
  | RecordedAdjournment;
