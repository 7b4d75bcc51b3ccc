import { describe, expect, it } from "vitest";
import { addMinutes, fhirDateProblem, fhirInstantProblem, withSeconds } from "../../src/fhir/export-instants";

// Expected values worked out by hand on a calendar: a fixed offset moves the wall clock by exactly the minutes added.

describe("withSeconds", () => {
  it("adds :00 to an instant written without seconds, in front of its offset or Z", () => {
    expect(withSeconds("2026-02-05T18:00-06:00")).toBe("2026-02-05T18:00:00-06:00");
    expect(withSeconds("2026-02-05T18:00Z")).toBe("2026-02-05T18:00:00Z");
  });

  it("keeps seconds and a fraction as written", () => {
    expect(withSeconds("2026-02-05T18:00:07-06:00")).toBe("2026-02-05T18:00:07-06:00");
    expect(withSeconds("2026-02-05T18:00:07.250+05:45")).toBe("2026-02-05T18:00:07.250+05:45");
  });
});

describe("addMinutes", () => {
  it("adds minutes on the start's own wall clock and offset", () => {
    expect(addMinutes("2026-02-05T18:00:00-06:00", 90)).toBe("2026-02-05T19:30:00-06:00");
    expect(addMinutes("2026-02-05T18:00-06:00", 90)).toBe("2026-02-05T19:30:00-06:00");
  });

  it("keeps the offset across a DST change in the group's zone: the offset written is the start's", () => {
    // 7 March 2026 23:30 CST plus 3 hours is 8 March 02:30 at -06:00, even though Chicago is at -05:00 by then.
    expect(addMinutes("2026-03-07T23:30:00-06:00", 180)).toBe("2026-03-08T02:30:00-06:00");
  });

  it("crosses midnight, month ends, leap days and years", () => {
    expect(addMinutes("2026-12-31T23:30:00+14:00", 90)).toBe("2027-01-01T01:00:00+14:00");
    expect(addMinutes("2028-02-28T23:00:00Z", 120)).toBe("2028-02-29T01:00:00Z");
    expect(addMinutes("2027-02-28T23:00:00Z", 120)).toBe("2027-03-01T01:00:00Z");
    // A week of minutes.
    expect(addMinutes("2026-04-30T12:00:00-05:00", 7 * 24 * 60)).toBe("2026-05-07T12:00:00-05:00");
  });

  it("keeps seconds and their fraction", () => {
    expect(addMinutes("2026-02-05T18:00:30.5-06:00", 1)).toBe("2026-02-05T18:01:30.5-06:00");
  });

  it("writes years before 1000 with four digits", () => {
    expect(addMinutes("0999-12-31T23:00:00Z", 120)).toBe("1000-01-01T01:00:00Z");
    expect(addMinutes("0001-01-01T00:00:00Z", 60)).toBe("0001-01-01T01:00:00Z");
  });

  it("answers undefined past the year 9999, which FHIR R4 cannot write", () => {
    expect(addMinutes("9999-12-31T23:00:00-05:00", 59)).toBe("9999-12-31T23:59:00-05:00");
    expect(addMinutes("9999-12-31T23:00:00-05:00", 60)).toBeUndefined();
    // FHIR's largest integer of minutes is about 4,083 years (Python's datetime gives the same day).
    expect(addMinutes("2026-02-05T18:00:00Z", 2_147_483_647)).toBe("6109-02-28T20:07:00Z");
    expect(addMinutes("6000-01-01T00:00:00Z", 2_147_483_647)).toBeUndefined();
  });
});

describe("what FHIR R4 instants and dates cannot hold", () => {
  it("the year 0000", () => {
    expect(fhirDateProblem("0000-01-01")).toMatch(/year 0000/);
    expect(fhirDateProblem("0001-01-01")).toBeUndefined();
    expect(fhirInstantProblem("0000-06-01T12:00:00Z")).toMatch(/year 0000/);
  });

  it("offsets beyond ±14:00", () => {
    expect(fhirInstantProblem("2026-02-05T18:00:00+14:00")).toBeUndefined();
    expect(fhirInstantProblem("2026-02-05T18:00:00-14:00")).toBeUndefined();
    expect(fhirInstantProblem("2026-02-05T18:00:00+14:01")).toMatch(/\+14:01.*±14:00/);
    expect(fhirInstantProblem("2026-02-05T18:00-23:59")).toMatch(/-23:59/);
    expect(fhirInstantProblem("2026-02-05T18:00:00Z")).toBeUndefined();
  });
});
