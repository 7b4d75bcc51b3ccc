import { describe, expect, it } from "vitest";
import {
  type CheckIndividualNoteOptions,
  checkIndividualNote,
  type MentionableMember,
} from "../../src/confidentiality/index";
import { GroupworkError, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

const roster: MentionableMember[] = [
  { id: "m-hope", displayName: "Hope Martin" },
  { id: "m-jamal", displayName: "Jamal Price" },
  { id: "m-sam-lee", displayName: "Sam Lee" },
  { id: "m-sam-ortiz", displayName: "Samantha Ortiz", preferredName: "Sam" },
  { id: "m-sam-ng", displayName: "Sam Ng" },
];

describe("checkIndividualNote", () => {
  it("passes a note that names only its subject and says another member", () => {
    expect(
      checkIndividualNote("Jamal spoke after another member. We hope to meet.", roster, { subject: "m-jamal" }),
    ).toEqual({
      ok: true,
      mentions: [],
      problems: [],
      advice: [],
    });
  });

  it("passes a common-word name that opens a sentence, but asks the writer to look at it", () => {
    // "Hope" at 34: a capitalised common word opening a sentence is not counted outside strict mode.
    expect(
      checkIndividualNote("Jamal spoke after another member. Hope was quiet.", roster, { subject: "m-jamal" }),
    ).toEqual({
      ok: true,
      mentions: [],
      problems: [],
      advice: [
        '"Hope" at 34–38 opens a sentence and may be the name of m-hope; if it means another member, write "another member".',
      ],
    });
  });

  it("gives one problem per mention, with where it is, who it may be and what to write instead", () => {
    const check = checkIndividualNote("Jamal said Hope Martin and Sam helped.", roster, { subject: "m-jamal" });
    expect(check.ok).toBe(false);
    expect(check.mentions.map((m) => m.text)).toEqual(["Hope Martin", "Sam"]);
    expect(check.problems).toEqual([
      {
        code: "names-another-member",
        start: 11,
        end: 22,
        memberIds: ["m-hope"],
        message:
          '"Hope Martin" at 11–22 names another member (m-hope); an individual note refers to other members only as ' +
          '"another member" or "a peer".',
      },
      {
        code: "names-another-member",
        start: 27,
        end: 30,
        memberIds: ["m-sam-lee", "m-sam-ng", "m-sam-ortiz"],
        message:
          '"Sam" at 27–30 is the name of members m-sam-lee, m-sam-ng and m-sam-ortiz; an individual note refers to ' +
          'other members only as "another member" or "a peer".',
      },
    ]);
  });

  it("advises where the subject's own name is shared, without failing the check", () => {
    const check = checkIndividualNote("Sam said Sam Lee was kind to him.", roster, { subject: "m-sam-lee" });
    expect(check.ok).toBe(true);
    expect(check.advice).toEqual([
      '"Sam" at 0–3 is read as m-sam-lee, who shares the name with m-sam-ng and m-sam-ortiz; if it means another ' +
        'member, write "another member".',
    ]);
  });

  it("names the one other member in advice when two share the name", () => {
    const two = roster.slice(0, 4);
    expect(checkIndividualNote("Sam arrived.", two, { subject: "m-sam-ortiz" }).advice).toEqual([
      '"Sam" at 0–3 is read as m-sam-ortiz, who shares the name with m-sam-lee; if it means another member, write ' +
        '"another member".',
    ]);
  });

  it("passes strict mode and a common-word list on to the scan", () => {
    expect(checkIndividualNote("Hope was late.", roster, { subject: "m-jamal" }).ok).toBe(true);
    expect(checkIndividualNote("Hope was late.", roster, { subject: "m-jamal", strict: true }).ok).toBe(false);
    expect(checkIndividualNote("Jamal came.", roster, { subject: "m-hope", commonWordNames: ["Jamal"] }).ok).toBe(true);
  });

  it.each([
    [
      "a subject that is not an id",
      () => checkIndividualNote("x", roster, { subject: "" }),
      /^checkIndividualNote: subject/,
    ],
    [
      "options that are not an object",
      () => checkIndividualNote("x", roster, null as unknown as CheckIndividualNoteOptions),
      /options must be an object/,
    ],
    [
      "options without a subject",
      () => checkIndividualNote("x", roster, {} as CheckIndividualNoteOptions),
      /^checkIndividualNote: subject must be the id of the member the note is about; got undefined/,
    ],
    [
      "a text that is not a string",
      () => checkIndividualNote(null as unknown as string, roster, { subject: "m-hope" }),
      /text must be a string/,
    ],
  ])("throws invalid-argument for %s", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });

  it("checks a note about Lena against the sample group's members, the facilitators left out", () => {
    const parsed = parseGroupRecord(sampleGroupRecord);
    if (!parsed.ok) throw new Error("the sample group parses");
    const clients = new Set(parsed.value.memberships.filter((m) => m.role === "member").map((m) => m.memberId));
    const members = parsed.value.members.filter((member) => clients.has(member.id));
    const note =
      "Lena said Will's question stayed with her; Sofia and Tom walked her out. Dana noted it. Hope was quiet. Grace O'Neill's card helped.";
    // By hand: Will (preferred name of m-will) at 10, Sofia (m-sofia, accent-free) at 43, Tom (preferred name of
    // m-tomasz) at 53; Dana is a facilitator, "Hope" opens a sentence, Grace O'Neill at 104 is a full name.
    const check = checkIndividualNote(note, members, { subject: "m-lena" });
    expect(check.mentions.map((m) => [m.start, m.text, m.memberId, m.matchedAs])).toEqual([
      [10, "Will", "m-will", "preferred-name"],
      [43, "Sofia", "m-sofia", "first-name"],
      [53, "Tom", "m-tomasz", "preferred-name"],
      [104, "Grace O'Neill", "m-grace", "display-name"],
    ]);
    // "Hope was quiet." at 88: not counted outside strict mode, but the writer is asked to look.
    expect(check.ok).toBe(false);
    expect(check.advice).toEqual([
      '"Hope" at 88–92 opens a sentence and may be the name of m-hope; if it means another member, write "another member".',
    ]);
    expect(checkIndividualNote(note, members, { subject: "m-lena", strict: true }).advice).toEqual([]);
  });
});

