import type { MemberId } from "../model/index.js";
import { rateOf, readAsOf, readExcused, readOptions } from "./read-options.js";
import { type AttendanceRegister, type RegisteredClient, readRegister } from "./register.js";
import type { AttendanceSource, ExcusedAbsences, NotCountedAttendance, Rate } from "./source.js";
import { forEachAbsenceRun } from "./streaks.js";

/**
 * Options of {@link attendanceSummary}.
 *
 * @example
 * attendanceSummary(sampleGroupRecord, { excused: "not-offered", asOf: "2026-03-31" }).asOf
 * //=> "2026-03-31"
 */
export interface AttendanceSummaryOptions {
  /**
   * Which rate the group's mean uses: `"offered"` (the default: excused absences stay offered, the plain rate) or
   * `"not-offered"` (excused absences are left out, the adjusted rate); also whether an excused absence counts in an
   * absence streak. Each member's plain and adjusted rates are both reported either way.
   */
  readonly excused?: ExcusedAbsences | undefined;
  /**
   * The day the summary is for, `YYYY-MM-DD` in the group's time zone: sessions after it are left out, and "current"
   * streaks end there. Absent: every session in the record.
   */
  readonly asOf?: string | undefined;
}

/**
 * One client's attendance, in {@link AttendanceSummary.members}.
 *
 * The counts add up: `attended + excused + absent + notRecorded = offered`, and `present + late + leftEarly =
 * attended`.
 *
 * @example
 * const summary = attendanceSummary(sampleGroupRecord);
 * const jamal = summary.members.find((member) => member.memberId === "m-jamal");
 * [jamal?.offered, jamal?.attended, jamal?.late, jamal?.absent, jamal?.currentAbsenceStreak]
 * //=> [7, 4, 1, 3, 3]
 */
export interface MemberAttendance {
  /** The client. */
  readonly memberId: MemberId;
  /** Sessions that took place (status `held`) on a day the client's membership period covers. */
  readonly offered: number;
  /** Offered sessions the client attended: every status the vocabulary counts as attended (late included). */
  readonly attended: number;
  /** Offered sessions the client attended from start to end (`present`). */
  readonly present: number;
  /** Offered sessions the client arrived late to (counted in `attended` too). */
  readonly late: number;
  /** Offered sessions the client left early (counted in `attended` too). */
  readonly leftEarly: number;
  /** Offered sessions the client missed with an accepted reason. */
  readonly excused: number;
  /** Offered sessions the client missed without notice. */
  readonly absent: number;
  /** Offered sessions with no answer: recorded as `not-recorded`, or with no attendance record at all. */
  readonly notRecorded: number;
  /** Of `notRecorded`, the offered sessions with no attendance record at all. */
  readonly missingRecords: number;
  /** `attended ÷ offered`: excused absences count as offered (the plain rate). */
  readonly rate: Rate;
  /** `attended ÷ (offered − excused)`: excused absences are left out (the adjusted rate). */
  readonly adjustedRate: Rate;
  /** Absences in a row up to the last offered session (see {@link absenceStreaks}); 0 when the client last came. */
  readonly currentAbsenceStreak: number;
  /** The longest run of absences in a row. */
  readonly longestAbsenceStreak: number;
}

/**
 * The group's totals, in {@link AttendanceSummary.group}.
 *
 * @example
 * const group = attendanceSummary(sampleGroupRecord).group;
 * [group.sessionsHeld, group.sessionsCancelled, group.offered, group.attended, group.excused]
 * //=> [11, 1, 84, 76, 1]
 */
export interface GroupAttendanceTotals {
  /** Sessions that took place. */
  readonly sessionsHeld: number;
  /** Sessions called off in advance. */
  readonly sessionsCancelled: number;
  /** Sessions planned but not held. */
  readonly sessionsNotTakenPlace: number;
  /** Sessions still scheduled (not yet recorded as held). */
  readonly sessionsScheduled: number;
  /** Offered sessions summed over clients. */
  readonly offered: number;
  /** Attended sessions summed over clients. */
  readonly attended: number;
  /** Excused absences summed over clients. */
  readonly excused: number;
  /**
   * Mean of the clients' rates (the plain rate, or the adjusted one when `excused: "not-offered"`), over the clients
   * whose rate is defined: each client weighs the same, however many sessions they were offered.
   */
  readonly meanRate: Rate;
}

/**
 * The result of {@link attendanceSummary}.
 *
 * @example
 * const summary = attendanceSummary(sampleGroupRecord);
 * [summary.members.length, summary.excused, summary.asOf, summary.notCounted.length]
 * //=> [8, "offered", null, 0]
 */
export interface AttendanceSummary {
  /** How excused absences counted in `group.meanRate` and the streaks. */
  readonly excused: ExcusedAbsences;
  /** The day the summary is for, or `null` for every session in the record. */
  readonly asOf: string | null;
  /** One entry per client (membership role `member`), in the order their first membership appears. */
  readonly members: readonly MemberAttendance[];
  /** Totals for the group. */
  readonly group: GroupAttendanceTotals;
  /** Attendance records that count towards no client, with the reason (facilitators' own records land here). */
  readonly notCounted: readonly NotCountedAttendance[];
}

