// Small group records for the attendance tests, written as grids a person can read: one row per person, one mark per
// session. P present, L late, E left early, X excused, A absent, N not recorded, "." no record at all.
import type { AttendanceStatus, ExitReason, FacilitationRole, GroupRecord, SessionStatus } from "../../src/model/index";
import { parseGroupRecord } from "../../src/model/index";

export interface PersonRow {
  readonly id: string;
  readonly row: string;
  readonly role?: FacilitationRole;
  /** Membership period; absent: no period (the group's whole life). */
  readonly period?: { readonly start: string; readonly end?: string };
  readonly exitReason?: ExitReason;
  readonly inactive?: boolean;
}

export interface SessionPlan {
  readonly start: string;
  readonly status?: SessionStatus;
  readonly sequence?: number;
}

const STATUS: Readonly<Record<string, AttendanceStatus>> = {
  P: "present",
  L: "late",
  E: "left-early",
  X: "excused",
  A: "absent",
  N: "not-recorded",
};

export function sessionId(index: number): string {
  return `s${index + 1}`;
}

/** A record as a host would send it (not parsed), so tests can also hand over data a parser would refuse. */
export function rawRecord(options: {
  readonly sessions: readonly (SessionPlan | string)[];
  readonly people: readonly PersonRow[];
  readonly timeZone?: string;
  readonly plannedSessions?: number;
}): GroupRecord {
  const groupId = "g-test";
  const sessions = options.sessions.map((plan, index) => {
    const { start, status = "held", sequence = index + 1 } = typeof plan === "string" ? { start: plan } : plan;
    return {
      id: sessionId(index),
      groupId,
      sequence,
      scheduledStart: start,
      durationMinutes: 90,
      status,
      mode: "in-person",
      interventions: [],
    };
  });
  const attendance = options.people.flatMap((person) =>
    person.row
      .split(" ")
      .flatMap((mark, index) =>
        STATUS[mark] === undefined ? [] : [{ sessionId: sessionId(index), memberId: person.id, status: STATUS[mark] }],
      ),
  );
  const record = {
    group: {
      id: groupId,
      name: "Test group",
      purpose: "Testing attendance",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: options.timeZone ?? "America/Chicago",
      startDate: "2020-01-01",
      stageModel: "tuckman",
      ...(options.plannedSessions === undefined ? {} : { plannedSessions: options.plannedSessions }),
    },
    members: options.people.map((person) => ({
      id: person.id,
      displayName: person.id,
      interpreterNeeded: false,
      accessibilityNeeds: [],
    })),
    memberships: options.people.map((person) => ({
      groupId,
      memberId: person.id,
      role: person.role ?? "member",
      inactive: person.inactive ?? false,
      ...(person.period === undefined ? {} : { period: person.period }),
      ...(person.exitReason === undefined ? {} : { exitReason: person.exitReason }),
    })),
    sessions,
    attendance,
    turns: [],
    interactionActs: [],
    agreements: [],
    consents: [],
  };
  // The test data is built to the model's shape; the parsed variant below checks that where it matters.
  return record as unknown as GroupRecord;
}

/** The same record, through parseGroupRecord: fails the test when the data is not a clean record. */
export function parsedRecord(options: Parameters<typeof rawRecord>[0]): GroupRecord {
  const result = parseGroupRecord(rawRecord(options));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 2));
  return result.value;
}

/** Weekly Thursday 18:00 sessions in Chicago from 2026-01-08, before daylight saving time starts. */
export function thursdays(count: number): string[] {
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2026, 0, 8 + 7 * index));
    return `${day.toISOString().slice(0, 10)}T18:00:00-06:00`;
  });
}
