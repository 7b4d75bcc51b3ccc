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
    // facilitators included: 180 + 1110 + 5 + 90 + 80 + 135 + 80 + 50 + 215 + 110 = 2055; 1110 / 2055 = 54%.
    // Present: the seven clients other than Jamal, and the two facilitators (Rivera, facilitator; Okafor,
    // co-facilitator), who speak: n = 9, an equal share is
    // 1/9, twice it 2/9 = 22%. The next largest share is Rivera's 395 / 2055 = 19%, a facilitator's, never flagged.
    // Sessions 1 and 12: the largest client shares are Hope's 205 / 1615 = 13% (10 present, threshold 20%) and
    // Sofía's 230 / 1605 = 14% (9 present, threshold 22%): no dominance.
    // Sofía was present at session 7 and has no turn in it. Grace was late at sessions 2, 7 and 10.
    expect(participationFlags(sample())).toEqual([
      {
        code: "outreach",
        memberId: "m-jamal",
        sessionIds: ["s-06", "s-07", "s-08"],
        message:
          "Missed 3 sessions in a row (s-06, s-07, s-08); no attendance since. Outreach is due after 2 missed in a row.",
      },
      {
        code: "outreach",
        memberId: "m-aroha",
        sessionIds: ["s-10", "s-11"],
        message:
          "Missed 2 sessions in a row (s-10, s-11); came back afterwards. Outreach is due after 2 missed in a row.",
      },
      {
        code: "dominance",
        memberId: "m-will",
        sessionIds: ["s-07"],
        message:
          "Held 54% of the talk time in session 7 (1110 of 2055 seconds); the threshold is 22%, 2 × the equal share of the 9 people present (7 clients, 2 facilitators).",
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

// One session of a group whose clients were all present, each speaking the seconds given in one turn, after another.
function talkingGroup(seconds: readonly number[]): GroupRecord {
  const ids = seconds.map((_, index) => `m-${String(index + 1).padStart(2, "0")}`);
  const record = parsedRecord({ sessions: thursdays(1), people: ids.map((id) => ({ id, row: "P" })) });
  let clock = 0;
  // A client with 0 seconds takes no turn: present and silent.
  const turns = seconds.flatMap((length, index) => {
    const turn = { sessionId: "s1", memberId: ids[index], start: clock, end: clock + length };
    clock += length;
    return length > 0 ? [turn] : [];
  });
  return { ...record, turns: turns as unknown as GroupRecord["turns"] };
}

const dominant = (record: GroupRecord, options = {}) =>
  participationFlags(record, options)
    .filter((flag) => flag.code === "dominance")
    .map((flag) => flag.memberId);

describe("participationFlags: dominance relative to the number present", () => {
  it("with three present, flags more than 2/3 of the talk, not 60%", () => {
    // Equal share 1/3, twice it 2/3 ≈ 66.7%. 70 of 100 s = 70% > 66.7%: flagged; 60 of 100 s = 60%: not. (A fixed 40%
    // would flag both: 1.2 × the equal share.)
    expect(dominant(talkingGroup([70, 20, 10]))).toEqual(["m-01"]);
    expect(dominant(talkingGroup([60, 25, 15]))).toEqual([]);
    const [flag] = participationFlags(talkingGroup([70, 20, 10]));
    expect(flag?.message).toBe(
      "Held 70% of the talk time in session 1 (70 of 100 seconds); the threshold is 67%, 2 × the equal share of the 3 people present (3 clients).",
    );
  });

  it("with ten present, flags more than 1/5 of the talk, well below a fixed 40%", () => {
    // Equal share 1/10, twice it 20%. Talk 25 + 21 + 8 × 6.75 = 100 s: 25% and 21% are above 20%, 6.75% is not; a
    // fixed 40% (4 × the equal share) would flag nobody.
    const seconds = [25, 21, ...Array<number>(8).fill(6.75)];
    expect(dominant(talkingGroup(seconds))).toEqual(["m-01", "m-02"]);
    expect(dominant(talkingGroup(seconds), { dominanceShare: 0.4 })).toEqual([]);
    // Three times the equal share, 30%: nobody.
    expect(dominant(talkingGroup(seconds), { dominanceMultiple: 3 })).toEqual([]);
  });

  it("counts a silent client who attended, and a speaker who is not a client, among those present", () => {
    // Three clients present, one silent, and a facilitator who speaks: n = 4, threshold 2/4 = 50%. The client with
    // 55 of 100 s is flagged; the facilitator's 40 s count in the total and in n, but a facilitator is never flagged.
    const record = talkingGroup([55, 5, 0]);
    const withFacilitator = {
      ...record,
      turns: [
        ...record.turns,
        { sessionId: "s1", memberId: "f-lead", start: 100, end: 140 },
      ] as unknown as GroupRecord["turns"],
    };
    // 55 / 100 = 55% > 50%; with n = 3 the threshold would be 67% and nobody flagged.
    expect(dominant(withFacilitator)).toEqual(["m-01"]);
    expect(participationFlags(withFacilitator).find((flag) => flag.code === "dominance")?.message).toContain(
      // f-lead holds no membership: a speaker, not known as a facilitator.
      "the threshold is 50%, 2 × the equal share of the 4 people present (3 clients, 1 other speaker).",
    );
  });

  it("says who the people present are: clients, those who lead the group, and other speakers", () => {
    // Three clients present (55, 5 and 0 seconds) and four others who speak 10 seconds each: a facilitator and a peer
    // facilitator (both lead the group), an observer, and an id with no membership. n = 7, threshold 2/7 = 29%;
    // 55 of 100 s is 55%.
    const record = parsedRecord({
      sessions: thursdays(1),
      people: [
        { id: "m-01", row: "P" },
        { id: "m-02", row: "P" },
        { id: "m-03", row: "P" },
        { id: "f-lead", row: ".", role: "facilitator" },
        { id: "f-peer", row: ".", role: "peer-facilitator" },
        { id: "o-trainee", row: ".", role: "observer" },
      ],
    });
    const talk: [string, number][] = [
      ["m-01", 55],
      ["m-02", 5],
      ["f-lead", 10],
      ["f-peer", 10],
      ["o-trainee", 10],
      ["x-guest", 10],
    ];
    let clock = 0;
    const turns = talk.map(([memberId, seconds]) => {
      const turn = { sessionId: "s1", memberId, start: clock, end: clock + seconds };
      clock += seconds;
      return turn;
    });
    const [flag] = participationFlags({ ...record, turns: turns as unknown as GroupRecord["turns"] });
    expect(flag?.message).toBe(
      "Held 55% of the talk time in session 1 (55 of 100 seconds); the threshold is 29%, 2 × the equal share of the 7 people present (3 clients, 2 facilitators, 2 other speakers).",
    );
  });

  it("keeps a fixed share when asked, and refuses both rules at once", () => {
    expect(dominant(talkingGroup([45, 30, 25]), { dominanceShare: 0.4 })).toEqual(["m-01"]);
    expect(participationFlags(talkingGroup([45, 30, 25]), { dominanceShare: 0.4 })[0]?.message).toBe(
      "Held 45% of the talk time in session 1 (45 of 100 seconds); the threshold is 40%.",
    );
    expect(() => participationFlags(talkingGroup([1]), { dominanceShare: 0.4, dominanceMultiple: 2 })).toThrow(
      /not both/,
    );
    for (const dominanceMultiple of [1, 0.5, Number.POSITIVE_INFINITY, Number.NaN]) {
      expect(() => participationFlags(talkingGroup([1]), { dominanceMultiple })).toThrow(/dominanceMultiple/);
    }
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
