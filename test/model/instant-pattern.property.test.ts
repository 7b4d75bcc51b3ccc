import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { isInstant } from "../../src/_lib/dates";
import { groupworkJsonSchemas } from "../../src/model/index";

// A host in another language validates instants with the JSON Schema's pattern; the library reads them with
// isInstant. The two are separate texts of one rule, so they are held to the same answers here (up to isInstant's
// length bound, 64 characters, which the pattern does not state).

const schema = groupworkJsonSchemas().session as { $defs: { Instant?: { pattern?: string } } };
const pattern = new RegExp(schema.$defs.Instant?.pattern ?? "(?!)");

const digits = (length: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: length, maxLength: length });
// Near the edges: hours up to 25, minutes and seconds up to 61, so most clocks are real and some are not.
const upTo = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
const nearlyInstant = fc
  .tuple(
    fc.oneof(
      // Days near the edges of months and leap years: 29 February, the 31st of a 30-day month, month 13.
      fc.tuple(digits(4), upTo(13), upTo(32)).map(([year, month, day]) => `${year}-${month}-${day}`),
      fc
        .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2100-12-31T00:00:00Z"), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10)),
    ),
    fc.constantFrom("T", "T", "T", "t", " "),
    upTo(25),
    fc.constantFrom(":", ":", ":", ""),
    upTo(61),
    fc.option(upTo(61), { nil: undefined }),
    fc.option(fc.integer({ min: 1, max: 9 }).chain(digits), { nil: undefined }),
    fc.constantFrom("Z", "z", "+05:30", "-23:59", "+00:60", "+24:00", "-0500", "+05", ""),
  )
  .map(([date, t, hours, colon, minutes, seconds, fraction, zone]) => {
    const clock = `${hours}${colon}${minutes}${seconds === undefined ? "" : `:${seconds}`}${fraction === undefined ? "" : `.${fraction}`}`;
    return `${date}${t}${clock}${zone}`;
  });

describe("the JSON Schema's instant pattern", () => {
  test.prop([fc.oneof(nearlyInstant, fc.string({ maxLength: 64 }))], { numRuns: 3000 })(
    "accepts exactly what isInstant accepts",
    (text) => {
      expect(pattern.test(text)).toBe(isInstant(text));
    },
  );

  test.prop([fc.array(nearlyInstant, { minLength: 200, maxLength: 200 })], { numRuns: 5 })(
    "is tried on instants it accepts as well as on ones it refuses",
    (texts) => {
      const accepted = texts.filter((text) => isInstant(text)).length;
      expect(accepted).toBeGreaterThan(0);
      expect(accepted).toBeLessThan(texts.length);
    },
  );
});
