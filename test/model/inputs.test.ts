import { describe, expect, it } from "vitest";
import {
  ageOn,
  type GroupRecordInput,
  GroupworkError,
  groupworkJsonSchemas,
  InstantSchema,
  isActiveMember,
  isMinor,
  parseGroupRecord,
} from "../../src/model/index";
import { thrown } from "../fixtures/untrusted";

// What the model accepts: plain string ids, instants with or without seconds, and a Date wherever an instant is meant.

/** A small record a host might build by hand: plain strings for ids, minutes-only instants. */
function hostRecord(ids: { group: string; member: string; session: string }): GroupRecordInput {
  return {
    group: {
      id: ids.group,
      name: "Tuesday carers' group",
      purpose: "Support for unpaid carers.",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "Europe/London",
      startDate: "2026-01-06",
    },
    members: [{ id: ids.member, displayName: "Siobhán Ní Bhriain" }],
    memberships: [{ groupId: ids.group, memberId: ids.member, role: "facilitator" }],
    sessions: [
      {
        id: ids.session,
        groupId: ids.group,
        sequence: 1,
        scheduledStart: "2026-01-06T10:00Z",
        durationMinutes: 90,
        status: "held",
        mode: "in-person",
      },
    ],
    attendance: [{ sessionId: ids.session, memberId: ids.member, status: "late", arrivedAt: "2026-01-06T10:10+00:00" }],
  };
}

describe("parseGroupRecord with a host's plain values", () => {
  it("accepts plain string ids and instants without seconds, and returns the same text", () => {
    const result = parseGroupRecord(hostRecord({ group: "g-1", member: "f-1", session: "s-1" }));
    expect(result.issues).toEqual([]);
    expect(result.ok && [result.value.sessions[0]?.scheduledStart, result.value.attendance[0]?.arrivedAt]).toEqual([
      "2026-01-06T10:00Z",
      "2026-01-06T10:10+00:00",
    ]);
  });

  it("reads an instant without seconds as the same moment as with them", () => {
    // The 90-minute session runs 10:00-11:30, and a time more than an hour outside that is a warning: 12:30 is the
    // last minute allowed, written with or without seconds.
    const at = (arrivedAt: string) => {
      const record = hostRecord({ group: "g-1", member: "f-1", session: "s-1" });
      return parseGroupRecord({ ...record, attendance: [{ ...record.attendance?.[0], arrivedAt }] }).issues;
    };
    expect(at("2026-01-06T12:30+00:00").map((issue) => issue.code)).toEqual([]);
    expect(at("2026-01-06T12:31+00:00").map((issue) => issue.code)).toEqual(["time-outside-session"]);
    expect(at("2026-01-06T12:31:00+00:00").map((issue) => issue.code)).toEqual(["time-outside-session"]);
  });

  it("refuses an instant without an offset, or with an hour alone", () => {
    for (const scheduledStart of ["2026-01-06T10:00", "2026-01-06T10Z", "2026-01-06T10:00+0000"]) {
      const record = hostRecord({ group: "g-1", member: "f-1", session: "s-1" });
      const session = { ...record.sessions?.[0], scheduledStart };
      const result = parseGroupRecord({ ...record, sessions: [session] });
      expect(
        result.issues.map((issue) => [issue.code, issue.path]),
        scheduledStart,
      ).toEqual([["invalid-format", ["sessions", 0, "scheduledStart"]]]);
    }
  });
});

describe("InstantSchema and its JSON Schema", () => {
  it("accepts seconds or not, and a fraction of a second", () => {
    expect(
      ["2026-03-02T17:00-05:00", "2026-03-02T17:00:00-05:00", "2026-03-02T22:00:00.250Z"].map(
        (text) => InstantSchema.safeParse(text).success,
      ),
    ).toEqual([true, true, true]);
  });

  it("gives other languages the same outline: seconds optional, an offset required, real days only", () => {
    const session = groupworkJsonSchemas().session as { $defs: { Instant?: { pattern: string; format?: string } } };
    const instant = session.$defs.Instant;
    expect(instant?.format).toBeUndefined();
    const pattern = new RegExp(instant?.pattern ?? "^$");
    expect(
      [
        "2026-03-02T17:00-05:00",
        "2026-03-02T17:00:00.5Z",
        "2026-03-02T17:00",
        "2026-02-29T17:00Z",
        "2024-02-29T17:00Z",
        "2026-03-02T24:00Z",
      ].map((text) => pattern.test(text)),
    ).toEqual([true, true, false, false, true, false]);
  });
});

