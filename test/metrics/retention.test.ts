import { describe, expect, it } from "vitest";
import { retentionCurve } from "../../src/metrics/index";
import { type GroupRecord, GroupworkError, parseGroupRecord } from "../../src/model/index";
import { parsedRecord, rawRecord, thursdays } from "./attendance.fixture";

// An open group of six clients over six weekly sessions (8 January to 12 February 2026), with censoring and late entry.
//
//          s1 s2 s3 s4 s5 s6   membership                     in the risk set   outcome
//   a      P  P  A  A  .  .    1 Jan – 31 Jan, dropped out    s1 – s2           event at s2 (last attended)
//   b      P  P  P  P  P  P    1 Jan – 28 Feb, completed      s1 – s6           censored at s6
//   c      P  P  .  .  .  .    1 Jan – 20 Jan, transferred    s1 – s2           censored at s2 (last offered)
//   d      .  .  P  P  A  P    from 20 Jan, still active      s3 – s6           late entry, censored at s6
//   e      .  .  .  P  A  .    27 Jan – 10 Feb, removed       s4 – s4           late entry, event at s4
//   f      P  A  P  P  P  A    from 1 Jan, still active       s1 – s6           censored at s6
//
// Kaplan & Meier (1958) by hand, events before censorings at a tie; Greenwood (1926) SE = S·√Σ d/(n(n−d)):
//   s1: n = 4 (a b c f), d = 0             S = 1
//   s2: n = 4 (a b c f), d = 1, c = 1      S = 1 · (1 − 1/4) = 3/4        Σ = 1/(4·3) = 1/12
//   s3: n = 3 (b d f)                      S = 3/4
//   s4: n = 4 (b d e f), d = 1             S = 3/4 · (1 − 1/4) = 9/16     Σ = 1/12 + 1/12 = 1/6
//   s5: n = 3 (b d f)                      S = 9/16
//   s6: n = 3 (b d f), c = 3               S = 9/16
const cohort = parsedRecord({
  sessions: thursdays(6),
  people: [
    { id: "a", row: "P P A A . .", period: { start: "2026-01-01", end: "2026-01-31" }, exitReason: "dropped-out" },
    { id: "b", row: "P P P P P P", period: { start: "2026-01-01", end: "2026-02-28" }, exitReason: "completed" },
    { id: "c", row: "P P . . . .", period: { start: "2026-01-01", end: "2026-01-20" }, exitReason: "transferred" },
    { id: "d", row: ". . P P A P", period: { start: "2026-01-20" } },
    { id: "e", row: ". . . P A .", period: { start: "2026-01-27", end: "2026-02-10" }, exitReason: "removed" },
    { id: "f", row: "P A P P P A", period: { start: "2026-01-01" } },
  ],
});

