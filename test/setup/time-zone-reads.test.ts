// The time-zone check (time-zone-log.ts) must notice each kind of read it promises to, charge it to the running test
// file, leave alone what names its own zone, and fail a file that reads the zone without being listed. This file
// reads the zone on purpose, so it is itself listed in time-zone-files.ts.
import { describe, expect, it } from "vitest";
import { timeZoneReadLog, unlistedTimeZoneReads } from "./time-zone-log.js";

const log = timeZoneReadLog();
const kindsRead = () => [...(log.reads.get(expect.getState().testPath ?? "")?.keys() ?? [])];

describe("the time-zone check", () => {
  // First, so that none of these kinds has been logged by the reads below.
  it("does not count what names its zone or offset", () => {
    new Date("2026-03-02T17:00-05:00");
    new Date("2026-03-02T22:00:00.000Z");
    new Date("2026-03-02");
    Date.parse("2026-03-02T17:00:00+13:45");
    new Date(0).toLocaleString("en-NZ", { timeZone: "Pacific/Chatham" });
    new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York" }).format(0);
    new Date(0).toISOString();
    new Date(0).getUTCHours();
    expect(kindsRead()).toEqual([]);
  });

  it.each([
    ["Date.prototype.getHours", () => new Date(0).getHours()],
    ["Date.prototype.getTimezoneOffset", () => new Date(0).getTimezoneOffset()],
    ["Date.prototype.setFullYear", () => new Date(0).setFullYear(2026)],
    ["Date.prototype.toString", () => String(new Date(0))],
    ["Date.prototype.toLocaleDateString without a timeZone option", () => new Date(0).toLocaleDateString("en-US")],
    ["new Date(year, month, …)", () => new Date(2026, 2, 2)],
    ["new Date(text without an offset)", () => new Date("2026-03-02T17:00")],
    ["Date.parse(text without an offset)", () => Date.parse("2026-03-02 17:00")],
    ["Date()", () => Date()],
    ["Intl.DateTimeFormat without a timeZone option", () => Intl.DateTimeFormat().resolvedOptions().timeZone],
  ])("notices %s", (kind, read) => {
    read();
    expect(kindsRead()).toContain(kind);
  });

  it("tells where the read came from", () => {
    expect(log.reads.get(expect.getState().testPath ?? "")?.get("Date.prototype.getHours")).toMatch(
      /(?:^|\()test\/setup\/time-zone-reads\.test\.ts:\d+:\d+\)?$/,
    );
  });

  it("fails a test file that reads the zone and is not listed, and passes one that is", () => {
    const inRoot = new URL("../metrics/unlisted.test.ts", import.meta.url).pathname;
    const listed = new URL("../metrics/trend.test.ts", import.meta.url).pathname;
    const inRootReads = new Map([
      [inRoot, new Map([["Date.prototype.getHours", "src/x.ts:1:1"]])],
      [listed, new Map([["Date.prototype.getHours", "src/x.ts:1:1"]])],
    ]);
    expect(unlistedTimeZoneReads(inRoot, { file: undefined, reads: inRootReads })).toBe(
      "test/metrics/unlisted.test.ts reads the machine's local time zone, so its outcome can depend on it, but it is " +
        "not run under other zones: add it to timeZoneTestFiles in test/setup/time-zone-files.ts.\n" +
        "  Date.prototype.getHours at src/x.ts:1:1",
    );
    expect(unlistedTimeZoneReads(listed, { file: undefined, reads: inRootReads })).toBeUndefined();
  });
});
