import { z } from "zod";
import { GroupKindSchema, MembershipTypeSchema, ParticipationTypeSchema } from "./codes";
import { GroupIdSchema } from "./ids";
import { CalendarDateSchema, TextSchema, TimeZoneSchema } from "./primitives";

/**
 * Schema of a {@link Group}: one support, therapy or task group as a case-management system describes it.
 */
export const GroupSchema = /* @__PURE__ */ z
  .strictObject({
    id: GroupIdSchema,
    name: TextSchema.meta({ description: "The name members and staff use for the group." }),
    purpose: TextSchema.meta({ description: "Why the group exists, in a sentence or two (the worker's contract)." }),
    kind: GroupKindSchema,
    membership: MembershipTypeSchema,
    participation: ParticipationTypeSchema,
    plannedSessions: z
      .int()
      .positive()
      .optional()
      .meta({ description: "How many sessions are planned; usual for closed groups, often absent for open ones." }),
    capacity: z.int().positive().optional().meta({ description: "Most members (not facilitators) the group takes." }),
    timeZone: TimeZoneSchema,
    startDate: CalendarDateSchema.meta({ description: "First day of the group, in its own time zone." }),
    endDate: CalendarDateSchema.optional().meta({ description: "Last day of the group, if known." }),
    stageModel: TextSchema.default("tuckman").meta({
      description:
        "Id of the stage model the group follows: tuckman (default), boston, relational or toseland-rivas, or an agency's own.",
    }),
  })
  .meta({
    id: "Group",
    description: "A social-work group: its purpose, kind, membership rules, calendar and time zone.",
  });

/** A group as the library reads it; see {@link GroupSchema}. */
export type Group = z.infer<typeof GroupSchema>;
