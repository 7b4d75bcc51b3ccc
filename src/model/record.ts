import { z } from "zod";
import { GroupAgreementSchema } from "./agreement";
import { AttendanceRecordSchema } from "./attendance";
import { ConsentSchema } from "./consent";
import { GroupSchema } from "./group";
import { InteractionActSchema, TurnSchema } from "./interaction";
import { MemberSchema } from "./member";
import { MembershipSchema } from "./membership";
import { SessionSchema } from "./session";

/**
 * Schema of a {@link GroupRecord}: everything a host system hands over about one group.
 *
 * This checks shape only. Use `parseGroupRecord` to check references too (unknown members, attendance at sessions that
 * did not take place, overlapping memberships, duplicate ids).
 */
export const GroupRecordSchema = /* @__PURE__ */ z
  .strictObject({
    group: GroupSchema,
    members: z.array(MemberSchema).meta({ description: "Everyone in the group: clients and facilitators." }),
    memberships: z.array(MembershipSchema).meta({ description: "Who belongs to the group, when, and in which role." }),
    sessions: z.array(SessionSchema).default([]),
    attendance: z.array(AttendanceRecordSchema).default([]),
    turns: z.array(TurnSchema).default([]),
    interactionActs: z.array(InteractionActSchema).default([]),
    agreements: z.array(GroupAgreementSchema).default([]).meta({ description: "Versions of the group agreement." }),
    consents: z.array(ConsentSchema).default([]),
  })
  .meta({ id: "GroupRecord", description: "Everything a case-management system holds about one group." });

/** Everything about one group, as the library reads it; see {@link GroupRecordSchema}. */
export type GroupRecord = z.infer<typeof GroupRecordSchema>;

/** A group record as a host sends it: optional lists may be left out and ids are plain strings. */
export type GroupRecordInput = z.input<typeof GroupRecordSchema>;
