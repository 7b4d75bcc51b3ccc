import { describe, expect, it } from "vitest";
import { calendarDaysBetween, localDate } from "../../src/_lib/calendar";
import { GroupworkError } from "../../src/_lib/errors";

describe("localDate", () => {
  it("gives the day an instant falls on in a zone, across the start of daylight saving time", () => {
    // 8 March 2026, 02:00 in Chicago, clocks go forward: 07:59Z is 01:59 CST, 08:00Z is 03:00 CDT, both on the 8th.
    expect(localDate("2026-03-08T07:59:00Z", "America/Chicago")).toBe("2026-03-08");
    expect(localDate("2026-03-08T08:00:00Z", "America/Chicago")).toBe("2026-03-08");
    expect(localDate("2026-03-08T05:59:00Z", "America/Chicago")).toBe("2026-03-07");
    // Chatham is UTC+13:45 in its summer: 10:15Z on 1 March is midnight starting the 2nd there.
    expect(localDate("2026-03-01T10:14:00Z", "Pacific/Chatham")).toBe("2026-03-01");
    expect(localDate("2026-03-01T10:15:00Z", "Pacific/Chatham")).toBe("2026-03-02");
  });

  it("follows the offset back across the end of daylight saving time", () => {
    // 1 November 2026, 02:00 EDT in New York, clocks go back to 01:00 EST (UTC-5): 01:30 happens twice, both on the
    // 1st, and the day then lasts until 05:00Z on the 2nd.
    expect(localDate("2026-11-01T03:59:00Z", "America/New_York")).toBe("2026-10-31");
    expect(localDate("2026-11-01T05:30:00Z", "America/New_York")).toBe("2026-11-01");
    expect(localDate("2026-11-01T06:30:00Z", "America/New_York")).toBe("2026-11-01");
    expect(localDate("2026-11-02T04:59:00Z", "America/New_York")).toBe("2026-11-01");
    expect(localDate("2026-11-02T05:00:00Z", "America/New_York")).toBe("2026-11-02");
    // Chatham leaves summer time on 5 April 2026 (03:45 becomes 02:45): from then on UTC+12:45, so midnight starting
    // the 6th is 11:15Z on the 5th.
    expect(localDate("2026-04-05T11:14:00Z", "Pacific/Chatham")).toBe("2026-04-05");
    expect(localDate(new Date("2026-04-05T11:15:00Z"), "Pacific/Chatham")).toBe("2026-04-06");
  });

  it("keeps the seconds of a historical offset", () => {
    // Before 1883 New York kept local mean time, UTC-4:56:02 (IANA tz database): 04:56:02Z is its midnight.
    expect(localDate("1850-01-02T04:56:01Z", "America/New_York")).toBe("1850-01-01");
    expect(localDate("1850-01-02T04:56:02Z", "America/New_York")).toBe("1850-01-02");
  });

  it("refuses a day outside the years 0000–9999, which YYYY-MM-DD cannot write, naming the instant", () => {
    // Midnight UTC on 1 January of year 0 is 18:00 on 31 December of year -1 in Chicago (LMT -5:50:36 then).
    expect(() => localDate("0000-01-01T00:00:00Z", "America/Chicago", "at")).toThrow(
      'at "0000-01-01T00:00:00Z" falls on a day in the year -1 in America/Chicago, outside the years 0000–9999',
    );
    // 23:59:59 at UTC-12 on the last day of 9999 is 11:59:59Z on 1 January 10000.
    expect(() => localDate("9999-12-31T23:59:59-12:00", "UTC")).toThrow(
      'The instant "9999-12-31T23:59:59-12:00" falls on a day in the year 10000 in UTC',
    );
    // Kiritimati is UTC+14: 9999-12-31T10:00Z is midnight starting 1 January 10000 there; 09:59Z is still 31 December.
    expect(localDate("9999-12-31T09:59:00Z", "Pacific/Kiritimati")).toBe("9999-12-31");
    expect(() => localDate(new Date("9999-12-31T10:00:00Z"), "Pacific/Kiritimati")).toThrow(
      "The instant 9999-12-31T10:00:00.000Z falls on a day in the year 10000 in Pacific/Kiritimati",
    );
    expect(() => localDate("9999-12-31T10:00:00Z", "Pacific/Kiritimati")).toThrow(GroupworkError);
  });
});

describe("calendarDaysBetween", () => {
  it("counts local days, not 24-hour spans", () => {
    // 23:30 and 00:30 the next night in New York are one hour apart and one calendar day apart.
    expect(calendarDaysBetween("2026-03-07T23:30:00-05:00", "2026-03-08T00:30:00-05:00", "America/New_York")).toBe(1);
    // 04:30Z on the 8th is 23:30 on the 7th in New York (EST, UTC-5): the same local day.
    expect(calendarDaysBetween("2026-03-07T23:30:00-05:00", "2026-03-08T04:30:00Z", "America/New_York")).toBe(0);
  });

  it("is not moved by a change of clocks", () => {
    // Chicago springs forward on 8 March 2026: noon on the 7th to noon on the 9th is 47 hours and 2 days.
    expect(calendarDaysBetween("2026-03-07T12:00:00-06:00", "2026-03-09T12:00:00-05:00", "America/Chicago")).toBe(2);
  });

  it("is negative when the second instant falls on an earlier day, and takes Dates", () => {
    expect(calendarDaysBetween(new Date("2026-03-08T12:00:00Z"), new Date("2026-03-01T12:00:00Z"), "UTC")).toBe(-7);
  });
});
