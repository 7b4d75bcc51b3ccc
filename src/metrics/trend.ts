import { TZDate, tz } from "@date-fns/tz";
import { addMonths, addWeeks, endOfMonth, endOfWeek, startOfMonth, startOfWeek } from "date-fns";
import { localDate } from "../_lib/calendar.js";
import { instantTime } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { SessionId } from "../model/index.js";
import { rateOf, readAsOf, readOptions } from "./read-options.js";
import { offeredSessions, readRegister } from "./register.js";
import type { AttendanceSource, Rate } from "./source.js";

/**
 * A day of the week as date-fns numbers it: 0 Sunday, 1 Monday, …, 6 Saturday.
 *
 * @example
 * // Weeks starting on Thursday, the sample group's meeting day
 * attendanceTrend(sampleGroupRecord, { interval: "week", weekStartsOn: 4 }).buckets[0]?.start
 * //=> "2026-02-05"
 */
export type WeekDay = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Options of {@link attendanceTrend}.
 *
 * @example
 * attendanceTrend(sampleGroupRecord, { interval: "month", asOf: "2026-02-28" }).buckets.length
 * //=> 1
 */
export interface AttendanceTrendOptions {
  /** The calendar bucket: `"week"` or `"month"`, in the group's time zone. */
  readonly interval: "week" | "month";
  /** The first day of a week, 0 (Sunday) to 6 (Saturday); 1, Monday, by default (ISO 8601). */
  readonly weekStartsOn?: WeekDay | undefined;
  /** The last day to count, `YYYY-MM-DD` in the group's time zone; absent: every session in the record. */
  readonly asOf?: string | undefined;
}

/**
 * One calendar bucket of {@link AttendanceTrend.buckets}.
 *
 * @example
 * const [february] = attendanceTrend(sampleGroupRecord, { interval: "month" }).buckets;
 * [february?.start, february?.end, february?.offered, february?.attended, february?.sessionsNotHeld]
 * //=> ["2026-02-01", "2026-02-28", 32, 30, 0]
 */
export interface AttendanceTrendBucket {
  /** First day of the bucket, `YYYY-MM-DD` in the group's time zone. */
  readonly start: string;
  /** Last day of the bucket (inclusive). */
  readonly end: string;
  /** Held sessions whose day falls in the bucket, in order. */
  readonly sessionIds: readonly SessionId[];
  /** Sessions in the bucket that were cancelled, did not take place or are still scheduled. */
  readonly sessionsNotHeld: number;
  /** Offered sessions in the bucket, summed over clients (as in {@link attendanceSummary}). */
  readonly offered: number;
  /** Attended sessions in the bucket, summed over clients. */
  readonly attended: number;
  /** Excused absences in the bucket, summed over clients. */
  readonly excused: number;
  /** `attended ÷ offered`: excused absences count as offered. `null` in a bucket with no held session. */
  readonly rate: Rate;
  /** `attended ÷ (offered − excused)`: excused absences left out. */
  readonly adjustedRate: Rate;
}

/**
 * The result of {@link attendanceTrend}.
 *
 * @example
 * const trend = attendanceTrend(sampleGroupRecord, { interval: "month" });
 * [trend.interval, trend.weekStartsOn, trend.timeZone, trend.buckets.length]
 * //=> ["month", 1, "America/Chicago", 3]
 */
export interface AttendanceTrend {
  /** The bucket asked for. */
  readonly interval: "week" | "month";
  /** The first day of a week used (also reported for months, where it plays no part). */
  readonly weekStartsOn: WeekDay;
  /** The time zone the buckets are days of: the group's. */
  readonly timeZone: string;
  /**
   * Every bucket from the one holding the first session to the one holding the last (any status), in order; weeks or
   * months with no session are there with a `null` rate, so a chart shows the gap.
   */
  readonly buckets: readonly AttendanceTrendBucket[];
}

