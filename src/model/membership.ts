import { z } from "zod";
import { ExitReasonSchema, FacilitationRoleSchema } from "./codes";
import { GroupIdSchema, MemberIdSchema } from "./ids";
import { CalendarDateSchema } from "./primitives";

/** Schema of a {@link MembershipPeriod}. */
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

/** The days a membership covers, both ends inclusive; see {@link MembershipPeriodSchema}. */
export type MembershipPeriod = z.infer<typeof MembershipPeriodSchema>;

/**
 * Schema of a {@link Membership}: one person's place in a group for one period, with their role.
 *
 * Modelled on FHIR R4 `Group.member` (entity, period, inactive) plus the role and the exit reason.
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

/** One person's membership of a group; see {@link MembershipSchema}. */
export type Membership = z.infer<typeof MembershipSchema>;
