import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { localDate } from "../../src/_lib/calendar";
import { dayIn } from "../../src/metrics/session-days";

// dayIn reads a session's day with one Intl formatter per zone; localDate (TZDate) is the second way to the same day.
const ZONES = [
  "UTC",
  "America/New_York",
  "America/Chicago",
  "Pacific/Chatham", // +12:45 / +13:45
  "Pacific/Kiritimati", // +14:00
  "Pacific/Pago_Pago", // −11:00
  "Asia/Kolkata", // +05:30
  "Australia/Lord_Howe", // a 30-minute daylight-saving shift
] as const;

describe("dayIn", () => {
  test.prop([fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2200, 0, 1) }), fc.constantFrom(...ZONES)])(
    "gives the same day as localDate",
    (time, zone) => {
      expect(dayIn(time, zone)).toBe(localDate(new Date(time), zone));
    },
  );

  it("reads the day on either side of a daylight-saving change and of midnight", () => {
    // 8 March 2026, 02:00 in New York clocks go forward; 23:30 on the 7th is still the 7th there (04:30Z on the 8th).
    expect(dayIn(Date.parse("2026-03-08T04:30:00Z"), "America/New_York")).toBe("2026-03-07");
    expect(dayIn(Date.parse("2026-03-08T07:30:00Z"), "America/New_York")).toBe("2026-03-08");
    // Chatham is 13:45 ahead in January: 10:15Z on the 1st is already the 2nd there.
    expect(dayIn(Date.parse("2026-01-01T10:15:00Z"), "Pacific/Chatham")).toBe("2026-01-02");
  });

  it("writes years before 1000 as localDate does", () => {
    const time = Date.parse("0999-06-15T12:00:00Z");
    expect(dayIn(time, "UTC")).toBe("0999-06-15");
  });
});
