import { describe, expect, it } from "vitest";
import {
  checkIndividualNote,
  defaultCommonWordNames,
  findMemberMentions,
  type MentionableMember,
  redactMemberMentions,
} from "../../src/confidentiality/index";
import { GroupworkError, type MemberId } from "../../src/model/index";
import { corpusNotes, corpusRoster, readMarkedNote } from "./fixtures/notes";

const id = (value: string) => value as MemberId;
const subject = id("m-subject");

function scan(
  text: string,
  roster: readonly MentionableMember[],
  options: { strict?: boolean; commonWordNames?: readonly string[] } = {},
) {
  return findMemberMentions(text, roster, { subject, ...options });
}

describe("the corpus of written notes", () => {
  it("holds at least 50 notes, and marks at least 50 mentions", () => {
    expect(corpusNotes.length).toBeGreaterThanOrEqual(50);
    const marked = corpusNotes.flatMap((entry) => readMarkedNote(entry.marked).expected);
    expect(marked.length).toBeGreaterThanOrEqual(50);
  });

  it.each(corpusNotes.map((entry, i) => [i + 1, entry] as const))(
    "note %i gives exactly its marked mentions",
    (_, entry) => {
      const { text, expected } = readMarkedNote(entry.marked);
      const options =
        entry.strict === undefined ? { subject: entry.subject } : { subject: entry.subject, strict: entry.strict };
      const mentions = findMemberMentions(text, corpusRoster, options);
      expect(
        mentions.map((mention) => ({
          start: mention.start,
          end: mention.end,
          slice: text.slice(mention.start, mention.end),
          memberIds: mention.candidates.map((candidate) => candidate.memberId),
        })),
      ).toEqual(expected);
      for (const mention of mentions) {
        expect(mention.text).toBe(text.slice(mention.start, mention.end));
        expect(mention.memberId).toBe(mention.candidates.length === 1 ? mention.candidates[0]?.memberId : null);
      }
    },
  );
});

const roster: MentionableMember[] = [
  { id: id("m-hope"), displayName: "Hope Martin" },
  { id: id("m-will"), displayName: "William Chen", preferredName: "Will" },
  { id: id("m-tom"), displayName: "Tomasz Wójcik", preferredName: "Tomasz" },
  { id: id("m-jr"), displayName: "J. Robert Smith" },
  { id: id("m-aroha"), displayName: "Aroha" },
];

describe("findMemberMentions: what each mention says", () => {
  it("tells which name matched: the display name, the preferred name, or the first word of the display name", () => {
    const text = "Hope Martin, William and Will came.";
    expect(scan(text, roster).map((m) => [m.text, m.matchedAs])).toEqual([
      ["Hope Martin", "display-name"],
      ["William", "first-name"],
      ["Will", "preferred-name"],
    ]);
  });

  it("reports a preferred name that is also the first name as the preferred name, and a one-word name as the display name", () => {
    expect(scan("Tomasz and Aroha", roster).map((m) => m.matchedAs)).toEqual(["preferred-name", "display-name"]);
  });

  it("does not search for an initial as a first name, but finds the whole name", () => {
    expect(scan("J. said so; J. Robert Smith agreed", roster).map((m) => m.text)).toEqual(["J. Robert Smith"]);
  });

  it("gives spans into the original text when folding changed lengths before the name", () => {
    // "ß" folds to two letters and "é" (decomposed) to one; the offsets must still point into the original.
    const text = "Straße, cafe\u0301 — Aroha's turn.";
    const [mention] = scan(text, roster);
    expect(mention).toMatchObject({ start: 16, end: 21, text: "Aroha", memberId: "m-aroha", possessive: true });
  });

  it("marks possessives, with a straight, curly or bare apostrophe, and not a closing quotation mark", () => {
    const text = "Will's, Will’s, Aroha' car, 'ask Aroha' and Will";
    expect(scan(text, roster).map((m) => [m.text, m.possessive])).toEqual([
      ["Will", true],
      ["Will", true],
      ["Aroha", true],
      ["Aroha", false],
      ["Will", false],
    ]);
  });

  it("lists every candidate of a shared name, sorted by id, with null memberId and matchedAs", () => {
    const shared = [
      { id: id("m-b"), displayName: "Sam Ortiz" },
      { id: id("m-a"), displayName: "Samantha Lee", preferredName: "Sam" },
    ];
    expect(scan("I saw Sam.", shared)).toEqual([
      {
        start: 6,
        end: 9,
        text: "Sam",
        memberId: null,
        matchedAs: null,
        candidates: [
          { memberId: "m-a", matchedAs: "preferred-name" },
          { memberId: "m-b", matchedAs: "first-name" },
        ],
        possessive: false,
      },
    ]);
  });

  it("lists a member once when two of their names match the same words, with the more specific kind", () => {
    const twice = [{ id: id("m-x"), displayName: "Sam", preferredName: "SAM" }];
    expect(scan("Sam", twice)[0]?.candidates).toEqual([{ memberId: "m-x", matchedAs: "display-name" }]);
  });

  it("reads the subject's name as the subject, even when another member shares it", () => {
    const shared = [
      { id: id("m-a"), displayName: "Sam Ortiz" },
      { id: id("m-b"), displayName: "Sam Lee" },
    ];
    expect(findMemberMentions("Sam came; Sam Lee too.", shared, { subject: id("m-a") }).map((m) => m.text)).toEqual([
      "Sam Lee",
    ]);
  });
});

