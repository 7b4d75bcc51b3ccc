import { describe, expect, it } from "vitest";
import { type GroupRecordIssue, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

// One mistake in a record reads as one issue: the checks that compare many entries with one fact do not repeat an
// error already reported about that fact, and entries sharing one missing or wrong thing are reported together, at
// the first of them, with their number. Expected places and counts are read off the sample's data here, never taken
// from the library.

type Sample = ReturnType<typeof structuredClone<typeof sampleGroupRecord>>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] extends object ? Mutable<T[K]> : T[K] };

/** A fresh, writable copy of the sample, changed by `edit`. */
function sampleWith(edit: (record: Mutable<Sample>) => void): unknown {
  const record = structuredClone(sampleGroupRecord) as Mutable<Sample>;
  edit(record);
  return record;
}

const located = (issues: readonly GroupRecordIssue[]) =>
  issues.map(({ code, path, severity }) => ({ code, path, severity }));

const { attendance, turns, interactionActs } = sampleGroupRecord;

describe("a group that ends before it starts", () => {
  it("gives that error alone, not a warning for every session and membership outside its dates", () => {
    const result = parseGroupRecord(
      sampleWith((record) => {
        record.group.endDate = "2026-01-31";
      }),
    );
    expect(located(result.issues)).toEqual([
      { code: "group-ends-before-start", path: ["group", "endDate"], severity: "error" },
    ]);
  });

  it("still has its sessions and memberships compared with its dates when they are in order", () => {
    // Ending on 31 March leaves out sessions 9-12 (2, 9, 16 and 23 April) and the nine memberships that end on
    // 23 April (all but Jamal's, which ends on 31 March).
    const issues = parseGroupRecord(
      sampleWith((record) => {
        record.group.endDate = "2026-03-31";
      }),
    ).issues;
    expect(issues.filter((issue) => issue.code === "session-outside-group-dates").map((issue) => issue.path)).toEqual(
      [8, 9, 10, 11].map((index) => ["sessions", index, "scheduledStart"]),
    );
    expect(issues.filter((issue) => issue.code === "membership-outside-group-dates")).toHaveLength(9);
  });
});

describe("a membership that ends before it starts", () => {
  it("is not compared with the group's dates as well", () => {
    // 1 June to 1 May: the end is after the group's last day, but which date is wrong is not known.
    const result = parseGroupRecord(
      sampleWith((record) => {
        const membership = record.memberships[2];
        if (membership !== undefined) membership.period = { start: "2026-06-01", end: "2026-05-01" };
      }),
    );
    expect(located(result.issues)).toEqual([
      { code: "period-ends-before-start", path: ["memberships", 2, "period", "end"], severity: "error" },
    ]);
  });
});

describe("a stage event dated far ahead", () => {
  it("gives one error, at the entry after it, not one for every later entry", () => {
    // stageEvents[3], the first ADVANCE, moved from 12 February to December: entry 4 is then earlier than entry 3.
    const result = parseGroupRecord(
      sampleWith((record) => {
        const event = record.stageEvents[3];
        if (event !== undefined) event.at = "2026-12-01T18:00:00-06:00";
      }),
    );
    expect(located(result.issues)).toEqual([
      { code: "stage-event-out-of-order", path: ["stageEvents", 4, "at"], severity: "error" },
    ]);
    expect(result.issues[0]?.message).toBe(
      "stageEvents[4] happened before stageEvents[3]; the stage log must list events in the order they happened.",
    );
  });
});

