import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isCalendarDate, isInstant } from "../../src/_lib/dates";
import { CalendarDateSchema, InstantSchema } from "../../src/model/index";

// isActiveMember and ageOn check dates without zod, so a screen that imports them alone stays small. They must accept
// exactly what the wire schemas accept.

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
const nearlyDate = fc
  .tuple(digits(4), fc.constantFrom("-", "/"), digits(2), fc.constantFrom("-", ""), digits(2))
  .map(([year, a, month, b, day]) => `${year}${a}${month}${b}${day}`);
const nearlyInstant = fc
  .tuple(
    fc.oneof(
      nearlyDate,
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    ),
    fc.constantFrom("T", "t", " "),
    digits(2),
    digits(2),
    fc.option(digits(2), { nil: undefined }),
    fc.option(digits(3), { nil: undefined }),
    fc.constantFrom("Z", "z", "+05:30", "-23:59", "+24:00", "-0500", "+05", ""),
  )
  .map(([date, t, hours, minutes, seconds, fraction, zone]) => {
    const clock = `${hours}:${minutes}${seconds === undefined ? "" : `:${seconds}`}${fraction === undefined ? "" : `.${fraction}`}`;
    return `${date}${t}${clock}${zone}`;
  });

describe("wire date checks without zod", () => {
  test.prop([fc.oneof(nearlyDate, fc.string())], { numRuns: 2000 })(
    "isCalendarDate agrees with CalendarDateSchema",
    (text) => {
      expect(isCalendarDate(text)).toBe(CalendarDateSchema.safeParse(text).success);
    },
  );

  test.prop([fc.oneof(nearlyInstant, fc.string())], { numRuns: 2000 })(
    "isInstant agrees with InstantSchema",
    (text) => {
      expect(isInstant(text)).toBe(InstantSchema.safeParse(text).success);
    },
  );

  it("agree on the edges a person would try", () => {
    for (const text of [
      "2024-02-29",
      "2026-02-29",
      "1900-02-29",
      "2000-02-29",
      "2026-04-31",
      "2026-00-10",
      "2026-12-31",
    ]) {
      expect(isCalendarDate(text), text).toBe(CalendarDateSchema.safeParse(text).success);
    }
    for (const text of [
      "2026-03-02T17:00:00-05:00",
      "2026-03-02T17:00-05:00",
      "2026-03-02T24:00:00Z",
      "2026-02-30T10:00:00Z",
    ]) {
      expect(isInstant(text), text).toBe(InstantSchema.safeParse(text).success);
    }
  });
});
