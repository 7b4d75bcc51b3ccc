// Folding text for name matching, and the name index of a roster. Private to the room: mentions.ts, redact.ts and
// note-check.ts use it; nothing here is exported from the package.
import { GroupworkError, quoteArgument } from "../_lib/errors.js";
import type { MemberId } from "../model/index.js";
import type { MentionableMember, MentionKind } from "./mentions.js";

/** One name to look for: its folded words, the separators between them, and whose name it is. */
export interface NameEntry {
  readonly words: readonly string[];
  readonly separators: readonly string[];
  readonly key: string;
  readonly memberId: MemberId;
  readonly kind: MentionKind;
}

/** Every name of a roster, by its first folded word, longest names first. */
export interface NameIndex {
  readonly byFirstWord: ReadonlyMap<string, readonly NameEntry[]>;
  /**
   * Finds, in folded text, every place where the first word of some name begins (a global expression; set its
   * `lastIndex` before use), so a note is read in one native pass and only those places are looked at further.
   * `null` when the roster has no names.
   */
  readonly firstWords: RegExp | null;
}

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

/** The folded words of a name and the separators between them. */
export function nameWords(name: string): { words: string[]; separators: string[] } {
  const { folded } = foldText(name);
  const words: string[] = [];
  const separators: string[] = [];
  let previousEnd = -1;
  let i = 0;
  while (i < folded.length) {
    if (!isWordAt(folded, i)) {
      i++;
      continue;
    }
    const end = wordEnd(folded, i);
    if (previousEnd >= 0) separators.push(collapseSpace(folded.slice(previousEnd, i)));
    words.push(folded.slice(i, end));
    previousEnd = end;
    i = end;
  }
  return { words, separators };
}

function nameOf(value: unknown, where: string, caller: string, optional: boolean): string | undefined {
  if (value === undefined && optional) return undefined;
  if (typeof value !== "string" || nameWords(value).words.length === 0) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${where} must be a name with at least one letter or digit; got ${quoteArgument(value)}.`,
    );
  }
  return value;
}

function entriesOf(member: MentionableMember, index: number, caller: string): NameEntry[] {
  if (typeof member !== "object" || member === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: roster[${index}] must be a member; got ${String(member)}.`,
    );
  }
  if (typeof member.id !== "string" || member.id === "") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: roster[${index}].id must be a non-empty string; got ${quoteArgument(member.id)}.`,
    );
  }
  const display = nameOf(member.displayName, `roster[${index}].displayName`, caller, false) ?? "";
  const preferred = nameOf(member.preferredName, `roster[${index}].preferredName`, caller, true);
  const found: NameEntry[] = [];
  const add = (words: string[], separators: string[], kind: MentionKind) => {
    const key = words.join(" ");
    // One entry per distinct name, the most specific kind first: a preferred name equal to the first name is reported
    // as the preferred name.
    if (found.some((entry) => entry.key === key && entry.separators.join() === separators.join())) return;
    found.push({ words, separators, key, memberId: member.id, kind });
  };
  const displayWords = nameWords(display);
  add(displayWords.words, displayWords.separators, "display-name");
  if (preferred !== undefined) {
    const preferredWords = nameWords(preferred);
    add(preferredWords.words, preferredWords.separators, "preferred-name");
  }
  const first = displayWords.words[0] ?? "";
  // An initial ("J. Robert Smith") is not a first name worth searching for: it would match every "J".
  if ([...first].length > 1) add([first], [], "first-name");
  return found;
}

function buildIndex(roster: readonly MentionableMember[], caller: string): NameIndex {
  const byFirstWord = new Map<string, NameEntry[]>();
  roster.forEach((member, index) => {
    for (const entry of entriesOf(member, index, caller)) {
      const first = entry.words[0] ?? "";
      const list = byFirstWord.get(first) ?? [];
      list.push(entry);
      byFirstWord.set(first, list);
    }
  });
  for (const list of byFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);
  // Longest first, so "william" is tried before "will"; the lookarounds keep to whole words ("will" is not in
  // "willing"), and the scanner itself rejects a word joined to the one before ("jane" in "mary-jane").
  const alternatives = [...byFirstWord.keys()]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&"));
  return {
    byFirstWord,
    firstWords:
      alternatives.length === 0
        ? null
        : new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, "gu"),
  };
}

interface CachedIndex {
  readonly snapshot: readonly unknown[];
  readonly index: NameIndex;
}

// Built once per roster array and reused while its members' ids and names stay the same, so scanning many notes
// against one roster does the name work once (checked member by member on each call, which costs a few comparisons).
const indexCache = /* @__PURE__ */ new WeakMap<readonly MentionableMember[], CachedIndex>();

function snapshotOf(roster: readonly MentionableMember[]): unknown[] {
  return roster.flatMap((member) =>
    typeof member === "object" && member !== null
      ? [member.id, member.displayName, member.preferredName]
      : [member, undefined, undefined],
  );
}

function sameSnapshot(roster: readonly MentionableMember[], snapshot: readonly unknown[]): boolean {
  if (snapshot.length !== roster.length * 3) return false;
  for (let i = 0; i < roster.length; i++) {
    const member = roster[i];
    if (typeof member !== "object" || member === null) return false;
    if (
      snapshot[i * 3] !== member.id ||
      snapshot[i * 3 + 1] !== member.displayName ||
      snapshot[i * 3 + 2] !== member.preferredName
    ) {
      return false;
    }
  }
  return true;
}

/** The name index of a roster, from the cache when the roster has not changed since it was built. */
export function nameIndexOf(roster: readonly MentionableMember[], caller: string): NameIndex {
  if (!Array.isArray(roster)) {
    throw new GroupworkError("invalid-argument", `${caller}: roster must be a list of members; got ${String(roster)}.`);
  }
  const cached = indexCache.get(roster);
  if (cached !== undefined && sameSnapshot(roster, cached.snapshot)) return cached.index;
  const index = buildIndex(roster, caller);
  indexCache.set(roster, { snapshot: snapshotOf(roster), index });
  return index;
}

interface CachedCommonWords {
  readonly names: readonly unknown[];
  readonly set: ReadonlySet<string>;
}

const commonCache = /* @__PURE__ */ new WeakMap<readonly string[], CachedCommonWords>();

/** The folded forms of a list of common-word names, checked and cached per list while the list stays the same. */
export function commonWordSet(names: readonly string[], caller: string): ReadonlySet<string> {
  if (!Array.isArray(names)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: commonWordNames must be a list of names; got ${String(names)}.`,
    );
  }
  const cached = commonCache.get(names);
  if (
    cached !== undefined &&
    cached.names.length === names.length &&
    cached.names.every((name, i) => name === names[i])
  ) {
    return cached.set;
  }
  const set = new Set<string>();
  names.forEach((name, i) => {
    set.add(nameWords(nameOf(name, `commonWordNames[${i}]`, caller, false) ?? "").words.join(" "));
  });
  commonCache.set(names, { names: [...names], set });
  return set;
}
