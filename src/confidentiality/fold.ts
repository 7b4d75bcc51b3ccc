// Folding text for matching names: compatibility forms unfolded, accents stripped, case folded, invisible characters
// dropped, offsets kept so a match maps back to the original note. The one folding of the room: the mention scanner and
// the comparison of the people named in consents both read names through it. Private to the room.

// Letters that NFKD does not take apart but a person typing without the accent writes as plain Latin letters
// ("Lukasz" for "Łukasz", "Dorde" for "Đorđe", "Gudrun" for "Guðrún"), and apostrophes and hyphens written with other
// characters (modifier letters and primes that look like an apostrophe: "OʹNeill" is "O'Neill").
const SPECIAL: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ð: "d",
  þ: "th",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ς: "σ",
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u02b9": "'",
  "\u02bb": "'",
  "\u02bd": "'",
  "\u2032": "'",
  "\ua78c": "'",
  "\u2010": "-",
  "\u2011": "-",
};

const MARKS = /\p{M}/gu;
// Characters that change nothing a reader sees are dropped: "Hec\u200btor" is "hector". That is every format character
// (category Cf: soft hyphen, zero-width space and joiners, word joiner, byte order mark, direction marks, the tag
// characters U+E0000–E007F, musical and shorthand format controls) and every Default_Ignorable_Code_Point, which adds
// the variation selectors and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) that Unicode classes as letters but
// that show as nothing: "Hector\u3164Delgado" is one word, "hectordelgado", not two.
const INVISIBLE = /^[\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
const LETTER = /^\p{L}$/u;
const NOT_WORD_CHARS = /[^\p{L}\p{N}]/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const HAS_WORD_CHAR = /[\p{L}\p{N}]/u;
// The folding of each code point met, so a note folds with one look-up per character. Cleared when it is full, so a
// text that runs through many rare characters costs time, never unbounded memory.
const FOLD_CACHE_LIMIT = 4096;
const foldCache = /* @__PURE__ */ new Map<number, string>();
const wordCache = /* @__PURE__ */ new Map<number, boolean>();

/**
 * The folded form of one code point, the same wherever it stands:
 * - invisible characters (see INVISIBLE) fold to nothing;
 * - compatibility forms are unfolded (NFKD): full-width "Ｈ", mathematical "𝐇" and circled "Ⓗ" are "h", the
 *   ligature "ﬁ" is "fi", the digraphs "ǅ", "Ǉ" and "Ĳ" are "dz", "lj" and "ij";
 * - combining marks are dropped and the rest lower-cased (NFKD and marks again after it, because lower-casing can bring
 *   marks back: "İ" becomes "i" + U+0307);
 * - a letter folds to letters only: the middle dot NFKD gives "Ŀ" ("L·") is dropped, so "Ŀ" is "l";
 * - a symbol whose compatibility form is one letter is that letter ("Ⓗ" is "h"), but one that stands for more than
 *   one character, letters among them, stands apart as words of its own ("™" is " tm ", "⒣" is " (h) "), so
 *   "Aroha™" still ends at "Aroha" and "Hector™ Delgado" holds the words of Hector Delgado;
 * - ł, ø, đ, ð, þ, ħ, ı, ß, æ, œ and final ς read as their plain forms, and apostrophe and hyphen look-alikes as "'"
 *   and "-".
 */
function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    const char = String.fromCodePoint(codePoint);
    if (INVISIBLE.test(char)) folded = "";
    else {
      let plain = char.normalize("NFKD").replace(MARKS, "").toLowerCase().normalize("NFKD").replace(MARKS, "");
      if (LETTER.test(char)) plain = plain.replace(NOT_WORD_CHARS, "");
      else if (!WORD_CHAR.test(char) && Array.from(plain).length > 1 && HAS_WORD_CHAR.test(plain)) plain = ` ${plain} `;
      folded = Array.from(plain, (one) => (INVISIBLE.test(one) ? "" : (SPECIAL[one] ?? one))).join("");
    }
    if (foldCache.size >= FOLD_CACHE_LIMIT) foldCache.clear();
    foldCache.set(codePoint, folded);
  }
  return folded;
}

