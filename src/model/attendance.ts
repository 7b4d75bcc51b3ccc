import { z } from "zod";
import { type AttendanceStatus, AttendanceStatusSchema } from "./codes.js";
import { type MemberId, MemberIdSchema, type SessionId, SessionIdSchema } from "./ids.js";
import { type Instant, InstantSchema } from "./primitives.js";

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

/**
 * Whether one member attended one session, with optional arrival and departure times.
 *
 * Parse one with {@link AttendanceRecordSchema}.
 */
export interface AttendanceRecord {
  /** The session attended or missed. */
  sessionId: SessionId;
  /** The member the record is about. */
  memberId: MemberId;
  /** `present`, `late`, `left-early`, `excused`, `absent` or `not-recorded`; late counts as attended. */
  status: AttendanceStatus;
  /** When the member arrived, if recorded. */
  arrivedAt?: Instant | undefined;
  /** When the member left, if recorded. */
  departedAt?: Instant | undefined;
}
