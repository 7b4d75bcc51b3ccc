import { describe, expect, it } from "vitest";
import {
  GroupworkError,
  type MemberId,
  type SessionId,
  type Turn,
  type TurnAnalyticsOptions,
  turnAnalytics,
} from "../../src/index";

const turn = (sessionId: string, memberId: string, start: number, end: number): Turn => ({
  sessionId: sessionId as SessionId,
  memberId: memberId as MemberId,
  start,
  end,
});
const ids = (...names: string[]) => names as MemberId[];
const ok = (value: number) => ({ value: expect.closeTo(value, 9), reason: null });

// Gini by its definition, Σ|xi − xj| over ordered pairs ÷ (2·n²·mean), scaled by n/(n−1): a second formula, so the
// test does not lean on the code it checks.
function giniScaled(values: number[]): number {
  const n = values.length;
  const total = values.reduce((sum, value) => sum + value, 0);
  let differences = 0;
  for (const a of values) for (const b of values) differences += Math.abs(a - b);
  return (differences / (2 * n * total)) * (n / (n - 1));
}

// One session worked by hand, in seconds (e is a facilitator left off the roster; f never speaks):
//   a 0–60 · b 50–90 · c 70–73 · a 95–100 · c 99.5–120 · e 130–140 · a 135–139 · b 139.5–150 · d 141–149
// - b starts at 50 while a speaks until 60, overlaps 10 s (> 1) and outlasts a: b interrupts a.
// - c 70–73 lies inside b and lasts 3 s (≤ 5): a backchannel. a 135–139 inside e, 4 s: a backchannel.
// - c at 99.5 and b at 139.5 take the floor with 0.5 s of overlap (≤ 1): no interruption.
// - d 141–149 lies inside b but lasts 8 s (> 5): neither.
// Talk: a 60+5+4 = 69, b 40+10.5 = 50.5, c 3+20.5 = 23.5, d 8, e 10; all 161.
// Someone speaks during [0,90] ∪ [95,120] ∪ [130,150] = 90+25+20 = 135 of the span 0–150: silence 15.
// Two at once: [50,60] 10 + [70,73] 3 + [99.5,100] 0.5 + [135,139] 4 + [139.5,140] 0.5 + [141,149] 8 = 26.
const SESSION = [
  turn("s-1", "a", 0, 60),
  turn("s-1", "b", 50, 90),
  turn("s-1", "c", 70, 73),
  turn("s-1", "a", 95, 100),
  turn("s-1", "c", 99.5, 120),
  turn("s-1", "e", 130, 140),
  turn("s-1", "a", 135, 139),
  turn("s-1", "b", 139.5, 150),
  turn("s-1", "d", 141, 149),
];
const ROSTER = ids("d", "a", "f", "c", "b");

describe("turnAnalytics on a session worked by hand", () => {
  const result = turnAnalytics(SESSION, ROSTER);
  const session = result.sessions[0];

  it("totals the session: talk, speaking time, silence, overlap", () => {
    expect(result.sessions).toHaveLength(1);
    expect(session).toMatchObject({
      sessionId: "s-1",
      turns: 9,
      start: 0,
      end: 150,
      talkTime: 161,
      speakingTime: 135,
      silence: 15,
      overlap: 26,
      interruptions: 1,
      backchannels: 2,
      didNotSpeak: ["f"],
    });
    expect(result).toMatchObject({ turns: 9, talkTime: 161, didNotSpeak: ["f"] });
  });

  it("gives every roster member, sorted by id, silent ones included", () => {
    expect(result.members.map((member) => member.memberId)).toEqual(["a", "b", "c", "d", "f"]);
    expect(result.members[0]).toEqual({
      memberId: "a",
      turns: 3,
      talkTime: 69,
      share: ok(69 / 161),
      meanTurn: ok(23),
      longestTurn: ok(60),
      interruptions: 0,
      interrupted: 1,
      backchannels: 1,
    });
    expect(result.members[1]).toMatchObject({ memberId: "b", turns: 2, talkTime: 50.5, interruptions: 1 });
    expect(result.members[1]?.meanTurn).toEqual(ok(25.25));
    expect(result.members[2]).toMatchObject({ memberId: "c", talkTime: 23.5, backchannels: 1, interruptions: 0 });
    expect(result.members[3]).toMatchObject({ memberId: "d", talkTime: 8, backchannels: 0, interruptions: 0 });
    expect(result.members[4]).toEqual({
      memberId: "f",
      turns: 0,
      talkTime: 0,
      share: ok(0),
      meanTurn: { value: null, reason: "no-turns" },
      longestTurn: { value: null, reason: "no-turns" },
      interruptions: 0,
      interrupted: 0,
      backchannels: 0,
    });
  });

  it("lists the speaker who is not on the roster instead of dropping them", () => {
    expect(result.offRoster).toEqual([
      {
        memberId: "e",
        turns: 1,
        talkTime: 10,
        share: ok(10 / 161),
        meanTurn: ok(10),
        longestTurn: ok(10),
        interruptions: 0,
        interrupted: 0,
        backchannels: 0,
      },
    ]);
    expect(session?.offRoster).toEqual(result.offRoster);
  });

  it("measures equality over the roster with the silent member as 0", () => {
    // Roster by id: a 69, b 50.5, c 23.5, d 8, f 0; turns 3, 2, 2, 1, 0.
    expect(session?.talkTimeEquality.members).toBe(5);
    expect(session?.talkTimeEquality.total).toBe(151);
    expect(session?.talkTimeEquality.giniScaled).toEqual(ok(giniScaled([69, 50.5, 23.5, 8, 0])));
    expect(session?.turnEquality.giniScaled).toEqual(ok(giniScaled([3, 2, 2, 1, 0])));
    expect(result.turnEquality.total).toBe(8);
  });

  it("gives the same answer for the turns in any order", () => {
    const shuffled = [SESSION[8], SESSION[3], SESSION[0], SESSION[6], SESSION[1], SESSION[5], SESSION[2], SESSION[7]];
    const all = [...(shuffled as Turn[]), SESSION[4] as Turn];
    expect(turnAnalytics(all, ROSTER)).toEqual(result);
  });

  it("lets the caller set the thresholds", () => {
    const tuned = turnAnalytics(SESSION, ROSTER, { interruptionOverlap: 0.4, backchannelMaxLength: 8 });
    // Now c at 99.5 (0.5 s over a) and b at 139.5 (0.5 s over e) interrupt; d's 8 s inside b is a backchannel.
    expect(tuned.sessions[0]).toMatchObject({ interruptions: 3, backchannels: 3 });
    expect(tuned.members.map((member) => [member.memberId, member.interruptions, member.interrupted])).toEqual([
      ["a", 0, 2],
      ["b", 2, 0],
      ["c", 1, 0],
      ["d", 0, 0],
      ["f", 0, 0],
    ]);
    expect(tuned.offRoster[0]?.interrupted).toBe(1);
  });
});

