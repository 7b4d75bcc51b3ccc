import { z } from "zod";

// Ids are owned by the host system: any non-empty string, never assumed to be a UUID (ARCHITECTURE.md).
// Each entity gets its own brand so a MemberId cannot be passed where a SessionId is expected.

/** Schema of a group's id: a non-empty string chosen by the host system. */
export const GroupIdSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .brand<"GroupId">()
  .meta({ id: "GroupId", description: "Identifier of a group, owned by the host system (any non-empty string)." });
/** Identifier of a group, branded so it cannot be confused with other ids. */
export type GroupId = z.infer<typeof GroupIdSchema>;

/** Schema of a member's id: a non-empty string chosen by the host system. */
export const MemberIdSchema = /* @__PURE__ */ z.string().min(1).brand<"MemberId">().meta({
  id: "MemberId",
  description: "Identifier of a person in the group (client or facilitator), owned by the host system.",
});
/** Identifier of a member (a client or a facilitator), branded. */
export type MemberId = z.infer<typeof MemberIdSchema>;

/** Schema of a session's id: a non-empty string chosen by the host system. */
export const SessionIdSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .brand<"SessionId">()
  .meta({ id: "SessionId", description: "Identifier of one session of a group, owned by the host system." });
/** Identifier of a session, branded. */
export type SessionId = z.infer<typeof SessionIdSchema>;

/** Schema of a consent's id: a non-empty string chosen by the host system. */
export const ConsentIdSchema = /* @__PURE__ */ z
  .string()
  .min(1)
  .brand<"ConsentId">()
  .meta({ id: "ConsentId", description: "Identifier of a consent on file, owned by the host system." });
/** Identifier of a consent, branded. */
export type ConsentId = z.infer<typeof ConsentIdSchema>;