describe("findMemberMentions: words and boundaries", () => {
  it("needs whole words: letters or digits on either side make another word", () => {
    expect(scan("Will2 xAroha Aroha9 Arohas willing", roster)).toEqual([]);
  });

  it("treats an emoji or other symbol as a boundary, and a letter outside the BMP as part of a word", () => {
    expect(scan("Aroha😀 𝒜Aroha", roster).map((m) => m.start)).toEqual([0]);
  });

  it("does not join words of a name across punctuation the name does not have", () => {
    expect(scan("Hope, Martin and Hope-Martin", roster)).toEqual([]);
  });

  it("finds a name at the very end of the text, and a name split by a line break", () => {
    expect(scan("we met Hope\nMartin", roster).map((m) => m.text)).toEqual(["Hope\nMartin"]);
    expect(scan("we met Aroha", roster).map((m) => m.end)).toEqual([12]);
  });

  it("ignores invisible characters and soft hyphens inside a name", () => {
    expect(scan("we met Aro\u00adha and A\u200broha", roster).map((m) => m.text)).toEqual([
      "Aro\u00adha",
      "A\u200broha",
    ]);
  });

  it("reads a capital dotted I as i", () => {
    const turkish = [{ id: id("m-i"), displayName: "İpek Yılmaz" }];
    expect(scan("ipek and IPEK", turkish).map((m) => m.text)).toEqual(["ipek", "IPEK"]);
  });
});

