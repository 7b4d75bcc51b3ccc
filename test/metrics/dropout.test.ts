import { describe, expect, it } from "vitest";
import { detectDropout, retentionCurve } from "../../src/metrics/index";
import { GroupworkError } from "../../src/model/index";
import { parsedRecord, rawRecord, thursdays } from "./attendance.fixture";

const SIX = thursdays(6); // 8, 15, 22, 29 January, 5 and 12 February 2026

describe("detectDropout: consecutive misses", () => {
  const record = parsedRecord({
    sessions: SIX,
    people: [
      { id: "m-gone", row: "P A N X A ." },
      { id: "m-back", row: "A A A P P P" },
    ],
  });

  it("fires on k misses with no return; a session nobody recorded neither counts nor breaks the run", () => {
    const finding = detectDropout(record, "m-gone", { kind: "consecutive-misses", k: 3 });
    // Misses: s2 (absent), s4 (excused), s5 (absent), and s6 has no record at all; the third miss is s5 on 5 February.
    expect(finding).toEqual({
      memberId: "m-gone",
      rule: { kind: "consecutive-misses", k: 3 },
      fired: true,
      evidence: ["s2", "s4", "s5"],
      date: "2026-02-05",
      explanation: "Missed 3 sessions in a row with no attendance since; the rule fires at 3.",
    });
  });

  it("passes over excused absences when the rule says they are not offered", () => {
    const rule = { kind: "consecutive-misses", k: 3, excused: "not-offered" } as const;
    expect(detectDropout(record, "m-gone", rule)).toMatchObject({ fired: false, date: null, evidence: [] });
    const two = detectDropout(record, "m-gone", { ...rule, k: 2 });
    expect(two).toMatchObject({ fired: true, evidence: ["s2", "s5"], date: "2026-02-05" });
  });

  it("does not fire on a member who came back", () => {
    expect(detectDropout(record, "m-back", { kind: "consecutive-misses", k: 3 }).fired).toBe(false);
  });

  it("judges on the asOf day", () => {
    const early = detectDropout(record, "m-back", { kind: "consecutive-misses", k: 3 }, { asOf: "2026-01-23" });
    expect(early).toMatchObject({ fired: true, evidence: ["s1", "s2", "s3"], date: "2026-01-22" });
  });
});

