// What must always hold of a withholding: the person a member asked never to receive their information is refused
// under every spelling of their name, whatever else is on file (Primero disclosure_deny_details; 45 CFR 164.522(a)).
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type ConsentOnFile,
  checkDisclosure,
  type DisclosureRecipient,
  matchConsents,
  partyMayBe,
} from "../../src/confidentiality/index";
import { consent, request } from "./engine-fixtures";

const RUNS = { numRuns: 300 };

// Names as members give them: one to three words, plain and accented.
const WORDS = ["Hector", "Delgado", "Maria", "Lena", "Hoffmann", "Jamal", "Price", "Ana", "Lee", "Siobhan", "Nowak"];
const ACCENTED: Readonly<Record<string, string>> = { e: "é", a: "á", o: "ö", i: "í", u: "ü", n: "ñ" };
const SPACES = [" ", "  ", "\u00a0", "\t", "\n", " \u200b", "\u2003", "\u202f"];
const INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e"];
const PUNCTUATION = ["", ".", ",", "!", ";", "'"];

// A spelling of the name whose folded words are the name's own: each letter in either case, some letters accented
// (precomposed or as a combining mark), invisible characters inside words, any whitespace between them, punctuation
// around them, and perhaps in another order.
function spellingOf(words: readonly string[]): fc.Arbitrary<string> {
  const letter = (char: string) =>
    fc
      .tuple(
        fc.boolean(),
        fc.constantFrom("plain", "precomposed", "combining"),
        fc.option(fc.constantFrom(...INVISIBLE), { freq: 4 }),
      )
      .map(([upper, accent, invisible]) => {
        const lower = char.toLowerCase();
        let written = lower;
        if (accent === "precomposed" && ACCENTED[lower] !== undefined) written = ACCENTED[lower];
        else if (accent === "combining" && /[a-z]/.test(lower)) written = `${lower}\u0301`;
        return (upper ? written.toUpperCase() : written) + (invisible ?? "");
      });
  const word = (text: string) => fc.tuple(...[...text].map(letter)).map((letters) => letters.join(""));
  return fc
    .tuple(
      fc.tuple(...words.map(word)),
      fc.array(fc.constantFrom(...SPACES), { minLength: words.length, maxLength: words.length }),
      fc.constantFrom(...PUNCTUATION),
      fc.constantFrom(...PUNCTUATION),
      fc.boolean(),
    )
    .map(([written, spaces, before, after, swap]) => {
      const ordered = swap && written.length > 1 ? [written.at(-1) ?? "", ...written.slice(0, -1)] : written;
      const joined = ordered.map((one, i) => (i === 0 ? one : `${swap && i === 1 ? "," : ""}${spaces[i]}${one}`));
      return `${before}${joined.join("")}${after}`;
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
