// Buckets are days of the group's own calendar, whatever the computer's zone: this file runs under TZ=UTC,
// America/New_York and Pacific/Chatham (npm run test:tz) with the same expectations.
import { describe, expect, it } from "vitest";
import { attendanceSummary, attendanceTrend } from "../../src/metrics/index";
import { GroupworkError } from "../../src/model/index";
import { parsedRecord, rawRecord } from "./attendance.fixture";

describe("attendanceTrend near the edges of a bucket", () => {
  // Sunday 8 March 2026, 23:30 in Chicago, the day daylight saving time starts: 04:30 on Monday in UTC.
  const sundayNight = "2026-03-08T23:30:00-05:00";
  // Tuesday 31 March 2026, 23:30 in Chicago: already 1 April in UTC.
  const monthEnd = "2026-03-31T23:30:00-05:00";
  const record = parsedRecord({
    sessions: [
      "2026-03-05T18:00:00-06:00",
      sundayNight,
      "2026-03-09T18:00:00-05:00",
      monthEnd,
      "2026-04-01T18:00:00-05:00",
    ],
    people: [{ id: "m-one", row: "P A P A P" }],
  });

  it("puts a Sunday 23:30 session in the week that started on Monday, not the next one", () => {
    const weeks = attendanceTrend(record, { interval: "week" });
    expect(weeks.weekStartsOn).toBe(1);
    expect(weeks.timeZone).toBe("America/Chicago");
    expect(weeks.buckets.map((week) => [week.start, week.end, week.sessionIds])).toEqual([
      ["2026-03-02", "2026-03-08", ["s1", "s2"]],
      ["2026-03-09", "2026-03-15", ["s3"]],
      ["2026-03-16", "2026-03-22", []],
      ["2026-03-23", "2026-03-29", []],
      ["2026-03-30", "2026-04-05", ["s4", "s5"]],
    ]);
    expect(weeks.buckets[0]?.rate).toEqual({ value: 1 / 2, reason: null });
    expect(weeks.buckets[2]?.rate).toEqual({ value: null, reason: "no-sessions-offered" });
  });

  it("starts a new week on Sunday when weeks start on Sunday", () => {
    const weeks = attendanceTrend(record, { interval: "week", weekStartsOn: 0 });
    expect(weeks.buckets.slice(0, 2).map((week) => [week.start, week.end, week.sessionIds])).toEqual([
      ["2026-03-01", "2026-03-07", ["s1"]],
      ["2026-03-08", "2026-03-14", ["s2", "s3"]],
    ]);
  });

  it("keeps a 23:30 session on the last day of the month in that month", () => {
    const months = attendanceTrend(record, { interval: "month" });
    expect(
      months.buckets.map((month) => [month.start, month.end, month.sessionIds, month.offered, month.attended]),
    ).toEqual([
      ["2026-03-01", "2026-03-31", ["s1", "s2", "s3", "s4"], 4, 2],
      ["2026-04-01", "2026-04-30", ["s5"], 1, 1],
    ]);
  });

  it("reads the calendar of a zone 13¾ hours ahead of UTC", () => {
    // 00:15 on 1 January in Chatham is still 31 December in UTC.
    const chatham = parsedRecord({
      timeZone: "Pacific/Chatham",
      sessions: ["2025-12-31T23:00:00+13:45", "2026-01-01T00:15:00+13:45"],
      people: [{ id: "m-one", row: "P X" }],
    });
    const months = attendanceTrend(chatham, { interval: "month" });
    expect(months.buckets.map((month) => [month.start, month.sessionIds, month.excused])).toEqual([
      ["2025-12-01", ["s1"], 0],
      ["2026-01-01", ["s2"], 1],
    ]);
    expect(months.buckets[1]?.adjustedRate).toEqual({ value: null, reason: "only-excused-absences" });
  });
});