describe("retentionCurve on a hand-computed cohort", () => {
  it("steps through every session with the risk set, events and censorings", () => {
    const curve = retentionCurve(cohort);
    expect(curve.dropout).toEqual({ kind: "recorded-exit", reasons: ["dropped-out", "removed"] });
    expect(curve.steps.map((step) => [step.session, step.sessionId, step.atRisk, step.events, step.censored])).toEqual([
      [1, "s1", 4, 0, 0],
      [2, "s2", 4, 1, 1],
      [3, "s3", 3, 0, 0],
      [4, "s4", 4, 1, 0],
      [5, "s5", 3, 0, 0],
      [6, "s6", 3, 0, 3],
    ]);
    expect(curve.steps.map((step) => step.survival)).toEqual([1, 3 / 4, 3 / 4, 9 / 16, 9 / 16, 9 / 16]);
    const errors = curve.steps.map((step) => step.standardError.value ?? Number.NaN);
    const expected = [
      0,
      (3 / 4) * Math.sqrt(1 / 12),
      (3 / 4) * Math.sqrt(1 / 12),
      ...Array(3).fill((9 / 16) * Math.sqrt(1 / 6)),
    ];
    errors.forEach((error, index) => {
      expect(error).toBeCloseTo(expected[index] ?? Number.NaN, 12);
    });
  });

  it("gives each client's entry, exit and outcome", () => {
    const one = (entry: number, exit: number) => ({ entry, exit, intervals: [{ entry, exit }] });
    expect(retentionCurve(cohort).members).toEqual([
      { memberId: "a", ...one(1, 2), outcome: "dropped-out" },
      { memberId: "b", ...one(1, 6), outcome: "censored" },
      { memberId: "c", ...one(1, 2), outcome: "censored" },
      { memberId: "d", ...one(3, 6), outcome: "censored" },
      { memberId: "e", ...one(4, 4), outcome: "dropped-out" },
      { memberId: "f", ...one(1, 6), outcome: "censored" },
    ]);
  });

  it("takes the dropout rule from the options", () => {
    // Two misses in a row with no return: only a (s3, s4). e missed one session, so is censored at s5, its last offered.
    //   s2: n = 4, d = 1, c = 1 → S = 3/4;  s4: n = 4 (b d e f);  s5: n = 4, c = 1 (e);  s6: n = 3, c = 3.
    const curve = retentionCurve(cohort, { dropout: { kind: "consecutive-misses", k: 2 } });
    expect(curve.steps.map((step) => [step.session, step.atRisk, step.events, step.censored, step.survival])).toEqual([
      [1, 4, 0, 0, 1],
      [2, 4, 1, 1, 3 / 4],
      [3, 3, 0, 0, 3 / 4],
      [4, 4, 0, 0, 3 / 4],
      [5, 4, 0, 1, 3 / 4],
      [6, 3, 0, 3, 3 / 4],
    ]);
  });
});

// A client who left and came back, among four who stayed in one membership, over the same six Thursdays.
//
//          s1 s2 s3 s4 s5 s6   memberships                                      in the risk set
//   r      P  P  .  P  P  P    1 Jan – 16 Jan (transferred), then from 27 Jan   s1 – s2, s4 – s6: censored at s2 and s6
//   a      P  P  P  A  .  .    1 Jan – 31 Jan, dropped out                      s1 – s3: event at s3 (last attended)
//   b      P  P  P  P  P  P    1 Jan – 28 Feb, completed                        s1 – s6: censored at s6
//   c      P  P  P  P  A  A    from 1 Jan, still active                         s1 – s6: censored at s6
//   e      P  P  P  P  P  .    1 Jan – 10 Feb, dropped out                      s1 – s5: event at s5
//
// Counting-process intervals (Andersen & Gill 1982), one per membership: r is not at risk at s3, between memberships.
// Kaplan–Meier by hand, events before censorings at a tie; Greenwood Σ d/(n(n−d)):
//   s1: n = 5 (r a b c e)                  S = 1
//   s2: n = 5, c = 1 (r's first ends)      S = 1
//   s3: n = 4 (a b c e), d = 1             S = 1 · (1 − 1/4) = 3/4        Σ = 1/(4·3) = 1/12
//   s4: n = 4 (r b c e)                    S = 3/4
//   s5: n = 4 (r b c e), d = 1             S = 3/4 · (1 − 1/4) = 9/16     Σ = 1/12 + 1/12 = 1/6
//   s6: n = 3 (r b c), c = 3               S = 9/16
// Keeping r at risk through the gap, as one span from s1 to s6, would give n = 5 at s3 and S = 4/5 · 3/4 = 3/5 at s5.
function withRejoiner(): GroupRecord {
  const raw = rawRecord({
    sessions: thursdays(6),
    people: [
      { id: "r", row: "P P . . . .", period: { start: "2026-01-01", end: "2026-01-16" }, exitReason: "transferred" },
      { id: "r", row: ". . . P P P", period: { start: "2026-01-27" } },
      { id: "a", row: "P P P A . .", period: { start: "2026-01-01", end: "2026-01-31" }, exitReason: "dropped-out" },
      { id: "b", row: "P P P P P P", period: { start: "2026-01-01", end: "2026-02-28" }, exitReason: "completed" },
      { id: "c", row: "P P P P A A", period: { start: "2026-01-01" } },
      { id: "e", row: "P P P P P .", period: { start: "2026-01-01", end: "2026-02-10" }, exitReason: "dropped-out" },
    ],
  });
  // One person with two memberships: the fixture lists the person once per row.
  const parsed = parseGroupRecord({ ...raw, members: raw.members.filter((_, index) => index !== 1) });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues, null, 2));
  return parsed.value;
}

