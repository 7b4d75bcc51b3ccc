import { z } from "zod";
import { type GroupAgreement, GroupAgreementSchema } from "./agreement.js";
import { type AttendanceRecord, AttendanceRecordSchema } from "./attendance.js";
import { type Consent, ConsentSchema } from "./consent.js";
import { type Group, GroupSchema } from "./group.js";
import { type InteractionAct, InteractionActSchema, type Turn, TurnSchema } from "./interaction.js";
import { type Member, MemberSchema } from "./member.js";
import { type Membership, MembershipSchema } from "./membership.js";
import { type Session, SessionSchema } from "./session.js";
import { type RecordedStageEvent, RecordedStageEventSchema } from "./stage-event.js";

/**
 * Schema of a {@link GroupRecord}: everything a host system hands over about one group.
 *
 * This checks shape only. Use `parseGroupRecord` to check references too (unknown members, attendance at sessions that
 * did not take place, overlapping memberships, duplicate ids).
 *
 * @example
 * // Shape only: attendance at a session that does not exist passes the schema, but not parseGroupRecord
 * const input = { ...sampleGroupRecord, attendance: [{ sessionId: "s-99", memberId: "m-hope", status: "present" }] };
 * [GroupRecordSchema.safeParse(input).success, parseGroupRecord(input).ok]
 * //=> [true, false]
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
    stageEvents: z
      .array(RecordedStageEventSchema)
      .default([])
      .meta({ description: "The stage log: events given to the stage machine, in the order they happened." }),
  })
  .meta({ id: "GroupRecord", description: "Everything a case-management system holds about one group." });

/**
 * Everything a case-management system holds about one group, as the library reads it.
 *
 * Get one from `parseGroupRecord`, which checks references as well as shape; the lists a host may leave out are
 * always present here, empty if need be.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && [parsed.value.members.length, parsed.value.sessions.length, parsed.value.consents.length]
 * //=> [10, 12, 4]
 */
export interface GroupRecord {
  /** The group itself: purpose, kind, membership rules, calendar and time zone. */
  group: Group;
  /** Everyone in the group: clients and facilitators. */
  members: Member[];
  /** Who belongs to the group, when, and in which role. */
  memberships: Membership[];
  /** The group's meetings, planned or held. */
  sessions: Session[];
  /** Who attended which session. */
  attendance: AttendanceRecord[];
  /** Speaking turns, for sessions whose turns were recorded. */
  turns: Turn[];
  /** Acts scored with Bales' Interaction Process Analysis, for sessions that were observed. */
  interactionActs: InteractionAct[];
  /** Versions of the group agreement. */
  agreements: GroupAgreement[];
  /** Members' consents to share group information. */
  consents: Consent[];
  /** The stage log: sessions held, agreements adopted and the worker's stage decisions, in the order they happened. */
  stageEvents: RecordedStageEvent[];
}

/**
 * A group record as a host sends it: optional lists may be left out and ids are plain strings.
 *
 * @example
 * // A host that keeps no sessions, attendance or consents yet may leave those lists out
 * const input = {
 *   group: sampleGroupRecord.group,
 *   members: sampleGroupRecord.members.slice(0, 3),
 *   memberships: sampleGroupRecord.memberships.slice(0, 3),
 * };
 * const result = parseGroupRecord(input);
 * result.ok && result.value.attendance
 * //=> []
 */
export type GroupRecordInput = z.input<typeof GroupRecordSchema>;
