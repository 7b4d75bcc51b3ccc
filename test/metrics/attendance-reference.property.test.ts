import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { attendanceSummary } from "../../src/metrics/index";
import type { AttendanceRecord, AttendanceStatus, GroupRecord, SessionStatus } from "../../src/model/index";
import { rawRecord } from "./attendance.fixture";

// attendanceSummary held to a reference written here from the definitions, one client and one session at a time, on
// messy records in any order: several sessions on one day, sessions not held, people who left and came back (or hold
// a facilitator membership too), records of unknown people and sessions, duplicates.
const STATUSES: readonly AttendanceStatus[] = ["present", "late", "left-early", "excused", "absent", "not-recorded"];
const ATTENDED: ReadonlySet<string> = new Set(["present", "late", "left-early"]);
const MISSED: ReadonlySet<string> = new Set(["excused", "absent"]);

/** Day `n` of January 2026 (1–28). */
const dayOf = (n: number) => `2026-01-${String(n).padStart(2, "0")}`;

interface MembershipPlan {
  readonly role: "member" | "co-facilitator";
  readonly period: { readonly start: string; readonly end?: string } | undefined;
}

/** Two client memberships with days between them: someone who left and came back. */
const leftAndCameBack: fc.Arbitrary<readonly MembershipPlan[]> = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 3, max: 6 }))
  .map(([start, length, gap]) => [
    { role: "member", period: { start: dayOf(start), end: dayOf(start + length) } },
    { role: "member", period: { start: dayOf(start + length + gap) } },
  ]);

