import { describe, expect, it } from "vitest";
import { instantTime, isInstant, readInstantArgument } from "../../src/_lib/dates";
import { GroupworkError } from "../../src/_lib/errors";

describe("instant arguments", () => {
  it("read ISO 8601 text with an offset, with or without seconds", () => {
    // 17:00 at UTC-05:00 is 22:00Z; 2 March 2026 00:00Z is 1772409600000 ms (20514 days × 86400000).
    expect(instantTime("2026-03-02T17:00-05:00")).toBe(1772409600000 + 22 * 3600000);
    expect(instantTime("2026-03-02T17:00:30-05:00")).toBe(1772409600000 + 22 * 3600000 + 30000);
    expect(instantTime("2026-03-02T22:00:00.250Z")).toBe(1772409600000 + 22 * 3600000 + 250);
  });

  it("read a valid Date as its time", () => {
    expect(instantTime(new Date(1772409600000))).toBe(1772409600000);
  });

  it("give NaN for local times, impossible dates, invalid Dates and other values", () => {
    for (const value of [
      "2026-03-02T17:00",
      "2026-03-02",
      "2026-02-30T10:00Z",
      "2026-03-02T17-05:00",
      `2026-03-02T17:00:00.${"1".repeat(60)}Z`,
      new Date(Number.NaN),
      1772409600000,
      null,
      undefined,
      {},
    ]) {
      expect(instantTime(value), String(value)).toBeNaN();
    }
    expect(isInstant("2026-03-02T17:00Z")).toBe(true);
  });

  it("throw a located GroupworkError for an unreadable argument", () => {
    expect(() => readInstantArgument("yesterday", "options.asOf")).toThrow(GroupworkError);
    expect(() => readInstantArgument("yesterday", "options.asOf")).toThrow(
      /^options\.asOf must be an ISO 8601 instant/,
    );
    expect(readInstantArgument("2026-03-02T22:00Z", "at")).toBe(1772409600000 + 22 * 3600000);
  });
});
