import { describe, expect, it } from "vitest";
import { ageOn, GroupworkError, isMinor } from "../../src/model/index";

describe("ageOn", () => {
  it("counts a year only once the birthday has come", () => {
    expect(ageOn("2008-09-01", "2026-08-31")).toBe(17);
    expect(ageOn("2008-09-01", "2026-09-01")).toBe(18);
    expect(ageOn("2008-09-01", "2008-09-01")).toBe(0);
    expect(ageOn("1949-12-01", "2026-04-23")).toBe(76);
  });

  it("lets a 29 February birthday arrive on 1 March in other years", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2008-02-29", "2028-02-29")).toBe(20);
  });

  it("refuses dates that are not real, and a day before birth", () => {
    expect(() => ageOn("2008-02-30", "2026-01-01")).toThrow(GroupworkError);
    expect(() => ageOn("2008-01-01", "1 May 2026")).toThrow(/real calendar date/);
    expect(() => ageOn("2008-01-01", "2007-12-31")).toThrow(/before the date of birth/);
  });
});

describe("isMinor", () => {
  it("is true until the 18th birthday by default", () => {
    expect(isMinor({ birthDate: "2008-05-20" }, "2026-05-19")).toBe(true);
    expect(isMinor({ birthDate: "2008-05-20" }, "2026-05-20")).toBe(false);
  });

  it("follows the jurisdiction's age of majority", () => {
    expect(isMinor({ birthDate: "2006-05-20" }, "2026-05-20", { ageOfMajority: 21 })).toBe(true);
    expect(isMinor({ birthDate: "2006-05-20" }, "2026-05-20", { ageOfMajority: 19 })).toBe(false);
  });

  it("answers null, not false, when the birth date is unknown", () => {
    expect(isMinor({}, "2026-05-20")).toBeNull();
  });

  it("names itself when the birth date it reads is not real, and refuses a member that is not an object", () => {
    expect(() => isMinor({ birthDate: "2026-02-30" }, "2026-05-20")).toThrow(/^isMinor: birthDate/);
    expect(() => isMinor(null as unknown as object, "2026-05-20")).toThrow(GroupworkError);
  });

  it("refuses a bad day or age of majority even without a birth date", () => {
    expect(() => isMinor({}, "2026-13-01")).toThrow(GroupworkError);
    expect(() => isMinor({ birthDate: "2008-05-20" }, "2026-05-20", { ageOfMajority: 0 })).toThrow(/positive whole/);
    expect(() => isMinor({}, "2026-05-20", { ageOfMajority: 17.5 })).toThrow(/positive whole/);
  });
});
