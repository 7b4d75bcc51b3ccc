import { describe, expect, it } from "vitest";
import {
  absenceStreaks,
  attendanceSummary,
  attendanceTrend,
  detectDropout,
  participationFlags,
  responseNetwork,
  retentionCurve,
  turnAnalytics,
} from "../../src/metrics/index";
import { GroupworkError } from "../../src/model/index";
import { parsedRecord, thursdays } from "./attendance.fixture";

// A misspelt option is refused, naming the key and the options the function reads, never ignored in favour of the
// default (`{ asof }` would otherwise judge on every session in the record).

const record = parsedRecord({
  sessions: thursdays(3),
  people: [
    { id: "a", row: "P A A" },
    { id: "f", row: "P P P", role: "facilitator" },
  ],
});
const withTurns = { ...record, turns: [] };
const turns = [{ sessionId: "s1", memberId: "a", start: 0, end: 10 }];

function refusal(call: () => unknown): string {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(GroupworkError);
    expect((error as GroupworkError).code).toBe("invalid-argument");
    return (error as Error).message;
  }
  throw new Error("expected a GroupworkError");
}

const misspelt: [string, () => unknown, string][] = [
  [
    "attendanceSummary",
    () => attendanceSummary(record, { asof: "2026-01-20" } as never),
    'attendanceSummary: options has the key "asof", which it does not take; it takes "excused", "asOf".',
  ],
  [
    "attendanceTrend",
    () => attendanceTrend(record, { interval: "week", asof: "2026-01-20" } as never),
    'attendanceTrend: options has the key "asof", which it does not take; it takes "interval", "weekStartsOn", "asOf".',
  ],
  [
    "detectDropout (options)",
    () => detectDropout(record, "a", { kind: "consecutive-misses", k: 2 }, { asof: "2026-01-20" } as never),
    'detectDropout: options has the key "asof", which it does not take; it takes "asOf".',
  ],
  [
    "detectDropout (rule)",
    () => detectDropout(record, "a", { kind: "consecutive-misses", k: 2, excuse: "not-offered" } as never),
    'detectDropout: rule has the key "excuse", which it does not take; it takes "kind", "k", "excused".',
  ],
  [
    "detectDropout (a key of another kind of rule)",
    () => detectDropout(record, "a", { kind: "below-fraction", fraction: 0.5, k: 2 } as never),
    'detectDropout: rule has the key "k", which it does not take; it takes "kind", "fraction".',
  ],
  [
    "retentionCurve (options)",
    () => retentionCurve(record, { dropuot: { kind: "consecutive-misses", k: 2 } } as never),
    'retentionCurve: options has the key "dropuot", which it does not take; it takes "dropout", "asOf".',
  ],
  [
    "retentionCurve (the dropout rule)",
    () => retentionCurve(record, { dropout: { kind: "recorded-exit", reasons: ["removed"], reason: "x" } } as never),
    'retentionCurve: options.dropout has the key "reason", which it does not take; it takes "kind", "reasons".',
  ],
  [
    "participationFlags",
    () => participationFlags(withTurns, { outreachafter: 3 } as never),
    'participationFlags: options has the key "outreachafter", which it does not take; it takes "outreachAfter", "excused", "dominanceMultiple", "dominanceShare", "lateArrivals", "lateShare", "asOf".',
  ],
  [
    "turnAnalytics",
    () => turnAnalytics(turns, ["a"], { interuptionOverlap: 2 } as never),
    'turnAnalytics: options has the key "interuptionOverlap", which it does not take; it takes "interruptionOverlap", "backchannelMaxLength".',
  ],
  [
    "responseNetwork",
    () => responseNetwork(turns, { maxgap: 5 } as never),
    'responseNetwork: options has the key "maxgap", which it does not take; it takes "basis", "maxGap".',
  ],
  [
    "absenceStreaks",
    () => absenceStreaks(["absent"], { excuse: "not-offered" } as never),
    'absenceStreaks: options has the key "excuse", which it does not take; it takes "excused".',
  ],
];

describe("every metric with options refuses a key it does not read", () => {
  it.each(misspelt)("%s", (_, call, message) => {
    expect(refusal(call)).toBe(message);
  });

  it("refuses a Symbol key too, and an options object whose keys cannot be listed", () => {
    expect(refusal(() => attendanceSummary(record, { [Symbol("asOf")]: "2026-01-20" } as never))).toMatch(
      /^attendanceSummary: options has the key a Symbol \(asOf\), which it does not take/,
    );
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(refusal(() => attendanceSummary(record, proxy))).toBe(
      "attendanceSummary: options cannot be read (its keys cannot be listed).",
    );
  });

  it("still reads options with only known keys, inherited keys aside", () => {
    // An inherited key is not an option given: only own keys are options.
    const inherited = Object.create({ asof: "2026-01-20" }) as { excused?: "not-offered" };
    inherited.excused = "not-offered";
    expect(attendanceSummary(record, inherited).excused).toBe("not-offered");
    expect(attendanceSummary(record, { excused: undefined, asOf: undefined }).members[0]?.offered).toBe(3);
  });
});
