// The bundled sample group, counted by hand from its attendance grid in src/sample/grief-group.ts:
//
//            1 2 3 4 5 6 7 8 9 10 11 12      (session 5 cancelled; "." not enrolled: Jamal left on 31 March)
//   hope     P P P P - P P P P P  P  P
//   will     P P N P - P P P L P  P  P
//   sofia    P P P A - P P P P P  P  P
//   aroha    P P P P - P P P P A  A  P
//   jamal    P P L P - A A A . .  .  .
//   grace    P L P P - P L P P L  P  P
//   tomasz   P P P P - P P P P P  E  P
//   lena     P P P P - P P X P P  P  P
import { describe, expect, it } from "vitest";
import { attendanceSummary, attendanceTrend, detectDropout, retentionCurve } from "../../src/metrics/index";
import { type GroupRecord, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

function sample(): GroupRecord {
  const result = parseGroupRecord(sampleGroupRecord);
  if (!result.ok) throw new Error("the sample must parse");
  return result.value;
}

describe("attendance of the sample group, by hand", () => {
  const summary = attendanceSummary(sample());
  const row = (id: string) => summary.members.find((member) => member.memberId === id);

  it("lists the eight clients and not the two facilitators", () => {
    expect(summary.members.map((member) => member.memberId)).toEqual([
      "m-hope",
      "m-will",
      "m-sofia",
      "m-aroha",
      "m-jamal",
      "m-grace",
      "m-tomasz",
      "m-lena",
    ]);
    expect(summary.notCounted).toEqual([]);
  });

  it("counts each row of the grid", () => {
    // [offered, attended, present, late, leftEarly, excused, absent, notRecorded, current streak, longest streak]
    const counted = summary.members.map((m) => [
      m.memberId,
      m.offered,
      m.attended,
      m.present,
      m.late,
      m.leftEarly,
      m.excused,
      m.absent,
      m.notRecorded,
      m.currentAbsenceStreak,
      m.longestAbsenceStreak,
    ]);
    expect(counted).toEqual([
      ["m-hope", 11, 11, 11, 0, 0, 0, 0, 0, 0, 0],
      ["m-will", 11, 10, 9, 1, 0, 0, 0, 1, 0, 0],
      ["m-sofia", 11, 10, 10, 0, 0, 0, 1, 0, 0, 1],
      ["m-aroha", 11, 9, 9, 0, 0, 0, 2, 0, 0, 2],
      ["m-jamal", 7, 4, 3, 1, 0, 0, 3, 0, 3, 3],
      ["m-grace", 11, 11, 8, 3, 0, 0, 0, 0, 0, 0],
      ["m-tomasz", 11, 11, 10, 0, 1, 0, 0, 0, 0, 0],
      ["m-lena", 11, 10, 10, 0, 0, 1, 0, 0, 0, 1],
    ]);
  });

  it("gives the plain and the adjusted rate, which differ only for Lena's excused absence", () => {
    expect(row("m-will")?.rate).toEqual({ value: 10 / 11, reason: null });
    expect(row("m-jamal")?.rate).toEqual({ value: 4 / 7, reason: null });
    expect(row("m-lena")?.rate).toEqual({ value: 10 / 11, reason: null });
    expect(row("m-lena")?.adjustedRate).toEqual({ value: 10 / 10, reason: null });
    for (const member of summary.members.filter((m) => m.memberId !== "m-lena")) {
      expect(member.adjustedRate).toEqual(member.rate);
    }
  });

  it("totals 11 held and 1 cancelled session, 84 offered and 76 attended", () => {
    expect(summary.group).toMatchObject({
      sessionsHeld: 11,
      sessionsCancelled: 1,
      sessionsNotTakenPlace: 0,
      sessionsScheduled: 0,
      offered: 7 * 11 + 7,
      attended: 11 + 10 + 10 + 9 + 4 + 11 + 11 + 10,
      excused: 1,
    });
    const plain = (1 + 10 / 11 + 10 / 11 + 9 / 11 + 4 / 7 + 1 + 1 + 10 / 11) / 8;
    expect(summary.group.meanRate.value).toBeCloseTo(plain, 12);
    const adjusted = attendanceSummary(sample(), { excused: "not-offered" });
    expect(adjusted.group.meanRate.value).toBeCloseTo((1 + 10 / 11 + 10 / 11 + 9 / 11 + 4 / 7 + 1 + 1 + 1) / 8, 12);
  });
});

describe("the sample group's weekly trend crosses the start of daylight saving time", () => {
  const trend = attendanceTrend(sample(), { interval: "week" });

  it("has one Monday-to-Sunday week per Thursday, the ice-storm week with no rate", () => {
    expect(trend.buckets.map((bucket) => [bucket.start, bucket.end])).toEqual([
      ["2026-02-02", "2026-02-08"],
      ["2026-02-09", "2026-02-15"],
      ["2026-02-16", "2026-02-22"],
      ["2026-02-23", "2026-03-01"],
      ["2026-03-02", "2026-03-08"],
      ["2026-03-09", "2026-03-15"],
      ["2026-03-16", "2026-03-22"],
      ["2026-03-23", "2026-03-29"],
      ["2026-03-30", "2026-04-05"],
      ["2026-04-06", "2026-04-12"],
      ["2026-04-13", "2026-04-19"],
      ["2026-04-20", "2026-04-26"],
    ]);
    const iceStorm = trend.buckets[4];
    expect(iceStorm).toMatchObject({ sessionIds: [], sessionsNotHeld: 1, offered: 0 });
    expect(iceStorm?.rate).toEqual({ value: null, reason: "no-sessions-offered" });
  });

  it("counts each column of the grid in its week", () => {
    expect(trend.buckets.map((bucket) => [bucket.sessionIds.join(), bucket.offered, bucket.attended])).toEqual([
      ["s-01", 8, 8],
      ["s-02", 8, 8],
      ["s-03", 8, 7],
      ["s-04", 8, 7],
      ["", 0, 0],
      ["s-06", 8, 7],
      ["s-07", 8, 7],
      ["s-08", 8, 6],
      ["s-09", 7, 7],
      ["s-10", 7, 6],
      ["s-11", 7, 6],
      ["s-12", 7, 7],
    ]);
    expect(trend.buckets[7]).toMatchObject({ excused: 1, adjustedRate: { value: 6 / 7, reason: null } });
  });
});

describe("dropout in the sample group", () => {
  const record = sample();

  it("finds Jamal by every rule, each with its own evidence and day", () => {
    expect(detectDropout(record, "m-jamal", { kind: "consecutive-misses", k: 2 })).toMatchObject({
      fired: true,
      evidence: ["s-06", "s-07", "s-08"],
      date: "2026-03-19",
    });
    expect(detectDropout(record, "m-jamal", { kind: "consecutive-misses", k: 3 }).date).toBe("2026-03-26");
    expect(detectDropout(record, "m-jamal", { kind: "recorded-exit", reasons: ["dropped-out"] })).toMatchObject({
      fired: true,
      evidence: [],
      date: "2026-03-31",
    });
    // 4 attended of 12 planned: half (6) is out of reach once he has left on 31 March.
    expect(detectDropout(record, "m-jamal", { kind: "below-fraction", fraction: 0.5 })).toMatchObject({
      fired: true,
      evidence: ["s-06", "s-07", "s-08"],
      date: "2026-03-31",
    });
  });

  it("does not find Aroha, who came back after two absences", () => {
    const finding = detectDropout(record, "m-aroha", { kind: "consecutive-misses", k: 2 });
    expect(finding).toMatchObject({ fired: false, evidence: [], date: null });
    expect(finding.explanation).toContain("(0 now)");
  });
});

describe("retention of the sample group", () => {
  it("loses Jamal after session 4, his last attended session, and censors the seven completers at session 12", () => {
    const curve = retentionCurve(sample());
    expect(curve.steps.map((step) => [step.session, step.atRisk, step.events, step.censored])).toEqual([
      [1, 8, 0, 0],
      [2, 8, 0, 0],
      [3, 8, 0, 0],
      [4, 8, 1, 0],
      [6, 7, 0, 0],
      [7, 7, 0, 0],
      [8, 7, 0, 0],
      [9, 7, 0, 0],
      [10, 7, 0, 0],
      [11, 7, 0, 0],
      [12, 7, 0, 7],
    ]);
    expect(curve.steps.at(-1)?.survival).toBe(7 / 8);
    // Greenwood: 7/8 · √(1 / (8 · 7)).
    expect(curve.steps.at(-1)?.standardError.value).toBeCloseTo((7 / 8) * Math.sqrt(1 / 56), 12);
    expect(curve.members.find((member) => member.memberId === "m-jamal")).toEqual({
      memberId: "m-jamal",
      entry: 1,
      exit: 4,
      outcome: "dropped-out",
      intervals: [{ entry: 1, exit: 4 }],
    });
  });
});
