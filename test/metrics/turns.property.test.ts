import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { type MemberId, type SessionId, type Turn, turnAnalytics } from "../../src/index";

const PEOPLE = ["a", "b", "c", "d", "e"] as MemberId[];

// Turns on whole seconds in one or two sessions; starts are distinct within a session so the start order is unique.
const turnsArbitrary = fc
  .uniqueArray(
    fc.record({
      session: fc.constantFrom("s-1", "s-2"),
      start: fc.nat({ max: 300 }),
      length: fc.nat({ max: 40 }),
      person: fc.constantFrom(...PEOPLE),
    }),
    { selector: (turn) => `${turn.session}/${turn.start}`, maxLength: 40 },
  )
  .map((rows) =>
    rows.map(
      (row): Turn => ({
        sessionId: row.session as SessionId,
        memberId: row.person,
        start: row.start,
        end: row.start + row.length,
      }),
    ),
  );

// A second way to the session totals: count, second by second, how many turns are running.
function byTheSecond(turns: readonly Turn[]) {
  const speakers = new Map<number, number>();
  for (const turn of turns) {
    for (let second = turn.start; second < turn.end; second++) speakers.set(second, (speakers.get(second) ?? 0) + 1);
  }
  const values = [...speakers.values()];
  return { speaking: values.filter((k) => k >= 1).length, overlap: values.filter((k) => k >= 2).length };
}

describe("turnAnalytics properties", () => {
  test.prop([turnsArbitrary, fc.subarray(PEOPLE)])(
    "speaking time, overlap and silence agree with a second-by-second count",
    (turns, roster) => {
      const result = turnAnalytics(turns, roster);
      for (const session of result.sessions) {
        const own = turns.filter((turn) => turn.sessionId === session.sessionId);
        const expected = byTheSecond(own);
        expect(session.speakingTime).toBe(expected.speaking);
        expect(session.overlap).toBe(expected.overlap);
        expect(session.silence).toBe(session.end - session.start - expected.speaking);
        expect(session.talkTime).toBe(own.reduce((sum, turn) => sum + turn.end - turn.start, 0));
        expect(session.turns).toBe(own.length);
      }
    },
  );

  test.prop([
    turnsArbitrary.chain((turns) =>
      fc.tuple(fc.constant(turns), fc.shuffledSubarray(turns, { minLength: turns.length })),
    ),
  ])("does not depend on the order the turns come in", ([turns, shuffled]) => {
    expect(turnAnalytics(shuffled, PEOPLE)).toEqual(turnAnalytics(turns, PEOPLE));
  });

  test.prop([turnsArbitrary, fc.subarray(PEOPLE)])(
    "every turn and second of talk is counted once, on the roster or off it",
    (turns, roster) => {
      const result = turnAnalytics(turns, roster);
      const everyone = [...result.members, ...result.offRoster];
      expect(everyone.reduce((sum, member) => sum + member.turns, 0)).toBe(turns.length);
      expect(everyone.reduce((sum, member) => sum + member.talkTime, 0)).toBe(result.talkTime);
      expect(result.didNotSpeak).toEqual(
        [...roster].sort().filter((id) => !turns.some((turn) => turn.memberId === id)),
      );
      const interruptions = everyone.reduce((sum, member) => sum + member.interruptions, 0);
      expect(everyone.reduce((sum, member) => sum + member.interrupted, 0)).toBe(interruptions);
      expect(result.sessions.reduce((sum, session) => sum + session.interruptions, 0)).toBe(interruptions);
      if (result.talkTime > 0) {
        const shares = everyone.reduce((sum, member) => sum + (member.share.value ?? 0), 0);
        expect(shares).toBeCloseTo(1, 12);
      }
    },
  );
});