const messyRecords = fc.integer({ min: 1, max: 10 }).chain((sessionCount) =>
  fc.record({
    // Days in order with repeats (two sessions on one day), each with its hour and status.
    sessions: fc
      .array(
        fc.record({
          day: fc.integer({ min: 1, max: 14 }),
          hour: fc.integer({ min: 8, max: 20 }),
          status: fc.constantFrom<SessionStatus>(
            "held",
            "held",
            "held",
            "cancelled",
            "did-not-take-place",
            "scheduled",
          ),
        }),
        { minLength: sessionCount, maxLength: sessionCount },
      )
      .map((list) => [...list].sort((a, b) => a.day - b.day || a.hour - b.hour)),
    people: fc.array(
      fc.record({
        // Each membership: its role, and its period as days (start, and an end or none). Every other person left and
        // came back: two client memberships with days between them.
        memberships: fc.oneof(
          fc.array(
            fc.record({
              role: fc.constantFrom("member", "member", "member", "co-facilitator" as const),
              period: fc.option(
                fc
                  .tuple(fc.integer({ min: 1, max: 14 }), fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }))
                  .map(([start, length]) => ({
                    start: dayOf(start),
                    ...(length === undefined ? {} : { end: dayOf(Math.min(14, start + length)) }),
                  })),
                { nil: undefined, freq: 4 },
              ),
            }),
            { minLength: 1, maxLength: 3 },
          ),
          leftAndCameBack,
        ) as fc.Arbitrary<readonly MembershipPlan[]>,
        // Per session: no record, one, or two (the second a duplicate with its own status).
        cells: fc.array(fc.array(fc.constantFrom(...STATUSES), { maxLength: 2 }), {
          minLength: sessionCount,
          maxLength: sessionCount,
        }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    // Records naming a session or a person the record does not hold (they come first, so the rest stays in order).
    strays: fc.array(
      fc.oneof(
        fc.record({ session: fc.constant(99), person: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ session: fc.integer({ min: 0, max: sessionCount - 1 }), person: fc.constant(99) }),
      ),
      { maxLength: 3 },
    ),
    // Session order as registers come, or a shuffle (a key per record).
    shuffle: fc.option(fc.array(fc.integer(), { minLength: 100, maxLength: 100 }), { nil: undefined, freq: 2 }),
    excused: fc.constantFrom("offered", "not-offered" as const),
    asOf: fc.option(fc.integer({ min: 1, max: 14 }).map(dayOf), { nil: undefined }),
  }),
);
type MessyRecord = typeof messyRecords extends fc.Arbitrary<infer T> ? T : never;

// The same shape narrowed to what the messy records rarely reach: a held session every day for two weeks, and every
// person left and came back, so most have records in both stretches.
const cameBackRecords: fc.Arbitrary<MessyRecord> = fc.record({
  sessions: fc.constant(
    Array.from({ length: 14 }, (_, index) => ({ day: index + 1, hour: 18, status: "held" as const })),
  ),
  people: fc.array(
    fc.record({
      memberships: leftAndCameBack,
      cells: fc.array(fc.array(fc.constantFrom(...STATUSES), { minLength: 1, maxLength: 2 }), {
        minLength: 14,
        maxLength: 14,
      }),
    }),
    { minLength: 1, maxLength: 3 },
  ),
  strays: fc.constant([]),
  shuffle: fc.option(fc.array(fc.integer(), { minLength: 100, maxLength: 100 }), { nil: undefined, freq: 2 }),
  excused: fc.constantFrom("offered", "not-offered" as const),
  asOf: fc.option(fc.integer({ min: 1, max: 14 }).map(dayOf), { nil: undefined }),
});

function recordOf(messy: MessyRecord): GroupRecord {
  const starts = messy.sessions.map(({ day, hour }) => ({
    start: `${dayOf(day)}T${String(hour).padStart(2, "0")}:00:00-06:00`,
  }));
  const base = rawRecord({ sessions: starts, people: [] });
  const sessions = base.sessions.map((session, index) => ({
    ...session,
    status: messy.sessions[index]?.status ?? "held",
  }));
  const memberships = messy.people.flatMap((person, index) =>
    person.memberships.map(({ role, period }) => ({
      groupId: base.group.id,
      memberId: `p${index}`,
      role,
      inactive: false,
      ...(period === undefined ? {} : { period }),
    })),
  );
  // Strays first, then records grouped by session, people in roster order, a duplicate right after its first record.
  const attendance = messy.strays.map(({ session, person }) => ({
    sessionId: `s${session + 1}`,
    memberId: `p${person}`,
    status: "present",
  }));
  sessions.forEach((session, position) => {
    messy.people.forEach((person, index) => {
      for (const status of person.cells[position] ?? []) {
        attendance.push({ sessionId: session.id, memberId: `p${index}`, status });
      }
    });
  });
  if (messy.shuffle !== undefined) {
    const keys = messy.shuffle;
    const keyed = attendance.map((entry, index) => ({ entry, key: keys[index % keys.length] ?? 0, index }));
    keyed.sort((a, b) => a.key - b.key || a.index - b.index);
    attendance.splice(0, attendance.length, ...keyed.map(({ entry }) => entry));
  }
  return { ...base, sessions, memberships, attendance } as unknown as GroupRecord;
}

/** Day of a session's start: the offsets above are Chicago's in January, so the written date is the local day. */
const dayOfSession = (scheduledStart: string) => scheduledStart.slice(0, 10);

interface Expected {
  readonly members: readonly {
    memberId: string;
    offered: number;
    byStatus: Record<string, number>;
    missingRecords: number;
    current: number;
    longest: number;
  }[];
  readonly notCounted: readonly { index: number; reason: string }[];
}

/** The summary from the definitions, one client and one session at a time, nothing shared with the library. */
function reference(record: GroupRecord, asOf: string | undefined, excused: "offered" | "not-offered"): Expected {
  const sessions = record.sessions
    .filter((session) => asOf === undefined || dayOfSession(session.scheduledStart) <= asOf)
    .sort(
      (a, b) =>
        dayOfSession(a.scheduledStart).localeCompare(dayOfSession(b.scheduledStart)) ||
        a.sequence - b.sequence ||
        a.id.localeCompare(b.id),
    );
  const clientIds = [...new Set(record.memberships.filter((m) => m.role === "member").map((m) => m.memberId))];
  const enrolled = (memberId: string, day: string) =>
    record.memberships.some(
      (m) =>
        m.memberId === memberId &&
        m.role === "member" &&
        (m.period === undefined || (m.period.start <= day && (m.period.end === undefined || day <= m.period.end))),
    );
  const notCounted: { index: number; reason: string }[] = [];
  const counted = new Map<string, string>(); // "client|session" → status of the first record that counts
  record.attendance.forEach((entry, index) => {
    const session = record.sessions.find((each) => each.id === entry.sessionId);
    const day = session === undefined ? "" : dayOfSession(session.scheduledStart);
    let reason: string | undefined;
    if (!clientIds.includes(entry.memberId)) reason = "not-a-client";
    else if (session === undefined) reason = "unknown-session";
    else if (asOf !== undefined && day > asOf) reason = "after-as-of";
    else if (session.status !== "held") reason = "session-not-held";
    else if (!enrolled(entry.memberId, day)) reason = "not-enrolled";
    else if (counted.has(`${entry.memberId}|${entry.sessionId}`)) reason = "duplicate";
    if (reason === undefined) counted.set(`${entry.memberId}|${entry.sessionId}`, entry.status);
    else notCounted.push({ index, reason });
  });
  const members = clientIds.map((memberId) => {
    const offered = sessions.filter(
      (session) => session.status === "held" && enrolled(memberId, dayOfSession(session.scheduledStart)),
    );
    const byStatus: Record<string, number> = {};
    let missingRecords = 0;
    let run = 0;
    let longest = 0;
    for (const session of offered) {
      const status = counted.get(`${memberId}|${session.id}`);
      if (status === undefined) missingRecords++;
      else byStatus[status] = (byStatus[status] ?? 0) + 1;
      if (status !== undefined && ATTENDED.has(status)) run = 0;
      else if (status !== undefined && MISSED.has(status) && (excused === "offered" || status !== "excused")) run++;
      longest = Math.max(longest, run);
    }
    return { memberId, offered: offered.length, byStatus, missingRecords, current: run, longest };
  });
  return { members, notCounted };
}

describe("attendanceSummary against a reference written from the definitions", () => {
  test.prop([fc.oneof(messyRecords, cameBackRecords)], { numRuns: 400 })(
    "the summary is the reference's, with the records in session order or shuffled",
    (messy) => {
      const record = recordOf(messy);
      const summary = attendanceSummary(record, { excused: messy.excused, asOf: messy.asOf });
      const expected = reference(record, messy.asOf, messy.excused);
      expect(summary.members.map((member) => member.memberId)).toEqual(expected.members.map((each) => each.memberId));
      summary.members.forEach((member, index) => {
        const want = expected.members[index];
        const count = (status: string) => want?.byStatus[status] ?? 0;
        expect(member).toMatchObject({
          offered: want?.offered,
          present: count("present"),
          late: count("late"),
          leftEarly: count("left-early"),
          excused: count("excused"),
          absent: count("absent"),
          notRecorded: count("not-recorded") + (want?.missingRecords ?? 0),
          missingRecords: want?.missingRecords,
          currentAbsenceStreak: want?.current,
          longestAbsenceStreak: want?.longest,
        });
      });
      expect(summary.notCounted.map(({ index, reason }) => ({ index, reason }))).toEqual(expected.notCounted);
    },
  );
});

describe("attendanceSummary reads records in any order", () => {
  // One client, three weekly sessions; the register for the second session arrives last.
  const base = rawRecord({
    sessions: ["2026-01-08T18:00:00-06:00", "2026-01-15T18:00:00-06:00", "2026-01-22T18:00:00-06:00"],
    people: [{ id: "p0", row: "A . P" }],
  });
  const withRecord = (entry: { sessionId: string; memberId: string; status: string }) =>
    ({ ...base, attendance: [...base.attendance, entry as AttendanceRecord] }) as GroupRecord;
  const late = withRecord({ sessionId: "s2", memberId: "p0", status: "absent" });

  it("still counts the late record, in its session's place in the streak", () => {
    // Absent, absent, present: a run of two, closed by the third session.
    const [client] = attendanceSummary(late).members;
    expect(client).toMatchObject({ offered: 3, absent: 2, attended: 1, missingRecords: 0 });
    expect([client?.currentAbsenceStreak, client?.longestAbsenceStreak]).toEqual([0, 2]);
  });

  it("lists a second record for a session as a duplicate, whether or not other sessions came between", () => {
    const summary = attendanceSummary(withRecord({ sessionId: "s1", memberId: "p0", status: "present" }));
    expect(summary.notCounted).toEqual([{ index: 2, sessionId: "s1", memberId: "p0", reason: "duplicate" }]);
    // The first record counts: absent at s1.
    expect(summary.members[0]).toMatchObject({ absent: 1, attended: 1, missingRecords: 1 });
  });

  it("names a bad status after a record that came out of session order", () => {
    const bad = { ...late, attendance: [...late.attendance, { sessionId: "s3", memberId: "p0", status: "gone" }] };
    expect(() => attendanceSummary(bad as GroupRecord)).toThrow(
      'attendanceSummary: attendance[3].status is "gone", not an attendance status',
    );
  });

  it("names an attendance entry that is not a record", () => {
    const broken = { ...base, attendance: [...base.attendance, null] };
    expect(() => attendanceSummary(broken as unknown as GroupRecord)).toThrow(
      "attendanceSummary: attendance[2] must be an attendance record; got null.",
    );
  });
});
