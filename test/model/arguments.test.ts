import { describe, expect, it } from "vitest";
import { ageOn, isActiveMember, isMinor, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { thrown } from "../fixtures/untrusted";

// The model's argument readers: instants the wire format cannot write, misspelt options, arguments that cannot be
// read, and getters that answer differently the second time.

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};

describe("instants outside the years 0000–9999", () => {
  it.each([
    ["ageOn", () => ageOn("2000-01-01", new Date("+010000-06-01T00:00:00Z"), { timeZone: "UTC" })],
    ["isMinor", () => isMinor({ birthDate: "2000-01-01" }, new Date("+010000-06-01T00:00:00Z"), { timeZone: "UTC" })],
    [
      "isActiveMember",
      () =>
        isActiveMember({ period: { start: "2026-01-01" } }, new Date("+010000-06-01T00:00:00Z"), { timeZone: "UTC" }),
    ],
  ])("%s refuses a Date in the year 10000, naming the argument", (caller, call) => {
    expect(thrown(call)).toMatchObject({
      code: "invalid-argument",
      message: `${caller}: at is the Date +010000-06-01T00:00:00.000Z, outside the years 0000–9999 that ISO 8601 text can carry.`,
    });
  });

  it("refuses the last Date there is, in any zone", () => {
    // 8.64e15 ms after the epoch is 13 September 275760 (ECMA-262's last time value).
    expect(thrown(() => ageOn("2000-01-01", new Date(8.64e15), { timeZone: "Pacific/Kiritimati" })).message).toBe(
      "ageOn: at is the Date +275760-09-13T00:00:00.000Z, outside the years 0000–9999 that ISO 8601 text can carry.",
    );
    expect(thrown(() => isActiveMember({}, new Date(8.64e15), { timeZone: "Pacific/Kiritimati" })).code).toBe(
      "invalid-argument",
    );
  });

  it("refuses an instant whose day in the group's zone is in the year 10000", () => {
    // Kiritimati is UTC+14: 12:00Z on the last day of 9999 is 02:00 on 1 January 10000 there.
    expect(thrown(() => ageOn("2000-01-01", "9999-12-31T12:00Z", { timeZone: "Pacific/Kiritimati" })).message).toBe(
      'ageOn: at "9999-12-31T12:00Z" falls on a day in the year 10000 in Pacific/Kiritimati, outside the years 0000–9999 that a calendar date YYYY-MM-DD can carry.',
    );
    expect(() => isActiveMember({}, "9999-12-31T12:00Z", { timeZone: "Pacific/Kiritimati" })).toThrow(
      /^isActiveMember: at "9999-12-31T12:00Z" falls on a day in the year 10000/,
    );
  });

  it("answers at the edges of the years 0000–9999", () => {
    // 09:59Z on 31 December 9999 is 23:59 that day in Kiritimati: 7,999 years after a birth on 1 January 2000.
    expect(ageOn("2000-01-01", "9999-12-31T09:59Z", { timeZone: "Pacific/Kiritimati" })).toBe(7999);
    expect(ageOn("0000-01-01", new Date("0000-01-01T00:00:00Z"), { timeZone: "UTC" })).toBe(0);
    expect(
      isActiveMember({ period: { start: "9999-12-31" } }, new Date("9999-12-31T23:59:59.999Z"), { timeZone: "UTC" }),
    ).toBe(true);
  });

  it("reports, and does not throw about, a session whose day in the group's zone is in the year 10000", () => {
    const sessions = sampleGroupRecord.sessions.map((session, index) =>
      index === 0 ? { ...session, scheduledStart: "9999-12-31T12:00:00Z" } : session,
    );
    const record = {
      ...sampleGroupRecord,
      group: { ...sampleGroupRecord.group, timeZone: "Pacific/Kiritimati" },
      sessions,
    };
    const result = parseGroupRecord(record);
    expect(result.issues.filter((issue) => issue.code === "out-of-range")).toEqual([
      {
        severity: "error",
        code: "out-of-range",
        path: ["sessions", 0, "scheduledStart"],
        message:
          'sessions[0].scheduledStart "9999-12-31T12:00:00Z" falls on a day in the year 10000 in Pacific/Kiritimati, outside the years 0000–9999 that a calendar date YYYY-MM-DD can carry.',
      },
    ]);
  });
});

