import { describe, expect, it } from "vitest";
import { localDate } from "../../src/_lib/calendar";
import { isCalendarDate, isInstant } from "../../src/_lib/dates";

describe("wire dates at their edges", () => {
  it("know the length of every month and the leap years of the Gregorian calendar", () => {
    expect(["2026-09-31", "2026-06-31", "2026-11-31", "2100-02-29", "2026-01-32"].map(isCalendarDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(["2026-09-30", "2400-02-29", "0000-02-29"].map(isCalendarDate)).toEqual([true, true, true]);
  });

  it("take any number of fraction digits and only an upper-case Z", () => {
    expect(isInstant("2026-03-02T17:00:00.123456789Z")).toBe(true);
    expect(isInstant("2026-03-02T17:00:00z")).toBe(false);
  });

  it("write the first and last years of the wire format in four digits", () => {
    expect(localDate("9999-12-31T12:00:00Z", "UTC")).toBe("9999-12-31");
    expect(localDate("0000-01-01T12:00:00Z", "UTC")).toBe("0000-01-01");
  });
});
