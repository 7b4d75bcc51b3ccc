// The name index of a roster: each member's names as folded words, by first word, built once per roster. Private to
// the room: mentions.ts, redact.ts and note-check.ts use it; nothing here is exported from the package.

import { describeValue, GroupworkError } from "../_lib/errors.js";
import { hasVisibleCharacter } from "../_lib/text.js";
import type { MemberId } from "../model/index.js";
import { foldText, isWordAt, separatorBetween, wordEnd } from "./fold.js";
import { listLengthProblem } from "./limits.js";
import type { MentionableMember, MentionCandidate, MentionKind } from "./mention-types.js";

/**
 * The members one name belongs to, worked out once when the roster is indexed, so a name that many members share
 * costs no more to report than a name that one member has.
 */
export interface NamedMembers {
  /** The name's folded words joined by single spaces: what common-word names are compared with. */
  readonly key: string;
  /** Each member whose name it is, with the most specific of their names it is. */
  readonly kinds: ReadonlyMap<MemberId, MentionKind>;
  /** The same members as mention candidates, sorted by id; frozen and shared by every mention of the name. */
  readonly candidates: readonly MentionCandidate[];
}

/**
 * One step of the name trie: the names that end here (if any), and the next steps, by separator and word (" martin":
 * a name's words follow each other with the separator the name has between them, whitespace collapsed to one space).
 */
export interface NameNode {
  readonly next: Map<string, NameNode>;
  named: NamedMembers | null;
}

/** Every name of a roster as a trie of folded words: the first words at the root. */
export interface NameIndex {
  readonly root: NameNode;
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
    if (previousEnd >= 0) separators.push(separatorBetween(folded, previousEnd, i));
    words.push(folded.slice(i, end));
    previousEnd = end;
    i = end;
  }
  return { words, separators };
}

/** The folded words of a name given as an argument, or an `invalid-argument` error when it has none. */
function nameOf(value: unknown, where: string, caller: string): { words: string[]; separators: string[] } {
  const named = typeof value === "string" ? nameWords(value) : undefined;
  if (named === undefined || named.words.length === 0) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: ${where} must be a name with at least one letter or digit; got ${describeValue(value)}.`,
    );
  }
  return named;
}

interface MemberName {
  readonly words: readonly string[];
  readonly separators: readonly string[];
  readonly kind: MentionKind;
}

function namesOf(member: MentionableMember, index: number, caller: string): MemberName[] {
  if (typeof member !== "object" || member === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: roster[${index}] must be a member; got ${describeValue(member)}.`,
    );
  }
  if (typeof member.id !== "string" || !hasVisibleCharacter(member.id)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: roster[${index}].id must be an id, a string that is not blank; got ${describeValue(member.id)}.`,
    );
  }
  const displayWords = nameOf(member.displayName, `roster[${index}].displayName`, caller);
  // The most specific kind first: a preferred name equal to the first name is reported as the preferred name.
  const names: MemberName[] = [{ ...displayWords, kind: "display-name" }];
  if (member.preferredName !== undefined) {
    names.push({ ...nameOf(member.preferredName, `roster[${index}].preferredName`, caller), kind: "preferred-name" });
  }
  const first = displayWords.words[0] ?? "";
  // An initial ("J. Robert Smith") is not a first name worth searching for: it would match every "J".
  if ([...first].length > 1) names.push({ words: [first], separators: [], kind: "first-name" });
  return names;
}

function buildIndex(roster: readonly MentionableMember[], caller: string): NameIndex {
  const root: NameNode = { next: new Map(), named: null };
  const kindsAt = new Map<NameNode, { key: string; kinds: Map<MemberId, MentionKind> }>();
  roster.forEach((member, index) => {
    for (const { words, separators, kind } of namesOf(member, index, caller)) {
      let node = root;
      words.forEach((word, j) => {
        const step = j === 0 ? word : `${separators[j - 1] ?? " "}${word}`;
        let next = node.next.get(step);
        if (next === undefined) {
          next = { next: new Map(), named: null };
          node.next.set(step, next);
        }
        node = next;
      });
      const at = kindsAt.get(node) ?? { key: words.join(" "), kinds: new Map<MemberId, MentionKind>() };
      // A member's first name to reach a node is their most specific one there (names come display name first).
      // The id was checked to be a string that is not blank: the mentions report it as a member's id.
      const memberId = member.id as MemberId;
      if (!at.kinds.has(memberId)) at.kinds.set(memberId, kind);
      kindsAt.set(node, at);
    }
  });
  for (const [node, { key, kinds }] of kindsAt) {
    const candidates = [...kinds]
      .map(([memberId, matchedAs]) => Object.freeze({ memberId, matchedAs }))
      .sort((a, b) => (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0));
    node.named = { key, kinds, candidates: Object.freeze(candidates) };
  }
  return { root };
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
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: roster must be a list of members; got ${describeValue(roster)}.`,
    );
  }
  // A length that is not a count (a Proxy's NaN) would read as an empty roster and pass every note as clean.
  const rosterLength = listLengthProblem(roster.length);
  if (rosterLength !== undefined) throw new GroupworkError("invalid-argument", `${caller}: roster ${rosterLength}.`);
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
      `${caller}: commonWordNames must be a list of names; got ${describeValue(names)}.`,
    );
  }
  const namesLength = listLengthProblem(names.length);
  if (namesLength !== undefined) {
    throw new GroupworkError("invalid-argument", `${caller}: commonWordNames ${namesLength}.`);
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
    set.add(nameOf(name, `commonWordNames[${i}]`, caller).words.join(" "));
  });
  commonCache.set(names, { names: [...names], set });
  return set;
}

