import { z } from "zod";
import { type MemberId, MemberIdSchema } from "./ids.js";
import { type CalendarDate, CalendarDateSchema, LanguageTagSchema, TextSchema } from "./primitives.js";

/**
 * Schema of a {@link Member}: a person who takes part in a group, as client or as facilitator.
 *
 * @example
 * // The host may leave out the interpreter flag and the accessibility needs
 * const member = MemberSchema.parse({ id: "m-ana", displayName: "Ana Souza", preferredLanguage: "pt-BR" });
 * [member.interpreterNeeded, member.accessibilityNeeds]
 * //=> [false, []]
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

/**
 * A person in a group, client or facilitator, as the library reads them.
 *
 * Facilitators are members of the record too, so turns and acts can name them like anyone else. Parse one with
 * {@link MemberSchema}.
 *
 * @example
 * // Call William Chen by the name he prefers; Tomasz needs step-free access
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const members = parsed.ok ? parsed.value.members : [];
 * const will = members.find((member) => member.id === "m-will");
 * const tomasz = members.find((member) => member.id === "m-tomasz");
 * [will?.preferredName, tomasz?.accessibilityNeeds]
 * //=> ["Will", ["Step-free access to the group room"]]
 */
export interface Member {
  /** The person's id, owned by the host system. */
  id: MemberId;
  /** The name shown to staff, usually given and family name. */
  displayName: string;
  /** The name the person wants to be called in the group. */
  preferredName?: string | undefined;
  /** The person's pronouns as they give them, e.g. `she/her`. */
  pronouns?: string | undefined;
  /** The language the person prefers, as a BCP 47 tag such as `es` or `pt-BR`. */
  preferredLanguage?: string | undefined;
  /** Whether the person needs an interpreter; `false` when the host leaves it out. */
  interpreterNeeded: boolean;
  /** Needs the group must meet for this person, in the host system's words; empty when there are none. */
  accessibilityNeeds: string[];
  /** Date of birth, used to know whether the person is a minor (consent and disclosure rules). */
  birthDate?: CalendarDate | undefined;
}
