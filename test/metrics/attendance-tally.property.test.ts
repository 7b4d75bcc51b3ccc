import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { attendanceSummary } from "../../src/metrics/index";
import { planAttendance } from "../../src/metrics/offered";
import { foldInOrder, tallyOfGrid } from "../../src/metrics/tally";
import type { AttendanceRecord, AttendanceStatus, GroupRecord } from "../../src/model/index";
import { rawRecord, sessionId, thursdays } from "./attendance.fixture";

// attendanceSummary folds the records in one pass when each client's records come in session order, and reads them
// into the full grid otherwise. These properties hold the two readings to the same answer on messy records: people
// who left and came back, facilitators, cancelled sessions, unknown people and sessions, duplicates.
const STATUSES: readonly AttendanceStatus[] = ["present", "late", "left-early", "excused", "absent", "not-recorded"];

const messyRecords = fc.integer({ min: 1, max: 9 }).chain((sessionCount) => {
  const days = thursdays(sessionCount).map((start) => start.slice(0, 10));
  const dayIndex = fc.integer({ min: 0, max: sessionCount - 1 });
  const period = fc
    .tuple(dayIndex, dayIndex, fc.boolean())
    .map(([a, b, open]) => ({ start: days[Math.min(a, b)] as string, ...(open ? {} : { end: days[Math.max(a, b)] }) }));
  const person = fc.record({
    role: fc.constantFrom("member", "member", "member", "co-facilitator" as const),
    periods: fc.array(fc.option(period, { nil: undefined }), { minLength: 1, maxLength: 3 }),
  });
  return fc.record({
    statuses: fc.array(fc.constantFrom("held", "held", "held", "cancelled" as const), {
      minLength: sessionCount,
      maxLength: sessionCount,
    }),
    people: fc.array(person, { minLength: 1, maxLength: 4 }),
    records: fc.array(
      fc.record({
        // One past the last session and one past the last person name nobody in the record.
        session: fc.integer({ min: 0, max: sessionCount }),
        person: fc.integer({ min: 0, max: 4 }),
        status: fc.constantFrom(...STATUSES),
      }),
      { maxLength: 40 },
    ),
    excused: fc.constantFrom("offered", "not-offered" as const),
    asOf: fc.option(fc.constantFrom(...days), { nil: undefined }),
  });
});

function recordOf(generated: MessyRecord): GroupRecord {
  const sessions = thursdays(generated.statuses.length).map((start, index) => ({
    start,
    status: generated.statuses[index] as "held" | "cancelled",
  }));
  const base = rawRecord({ sessions, people: [] });
  const memberships = generated.people.flatMap((person, index) =>
    person.periods.map((period) => ({
      groupId: base.group.id,
      memberId: `p${index}`,
      role: person.role,
      inactive: false,
      ...(period === undefined ? {} : { period }),
    })),
  );
  const attendance = generated.records.map(
    ({ session, person, status }) =>
      ({ sessionId: sessionId(session), memberId: `p${person}`, status }) as AttendanceRecord,
  );
  return { ...base, memberships, attendance } as unknown as GroupRecord;
}
type MessyRecord = typeof messyRecords extends fc.Arbitrary<infer T> ? T : never;

/** The records in the order of their sessions' days (records of unknown sessions first), keeping ties in place. */
function inSessionOrder(record: GroupRecord, asOf: string | undefined): GroupRecord {
  const plan = planAttendance(record, asOf, "test");
  const position = new Map<string, number>(plan.sessions.map((dated, index) => [dated.session.id, index]));
  const attendance = record.attendance
    .map((entry, index) => ({ entry, index, at: position.get(entry.sessionId) ?? -1 }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map(({ entry }) => entry);
  return { ...record, attendance };
}

describe("the one-pass tally and the grid agree", () => {
  test.prop([messyRecords])("in any order, the one pass gives the grid's answer whenever it does not stop", (messy) => {
    const record = recordOf(messy);
    const plan = planAttendance(record, messy.asOf, "test");
    const folded = foldInOrder(record, plan, messy.excused, "test");
    const grid = tallyOfGrid(record, plan, messy.excused, "test");
    if (folded !== undefined) expect(folded).toEqual(grid);
  });

  test.prop([messyRecords])(
    "records in session order never stop the one pass, and it gives the grid's answer",
    (messy) => {
      const record = inSessionOrder(recordOf(messy), messy.asOf);
      const plan = planAttendance(record, messy.asOf, "test");
      const folded = foldInOrder(record, plan, messy.excused, "test");
      expect(folded).toEqual(tallyOfGrid(record, plan, messy.excused, "test"));
    },
  );
});

describe("attendanceSummary reads records out of session order through the grid", () => {
  // One client, three weekly sessions; the register for the second session arrives last.
  const record = rawRecord({ sessions: thursdays(3), people: [{ id: "p0", row: "A . P" }] });
  const late = { ...record, attendance: [...record.attendance, { sessionId: "s2", memberId: "p0", status: "absent" }] };

  it("stops the one pass at the record for an earlier session", () => {
    const plan = planAttendance(late as GroupRecord, undefined, "test");
    expect(foldInOrder(late as GroupRecord, plan, "offered", "test")).toBeUndefined();
  });

  it("still counts the late record, in its session's place in the streak", () => {
    // Absent, absent, present: a run of two, closed by the third session.
    const [client] = attendanceSummary(late as GroupRecord).members;
    expect(client).toMatchObject({ offered: 3, absent: 2, attended: 1, missingRecords: 0 });
    expect([client?.currentAbsenceStreak, client?.longestAbsenceStreak]).toEqual([0, 2]);
  });

  it("lists a second record for a session as a duplicate, whether or not other sessions came between", () => {
    const twice = {
      ...record,
      attendance: [...record.attendance, { sessionId: "s1", memberId: "p0", status: "present" }],
    } as GroupRecord;
    const summary = attendanceSummary(twice);
    expect(summary.notCounted).toEqual([{ index: 2, sessionId: "s1", memberId: "p0", reason: "duplicate" }]);
    // The first record counts: absent at s1.
    expect(summary.members[0]).toMatchObject({ absent: 1, attended: 1, missingRecords: 1 });
  });
});
