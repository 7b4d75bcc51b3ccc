import { describe, expect, it } from "vitest";
import {
  attendanceSummary,
  GroupRecordSchema,
  GroupworkError,
  isActiveMember,
  parseGroupRecord,
  participationFlags,
  replayStageEvents,
  tuckmanModel,
} from "../../src/index";
import { buildGroupRecord, type GroupRecordBuilder, scenarioMemberNames } from "../../src/testing/index";
import { calendarDate, dayNumberOf, formatInstant, offsetMinutesAt, zonedInstant } from "../fixtures/calendar";

const CHICAGO = {
  name: "Thursday grief group",
  kind: "support",
  membership: "open",
  timeZone: "America/Chicago",
} as const;
const TEN_THURSDAYS = {
  weekday: "thursday",
  startTime: "18:00",
  minutes: 90,
  firstDate: "2026-02-19",
  sessions: 10,
} as const;

/** The acceptance scenario: written as a test author would, in a few chained calls. */
function griefGroup(): GroupRecordBuilder {
  return buildGroupRecord(CHICAGO)
    .meetsWeekly(TEN_THURSDAYS)
    .facilitator("Ana Rivera")
    .members(8)
    .absent(3, { sessions: [4, 5, 6] })
    .agreementAdopted({ session: 1 })
    .consent(1, {
      recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
      purposes: ["TREAT"],
      dataClasses: ["progress-note"],
    });
}

/** The scenario with people and no marks, for the calls under test. */
const base = buildGroupRecord(CHICAGO).meetsWeekly(TEN_THURSDAYS).facilitator("Ana Rivera").members(8);

describe("the acceptance scenario", () => {
  const record = griefGroup().build();

  it("is a record parseGroupRecord accepts with no issue at all", () => {
    const result = parseGroupRecord(griefGroup().buildInput());
    expect(result.ok).toBe(true);
    expect(result.issues).toEqual([]);
    expect(GroupRecordSchema.safeParse(griefGroup().buildInput()).success).toBe(true);
  });

  it("has the documented ids: g-1, s-1 to s-10, f-1, m-1 to m-8, c-1", () => {
    expect(record.group.id).toBe("g-1");
    expect(record.sessions.map((session) => session.id)).toEqual([
      "s-1",
      "s-2",
      "s-3",
      "s-4",
      "s-5",
      "s-6",
      "s-7",
      "s-8",
      "s-9",
      "s-10",
    ]);
    expect(record.members.map((member) => member.id)).toEqual([
      "f-1",
      "m-1",
      "m-2",
      "m-3",
      "m-4",
      "m-5",
      "m-6",
      "m-7",
      "m-8",
    ]);
    expect(record.consents.map((consent) => [consent.id, consent.memberId])).toEqual([["c-1", "m-1"]]);
  });

  it("runs from the first Thursday to the tenth, ten weeks later", () => {
    // 19 February 2026 plus 63 days: 9 left in February, 31 in March, 23 in April.
    expect(record.group).toMatchObject({
      startDate: "2026-02-19",
      endDate: "2026-04-23",
      plannedSessions: 10,
      membership: "open",
      stageModel: "tuckman",
    });
  });

  it("gives member 3 three absences and everyone else ten sessions attended", () => {
    const summary = attendanceSummary(record);
    expect(summary.members.map((member) => [member.memberId, member.attended, member.absent])).toEqual([
      ["m-1", 10, 0],
      ["m-2", 10, 0],
      ["m-3", 7, 3],
      ["m-4", 10, 0],
      ["m-5", 10, 0],
      ["m-6", 10, 0],
      ["m-7", 10, 0],
      ["m-8", 10, 0],
    ]);
    expect(summary.members[2]?.longestAbsenceStreak).toBe(3);
  });

  it("flags member 3 for outreach over sessions 4 to 6", () => {
    const flags = participationFlags(record).filter((flag) => flag.code === "outreach");
    expect(flags.map((flag) => [flag.memberId, flag.sessionIds])).toEqual([["m-3", ["s-4", "s-5", "s-6"]]]);
  });

  it("has the agreement adopted and signed by all eight members on the first day", () => {
    expect(record.agreements).toHaveLength(1);
    expect(record.agreements[0]).toMatchObject({ version: "1", adoptedOn: "2026-02-19", limitsExplained: true });
    expect(record.agreements[0]?.signatures.map((signature) => signature.memberId)).toEqual([
      "m-1",
      "m-2",
      "m-3",
      "m-4",
      "m-5",
      "m-6",
      "m-7",
      "m-8",
    ]);
  });

  it("has the consent given in writing by the member at the first session", () => {
    expect(record.consents[0]).toEqual({
      id: "c-1",
      memberId: "m-1",
      grantedBy: "self",
      recipients: [{ kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }],
      purposes: ["TREAT"],
      dataClasses: ["progress-note"],
      validFrom: "2026-02-19T18:00:00-06:00",
      form: "written",
      withholdFrom: [],
    });
  });
});

