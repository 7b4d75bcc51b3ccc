import type { AttendanceRecord, Group, MemberId, Membership, Session, SessionId } from "../model/index.js";
import type { Measured } from "./measured.js";

// Types shared by the attendance metrics (summary, trend, dropout, retention, flags).

/**
 * The parts of a group record the attendance metrics read. A parsed `GroupRecord` is one, and so is a record as a
 * host sends it, with plain string ids (the sample record, say); read-only lists are welcome.
 *
 * @example
 * // The sample as a host sends it, and as parseGroupRecord returns it
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * [attendanceSummary(sampleGroupRecord).group.sessionsHeld, parsed.ok && attendanceSummary(parsed.value).group.sessionsHeld]
 * //=> [11, 11]
 */
export interface AttendanceSource {
  /** The group: its time zone decides each session's day; `plannedSessions` is read by the below-fraction rule. */
  readonly group: Pick<Group, "timeZone" | "plannedSessions">;
  /** Who belongs to the group, when, and in which role; only the role `member` (clients) is offered sessions. */
  readonly memberships: readonly (Pick<Membership, "role" | "period" | "exitReason"> & { readonly memberId: string })[];
  /** The group's meetings; only those `held` are offered. */
  readonly sessions: readonly (Pick<Session, "sequence" | "status" | "scheduledStart"> & { readonly id: string })[];
  /** Who attended which session. */
  readonly attendance: readonly (Pick<AttendanceRecord, "status"> & {
    readonly sessionId: string;
    readonly memberId: string;
  })[];
}

/** A membership as the attendance metrics read it. Not exported from the package. */
export type SourceMembership = AttendanceSource["memberships"][number];
/** A session as the attendance metrics read it. Not exported from the package. */
export type SourceSession = AttendanceSource["sessions"][number];
/** An attendance record as the attendance metrics read it. Not exported from the package. */
export type SourceRecord = AttendanceSource["attendance"][number];

/**
 * How excused absences count: `"offered"` (the session stays offered, so an excused absence lowers the rate) or
 * `"not-offered"` (the session is left out of the member's offered sessions). Programs differ in this, so both rates
 * are always reported.
 *
 * @example
 * const summary = attendanceSummary(sampleGroupRecord, { excused: "not-offered" });
 * [summary.excused, summary.group.meanRate.value]
 * //=> ["not-offered", (4 + 29 / 11 + 4 / 7) / 8]
 */
export type ExcusedAbsences = "offered" | "not-offered";

/**
 * Why a rate is undefined.
 *
 * - `no-sessions-offered`: no session took place while the member was enrolled (or in the bucket).
 * - `only-excused-absences`: every offered session was an excused absence, and excused absences are left out.
 *
 * @example
 * attendanceSummary(sampleGroupRecord, { asOf: "2026-02-01" }).members[0]?.rate
 * //=> ({ value: null, reason: "no-sessions-offered" })
 */
export type RateUndefinedReason = "no-sessions-offered" | "only-excused-absences";

/**
 * A rate in [0, 1], or `null` with the reason it is undefined; never a silent 0 or NaN. The library's
 * {@link Measured} shape with the reasons of {@link RateUndefinedReason}.
 *
 * @example
 * attendanceSummary(sampleGroupRecord).members[0]?.rate
 * //=> ({ value: 1, reason: null })
 */
export type Rate = Measured<RateUndefinedReason>;

/**
 * An attendance record that counts towards no client's offered sessions, and why. Nothing is dropped silently.
 *
 * - `not-a-client`: the person holds no membership with the role `member` (a facilitator, an observer, or unknown).
 * - `unknown-session`: no session of the record has this id.
 * - `session-not-held`: the session was cancelled, did not take place or is still scheduled.
 * - `after-as-of`: the session falls after the `asOf` day.
 * - `not-enrolled`: the session was held on a day none of the client's membership periods covers.
 * - `duplicate`: an earlier record already gives this client's attendance at this session; the first one counts.
 *
 * @example
 * attendanceSummary(sampleGroupRecord).notCounted
 * //=> []
 */
export interface NotCountedAttendance {
  /** Position of the record in `record.attendance`. */
  readonly index: number;
  /** The session the record names. */
  readonly sessionId: SessionId;
  /** The person the record names. */
  readonly memberId: MemberId;
  /** Why it is not counted. */
  readonly reason:
    | "not-a-client"
    | "unknown-session"
    | "session-not-held"
    | "after-as-of"
    | "not-enrolled"
    | "duplicate";
}
