import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { absenceStreaks, attendanceSummary, attendanceTrend, retentionCurve } from "../../src/metrics/index";
import { attendanceStatuses, exitReasons, type SessionStatus } from "../../src/model/index";
import { type PersonRow, rawRecord } from "./attendance.fixture";

// Records of up to 10 sessions and 6 people, with any statuses, periods, gaps and exits. Periods are days of January
// and February 2026; sessions fall on random days and times of the same two months.
const MARKS = ["P", "L", "E", "X", "A", "N", "."] as const;
const day = fc.integer({ min: 1, max: 59 }).map((n) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10));

const session = fc.record({
  day,
  hour: fc.integer({ min: 0, max: 23 }),
  status: fc.constantFrom<SessionStatus>("held", "held", "held", "cancelled", "did-not-take-place", "scheduled"),
});

const person = (sessions: number, index: number) =>
  fc
    .record({
      marks: fc.array(fc.constantFrom(...MARKS), { minLength: sessions, maxLength: sessions }),
      period: fc.option(fc.tuple(day, fc.option(day, { nil: undefined })), { nil: undefined }),
      exitReason: fc.option(fc.constantFrom(...exitReasons.codes), { nil: undefined }),
      role: fc.constantFrom("member", "member", "member", "facilitator" as const),
    })
    .map(({ marks, period, exitReason, role }): PersonRow => {
      const [start, end] = period ?? [];
      return {
        id: `p${index}`,
        row: marks.join(" "),
        role: role as PersonRow["role"],
        ...(start === undefined ? {} : { period: end === undefined || end < start ? { start } : { start, end } }),
        ...(exitReason === undefined ? {} : { exitReason }),
      };
    });

const records = fc.array(session, { maxLength: 10 }).chain((sessions) =>
  fc
    .integer({ min: 0, max: 6 })
    .chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => person(sessions.length, index))))
    .map((people) =>
      rawRecord({
        timeZone: "America/Chicago",
        sessions: sessions.map((s) => ({
          start: `${s.day}T${String(s.hour).padStart(2, "0")}:30:00-06:00`,
          status: s.status,
        })),
        people,
      }),
    ),
);

describe("attendance properties", () => {
  test.prop([records, fc.constantFrom("offered", "not-offered" as const)])(
    "each client's counts add up to the sessions offered, and streaks fit inside them",
    (record, excused) => {
      for (const m of attendanceSummary(record, { excused }).members) {
        expect(m.attended + m.excused + m.absent + m.notRecorded).toBe(m.offered);
        expect(m.present + m.late + m.leftEarly).toBe(m.attended);
        expect(m.missingRecords).toBeLessThanOrEqual(m.notRecorded);
        expect(m.longestAbsenceStreak).toBeLessThanOrEqual(m.offered - m.attended);
        expect(m.currentAbsenceStreak).toBeLessThanOrEqual(m.longestAbsenceStreak);
        if (m.rate.value !== null) expect(m.rate.value).toBeGreaterThanOrEqual(0);
        if (m.adjustedRate.value !== null) expect(m.adjustedRate.value).toBeLessThanOrEqual(1);
      }
    },
  );

  test.prop([records, fc.constantFrom("week", "month" as const), fc.integer({ min: 0, max: 6 })])(
    "the trend's buckets add up to the summary's offered and attended totals",
    (record, interval, weekStartsOn) => {
      const summary = attendanceSummary(record).group;
      const buckets = attendanceTrend(record, { interval, weekStartsOn: weekStartsOn as 0 }).buckets;
      expect(buckets.reduce((sum, bucket) => sum + bucket.offered, 0)).toBe(summary.offered);
      expect(buckets.reduce((sum, bucket) => sum + bucket.attended, 0)).toBe(summary.attended);
      expect(buckets.reduce((sum, bucket) => sum + bucket.sessionIds.length, 0)).toBe(summary.sessionsHeld);
      for (let index = 1; index < buckets.length; index++) {
        expect((buckets[index - 1]?.end ?? "") < (buckets[index]?.start ?? "")).toBe(true);
      }
    },
  );

  test.prop([records])("survival never increases and stays within [0, 1]", (record) => {
    let previous = 1;
    for (const step of retentionCurve(record).steps) {
      expect(step.survival).toBeLessThanOrEqual(previous);
      expect(step.survival).toBeGreaterThanOrEqual(0);
      expect(step.events + step.censored).toBeLessThanOrEqual(step.atRisk);
      previous = step.survival;
    }
  });

  test.prop([fc.array(fc.constantFrom(...attendanceStatuses.codes), { maxLength: 30 })])(
    "absence runs are bounded by the sessions given and never overlap",
    (statuses) => {
      const streaks = absenceStreaks(statuses);
      const total = streaks.runs.reduce((sum, run) => sum + run.length, 0);
      expect(total).toBeLessThanOrEqual(statuses.length);
      expect(streaks.longest).toBeLessThanOrEqual(statuses.length);
      for (let index = 1; index < streaks.runs.length; index++) {
        expect(streaks.runs[index - 1]?.last ?? 0).toBeLessThan(streaks.runs[index]?.first ?? 0);
      }
    },
  );
});
