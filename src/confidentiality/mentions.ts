// Finding other members' names in a note about one member. An individual note never names other members:
// another member's identity is their own confidential information (NASW Code of Ethics 1.07(f), each member's
// right to confidentiality in group work).
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type { MemberId } from "../model/index.js";
import { foldText, isWordAt, originalEnd, wordEnd } from "./fold.js";
import type { FindMemberMentionsOptions, MemberMention, MentionableMember } from "./mention-types.js";
import { commonWordSet, type Match, type NameIndex, nameIndexOf, namesAt } from "./names.js";
import { insideSingleQuotes, startsSentence } from "./sentences.js";

/**
 * The names that are also common English words, by default: Faith, Grace, Hope, Sunny, Will.
 *
 * @example
 * defaultCommonWordNames.includes("Hope")
 * //=> true
 */
export const defaultCommonWordNames: readonly string[] = /* @__PURE__ */ Object.freeze([
  "Faith",
  "Grace",
  "Hope",
  "Sunny",
  "Will",
]);

interface Scan {
  readonly text: string;
  readonly folded: string;
  readonly origin: readonly number[] | null;
  readonly index: NameIndex;
  readonly subject: string;
  readonly strict: boolean;
  readonly common: ReadonlySet<string>;
}

function original(scan: Scan, foldedOffset: number): number {
  return scan.origin === null ? foldedOffset : (scan.origin[foldedOffset] ?? scan.text.length);
}

const CAPITAL = /^[\p{Lu}\p{Lt}]/u;

/** Whether a match may count: names that are common words must look like names (see FindMemberMentionsOptions). */
function looksLikeName(scan: Scan, match: Match, foldedStart: number, possessive: boolean): boolean {
  if (scan.strict || !scan.common.has(match.named.key)) return true;
  const start = original(scan, foldedStart);
  if (!CAPITAL.test(scan.text.slice(start, start + 2))) return false;
  return possessive || !startsSentence(scan.text, start);
}

/** The mention (or the subject's own name) at a word, with where scanning resumes; `null` when no name starts here. */
function mentionAt(
  scan: Scan,
  start: number,
  firstEnd: number,
): { mention: MemberMention | null; resume: number } | null {
  const { folded } = scan;
  const found = namesAt(folded, start, firstEnd, scan.index);
  // The longest name that looks like a name wins ("Hope Martin" over "Hope").
  for (let k = found.length - 1; k >= 0; k--) {
    const match = found[k] as Match; // 0 <= k < found.length
    const possessive =
      match.clitic === "'s" ||
      (match.clitic === null && folded.charCodeAt(match.nameEnd) === 39 && !insideSingleQuotes(folded, start));
    if (!looksLikeName(scan, match, start, possessive)) continue;
    const { kinds, candidates } = match.named;
    // The subject's own name is read as the subject, even where another member shares it.
    if (kinds.has(scan.subject as MemberId)) return { mention: null, resume: match.wordsEnd };
    const only = candidates.length === 1 ? candidates[0] : undefined;
    const from = original(scan, start);
    const to = originalEnd(scan.text, scan.origin, match.nameEnd);
    return {
      mention: {
        start: from,
        end: to,
        text: scan.text.slice(from, to),
        memberId: only?.memberId ?? null,
        matchedAs: only?.matchedAs ?? null,
        candidates,
        possessive,
      },
      resume: match.wordsEnd,
    };
  }
  return null;
}

/**
 * Scans a note in one pass over its folded text; arguments already checked. Each word is looked up once among the
 * names' first words, and only a word that starts a name is read further, so the work grows with the note's length
 * (times the length of the roster's longest name), not with the number of members who share a name.
 */
function scanNote(scan: Scan): MemberMention[] {
  const { folded } = scan;
  const mentions: MemberMention[] = [];
  if (scan.index.root.next.size === 0) return mentions;
  let i = 0;
  while (i < folded.length) {
    if (!isWordAt(folded, i)) {
      i++;
      continue;
    }
    const end = wordEnd(folded, i);
    const at = mentionAt(scan, i, end);
    if (at?.mention) mentions.push(at.mention);
    i = at === null ? end : at.resume;
  }
  return mentions;
}

const OPTION_KEYS: readonly string[] = ["subject", "strict", "commonWordNames"];

/** The options of a scanning function, read once; `replacement` only where `redactMemberMentions` reads it. */
export interface ReadMentionOptions extends FindMemberMentionsOptions {
  readonly replacement?: unknown;
}

