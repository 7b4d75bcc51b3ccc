import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { absenceStreaks, attendanceSummary } from "../../src/metrics/index";
import type { AttendanceStatus } from "../../src/model/index";
import { rawRecord, thursdays } from "./attendance.fixture";

// attendanceSummary reads the records in one pass and guesses the next client from the last one; these properties
// hold it to answers that do not depend on the order of the records, and to absenceStreaks for the streaks.
const MARKS = ["P", "L", "E", "X", "A", "N", "."] as const;
const STATUS: Readonly<Record<string, AttendanceStatus>> = {
  P: "present",
  L: "late",
  E: "left-early",
  X: "excused",
  A: "absent",
  N: "not-recorded",
  ".": "not-recorded", // no record at all reads as not recorded in a streak
};

const grids = fc.integer({ min: 1, max: 8 }).chain((sessions) =>
  fc.array(fc.array(fc.constantFrom(...MARKS), { minLength: sessions, maxLength: sessions }), {
    minLength: 1,
    maxLength: 5,
  }),
);
const recordOf = (grid: readonly (readonly string[])[]) =>
  rawRecord({
    sessions: thursdays(grid[0]?.length ?? 0),
    people: grid.map((marks, index) => ({ id: `p${index}`, row: marks.join(" ") })),
  });

describe("attendanceSummary does not depend on the order of the records", () => {
  test.prop([grids, fc.func(fc.integer()), fc.constantFrom("offered", "not-offered" as const)])(
    "any order of the attendance gives the same clients and totals",
    (grid, key, excused) => {
      const record = recordOf(grid);
      // A permutation decided by the generated function, so shrinking finds a small one.
      const shuffled = record.attendance
        .map((entry, index) => ({ entry, rank: key(index) }))
        .sort((a, b) => a.rank - b.rank)
        .map(({ entry }) => entry);
      // Grouped by session, in roster order: the layout the one-pass reading guesses.
      const bySession = [...record.attendance].sort((a, b) => a.sessionId.localeCompare(b.sessionId));
      const expected = attendanceSummary(record, { excused });
      for (const attendance of [shuffled, bySession]) {
        const summary = attendanceSummary({ ...record, attendance }, { excused });
        expect(summary.members).toEqual(expected.members);
        expect(summary.group).toEqual(expected.group);
      }
    },
  );

  test.prop([grids, fc.constantFrom("offered", "not-offered" as const)])(
    "each client's streaks are absenceStreaks of their statuses",
    (grid, excused) => {
      const summary = attendanceSummary(recordOf(grid), { excused });
      grid.forEach((marks, index) => {
        const streaks = absenceStreaks(
          marks.map((mark) => STATUS[mark] ?? "not-recorded"),
          { excused },
        );
        const member = summary.members[index];
        expect([member?.currentAbsenceStreak, member?.longestAbsenceStreak]).toEqual([
          streaks.current,
          streaks.longest,
        ]);
      });
    },
  );
});
