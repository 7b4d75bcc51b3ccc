// What must always hold of the room's one folding: each code point folds the same way wherever it stands, whichever
// path the text takes, and each folded unit maps back to the code point it came from, so a mention's offsets point
// into the original note.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { foldText } from "../../src/confidentiality/fold";
import { compareNames } from "../../src/confidentiality/party-names";

const RUNS = { numRuns: 300 };

// Text mixing plain letters with the characters that change lengths or vanish: any code point at all, and a chosen
// few (tag characters, variation selectors, Hangul fillers, full-width and mathematical letters, ligatures, digraphs).
const TRICKY = [
  "\u{E0041}",
  "\u{E007F}",
  "\u{E0100}",
  "\u{1D173}",
  "\u{1BCA0}",
  "\u{13430}",
  "\u3164",
  "\u115f",
  "\uffa0",
  "\u200b",
  "Ｈ",
  "𝐇",
  "ﬁ",
  "ǅ",
  "Ŀ",
  "™",
  "⒣",
  "…",
  "ß",
  "İ",
  "e\u0301",
  "Σ",
];
const text = fc
  .array(
    fc.oneof(fc.constantFrom(...TRICKY), fc.string({ unit: "binary", maxLength: 3 }), fc.constantFrom("a", "B", " ")),
    { maxLength: 12 },
  )
  .map((parts) => parts.join(""));

// The code points of a text with where each starts.
function codePoints(of: string): { at: number; char: string }[] {
  const found: { at: number; char: string }[] = [];
  let at = 0;
  for (const char of of) {
    found.push({ at, char });
    at += char.length;
  }
  return found;
}

describe("foldText", () => {
  test.prop([text], RUNS)("folds a text as its code points folded one by one", (written) => {
    const oneByOne = codePoints(written)
      .map(({ char }) => foldText(char).folded)
      .join("");
    expect(foldText(written).folded).toBe(oneByOne);
    // A letter that folds to two units sends the text the long way, which must agree.
    expect(foldText(`ß${written}`).folded).toBe(`ss${oneByOne}`);
  });

  test.prop([text], RUNS)("maps each folded unit to the start of the code point it came from", (written) => {
    const { folded, origin } = foldText(`ß${written}`);
    expect(origin).not.toBeNull();
    const map = origin ?? [];
    expect(map).toHaveLength(folded.length + 1);
    expect(map.at(-1)).toBe(written.length + 1);
    const original = `ß${written}`;
    for (const { at, char } of codePoints(original)) {
      const piece = foldText(char).folded;
      const from = map.indexOf(at);
      if (piece === "") {
        expect(from).toBe(-1);
        continue;
      }
      expect(folded.slice(from, from + piece.length)).toBe(piece);
      expect(map.slice(from, from + piece.length).every((one) => one === at)).toBe(true);
    }
  });
});

describe("compareNames", () => {
  const NAMES = ["Hector Delgado", "Delgado", "H. Delgado", "Maria Delgado", "Hector Smith", "Junior", "HD", "Mr. Sr."];
  const TITLED = ["", "Mr. ", "Dr ", "Ms ", "Señor ", "Prof. "];
  const name = fc
    .tuple(fc.constantFrom(...TITLED), fc.constantFrom(...NAMES), fc.constantFrom("", ", MD", " PhD", " Jr."))
    .map(([before, words, after]) => `${before}${words}${after}`);

  test.prop([name, name], RUNS)("compares two names the same way in either order", (a, b) => {
    expect(compareNames(a, b)).toBe(compareNames(b, a));
  });

  test.prop([name, name], RUNS)("never finds names more different with titles added than without", (a, b) => {
    const rank = { different: 0, partial: 1, same: 2 } as const;
    const bare = (one: string) => one.replace(/^(Mr\. |Dr |Ms |Señor |Prof\. )/, "").replace(/(, MD| PhD)$/, "");
    if (compareNames(bare(a), bare(b)) !== "different") {
      expect(rank[compareNames(a, b)]).toBeGreaterThanOrEqual(1);
    }
  });
});
