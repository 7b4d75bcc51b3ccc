import { z } from "zod";
import { MemberIdSchema, SessionIdSchema } from "./ids";
import { balesCategories } from "./vocabulary/index";

const SecondsSchema = /* @__PURE__ */ z
  .number()
  .nonnegative()
  .meta({ description: "Seconds from the session's start." });

/**
 * Schema of a {@link Turn}: one member speaking once, timed in seconds from the session's start.
 */
export const TurnSchema = /* @__PURE__ */ z
  .strictObject({
    sessionId: SessionIdSchema,
    memberId: MemberIdSchema,
    start: SecondsSchema,
    end: SecondsSchema,
    respondsTo: MemberIdSchema.optional().meta({
      description: "The member this turn answers, if the recorder noted it.",
    }),
  })
  .meta({
    id: "Turn",
    description: "A speaking turn: who spoke, from when to when (seconds from the session's start).",
  });

/** One speaking turn; see {@link TurnSchema}. */
export type Turn = z.infer<typeof TurnSchema>;

/** Schema of a {@link BalesCategory}: 1 to 12. */
export const BalesCategorySchema = /* @__PURE__ */ z
  .literal(balesCategories.codes)
  .meta({ id: "BalesCategory", description: "A category of Bales' Interaction Process Analysis (1950), 1 to 12." });

/** One of Bales' 12 categories, by number; see {@link balesCategories}. */
export type BalesCategory = z.infer<typeof BalesCategorySchema>;

/**
 * Schema of an {@link InteractionAct}: one act scored with Bales' Interaction Process Analysis.
 */
export const InteractionActSchema = /* @__PURE__ */ z
  .strictObject({
    sessionId: SessionIdSchema,
    memberId: MemberIdSchema,
    category: BalesCategorySchema,
    addresseeId: MemberIdSchema.optional().meta({
      description: "The member the act is addressed to; absent means the whole group.",
    }),
    at: SecondsSchema.optional(),
  })
  .meta({ id: "InteractionAct", description: "One act scored with Bales' Interaction Process Analysis (1950)." });

/** One scored interaction act; see {@link InteractionActSchema}. */
export type InteractionAct = z.infer<typeof InteractionActSchema>;
