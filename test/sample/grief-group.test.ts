import { describe, expect, it } from "vitest";
import {
  AttendanceRecordSchema,
  ConsentSchema,
  GroupAgreementSchema,
  type GroupRecord,
  GroupRecordSchema,
  GroupSchema,
  InteractionActSchema,
  MemberSchema,
  MembershipSchema,
  parseGroupRecord,
  SessionSchema,
  TurnSchema,
} from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

// The figures below were counted by hand from the attendance grid in src/sample/grief-group.ts.

function parsedSample(): GroupRecord {
  const result = parseGroupRecord(sampleGroupRecord);
  if (!result.ok) throw new Error("the sample must parse");
  return result.value;
}

describe("the bundled sample group", () => {
  it("parses without a single issue", () => {
    expect(parseGroupRecord(sampleGroupRecord)).toMatchObject({ ok: true, issues: [] });
  });

  it("is accepted entry by entry by every schema of the model", () => {
    expect(GroupRecordSchema.safeParse(sampleGroupRecord).success).toBe(true);
    expect(GroupSchema.safeParse(sampleGroupRecord.group).success).toBe(true);
    const lists = [
      [MemberSchema, sampleGroupRecord.members],
      [MembershipSchema, sampleGroupRecord.memberships],
      [SessionSchema, sampleGroupRecord.sessions],
      [AttendanceRecordSchema, sampleGroupRecord.attendance],
      [TurnSchema, sampleGroupRecord.turns],
      [InteractionActSchema, sampleGroupRecord.interactionActs],
      [GroupAgreementSchema, sampleGroupRecord.agreements],
      [ConsentSchema, sampleGroupRecord.consents],
    ] as const;
    for (const [schema, entries] of lists) {
      expect(entries.length).toBeGreaterThan(0);
      for (const entry of entries) expect(schema.safeParse(entry).error).toBeUndefined();
    }
  });

  it("is a closed 12-session grief support group with two facilitators and eight members", () => {
    const record = parsedSample();
    expect(record.group).toMatchObject({ kind: "support", membership: "closed", plannedSessions: 12 });
    expect(record.memberships.filter((m) => m.role === "facilitator" || m.role === "co-facilitator")).toHaveLength(2);
    expect(record.memberships.filter((m) => m.role === "member")).toHaveLength(8);
  });

  it("held 11 sessions: session 5 was cancelled", () => {
    const record = parsedSample();
    expect(record.sessions.filter((s) => s.status === "held")).toHaveLength(11);
    expect(record.sessions.filter((s) => s.status === "cancelled").map((s) => s.sequence)).toEqual([5]);
  });

  it("crosses the start of daylight saving time in Chicago between sessions 5 and 6", () => {
    const record = parsedSample();
    expect(record.sessions[4]?.scheduledStart).toBe("2026-03-05T18:00:00-06:00");
    expect(record.sessions[5]?.scheduledStart).toBe("2026-03-12T18:00:00-05:00");
  });

  it("has one dropout, who left on 31 March after three absences in a row", () => {
    const record = parsedSample();
    const exits = record.memberships.filter((m) => m.exitReason === "dropped-out");
    expect(exits).toEqual([
      expect.objectContaining({ memberId: "m-jamal", period: { start: "2026-02-05", end: "2026-03-31" } }),
    ]);
    const jamal = record.attendance.filter((a) => a.memberId === "m-jamal").map((a) => a.status);
    expect(jamal).toEqual(["present", "present", "late", "present", "absent", "absent", "absent"]);
  });

  it("records 84 attendance entries with the counts of the grid", () => {
    const record = parsedSample();
    expect(record.attendance).toHaveLength(7 * 11 + 7);
    const counts: Record<string, number> = {};
    for (const entry of record.attendance) counts[entry.status] = (counts[entry.status] ?? 0) + 1;
    expect(counts).toEqual({ present: 70, late: 5, "not-recorded": 1, absent: 6, "left-early": 1, excused: 1 });
  });

  it("gives late arrivals an arrival time after the start, and the early leaver a departure", () => {
    const record = parsedSample();
    const grace = record.attendance.filter((a) => a.memberId === "m-grace" && a.status === "late");
    expect(grace.map((a) => a.arrivedAt)).toEqual([
      "2026-02-12T18:12:00-06:00",
      "2026-03-19T18:12:00-05:00",
      "2026-04-09T18:12:00-05:00",
    ]);
    const tom = record.attendance.find((a) => a.status === "left-early");
    expect(tom).toMatchObject({ memberId: "m-tomasz", sessionId: "s-11", departedAt: "2026-04-16T19:05:00-05:00" });
  });

  it("has speaking turns for sessions 1, 7 and 12", () => {
    const record = parsedSample();
    const perSession: Record<string, number> = {};
    for (const turn of record.turns) perSession[turn.sessionId] = (perSession[turn.sessionId] ?? 0) + 1;
    expect(perSession).toEqual({ "s-01": 15, "s-07": 13, "s-12": 11 });
  });

  it("has a signed agreement that explains the limits of confidentiality, and four consents, one revoked", () => {
    const record = parsedSample();
    expect(record.agreements).toHaveLength(1);
    expect(record.agreements[0]?.signatures).toHaveLength(8);
    expect(record.agreements[0]?.limitsExplained).toBe(true);
    expect(record.consents).toHaveLength(4);
    expect(record.consents.filter((c) => c.revokedAt !== undefined).map((c) => c.id)).toEqual(["c-jamal-counsellor"]);
  });

  it("is frozen, so a test cannot change it for the next", () => {
    expect(Object.isFrozen(sampleGroupRecord)).toBe(true);
    expect(Object.isFrozen(sampleGroupRecord.members[0])).toBe(true);
  });
});
