import { z } from "zod";
import { MemberIdSchema } from "./ids";
import { CalendarDateSchema, LanguageTagSchema, TextSchema } from "./primitives";

/**
 * Schema of a {@link Member}: a person who takes part in a group, as client or as facilitator.
 */
export const MemberSchema = /* @__PURE__ */ z
  .strictObject({
    id: MemberIdSchema,
    displayName: TextSchema.meta({ description: "The name shown to staff, usually given and family name." }),
    preferredName: TextSchema.optional().meta({ description: "The name the person wants to be called in the group." }),
    pronouns: TextSchema.optional().meta({ description: "The person's pronouns as they give them, e.g. she/her." }),
    preferredLanguage: LanguageTagSchema.optional(),
    interpreterNeeded: z.boolean().default(false).meta({ description: "Whether the person needs an interpreter." }),
    accessibilityNeeds: z
      .array(TextSchema)
      .default([])
      .meta({ description: "Needs the group must meet for this person, in the host system's words." }),
    birthDate: CalendarDateSchema.optional().meta({
      description: "Date of birth, used to know whether the person is a minor (consent and disclosure rules).",
    }),
  })
  .meta({ id: "Member", description: "A person in a group: a client or a facilitator." });

/** A member as the library reads it; see {@link MemberSchema}. */
export type Member = z.infer<typeof MemberSchema>;