// Endings that stay attached to a name: the possessive and the common contractions ("Tom'll", "Sam'd").
export const CLITICS = ["'s", "'ll", "'d", "'ve", "'re"] as const;

/** A name found at a word of the folded text. */
export interface Match {
  readonly named: NamedMembers;
  /** Folded offset where the name itself ends. */
  readonly nameEnd: number;
  /** Folded offset where the last word, with its ending, ends. */
  readonly wordsEnd: number;
  readonly clitic: string | null;
}

const NONE: readonly Match[] = Object.freeze([]);

// The ending of a word that is a clitic ("'s" of "jamal's"), or null.
function cliticOf(word: string): string | null {
  if (!word.includes("'")) return null;
  for (const clitic of CLITICS) if (word.endsWith(clitic) && word.length > clitic.length) return clitic;
  return null;
}

/**
 * Every name that starts at the word `start`–`firstEnd` of the folded text, shortest first: the trie is walked word by
 * word, so the work is the length of the longest name found there, however many members share its words. The last
 * word of a name may carry an ending that stays attached ("Will's", "Tom'll").
 */
export function namesAt(folded: string, start: number, firstEnd: number, index: NameIndex): readonly Match[] {
  // Most words start no name: they cost one look-up and no allocation.
  let found: Match[] | null = null;
  let node: NameNode | undefined = index.root;
  let separator = "";
  let wordStart = start;
  let end = firstEnd;
  while (node !== undefined) {
    const word = folded.slice(wordStart, end);
    const clitic = cliticOf(word);
    if (clitic !== null) {
      const named = node.next.get(separator + word.slice(0, -clitic.length))?.named;
      if (named != null) {
        found ??= [];
        found.push({ named, nameEnd: end - clitic.length, wordsEnd: end, clitic });
      }
    }
    node = node.next.get(separator + word);
    if (node === undefined) break;
    if (node.named !== null) {
      found ??= [];
      found.push({ named: node.named, nameEnd: end, wordsEnd: end, clitic: null });
    }
    if (node.next.size === 0) break;
    let next = end;
    while (next < folded.length && !isWordAt(folded, next)) next++;
    if (next >= folded.length) break;
    separator = separatorBetween(folded, end, next);
    wordStart = next;
    end = wordEnd(folded, next);
  }
  return found ?? NONE;
}