/**
 * Attendance rates per week or month, on the group's own calendar.
 *
 * Each session counts in the bucket holding the day it is scheduled to start on in the group's time zone (so an
 * evening session is never moved to the next day by UTC, and a daylight-saving change does not move a session between
 * weeks). Offered and attended follow {@link attendanceSummary}, so the buckets' offered sessions add up to the
 * summary's. Buckets are computed with date-fns and `@date-fns/tz` in the group's zone, never the computer's.
 *
 * @param record - the group record (a parsed `GroupRecord`, or its group, memberships, sessions and attendance)
 * @param options - the bucket (`"week"` or `"month"`), the first day of a week, and the last day to count
 * @returns the buckets in calendar order, with offered, attended and both rates
 * @throws {GroupworkError} `invalid-argument` when the record is not a group record (as for
 *   {@link attendanceSummary}), the options are outside their types or hold a key other than `interval`,
 *   `weekStartsOn` and `asOf`, or the sessions span more than 10,000 weeks or months (a mistyped year; names the first
 *   and last session), refused before any bucket is built
 * @example
 * const months = attendanceTrend(sampleGroupRecord, { interval: "month" }).buckets;
 * months.map((month) => [month.start, month.sessionIds.length, month.offered, month.attended])
 * //=> [["2026-02-01", 4, 32, 30], ["2026-03-01", 3, 24, 20], ["2026-04-01", 4, 28, 26]]
 */
export function attendanceTrend(record: AttendanceSource, options: AttendanceTrendOptions): AttendanceTrend {
  const caller = "attendanceTrend";
  const read = readOptions(options, caller, ["interval", "weekStartsOn", "asOf"]);
  const interval = read.interval;
  if (interval !== "week" && interval !== "month") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: interval must be "week" or "month"; got ${describeValue(interval)}.`,
    );
  }
  const weekStartsOn = read.weekStartsOn ?? 1;
  if (!Number.isInteger(weekStartsOn) || weekStartsOn < 0 || weekStartsOn > 6) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: weekStartsOn must be a whole number from 0 (Sunday) to 6 (Saturday); got ${describeValue(weekStartsOn)}.`,
    );
  }
  const register = readRegister(record, readAsOf(read.asOf, caller), caller);
  const { timeZone } = record.group;
  const calendar = new BucketCalendar(interval, weekStartsOn, timeZone);

  // Buckets from the first session's to the last's; each session's bucket by its own start instant in the zone.
  const first = register.sessions[0];
  const last = register.sessions[register.sessions.length - 1];
  if (first === undefined || last === undefined) return { interval, weekStartsOn, timeZone, buckets: [] };
  const count = bucketCount(interval, weekStartsOn, first.day, last.day);
  // A count below 1 or NaN means a day that cannot be read; it is refused too, never walked.
  if (!(count >= 1 && count <= MOST_BUCKETS)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: the sessions run from ${describeValue(first.id)} on ${first.day} to ${describeValue(last.id)} on ${last.day}, which would make ${count >= 1 && Number.isFinite(count) ? count.toLocaleString("en-US") : "too many"} ${interval}s, more than the ${MOST_BUCKETS.toLocaleString("en-US")} buckets a trend holds; check those sessions' dates${interval === "week" ? ', or ask for a longer interval ("month")' : ""}.`,
    );
  }
  const starts: string[] = [];
  const ends: string[] = [];
  const lastStart = calendar.startOf(instantTime(last.session.scheduledStart));
  for (let start = calendar.startOf(instantTime(first.session.scheduledStart)); ; start = calendar.next(start)) {
    starts.push(localDate(start, timeZone));
    ends.push(localDate(calendar.endOf(start), timeZone));
    if (start.getTime() >= lastStart.getTime()) break;
  }
  // Sessions come in calendar order, so the bucket only ever moves forward.
  let current = 0;
  const bucketOf = (day: string): number => {
    while (current + 1 < starts.length && (starts[current + 1] as string) <= day) current++;
    return current;
  };

  const tallies = starts.map(() => ({
    sessionIds: [] as SessionId[],
    notHeld: 0,
    offered: 0,
    attended: 0,
    excused: 0,
  }));
  // The bucket of each held session, by its position among them.
  const heldBucket: number[] = [];
  for (const dated of register.sessions) {
    const bucket = bucketOf(dated.day);
    // Buckets run from the first session's to the last's, so every session has one.
    const tally = tallies[bucket] as (typeof tallies)[number];
    if (dated.heldIndex >= 0) {
      tally.sessionIds.push(dated.id);
      heldBucket[dated.heldIndex] = bucket;
    } else tally.notHeld++;
  }
  for (const client of register.clients) {
    const { statuses } = client;
    offeredSessions(register, client).forEach((dated, position) => {
      // Every offered session is a held one, and every held session has its bucket.
      const tally = tallies[heldBucket[dated.heldIndex] as number] as (typeof tallies)[number];
      const status = statuses[position];
      tally.offered++;
      if (status?.attended === true) tally.attended++;
      else if (status?.code === "excused") tally.excused++;
    });
  }
  const buckets = tallies.map((tally, index) => ({
    start: starts[index] as string,
    end: ends[index] as string,
    sessionIds: tally.sessionIds,
    sessionsNotHeld: tally.notHeld,
    offered: tally.offered,
    attended: tally.attended,
    excused: tally.excused,
    rate: rateOf(tally.attended, tally.offered, "no-sessions-offered"),
    adjustedRate: rateOf(
      tally.attended,
      tally.offered - tally.excused,
      tally.offered === 0 ? "no-sessions-offered" : "only-excused-absences",
    ),
  }));
  return { interval, weekStartsOn, timeZone, buckets };
}

