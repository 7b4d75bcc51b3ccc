import { describe, expect, it } from "vitest";
import {
  GroupworkError,
  type MemberId,
  parseGroupRecord,
  type ResponseNetworkOptions,
  responseNetwork,
  type SessionId,
  type Turn,
} from "../../src/index";
import { sampleGroupRecord } from "../../src/sample/index";

const turn = (sessionId: string, memberId: string, start: number, end: number, respondsTo?: string): Turn => ({
  sessionId: sessionId as SessionId,
  memberId: memberId as MemberId,
  start,
  end,
  ...(respondsTo === undefined ? {} : { respondsTo: respondsTo as MemberId }),
});

const parsed = parseGroupRecord(sampleGroupRecord);
if (!parsed.ok) throw new Error("the sample must parse");
const session7 = parsed.value.turns.filter((t) => t.sessionId === "s-07");

describe("responseNetwork on session 7 of the sample", () => {
  // In start order: Rivera, Will, Grace (inside Will's turn), Will, Aroha, Will (over Aroha), Lena, Okafor, Hope,
  // Will, Tomasz, Rivera, Grace. Every next turn starts within 10 s of the last one's end (gaps 5, −10, 5, 10, −20,
  // 10, 5, 10, 5, 10, 5, 10), so 12 responses, each pair once:
  // Rivera→Will, Will→Grace, Grace→Will, Will→Aroha, Aroha→Will, Will→Lena, Lena→Okafor, Okafor→Hope, Hope→Will,
  // Will→Tomasz, Tomasz→Rivera, Rivera→Grace. Reciprocated: Will↔Grace and Will↔Aroha, 4 edges of 12 = 1/3.
  const network = responseNetwork(session7);

  it("counts who spoke next after whom", () => {
    expect(network.responses).toBe(12);
    expect(network.edges.map((edge) => [edge.from, edge.to, edge.count])).toEqual([
      ["f-okafor", "m-hope", 1],
      ["f-rivera", "m-grace", 1],
      ["f-rivera", "m-will", 1],
      ["m-aroha", "m-will", 1],
      ["m-grace", "m-will", 1],
      ["m-hope", "m-will", 1],
      ["m-lena", "f-okafor", 1],
      ["m-tomasz", "f-rivera", 1],
      ["m-will", "m-aroha", 1],
      ["m-will", "m-grace", 1],
      ["m-will", "m-lena", 1],
      ["m-will", "m-tomasz", 1],
    ]);
  });

  it("gives shares of each speaker's responses and reciprocity", () => {
    // Four people responded to Will once each: a quarter each. Rivera was answered by Will and by Grace: a half each.
    const will = network.edges.filter((edge) => edge.from === "m-will");
    expect(will.map((edge) => edge.share)).toEqual([0.25, 0.25, 0.25, 0.25]);
    expect(network.edges.find((edge) => edge.from === "f-rivera")?.share).toBe(0.5);
    expect(will.map((edge) => [edge.to, edge.reciprocated])).toEqual([
      ["m-aroha", true],
      ["m-grace", true],
      ["m-lena", false],
      ["m-tomasz", false],
    ]);
    expect(network.reciprocity).toEqual({ value: 4 / 12, reason: null });
  });

  it("lists every speaker with turns and responses both ways", () => {
    // Will was responded to 4 times of the 12: a third of the group's influence.
    expect(network.speakers.find((speaker) => speaker.memberId === "m-will")).toEqual({
      memberId: "m-will",
      turns: 4,
      respondedToBy: 4,
      influenceShare: { value: 4 / 12, reason: null },
      respondedTo: 4,
    });
    expect(network.speakers.map((speaker) => speaker.memberId)).toEqual([
      "f-okafor",
      "f-rivera",
      "m-aroha",
      "m-grace",
      "m-hope",
      "m-lena",
      "m-tomasz",
      "m-will",
    ]);
  });

  it("with a shorter gap, the 10-second pauses break the chain", () => {
    // Gaps of at most 5 s: Rivera→Will, Will→Grace, Grace→Will, Aroha→Will, Lena→Okafor, Hope→Will, Tomasz→Rivera.
    const tight = responseNetwork(session7, { maxGap: 5 });
    expect(tight.responses).toBe(7);
    expect(tight.speakers.find((speaker) => speaker.memberId === "m-will")?.respondedTo).toBe(4);
    // Will→Grace and Grace→Will: 2 of the 7 edges are returned.
    expect(tight.reciprocity.value).toBeCloseTo(2 / 7, 12);
  });

  it("can use the recorder's respondsTo notes instead", () => {
    // Session 7 notes: Aroha→Will, Will→Aroha, Lena→Will, Okafor→Lena, Hope→Lena, Will→Hope, Grace→Rivera
    // (each "X→Y" meaning X responds to Y). As edges from the person answered: Will→Aroha, Aroha→Will, Will→Lena,
    // Lena→Okafor, Lena→Hope, Hope→Will, Rivera→Grace.
    const noted = responseNetwork(session7, { basis: "responds-to" });
    expect(noted.responses).toBe(7);
    expect(noted.edges.find((edge) => edge.from === "m-lena")).toMatchObject({ count: 1, share: 0.5 });
    expect(noted.reciprocity.value).toBeCloseTo(2 / 7, 12);
  });
});

