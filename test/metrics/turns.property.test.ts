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

// Turns that may start together, end together or repeat exactly, to hold the reading order to its definition.
const tiedTurnsArbitrary = fc
  .array(
    fc.record({
      session: fc.constantFrom("s-1", "s-2"),
      start: fc.nat({ max: 60 }),
      length: fc.nat({ max: 12 }),
      person: fc.constantFrom(...PEOPLE),
    }),
    { maxLength: 30 },
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

// Interruptions and backchannels from their definitions, turn by turn against every turn read before it: turns in
// start order, then end, then as given; A is the earlier turn that ends last (the first to reach that end), and it
// concerns B only while still running when B starts and when it is someone else's.
function floorEvents(turns: readonly Turn[], interruptionOverlap: number, backchannelMaxLength: number) {
  const events = new Map<string, { interruptions: number; interrupted: number; backchannels: number }>();
  const of = (id: string) => {
    const found = events.get(id) ?? { interruptions: 0, interrupted: 0, backchannels: 0 };
    events.set(id, found);
    return found;
  };
  for (const session of new Set(turns.map((turn) => turn.sessionId))) {
    const read = turns
      .map((turn, index) => ({ turn, index }))
      .filter(({ turn }) => turn.sessionId === session)
      .sort((a, b) => a.turn.start - b.turn.start || a.turn.end - b.turn.end || a.index - b.index)
      .map(({ turn }) => turn);
    read.forEach((b, position) => {
      let a: Turn | undefined;
      for (const earlier of read.slice(0, position)) if (a === undefined || earlier.end > a.end) a = earlier;
      if (a === undefined || a.end <= b.start || a.memberId === b.memberId) return;
      if (b.end > a.end) {
        if (a.end - b.start > interruptionOverlap) {
          of(b.memberId).interruptions++;
          of(a.memberId).interrupted++;
        }
      } else if (b.end - b.start <= backchannelMaxLength) of(b.memberId).backchannels++;
    });
  }
  return events;
}

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

  test.prop([tiedTurnsArbitrary, fc.constantFrom(0, 0.5, 1, 3), fc.constantFrom(0, 2, 5, 10)])(
    "interruptions and backchannels agree with their definitions, ties in start and end included",
    (turns, interruptionOverlap, backchannelMaxLength) => {
      const result = turnAnalytics(turns, PEOPLE, { interruptionOverlap, backchannelMaxLength });
      const expected = floorEvents(turns, interruptionOverlap, backchannelMaxLength);
      for (const member of result.members) {
        const events = expected.get(member.memberId) ?? { interruptions: 0, interrupted: 0, backchannels: 0 };
        expect([member.interruptions, member.interrupted, member.backchannels]).toEqual([
          events.interruptions,
          events.interrupted,
          events.backchannels,
        ]);
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