describe("attendanceTrend totals", () => {
  it("adds up to the summary's offered and attended, and stops at asOf", () => {
    const record = parsedRecord({
      sessions: ["2026-01-08T18:00:00-06:00", "2026-01-15T18:00:00-06:00", "2026-02-12T18:00:00-06:00"],
      people: [
        { id: "m-a", row: "P A P" },
        { id: "m-b", row: ". P L", period: { start: "2026-01-10" } },
      ],
    });
    const months = attendanceTrend(record, { interval: "month" }).buckets;
    const summary = attendanceSummary(record).group;
    expect(months.reduce((sum, month) => sum + month.offered, 0)).toBe(summary.offered);
    expect(months.reduce((sum, month) => sum + month.attended, 0)).toBe(summary.attended);
    expect(attendanceTrend(record, { interval: "month", asOf: "2026-01-31" }).buckets.map((m) => m.start)).toEqual([
      "2026-01-01",
    ]);
  });

  it("has no bucket when there is no session", () => {
    const record = parsedRecord({ sessions: [], people: [{ id: "m-a", row: "" }] });
    expect(attendanceTrend(record, { interval: "week" }).buckets).toEqual([]);
  });

  it("refuses an unknown interval or first day of the week", () => {
    const record = parsedRecord({ sessions: [], people: [] });
    expect(() => attendanceTrend(record, { interval: "fortnight" as "week" })).toThrow(GroupworkError);
    expect(() => attendanceTrend(record, { interval: "week", weekStartsOn: 7 as 0 })).toThrow(/weekStartsOn/);
    expect(() => attendanceTrend(record, { interval: "week", weekStartsOn: 1.5 as 1 })).toThrow(/weekStartsOn/);
    expect(() => attendanceTrend(record, undefined as unknown as { interval: "week" })).toThrow(/interval must be/);
  });
});

describe("attendanceTrend refuses a span of more than 10,000 buckets before building one", () => {
  // Thursday 8 January 2026 falls in the week that starts on Monday 5 January. 10,000 weeks are 70,000 days, so the
  // 10,000th week runs from Monday 25 August to Sunday 31 August 2217 and the 10,001st starts on 1 September 2217
  // (worked out by day counts: 5 January 2026 + 70,000 days).
  const spanning = (last: string) =>
    rawRecord({ sessions: ["2026-01-08T18:00:00-06:00", last], people: [{ id: "m-a", row: "P P" }] });

  it("builds exactly 10,000 weekly buckets", () => {
    const { buckets } = attendanceTrend(spanning("2217-08-31T18:00:00-05:00"), { interval: "week" });
    expect(buckets).toHaveLength(10_000);
    expect([buckets[0]?.start, buckets[9_999]?.start, buckets[9_999]?.end]).toEqual([
      "2026-01-05",
      "2217-08-25",
      "2217-08-31",
    ]);
  });

  it("refuses 10,001 weeks, naming the first and last session and suggesting months", () => {
    expect(() => attendanceTrend(spanning("2217-09-01T18:00:00-05:00"), { interval: "week" })).toThrow(
      'attendanceTrend: the sessions run from "s1" on 2026-01-08 to "s2" on 2217-09-01, which would make 10,001 weeks, more than the 10,000 buckets a trend holds; check those sessions\' dates, or ask for a longer interval ("month").',
    );
  });

  it("refuses 10,001 months: January 2026 to May 2859", () => {
    // January 2026 + 10,000 months is May 2859 (10,000 = 833 × 12 + 4).
    expect(() => attendanceTrend(spanning("2859-05-10T18:00:00-05:00"), { interval: "month" })).toThrow(
      /from "s1" on 2026-01-08 to "s2" on 2859-05-10, which would make 10,001 months, more than the 10,000 buckets a trend holds; check those sessions' dates\.$/,
    );
  });

  it("refuses a year typed 3026 for 2026 at once, instead of building 52,000 empty weeks", () => {
    const started = performance.now();
    expect(() => attendanceTrend(spanning("3026-04-23T18:00:00-05:00"), { interval: "week" })).toThrow(
      /which would make 52,193 weeks/,
    );
    // Building 52,000 buckets took over a second; the refusal reads two days.
    expect(performance.now() - started).toBeLessThan(500);
  });
});
