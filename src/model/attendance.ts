import { z } from "zod";
import { AttendanceStatusSchema } from "./codes";
import { MemberIdSchema, SessionIdSchema } from "./ids";
import { InstantSchema } from "./primitives";

/**
 * Schema of an {@link AttendanceRecord}: whether one member attended one session.
 */
export const AttendanceRecordSchema = /* @__PURE__ */ z
  .strictObject({
    sessionId: SessionIdSchema,
    memberId: MemberIdSchema,
    status: AttendanceStatusSchema,
    arrivedAt: InstantSchema.optional().meta({ description: "When the member arrived, if recorded." }),
    departedAt: InstantSchema.optional().meta({ description: "When the member left, if recorded." }),
  })
  .meta({ id: "AttendanceRecord", description: "Whether one member attended one session, with optional times." });

/** One member's attendance at one session; see {@link AttendanceRecordSchema}. */
export type AttendanceRecord = z.infer<typeof AttendanceRecordSchema>;
