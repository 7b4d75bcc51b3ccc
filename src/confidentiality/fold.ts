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
// characters U+E0000–E007F, musical and shorthand format controls), every Default_Ignorable_Code_Point, which adds
// the variation selectors and the Hangul fillers (U+115F, U+1160, U+3164, U+FFA0) that Unicode classes as letters but
// that show as nothing: "Hector\u3164Delgado" is one word, "hectordelgado", not two; and every control character (C0,
// DEL, C1) other than the white space ones (tab, line feed, vertical tab, form feed, carriage return, next line), which
// a note pasted from a terminal or another program can hold and which show as nothing: "Wil\u0000liam" is "william".
// A control character between two words joins them, as a zero-width space does; it never splits a name.
const INVISIBLE = /^(?![\t\n\v\f\r\u0085])[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]$/u;
// A terminal's escape sequence, dropped whole as a terminal shows it, so that what it leaves is read as the reader sees
// it: "\u001b[1mWilliam Chen\u001b[0m" is "william chen" and "Wil\u001b[1mliam" is "william". Three kinds, the ones text
// pasted from a coloured terminal holds, none of which can take a letter away from a name:
// - a control sequence (ECMA-48 CSI): ESC "[", parameter bytes, intermediate bytes, one final byte; the colour codes
//   "\u001b[1;31m" and "\u001b[0m", "\u001b[K" (erase to the end of the line);
// - a character set designation (ECMA-35): ESC, one of ( ) * +, one final byte; "\u001b(B", which `tput sgr0` writes
//   before "\u001b[m";
// - a private two-character sequence: ESC and one of 0–9 : ; < = > ?; "\u001b7" and "\u001b8" (save and restore the
//   cursor).
// ESC before any other character is a control character on its own, dropped by itself: reading "\u001bM" as one
// sequence would take the M of "Wil\u001bMa" away.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding the escape character is the point
const CONTROL_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|[()*+][0-~]|[0-?])/;
const CONTROL_SEQUENCE_AT = new RegExp(CONTROL_SEQUENCE.source, "y");
const CONTROL_SEQUENCES = new RegExp(CONTROL_SEQUENCE.source, "g");
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

// Text that folds by lower-casing alone: printable ASCII and ASCII white space.
const NOT_PLAIN = /[^\t\n\v\f\r\x20-\x7e]/;
// Each control sequence, each capital ASCII letter and each other code point that is not plain (a pair of surrogates
// is one), folded one by one on the fast path.
const EACH_TO_FOLD = new RegExp(`${CONTROL_SEQUENCE.source}|[A-Z]|${NOT_PLAIN.source}`, "gu");

/** Whether a UTF-16 unit is plain: printable ASCII or ASCII white space, which fold by lower-casing alone. */
function isPlain(code: number): boolean {
  return code < 0x7f && (code >= 0x20 || (code >= 9 && code <= 13));
}

/**
 * Folds text for matching and keeps the way back to the original offsets, because folding changes lengths. Each code
 * point folds as {@link foldCodePoint} says, whichever of the two paths below runs.
 */