/**
 * Attendance of each client of a group, and the group's totals (the attendance rate: attended ÷ offered).
 *
 * A session is offered to a client when it took place (status `held`) on a day one of their memberships with the
 * role `member` covers, in the group's time zone; facilitators, observers and interpreters are not offered sessions.
 * Cancelled sessions and sessions that did not take place are never absences. How each status counts comes from the
 * `attendanceStatuses` vocabulary: late and left early count as attended and are also counted on their own. A held
 * session with no record for an enrolled client counts as not recorded (and in `missingRecords`): it stays offered,
 * so it lowers the rate, and nothing is dropped silently. The membership's `inactive` flag describes it now and does
 * not change past sessions.
 *
 * @param record - the group record (a parsed `GroupRecord`, or its group, memberships, sessions and attendance)
 * @param options - how excused absences count, and the day the summary is for
 * @returns per-client counts, rates and streaks, the group's totals, and the records that counted for nobody
 * @throws {GroupworkError} `invalid-argument` when the record is not a group record (an unknown time zone or
 *   attendance status, an unreadable start time or period, a hole in one of its lists, two sessions with the same
 *   number, a number past 2^53 − 1), the options are outside their types, or they hold a key other than `excused` and
 *   `asOf` (a misspelt option is never ignored)
 * @example
 * const summary = attendanceSummary(sampleGroupRecord);
 * const lena = summary.members.find((member) => member.memberId === "m-lena");
 * [lena?.offered, lena?.attended, lena?.excused, lena?.rate.value, lena?.adjustedRate.value]
 * //=> [11, 10, 1, 10 / 11, 1]
 * @example
 * const group = attendanceSummary(sampleGroupRecord, { asOf: "2026-03-31" }).group;
 * [group.sessionsHeld, group.sessionsCancelled, group.offered, group.attended, group.meanRate.value?.toFixed(4)]
 * //=> [7, 1, 56, 50, "0.8929"]
 */
export function attendanceSummary(record: AttendanceSource, options: AttendanceSummaryOptions = {}): AttendanceSummary {
  const caller = "attendanceSummary";
  const read = readOptions(options, caller, ["excused", "asOf"]);
  const excused = readExcused(read.excused, caller);
  const asOf = readAsOf(read.asOf, caller);
  const register = readRegister(record, asOf, caller);
  const members = register.clients.map((client) => memberAttendance(client, excused));
  return {
    excused,
    asOf: asOf ?? null,
    members,
    group: groupTotals(register, members, excused),
    notCounted: register.notCounted,
  };
}

/** One client's counts, rates and streaks, from their status at each offered session. */
function memberAttendance(client: RegisteredClient, excused: ExcusedAbsences): MemberAttendance {
  const offered = client.statuses.length;
  let attended = 0;
  let missed = 0;
  let present = 0;
  let late = 0;
  let leftEarly = 0;
  let excusedCount = 0;
  let missingRecords = 0;
  for (const status of client.statuses) {
    if (status === undefined) {
      missingRecords++;
      continue;
    }
    // Attended and missed as the vocabulary says; four statuses are also counted on their own.
    if (status.attended === true) attended++;
    else if (status.attended === false) missed++;
    if (status.code === "present") present++;
    else if (status.code === "late") late++;
    else if (status.code === "left-early") leftEarly++;
    else if (status.code === "excused") excusedCount++;
  }
  // The streaks without keeping each run: a client's whole history can hold thousands.
  let longest = 0;
  const current = forEachAbsenceRun(client.statuses, excused, (_first, _last, length) => {
    longest = Math.max(longest, length);
  });
  return {
    memberId: client.memberId,
    offered,
    attended,
    present,
    late,
    leftEarly,
    excused: excusedCount,
    absent: missed - excusedCount,
    // Neither attended nor missed: `not-recorded`, and sessions with no record at all.
    notRecorded: offered - attended - missed,
    missingRecords,
    rate: rateOf(attended, offered, "no-sessions-offered"),
    adjustedRate: rateOf(
      attended,
      offered - excusedCount,
      offered === 0 ? "no-sessions-offered" : "only-excused-absences",
    ),
    currentAbsenceStreak: current,
    longestAbsenceStreak: longest,
  };
}

function groupTotals(
  register: AttendanceRegister,
  members: readonly MemberAttendance[],
  excused: ExcusedAbsences,
): GroupAttendanceTotals {
  const byStatus = new Map<string, number>();
  for (const { session } of register.sessions) byStatus.set(session.status, (byStatus.get(session.status) ?? 0) + 1);
  let offered = 0;
  let attended = 0;
  let excusedCount = 0;
  let rateSum = 0;
  let rated = 0;
  let reason: Exclude<Rate["reason"], null> = "no-sessions-offered";
  for (const member of members) {
    offered += member.offered;
    attended += member.attended;
    excusedCount += member.excused;
    const rate = excused === "offered" ? member.rate : member.adjustedRate;
    if (rate.value === null) {
      if (rate.reason === "only-excused-absences") reason = rate.reason;
    } else {
      rateSum += rate.value;
      rated++;
    }
  }
  return {
    sessionsHeld: register.held.length,
    sessionsCancelled: byStatus.get("cancelled") ?? 0,
    sessionsNotTakenPlace: byStatus.get("did-not-take-place") ?? 0,
    sessionsScheduled: byStatus.get("scheduled") ?? 0,
    offered,
    attended,
    excused: excusedCount,
    meanRate: rateOf(rateSum, rated, reason),
  };
}