describe("responseNetwork edge cases", () => {
  it("a person following themselves, another session and a long pause are no response", () => {
    // a follows a after 1 s: no response, but counted as a self-response; b in s-2 is alone; b's s-1 turn comes 80 s
    // after a's, past the 10 s gap, so it is neither.
    const network = responseNetwork([
      turn("s-1", "a", 0, 10),
      turn("s-1", "a", 11, 20),
      turn("s-2", "b", 21, 30),
      turn("s-1", "b", 100, 110),
    ]);
    expect(network.responses).toBe(0);
    expect(network.selfResponses).toBe(1);
    expect(network.edges).toEqual([]);
    expect(network.reciprocity).toEqual({ value: null, reason: "no-responses" });
    const none = { value: null, reason: "no-responses" };
    expect(network.speakers).toEqual([
      { memberId: "a", turns: 2, respondedToBy: 0, influenceShare: none, respondedTo: 0 },
      { memberId: "b", turns: 2, respondedToBy: 0, influenceShare: none, respondedTo: 0 },
    ]);
  });

  it("reads turns in start order whatever order they come in", () => {
    const turns = [turn("s-1", "c", 40, 50), turn("s-1", "a", 0, 10), turn("s-1", "b", 12, 30)];
    expect(responseNetwork(turns).edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(["a→b", "b→c"]);
  });

  it("turns that start together are read shorter first", () => {
    // a 0–10; b 12–14 and c 12–30 start together: b (ends first), then c. Responses a→b (gap 2) and b→c (gap −2).
    const turns = [turn("s-1", "a", 0, 10), turn("s-1", "c", 12, 30), turn("s-1", "b", 12, 14)];
    expect(responseNetwork(turns).edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(["a→b", "b→c"]);
  });

  it("lists someone named in respondsTo who did not speak", () => {
    // z's own turn names z (no response to oneself); a answers z; b answers y, who has no turn.
    const network = responseNetwork(
      [turn("s-1", "a", 0, 10, "z"), turn("s-1", "z", 0, 0, "z"), turn("s-1", "b", 11, 12, "y")],
      { basis: "responds-to" },
    );
    expect(network.edges).toEqual([
      { from: "y", to: "b", count: 1, share: 1, reciprocated: false },
      { from: "z", to: "a", count: 1, share: 1, reciprocated: false },
    ]);
    expect(network.speakers.find((speaker) => speaker.memberId === "y")).toEqual({
      memberId: "y",
      turns: 0,
      respondedToBy: 1,
      influenceShare: { value: 0.5, reason: null },
      respondedTo: 0,
    });
    expect(network.reciprocity).toEqual({ value: 0, reason: null });
    expect([network.responses, network.selfResponses]).toEqual([2, 1]);
  });

  it("counts a turn that answers its own speaker in selfResponses, never in an edge, and never drops it unseen", () => {
    // responds-to: a names a (self), b names a, a names b. next-speaker: a 0–5, a 6–9 (self, gap 1), b 10–12 (a→b),
    // then a 30–31 after a 18 s pause (past maxGap 10, neither).
    const turns = [
      turn("s-1", "a", 0, 5),
      turn("s-1", "a", 6, 9, "a"),
      turn("s-1", "b", 10, 12, "a"),
      turn("s-1", "a", 30, 31, "b"),
    ];
    const noted = responseNetwork(turns, { basis: "responds-to" });
    expect([noted.responses, noted.selfResponses, noted.reciprocity.value]).toEqual([2, 1, 1]);
    expect(noted.edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(["a→b", "b→a"]);
    const next = responseNetwork(turns);
    expect([next.responses, next.selfResponses]).toEqual([1, 1]);
    expect(next.edges.map((edge) => `${edge.from}→${edge.to}`)).toEqual(["a→b"]);
    expect(responseNetwork(turns, { maxGap: 0 }).selfResponses).toBe(0);
  });

  it('refuses respondsTo "" as it refuses any id that is blank or not a string', () => {
    expect(() =>
      responseNetwork([turn("s-1", "a", 0, 5), turn("s-1", "b", 6, 9, "")], { basis: "responds-to" }),
    ).toThrow('responseNetwork: turns[1].respondsTo must be an id, a string that is not blank; got ""');
  });

  it("rejects bad times and options", () => {
    expect(() => responseNetwork([turn("s-1", "a", 5, 4)])).toThrow(GroupworkError);
    expect(() => responseNetwork([turn("s-1", "a", 0, 1), turn("s-1", "a", Number.NaN, 4)])).toThrow(
      "turns[1] runs from NaN to 4 s",
    );
    expect(() => responseNetwork([undefined as unknown as Turn])).toThrow(
      "turns[0] must be a speaking turn; got undefined",
    );
    expect(() => responseNetwork([], { maxGap: -1 })).toThrow("options.maxGap is -1");
    expect(() => responseNetwork([], { basis: "who-knows" as "next-speaker" })).toThrow('options.basis is "who-knows"');
  });
});

describe("responseNetwork: arguments its types forbid", () => {
  it("refuses turns that are not a list and options that are not an object", () => {
    expect(() => responseNetwork({} as unknown as Turn[])).toThrow("responseNetwork: turns must be a list.");
    expect(() => responseNetwork([], 10 as unknown as ResponseNetworkOptions)).toThrow(GroupworkError);
  });

  it("refuses a hole in the list of turns, naming it, instead of skipping it", () => {
    const sparse = new Array<Turn>(3);
    expect(() => responseNetwork(sparse)).toThrow(/responseNetwork: turns\[0\]/);
  });
});