describe("detectDropout: below a fraction of planned sessions", () => {
  // Twelve sessions planned, six on the calendar so far.
  const record = parsedRecord({
    plannedSessions: 12,
    sessions: SIX,
    people: [
      { id: "m-slow", row: "P A A A A A" },
      {
        id: "m-left",
        row: "P P A . . .",
        period: { start: "2026-01-01", end: "2026-01-25" },
        exitReason: "dropped-out",
      },
    ],
  });

  it("waits while the member could still reach the fraction by attending every session to come", () => {
    // m-slow attended 1; 6 sessions are still to come, so 7 of 12 is within reach of half (6).
    const finding = detectDropout(record, "m-slow", { kind: "below-fraction", fraction: 0.5 });
    expect(finding).toMatchObject({ fired: false, evidence: [], date: null });
    expect(finding.explanation).toBe(
      "Attended 1 of 12 planned sessions; the rule asks for 6, which is still within reach.",
    );
  });

  it("fires on the session after which the fraction is out of reach", () => {
    // Three quarters is 9: after s4 (1 attended, 8 to come) 9 is still possible; after s5 only 8 is.
    const finding = detectDropout(record, "m-slow", { kind: "below-fraction", fraction: 0.75 });
    expect(finding).toMatchObject({ fired: true, evidence: ["s2", "s3", "s4", "s5"], date: "2026-02-05" });
    expect(finding.explanation).toBe(
      "Attended 1 of 12 planned sessions and can attend at most 7 more; the rule asks for 9.",
    );
  });

  it("fires on the day a member left, who can attend no more", () => {
    const finding = detectDropout(record, "m-left", { kind: "below-fraction", fraction: 0.5 });
    expect(finding).toMatchObject({ fired: true, evidence: ["s3"], date: "2026-01-25" });
    // Judged on a day before the end of the membership, the rule waits.
    expect(
      detectDropout(record, "m-left", { kind: "below-fraction", fraction: 0.5 }, { asOf: "2026-01-24" }).fired,
    ).toBe(false);
    // Judged on the last day of the membership, with no later session in view.
    expect(
      detectDropout(record, "m-left", { kind: "below-fraction", fraction: 0.5 }, { asOf: "2026-01-25" }),
    ).toMatchObject({
      fired: true,
      date: "2026-01-25",
    });
  });

  it("says when the fraction is reached", () => {
    expect(detectDropout(record, "m-left", { kind: "below-fraction", fraction: 1 / 6 }).explanation).toBe(
      "Attended 2 of 12 planned sessions; the rule asks for 2, which is reached.",
    );
  });

  it("holds a client who joins a planned group late to the sessions of the plan still to come", () => {
    // Six planned, s1–s3 already past when m-late joins on 25 January: their plan is the 3 sessions left, half is 1.5.
    // They attend s4 and s5 and complete the group after s6: 2 of 3, so no dropout. (Against all 6, half would be 3,
    // out of reach from the day they joined.)
    const late = parsedRecord({
      plannedSessions: 6,
      sessions: SIX,
      people: [
        {
          id: "m-late",
          row: ". . . P P A",
          period: { start: "2026-01-25", end: "2026-02-20" },
          exitReason: "completed",
        },
      ],
    });
    const finding = detectDropout(late, "m-late", { kind: "below-fraction", fraction: 0.5 });
    expect(finding).toMatchObject({ fired: false, evidence: [], date: null });
    expect(finding.explanation).toBe("Attended 2 of 3 planned sessions; the rule asks for 1.5, which is reached.");
    // Attending only s4 of the three: 1 < 1.5, certain on the last day of the membership.
    const once = parsedRecord({
      plannedSessions: 6,
      sessions: SIX,
      people: [{ id: "m-once", row: ". . . P A A", period: { start: "2026-01-25", end: "2026-02-20" } }],
    });
    expect(detectDropout(once, "m-once", { kind: "below-fraction", fraction: 0.5 })).toMatchObject({
      fired: true,
      evidence: ["s5", "s6"],
      date: "2026-02-12",
    });
  });

  it("counts every session held or scheduled for a membership without a period", () => {
    const open = parsedRecord({ sessions: SIX, people: [{ id: "m-all", row: "P A A A A A" }] });
    // 6 planned, 1 attended: a third (2) is still within reach after s5 (1 attended + 1 to come), not after s6.
    const finding = detectDropout(open, "m-all", { kind: "below-fraction", fraction: 1 / 3 });
    expect(finding).toMatchObject({ fired: true, evidence: ["s2", "s3", "s4", "s5", "s6"], date: "2026-02-12" });
  });

  it("counts the sessions held or scheduled during the membership when the group has no plan", () => {
    const open = parsedRecord({
      sessions: [
        ...SIX.slice(0, 4),
        { start: SIX[4] ?? "", status: "scheduled" },
        { start: SIX[5] ?? "", status: "cancelled" },
      ],
      people: [{ id: "m-new", row: ". . A A . .", period: { start: "2026-01-20" } }],
    });
    // Planned for m-new: s3, s4 held and s5 scheduled = 3; none attended, one still to come: 1 < 0.5 × 3.
    const finding = detectDropout(open, "m-new", { kind: "below-fraction", fraction: 0.5 });
    expect(finding).toMatchObject({ fired: true, evidence: ["s3", "s4"], date: "2026-01-29" });
    expect(finding.explanation).toContain("of 3 planned sessions");
  });
});

