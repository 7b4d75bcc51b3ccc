// Folding text for matching names: accents stripped, case folded, invisible characters dropped, offsets kept so a
// match maps back to the original note. The one folding of the room: the mention scanner and the comparison of the
// people named in consents both read names through it. Private to the room.

// Letters that NFD does not take apart but a person typing without the accent writes as plain Latin letters
// ("Lukasz" for "Łukasz"), and apostrophes and hyphens written with other characters.
const SPECIAL: Readonly<Record<string, string>> = {
  ł: "l",
  ø: "o",
  đ: "d",
  ħ: "h",
  ı: "i",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ς: "σ",
  "\u2019": "'",
  "\u2018": "'",
  "\u02bc": "'",
  "\u2010": "-",
  "\u2011": "-",
};

const MARKS = /\p{M}/gu;
// Invisible format characters (Unicode category Cf: soft hyphen, zero-width space and joiners, word joiner, byte
// order mark, direction marks) change nothing a reader sees, so they are dropped: "Hec\u200btor" is "hector".
const FORMAT = /^\p{Cf}$/u;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const foldCache = /* @__PURE__ */ new Map<number, string>();
const wordCache = /* @__PURE__ */ new Map<number, boolean>();

/** The folded form of one code point: accents stripped (NFD, then combining marks dropped), lower-cased. */
function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
    if (FORMAT.test(String.fromCodePoint(codePoint))) {
      foldCache.set(codePoint, "");
      return "";
    }
    // Lower-casing can bring marks back ("İ" becomes "i" + U+0307), so strip them again after it.
    const lower = String.fromCodePoint(codePoint)
      .normalize("NFD")
      .replace(MARKS, "")
      .toLowerCase()
      .normalize("NFD")
      .replace(MARKS, "");
    folded = Array.from(lower, (char) => SPECIAL[char] ?? char).join("");
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
const EACH_NON_ASCII = /[\u0080-\uffff]/g;

/** Folds text for matching and keeps the way back to the original offsets, because NFD changes lengths. */
export function foldText(text: string): FoldedText {
  if (!NON_ASCII.test(text)) return { folded: text.toLowerCase(), origin: null };
  // Most notes fold letter for letter ("í" to "i"): then offsets do not move and no map is needed.
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    let sameLength = true;
    const folded = lower.replace(EACH_NON_ASCII, (char) => {
      const code = char.charCodeAt(0);
      if (code >= 0xd800 && code <= 0xdfff) return char; // half of a pair: letters beyond the BMP are kept as they are
      const piece = foldCodePoint(code);
      if (piece.length !== 1) sameLength = false;
      return piece;
    });
    if (sameLength) return { folded, origin: null };
  }
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    while (i < text.length && text.charCodeAt(i) < 0x80) i++;
    if (i > runStart) {
      folded += text.slice(runStart, i).toLowerCase();
      for (let k = runStart; k < i; k++) origin.push(k);
      continue;
    }
    const codePoint = text.codePointAt(i) ?? 0; // i < text.length, so there is a code point here
    const piece = foldCodePoint(codePoint);
    for (let k = 0; k < piece.length; k++) origin.push(i);
    folded += piece;
    i += codePoint > 0xffff ? 2 : 1;
  }
  origin.push(text.length);
  return { folded, origin };
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
 * The folded words of a name, for telling whether two names may be one person's: folded as notes are (case, accents,
 * invisible characters), an apostrophe dropped ("O'Neill" is "oneill", as is "ONeill"), and anything else that is not
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
