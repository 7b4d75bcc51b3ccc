import { describe, expect, it } from "vitest";
import { GroupworkError, isActiveMember } from "../../src/model/index";

const spring = { period: { start: "2026-02-05", end: "2026-04-23" } } as const;

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("isActiveMember (FHIR Group.member: not inactive, period absent or covering the moment)", () => {
  it("treats both ends of the period as inclusive days", () => {
    expect(isActiveMember(spring, "2026-02-04")).toBe(false);
    expect(isActiveMember(spring, "2026-02-05")).toBe(true);
    expect(isActiveMember(spring, "2026-04-23")).toBe(true);
    expect(isActiveMember(spring, "2026-04-24")).toBe(false);
  });

  it("counts a membership without a period as covering every day, and one without an end as open", () => {
    expect(isActiveMember({}, "1999-01-01")).toBe(true);
    expect(isActiveMember({ period: { start: "2026-02-05" } }, "2099-12-31")).toBe(true);
    expect(isActiveMember({ period: { start: "2026-02-05" } }, "2026-02-04")).toBe(false);
  });

  it("is never active when marked inactive, whatever the period says", () => {
    expect(isActiveMember({ ...spring, inactive: true }, "2026-03-01")).toBe(false);
    expect(isActiveMember({ inactive: true }, "2026-03-01")).toBe(false);
    expect(isActiveMember({ ...spring, inactive: false }, "2026-03-01")).toBe(true);
  });

  it("reads an instant on the group's calendar, not UTC's", () => {
    // 2026-04-24T03:00Z is 22:00 on 23 April in Chicago (CDT, -05:00) but already 24 April in UTC and in Auckland.
    expect(isActiveMember(spring, "2026-04-24T03:00:00Z", { timeZone: "America/Chicago" })).toBe(true);
    expect(isActiveMember(spring, "2026-04-24T03:00:00Z", { timeZone: "UTC" })).toBe(false);
    expect(isActiveMember(spring, "2026-04-23T23:30:00-05:00", { timeZone: "Pacific/Auckland" })).toBe(false);
    expect(isActiveMember(spring, new Date(Date.UTC(2026, 1, 5, 5, 59)), { timeZone: "America/Chicago" })).toBe(false);
    expect(isActiveMember(spring, new Date(Date.UTC(2026, 1, 5, 6, 0)), { timeZone: "America/Chicago" })).toBe(true);
  });

  it("asks for the time zone when given an instant", () => {
    const error = thrown(() => isActiveMember(spring, "2026-03-01T12:00:00Z"));
    expect(error).toBeInstanceOf(GroupworkError);
    expect(error).toMatchObject({
      code: "missing-time-zone",
      name: "GroupworkError",
      message:
        "isActiveMember: an instant needs the group's time zone to know which day it falls on; pass { timeZone: group.timeZone }.",
    });
    expect(thrown(() => isActiveMember(spring, new Date(), {} as never))).toMatchObject({ code: "missing-time-zone" });
  });

  it("takes the time zone in an options object, and says so when given it as the third argument", () => {
    expect(thrown(() => isActiveMember(spring, "2026-04-24T03:00:00Z", "America/Chicago" as never))).toMatchObject({
      code: "invalid-argument",
      message:
        'isActiveMember: options must be an object such as { timeZone: "America/Chicago" }; got "America/Chicago".',
    });
    expect(thrown(() => isActiveMember(spring, "2026-03-01", null as never))).toMatchObject({
      code: "invalid-argument",
    });
  });

  it.each([
    ["a day that does not exist", "2026-02-30"],
    ["a date in another notation", "02/05/2026"],
    ["words", "next Thursday"],
    ["an instant without offset", "2026-03-01T12:00:00"],
  ])("rejects %s with invalid-argument", (_, at) => {
    const error = thrown(() => isActiveMember(spring, at, { timeZone: "UTC" }));
    expect(error).toBeInstanceOf(GroupworkError);
    expect(error).toMatchObject({ code: "invalid-argument" });
    expect((error as GroupworkError).message).toContain(at);
  });

  it("refuses a period whose dates are not real, instead of answering false", () => {
    expect(thrown(() => isActiveMember({ period: { start: "garbage" } }, "2026-03-01"))).toMatchObject({
      code: "invalid-argument",
      message: expect.stringContaining("garbage"),
    });
    expect(
      thrown(() => isActiveMember({ period: { start: "2026-01-01", end: "2026-02-30" } }, "2026-03-01")),
    ).toMatchObject({
      code: "invalid-argument",
    });
  });

  it("refuses a membership that is not an object, a period without a start, and a bad zone even with a day", () => {
    expect(thrown(() => isActiveMember(null as unknown as object, "2026-03-01"))).toMatchObject({
      code: "invalid-argument",
    });
    expect(thrown(() => isActiveMember({ period: {} as { start: string } }, "2026-03-01"))).toMatchObject({
      code: "invalid-argument",
      message: expect.stringContaining("needs a start"),
    });
    expect(thrown(() => isActiveMember({}, "2026-03-01", { timeZone: "Mars/Olympus" }))).toMatchObject({
      code: "invalid-argument",
    });
  });

  it("rejects an invalid Date and an unknown time zone", () => {
    expect(thrown(() => isActiveMember(spring, new Date(Number.NaN), { timeZone: "UTC" }))).toMatchObject({
      code: "invalid-argument",
    });
    expect(thrown(() => isActiveMember(spring, "2026-03-01T12:00:00Z", { timeZone: "Mars/Olympus" }))).toMatchObject({
      code: "invalid-argument",
      message: expect.stringContaining("Mars/Olympus"),
    });
    expect(thrown(() => isActiveMember(spring, "2026-03-01T12:00:00Z", { timeZone: "+05:00" }))).toMatchObject({
      code: "invalid-argument",
    });
  });
});
