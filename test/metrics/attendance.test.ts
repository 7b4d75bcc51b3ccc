import { describe, expect, it } from "vitest";
import { attendanceSummary } from "../../src/metrics/index";
import { GroupworkError } from "../../src/model/index";
import { parsedRecord, rawRecord, thursdays } from "./attendance.fixture";

// Four Thursdays in January and February 2026 (Chicago): 8, 15, 22 and 29 January.
const FOUR = thursdays(4);

describe("attendanceSummary: what is offered", () => {
  it("offers an open group's late joiner only the sessions from the day they joined", () => {
    const record = parsedRecord({
      sessions: FOUR,
      people: [
        { id: "m-early", row: "P P P P", period: { start: "2026-01-01" } },
        { id: "m-late", row: ". . P A", period: { start: "2026-01-20" } },
      ],
    });
    const [, late] = attendanceSummary(record).members;
    expect(late).toMatchObject({ memberId: "m-late", offered: 2, attended: 1, absent: 1, missingRecords: 0 });
    expect(late?.rate).toEqual({ value: 1 / 2, reason: null });
  });

  it("counts both memberships of a person who left and came back, and nothing in between", () => {
    const record = rawRecord({
      sessions: FOUR,
      people: [{ id: "m-back", row: "P . . P", period: { start: "2026-01-01", end: "2026-01-10" } }],
    });
    const second = { ...record.memberships[0], period: { start: "2026-01-25" } } as (typeof record.memberships)[0];
    const summary = attendanceSummary({ ...record, memberships: [...record.memberships, second] });
    expect(summary.members).toHaveLength(1);
    expect(summary.members[0]).toMatchObject({ offered: 2, attended: 2, missingRecords: 0 });
  });

  it("offers every session to a membership without a period, and ignores the inactive flag for past sessions", () => {
    const record = parsedRecord({
      sessions: FOUR,
      people: [{ id: "m-all", row: "P P A P", inactive: true }],
    });
    expect(attendanceSummary(record).members[0]).toMatchObject({ offered: 4, attended: 3, absent: 1 });
  });

  it("offers nothing to facilitators, observers or interpreters, and says so for their records", () => {
    const record = parsedRecord({
      sessions: FOUR,
      people: [
        { id: "f-lead", row: "P P P P", role: "facilitator" },
        { id: "o-student", row: "P . . .", role: "observer" },
        { id: "m-client", row: "P P P P" },
      ],
    });
    const summary = attendanceSummary(record);
    expect(summary.members.map((member) => member.memberId)).toEqual(["m-client"]);
    expect(summary.notCounted.map((entry) => [entry.index, entry.memberId, entry.reason])).toEqual([
      [0, "f-lead", "not-a-client"],
      [1, "f-lead", "not-a-client"],
      [2, "f-lead", "not-a-client"],
      [3, "f-lead", "not-a-client"],
      [4, "o-student", "not-a-client"],
    ]);
  });

  it("never counts a cancelled session or one that did not take place as an absence", () => {
    const record = parsedRecord({
      sessions: [
        FOUR[0] ?? "",
        { start: FOUR[1] ?? "", status: "cancelled" },
        { start: FOUR[2] ?? "", status: "did-not-take-place" },
        { start: FOUR[3] ?? "", status: "scheduled" },
      ],
      people: [{ id: "m-one", row: "P . . ." }],
    });
    const summary = attendanceSummary(record);
    expect(summary.members[0]).toMatchObject({ offered: 1, attended: 1, absent: 0 });
    expect(summary.group).toMatchObject({
      sessionsHeld: 1,
      sessionsCancelled: 1,
      sessionsNotTakenPlace: 1,
      sessionsScheduled: 1,
    });
  });
});

describe("attendanceSummary: records that count for nobody are reported, never dropped", () => {
  it("names each reason", () => {
    const record = rawRecord({
      sessions: [...FOUR, { start: "2026-02-05T18:00:00-06:00", status: "cancelled" }],
      people: [{ id: "m-one", row: "P P . . P", period: { start: "2026-01-01", end: "2026-01-20" } }],
    });
    const attendance = [
      ...record.attendance,
      { ...record.attendance[0], status: "absent" },
      { ...record.attendance[0], sessionId: "s-nowhere" },
      { ...record.attendance[0], sessionId: "s4" },
    ] as typeof record.attendance;
    const summary = attendanceSummary({ ...record, attendance }, { asOf: "2026-01-31" });
    expect(summary.notCounted.map((entry) => [entry.index, entry.sessionId, entry.reason])).toEqual([
      [2, "s5", "after-as-of"],
      [3, "s1", "duplicate"],
      [4, "s-nowhere", "unknown-session"],
      [5, "s4", "not-enrolled"],
    ]);
    // The first record of a duplicated pair counts.
    expect(summary.members[0]).toMatchObject({ offered: 2, attended: 2 });
    const withoutAsOf = attendanceSummary({ ...record, attendance });
    expect(withoutAsOf.notCounted[0]).toMatchObject({ sessionId: "s5", reason: "session-not-held" });
  });
});

