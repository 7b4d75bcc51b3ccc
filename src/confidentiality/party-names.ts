// Whether two names, as people write them, may be one person's (or one body's). Consents name people the way a member
// says them ("Hector Delgado"); requests name recipients the way a worker types them ("Delgado, H.", "hector  delgado").
// Both are read through the room's one folding (fold.ts). Private to the room.
import { foldedNameWords } from "./fold.js";

/**
 * How a recipient's name compares with a name in a consent:
 * - `same`: the same folded words, in any order ("Delgado, Hector" for "Hector Delgado");
 * - `partial`: not the same, but it may be the same person: one name's words all found in the other's, a lone letter
 *   standing for any word it begins ("Delgado", "H. Delgado", "H D", "Hector J. Delgado"), or the same letters
 *   written with other word breaks ("MaryJane" for "Mary-Jane"); a name with no letters at all tells nothing;
 * - `different`: a word of each name has no counterpart in the other ("Maria Delgado" is not Hector Delgado).
 */
export type NameComparison = "different" | "partial" | "same";

// The first letter or digit of a word (a whole code point, so a letter beyond the BMP is one letter).
function initialOf(word: string): string {
  return String.fromCodePoint(word.codePointAt(0) ?? 0);
}

function isInitial(word: string): boolean {
  return initialOf(word).length === word.length;
}

function countBy(words: readonly string[], keyOf: (word: string) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(keyOf(word), (counts.get(keyOf(word)) ?? 0) + 1);
  return counts;
}

/**
 * Whether every word of `part` can stand for its own word of `whole`: the same word, an initial for a word it begins,
 * or a word that a lone initial in `whole` stands for. Words only ever pair with words of the same first letter, so
 * each letter is settled on its own: equal words pair first (pairing them never costs a pairing elsewhere), the
 * remaining whole words of `part` need an initial of `whole` each, and `part` may not have more words with that letter
 * than `whole` has.
 */
function fitsInto(part: readonly string[], whole: readonly string[]): boolean {
  const unpaired = countBy(whole, (word) => word);
  const needInitial = new Map<string, number>();
  for (const word of part) {
    if (isInitial(word)) continue;
    const left = unpaired.get(word) ?? 0;
    if (left > 0) unpaired.set(word, left - 1);
    else needInitial.set(initialOf(word), (needInitial.get(initialOf(word)) ?? 0) + 1);
  }
  const partByLetter = countBy(part, initialOf);
  const wholeByLetter = countBy(whole, initialOf);
  const initialsByLetter = countBy(whole.filter(isInitial), initialOf);
  for (const [letter, count] of partByLetter) {
    if (count > (wholeByLetter.get(letter) ?? 0)) return false;
    if ((needInitial.get(letter) ?? 0) > (initialsByLetter.get(letter) ?? 0)) return false;
  }
  return true;
}

/** Compares a name written in a consent with a recipient's name; see {@link NameComparison}. */
export function compareNames(named: string, actual: string): NameComparison {
  const a = foldedNameWords(named);
  const b = foldedNameWords(actual);
  if (a.length === 0 || b.length === 0) return "partial";
  if ([...a].sort().join(" ") === [...b].sort().join(" ")) return "same";
  if (fitsInto(a, b) || fitsInto(b, a) || a.join("") === b.join("")) return "partial";
  return "different";
}
