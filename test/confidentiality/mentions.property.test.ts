import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { findMemberMentions, type MemberMention, redactMemberMentions } from "../../src/confidentiality/index";
import type { MemberId } from "../../src/model/index";
import { corpusRoster } from "./fixtures/notes";

const RUNS = { numRuns: 300 };

// Names as notes write them (cases, accents with and without, decomposed, possessive-ready), words that contain
// names, and the common words that are also names.
const NAME_LIKE = [
  "Will",
  "will",
  "WILL",
  "William",
  "Hope Martin",
  "Hope",
  "hope",
  "Grace",
  "grace",
  "Sofía",
  "Sofia",
  "SOFI\u0301A",
  "Zoe\u0308",
  "Zoë",
  "Łukasz",
  "lukasz",
  "Mary-Jane",
  "Mary",
  "Siobhan O’Brien",
  "Grace O'Neill",
  "Sam",
  "Samantha",
  "Sam Lee",
  "Tom",
  "Tomasz",
  "Aroha",
  "Jamal",
  "Lena",
  "Magdalena",
  "willing",
  "tomorrow",
  "Faith",
  "Sunny",
];
const WORDS = ["the", "group", "said", "we", "she", "talked", "about", "her", "son", "Dr", "A", "e.g"];
const SEPARATORS = [
  " ",
  " ",
  " ",
  ", ",
  ". ",
  "? ",
  "\n",
  "\n- ",
  "'s ",
  "’s ",
  "' ",
  "'",
  "-",
  " “",
  "” ",
  " (",
  ") ",
  "*",
  " — ",
  "\u00a0",
  "'ll ",
  "\t",
];

const word = fc.constantFrom(...NAME_LIKE, ...WORDS);
/** A note that starts with a word: names, other words and the punctuation around names in real notes. */
const note = fc
  .tuple(
    word,
    fc.array(fc.tuple(fc.constantFrom(...SEPARATORS), word), { maxLength: 14 }),
    fc.constantFrom("", ".", "'"),
  )
  .map(([first, rest, end]) => first + rest.map(([separator, next]) => separator + next).join("") + end);
const subject = fc.constantFrom(...corpusRoster.map((member) => member.id), "m-nobody" as MemberId);
const strict = fc.boolean();

function wellFormed(text: string, mentions: readonly MemberMention[]): void {
  let previousEnd = 0;
  for (const mention of mentions) {
    expect(mention.start).toBeGreaterThanOrEqual(previousEnd);
    expect(mention.end).toBeGreaterThan(mention.start);
    expect(mention.end).toBeLessThanOrEqual(text.length);
    expect(mention.text).toBe(text.slice(mention.start, mention.end));
    previousEnd = mention.end;
  }
}

describe("findMemberMentions, for any note", () => {
  test.prop([note, subject, strict], RUNS)("gives mentions in order, apart, within the text", (text, who, isStrict) => {
    wellFormed(text, findMemberMentions(text, corpusRoster, { subject: who, strict: isStrict }));
  });

  test.prop([fc.string({ unit: "binary", maxLength: 80 }), subject, strict], RUNS)(
    "gives well-formed mentions for any Unicode text, unpaired surrogates included",
    (text, who, isStrict) => {
      wellFormed(text, findMemberMentions(text, corpusRoster, { subject: who, strict: isStrict }));
    },
  );

  test.prop([note, subject, strict], RUNS)("never reports the subject", (text, who, isStrict) => {
    for (const mention of findMemberMentions(text, corpusRoster, { subject: who, strict: isStrict })) {
      expect(mention.candidates.map((candidate) => candidate.memberId)).not.toContain(who);
    }
  });

  test.prop(
    [
      note,
      fc.array(fc.constantFrom(" ", "\n", "\t", "(", '"', "“", "[", ". ", "! "), { maxLength: 3 }),
      fc.array(fc.constantFrom(" ", "\n", ".", "!", "?", ")", '"', ",", ";"), { maxLength: 3 }),
      subject,
      strict,
    ],
    RUNS,
  )(
    "finds the same mentions whatever whitespace and punctuation surround the note",
    (text, before, after, who, isStrict) => {
      const prefix = before.join("");
      const options = { subject: who, strict: isStrict };
      const alone = findMemberMentions(text, corpusRoster, options);
      const surrounded = findMemberMentions(prefix + text + after.join(""), corpusRoster, options);
      expect(surrounded).toEqual(
        alone.map((mention) => ({
          ...mention,
          start: mention.start + prefix.length,
          end: mention.end + prefix.length,
        })),
      );
    },
  );

  test.prop([note, subject, strict], RUNS)("changes neither the roster nor the options", (text, who, isStrict) => {
    const roster = structuredClone(corpusRoster);
    const options = { subject: who, strict: isStrict, commonWordNames: ["Hope", "Will"] };
    const before = JSON.stringify([roster, options]);
    findMemberMentions(text, roster, options);
    redactMemberMentions(text, roster, { ...options, replacement: "a peer" });
    expect(JSON.stringify([roster, options])).toBe(before);
  });
});

describe("redactMemberMentions, for any note", () => {
  test.prop([note, subject, strict, fc.constantFrom("another member", "a peer", "[member]")], RUNS)(
    "leaves nothing a second scan finds, and replaces exactly the mentions a scan finds",
    (text, who, isStrict, replacement) => {
      const options = { subject: who, strict: isStrict };
      const redacted = redactMemberMentions(text, corpusRoster, { ...options, replacement });
      expect(findMemberMentions(redacted.text, corpusRoster, options)).toEqual([]);
      expect(redacted.replaced).toEqual(findMemberMentions(text, corpusRoster, options));
    },
  );

  test.prop([note, subject], RUNS)("leaves the text between mentions as it was", (text, who) => {
    const { text: redacted, replaced } = redactMemberMentions(text, corpusRoster, { subject: who, replacement: "§" });
    const between = replaced.map((mention, i) => text.slice(mention.end, replaced[i + 1]?.start ?? text.length));
    const [head, ...parts] = redacted.split("§");
    expect(head).toBe(text.slice(0, replaced[0]?.start ?? text.length));
    expect(parts).toHaveLength(replaced.length);
    parts.forEach((part, i) => {
      const original = between[i] ?? "";
      // A bare possessive apostrophe gains its "s" ("Jamal' car" becomes "§'s car"; "JAMAL' CAR" becomes "§'S CAR").
      const [apostrophe, rest] = [original.charAt(0), original.slice(1)];
      expect([original, `${apostrophe}s${rest}`, `${apostrophe}S${rest}`]).toContain(part);
    });
  });
});
