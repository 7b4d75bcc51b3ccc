// The sample exports in examples/data import cleanly, and their broken copies give exactly the problems planted in
// them. Expected values are read off the files by hand: the header is row 1, one row per member per session.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  type AttendanceCsvMapping,
  openEmrAttendanceCrosswalk,
  openEmrSessionCrosswalk,
  parseAttendanceCsv,
  parseRosterCsv,
  programManagementAttendanceCrosswalk,
  programManagementSessionCrosswalk,
  type RosterCsvMapping,
} from "../../src/csv/index";
import { parseGroupRecord } from "../../src/model/index";

function sample(name: string): string {
  return readFileSync(new URL(`../../examples/data/${name}`, import.meta.url), "utf8");
}

const groupId = "grp-thursday-grief";

const openEmrMapping: AttendanceCsvMapping = {
  groupId,
  timeZone: "America/Chicago",
  columns: {
    sessionId: "Encounter",
    date: "Encounter Date",
    sessionStatus: "Group Status",
    memberId: "PID",
    status: "Attendance Status",
  },
  statusCrosswalk: openEmrAttendanceCrosswalk,
  sessionStatusCrosswalk: openEmrSessionCrosswalk,
  dateFormat: "MM/DD/YYYY",
  startTime: "18:00",
  durationMinutes: 90,
  ignoreColumns: ["Group Name", "Patient Name", "Comment"],
};

const programManagementMapping: AttendanceCsvMapping = {
  groupId,
  timeZone: "America/Chicago",
  columns: {
    memberId: "Contact ID",
    sessionId: "Service Session",
    date: "Session Start Date",
    time: "Session Start Time",
    sessionStatus: "Session Status",
    status: "Attendance Status",
  },
  statusCrosswalk: programManagementAttendanceCrosswalk,
  sessionStatusCrosswalk: programManagementSessionCrosswalk,
  durationMinutes: 90,
  ignoreColumns: ["Service Delivery Name", "Contact", "Quantity", "Unit of Measurement"],
};

const rosterMapping: RosterCsvMapping = {
  groupId,
  columns: {
    memberId: "Client ID",
    displayName: "Name",
    preferredName: "Preferred Name",
    pronouns: "Pronouns",
    preferredLanguage: "Language",
    interpreterNeeded: "Interpreter",
    role: "Role",
    start: "Start Date",
    end: "End Date",
    exitReason: "Exit Reason",
  },
  dateFormat: "MM/DD/YYYY",
};

function session(id: string, sequence: number, scheduledStart: string, status = "held") {
  return { id, groupId, sequence, scheduledStart, durationMinutes: 90, status, mode: "in-person", interventions: [] };
}

