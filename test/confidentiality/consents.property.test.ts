// What must always hold of a withholding: the person a member asked never to receive their information is refused
// under every spelling of their name, whatever else is on file (Primero disclosure_deny_details; 45 CFR 164.522(a)).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { partyMayBe } from "../../src/confidentiality/consents";
import { checkDisclosure, type DisclosureRecipient } from "../../src/confidentiality/index";
import { type ConsentOnFile, consent, matchConsents, request } from "./engine-fixtures";

const RUNS = { numRuns: 300 };

// Names as members give them: one to three words, plain and accented.
const WORDS = [
  "Hector",
  "Delgado",
  "Maria",
  "Lena",
  "Hoffmann",
  "Jamal",
  "Price",
  "Ana",
  "Lee",
  "Siobhan",
  "Nowak",
  "Sofia",
  "Dzemal",
  "Ljubic",
];
const ACCENTED: Readonly<Record<string, string>> = { e: "é", a: "á", o: "ö", i: "í", u: "ü", n: "ñ" };
const SPACES = [" ", "  ", "\u00a0", "\t", "\n", " \u200b", "\u2003", "\u202f", "\u3000", " \u3164"];
// Characters no reader sees: format characters, tag characters, variation selectors (in and beyond the BMP), a
// combining grapheme joiner, musical and shorthand format controls, and the Hangul fillers Unicode classes as letters.
const INVISIBLE = [
  "\u200b",
  "\u200c",
  "\u200d",
  "\u2060",
  "\ufeff",
  "\u00ad",
  "\u200e",
  "\u{E0041}",
  "\u{E007F}",
  "\u{E0100}",
  "\ufe0f",
  "\u034f",
  "\u{1D173}",
  "\u{1BCA0}",
  "\u3164",
  "\u115f",
  "\u1160",
  "\uffa0",
];
const PUNCTUATION = ["", ".", ",", "!", ";", "'"];
// Titles and credentials, which say how a person is addressed, not who they are (generational suffixes do, so they
// are not here: "Hector Delgado Jr." is only a partial match for Hector Delgado).
const TITLES_BEFORE = ["", "", "Mr. ", "Mrs ", "Ms ", "Dr ", "Prof. ", "Señor ", "Mx "];
const TITLES_AFTER = ["", "", ", MD", " PhD", ", LCSW", " Esq."];
// Ligatures and digraphs that NFKD takes apart, replacing the letters they stand for.
const LIGATURES: readonly (readonly [RegExp, string])[] = [
  [/ff/g, "\ufb00"],
  [/fi/g, "\ufb01"],
  [/Dz/g, "\u01c5"],
  [/Lj/g, "\u01c8"],
];

// A Latin letter in a compatibility form that folds to it: full-width, or mathematical bold.
function fullWidth(char: string): string {
  return /^[A-Za-z]$/.test(char) ? String.fromCodePoint(char.charCodeAt(0) + 0xfee0) : char;
}

function mathematicalBold(char: string): string {
  if (/^[A-Z]$/.test(char)) return String.fromCodePoint(0x1d400 + char.charCodeAt(0) - 65);
  if (/^[a-z]$/.test(char)) return String.fromCodePoint(0x1d41a + char.charCodeAt(0) - 97);
  return char;
}

