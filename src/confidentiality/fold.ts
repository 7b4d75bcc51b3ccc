// Folding text for matching names: accents stripped, case folded, offsets kept so a match maps back to the original
// note. Private to the room.

// Letters that NFD does not take apart but a person typing without the accent writes as plain Latin letters
// ("Lukasz" for "Łukasz"), apostrophes and hyphens written with other characters, and invisible characters dropped.
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
  "\u00ad": "",
  "\u200b": "",
  "\u200c": "",
  "\u200d": "",
  "\u2060": "",
  "\ufeff": "",
};

const MARKS = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
const foldCache = /* @__PURE__ */ new Map<number, string>();
const wordCache = /* @__PURE__ */ new Map<number, boolean>();

/** The folded form of one code point: accents stripped (NFD, then combining marks dropped), lower-cased. */
function foldCodePoint(codePoint: number): string {
  let folded = foldCache.get(codePoint);
  if (folded === undefined) {
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
export function isJoiner(code: number): boolean {
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

/** Whitespace runs collapsed to one space, so "Hope  Martin" and "Hope\nMartin" separate words alike. */
export function collapseSpace(separator: string): string {
  return separator.replace(/\s+/gu, " ");
}