describe("the OpenEMR therapy group attendance sample", () => {
  const result = parseAttendanceCsv(sample("openemr-therapy-group-attendance.csv"), openEmrMapping);

  it("imports with no issue at all", () => {
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("has one session per encounter, numbered by date, at 18:00 Chicago time (CDT from 8 March 2026)", () => {
    expect(result.ok && result.value.sessions).toEqual([
      session("1001", 1, "2026-02-05T18:00:00-06:00"),
      session("1002", 2, "2026-02-12T18:00:00-06:00"),
      session("1003", 3, "2026-02-19T18:00:00-06:00"),
      session("1004", 4, "2026-03-12T18:00:00-05:00"),
    ]);
  });

  it("reads all 16 rows through the crosswalk, in row order", () => {
    const rows: [string, string, string][] = [
      ["1001", "17", "present"],
      ["1001", "18", "present"],
      ["1001", "22", "late"],
      ["1001", "23", "present"],
      ["1002", "17", "present"],
      ["1002", "18", "excused"],
      ["1002", "22", "present"],
      ["1002", "23", "absent"],
      ["1003", "17", "late"],
      ["1003", "18", "present"],
      ["1003", "22", "not-recorded"],
      ["1003", "23", "absent"],
      ["1004", "17", "present"],
      ["1004", "18", "present"],
      ["1004", "22", "present"],
      ["1004", "23", "excused"],
    ];
    expect(result.ok && result.value.attendance).toEqual(
      rows.map(([sessionId, memberId, status]) => ({ sessionId, memberId, status })),
    );
  });

  it("fits the model with the roster sample: together they make a valid group record", () => {
    const roster = parseRosterCsv(sample("group-roster.csv"), rosterMapping);
    if (!roster.ok || !result.ok) throw new Error("the samples should import");
    const record = parseGroupRecord({
      group: {
        id: groupId,
        name: "Thursday Grief Support",
        purpose: "Mutual support after the death of someone close.",
        kind: "support",
        membership: "closed",
        participation: "optional",
        timeZone: "America/Chicago",
        startDate: "2026-02-05",
      },
      ...roster.value,
      ...result.value,
    });
    expect(record.issues.filter((issue) => issue.severity === "error")).toEqual([]);
  });

  it("the broken copy gives exactly the six problems planted in it", () => {
    const broken = parseAttendanceCsv(sample("openemr-therapy-group-attendance.broken.csv"), openEmrMapping);
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((issue) => [issue.code, issue.severity, issue.row, issue.column])).toEqual([
      ["invalid-date", "error", 3, "Encounter Date"],
      ["unknown-status", "error", 5, "Attendance Status"],
      ["missing-value", "error", 7, "PID"],
      ["ragged-row", "error", 9, null],
      ["conflicting-rows", "error", 11, "Group Status"],
      ["duplicate-attendance", "error", 13, "PID"],
    ]);
  });
});

describe("the Program Management Module service delivery sample", () => {
  const text = sample("pmm-service-deliveries.csv");
  const result = parseAttendanceCsv(text, programManagementMapping);

  it("starts with a byte order mark and uses CRLF, as spreadsheet exports do, and imports with no issue", () => {
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text).toContain("\r\n");
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("has one session per service session; Pending reads as scheduled", () => {
    expect(result.ok && result.value.sessions).toEqual([
      session("SS-0001", 1, "2026-02-05T18:00:00-06:00"),
      session("SS-0002", 2, "2026-02-12T18:00:00-06:00"),
      session("SS-0003", 3, "2026-03-12T18:00:00-05:00"),
      session("SS-0004", 4, "2026-03-19T18:00:00-05:00", "scheduled"),
    ]);
  });

  it("reads all 14 service deliveries; a blank attendance status is not recorded", () => {
    const [ana, will, grace, jamal] = ["003Dn00000A1b2C", "003Dn00000A1b2D", "003Dn00000A1b2E", "003Dn00000A1b2F"];
    const rows: [string, string | undefined, string][] = [
      ["SS-0001", ana, "present"],
      ["SS-0001", will, "present"],
      ["SS-0001", grace, "excused"],
      ["SS-0001", jamal, "present"],
      ["SS-0002", ana, "present"],
      ["SS-0002", will, "absent"],
      ["SS-0002", grace, "not-recorded"],
      ["SS-0002", jamal, "present"],
      ["SS-0003", ana, "excused"],
      ["SS-0003", will, "present"],
      ["SS-0003", grace, "present"],
      ["SS-0003", jamal, "absent"],
      ["SS-0004", ana, "not-recorded"],
      ["SS-0004", will, "not-recorded"],
    ];
    expect(result.ok && result.value.attendance).toEqual(
      rows.map(([sessionId, memberId, status]) => ({ sessionId, memberId, status })),
    );
  });

  it("the broken copy gives exactly the problems planted in it, and names the unmapped column", () => {
    const broken = parseAttendanceCsv(sample("pmm-service-deliveries.broken.csv"), programManagementMapping);
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((issue) => [issue.code, issue.severity, issue.row, issue.column])).toEqual([
      ["unmapped-column", "warning", 1, "Notes"],
      ["invalid-date", "error", 3, "Session Start Date"],
      ["invalid-time", "error", 4, "Session Start Time"],
      ["unknown-status", "error", 6, "Attendance Status"],
      ["missing-value", "error", 8, "Contact ID"],
      ["unknown-status", "error", 10, "Session Status"],
      ["conflicting-rows", "error", 12, "Session Start Time"],
    ]);
  });
});

describe("the roster sample", () => {
  it("imports with no issue: five people, the facilitator among them, Jamal's membership ended", () => {
    const result = parseRosterCsv(sample("group-roster.csv"), rosterMapping);
    expect(result.issues).toEqual([]);
    if (!result.ok) throw new Error("the roster sample should import");
    expect(result.value.members).toEqual([
      {
        id: "s-02",
        displayName: "Dana Okafor",
        pronouns: "she/her",
        preferredLanguage: "en",
        interpreterNeeded: false,
        accessibilityNeeds: [],
      },
      {
        id: "17",
        displayName: "Ana Souza",
        pronouns: "she/her",
        preferredLanguage: "pt-BR",
        interpreterNeeded: true,
        accessibilityNeeds: [],
      },
      {
        id: "18",
        displayName: "William Chen",
        preferredName: "Will",
        pronouns: "he/him",
        preferredLanguage: "en",
        interpreterNeeded: false,
        accessibilityNeeds: [],
      },
      { id: "22", displayName: "Grace Obi", preferredLanguage: "en", interpreterNeeded: false, accessibilityNeeds: [] },
      {
        id: "23",
        displayName: "Jamal Price",
        pronouns: "he/him",
        preferredLanguage: "en",
        interpreterNeeded: false,
        accessibilityNeeds: [],
      },
    ]);
    const start = "2026-02-05";
    expect(result.value.memberships).toEqual([
      { groupId, memberId: "s-02", role: "facilitator", period: { start }, inactive: false },
      { groupId, memberId: "17", role: "member", period: { start }, inactive: false },
      { groupId, memberId: "18", role: "member", period: { start }, inactive: false },
      { groupId, memberId: "22", role: "member", period: { start }, inactive: false },
      {
        groupId,
        memberId: "23",
        role: "member",
        period: { start, end: "2026-03-31" },
        inactive: false,
        exitReason: "dropped-out",
      },
    ]);
  });

  it("the broken copy gives exactly the five problems planted in it", () => {
    const broken = parseRosterCsv(sample("group-roster.broken.csv"), rosterMapping);
    expect(broken.ok).toBe(false);
    expect(broken.issues.map((issue) => [issue.code, issue.row, issue.column])).toEqual([
      ["invalid-value", 2, "Role"],
      ["invalid-language-tag", 3, "Language"],
      ["invalid-value", 4, "Interpreter"],
      ["end-without-start", 5, "End Date"],
      ["end-before-start", 6, "End Date"],
    ]);
  });
});