describe("scheduling on the group's wall clock", () => {
  it("writes each session with its date's offset across the start of daylight time in Chicago (8 March 2026)", () => {
    // By hand: US daylight time starts on the second Sunday of March, 8 March 2026; CST is UTC-6 and CDT UTC-5.
    expect(
      griefGroup()
        .build()
        .sessions.map((session) => session.scheduledStart),
    ).toEqual([
      "2026-02-19T18:00:00-06:00",
      "2026-02-26T18:00:00-06:00",
      "2026-03-05T18:00:00-06:00",
      "2026-03-12T18:00:00-05:00",
      "2026-03-19T18:00:00-05:00",
      "2026-03-26T18:00:00-05:00",
      "2026-04-02T18:00:00-05:00",
      "2026-04-09T18:00:00-05:00",
      "2026-04-16T18:00:00-05:00",
      "2026-04-23T18:00:00-05:00",
    ]);
  });

  it("writes the end of daylight time in the southern hemisphere (Pacific/Chatham, 5 April 2026)", () => {
    // By hand: New Zealand daylight time ends on the first Sunday of April; Chatham goes from +13:45 to +12:45.
    const record = buildGroupRecord({ ...CHICAGO, timeZone: "Pacific/Chatham" })
      .meetsWeekly({ ...TEN_THURSDAYS, firstDate: "2026-03-26", sessions: 3 })
      .facilitator("Ana Rivera")
      .build();
    expect(record.sessions.map((session) => session.scheduledStart)).toEqual([
      "2026-03-26T18:00:00+13:45",
      "2026-04-02T18:00:00+13:45",
      "2026-04-09T18:00:00+12:45",
    ]);
  });

  it.each([
    ["America/Chicago", "thursday", "2026-01-01", "19:15"],
    ["Europe/London", "sunday", "2026-01-04", "09:30"],
    ["Pacific/Chatham", "monday", "2026-01-05", "18:00"],
    ["Australia/Lord_Howe", "wednesday", "2026-01-07", "12:00"],
    ["America/St_Johns", "friday", "2026-01-02", "20:45"],
    ["Asia/Kolkata", "tuesday", "2026-01-06", "07:00"],
  ] as const)("agrees with the tests' own calendar over a year in %s", (timeZone, weekday, firstDate, startTime) => {
    const record = buildGroupRecord({ ...CHICAGO, timeZone })
      .meetsWeekly({ weekday, startTime, minutes: 60, firstDate, sessions: 52 })
      .facilitator("Ana Rivera")
      .build();
    const secondOfDay = Number(startTime.slice(0, 2)) * 3600 + Number(startTime.slice(3)) * 60;
    const expected = Array.from({ length: 52 }, (_, week) => {
      const day = dayNumberOf(firstDate) + 7 * week;
      const time = zonedInstant(day, secondOfDay, timeZone);
      return formatInstant(time, offsetMinutesAt(timeZone, time));
    });
    expect(record.sessions.map((session) => session.scheduledStart)).toEqual(expected);
    expect(record.group.endDate).toBe(calendarDate(dayNumberOf(firstDate) + 7 * 51));
  });

  it("takes the first of a time the clocks pass twice (01:30 on 1 November 2026 in Chicago)", () => {
    // By hand: daylight time ends at 02:00 CDT on the first Sunday of November; 01:30 comes first at UTC-5.
    const record = buildGroupRecord(CHICAGO)
      .meetsWeekly({ weekday: "sunday", startTime: "01:30", minutes: 30, firstDate: "2026-10-25", sessions: 3 })
      .facilitator("Ana Rivera")
      .build();
    expect(record.sessions.map((session) => session.scheduledStart)).toEqual([
      "2026-10-25T01:30:00-05:00",
      "2026-11-01T01:30:00-05:00",
      "2026-11-08T01:30:00-06:00",
    ]);
  });

  it("writes arrival, departure and stage-log times with the offset of their own date", () => {
    const record = base
      .late(2, { sessions: [3, 4] })
      .leftEarly(6, { sessions: [4], minutes: 20 })
      .advance({ after: 3 })
      .build({ warnings: "allow" });
    const at = (memberId: string, sessionId: string) =>
      record.attendance.find((entry) => entry.memberId === memberId && entry.sessionId === sessionId);
    expect([at("m-2", "s-3")?.arrivedAt, at("m-2", "s-4")?.arrivedAt]).toEqual([
      "2026-03-05T18:10:00-06:00",
      "2026-03-12T18:10:00-05:00",
    ]);
    expect([at("m-6", "s-4")?.arrivedAt, at("m-6", "s-4")?.departedAt]).toEqual([
      "2026-03-12T18:00:00-05:00",
      "2026-03-12T19:10:00-05:00",
    ]);
    expect(record.stageEvents.find((event) => event.type === "ADVANCE")?.at).toBe("2026-03-05T19:45:00-06:00");
  });

  it("writes an offset with seconds (local mean time, before standard time) in UTC", () => {
    // By hand: Chicago kept local mean time, UTC-5:50:36, until 18 November 1883; 18:00 then was 23:50:36 UTC.
    const record = buildGroupRecord(CHICAGO)
      .meetsWeekly({ ...TEN_THURSDAYS, firstDate: "1883-01-04", sessions: 1 })
      .facilitator("Ana Rivera")
      .build();
    expect(record.sessions[0]?.scheduledStart).toBe("1883-01-04T23:50:36Z");
  });
});

