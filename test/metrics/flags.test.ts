import { describe, expect, it } from "vitest";
import { participationFlags } from "../../src/metrics/index";
import { type GroupRecord, GroupworkError, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { parsedRecord, thursdays } from "./attendance.fixture";

function sample(): GroupRecord {
  const result = parseGroupRecord(sampleGroupRecord);
  if (!result.ok) throw new Error("the sample must parse");
  return result.value;
}

describe("participationFlags on the sample group, by hand", () => {
  it("flags Jamal's and Aroha's absences, Will's hold on session 7, Sofía's silence in it and Grace's lateness", () => {
    // Session 7's talk, in seconds (src/sample/grief-group.ts): Will 335 + 280 + 220 + 275 = 1110; everyone, the
    // facilitators included: 180 + 1110 + 5 + 90 + 80 + 135 + 80 + 50 + 215 + 110 = 2055; 1110 / 2055 = 54% > 40%.
    // Sofía was present at session 7 and has no turn in it. Grace was late at sessions 2, 7 and 10.
    expect(participationFlags(sample())).toEqual([
      {
        code: "outreach",
        memberId: "m-jamal",
        sessionIds: ["s-06", "s-07", "s-08"],
        message: "Missed 3 sessions in a row (s-06, s-07, s-08); no attendance since. Outreach is due at 2.",
      },
      {
        code: "outreach",
        memberId: "m-aroha",
        sessionIds: ["s-10", "s-11"],
        message: "Missed 2 sessions in a row (s-10, s-11); came back afterwards. Outreach is due at 2.",
      },
      {
        code: "dominance",
        memberId: "m-will",
        sessionIds: ["s-07"],
        message: "Held 54% of the talk time in session 7 (1110 of 2055 seconds); the threshold is 40%.",
      },
      {
        code: "silence",
        memberId: "m-sofia",
        sessionIds: ["s-07"],
        message: "Attended session 7 and took no speaking turn.",
      },
      {
        code: "late-pattern",
        memberId: "m-grace",
        sessionIds: ["s-02", "s-07", "s-10"],
        message:
          "Arrived late to 3 of 11 sessions attended (s-02, s-07, s-10); a pattern is 3 late arrivals or 50% of those attended.",
      },
    ]);
  });

  it("moves with its thresholds", () => {
    const flags = participationFlags(sample(), { outreachAfter: 3, dominanceShare: 0.6, lateArrivals: 4 });
    expect(flags.map((flag) => [flag.code, flag.memberId])).toEqual([
      ["outreach", "m-jamal"],
      ["silence", "m-sofia"],
    ]);
  });

  it("judges on the asOf day: before session 7 there is no dominance, silence or late pattern yet", () => {
    const flags = participationFlags(sample(), { asOf: "2026-03-13" });
    expect(flags.map((flag) => [flag.code, flag.memberId])).toEqual([]);
    const later = participationFlags(sample(), { asOf: "2026-03-20" });
    expect(later.map((flag) => [flag.code, flag.memberId, flag.sessionIds.join()])).toEqual([
      ["outreach", "m-jamal", "s-06,s-07"],
      ["dominance", "m-will", "s-07"],
      ["silence", "m-sofia", "s-07"],
    ]);
  });
});

describe("participationFlags rules", () => {
  it("finds a pattern of lateness by share from two late arrivals, never from one", () => {
    const record = parsedRecord({
      sessions: thursdays(4),
      people: [
        { id: "m-two", row: "L L A A" },
        { id: "m-one", row: "L . . ." },
      ],
    });
    const flags = participationFlags(record, { outreachAfter: 3 });
    expect(flags).toEqual([
      {
        code: "late-pattern",
        memberId: "m-two",
        sessionIds: ["s1", "s2"],
        message:
          "Arrived late to 2 of 2 sessions attended (s1, s2); a pattern is 3 late arrivals or 50% of those attended.",
      },
    ]);
  });

  it("passes over excused absences for outreach when told to", () => {
    const record = parsedRecord({ sessions: thursdays(3), people: [{ id: "m-x", row: "P X A" }] });
    expect(participationFlags(record).map((flag) => flag.sessionIds)).toEqual([["s2", "s3"]]);
    expect(participationFlags(record, { excused: "not-offered" })).toEqual([]);
  });

  it("sorts flags of the same code and session by member id", () => {
    const record = parsedRecord({
      sessions: thursdays(2),
      people: [
        { id: "m-b", row: "A A" },
        { id: "m-a", row: "A A" },
      ],
    });
    expect(participationFlags(record).map((flag) => flag.memberId)).toEqual(["m-a", "m-b"]);
  });

  it("refuses thresholds outside their range", () => {
    const record = sample();
    expect(() => participationFlags(record, { outreachAfter: 0 })).toThrow(GroupworkError);
    expect(() => participationFlags(record, { outreachAfter: 1.5 })).toThrow(/outreachAfter/);
    expect(() => participationFlags(record, { dominanceShare: 1 })).toThrow(/dominanceShare/);
    expect(() => participationFlags(record, { lateArrivals: -1 })).toThrow(/lateArrivals/);
    expect(() => participationFlags(record, { lateShare: 0 })).toThrow(/lateShare/);
    expect(() => participationFlags(record, { lateShare: "half" as unknown as number })).toThrow(/lateShare/);
    expect(() => participationFlags({ ...record, turns: undefined as unknown as [] })).toThrow(/record.turns/);
  });
});