describe("retentionCurve with a client who left and came back", () => {
  it("keeps them out of the risk set between their memberships", () => {
    const curve = retentionCurve(withRejoiner());
    expect(curve.steps.map((step) => [step.session, step.atRisk, step.events, step.censored, step.survival])).toEqual([
      [1, 5, 0, 0, 1],
      [2, 5, 0, 1, 1],
      [3, 4, 1, 0, 3 / 4],
      [4, 4, 0, 0, 3 / 4],
      [5, 4, 1, 0, 9 / 16],
      [6, 3, 0, 3, 9 / 16],
    ]);
    const expected = [0, 0, (3 / 4) * Math.sqrt(1 / 12), (3 / 4) * Math.sqrt(1 / 12), (9 / 16) * Math.sqrt(1 / 6)];
    expected.push(expected[4] as number);
    curve.steps.forEach((step, index) => {
      expect(step.standardError.value).toBeCloseTo(expected[index] as number, 12);
    });
  });

  it("lists each membership's interval", () => {
    expect(retentionCurve(withRejoiner()).members[0]).toEqual({
      memberId: "r",
      entry: 1,
      exit: 6,
      outcome: "censored",
      intervals: [
        { entry: 1, exit: 2 },
        { entry: 4, exit: 6 },
      ],
    });
  });
});

describe("retentionCurve edge cases", () => {
  it("reaches 0 when everyone left, with no standard error, and an event at the first session for one who never came", () => {
    const record = parsedRecord({
      sessions: thursdays(2),
      people: [{ id: "z", row: "A A", period: { start: "2026-01-01", end: "2026-01-20" }, exitReason: "dropped-out" }],
    });
    const curve = retentionCurve(record);
    expect(curve.members).toEqual([
      { memberId: "z", entry: 1, exit: 1, outcome: "dropped-out", intervals: [{ entry: 1, exit: 1 }] },
    ]);
    expect(curve.steps).toEqual([
      {
        session: 1,
        sessionId: "s1",
        atRisk: 1,
        events: 1,
        censored: 0,
        survival: 0,
        standardError: { value: null, reason: "survival-is-zero" },
      },
    ]);
  });

  it("keeps survival through a session with nobody at risk", () => {
    const record = parsedRecord({
      sessions: thursdays(3),
      people: [
        { id: "first", row: "P . .", period: { start: "2026-01-01", end: "2026-01-10" }, exitReason: "completed" },
        { id: "later", row: ". . A", period: { start: "2026-01-20", end: "2026-01-31" }, exitReason: "dropped-out" },
      ],
    });
    expect(retentionCurve(record).steps.map((step) => [step.session, step.atRisk, step.events, step.survival])).toEqual(
      [
        [1, 1, 0, 1],
        [2, 0, 0, 1],
        [3, 1, 1, 0],
      ],
    );
  });

  it("leaves out, by name, a client offered no session", () => {
    const record = parsedRecord({
      sessions: thursdays(2),
      people: [
        { id: "on-time", row: "P P" },
        { id: "too-late", row: ". .", period: { start: "2026-03-01" } },
      ],
    });
    const curve = retentionCurve(record, { asOf: "2026-12-31" });
    expect(curve.excluded).toEqual(["too-late"]);
    expect(curve.members.map((member) => member.memberId)).toEqual(["on-time"]);
    expect(retentionCurve({ ...record, memberships: [] }).steps).toEqual([]);
  });

  it("refuses a bad rule or options", () => {
    expect(() => retentionCurve(cohort, { dropout: { kind: "recorded-exit", reasons: [] } })).toThrow(GroupworkError);
    expect(() => retentionCurve(cohort, { asOf: "2026-13-01" })).toThrow(/asOf/);
  });
});