describe("options with a key that is not an option", () => {
  it.each([
    [
      "isMinor",
      () => isMinor({ birthDate: "2006-01-01" }, "2026-06-01", { ageofMajority: 21 } as never),
      'isMinor: options has the key "ageofMajority", which it does not take; it takes "timeZone", "ageOfMajority".',
    ],
    [
      "ageOn (instant form)",
      () => ageOn("2000-01-01", "2026-01-01T00:00Z", { timeZone: "UTC", timezone: "UTC" } as never),
      'ageOn: options has the key "timezone", which it does not take; it takes "timeZone".',
    ],
    [
      "ageOn (day form)",
      () => (ageOn as (...args: unknown[]) => number)("2000-01-01", "2026-01-01", { zone: "UTC" }),
      'ageOn: options has the key "zone", which it does not take; it takes "timeZone".',
    ],
    [
      "isActiveMember",
      () => isActiveMember({}, "2026-01-01T00:00Z", { timeZone: "UTC", asOf: "2026-01-01" } as never),
      'isActiveMember: options has the key "asOf", which it does not take; it takes "timeZone".',
    ],
    [
      "parseGroupRecord",
      () => parseGroupRecord(sampleGroupRecord, { unknownfields: "warn" } as never),
      'parseGroupRecord: options has the key "unknownfields", which it does not take; it takes "unknownFields".',
    ],
  ])("%s refuses it, naming it and the options", (_, call, message) => {
    expect(thrown(call)).toMatchObject({ code: "invalid-argument", message });
  });

  it("still says options must be an object when given text", () => {
    expect(thrown(() => ageOn("2000-01-01", "2026-01-01T00:00Z", "UTC" as never)).message).toBe(
      'ageOn: options must be an object such as { timeZone: "America/Chicago" }; got "UTC".',
    );
  });
});

describe("arguments that cannot be read", () => {
  it.each([
    ["ageOn's options", () => ageOn("2000-01-01", "2026-01-01", revoked() as never), "ageOn: options"],
    ["isMinor's member", () => isMinor(revoked() as never, "2026-01-01"), "isMinor: member.birthDate"],
    ["isMinor's options", () => isMinor({}, "2026-01-01", revoked() as never), "isMinor: options"],
    [
      "isActiveMember's membership",
      () => isActiveMember(revoked() as never, "2026-01-01"),
      "isActiveMember: membership",
    ],
    [
      "isActiveMember's period",
      () => isActiveMember({ period: revoked() as never }, "2026-01-01"),
      "isActiveMember: membership.period",
    ],
    [
      "parseGroupRecord's options",
      () => parseGroupRecord(sampleGroupRecord, revoked() as never),
      "parseGroupRecord: options",
    ],
  ])("%s, revoked, is a GroupworkError that says so", (_, call, where) => {
    const error = thrown(call);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(
      new RegExp(`^${where} could not be read \\(reading it threw ".*revoked.*"\\); pass it as plain data\\.$`),
    );
  });

  it("turns a getter that throws into a GroupworkError naming the argument", () => {
    const membership = {
      get period(): never {
        throw new Error("boom");
      },
    };
    expect(thrown(() => isActiveMember(membership, "2026-01-01")).message).toBe(
      'isActiveMember: membership could not be read (reading it threw "boom"); pass it as plain data.',
    );
  });
});

describe("fields read once", () => {
  it("isActiveMember reads inactive once: true the first time is inactive", () => {
    let reads = 0;
    const membership = {
      get inactive() {
        reads++;
        return reads === 1 ? true : ("no" as never);
      },
    };
    expect(isActiveMember(membership, "2026-06-01")).toBe(false);
    expect(reads).toBe(1);
  });

  it("isActiveMember reads the period once: the period that was checked decides", () => {
    let reads = 0;
    const membership = {
      get period() {
        reads++;
        return reads === 1 ? { start: "2026-01-01" } : { start: "2027-01-01" };
      },
    };
    // 1 June 2026 is within a period from 1 January 2026, and before one from 1 January 2027.
    expect(isActiveMember(membership, "2026-06-01")).toBe(true);
    expect(reads).toBe(1);
  });

  it("isMinor reads the birth date once", () => {
    let reads = 0;
    const member = {
      get birthDate() {
        reads++;
        return reads === 1 ? "2010-01-01" : undefined;
      },
    };
    // Born 1 January 2010, 16 on 1 June 2026: a minor; a second read would have said "not recorded" (null).
    expect(isMinor(member, "2026-06-01")).toBe(true);
    expect(reads).toBe(1);
  });
});
