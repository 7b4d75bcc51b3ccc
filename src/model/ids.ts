import { z } from "zod";
import { VISIBLE_CHARACTER } from "../_lib/text.js";

// Ids are owned by the host system: any string with a character other than white space, never assumed to be a UUID.
// Each entity gets its own brand so a MemberId cannot be passed where a SessionId is expected.

/** An id's text: with a character a person can see (" " or a zero-width space names nothing anyone could check). */
const idText = () => z.string().regex(VISIBLE_CHARACTER, "An id must have a character a person can see.");

/**
 * Schema of a group's id: a string chosen by the host system, not blank.
 *
 * @example
 * // Any string the host system chooses, never assumed to be a UUID; empty or only white space is no id
 * [GroupIdSchema.safeParse("grp-thursday-grief").success, GroupIdSchema.safeParse("").success, GroupIdSchema.safeParse(" ").success]
 * //=> [true, false, false]
 */
export const GroupIdSchema = /* @__PURE__ */ idText().brand<"GroupId">().meta({
  id: "GroupId",
  description: "Identifier of a group, owned by the host system (any string that is not blank).",
});
/**
 * Identifier of a group, branded so it cannot be confused with other ids.
 *
 * @example
 * // Every session names its group by this id
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.sessions.every((session) => session.groupId === parsed.value.group.id)
 * //=> true
 */
export type GroupId = z.infer<typeof GroupIdSchema>;

/**
 * Schema of a member's id: a string chosen by the host system, not blank.
 *
 * @example
 * // The brand exists only for the type checker: the parsed id is the host's own string, unchanged
 * MemberIdSchema.parse("MRN-004512")
 * //=> "MRN-004512"
 */
export const MemberIdSchema = /* @__PURE__ */ idText().brand<"MemberId">().meta({
  id: "MemberId",
  description: "Identifier of a person in the group (client or facilitator), owned by the host system.",
});
/**
 * Identifier of a member (a client or a facilitator), branded.
 *
 * @example
 * // Facilitators have member ids too, so turns and acts can name them
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.members.slice(0, 3).map((member) => member.id)
 * //=> ["f-rivera", "f-okafor", "m-hope"]
 */
export type MemberId = z.infer<typeof MemberIdSchema>;

/**
 * Schema of a session's id: a string chosen by the host system, not blank.
 *
 * @example
 * // A session's id is the host's string, not its number in the group's run
 * SessionIdSchema.safeParse(7).success
 * //=> false
 */
export const SessionIdSchema = /* @__PURE__ */ idText()
  .brand<"SessionId">()
  .meta({ id: "SessionId", description: "Identifier of one session of a group, owned by the host system." });
/**
 * Identifier of a session, branded.
 *
 * @example
 * // Attendance, turns and acts name their session by its id
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.attendance[0]?.sessionId
 * //=> "s-01"
 */
export type SessionId = z.infer<typeof SessionIdSchema>;

/**
 * Schema of a consent's id: a string chosen by the host system, not blank.
 *
 * @example
 * // Every consent on file needs its id, so a disclosure can name the consent it relied on
 * ConsentIdSchema.safeParse(undefined).success
 * //=> false
 */
export const ConsentIdSchema = /* @__PURE__ */ idText()
  .brand<"ConsentId">()
  .meta({ id: "ConsentId", description: "Identifier of a consent on file, owned by the host system." });
/**
 * Identifier of a consent, branded.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.consents.map((consent) => consent.id)
 * //=> ["c-hope-pcp", "c-aroha-research", "c-lena-daughter", "c-jamal-counsellor"]
 */
export type ConsentId = z.infer<typeof ConsentIdSchema>;