// The most buckets a trend holds: 10,000 weeks is 192 years and 10,000 months 833, far beyond any group's life, so a
// longer span means a mistyped year (3026 for 2026: 52,000 weeks). Each bucket is a few date-fns calls in the group's
// zone, so 10,000 take about 0.4 s on a busy two-core machine, and a longer span seconds to build a chart of empty
// buckets no one can read (a year 9999 span, minutes). Refused before any bucket is built.
const MOST_BUCKETS = 10_000;

const DAY_MS = 86_400_000;

/**
 * How many weeks or months run from the bucket of the day `first` to that of `last` (days `YYYY-MM-DD`, `last` not
 * before `first`), worked out from the days alone so a span is measured before any bucket is built; NaN for a day
 * that cannot be read.
 */
function bucketCount(interval: "week" | "month", weekStartsOn: WeekDay, first: string, last: string): number {
  const [firstYear, firstMonth] = first.split("-").map(Number) as [number, number];
  const [lastYear, lastMonth] = last.split("-").map(Number) as [number, number];
  if (interval === "month") return (lastYear - firstYear) * 12 + (lastMonth - firstMonth) + 1;
  // Days counted from 1970-01-01, a Thursday (day 4 of the week as date-fns numbers them).
  const firstDay = Date.parse(`${first}T00:00:00Z`) / DAY_MS;
  const lastDay = Date.parse(`${last}T00:00:00Z`) / DAY_MS;
  const weekStart = firstDay - ((((firstDay + 4 - weekStartsOn) % 7) + 7) % 7);
  return Math.floor((lastDay - weekStart) / 7) + 1;
}

/** Weeks or months on a time zone's calendar, with date-fns and `@date-fns/tz`. */
class BucketCalendar {
  private readonly zone: ReturnType<typeof tz>;

  constructor(
    private readonly interval: "week" | "month",
    private readonly weekStartsOn: WeekDay,
    private readonly timeZone: string,
  ) {
    this.zone = tz(timeZone);
  }

  startOf(time: number): TZDate {
    const date = new TZDate(time, this.timeZone);
    return this.interval === "week"
      ? startOfWeek(date, { weekStartsOn: this.weekStartsOn, in: this.zone })
      : startOfMonth(date, { in: this.zone });
  }

  next(start: TZDate): TZDate {
    return this.interval === "week" ? addWeeks(start, 1, { in: this.zone }) : addMonths(start, 1, { in: this.zone });
  }

  endOf(start: TZDate): TZDate {
    return this.interval === "week"
      ? endOfWeek(start, { weekStartsOn: this.weekStartsOn, in: this.zone })
      : endOfMonth(start, { in: this.zone });
  }
}
