import { z } from "zod";
import { InstantSchema } from "./primitives.js";
import { AdjournOutcomeSchema, StageEventTypeSchema } from "./stage-event.js";
import { longestStageList } from "./vocabulary/stage-events.js";

// The wire shape of a persisted stage snapshot (groupwork/stages `persistStageSnapshot`). It lives here because only
// the model room imports zod at runtime; the stages room checks what the shape cannot say (stages of the model,
// history that the machine could have written, counts that add up).

const StageTextSchema = z.string().min(1);
const CountSchema = z.number().int().min(0);

const StageHistoryEntrySchema = z.strictObject({
  stage: StageTextSchema,
  enteredAt: InstantSchema,
  event: z.union([StageEventTypeSchema, z.literal("START")]),
  by: StageTextSchema,
  reason: z.string().nullable(),
  sessions: CountSchema,
});

const StageAgreementStatusSchema = z.discriminatedUnion("status", [
  z.strictObject({ status: z.literal("none") }),
  z.strictObject({
    status: z.literal("adopted"),
    version: StageTextSchema,
    adoptedAt: InstantSchema,
    includesConfidentiality: z.boolean(),
    limitsExplained: z.boolean(),
  }),
]);

const StageContextSchema = z.strictObject({
  modelId: StageTextSchema,
  history: z.array(StageHistoryEntrySchema).max(longestStageList),
  sessionsInStage: CountSchema,
  sessionsTotal: CountSchema,
  agreement: StageAgreementStatusSchema,
  activeMembers: CountSchema,
  suggestions: z
    .array(z.strictObject({ code: z.literal("may-be-re-forming"), at: InstantSchema, message: StageTextSchema }))
    .max(longestStageList),
  outcome: AdjournOutcomeSchema.nullable(),
  lastEventAt: InstantSchema,
});

/**
 * Schema of a {@link StageSnapshotEnvelope}: a group's stage snapshot as stored by a host, versioned.
 *
 * It checks the shape only; `restoreStageSnapshot` (groupwork/stages) also checks the snapshot against its stage model.
 * The history and the suggestions hold at most 10,000 entries each, far more than any group records.
 *
 * @example
 * // A snapshot stored as JSON keeps its shape
 * const envelope = persistStageSnapshot(startStages(tuckmanModel, { at: "2026-02-05T18:00:00-06:00", by: "f-rivera" }));
 * StageSnapshotEnvelopeSchema.safeParse(JSON.parse(JSON.stringify(envelope))).success
 * //=> true
 */
export const StageSnapshotEnvelopeSchema = /* @__PURE__ */ z
  .strictObject({
    format: z.literal("groupwork.stage-snapshot"),
    version: z.number().int().min(1),
    modelId: StageTextSchema,
    snapshot: z.strictObject({
      status: z.enum(["active", "done"]),
      value: StageTextSchema,
      historyValue: z.strictObject({}),
      context: StageContextSchema,
      children: z.strictObject({}),
    }),
  })
  .meta({
    id: "StageSnapshotEnvelope",
    description: "A group's stage-machine snapshot as a host stores it: format, version, stage model id, snapshot.",
  });

/**
 * A group's stage snapshot as a host stores it: `persistStageSnapshot` (groupwork/stages) writes it and
 * `restoreStageSnapshot` reads it back.
 *
 * Parse one with {@link StageSnapshotEnvelopeSchema}.
 *
 * @example
 * // A group that has just started is forming, with no session counted yet
 * const envelope = persistStageSnapshot(startStages(tuckmanModel, { at: "2026-02-05T18:00:00-06:00", by: "f-rivera" }));
 * [envelope.modelId, envelope.snapshot.value, envelope.snapshot.context.sessionsTotal]
 * //=> ["tuckman", "forming", 0]
 */
export type StageSnapshotEnvelope = z.infer<typeof StageSnapshotEnvelopeSchema>;