describe("findMemberMentions: spelling tricks", () => {
  const sofia = [{ id: id("m-sofia"), displayName: "Sofía Márquez" }];

  it.each<[string, string, string]>([
    ["a tag character inside the name", "I saw So\u{E0041}fia.", "So\u{E0041}fia"],
    ["tag characters spelling a word inside the name", "I saw Sof\u{E0068}\u{E0069}ía.", "Sof\u{E0068}\u{E0069}ía"],
    ["a supplementary variation selector", "I saw Sofi\u{E0100}a.", "Sofi\u{E0100}a"],
    ["a Hangul filler inside the name", "I saw Sof\u3164ia.", "Sof\u3164ia"],
    ["full-width letters", "I saw Ｓｏｆíａ.", "Ｓｏｆíａ"],
    ["mathematical bold letters", "I saw 𝐒𝐨𝐟𝐢𝐚.", "𝐒𝐨𝐟𝐢𝐚"],
    ["a ligature", "I saw Soﬁa.", "Soﬁa"],
    ["the whole name in full-width letters", "I saw Ｓｏｆíａ　Ｍáｒｑｕｅｚ.", "Ｓｏｆíａ　Ｍáｒｑｕｅｚ"],
  ])("finds a name hidden by %s", (_, text, name) => {
    const found = findMemberMentions(text, sofia, { subject: id("m-x") });
    expect(found.map((m) => [m.text, m.memberId])).toEqual([[name, "m-sofia"]]);
    expect(found[0]?.start).toBe(text.indexOf(name));
    expect(found[0]?.end).toBe(text.indexOf(name) + name.length);
  });

  it("finds a name followed by a symbol that unfolds to letters, which stand apart", () => {
    expect(scan("Aroha™ came, and Aroha№2.", roster).map((m) => [m.start, m.end])).toEqual([
      [0, 5],
      [17, 22],
    ]);
  });

  it("finds a name whose roster entry is itself written in compatibility forms", () => {
    const wide = [{ id: id("m-wide"), displayName: "Ｄｅｍａｒ ǅemal" }];
    expect(scan("Demar Dzemal came.", wide).map((m) => m.text)).toEqual(["Demar Dzemal"]);
  });

  it.each<[string, string, string]>([
    ["full-width letters", "Then Ｓｏ\u{E0041}ｆíａ spoke, and Sofía's son.", "Then another member spoke"],
    ["tag characters", "Then So\u{E0041}f\u{E007F}ía spoke, and Sofía's son.", "Then another member spoke"],
    ["mathematical letters and a ligature", "Then 𝐒𝐨ﬁa spoke, and Sofía's son.", "Then another member spoke"],
  ])("redacts a name written in %s by replacing exactly its own characters", (_, text, start) => {
    const { text: written, replaced } = redactMemberMentions(text, sofia, { subject: id("m-x") });
    expect(written).toBe(`${start}, and another member's son.`);
    const [first] = replaced;
    expect(first?.text).toBe(text.slice(first?.start, first?.end));
    expect(`${text.slice(0, first?.start)}another member${text.slice(first?.end ?? 0)}`).toBe(
      `${start}, and Sofía's son.`,
    );
  });

  it("leaves invisible characters before and after a name outside it, and takes those inside it", () => {
    const text = "Then \u{E0041}Ｓｏｆ\u200bíａ\u{E0041}\u200b spoke.";
    const [mention] = findMemberMentions(text, sofia, { subject: id("m-x") });
    // By hand: "Then " is 5 units and the tag character 2, so the name starts at 7; "Ｓｏｆ\u200bíａ" is 6 units.
    expect([mention?.start, mention?.end, mention?.text]).toEqual([7, 13, "Ｓｏｆ\u200bíａ"]);
    expect(redactMemberMentions(text, sofia, { subject: id("m-x") }).text).toBe(
      "Then \u{E0041}another member\u{E0041}\u200b spoke.",
    );
  });

  it("takes the combining marks on a name's last letter with it", () => {
    const text = "Then Sofi\u0301a\u0301\u0302, then no one.";
    const [mention] = findMemberMentions(text, sofia, { subject: id("m-x") });
    expect([mention?.start, mention?.end]).toEqual([5, 13]);
    expect(redactMemberMentions(text, sofia, { subject: id("m-x") }).text).toBe("Then another member, then no one.");
  });
});

describe("findMemberMentions: names that are common words", () => {
  it("defaults to Faith, Grace, Hope, Sunny and Will", () => {
    expect([...defaultCommonWordNames].sort()).toEqual(["Faith", "Grace", "Hope", "Sunny", "Will"]);
    expect(Object.isFrozen(defaultCommonWordNames)).toBe(true);
  });

  it("counts them capitalised mid-sentence, not lower-case nor opening a sentence, a line or a list item", () => {
    const text =
      "Will came. we will see. She said Will left.\nWill stayed.\n- Will went\n  • Will ran. (Will sat.) A–Will";
    expect(scan(text, roster).map((m) => m.start)).toEqual([33, 97]);
  });

  it("does not take a full stop after a title, an initial or an abbreviation for a sentence's end", () => {
    expect(scan("Dr. Will, Mr. Will, e.g. Will, cf. Will", roster)).toHaveLength(4);
    expect(scan("The plan. Will agreed", roster)).toHaveLength(0);
  });

  it("counts a capitalised possessive even at a sentence start, and a dash mid-line does not open a list item", () => {
    expect(scan("Will's mum came. Hope's too. we hope - Will said", roster).map((m) => m.start)).toEqual([0, 17, 39]);
  });

  it("counts every occurrence in strict mode", () => {
    expect(scan("Will came; we will see.", roster, { strict: true }).map((m) => m.start)).toEqual([0, 14]);
  });

  it("takes a list that replaces the default: then Will is an ordinary name and Aroha a common word", () => {
    const text = "will and Will. Aroha came. She met Aroha";
    expect(scan(text, roster, { commonWordNames: ["Aroha"] }).map((m) => m.start)).toEqual([0, 9, 35]);
    expect(scan(text, roster, { commonWordNames: [...defaultCommonWordNames, "Aroha"] }).map((m) => m.start)).toEqual([
      9, 35,
    ]);
  });

  it("applies the rule to one-word names only: a full name counts anywhere", () => {
    expect(scan("Hope Martin came. hope martin too.", roster).map((m) => m.text)).toEqual([
      "Hope Martin",
      "hope martin",
    ]);
  });
});

