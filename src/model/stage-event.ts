import { z } from "zod";
import { MemberIdSchema, SessionIdSchema } from "./ids.js";
import { InstantSchema, TextSchema } from "./primitives.js";
import { adjournOutcomes, stageEventTypes } from "./vocabulary/index.js";

// The group's stage history as a host stores it: the log of events the stage machine (groupwork/stages) was given.
// Replaying the log rebuilds the machine's snapshot, so the log, not the snapshot, is the record of what the worker
// decided and when.

const base = {
  at: InstantSchema.meta({ description: "When it happened, with an offset; the log is in the order events happened." }),
  by: z.string().min(1).meta({ description: "Who recorded it: usually the facilitator's id in the host system." }),
};

/** The kinds of event a stage log holds ({@link stageEventTypes}); also the events a persisted snapshot's history may name. */
export const StageEventTypeSchema = /* @__PURE__ */ z.enum(stageEventTypes);

/** How a group's work ended ({@link adjournOutcomes}): as planned, or early. */
export const AdjournOutcomeSchema = /* @__PURE__ */ z.enum(adjournOutcomes);

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
    z.strictObject({ type: z.literal("MEMBER_JOINED"), ...base, memberId: MemberIdSchema.optional() }),
    z.strictObject({ type: z.literal("MEMBER_LEFT"), ...base, memberId: MemberIdSchema.optional() }),
    z.strictObject({ type: z.literal("ADVANCE"), ...base, reason: StageReasonSchema.optional() }),
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
    z.strictObject({ type: z.literal("CLOSE"), ...base, reason: StageReasonSchema.optional() }),
  ])
  .meta({
    id: "RecordedStageEvent",
    description: "One entry of a group's stage log: a session held, an agreement adopted, a worker's stage decision.",
  });

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
export type RecordedStageEvent = z.infer<typeof RecordedStageEventSchema>;