/**
 * Reads the options of a scanning function once into a plain copy: a key the function does not read (a misspelt
 * `stict`) is refused, and a getter or a Proxy that throws is a GroupworkError rather than its own exception. Reads
 * `replacement` only when `withReplacement`. Not exported from the package.
 */
export function readMentionOptions(options: unknown, caller: string, withReplacement = false): ReadMentionOptions {
  return readArgument(`${caller}: options`, () => {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new GroupworkError("invalid-argument", `${caller}: options must be an object with a subject.`);
    }
    refuseUnknownKeys(options, withReplacement ? [...OPTION_KEYS, "replacement"] : OPTION_KEYS, `${caller}: options`);
    const { subject, strict, commonWordNames, replacement } = options as ReadMentionOptions;
    return withReplacement ? { subject, strict, commonWordNames, replacement } : { subject, strict, commonWordNames };
  });
}

/** Checks the arguments shared by the scanning functions and scans. Not exported from the package. */
export function scanForMentions(
  text: string,
  roster: readonly MentionableMember[],
  options: FindMemberMentionsOptions,
  caller: string,
): MemberMention[] {
  if (typeof text !== "string") {
    throw new GroupworkError("invalid-argument", `${caller}: text must be a string; got ${describeValue(text)}.`);
  }
  const { subject, strict = false, commonWordNames = defaultCommonWordNames } = readMentionOptions(options, caller);
  if (typeof subject !== "string" || subject === "") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: subject must be the id of the member the note is about; got ${describeValue(subject)}.`,
    );
  }
  if (typeof strict !== "boolean") {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: strict must be true or false; got ${describeValue(strict)}.`,
    );
  }
  const index = nameIndexOf(roster, caller);
  const common = commonWordSet(commonWordNames, caller);
  const { folded, origin } = foldText(text);
  return scanNote({ text, folded, origin, index, subject, strict, common });
}

/**
 * Finds every place a note names a member other than the one it is about.
 *
 * An individual note never names other members; it says "another member" or "a peer" (NASW Code of Ethics
 * 1.07(f)). The scan looks
 * for each member's display name, preferred name and first name, ignoring case and accents ("Sofia" finds "Sofía"; NFKD,
 * combining marks dropped, ł, ø, ß and a few other letters read as their plain forms, invisible characters, control
 * characters and terminal colour codes ignored, so "Wil\u00adliam" and "\u001b[1mWilliam\u001b[0m" find William). Names match whole words
 * only: "Will" is not in "willing", nor "Lena" in "Magdalena", nor "Mary" in "Mary-Jane". Possessives and contractions
 * stay attached ("Will's", "Will’s", "Tom'll"). Where names overlap the longest wins ("Hope Martin" over "Hope"), and
 * the subject's own names are never mentions, even when another member shares them.
 *
 * Names that are also common words (Hope, Will, Grace, Faith, Sunny) count only where they look like names: capitalised
 * and not the first word of a sentence, or capitalised and possessive; `strict` counts them everywhere. All-capital
 * text counts as capitalised, so the check errs towards a false alarm there.
 *
 * The roster's names are indexed once per roster array and reused while its members' ids and names are unchanged, so
 * scanning many notes costs one pass over each note.
 *
 * @param text - the note, as written
 * @param roster - the people whose names must not appear: usually the group's members, without the facilitators
 * @param options - whose note it is (`subject`), and how to treat names that are common words
 * @returns the mentions, sorted by position; none when the note keeps to "another member"
 * @throws {GroupworkError} `invalid-argument` when `text` is not a string, `options` is not an object, holds a key
 *   other than `subject`, `strict` and `commonWordNames`, or cannot be read, `subject` is not an id, `strict` is
 *   not a boolean, or a member or a common-word name has no letters to search for
 * @example
 * const roster = [
 *   { id: "m-hope", displayName: "Hope Martin" },
 *   { id: "m-will", displayName: "William Chen", preferredName: "Will" },
 *   { id: "m-sofia", displayName: "Sofía Márquez" },
 * ];
 * findMemberMentions("Hope said Will's mother and sofia came; we will meet.", roster, { subject: "m-hope" })
 *   .map((mention) => [mention.text, mention.memberId, mention.matchedAs])
 * //=> [["Will", "m-will", "preferred-name"], ["sofia", "m-sofia", "first-name"]]
 */
export function findMemberMentions(
  text: string,
  roster: readonly MentionableMember[],
  options: FindMemberMentionsOptions,
): MemberMention[] {
  return scanForMentions(text, roster, options, "findMemberMentions");
}
