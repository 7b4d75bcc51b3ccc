import { z } from "zod";
import { type AttendanceStatus, AttendanceStatusSchema } from "./codes.js";
import { type MemberId, MemberIdSchema, type SessionId, SessionIdSchema } from "./ids.js";
import { type Instant, InstantSchema } from "./primitives.js";

/**
 * Schema of an {@link AttendanceRecord}: whether one member attended one session.
 *
 * @example
 * // "tardy" is not in the vocabulary: a late arrival is recorded as "late"
 * AttendanceRecordSchema.safeParse({ sessionId: "s-01", memberId: "m-hope", status: "tardy" }).success
 * //=> false
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
 *
 * @example
 * // Grace came 12 minutes late to session 2
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const records = parsed.ok ? parsed.value.attendance : [];
 * const record = records.find((entry) => entry.memberId === "m-grace" && entry.sessionId === "s-02");
 * [record?.status, record?.arrivedAt]
 * //=> ["late", "2026-02-12T18:12:00-06:00"]
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