describe("findMemberMentions: the name index", () => {
  it("sees a change to the roster array it indexed before", () => {
    const changing: MentionableMember[] = [{ id: id("m-a"), displayName: "Aroha Ngata" }];
    expect(scan("Aroha and Ngozi", changing).map((m) => m.text)).toEqual(["Aroha"]);
    changing.push({ id: id("m-b"), displayName: "Ngozi Eze" });
    expect(scan("Aroha and Ngozi", changing).map((m) => m.text)).toEqual(["Aroha", "Ngozi"]);
    changing[0] = { id: id("m-a"), displayName: "Rangi Ngata" };
    expect(scan("Aroha and Ngozi", changing).map((m) => m.text)).toEqual(["Ngozi"]);
  });

  it("sees a change to a common-word list it read before", () => {
    const common = ["Aroha"];
    expect(scan("She met Aroha. Aroha came.", roster, { commonWordNames: common })).toHaveLength(1);
    common[0] = "Will";
    expect(scan("She met Aroha. Aroha came.", roster, { commonWordNames: common })).toHaveLength(2);
  });

  it("finds nothing with an empty roster or in an empty note", () => {
    expect(scan("Will and Hope", [])).toEqual([]);
    expect(scan("", roster)).toEqual([]);
  });
});

describe("findMemberMentions: arguments its types forbid", () => {
  const bad: [string, () => unknown, RegExp][] = [
    ["text", () => findMemberMentions(42 as unknown as string, roster, { subject }), /text must be a string; got 42/],
    [
      "roster",
      () => findMemberMentions("x", "Will" as unknown as MentionableMember[], { subject }),
      /roster must be a list/,
    ],
    [
      "options",
      () => findMemberMentions("x", roster, null as unknown as { subject: MemberId }),
      /options must be an object/,
    ],
    ["subject", () => findMemberMentions("x", roster, { subject: "" as MemberId }), /subject must be the id .*got ""/],
    [
      "strict",
      () => scan("x", roster, { strict: "yes" as unknown as boolean }),
      /strict must be true or false; got "yes"/,
    ],
    ["member", () => scan("x", [null as unknown as MentionableMember]), /roster\[0\] must be a member; got null/],
    [
      "id",
      () => scan("x", [{ id: id(""), displayName: "Aroha" }]),
      /roster\[0\]\.id must be an id, a string that is not blank/,
    ],
    [
      "display name",
      () => scan("x", [{ id: id("m"), displayName: "—" }]),
      /roster\[0\]\.displayName must be a name .*got "—"/,
    ],
    [
      "preferred name",
      () => scan("x", [{ id: id("m"), displayName: "A B", preferredName: "" }]),
      /preferredName must be a name/,
    ],
    [
      "common list",
      () => scan("x", roster, { commonWordNames: "Hope" as unknown as string[] }),
      /commonWordNames must be a list/,
    ],
    ["common name", () => scan("x", roster, { commonWordNames: ["Hope", "?"] }), /commonWordNames\[1\] must be a name/],
    [
      "text with no prototype",
      () => findMemberMentions(Object.create(null), roster, { subject }),
      /text must be a string; got an object with no prototype/,
    ],
    [
      "roster with no prototype",
      () => findMemberMentions("x", Object.create(null), { subject }),
      /roster must be a list of members; got an object with no prototype/,
    ],
    [
      "member with no prototype",
      () => scan("x", [Object.create(null)]),
      /roster\[0\]\.id must be an id, a string that is not blank; got undefined/,
    ],
    [
      "common list with no prototype",
      () => scan("x", roster, { commonWordNames: Object.create(null) }),
      /commonWordNames must be a list of names; got an object with no prototype/,
    ],
  ];
  it.each(bad)("throws invalid-argument for a bad %s", (_, call, message) => {
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
    try {
      call();
    } catch (error) {
      expect((error as GroupworkError).code).toBe("invalid-argument");
      expect((error as Error).message).toMatch(/^findMemberMentions: /);
    }
  });
});

