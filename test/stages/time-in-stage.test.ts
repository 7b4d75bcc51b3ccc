import { describe, expect, it } from "vitest";
import { applyStageEvent, GroupworkError, startStages, timeInStage, tuckmanModel } from "../../src/index";
import { FULL_AGREEMENT } from "./helpers";

// Days are counted by hand on a wall calendar of the group's zone.
describe("timeInStage", () => {
  const start = startStages(tuckmanModel, { at: "2026-03-01T23:30:00-05:00", by: "w1" });

  it("counts calendar days in the group's zone, not 24-hour periods", () => {
    // 23:30 on 1 March to 00:10 on 2 March in New York is one calendar day, forty minutes.
    expect(timeInStage(start, "2026-03-02T00:10:00-05:00", { timeZone: "America/New_York" }).days).toBe(1);
    // The same instants in UTC are 04:30 and 05:10 on 2 March: the same day.
    expect(timeInStage(start, "2026-03-02T00:10:00-05:00", { timeZone: "UTC" }).days).toBe(0);
  });

  it("is not thrown off by the daylight-saving change (8 March 2026 in New York)", () => {
    // 1 March to 15 March is 14 calendar days although one of them had 23 hours.
    expect(timeInStage(start, "2026-03-15T23:00:00-04:00", { timeZone: "America/New_York" }).days).toBe(14);
    // Chatham keeps +13:45 in March (daylight time ends 5 April 2026): 1 March 23:30 New York is 2 March 18:15 there.
    expect(timeInStage(start, "2026-03-15T23:00:00-04:00", { timeZone: "Pacific/Chatham" }).days).toBe(14);
  });

  it("restarts at the new stage and counts its sessions", () => {
    let snapshot = start;
    for (const event of [
      { type: "SESSION_HELD", at: "2026-03-02T18:00:00-05:00", by: "w1" },
      { ...FULL_AGREEMENT, at: "2026-03-02T18:30:00-05:00", by: "w1" },
      { type: "ADVANCE", at: "2026-03-09T18:00:00-04:00", by: "w1" },
      { type: "SESSION_HELD", at: "2026-03-09T19:30:00-04:00", by: "w1" },
      { type: "SESSION_HELD", at: "2026-03-16T19:30:00-04:00", by: "w1" },
    ] as const) {
      snapshot = applyStageEvent(snapshot, event).snapshot;
    }
    expect(timeInStage(snapshot, "2026-03-20T12:00:00-04:00", { timeZone: "America/New_York" })).toEqual({
      stage: "storming",
      enteredAt: "2026-03-09T18:00:00-04:00",
      enteredOn: "2026-03-09",
      days: 11,
      sessions: 2,
    });
  });

  it("refuses a missing zone, a bad zone, a bad at and an at before the stage began", () => {
    const call = (at: string, options: unknown) => () => timeInStage(start, at, options as never);
    expect(call("2026-03-02T00:10:00-05:00", {})).toThrow(
      expect.objectContaining({ code: "missing-time-zone" }) as unknown as Error,
    );
    expect(call("2026-03-02T00:10:00-05:00", undefined)).toThrow(
      expect.objectContaining({ code: "missing-time-zone" }) as unknown as Error,
    );
    expect(call("2026-03-02T00:10:00-05:00", { timeZone: "+05:00" })).toThrow(/not an IANA time zone/);
    expect(call("2026-03-02", { timeZone: "UTC" })).toThrow(/^timeInStage: at must be an ISO 8601 instant/);
    expect(call("2026-03-01T12:00:00-05:00", { timeZone: "UTC" })).toThrow(/comes before the group entered/);
    expect(() => timeInStage({} as never, "2026-03-02T00:10:00-05:00", { timeZone: "UTC" })).toThrow(GroupworkError);
  });

  it("answers from one reading of the stage entry time", () => {
    const base = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "w1" });
    const [entry] = base.context.history;
    let reads = 0;
    const changing = {
      ...entry,
      get enteredAt() {
        reads++;
        return reads === 1 ? "2026-02-05T18:00:00-05:00" : "2026-02-12T18:00:00-05:00";
      },
    };
    const snapshot = { ...base, machine: base.machine, context: { ...base.context, history: [changing] } };
    // Whichever answer it reads, enteredAt, enteredOn and days agree: 12 February to 19 February is 7 days.
    const time = timeInStage(snapshot as never, "2026-02-19T18:00:00-05:00", { timeZone: "America/New_York" });
    expect([time.enteredAt, time.enteredOn, time.days]).toEqual(["2026-02-12T18:00:00-05:00", "2026-02-12", 7]);
  });
});