export function foldText(text: string): FoldedText {
  if (!NOT_PLAIN.test(text)) return { folded: text.toLowerCase(), origin: null };
  // Most notes fold code point for code point to as many units ("í" to "i"): then offsets do not move and no map is
  // needed. A code point that folds to more or fewer units (an invisible one, "ß", "ﬁ", "𝐇") or a control sequence
  // sends it the long way.
  let sameLength = true;
  const folded = text.replace(EACH_TO_FOLD, (match) => {
    // A match is never empty; one that starts with ESC and goes on is an escape sequence.
    const piece = match.length > 1 && match.charCodeAt(0) === 0x1b ? "" : foldCodePoint(match.codePointAt(0) ?? 0);
    if (piece.length !== match.length) sameLength = false;
    return piece;
  });
  if (sameLength) return { folded, origin: null };
  let longWay = "";
  const origin: number[] = [];
  let i = 0;
  while (i < text.length) {
    const runStart = i;
    while (i < text.length && isPlain(text.charCodeAt(i))) i++;
    if (i > runStart) {
      longWay += text.slice(runStart, i).toLowerCase();
      for (let k = runStart; k < i; k++) origin.push(k);
      continue;
    }
    if (text.charCodeAt(i) === 0x1b) {
      CONTROL_SEQUENCE_AT.lastIndex = i;
      if (CONTROL_SEQUENCE_AT.test(text)) {
        i = CONTROL_SEQUENCE_AT.lastIndex;
        continue;
      }
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

/** Where the escape sequence (see CONTROL_SEQUENCE) that ends just before `end` starts, or -1 when none ends there. */
function controlSequenceBefore(text: string, end: number): number {
  const final = text.charCodeAt(end - 1);
  if (final < 0x30 || final > 0x7e) return -1;
  // Back past the bytes a sequence can hold between ESC and its final byte, to the ESC (and "[") it must start with;
  // then the sequence is read forwards from there, as foldText reads it, and must end exactly at `end`.
  let k = end - 2;
  while (k >= 0 && text.charCodeAt(k) >= 0x20 && text.charCodeAt(k) <= 0x3f) k--;
  if (k >= 1 && text.charCodeAt(k) === 0x5b) k--;
  if (k < 0 || text.charCodeAt(k) !== 0x1b) return -1;
  CONTROL_SEQUENCE_AT.lastIndex = k;
  return CONTROL_SEQUENCE_AT.test(text) && CONTROL_SEQUENCE_AT.lastIndex === end ? k : -1;
}

/**
 * Where the characters just before `end` that fold to nothing start, reading back from `end`: past invisible and
 * control characters, escape sequences and stray combining marks; `end` itself when the character before it folds to
 * something. Lets the rules read from the original text ("opens a sentence") see past a colour code as a reader does.
 */
export function ignoredBefore(text: string, end: number): number {
  let i = end;
  while (i > 0) {
    const code = text.charCodeAt(i - 1);
    if (isPlain(code)) {
      const start = controlSequenceBefore(text, i);
      if (start < 0) return i;
      i = start;
      continue;
    }
    // A pair of surrogates is one code point, read from its first unit.
    const pair = code >= 0xdc00 && code <= 0xdfff && i >= 2 && (text.charCodeAt(i - 2) & 0xfc00) === 0xd800;
    const at = pair ? i - 2 : i - 1;
    if (foldCodePoint(text.codePointAt(at) ?? 0) !== "") return i;
    i = at;
  }
  return i;
}

/** Text without its escape sequences (see CONTROL_SEQUENCE), as a terminal shows it but for other controls. */
export function withoutControlSequences(text: string): string {
  return text.replace(CONTROL_SEQUENCES, "");
}

const MARKS_AT = /\p{M}*/uy;

/**
 * Where, in the original text, the folded text up to `foldedEnd` ends: after the code point behind its last unit and
 * the combining marks on that code point ("José" written with U+0301 ends after the accent), and before whatever else
 * follows it that folds to nothing (format characters, control characters, control sequences), which belongs to the
 * text after it as much as to the word before it: the colour reset of "\u001b[1mWill\u001b[0m" is not part of "Will".
 */
export function originalEnd(text: string, origin: readonly number[] | null, foldedEnd: number): number {
  if (origin === null) return foldedEnd;
  const last = origin[foldedEnd - 1];
  const next = origin[foldedEnd] ?? text.length;
  if (last === undefined) return next;
  const end = last + ((text.codePointAt(last) ?? 0) > 0xffff ? 2 : 1);
  // The end falls inside one code point's folding ("™" is " tm "): the whole code point is the end.
  if (next <= end) return end;
  MARKS_AT.lastIndex = end;
  MARKS_AT.test(text);
  return Math.min(MARKS_AT.lastIndex, next);
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