describe("every option", () => {
  it("reaches the record", () => {
    const record = buildGroupRecord({
      ...CHICAGO,
      kind: "self-help",
      id: "grp-peer-loss",
      purpose: "Peer support after a loss.",
      participation: "mandatory",
      capacity: 12,
      stageModel: "boston",
    })
      .meetsWeekly({ ...TEN_THURSDAYS, sessions: 3, mode: "virtual" })
      .members(["Hope Lindqvist", "Will Chen"])
      .leftEarly("m-2", { sessions: [2] })
      .agreementAdopted({ session: 1, version: "2026-02" })
      .consent("m-2", {
        recipient: { kind: "family-or-guardian", id: "rel-7", name: "Katrin Chen" },
        purposes: ["FAMRQT"],
        dataClasses: ["attendance"],
        session: 2,
        grantedBy: "legal-representative",
        form: "electronic",
        legalBasis: "state-law",
        validUntil: "2027-02-26T18:00:00-06:00",
      })
      .advance({ after: 3 })
      .build();
    expect(record.group).toEqual({
      id: "grp-peer-loss",
      name: "Thursday grief group",
      purpose: "Peer support after a loss.",
      kind: "self-help",
      membership: "open",
      participation: "mandatory",
      plannedSessions: 3,
      capacity: 12,
      timeZone: "America/Chicago",
      startDate: "2026-02-19",
      endDate: "2026-03-05",
      stageModel: "boston",
    });
    expect(record.sessions.map((session) => [session.groupId, session.mode])).toEqual([
      ["grp-peer-loss", "virtual"],
      ["grp-peer-loss", "virtual"],
      ["grp-peer-loss", "virtual"],
    ]);
    // 90 minutes from 18:00, less the default 30: 19:00.
    expect(record.attendance.find((entry) => entry.status === "left-early")?.departedAt).toBe(
      "2026-02-26T19:00:00-06:00",
    );
    expect(record.agreements[0]?.version).toBe("2026-02");
    expect(record.consents[0]).toMatchObject({
      recipients: [{ kind: "family-or-guardian", id: "rel-7", name: "Katrin Chen" }],
      validFrom: "2026-02-26T18:00:00-06:00",
      validUntil: "2027-02-26T18:00:00-06:00",
      grantedBy: "legal-representative",
      form: "electronic",
      legalBasis: "state-law",
    });
    // A self-help group has no facilitator: its own id records the stage log.
    expect(record.stageEvents.at(-1)).toEqual({
      type: "ADVANCE",
      at: "2026-03-05T19:45:00-06:00",
      by: "grp-peer-loss",
    });
  });
});