// A name hundreds of members share: the results a worker reads, at a size where listing every member in every sentence
// (or reading every member for every mention) would have taken long. Timings are for bench/mentions.bench.ts.
describe("checkIndividualNote: a first name many members share", () => {
  const annas = Array.from({ length: 500 }, (_, i) => ({ id: `m${i}`, displayName: `Anna Surname${i}` }));
  // The ids sorted as strings: m0, m1, m10, m100, m101, m102, …
  const note = "Anna came. ".repeat(500);

  it("advises once per mention of the subject's shared name, naming five others and counting the rest", () => {
    const check = checkIndividualNote(note, annas, { subject: "m0" });
    expect(check.ok).toBe(true);
    expect(check.advice).toHaveLength(500);
    expect(check.advice[1]).toBe(
      '"Anna" at 11–15 is read as m0, who shares the name with m1, m10, m100, m101, m102 and 494 other members; if ' +
        'it means another member, write "another member".',
    );
  });

  it("gives every member id in each problem, and names five of them in its sentence", () => {
    const check = checkIndividualNote(note, [...annas, { id: "z-lee", displayName: "Lee Brown" }], {
      subject: "z-lee",
    });
    expect(check.ok).toBe(false);
    expect(check.problems).toHaveLength(500);
    expect(check.problems[0]?.memberIds).toEqual(annas.map((anna) => anna.id).sort());
    expect(check.problems[0]?.message).toBe(
      '"Anna" at 0–4 is the name of members m0, m1, m10, m100, m101 and 495 other members; an individual note ' +
        'refers to other members only as "another member" or "a peer".',
    );
  });

  it("lists six members in full, and counts past five only from the seventh", () => {
    const message = (count: number) =>
      checkIndividualNote("Anna came.", annas.slice(0, count), { subject: "m-other" }).problems[0]?.message;
    expect(message(6)).toBe(
      '"Anna" at 0–4 is the name of members m0, m1, m2, m3, m4 and m5; an individual note refers to other members ' +
        'only as "another member" or "a peer".',
    );
    expect(message(7)).toBe(
      '"Anna" at 0–4 is the name of members m0, m1, m2, m3, m4 and 2 other members; an individual note refers to ' +
        'other members only as "another member" or "a peer".',
    );
    // The subject and six others: all six named.
    expect(checkIndividualNote("Anna came.", annas.slice(0, 7), { subject: "m3" }).advice).toEqual([
      '"Anna" at 0–4 is read as m3, who shares the name with m0, m1, m2, m4, m5 and m6; if it means another member, ' +
        'write "another member".',
    ]);
  });
});