describe("attendanceSummary: not recorded and excused", () => {
  const record = parsedRecord({
    sessions: FOUR,
    people: [
      { id: "m-gaps", row: "P N . A" },
      { id: "m-excused", row: "X X X X" },
    ],
  });

  it("keeps a held session without a record offered, as not recorded, so it lowers the rate", () => {
    const gaps = attendanceSummary(record).members[0];
    expect(gaps).toMatchObject({ offered: 4, attended: 1, absent: 1, notRecorded: 2, missingRecords: 1 });
    expect(gaps?.rate).toEqual({ value: 1 / 4, reason: null });
    // Not recorded neither ends nor extends a run of absences.
    expect(gaps).toMatchObject({ currentAbsenceStreak: 1, longestAbsenceStreak: 1 });
  });

  it("reports both rates, and an adjusted rate that is undefined when every session was excused", () => {
    const excused = attendanceSummary(record).members[1];
    expect(excused).toMatchObject({ offered: 4, excused: 4, absent: 0, currentAbsenceStreak: 4 });
    expect(excused?.rate).toEqual({ value: 0, reason: null });
    expect(excused?.adjustedRate).toEqual({ value: null, reason: "only-excused-absences" });
  });

  it("lets options.excused choose the rate the group's mean uses, and whether excused absences make a streak", () => {
    const plain = attendanceSummary(record);
    expect(plain.excused).toBe("offered");
    expect(plain.group.meanRate).toEqual({ value: (1 / 4 + 0) / 2, reason: null });
    const adjusted = attendanceSummary(record, { excused: "not-offered" });
    expect(adjusted.excused).toBe("not-offered");
    // Only m-gaps has an adjusted rate: 1 attended of 4 offered, none excused.
    expect(adjusted.group.meanRate).toEqual({ value: 1 / 4, reason: null });
    expect(adjusted.members[1]).toMatchObject({ currentAbsenceStreak: 0, longestAbsenceStreak: 0 });
  });

  it("gives the group's mean rate as null with a reason when no client has a rate", () => {
    const onlyExcused = parsedRecord({ sessions: FOUR, people: [{ id: "m-x", row: "X X X X" }] });
    expect(attendanceSummary(onlyExcused, { excused: "not-offered" }).group.meanRate).toEqual({
      value: null,
      reason: "only-excused-absences",
    });
    const nobody = parsedRecord({ sessions: FOUR, people: [{ id: "f-lead", row: ". . . .", role: "facilitator" }] });
    expect(attendanceSummary(nobody).group.meanRate).toEqual({ value: null, reason: "no-sessions-offered" });
  });
});

describe("attendanceSummary: asOf", () => {
  it("leaves out sessions after the day, so the current streak is the one on that day", () => {
    const record = parsedRecord({ sessions: FOUR, people: [{ id: "m-one", row: "P A A P" }] });
    const onThe22nd = attendanceSummary(record, { asOf: "2026-01-22" });
    expect(onThe22nd.asOf).toBe("2026-01-22");
    expect(onThe22nd.members[0]).toMatchObject({ offered: 3, currentAbsenceStreak: 2, longestAbsenceStreak: 2 });
    expect(onThe22nd.group.sessionsHeld).toBe(3);
    const all = attendanceSummary(record);
    expect(all.asOf).toBeNull();
    expect(all.members[0]).toMatchObject({ offered: 4, currentAbsenceStreak: 0, longestAbsenceStreak: 2 });
  });
});

describe("attendanceSummary: arguments its types forbid", () => {
  const record = parsedRecord({ sessions: FOUR, people: [{ id: "m-one", row: "P P P P" }] });
  const fails = (run: () => unknown, message: RegExp) => {
    expect(run).toThrow(GroupworkError);
    expect(run).toThrow(message);
  };

  it("refuses bad options", () => {
    fails(
      () => attendanceSummary(record, { excused: "maybe" as "offered" }),
      /excused must be "offered" or "not-offered"/,
    );
    fails(() => attendanceSummary(record, { asOf: "2026-02-30" }), /asOf must be a calendar date/);
    fails(() => attendanceSummary(record, null as unknown as object), /options must be an object/);
  });

  it("refuses what is not a group record, naming the part", () => {
    fails(() => attendanceSummary(null as unknown as typeof record), /record must be a group record/);
    fails(
      () => attendanceSummary({ ...record, group: { ...record.group, timeZone: "+05:00" } }),
      /timeZone must be an IANA time zone name; got "\+05:00"/,
    );
    fails(
      () => attendanceSummary({ ...record, attendance: undefined as unknown as [] }),
      /record.attendance must be a list/,
    );
    const badStatus = [{ ...record.attendance[0], status: "tardy" }] as unknown as typeof record.attendance;
    fails(() => attendanceSummary({ ...record, attendance: badStatus }), /attendance\[0\].status is "tardy"/);
    const badStart = [{ ...record.sessions[0], scheduledStart: "Thursday" }] as unknown as typeof record.sessions;
    fails(() => attendanceSummary({ ...record, sessions: badStart }), /sessions\[0\].scheduledStart is "Thursday"/);
    const badPeriod = [{ ...record.memberships[0], period: { start: "soon" } }] as unknown as typeof record.memberships;
    fails(
      () => attendanceSummary({ ...record, memberships: badPeriod }),
      /memberships\[0\].period.start is "soon", not a calendar date/,
    );
    const badEnd = [
      { ...record.memberships[0], period: { start: "2026-01-01", end: "later" } },
    ] as unknown as typeof record.memberships;
    fails(() => attendanceSummary({ ...record, memberships: badEnd }), /memberships\[0\].period/);
  });

  it("does not change the record it reads", () => {
    const before = structuredClone(record);
    attendanceSummary(record, { excused: "not-offered", asOf: "2026-01-20" });
    expect(record).toEqual(before);
  });
});