// A spelling of the name whose folded words are the name's own: each letter in either case, some letters accented
// (precomposed or as a combining mark) or in a compatibility form (full-width, mathematical bold), some words written
// with ligatures or digraphs, invisible characters inside words, any whitespace between them, punctuation around
// them, titles and credentials, and perhaps in another order.
function spellingOf(words: readonly string[]): fc.Arbitrary<string> {
  const letter = (char: string) =>
    fc
      .tuple(
        fc.boolean(),
        fc.constantFrom("plain", "precomposed", "combining", "full-width", "bold"),
        fc.option(fc.constantFrom(...INVISIBLE), { freq: 4 }),
      )
      .map(([upper, form, invisible]) => {
        const lower = char.toLowerCase();
        const cased = upper ? char.toUpperCase() : lower;
        const accented = ACCENTED[lower];
        let written = cased;
        if (form === "precomposed" && accented !== undefined) written = upper ? accented.toUpperCase() : accented;
        else if (form === "combining" && /[a-z]/.test(lower)) written = `${cased}\u0301`;
        else if (form === "full-width") written = fullWidth(cased);
        else if (form === "bold") written = mathematicalBold(cased);
        return written + (invisible ?? "");
      });
  const ligatured = (text: string) =>
    LIGATURES.reduce((done, [letters, ligature]) => done.replace(letters, ligature), text);
  const word = (text: string) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.tuple(...[...text].map(letter)).map((letters) => letters.join("")) },
      { weight: 1, arbitrary: fc.constant(ligatured(text)) },
    );
  return fc
    .tuple(
      fc.tuple(...words.map(word)),
      fc.array(fc.constantFrom(...SPACES), { minLength: words.length, maxLength: words.length }),
      fc.constantFrom(...PUNCTUATION),
      fc.constantFrom(...PUNCTUATION),
      fc.boolean(),
      fc.constantFrom(...TITLES_BEFORE),
      fc.constantFrom(...TITLES_AFTER),
    )
    .map(([written, spaces, before, after, swap, title, credential]) => {
      const ordered = swap && written.length > 1 ? [written.at(-1) ?? "", ...written.slice(0, -1)] : written;
      const joined = ordered.map((one, i) => (i === 0 ? one : `${swap && i === 1 ? "," : ""}${spaces[i]}${one}`));
      return `${before}${title}${joined.join("")}${credential}${after}`;
    });
}

const withheldWords = fc.uniqueArray(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 3 });

const KINDS = ["family-or-guardian", "public", "person-at-risk", "outside-provider", "payer", "court"] as const;
const PURPOSES = ["TREAT", "COC", "FAMRQT", "PATRQT", "HPAYMT", "HLEGAL", "THREAT", "HRESCH"] as const;

// Other consents of the member: grants to the recipient by any spelling, for any purpose, and other withholdings.
const otherConsent = (name: string): fc.Arbitrary<ConsentOnFile> =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      purpose: fc.constantFrom(...PURPOSES),
      withholdOther: fc.boolean(),
      form: fc.constantFrom("written" as const, "verbal" as const, "electronic" as const),
    })
    .map(({ kind, purpose, withholdOther, form }) =>
      consent({
        id: `c-other-${kind}-${purpose}`,
        recipients: [{ kind, name }, { kind }],
        purposes: [purpose],
        dataClasses: ["attendance", "progress-note", "risk-statement"],
        form,
        ...(withholdOther ? { withholdFrom: [{ kind: "public", name: "Someone Else Entirely" }] } : {}),
      }),
    );

describe("a withholding reaches every spelling of the withheld name", () => {
  test.prop(
    [
      withheldWords.chain((words) =>
        fc.record({
          withheld: fc.constant(words.join(" ")),
          spelling: spellingOf(words),
          kind: fc.constantFrom(...KINDS),
          purpose: fc.constantFrom(...PURPOSES),
          information: fc.constantFrom("attendance" as const, "progress-note" as const, "risk-statement" as const),
          others: fc.uniqueArray(otherConsent(words.join(" ")), { maxLength: 4, selector: (one) => one.id }),
        }),
      ),
    ],
    RUNS,
  )("refuses a recipient whose name folds to the withheld one, whatever else is on file", (input) => {
    const recipient: DisclosureRecipient = { kind: input.kind, name: input.spelling };
    const withholding = consent({
      id: "c-withhold",
      recipients: [],
      withholdFrom: [{ kind: "family-or-guardian", name: input.withheld }],
    });
    const asked = request({
      information: { ...request().information, kind: input.information },
      recipient,
      purpose: input.purpose,
      consents: [...input.others, withholding],
    });
    expect(partyMayBe({ kind: "family-or-guardian", name: input.withheld }, recipient)).toBe(true);
    // The folded names are equal, so this is the plain refusal, never a partial match.
    const facts = matchConsents(asked);
    expect(facts.withholding.map((one) => one.id)).toContain("c-withhold");
    expect(facts.partialMatches.filter((match) => match.consentId === "c-withhold")).toEqual([]);
    const decision = checkDisclosure(asked);
    expect(decision.effect).toBe("deny");
    expect(decision.matchedRules.forbid).toContain("withhold-from-named-person");
  });
});