// Results at sizes where a scan that reread the line, or tried every member sharing a word, would have taken long.
// Timings are for bench/mentions.bench.ts; these check only what is found.
describe("findMemberMentions: long notes and large rosters", () => {
  it("reads each bare possessive apostrophe on one long line once, and finds every name", () => {
    const sentence = "Jamal' car was parked. ";
    const found = findMemberMentions(
      sentence.repeat(3000),
      [
        { id: id("m1"), displayName: "Ana Lee" },
        { id: id("m2"), displayName: "Jamal Price" },
      ],
      { subject: id("m1") },
    );
    expect(found).toHaveLength(3000);
    expect(found.every((mention, i) => mention.start === i * sentence.length && mention.possessive)).toBe(true);
    expect(found.every((mention) => mention.text === "Jamal" && mention.memberId === "m2")).toBe(true);
  });

  it("shares one candidate list among the mentions of a name hundreds of members have", () => {
    const annas = Array.from({ length: 400 }, (_, i) => ({ id: id(`m${i}`), displayName: `Anna Surname${i}` }));
    const found = findMemberMentions("Anna came. ".repeat(400), annas, { subject });
    expect(found).toHaveLength(400);
    expect(found[0]?.candidates).toHaveLength(400);
    expect(found[0]?.candidates.slice(0, 3)).toEqual([
      { memberId: "m0", matchedAs: "first-name" },
      { memberId: "m1", matchedAs: "first-name" },
      { memberId: "m10", matchedAs: "first-name" },
    ]);
    expect(found.every((mention) => mention.memberId === null && mention.candidates === found[0]?.candidates)).toBe(
      true,
    );
    // One of them is named in full: the longest name wins.
    expect(
      findMemberMentions("Then Anna Surname17 spoke.", annas, { subject }).map((m) => [m.text, m.memberId]),
    ).toEqual([["Anna Surname17", "m17"]]);
  });

  it("finds the longest of names that extend one another word by word", () => {
    const words = Array.from({ length: 300 }, (_, i) => `w${i}x`);
    const roster = words.map((_, i) => ({ id: id(`m${i}`), displayName: words.slice(0, i + 1).join(" ") }));
    const whole = words.join(" ");
    const partial = words.slice(0, 150).join(" ");
    const found = scan(`${whole}. ${partial}. ${whole}`, roster);
    expect(found.map((mention) => [mention.start, mention.end - mention.start, mention.memberId])).toEqual([
      [0, whole.length, "m299"],
      [whole.length + 2, partial.length, "m149"],
      [whole.length + partial.length + 4, whole.length, "m299"],
    ]);
  });

  it("works with a name word of 32,768 characters and more", () => {
    for (const length of [32_768, 100_000]) {
      const word = `Z${"a".repeat(length - 1)}`;
      const found = scan(`We met ${word} Smith and ${word.toLowerCase()}'s sister.`, [
        { id: id("m-long"), displayName: `${word} Smith` },
      ]);
      expect(found.map((mention) => [mention.start, mention.end - mention.start, mention.matchedAs])).toEqual([
        [7, length + 6, "display-name"],
        [length + 18, length, "first-name"],
      ]);
    }
  });
});

describe("a roster or common-word list whose length is not a count", () => {
  const claiming = (length: number): readonly never[] =>
    new Proxy([], { get: (target, key) => (key === "length" ? length : Reflect.get(target, key)) });

  it.each([Number.NaN, -1, 1.5, 2 ** 32 - 1])(
    "refuses a roster claiming %d entries rather than pass the note as clean",
    (length) => {
      expect(() => checkIndividualNote("Lena said Will was kind.", claiming(length), { subject: "m-lena" })).toThrow(
        /^checkIndividualNote: roster has/,
      );
    },
  );

  it("refuses a list of common-word names claiming 2**32 - 1 entries at once", () => {
    const roster = [{ id: "m-will", displayName: "Will" }];
    expect(() =>
      findMemberMentions("Will came.", roster, { subject: "m-lena", commonWordNames: claiming(2 ** 32 - 1) }),
    ).toThrow("findMemberMentions: commonWordNames has 4294967295 entries, more than the 10000 a list may hold.");
  });
});