describe("a Date or an instant where the model asks when", () => {
  const spring = { period: { start: "2026-02-05", end: "2026-04-23" } };

  it("ageOn reads an instant on the group's calendar", () => {
    // 03:00 UTC on 1 September is 22:00 on 31 August in Chicago (CDT, -05:00): the birthday has not come there yet.
    expect(ageOn("2008-09-01", new Date("2026-09-01T03:00:00Z"), { timeZone: "America/Chicago" })).toBe(17);
    expect(ageOn("2008-09-01", new Date("2026-09-01T03:00:00Z"), { timeZone: "UTC" })).toBe(18);
    expect(ageOn("2008-09-01", "2026-09-01T03:00Z", { timeZone: "America/Chicago" })).toBe(17);
    // A calendar date is read as it is, whatever the zone.
    expect(ageOn("2008-09-01", "2026-09-01", { timeZone: "Pacific/Auckland" })).toBe(18);
  });

  it("isMinor takes the time zone beside the age of majority in its options in the instant form", () => {
    const at = new Date("2026-05-20T02:00:00Z"); // 21:00 on 19 May in Chicago, 14:00 on 20 May in Auckland
    expect(isMinor({ birthDate: "2008-05-20" }, at, { timeZone: "America/Chicago" })).toBe(true);
    expect(isMinor({ birthDate: "2008-05-20" }, at, { timeZone: "Pacific/Auckland" })).toBe(false);
    // Born 20 May 2007: 19 on 20 May in Auckland, still 18 on 19 May in Chicago.
    expect(isMinor({ birthDate: "2007-05-20" }, at, { timeZone: "Pacific/Auckland", ageOfMajority: 21 })).toBe(true);
    expect(isMinor({ birthDate: "2007-05-20" }, at, { timeZone: "Pacific/Auckland", ageOfMajority: 19 })).toBe(false);
    expect(isMinor({ birthDate: "2007-05-20" }, at, { ageOfMajority: 19, timeZone: "America/Chicago" })).toBe(true);
    expect(isMinor({}, at, { timeZone: "UTC" })).toBeNull();
  });

  it("isActiveMember takes an instant without seconds", () => {
    expect(isActiveMember(spring, "2026-04-23T22:00-05:00", { timeZone: "America/Chicago" })).toBe(true);
    expect(isActiveMember(spring, "2026-04-23T22:00-05:00", { timeZone: "UTC" })).toBe(false);
  });

  it("asks for the time zone when an instant comes without one", () => {
    expect(thrown(() => ageOn("2008-09-01", new Date() as never))).toMatchObject({ code: "missing-time-zone" });
    expect(thrown(() => ageOn("2008-09-01", "2026-09-01T03:00Z"))).toMatchObject({ code: "missing-time-zone" });
    expect(thrown(() => isMinor({ birthDate: "2008-05-20" }, new Date() as never))).toMatchObject({
      code: "missing-time-zone",
    });
    // Options without a time zone do not make an instant a day.
    expect(thrown(() => isMinor({}, "2026-05-20T02:00Z", { ageOfMajority: 21 } as never))).toMatchObject({
      code: "missing-time-zone",
      message:
        "isMinor: an instant needs the group's time zone to know which day it falls on; pass { timeZone: group.timeZone }.",
    });
    expect(thrown(() => ageOn("2008-09-01", "2026-09-01T03:00Z", {} as never))).toMatchObject({
      code: "missing-time-zone",
    });
  });

  it("names the argument and the zone when they are wrong", () => {
    const badDate = thrown(() => ageOn("2008-09-01", new Date(Number.NaN), { timeZone: "UTC" }));
    expect(badDate).toBeInstanceOf(GroupworkError);
    expect(badDate.message).toMatch(/^ageOn: at must be a real calendar date YYYY-MM-DD, an ISO/);
    expect(thrown(() => isMinor({}, "2026-05-20T02:00Z", { timeZone: "+05:00" }))).toMatchObject({
      code: "invalid-argument",
      message: 'isMinor: options.timeZone must be an IANA time zone name such as "America/Chicago"; got "+05:00".',
    });
    expect(thrown(() => ageOn("2008-09-01", "2026-09-01", { timeZone: "Mars/Olympus" }))).toMatchObject({
      code: "invalid-argument",
    });
  });

  it("says where the time zone goes when it comes as the third argument, as it once did", () => {
    expect(thrown(() => ageOn("2008-09-01", "2026-09-01T03:00Z", "America/Chicago" as never))).toMatchObject({
      code: "invalid-argument",
      message: 'ageOn: options must be an object such as { timeZone: "America/Chicago" }; got "America/Chicago".',
    });
    expect(thrown(() => isMinor({}, new Date(), "UTC" as never))).toMatchObject({
      code: "invalid-argument",
      message:
        'isMinor: options must be an object such as { timeZone: "America/Chicago", ageOfMajority: 21 }; got "UTC".',
    });
  });
});