describe("attendance, cancellations and membership changes", () => {
  it("counts late, left-early and excused marks as the metrics define them", () => {
    const record = base
      .late(1, { sessions: [2, 5] })
      .leftEarly(1, { sessions: [7] })
      .excused(1, { sessions: [9] })
      .build();
    const first = attendanceSummary(record).members[0];
    // Ten offered: seven present, two late and one left early attended; one excused.
    expect(first).toMatchObject({ offered: 10, attended: 9, present: 6, late: 2, leftEarly: 1, excused: 1, absent: 0 });
  });

  it("leaves a cancelled session out of everyone's offered sessions", () => {
    const record = base.cancel({ sessions: [5] }).build();
    expect(record.sessions[4]?.status).toBe("cancelled");
    expect(record.attendance.some((entry) => entry.sessionId === "s-5")).toBe(false);
    expect(attendanceSummary(record).members.every((member) => member.offered === 9)).toBe(true);
    expect(record.stageEvents.filter((event) => event.type === "SESSION_HELD")).toHaveLength(9);
  });

  it("ends a leaver's membership on the day of their last session, with the reason", () => {
    const record = base.leaves(5, { after: 6, reason: "dropped-out" }).build();
    const membership = record.memberships.find((entry) => entry.memberId === "m-5");
    expect(membership?.period).toEqual({ start: "2026-02-19", end: "2026-03-26" });
    expect(membership?.exitReason).toBe("dropped-out");
    expect(membership === undefined ? undefined : isActiveMember(membership, "2026-03-27")).toBe(false);
    expect(attendanceSummary(record).members[4]?.offered).toBe(6);
    expect(record.stageEvents.filter((event) => event.type === "MEMBER_LEFT")).toEqual([
      { type: "MEMBER_LEFT", at: "2026-03-26T19:45:00-05:00", by: "f-1", memberId: "m-5" },
    ]);
  });

  it("starts a newcomer's membership at the session they join, in an open group", () => {
    const record = base
      .joins(["Hope Lindqvist", "Jamal Price"], { session: 4 })
      .absent("m-10", { sessions: [5] })
      .build();
    expect(record.members.slice(-2)).toEqual([
      { id: "m-9", displayName: "Hope Lindqvist", interpreterNeeded: false, accessibilityNeeds: [] },
      { id: "m-10", displayName: "Jamal Price", interpreterNeeded: false, accessibilityNeeds: [] },
    ]);
    expect(record.memberships.at(-1)?.period).toEqual({ start: "2026-03-12" });
    // Sessions 4 to 10: seven offered.
    expect(
      attendanceSummary(record)
        .members.slice(-2)
        .map((member) => [member.offered, member.absent]),
    ).toEqual([
      [7, 0],
      [7, 1],
    ]);
    expect(record.stageEvents.filter((event) => event.type === "MEMBER_JOINED").map((event) => event.at)).toEqual([
      "2026-03-12T18:00:00-05:00",
      "2026-03-12T18:00:00-05:00",
    ]);
  });

  it("adds a co-facilitator after the facilitator", () => {
    const record = base.coFacilitator("Chidi Okafor").build();
    expect(record.memberships.slice(0, 2).map((membership) => [membership.memberId, membership.role])).toEqual([
      ["f-1", "facilitator"],
      ["f-2", "co-facilitator"],
    ]);
  });
});

describe("the stage log", () => {
  const scenario = base
    .agreementAdopted({ session: 1 })
    .advance({ after: 2, reason: "Members question the no-advice norm." })
    .advance({ after: 4, reason: "Members answer each other." })
    .regress({ after: 6, to: "storming", reason: "Tension about airtime returned." })
    .advance({ after: 7 })
    .advance({ after: 8 })
    .adjourn({ after: 9, reason: "One session is left." })
    .close({ after: 10 });
  const input = { at: "2026-02-19T18:00:00-06:00", by: "f-1", activeMembers: 8 };

  it("replays with Tuckman's model through every stage to closed", () => {
    const replay = replayStageEvents(tuckmanModel, input, scenario.build().stageEvents);
    expect(replay.ok).toBe(true);
    // By hand: sessions 1–2 in forming, 3–4 storming, 5–6 norming, 7 storming, 8 norming, 9 performing, 10 adjourning.
    expect(replay.snapshot.context.history.map((entry) => [entry.stage, entry.sessions])).toEqual([
      ["forming", 2],
      ["storming", 2],
      ["norming", 2],
      ["storming", 1],
      ["norming", 1],
      ["performing", 1],
      ["adjourning", 1],
      ["closed", 0],
    ]);
  });

  it("records what it is told, so a log the machine refuses can be tested too", () => {
    const record = base.advance({ after: 1 }).build();
    const replay = replayStageEvents(tuckmanModel, input, record.stageEvents);
    // SESSION_HELD for session 1, then the ADVANCE without an agreement.
    expect(replay.ok ? [] : [replay.index, replay.blockedBy.map((reason) => reason.code)]).toEqual([
      1,
      ["agreement-not-adopted"],
    ]);
  });
});