describe("entries naming one missing thing", () => {
  it("a session missing from sessions is one error per list, counting its entries", () => {
    const result = parseGroupRecord(
      sampleWith((record) => {
        const session = record.sessions[1];
        if (session !== undefined) session.id = "s-2";
      }),
    );
    const first = attendance.findIndex((entry) => entry.sessionId === "s-02");
    const count = attendance.filter((entry) => entry.sessionId === "s-02").length;
    expect(count).toBe(8);
    expect(located(result.issues)).toEqual([
      { code: "unknown-session", path: ["attendance", first, "sessionId"], severity: "error" },
      { code: "unknown-session", path: ["stageEvents", 2, "sessionId"], severity: "error" },
    ]);
    expect(result.issues.map((issue) => issue.message)).toEqual([
      `8 attendance entries, the first attendance[${first}], refer to session "s-02", which is not in sessions; add the session or fix the ids.`,
      'stageEvents[2] refers to session "s-02", which is not in sessions; add the session or fix the id.',
    ]);
  });

  it("a person missing from members is one error per list of what happened in sessions", () => {
    const result = parseGroupRecord(
      sampleWith((record) => {
        const member = record.members[3];
        if (member !== undefined) member.id = "m-wil";
      }),
    );
    const unknown = result.issues.filter((issue) => issue.code === "unknown-member");
    const firstOf = (entries: readonly { memberId: string }[]) => entries.findIndex((e) => e.memberId === "m-will");
    const inAttendance = unknown.filter((issue) => issue.path[0] === "attendance");
    expect(inAttendance.map((issue) => issue.path)).toEqual([["attendance", firstOf(attendance), "memberId"]]);
    expect(inAttendance[0]?.message).toBe(
      `${attendance.filter((entry) => entry.memberId === "m-will").length} attendance entries, the first attendance[${firstOf(attendance)}].memberId, name person "m-will", who is not in members; add them or fix the ids.`,
    );
    expect(unknown.filter((issue) => issue.path[0] === "turns").map((issue) => issue.path)).toEqual([
      ["turns", firstOf(turns), "memberId"],
    ]);
    // Will both makes acts and is addressed by one: one error for the list, at the first act that names him.
    const firstAct = interactionActs.findIndex((act) => act.memberId === "m-will" || act.addresseeId === "m-will");
    expect(unknown.filter((issue) => issue.path[0] === "interactionActs").map((issue) => issue.path)).toEqual([
      ["interactionActs", firstAct, "memberId"],
    ]);
  });

  it("attendance on days a membership no longer covers is one error per person and list", () => {
    // Hope's membership made to end on 31 March: sessions 9-12 fall after it, and she speaks once in session 12.
    const result = parseGroupRecord(
      sampleWith((record) => {
        const membership = record.memberships[2];
        if (membership !== undefined) membership.period = { start: "2026-02-05", end: "2026-03-31" };
      }),
    );
    const late = ["s-09", "s-10", "s-11", "s-12"];
    const hopeAfter = attendance.flatMap((entry, index) =>
      entry.memberId === "m-hope" && late.includes(entry.sessionId) ? [index] : [],
    );
    const hopeTurns = turns.flatMap((turn, index) =>
      turn.memberId === "m-hope" && turn.sessionId === "s-12" ? [index] : [],
    );
    expect(hopeAfter).toHaveLength(4);
    expect(hopeTurns).toHaveLength(1);
    const notEnrolled = result.issues.filter((issue) => issue.code === "member-not-enrolled");
    expect(notEnrolled.map((issue) => issue.path)).toEqual([
      ["attendance", hopeAfter[0], "memberId"],
      ["turns", hopeTurns[0], "memberId"],
    ]);
    expect(notEnrolled[0]?.message).toBe(
      `4 attendance entries, the first attendance[${hopeAfter[0]}] (session 9 on 2026-04-02), record person "m-hope" on days no membership of theirs covered; fix the membership period or the entries.`,
    );
    expect(notEnrolled[1]?.message).toBe(
      `turns[${hopeTurns[0]}] records person "m-hope" at session 12 on 2026-04-23, when no membership of theirs covered that day; fix the membership period or the entry.`,
    );
  });
});

describe("one wrong session", () => {
  it("a session dated a day late gives one warning for all the times recorded at it", () => {
    // Tomasz left session 11 early: his arrival and departure are both more than an hour from a start a day later.
    const result = parseGroupRecord(
      sampleWith((record) => {
        const session = record.sessions[10];
        if (session !== undefined) session.scheduledStart = "2026-04-17T18:00:00-05:00";
      }),
    );
    const tomasz = attendance.findIndex((entry) => entry.memberId === "m-tomasz" && entry.sessionId === "s-11");
    expect(located(result.issues)).toEqual([
      { code: "time-outside-session", path: ["attendance", tomasz, "arrivedAt"], severity: "warning" },
    ]);
    expect(result.issues[0]?.message).toBe(
      `2 arrival and departure times are more than an hour outside session 11 (2026-04-17T18:00:00-05:00, 90 minutes), the first attendance[${tomasz}].arrivedAt (2026-04-16T18:00:00-05:00); check the session's start and offset, or the times.`,
    );
  });

  it("a session whose duration is too short gives one warning for all its acts beyond it", () => {
    // 15 minutes is 900 s; acts after that in session 7, the sample's only observed session.
    const result = parseGroupRecord(
      sampleWith((record) => {
        const session = record.sessions[6];
        if (session !== undefined) session.durationMinutes = 15;
      }),
    );
    const beyond = interactionActs.flatMap((act, index) => ((act.at ?? 0) > 900 ? [index] : []));
    expect(beyond.length).toBeGreaterThan(1);
    const acts = result.issues.filter((issue) => issue.code === "act-beyond-session");
    expect(acts.map((issue) => issue.path)).toEqual([["interactionActs", beyond[0], "at"]]);
    expect(acts[0]?.message).toBe(
      `${beyond.length} acts in session 7 are timed after its planned 15 minutes, the first interactionActs[${beyond[0]}] at ${interactionActs[beyond[0] ?? 0]?.at} s; check the timing or the session's duration.`,
    );
  });
});