describe("turnAnalytics across sessions", () => {
  const turns = [turn("s-2", "b", 0, 30), ...SESSION, turn("s-2", "a", 40, 50), turn("s-2", "a", 45, 48)];
  const result = turnAnalytics(turns, ROSTER);

  it("gives one entry per session, sorted by id, and totals over all of them", () => {
    expect(result.sessions.map((s) => s.sessionId)).toEqual(["s-1", "s-2"]);
    // s-2: b 0–30, a 40–50, a 45–48 (a over a: not a backchannel, one's own talk); silence 30–40.
    expect(result.sessions[1]).toMatchObject({
      turns: 3,
      talkTime: 43,
      speakingTime: 40,
      silence: 10,
      overlap: 3,
      interruptions: 0,
      backchannels: 0,
      didNotSpeak: ["c", "d", "f"],
      offRoster: [],
    });
    expect(result.members[0]).toMatchObject({ memberId: "a", turns: 5, talkTime: 82, longestTurn: ok(60) });
    expect(result.members[1]).toMatchObject({ memberId: "b", turns: 3, talkTime: 80.5 });
    expect(result.talkTime).toBe(204);
    expect(result.didNotSpeak).toEqual(["f"]);
  });
});

describe("turnAnalytics edge cases", () => {
  it("with no turns, every roster member did not speak and shares are undefined", () => {
    const result = turnAnalytics([], ids("b", "a"));
    expect(result.sessions).toEqual([]);
    expect(result.didNotSpeak).toEqual(["a", "b"]);
    expect(result.members[0]?.share).toEqual({ value: null, reason: "nobody-spoke" });
    expect(result.talkTimeEquality.gini).toEqual({ value: null, reason: "nobody-spoke" });
  });

  it("with an empty roster, every speaker is off the roster", () => {
    const result = turnAnalytics([turn("s-1", "z", 0, 10)], []);
    expect(result.members).toEqual([]);
    expect(result.offRoster.map((speaker) => speaker.memberId)).toEqual(["z"]);
    expect(result.talkTimeEquality.gini.reason).toBe("no-members");
  });

  it("counts a zero-length turn as a turn without talk", () => {
    const result = turnAnalytics([turn("s-1", "a", 5, 5)], ids("a"));
    expect(result.members[0]).toMatchObject({ turns: 1, talkTime: 0, longestTurn: ok(0) });
    expect(result.members[0]?.share).toEqual({ value: null, reason: "nobody-spoke" });
    expect(result.sessions[0]).toMatchObject({ start: 5, end: 5, silence: 0, speakingTime: 0 });
  });

  it("reads two turns that start together by their end whichever comes first in the input", () => {
    // a 0–10 and b 0–5 start together; read by their end, b (0–5) holds the floor first and a, outlasting it by
    // 5 s of overlap, interrupts b. Given in start order only (a first), the same answer, not a backchannel by b.
    const a = turn("s-1", "a", 0, 10);
    const b = turn("s-1", "b", 0, 5);
    for (const turns of [
      [a, b],
      [b, a],
    ]) {
      const result = turnAnalytics(turns, ids("a", "b"));
      expect(result.members.map((m) => [m.memberId, m.interruptions, m.interrupted, m.backchannels])).toEqual([
        ["a", 1, 0, 0],
        ["b", 0, 1, 0],
      ]);
    }
  });

  it("reads turns that start together by their end, then in the order given", () => {
    // Out of order (a 0–5 comes last), so the session is sorted: a 0–5, c 10–15, d 10–15, b 10–20. d starts with c
    // and stops with it: a backchannel. b outlasts c, the floor holder, by 5 s of overlap: b interrupts c.
    const result = turnAnalytics(
      [turn("s-1", "b", 10, 20), turn("s-1", "c", 10, 15), turn("s-1", "d", 10, 15), turn("s-1", "a", 0, 5)],
      ids("a", "b", "c", "d"),
    );
    expect(result.members.map((m) => [m.memberId, m.interruptions, m.interrupted, m.backchannels])).toEqual([
      ["a", 0, 0, 0],
      ["b", 1, 0, 0],
      ["c", 0, 1, 0],
      ["d", 0, 0, 1],
    ]);
  });

  it("does not change its inputs", () => {
    const turns = [turn("s-1", "b", 10, 20), turn("s-1", "a", 0, 12)];
    const copy = structuredClone(turns);
    const roster = ids("b", "a");
    turnAnalytics(turns, roster);
    expect(turns).toEqual(copy);
    expect(roster).toEqual(["b", "a"]);
  });

  it.each([
    [[turn("s-1", "a", 0, 5), turn("s-1", "a", 10, 9)], "turns[1] runs from 10 to 9 s"],
    [[turn("s-1", "a", -1, 5)], "turns[0] runs from -1 to 5 s"],
    [[turn("s-1", "a", Number.NaN, 5)], "turns[0] runs from NaN to 5 s"],
    [[turn("s-1", "a", 0, Number.POSITIVE_INFINITY)], "turns[0] runs from 0 to Infinity s"],
    [[undefined as unknown as Turn], "turns[0] must be a speaking turn; got undefined"],
  ])("rejects bad turn times naming the turn (%#)", (turns, message) => {
    expect(() => turnAnalytics(turns, ids("a"))).toThrow(GroupworkError);
    expect(() => turnAnalytics(turns, ids("a"))).toThrow(message);
  });

  it("rejects a roster that lists a member twice, and negative thresholds", () => {
    expect(() => turnAnalytics([], ids("a", "b", "a"))).toThrow('the roster lists "a" twice');
    expect(() => turnAnalytics([], ids("a"), { interruptionOverlap: -1 })).toThrow("options.interruptionOverlap is -1");
    expect(() => turnAnalytics([], ids("a"), { backchannelMaxLength: Number.NaN })).toThrow(
      "options.backchannelMaxLength is NaN",
    );
  });
});