describe("determinism and branching", () => {
  it("gives deep-equal records for the same calls", () => {
    expect(griefGroup().build()).toEqual(griefGroup().build());
    expect(JSON.stringify(griefGroup().buildInput())).toBe(JSON.stringify(griefGroup().buildInput()));
  });

  it("leaves the builder a call was made on unchanged", () => {
    const before = base.build();
    const branch = base.absent(1, { sessions: [1] }).cancel({ sessions: [10] });
    expect(base.build()).toEqual(before);
    expect(branch.build()).not.toEqual(before);
  });

  it("returns new objects from each buildInput, which a test may change", () => {
    const first = base.buildInput();
    first.members.length = 0;
    expect(base.buildInput().members).toHaveLength(9);
  });

  it("names members from the documented list, then again with a number", () => {
    const record = buildGroupRecord(CHICAGO).meetsWeekly(TEN_THURSDAYS).facilitator("Ana Rivera").members(25).build();
    const names = record.members.slice(1).map((member) => member.displayName);
    expect(names.slice(0, 3)).toEqual(["Amara Okafor", "Mateo Hernández", "Mei Lin Chen"]);
    expect(names[23]).toBe("Maya van der Berg");
    expect(names[24]).toBe("Amara Okafor 2");
    expect(new Set(names).size).toBe(25);
    expect(scenarioMemberNames).toHaveLength(24);
  });
});

