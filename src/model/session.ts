import { z } from "zod";
import { InterventionSchema, SessionModeSchema, SessionStatusSchema } from "./codes";
import { GroupIdSchema, SessionIdSchema } from "./ids";
import { InstantSchema, TextSchema } from "./primitives";

/**
 * Schema of a {@link Session}: one meeting of a group, planned or held.
 */
export const SessionSchema = /* @__PURE__ */ z
  .strictObject({
    id: SessionIdSchema,
    groupId: GroupIdSchema,
    sequence: z.int().positive().meta({ description: "The session's number in the group's run, starting at 1." }),
    scheduledStart: InstantSchema.meta({ description: "When the session is scheduled to start, with its offset." }),
    durationMinutes: z.int().positive().meta({ description: "Planned length of the session in minutes." }),
    status: SessionStatusSchema,
    mode: SessionModeSchema,
    topic: TextSchema.optional().meta({
      description: "The session's theme or plan, e.g. 'Anniversaries and holidays'.",
    }),
    interventions: z.array(InterventionSchema).default([]).meta({ description: "Interventions used in the session." }),
  })
  .meta({ id: "Session", description: "One meeting of a group: planned (FHIR Appointment) or held (FHIR Encounter)." });

/** One meeting of a group; see {@link SessionSchema}. */
export type Session = z.infer<typeof SessionSchema>;
