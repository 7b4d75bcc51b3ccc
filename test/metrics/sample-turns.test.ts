import { describe, expect, it } from "vitest";
import { type GroupRecord, type MemberId, parseGroupRecord, turnAnalytics } from "../../src/index";
import { sampleGroupRecord } from "../../src/sample/index";

// Figures counted by hand from the TURNS table in src/sample/grief-group.ts (seconds from each session's start).

function parsedSample(): GroupRecord {
  const result = parseGroupRecord(sampleGroupRecord);
  if (!result.ok) throw new Error("the sample must parse");
  return result.value;
}

const record = parsedSample();
const turnsOf = (sessionId: string) => record.turns.filter((turn) => turn.sessionId === sessionId);
// The members (not facilitators) present at each session, read from the attendance grid: all eight at session 1;
// at 7 Jamal is absent; at 12 Jamal has left.
const ALL = ["m-hope", "m-will", "m-sofia", "m-aroha", "m-jamal", "m-grace", "m-tomasz", "m-lena"] as MemberId[];
const WITHOUT_JAMAL = ALL.filter((id) => id !== "m-jamal");

describe("turns of the sample group", () => {
  it("session 7: Will holds the floor, interrupts Aroha once, and Sofía does not speak", () => {
    // Will 185–520 (335), 520–800 (280), 880–1100 (220), 1425–1700 (275) = 1110 s in 4 turns, longest 335.
    // Others: Aroha 90, Grace 5+110 = 115, Hope 80, Lena 80, Tomasz 50; facilitators Rivera 180+215 = 395,
    // Okafor 135. All talk 1110+90+115+80+80+50+395+135 = 2055.
    // Grace 510–515 lies inside Will's turn and lasts 5 s: a backchannel. Will starts at 880 while Aroha speaks until
    // 900: 20 s of overlap, and Aroha stops first: an interruption.
    // Gaps 5+10+10+5+10+5+10+5+10 = 70 s of silence over 0–2100; overlap 5 + 20 = 25.
    const result = turnAnalytics(turnsOf("s-07"), WITHOUT_JAMAL);
    const session = result.sessions[0];
    expect(session).toMatchObject({
      sessionId: "s-07",
      turns: 13,
      start: 0,
      end: 2100,
      talkTime: 2055,
      speakingTime: 2030,
      silence: 70,
      overlap: 25,
      interruptions: 1,
      backchannels: 1,
      didNotSpeak: ["m-sofia"],
    });
    const will = result.members.find((member) => member.memberId === "m-will");
    expect(will).toMatchObject({ turns: 4, talkTime: 1110, interruptions: 1, interrupted: 0 });
    expect(will?.share.value).toBeCloseTo(1110 / 2055, 12);
    expect(will?.meanTurn.value).toBe(277.5);
    expect(will?.longestTurn.value).toBe(335);
    expect(result.members.find((member) => member.memberId === "m-aroha")).toMatchObject({ interrupted: 1 });
    expect(result.members.find((member) => member.memberId === "m-grace")).toMatchObject({
      turns: 2,
      talkTime: 115,
      backchannels: 1,
    });
    expect(result.offRoster.map((speaker) => [speaker.memberId, speaker.talkTime])).toEqual([
      ["f-okafor", 135],
      ["f-rivera", 395],
    ]);
    // Among the seven members present: sorted 0, 50, 80, 80, 90, 115, 1110 (total 1525);
    // Σ i·x = 0 + 100 + 240 + 320 + 450 + 690 + 7770 = 9570; Gini = 2·9570/(7·1525) − 8/7 = 0.650117096;
    // scaled by 7/6: 0.758469945.
    expect(session?.talkTimeEquality.total).toBe(1525);
    expect(session?.talkTimeEquality.giniScaled.value).toBeCloseTo(0.758469945, 8);
  });

  it("session 1: everyone speaks, nobody overlaps", () => {
    // Members: Hope 90+115 = 205, Will 85+75 = 160, Sofía 50, Aroha 75, Jamal 55, Grace 85+70 = 155, Tomasz 55,
    // Lena 95 = 850; facilitators Rivera 240+255 = 495, Okafor 155+115 = 270; all 1615 over 0–1700: silence 85.
    const result = turnAnalytics(turnsOf("s-01"), ALL);
    expect(result.sessions[0]).toMatchObject({
      turns: 15,
      talkTime: 1615,
      silence: 85,
      overlap: 0,
      interruptions: 0,
      backchannels: 0,
      didNotSpeak: [],
    });
    expect(result.talkTimeEquality.total).toBe(850);
    // Member turns: Hope 2, Will 2, Grace 2, the other five 1 each = 11 (the facilitators took the other 4).
    expect(result.turnEquality.total).toBe(11);
  });

  it("session 12: Sofía speaks twice; 95 s of silence", () => {
    // Members: Hope 150, Will 115, Sofía 150+80 = 230, Aroha 140, Grace 130, Tomasz 120, Lena 160 = 1045;
    // facilitators Rivera 200+180 = 380, Okafor 180; all 1605 over 0–1700: silence 95.
    const result = turnAnalytics(turnsOf("s-12"), WITHOUT_JAMAL);
    expect(result.sessions[0]).toMatchObject({ turns: 11, talkTime: 1605, silence: 95, overlap: 0, didNotSpeak: [] });
    expect(result.members.find((member) => member.memberId === "m-sofia")).toMatchObject({ turns: 2, talkTime: 230 });
    expect(result.talkTimeEquality.total).toBe(1045);
  });

  it("all three sessions at once, facilitators on the roster: 39 turns, Jamal silent only where absent", () => {
    const roster = [...ALL, "f-rivera", "f-okafor"] as MemberId[];
    const result = turnAnalytics(record.turns, roster);
    expect(result.turns).toBe(39);
    expect(result.talkTime).toBe(1615 + 2055 + 1605);
    expect(result.offRoster).toEqual([]);
    expect(result.sessions.map((session) => [session.sessionId, session.didNotSpeak])).toEqual([
      ["s-01", []],
      ["s-07", ["m-jamal", "m-sofia"]],
      ["s-12", ["m-jamal"]],
    ]);
    expect(result.didNotSpeak).toEqual([]);
  });
});