describe("build", () => {
  it("throws with every warning listed unless warnings are allowed", () => {
    const scenario = buildGroupRecord({ ...CHICAGO, capacity: 6 })
      .meetsWeekly(TEN_THURSDAYS)
      .facilitator("Ana Rivera")
      .members(8)
      .agreementAdopted({ session: 1, limitsExplained: false });
    expect(() => scenario.build()).toThrow(
      [
        `build: the scenario's group record has warnings; pass { warnings: "allow" } if the test means them:`,
        "warning capacity-exceeded at group.capacity: More members were enrolled than the group's capacity of 6 at session(s) 1 (8), 2 (8), 3 (8), 4 (8), 5 (8), 6 (8), 7 (8), 8 (8), 9 (8), 10 (8); raise the capacity or check the memberships.",
        `warning limits-not-explained at agreements[0].limitsExplained: Agreement version "1" does not record that members were told confidentiality among them cannot be guaranteed (NASW 1.07(f)).`,
      ].join("\n"),
    );
    expect(scenario.build({ warnings: "allow" }).group.capacity).toBe(6);
  });

  it("throws with the errors parseGroupRecord finds in an inconsistent scenario", () => {
    const scenario = base.consent(2, {
      recipient: { kind: "payer", organisation: "Prairie Health Plan" },
      purposes: ["HPAYMT"],
      dataClasses: ["attendance"],
      validUntil: "2026-01-01T00:00:00-06:00",
    });
    const thrown = (() => {
      try {
        scenario.build();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(GroupworkError);
    expect((thrown as GroupworkError).message).toBe(
      [
        "build: the scenario does not make a valid group record:",
        'error consent-ends-before-start at consents[0].validUntil: Consent "c-1" expires at 2026-01-01T00:00:00-06:00, before it takes effect at 2026-02-19T18:00:00-06:00.',
      ].join("\n"),
    );
    expect(() => scenario.buildInput({ warnings: "allow" })).toThrow("consent-ends-before-start");
  });
});

const GROUP_KINDS = '"support", "therapy", "psychoeducation", "skills", "socialisation", "growth", "task", "self-help"';
const WEEKDAY_NAMES = '"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"';
const RECIPIENT_KINDS =
  '"group-member", "facilitator", "co-facilitator", "supervisor", "agency-staff", "outside-provider", "payer", "researcher", "family-or-guardian", "child-protective-services", "law-enforcement", "emergency-services", "person-at-risk", "court", "hhs-secretary", "health-oversight", "coroner-or-medical-examiner", "public"';
const PURPOSES =
  '"TREAT", "COC", "ETREAT", "BTG", "HPAYMT", "HOPERAT", "TRAIN", "HRESCH", "PUBHLTH", "THREAT", "PATRQT", "FAMRQT", "HLEGAL"';
const CONSENT = {
  recipient: { kind: "outside-provider", name: "Dr. Amara Osei" },
  purposes: ["TREAT"],
  dataClasses: ["progress-note"],
} as const;
const unscheduled = buildGroupRecord(CHICAGO).facilitator("Ana Rivera").members(8);

// Each call, each argument: the exact message a test author sees.
const argumentErrors: readonly (readonly [string, () => unknown, string])[] = [
  [
    "a zone that is not IANA",
    () => buildGroupRecord({ ...CHICAGO, timeZone: "-06:00" }),
    'buildGroupRecord: group.timeZone must be an IANA time zone name such as "America/Chicago"; got "-06:00".',
  ],
  [
    "a misspelt zone",
    () => buildGroupRecord({ ...CHICAGO, timeZone: "America/Chicgo" }),
    'buildGroupRecord: group.timeZone must be an IANA time zone name such as "America/Chicago"; got "America/Chicgo".',
  ],
  [
    "a blank name",
    () => buildGroupRecord({ ...CHICAGO, name: "  " }),
    'buildGroupRecord: group.name must be text that is not blank, such as "Thursday grief group"; got "  ".',
  ],
  [
    "a kind outside the vocabulary",
    () => buildGroupRecord({ ...CHICAGO, kind: "grief" as "support" }),
    `buildGroupRecord: group.kind must be one of ${GROUP_KINDS}; got "grief".`,
  ],
  [
    "a misspelt option",
    () => buildGroupRecord({ ...CHICAGO, timezone: "UTC" } as unknown as typeof CHICAGO),
    'buildGroupRecord: group has the key "timezone", which it does not take; it takes "name", "kind", "membership", "timeZone", "id", "purpose", "participation", "capacity", "stageModel".',
  ],
  [
    "a group that is not an object",
    () => buildGroupRecord("Thursday grief group" as unknown as typeof CHICAGO),
    'buildGroupRecord: group must be an object with "name", "kind", "membership", "timeZone", "id", "purpose", "participation", "capacity", "stageModel"; got "Thursday grief group".',
  ],
  [
    "an unknown weekday",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, weekday: "thurs" as "thursday" }),
    `meetsWeekly: options.weekday must be one of ${WEEKDAY_NAMES}; got "thurs".`,
  ],
  [
    "an impossible time",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, startTime: "25:00" }),
    'meetsWeekly: options.startTime must be a time of day HH:MM from 00:00 to 23:59, such as "18:00"; got "25:00".',
  ],
  [
    "a first date on another weekday",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, firstDate: "2026-02-18" }),
    "meetsWeekly: options.firstDate 2026-02-18 is a wednesday, not a thursday.",
  ],
  [
    "a first date that does not exist",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, firstDate: "2026-02-30" }),
    'meetsWeekly: options.firstDate must be a real calendar date YYYY-MM-DD, such as "2026-02-19"; got "2026-02-30".',
  ],
  [
    "a session of no minutes",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, minutes: 0 }),
    "meetsWeekly: options.minutes must be a whole number from 1 to 1440; got 0.",
  ],
  [
    "a fraction of a session",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, sessions: 1.5 }),
    "meetsWeekly: options.sessions must be a whole number from 1 to 1000; got 1.5.",
  ],
  [
    "a start time the clocks skip",
    () =>
      buildGroupRecord(CHICAGO).meetsWeekly({
        weekday: "sunday",
        startTime: "02:30",
        minutes: 60,
        firstDate: "2026-03-01",
        sessions: 3,
      }),
    "meetsWeekly: options.startTime 02:30 does not exist on 2026-03-08 (session 2) in America/Chicago: the clocks skip it. Choose another time.",
  ],
  [
    "a second schedule",
    () => base.meetsWeekly(TEN_THURSDAYS),
    "meetsWeekly: the group already meets weekly (sessions 1 to 10); call meetsWeekly once per scenario.",
  ],
  [
    "a blank facilitator",
    () => base.facilitator(""),
    'facilitator: name must be text that is not blank, such as "Ana Rivera"; got "".',
  ],
  ["no members", () => base.members(0), "members: who must be a whole number from 1 to 1000; got 0."],
  [
    "a blank member name",
    () => base.members(["Hope Lindqvist", " "]),
    'members: who[1] must be text that is not blank, such as "Amara Okafor"; got " ".',
  ],
  [
    "marks before the schedule",
    () => unscheduled.absent(3, { sessions: [4] }),
    "absent: the group has no sessions yet; call meetsWeekly before absent.",
  ],
  [
    "an unknown member by position",
    () => base.absent(9, { sessions: [4] }),
    'absent: member 9 is not in the group; its members are 1 to 8 ("m-1" to "m-8").',
  ],
  [
    "an unknown member by id",
    () => base.excused("m-12", { sessions: [4] }),
    'excused: member "m-12" is not in the group; its members are 1 to 8 ("m-1" to "m-8").',
  ],
  [
    "a member in a group with none",
    () =>
      buildGroupRecord(CHICAGO)
        .meetsWeekly(TEN_THURSDAYS)
        .absent(1, { sessions: [1] }),
    "absent: member 1 is not in the group; it has no members yet; add them with members.",
  ],
  [
    "a session out of range",
    () => base.absent(3, { sessions: [4, 11] }),
    "absent: options.sessions[1] must be a session number from 1 to 10 (the group meets 10 times); got 11.",
  ],
  [
    "no sessions",
    () => base.absent(3, { sessions: [] }),
    "absent: options.sessions must be a list with at least one entry; got an array of 0 items.",
  ],
  [
    "a session listed twice",
    () => base.absent(3, { sessions: [4, 4] }),
    "absent: options.sessions lists session 4 twice; list each session once.",
  ],
  [
    "a misspelt sessions option",
    () => base.absent(3, { session: [4] } as unknown as { sessions: number[] }),
    'absent: options has the key "session", which it does not take; it takes "sessions".',
  ],
  [
    "a session marked twice",
    () => base.absent(3, { sessions: [4] }).late(3, { sessions: [4] }),
    'late: member 3 ("m-3") is already marked absent at session 4.',
  ],
  [
    "lateness as long as the session",
    () => base.late(3, { sessions: [4], minutes: 90 }),
    "late: options.minutes must be a whole number from 1 to 89; got 90.",
  ],
  [
    "a mark at a cancelled session",
    () => base.cancel({ sessions: [5] }).absent(3, { sessions: [5] }),
    "absent: session 5 is cancelled; a cancelled session has no attendance.",
  ],
  [
    "cancelling a session with marks",
    () => base.absent(3, { sessions: [4] }).cancel({ sessions: [4] }),
    'cancel: session 4 has attendance marks (member "m-3" absent); a cancelled session has no attendance, so cancel it before marking or drop the marks.',
  ],
  [
    "cancelling twice",
    () => base.cancel({ sessions: [4] }).cancel({ sessions: [4] }),
    "cancel: session 4 is already cancelled.",
  ],
  [
    "joining a closed group",
    () =>
      buildGroupRecord({ ...CHICAGO, membership: "closed" })
        .meetsWeekly(TEN_THURSDAYS)
        .joins(1, { session: 4 }),
    'joins: the group\'s membership is closed; only an open group takes members after it starts (buildGroupRecord({ membership: "open", … })).',
  ],
  [
    "joining at the first session",
    () => base.joins(1, { session: 1 }),
    "joins: options.session must be a session number from 2 to 10 (members who start at session 1 are added with members); got 1.",
  ],
  [
    "a mark before joining",
    () => base.joins(1, { session: 4 }).absent(9, { sessions: [2] }),
    'absent: member 9 ("m-9") joins at session 4, so is not enrolled at session 2.',
  ],
  [
    "an exit reason outside the vocabulary",
    () => base.leaves(3, { after: 6, reason: "quit" as "dropped-out" }),
    'leaves: options.reason must be one of "completed", "dropped-out", "transferred", "removed", "other"; got "quit".',
  ],
  [
    "a mark after leaving",
    () => base.leaves(3, { after: 6, reason: "dropped-out" }).absent(3, { sessions: [8] }),
    'absent: member 3 ("m-3") leaves after session 6, so is not enrolled at session 8.',
  ],
  [
    "leaving before a mark",
    () => base.absent(3, { sessions: [8] }).leaves(3, { after: 6, reason: "dropped-out" }),
    'leaves: member 3 ("m-3") is marked absent at session 8, after leaving; leave later or drop the mark.',
  ],
  [
    "leaving twice",
    () => base.leaves(3, { after: 6, reason: "dropped-out" }).leaves(3, { after: 7, reason: "completed" }),
    'leaves: member 3 ("m-3") already leaves after session 6.',
  ],
  [
    "leaving before joining",
    () => base.joins(1, { session: 4 }).leaves(9, { after: 2, reason: "dropped-out" }),
    'leaves: member 9 ("m-9") joins at session 4, so cannot leave after session 2.',
  ],
  [
    "an agreement at a cancelled session",
    () => base.cancel({ sessions: [1] }).agreementAdopted({ session: 1 }),
    "agreementAdopted: session 1 is cancelled; adopt the agreement at a session that takes place.",
  ],
  [
    "an agreement version twice",
    () => base.agreementAdopted({ session: 1 }).agreementAdopted({ session: 5, version: "1" }),
    'agreementAdopted: options.version "1" is already adopted at session 1; give each version its own label.',
  ],
  [
    "cancelling the session that adopts the agreement",
    () => base.agreementAdopted({ session: 1 }).cancel({ sessions: [1] }),
    'cancel: session 1 adopts the agreement (version "1"); a cancelled session adopts nothing, so adopt it at another session.',
  ],
  [
    "a recipient kind outside the vocabulary",
    () => base.consent(1, { ...CONSENT, recipient: { kind: "doctor" as "outside-provider" } }),
    `consent: options.recipient.kind must be one of ${RECIPIENT_KINDS}; got "doctor".`,
  ],
  [
    "a purpose in words",
    () => base.consent(1, { ...CONSENT, purposes: ["treatment" as "TREAT"] }),
    `consent: options.purposes[0] must be one of ${PURPOSES}; got "treatment".`,
  ],
  [
    "an expiry that is not an instant",
    () => base.consent(1, { ...CONSENT, validUntil: "2027-01-01" }),
    'consent: options.validUntil must be an ISO 8601 instant with an offset, such as "2026-06-30T23:59:00-05:00"; got "2027-01-01".',
  ],
  [
    "a stage the model lacks",
    () => base.regress({ after: 6, to: "stroming", reason: "Tension returned." }),
    'regress: options.to "stroming" is not a stage of the tuckman model (forming, storming, norming, performing, adjourning).',
  ],
  [
    "a regression without a reason",
    () => base.regress({ after: 6, to: "storming" } as unknown as { after: number; to: string; reason: string }),
    'regress: options.reason must be text that is not blank, such as "Members disagree openly about the group\'s norms."; got undefined.',
  ],
  [
    "a decision after a session that does not exist",
    () => base.advance({ after: 0 }),
    "advance: options.after must be a session number from 1 to 10 (the group meets 10 times); got 0.",
  ],
  [
    "an adjourn outcome outside the vocabulary",
    () => base.adjourn({ after: 9, outcome: "done" as "completed", reason: "Ending." }),
    'adjourn: options.outcome must be one of "completed", "ended-early"; got "done".',
  ],
  [
    "a schedule past the year 9999",
    () => buildGroupRecord(CHICAGO).meetsWeekly({ ...TEN_THURSDAYS, weekday: "friday", firstDate: "9999-12-31" }),
    "meetsWeekly: options.sessions: session 2 would fall after 9999-12-31; start earlier or meet fewer times.",
  ],
  [
    "members given as text",
    () => base.members("eight" as unknown as number),
    'members: who must be how many members (a whole number) or their names (a list of text); got "eight".',
  ],
  [
    "a member that is neither position nor id",
    () => base.absent(null as unknown as number, { sessions: [1] }),
    'absent: member must be a member\'s position (1, 2, …) or id ("m-1", …); got null.',
  ],
  [
    "limits explained given as text",
    () => base.agreementAdopted({ session: 1, limitsExplained: "yes" as unknown as boolean }),
    'agreementAdopted: options.limitsExplained must be true or false; got "yes".',
  ],
  [
    "a session too short to arrive late",
    () =>
      buildGroupRecord(CHICAGO)
        .meetsWeekly({ ...TEN_THURSDAYS, minutes: 1 })
        .members(1)
        .late(1, { sessions: [1] }),
    "late: the sessions last 1 minute, too short to mark anyone late.",
  ],
  [
    "a build before the schedule",
    () => unscheduled.build(),
    "build: the group has no sessions yet; call meetsWeekly before build.",
  ],
  [
    "a build with an unknown warnings choice",
    () => base.build({ warnings: "ignore" as "allow" }),
    'build: options.warnings must be one of "throw", "allow"; got "ignore".',
  ],
];

describe("argument errors", () => {
  it.each(argumentErrors)("name the call and the argument: %s", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect((error as GroupworkError).message).toBe(message);
      expect((error as GroupworkError).code).toBe("invalid-argument");
    }
  });
});
