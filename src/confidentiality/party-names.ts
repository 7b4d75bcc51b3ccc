// Whether two names, as people write them, may be one person's (or one body's). Consents name people the way a member
// says them ("Hector Delgado"); requests name recipients the way a worker types them ("Delgado, H.", "hector  delgado",
// "Mr. Delgado"). Both are read through the room's one folding (fold.ts). Private to the room.
import { foldedNameWords } from "./fold.js";

/**
 * How a recipient's name compares with a name in a consent. Titles, honorifics and credentials (see TITLES) are set
 * aside first, and generational suffixes (see GENERATIONS) kept apart, unless a name has no other word:
 * - `same`: the same folded words, in any order, and the same generational suffixes ("Delgado, Hector" and "Mr. Hector
 *   Delgado" for "Hector Delgado"; "Amara Osei, MD" for "Dr. Amara Osei"; "Hector Delgado Junior" for "Hector
 *   Delgado Jr."), so a grant reaches a recipient whatever title either name carries, and never one whose only
 *   difference is "Jr." or "Sr.";
 * - `partial`: not the same, but it may be the same person: one name's words all found in the other's, a lone letter
 *   standing for any word it begins ("Delgado", "Mr Delgado", "H. Delgado", "H D", "Hector J. Delgado"), a name of two
 *   or three letters standing for as many initials ("HD"), the same letters written with other word breaks ("MaryJane"
 *   for "Mary-Jane"), or the same words with another generational suffix ("Hector Delgado Sr."); a name with no
 *   letters at all tells nothing;
 * - `different`: a word of each name has no counterpart in the other ("Maria Delgado" is not Hector Delgado).
 *
 * Reading the names without their titles only ever adds to what they may match: a name that is partly another with
 * its titles ("Junior" in "Junior Delgado") stays partial.
 */
export type NameComparison = "different" | "partial" | "same";

// Titles, honorifics and credentials, folded: they say how a person is addressed or qualified, not who they are, so
// "Dr. Amara Osei", "Prof. Amara Osei" and "Amara Osei, MD" are one name. "Señor" and "Señora" fold to "senor" and
// "senora". Kept short on purpose: a word here is never read as part of a name (unless the name has no other word).
const TITLES: ReadonlySet<string> = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "miss",
  "dr",
  "prof",
  "rev",
  "sra",
  "srta",
  "senor",
  "senora",
  "md",
  "phd",
  "esq",
  "lcsw",
  "msw",
]);

// Generational suffixes, folded, each with the suffix it is another spelling of. They tell a father from a son, so a
// difference in them keeps two names from being the same (a grant to "Hector Delgado Jr." does not reach "Hector
// Delgado Sr."), though each may still be the other (a withholding reaches both). "Sr." is read as "senior", the
// reading that keeps names apart, even where it is the Spanish "Señor".
const GENERATIONS: ReadonlyMap<string, string> = /* @__PURE__ */ new Map([
  ["jr", "jr"],
  ["junior", "jr"],
  ["sr", "sr"],
  ["senior", "sr"],
  ["ii", "ii"],
  ["iii", "iii"],
  ["iv", "iv"],
]);

interface ReadName {
  /** Every folded word of the name, as written. */
  readonly words: readonly string[];
  /** The words that say who the person is: without titles and generational suffixes, unless no word would be left. */
  readonly core: readonly string[];
  /** The generational suffixes set aside from the core, in one spelling each, sorted and joined. */
  readonly generation: string;
}

// Titles are set aside first, then generational suffixes, each only if some word is left: "Junior, MD" is a person
// called Junior, with a credential.
function readName(name: string): ReadName {
  const words = foldedNameWords(name);
  const untitled = words.filter((word) => !TITLES.has(word));
  const named = untitled.length > 0 ? untitled : words;
  const core = named.filter((word) => !GENERATIONS.has(word));
  if (core.length === 0) return { words, core: named, generation: "" };
  const generation = named
    .flatMap((word) => GENERATIONS.get(word) ?? [])
    .sort()
    .join(" ");
  return { words, core, generation };
}

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

// A name of one word of two or three letters, read as that many initials written together ("HD" for "H. D."); any
// other name as its words.
function asInitials(words: readonly string[]): readonly string[] {
  const letters = words.length === 1 ? Array.from(words[0] ?? "") : [];
  return letters.length === 2 || letters.length === 3 ? letters : words;
}

// Whether one name's words may all be the other's: part of it, initials of it, or its letters with other word breaks.
function consistent(a: readonly string[], b: readonly string[]): boolean {
  return (
    fitsInto(a, b) ||
    fitsInto(b, a) ||
    fitsInto(asInitials(a), b) ||
    fitsInto(asInitials(b), a) ||
    a.join("") === b.join("")
  );
}

function titlesOnly(words: readonly string[]): boolean {
  return words.every((word) => TITLES.has(word) || GENERATIONS.has(word));
}

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(" ") === [...b].sort().join(" ");
}

/** Compares a name written in a consent with a recipient's name; see {@link NameComparison}. */
export function compareNames(named: string, actual: string): NameComparison {
  const a = readName(named);
  const b = readName(actual);
  if (a.words.length === 0 || b.words.length === 0) return "partial";
  // A name of titles and suffixes alone ("Dr.", "Mr. Jr.") says nothing of who the person is: it may be anyone.
  if (titlesOnly(a.words) || titlesOnly(b.words)) return sameWords(a.words, b.words) ? "same" : "partial";
  if (sameWords(a.core, b.core)) return a.generation === b.generation ? "same" : "partial";
  if (consistent(a.core, b.core) || consistent(a.words, b.words)) return "partial";
  return "different";
}
