import { describe, expect, it } from "vitest";
import { instantTime, notAnInstant, readInstantArgument } from "../../src/_lib/dates";
import { GroupworkError } from "../../src/_lib/errors";

// 0000-01-01T00:00Z is 719,528 days before the epoch (the proleptic Gregorian calendar has 146,097 days in 400 years:
// 4 × 146,097 + 135,140 from 1600 to 1970), so −62,167,219,200,000 ms; 10000-01-01T00:00Z is 2,932,897 days after it,
// so 253,402,300,800,000 ms.
const FIRST_MS = -62_167_219_200_000;
const AFTER_LAST_MS = 253_402_300_800_000;

describe("instants a Date can stand for on the wire", () => {
  it("reads a Date from the first to the last millisecond of the years 0000–9999 (UTC)", () => {
    expect(instantTime(new Date(FIRST_MS))).toBe(FIRST_MS);
    expect(instantTime(new Date(AFTER_LAST_MS - 1))).toBe(AFTER_LAST_MS - 1);
    expect(new Date(FIRST_MS).toISOString()).toBe("0000-01-01T00:00:00.000Z");
    expect(new Date(AFTER_LAST_MS - 1).toISOString()).toBe("9999-12-31T23:59:59.999Z");
  });

  it("gives NaN for a Date one millisecond outside them, and for the last Date there is", () => {
    expect(instantTime(new Date(FIRST_MS - 1))).toBeNaN();
    expect(instantTime(new Date(AFTER_LAST_MS))).toBeNaN();
    expect(instantTime(new Date(8.64e15))).toBeNaN();
    expect(instantTime(new Date(-8.64e15))).toBeNaN();
  });

  it("gives NaN, without throwing, for objects that only look like a Date", () => {
    const { proxy, revoke } = Proxy.revocable(new Date(0), {});
    expect(instantTime(proxy)).toBeNaN();
    revoke();
    expect(instantTime(proxy)).toBeNaN();
    expect(instantTime(Object.create(Date.prototype))).toBeNaN();
    expect(instantTime({ getTime: () => 0 })).toBeNaN();
  });

  it("keeps reading text with four-digit years, even where its instant is in year −1 UTC", () => {
    // Midnight at UTC+01:00 on 1 January of year 0 is 23:00Z on 31 December of year −1: one hour before FIRST_MS.
    expect(instantTime("0000-01-01T00:00+01:00")).toBe(FIRST_MS - 3_600_000);
  });
});

describe("the message about an instant argument", () => {
  it("says a Date is outside the years 0000–9999 and shows it", () => {
    expect(() => readInstantArgument(new Date("+010000-06-01T00:00:00Z"), "ageOn: at")).toThrow(GroupworkError);
    expect(notAnInstant(new Date("+010000-06-01T00:00:00Z"), "ageOn: at")).toBe(
      "ageOn: at is the Date +010000-06-01T00:00:00.000Z, outside the years 0000–9999 that ISO 8601 text can carry.",
    );
    expect(notAnInstant(new Date(FIRST_MS - 1), "at")).toBe(
      "at is the Date -000001-12-31T23:59:59.999Z, outside the years 0000–9999 that ISO 8601 text can carry.",
    );
  });

  it("says what is expected of anything else", () => {
    expect(notAnInstant(new Date(Number.NaN), "at")).toBe(
      'at must be an ISO 8601 instant with an offset, such as "2026-03-02T17:00-05:00", or a valid Date; got an object (no keys).',
    );
    expect(notAnInstant("soon", "at", "a day")).toBe('at must be a day; got "soon".');
  });
});
