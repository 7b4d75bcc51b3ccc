import { z } from "zod";
import { type ExitReason, ExitReasonSchema, type FacilitationRole, FacilitationRoleSchema } from "./codes.js";
import { type GroupId, GroupIdSchema, type MemberId, MemberIdSchema } from "./ids.js";
import { type CalendarDate, CalendarDateSchema } from "./primitives.js";

/**
 * Schema of a {@link MembershipPeriod}.
 *
 * @example
 * // An end before the start has the right shape; parseGroupRecord reports it as period-ends-before-start
 * MembershipPeriodSchema.safeParse({ start: "2026-04-01", end: "2026-03-01" }).success
 * //=> true
 */
export const MembershipPeriodSchema = /* @__PURE__ */ z
  .strictObject({
    start: CalendarDateSchema.meta({ description: "First day of the membership (inclusive)." }),
    end: CalendarDateSchema.optional().meta({
      description: "Last day of the membership (inclusive); absent while it lasts.",
    }),
  })
  .meta({
    id: "MembershipPeriod",
    description: "The days a person belongs to the group, inclusive, in the group's time zone.",
  });

/**
 * The days a person belongs to the group, both ends inclusive, in the group's time zone.
 *
 * Parse one with {@link MembershipPeriodSchema}.
 *
 * @example
 * // Jamal's membership ended on 31 March, the day his leaving was recorded
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * parsed.ok && parsed.value.memberships.find((membership) => membership.memberId === "m-jamal")?.period
 * //=> { start: "2026-02-05", end: "2026-03-31" }
 */
export interface MembershipPeriod {
  /** First day of the membership (inclusive). */
  start: CalendarDate;
  /** Last day of the membership (inclusive); absent while it lasts. */
  end?: CalendarDate | undefined;
}

/**
 * Schema of a {@link Membership}: one person's place in a group for one period, with their role.
 *
 * Modelled on FHIR R4 `Group.member` (entity, period, inactive) plus the role and the exit reason.
 *
 * @example
 * // No period: the person belongs for the whole life of the group; not inactive unless the host says so
 * const membership = MembershipSchema.parse({ groupId: "grp-open-parenting", memberId: "m-ana", role: "member" });
 * [membership.period, membership.inactive]
 * //=> [undefined, false]
 */
export const MembershipSchema = /* @__PURE__ */ z
  .strictObject({
    groupId: GroupIdSchema,
    memberId: MemberIdSchema,
    role: FacilitationRoleSchema,
    period: MembershipPeriodSchema.optional().meta({
      description: "When the person belongs to the group; absent means for the whole life of the group (FHIR).",
    }),
    inactive: z.boolean().default(false).meta({ description: "Set when the person is listed but no longer active." }),
    exitReason: ExitReasonSchema.optional().meta({ description: "Why the membership ended, once it has." }),
  })
  .meta({ id: "Membership", description: "A person's membership of a group for a period, with their role." });

/**
 * One person's membership of a group for a period, with their role (FHIR R4 `Group.member`).
 *
 * Parse one with {@link MembershipSchema}; ask whether it is active with `isActiveMember`.
 *
 * @example
 * // Jamal dropped out; from April he is no longer an active member
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const memberships = parsed.ok ? parsed.value.memberships : [];
 * const jamal = memberships.find((membership) => membership.memberId === "m-jamal");
 * jamal !== undefined && [jamal.role, jamal.exitReason, isActiveMember(jamal, "2026-04-02")]
 * //=> ["member", "dropped-out", false]
 */
export interface Membership {
  /** The group the person belongs to. */
  groupId: GroupId;
  /** The person who belongs to the group. */
  memberId: MemberId;
  /** The person's role: `member` for a client, or `facilitator`, `co-facilitator`, `observer`, … */
  role: FacilitationRole;
  /** When the person belongs to the group; absent means for the whole life of the group (FHIR). */
  period?: MembershipPeriod | undefined;
  /** Set when the person is listed but no longer active; `false` when the host leaves it out. */
  inactive: boolean;
  /** Why the membership ended (`completed`, `dropped-out`, `transferred`, …), once it has. */
  exitReason?: ExitReason | undefined;
}