describe("detectDropout: a recorded exit", () => {
  const record = parsedRecord({
    sessions: SIX,
    people: [
      { id: "m-out", row: "P P . . . .", period: { start: "2026-01-01", end: "2026-01-16" }, exitReason: "removed" },
      { id: "m-done", row: "P P P P P P", period: { start: "2026-01-01", end: "2026-02-12" }, exitReason: "completed" },
    ],
  });

  it("fires on one of the given reasons, dated at the end of the membership", () => {
    const rule = { kind: "recorded-exit", reasons: ["dropped-out", "removed"] } as const;
    expect(detectDropout(record, "m-out", rule)).toMatchObject({ fired: true, evidence: [], date: "2026-01-16" });
    expect(detectDropout(record, "m-done", rule)).toMatchObject({
      fired: false,
      explanation: "No membership ended with one of the given exit reasons.",
    });
    expect(detectDropout(record, "m-out", rule, { asOf: "2026-01-15" }).fired).toBe(false);
  });

  it("has no date when the exit was recorded without the end of the period", () => {
    const raw = rawRecord({ sessions: SIX, people: [{ id: "m-gone", row: "P . . . . .", exitReason: "dropped-out" }] });
    const finding = detectDropout(raw, "m-gone", { kind: "recorded-exit", reasons: ["dropped-out"] });
    expect(finding).toMatchObject({ fired: true, date: null });
    expect(finding.explanation).toBe('The membership ended with the exit reason "dropped-out".');
    // Without an end, the exit is taken as recorded by any asOf day.
    expect(
      detectDropout(raw, "m-gone", { kind: "recorded-exit", reasons: ["dropped-out"] }, { asOf: "2026-01-01" }).fired,
    ).toBe(true);
  });
});

describe("detectDropout: arguments its types forbid", () => {
  const record = parsedRecord({
    sessions: SIX,
    people: [
      { id: "f-lead", row: "P P P P P P", role: "facilitator" },
      { id: "m-one", row: "P P P P P P" },
    ],
  });
  const rule = { kind: "consecutive-misses", k: 2 } as const;

  it("refuses a person who is not a client of the group", () => {
    expect(() => detectDropout(record, "m-nobody", rule)).toThrow(GroupworkError);
    expect(() => detectDropout(record, "f-lead", rule)).toThrow(/"f-lead" is not a client of the group/);
  });

  it("refuses a rule outside the three", () => {
    const bad = (value: unknown) => () => detectDropout(record, "m-one", value as typeof rule);
    expect(bad({ kind: "therapist-judgment" })).toThrow(/rule.kind must be/);
    expect(bad(null)).toThrow(/rule.kind must be/);
    expect(bad({ kind: "consecutive-misses", k: 0 })).toThrow(/rule.k must be a whole number/);
    expect(bad({ kind: "consecutive-misses", k: 2.5 })).toThrow(/rule.k/);
    expect(bad({ kind: "consecutive-misses", k: 2, excused: "sometimes" })).toThrow(/rule.excused/);
    expect(bad({ kind: "below-fraction", fraction: 0 })).toThrow(/rule.fraction/);
    expect(bad({ kind: "below-fraction", fraction: 1.2 })).toThrow(/rule.fraction/);
    expect(bad({ kind: "below-fraction", fraction: "half" })).toThrow(/rule.fraction/);
    expect(bad({ kind: "recorded-exit", reasons: [] })).toThrow(/rule.reasons/);
    expect(bad({ kind: "recorded-exit", reasons: ["vanished"] })).toThrow(/rule.reasons/);
    expect(() => detectDropout(record, "m-one", rule, { asOf: "tomorrow" })).toThrow(/asOf/);
  });

  it("refuses a hole in a recorded-exit rule's reasons, naming it, rather than echoing it back as null", () => {
    const reasons: string[] = [];
    reasons[1] = "dropped-out";
    const bad = { kind: "recorded-exit", reasons } as never;
    expect(() => detectDropout(record, "m-one", bad)).toThrow(
      "detectDropout: rule.reasons[0] is a hole in the list; rule.reasons must be a non-empty list of exit reasons",
    );
    expect(() => retentionCurve(record, { dropout: bad })).toThrow(
      "retentionCurve: options.dropout.reasons[0] is a hole in the list",
    );
    // A billion-long sparse list is refused at its first hole, not walked.
    const long = ["dropped-out"];
    long.length = 1e9;
    expect(() => detectDropout(record, "m-one", { kind: "recorded-exit", reasons: long as never })).toThrow(
      "rule.reasons[1] is a hole in the list",
    );
  });
});
