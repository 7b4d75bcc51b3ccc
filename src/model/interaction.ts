import { z } from "zod";
import { type MemberId, MemberIdSchema, type SessionId, SessionIdSchema } from "./ids.js";
import { balesCategories } from "./vocabulary/index.js";

const SecondsSchema = /* @__PURE__ */ z
  .number()
  .nonnegative()
  .meta({ description: "Seconds from the session's start." });

/**
 * Schema of a {@link Turn}: one member speaking once, timed in seconds from the session's start.
 *
 * @example
 * // Turn times are seconds from the session's start, not clock times
 * TurnSchema.safeParse({ sessionId: "s-07", memberId: "m-will", start: "18:03:05", end: 520 }).success
 * //=> false
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

/**
 * A speaking turn: who spoke, from when to when, in seconds from the session's start.
 *
 * Parse one with {@link TurnSchema}.
 *
 * @example
 * // Will held the floor for 1110 seconds of session 7
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const turns = parsed.ok ? parsed.value.turns : [];
 * turns
 *   .filter((turn) => turn.sessionId === "s-07" && turn.memberId === "m-will")
 *   .reduce((seconds, turn) => seconds + (turn.end - turn.start), 0)
 * //=> 1110
 */
export interface Turn {
  /** The session the turn was taken in. */
  sessionId: SessionId;
  /** The member who spoke. */
  memberId: MemberId;
  /** When the member started speaking, in seconds from the session's start. */
  start: number;
  /** When the member stopped speaking, in seconds from the session's start; not before `start`. */
  end: number;
  /** The member this turn answers, if the recorder noted it. */
  respondsTo?: MemberId | undefined;
}

/**
 * Schema of a {@link BalesCategory}: 1 to 12.
 *
 * @example
 * // Bales numbered his categories 1 to 12
 * [BalesCategorySchema.safeParse(12).success, BalesCategorySchema.safeParse(13).success]
 * //=> [true, false]
 */
export const BalesCategorySchema = /* @__PURE__ */ z
  .literal(balesCategories.codes)
  .meta({ id: "BalesCategory", description: "A category of Bales' Interaction Process Analysis (1950), 1 to 12." });

/**
 * One of Bales' 12 categories, by number; see {@link balesCategories}.
 *
 * @example
 * // In session 7 Will showed antagonism to Aroha (category 12), and she disagreed with him (10)
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const acts = parsed.ok ? parsed.value.interactionActs : [];
 * acts.filter((act) => act.addresseeId === "m-aroha" || act.addresseeId === "m-will").map((act) => act.category)
 * //=> [12, 10]
 */
export type BalesCategory = z.infer<typeof BalesCategorySchema>;

/**
 * Schema of an {@link InteractionAct}: one act scored with Bales' Interaction Process Analysis.
 *
 * @example
 * // When an act happened is counted in seconds from the session's start, never before it
 * InteractionActSchema.safeParse({ sessionId: "s-07", memberId: "m-hope", category: 1, at: -30 }).success
 * //=> false
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

/**
 * One act scored with Bales' Interaction Process Analysis (1950).
 *
 * Parse one with {@link InteractionActSchema}.
 *
 * @example
 * // Six of the ten acts scored in session 7 were addressed to the whole group
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const acts = parsed.ok ? parsed.value.interactionActs : [];
 * acts.filter((act) => act.addresseeId === undefined).length
 * //=> 6
 */
export interface InteractionAct {
  /** The session the act happened in. */
  sessionId: SessionId;
  /** The member who acted. */
  memberId: MemberId;
  /** The act's Bales category, 1 (shows solidarity) to 12 (shows antagonism); see {@link balesCategories}. */
  category: BalesCategory;
  /** The member the act is addressed to; absent means the whole group. */
  addresseeId?: MemberId | undefined;
  /** When the act happened, in seconds from the session's start, if the observer noted it. */
  at?: number | undefined;
}