describe("turnAnalytics: arguments its types forbid", () => {
  it("names a missing turn or impossible times found part-way through a session", () => {
    const first = turn("s-1", "a", 0, 5);
    // biome-ignore lint/suspicious/noSparseArray: a hole in the list, as a host's bad data might leave
    expect(() => turnAnalytics([first, , turn("s-1", "b", 6, 9)] as Turn[], [])).toThrow(
      "turns[1] must be a speaking turn",
    );
    expect(() => turnAnalytics([first, turn("s-1", "b", 9, 6)], [])).toThrow("turns[1] runs from 9 to 6 s");
    // Starting together with the first turn.
    expect(() => turnAnalytics([first, turn("s-1", "b", 0, Number.NaN)], [])).toThrow("turns[1] runs from 0 to NaN s");
  });

  it("reads a list of turns that carries a `constructor` key of its own as any other list", () => {
    // A host's list decoded with extra keys: copying it with slice would call its `constructor` and throw.
    const turns = Object.assign([turn("s-1", "a", 0, 60), turn("s-1", "b", 50, 90)], { constructor: "constructor" });
    expect(turnAnalytics(turns, ids("a", "b")).sessions[0]).toMatchObject({ interruptions: 1, overlap: 10 });
  });

  it("refuses a list given as a turn, naming it", () => {
    expect(() => turnAnalytics([turn("s-1", "a", 0, 5), ["s-1", "a", 5, 9] as unknown as Turn], [])).toThrow(
      "turnAnalytics: turns[1] must be a speaking turn",
    );
  });

  it("refuses turns or a roster that is not a list, and options that are not an object", () => {
    expect(() => turnAnalytics(null as unknown as Turn[], [])).toThrow(
      "turnAnalytics: turns and roster must be lists.",
    );
    expect(() => turnAnalytics([], "m-ana" as unknown as MemberId[])).toThrow(GroupworkError);
    expect(() => turnAnalytics([], [], null as unknown as TurnAnalyticsOptions)).toThrow("options must be an object");
  });
});