/** Text folded for matching, with the original UTF-16 offset of each folded unit (`null`: offsets are unchanged). */
export interface FoldedText {
  readonly folded: string;
  /** `origin[k]` is where the code point behind folded unit k starts in the original; one extra entry: its length. */
  readonly origin: readonly number[] | null;
}

const NON_ASCII = /[\u0080-\uffff]/;
// Each capital ASCII letter and each other code point (a pair of surrogates is one), folded one by one on the fast path.
const EACH_TO_FOLD = /[A-Z]|[^\0-\x7f]/gu;

/**
 * Folds text for matching and keeps the way back to the original offsets, because folding changes lengths. Each code
 * point folds as {@link foldCodePoint} says, whichever of the two paths below runs.
 */
export function foldText(text: string): FoldedText {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), origin: null };
  // Most notes fold code point for code point to as many units ("í" to "i"): then offsets do not move and no map is
  // needed. A code point that folds to more or fewer units (an invisible one, "ß", "ﬁ", "𝐇") sends it the long way.
  let sameLength = true;
  const folded = text.replace(EACH_TO_FOLD, (char) => {
    const piece = foldCodePoint(char.codePointAt(0) ?? 0); // a match is never empty
    if (piece.length !== char.length) sameLength = false;
    return piece;
  });
  if (sameLength) return { folded, origin: null };
  let longWay = "";
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    while (i < text.length && text.charCodeAt(i) < 0x80) i++;
    if (i > runStart) {
      longWay += text.slice(runStart, i).toLowerCase();
      for (let k = runStart; k < i; k++) origin.push(k);
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0; // i < text.length, so there is a code point here
    const piece = foldCodePoint(codePoint);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    longWay += piece;
    i += codePoint > 0xffff ? 2 : 1;
  }
  origin.push(text.length);
  return { folded: longWay, origin };
}

/** Whether the folded unit at `i` belongs to a word: a Unicode letter or digit. */
export function isWordAt(folded: string, i: number): boolean {
  const code = folded.charCodeAt(i);
  if (code < 0x80) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code >= 0xd800 && code <= 0xdfff) {
    const codePoint = folded.codePointAt(code <= 0xdbff ? i : i - 1) ?? code;
    return WORD_CHAR.test(String.fromCodePoint(codePoint));
  }
  let word = wordCache.get(code);
  if (word === undefined) {
    word = WORD_CHAR.test(String.fromCharCode(code));
    wordCache.set(code, word);
  }
  return word;
}

/** Whether a folded unit joins two parts of one word: an apostrophe or a hyphen ("O'Neill", "Mary-Jane"). */
function isJoiner(code: number): boolean {
  return code === 39 || code === 45;
}

/** Where the word starting at `start` ends: letters and digits, joined by single apostrophes or hyphens. */
export function wordEnd(folded: string, start: number): number {
  let i = start;
  for (;;) {
    while (i < folded.length && isWordAt(folded, i)) i++;
    if (i + 1 < folded.length && isJoiner(folded.charCodeAt(i)) && isWordAt(folded, i + 1)) i++;
    else return i;
  }
}

/**
 * The folded words of a name, for telling whether two names may be one person's: folded as notes are (compatibility
 * forms, case, accents, invisible characters), an apostrophe dropped ("O'Neill" is "oneill", as is "ONeill"), and anything else that is not
 * a letter or digit (whitespace of any kind, hyphens, full stops, commas) separating words.
 */
export function foldedNameWords(name: string): string[] {
  const { folded } = foldText(name);
  const words: string[] = [];
  let word = "";
  for (let i = 0; i < folded.length; i++) {
    if (isWordAt(folded, i)) word += folded[i];
    else if (folded.charCodeAt(i) !== 39 && word !== "") {
      words.push(word);
      word = "";
    }
  }
  if (word !== "") words.push(word);
  return words;
}

/**
 * The separator between two words of folded text, `folded.slice(from, to)` with whitespace runs collapsed to one space,
 * so "Hope  Martin" and "Hope\nMartin" separate words alike. A single space, the usual case, is read without a copy.
 */
export function separatorBetween(folded: string, from: number, to: number): string {
  if (to === from + 1 && folded.charCodeAt(from) === 32) return " ";
  return folded.slice(from, to).replace(/\s+/gu, " ");
}
