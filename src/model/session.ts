import { z } from "zod";
import {
  type Intervention,
  InterventionSchema,
  type SessionMode,
  SessionModeSchema,
  type SessionStatus,
  SessionStatusSchema,
} from "./codes.js";
import { type GroupId, GroupIdSchema, type SessionId, SessionIdSchema } from "./ids.js";
import { type Instant, InstantSchema, TextSchema } from "./primitives.js";

/**
 * Schema of a {@link Session}: one meeting of a group, planned or held.
 *
 * @example
 * // A session is planned with a length in whole minutes
 * SessionSchema.safeParse({
 *   id: "s-01",
 *   groupId: "grp-dbt-skills",
 *   sequence: 1,
 *   scheduledStart: "2026-09-07T18:30:00+01:00",
 *   durationMinutes: 1.5,
 *   status: "scheduled",
 *   mode: "hybrid",
 * }).success
 * //=> false
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

/**
 * One meeting of a group: planned (FHIR Appointment) or held (FHIR Encounter).
 *
 * A session that was cancelled or did not take place is never an absence for its members. Parse one with
 * {@link SessionSchema}.
 *
 * @example
 * // The last session of the sample group
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const last = parsed.ok ? parsed.value.sessions.at(-1) : undefined;
 * [last?.sequence, last?.topic, last?.durationMinutes]
 * //=> [12, "Looking back, looking ahead: our last session", 90]
 */
export interface Session {
  /** The session's id, owned by the host system. */
  id: SessionId;
  /** The group that meets in this session. */
  groupId: GroupId;
  /** The session's number in the group's run, starting at 1. */
  sequence: number;
  /** When the session is scheduled to start, with its offset; it counts on that day in the group's time zone. */
  scheduledStart: Instant;
  /** Planned length of the session in minutes. */
  durationMinutes: number;
  /** `scheduled`, `held`, `cancelled` or `did-not-take-place`. */
  status: SessionStatus;
  /** How members meet: `in-person`, `virtual` or `hybrid`. */
  mode: SessionMode;
  /** The session's theme or plan, e.g. "Anniversaries and holidays". */
  topic?: string | undefined;
  /** Interventions used in the session (`mindfulness`, `psychoeducation`, …); empty when none were recorded. */
  interventions: Intervention[];
}
