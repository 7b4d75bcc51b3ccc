// Bundles written by hand in the style of other systems (not by toFhirBundle), each read with the options a host
// would pass, and checked against the record worked out by hand from the Bundle and the rules in docs/interop.md.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type FromFhirBundleResult, fromFhirBundle } from "../../src/fhir/import";

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../fixtures/fhir/foreign/${name}.json`, import.meta.url), "utf8"));
}

function okValue(result: FromFhirBundleResult) {
  if (!result.ok) throw new Error(result.issues.map((issue) => `${issue.code} ${issue.message}`).join("\n"));
  return result;
}

const codes = (result: FromFhirBundleResult) => result.issues.map((issue) => [issue.severity, issue.code, issue.path]);

describe("an EHR's Group, Patients, CareTeam and Appointments with participant statuses", () => {
  const result = okValue(
    fromFhirBundle(fixture("ehr-appointments"), {
      group: {
        purpose: "Learn to notice and manage anger before it turns to harm.",
        kind: "therapy",
        membership: "closed",
        participation: "mandatory",
        timeZone: "America/Denver",
        startDate: "2026-01-06",
      },
      sessionMode: "in-person",
    }),
  );
  const record = result.value;

  it("takes the group's name and id from the Group and the rest from the options", () => {
    expect(record.group).toEqual({
      id: "anger-2026",
      name: "Managing Anger, Tuesday",
      purpose: "Learn to notice and manage anger before it turns to harm.",
      kind: "therapy",
      membership: "closed",
      participation: "mandatory",
      timeZone: "America/Denver",
      startDate: "2026-01-06",
      stageModel: "tuckman",
    });
  });

  it("reads names from text, else given and family names; the usual name is the preferred one", () => {
    expect(record.members).toEqual([
      {
        id: "p-101",
        displayName: "Daniel Chidi Okafor",
        preferredName: "Dan",
        preferredLanguage: "ig",
        interpreterNeeded: false,
        accessibilityNeeds: [],
        birthDate: "1988-04-12",
      },
      {
        id: "p-102",
        displayName: "Luis Ortega",
        preferredLanguage: "es-MX",
        interpreterNeeded: true,
        accessibilityNeeds: [],
      },
      { id: "p-103", displayName: "Kate Brennan", interpreterNeeded: false, accessibilityNeeds: [] },
      { id: "dr-ames", displayName: "Dr Ruth Ames", interpreterNeeded: false, accessibilityNeeds: [] },
    ]);
  });

  it("reads Group.member as members and the CareTeam's PPRF as the facilitator; a dateTime is a day in the group's zone", () => {
    // 2026-01-07T03:00Z is 20:00 on 6 January in Denver (UTC-7 in winter).
    expect(record.memberships).toEqual([
      { groupId: "anger-2026", memberId: "p-101", role: "member", period: { start: "2026-01-06" }, inactive: false },
      { groupId: "anger-2026", memberId: "p-102", role: "member", period: { start: "2026-01-06" }, inactive: false },
      {
        groupId: "anger-2026",
        memberId: "p-103",
        role: "member",
        period: { start: "2026-01-06", end: "2026-01-20" },
        inactive: true,
      },
      {
        groupId: "anger-2026",
        memberId: "dr-ames",
        role: "facilitator",
        period: { start: "2026-01-06" },
        inactive: false,
      },
    ]);
  });

  it("numbers sessions by start time and reads the length from minutesDuration, else end minus start", () => {
    expect(record.sessions).toEqual([
      {
        id: "appt-0120",
        groupId: "anger-2026",
        sequence: 2,
        scheduledStart: "2026-01-20T17:30:00-07:00",
        durationMinutes: 90,
        status: "scheduled",
        mode: "in-person",
        topic: "Triggers and early warning signs",
        interventions: [],
      },
      {
        id: "appt-0113",
        groupId: "anger-2026",
        sequence: 1,
        scheduledStart: "2026-01-13T17:30:00-07:00",
        durationMinutes: 90,
        status: "held",
        mode: "in-person",
        topic: "The anger cycle",
        interventions: [],
      },
    ]);
  });

  it("reads attendance of the held session only, for Patients only; with no Encounters, accepted is not an absence", () => {
    expect(record.attendance).toEqual([
      { sessionId: "appt-0113", memberId: "p-101", status: "not-recorded" },
      { sessionId: "appt-0113", memberId: "p-102", status: "excused" },
      { sessionId: "appt-0113", memberId: "p-103", status: "not-recorded" },
    ]);
  });

  it("warns of what a person may want to look at, each at its place in the Bundle", () => {
    expect(codes(result)).toEqual([
      ["warning", "missing-exit-reason", ["entry", 0, "resource", "member", 2, "extension"]],
      ["warning", "no-security-labels", ["entry"]],
    ]);
    expect(result.security).toEqual({ confidentiality: "N", sensitivity: [] });
  });
});

describe("an EHR's group Encounters with member Encounters partOf them", () => {
  const result = okValue(
    fromFhirBundle(fixture("ehr-encounters"), {
      group: {
        purpose: "Help separating parents keep children out of the conflict.",
        kind: "psychoeducation",
        membership: "closed",
        participation: "optional",
        timeZone: "America/New_York",
        startDate: "2026-03-02",
      },
    }),
  );
  const record = result.value;

  it("makes a session of each group Encounter no Appointment matches, its mode from the class", () => {
    expect(
      record.sessions.map((s) => [s.id, s.sequence, s.scheduledStart, s.durationMinutes, s.status, s.mode]),
    ).toEqual([
      ["grp-0309", 2, "2026-03-09T18:00:00-04:00", 90, "held", "in-person"],
      ["grp-0302", 1, "2026-03-02T18:00:00-05:00", 90, "held", "virtual"],
    ]);
  });

  it("reads a late arrival, an early departure and both (late) from the member Encounters' periods", () => {
    expect(record.attendance).toEqual([
      {
        sessionId: "grp-0309",
        memberId: "a",
        status: "present",
        arrivedAt: "2026-03-09T18:00:00-04:00",
        departedAt: "2026-03-09T19:30:00-04:00",
      },
      {
        sessionId: "grp-0309",
        memberId: "b",
        status: "late",
        arrivedAt: "2026-03-09T18:12:00-04:00",
        departedAt: "2026-03-09T19:30:00-04:00",
      },
      {
        sessionId: "grp-0309",
        memberId: "c",
        status: "left-early",
        arrivedAt: "2026-03-09T18:00:00-04:00",
        departedAt: "2026-03-09T19:05:00-04:00",
      },
      {
        sessionId: "grp-0309",
        memberId: "d",
        status: "late",
        arrivedAt: "2026-03-09T18:20:00-04:00",
        departedAt: "2026-03-09T19:10:00-04:00",
      },
      // No period: present, with no times. A cancelled member Encounter: absent.
      { sessionId: "grp-0302", memberId: "a", status: "present" },
      { sessionId: "grp-0302", memberId: "b", status: "absent" },
    ]);
  });

  it("warns that nobody facilitates, and that the Bundle has no security labels", () => {
    expect(codes(result)).toEqual([
      ["warning", "no-facilitator", ["entry", 0, "resource"]],
      ["warning", "no-security-labels", ["entry"]],
    ]);
  });
});

describe("a transaction with conditional updates and conditional references", () => {
  const result = okValue(
    fromFhirBundle(fixture("transaction-conditional"), {
      group: {
        id: "RP-12",
        purpose: "Relapse prevention for people in recovery.",
        kind: "therapy",
        membership: "closed",
        participation: "mandatory",
        timeZone: "Europe/London",
        startDate: "2026-05-04",
      },
    }),
  );
  const record = result.value;
  const uuid = (n: number) => `urn:uuid:0b8f4a52-7d0e-4c55-9d8e-2f3c1a9b6e0${n}`;

  it("names resources with no id by their fullUrl, and the group by the option", () => {
    expect(record.group.id).toBe("RP-12");
    expect(record.members.map((m) => [m.id, m.displayName])).toEqual([
      [uuid(1), "Mei Lin"],
      [uuid(2), "Tom Reyes"],
    ]);
    expect(record.memberships.map((m) => m.memberId)).toEqual([uuid(1), uuid(2)]);
  });

  it("matches the group Encounter to its Appointment; accepted with no member Encounter is an absence", () => {
    expect(record.sessions).toEqual([
      {
        id: uuid(4),
        groupId: "RP-12",
        sequence: 1,
        scheduledStart: "2026-05-04T10:00:00+01:00",
        durationMinutes: 60,
        status: "held",
        mode: "in-person",
        interventions: [],
      },
    ]);
    expect(record.attendance).toEqual([
      {
        sessionId: uuid(4),
        memberId: uuid(1),
        status: "present",
        arrivedAt: "2026-05-04T10:00:00+01:00",
        departedAt: "2026-05-04T11:00:00+01:00",
      },
      { sessionId: uuid(4), memberId: uuid(2), status: "absent" },
    ]);
  });

  it("returns the high-water mark of the labels: restricted, psychiatry and substance use", () => {
    expect(result.security).toEqual({ confidentiality: "R", sensitivity: ["PSY", "SUD"] });
  });

  it("names the DELETE entry, which adds nothing", () => {
    expect(codes(result)).toEqual([
      ["warning", "unsupported-resource", ["entry", 6]],
      ["warning", "no-facilitator", ["entry", 2, "resource"]],
    ]);
  });
});

describe("a searchset with included resources and an OperationOutcome", () => {
  const result = okValue(
    fromFhirBundle(fixture("searchset"), {
      group: {
        purpose: "Peer support for young carers.",
        kind: "support",
        membership: "open",
        participation: "optional",
        timeZone: "Europe/London",
        startDate: "2026-06-01",
      },
      sessionMode: "virtual",
    }),
  );
  const record = result.value;

  it("reads a no-show Appointment as a session that did not take place, with no attendance", () => {
    expect(record.sessions.map((s) => [s.id, s.sequence, s.status, s.mode, s.durationMinutes])).toEqual([
      ["ap-1", 1, "held", "virtual", 45],
      ["ap-2", 2, "did-not-take-place", "virtual", 45],
    ]);
    expect(record.attendance).toEqual([
      {
        sessionId: "ap-1",
        memberId: "yc-1",
        status: "present",
        arrivedAt: "2026-06-01T16:00:00+01:00",
        departedAt: "2026-06-01T16:45:00+01:00",
      },
      { sessionId: "ap-1", memberId: "yc-2", status: "absent" },
    ]);
    expect(record.members.map((m) => m.birthDate)).toEqual(["2011-02-14", "2010-09-30"]);
  });

  it("names the OperationOutcome instead of dropping it, and reads the one label", () => {
    expect(codes(result)).toEqual([
      ["warning", "unsupported-resource", ["entry", 7, "resource"]],
      ["warning", "no-facilitator", ["entry", 0, "resource"]],
    ]);
    expect(result.security).toEqual({ confidentiality: "N", sensitivity: [] });
  });
});
