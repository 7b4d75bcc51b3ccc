// The name index of a roster: each member's names as folded words, by first word, built once per roster. Private to
// the room: mentions.ts, redact.ts and note-check.ts use it; nothing here is exported from the package.
import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { MemberId } from "../model/index.js";
import { collapseSpace, foldText, isWordAt, wordEnd } from "./fold.js";
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
      `${caller}: ${where} must be a name with at least one letter or digit; got ${describeValue(value)}.`,
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
      `${caller}: roster[${index}].id must be a non-empty string; got ${describeValue(member.id)}.`,
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

// Endings that stay attached to a name: the possessive and the common contractions ("Tom'll", "Sam'd").
export const CLITICS = ["'s", "'ll", "'d", "'ve", "'re"] as const;

export interface Match {
  readonly entry: NameEntry;
  /** Folded offset where the name itself ends. */
  readonly nameEnd: number;
  /** Folded offset where the last word, with its ending, ends. */
  readonly wordsEnd: number;
  readonly clitic: string | null;
}

/** Matches one name at a word of the folded text, its last word perhaps with an ending, or returns `null`. */
export function matchEntry(folded: string, start: number, firstEnd: number, entry: NameEntry): Match | null {
  let wordStart = start;
  let end = firstEnd;
  const last = entry.words.length - 1;
  for (let j = 0; j <= last; j++) {
    if (j > 0) {
      let next = end;
      while (next < folded.length && !isWordAt(folded, next)) next++;
      if (next >= folded.length || collapseSpace(folded.slice(end, next)) !== entry.separators[j - 1]) return null;
      wordStart = next;
      end = wordEnd(folded, next);
    }
    const expected = entry.words[j] ?? "";
    if (end - wordStart === expected.length && folded.startsWith(expected, wordStart)) {
      if (j === last) return { entry, nameEnd: end, wordsEnd: end, clitic: null };
      continue;
    }
    if (j < last || !folded.startsWith(expected, wordStart)) return null;
    const clitic = folded.slice(wordStart + expected.length, end);
    if (!(CLITICS as readonly string[]).includes(clitic)) return null;
    return { entry, nameEnd: wordStart + expected.length, wordsEnd: end, clitic };
  }
  return null; // not reached: names have at least one word
}
