// The boundary an individual note must keep: it names no other member, because another member's
// identity is their own confidential information (NASW Code of Ethics 1.07(f)).
import type { MemberId } from "../model/index.js";
import type { FindMemberMentionsOptions, MemberMention, MentionableMember, MentionCandidate } from "./mention-types.js";
import { readMentionOptions, scanForMentions } from "./mentions.js";

/**
 * Options of {@link checkIndividualNote}: whose note it is (`subject`, the member's id) and how to treat names that
 * are also common words; the same as `findMemberMentions` and `redactMemberMentions` take.
 *
 * @example
 * const roster = [{ id: "m-lena", displayName: "Lena Hoffmann" }, { id: "m-will", displayName: "William Chen", preferredName: "Will" }];
 * const note = "Lena said she will try the walk with her daughter.";
 * // Outside strict mode "will" is a verb; strict mode counts it as Will, for a note where a missed name costs more.
 * [checkIndividualNote(note, roster, { subject: "m-lena" }).ok, checkIndividualNote(note, roster, { subject: "m-lena", strict: true }).ok]
 * //=> [true, false]
 */
export type CheckIndividualNoteOptions = FindMemberMentionsOptions;

/**
 * One way a note crosses the boundary, with a sentence a social worker can act on.
 *
 * @example
 * const memberIds = sampleGroupRecord.memberships.filter((membership) => membership.role === "member").map((membership) => membership.memberId);
 * const roster = sampleGroupRecord.members.filter((member) => memberIds.includes(member.id));
 * checkIndividualNote("Lena cried when Hope spoke of her husband.", roster, { subject: "m-lena" }).problems
 * //=> [{
 *   code: "names-another-member",
 *   start: 16,
 *   end: 20,
 *   memberIds: ["m-hope"],
 *   message: '"Hope" at 16–20 names another member (m-hope); an individual note refers to other members only as ' +
 *     '"another member" or "a peer".',
 * }]
 */
export interface IndividualNoteProblem {
  /** Stable reason: the note names a member other than the one it is about. */
  readonly code: "names-another-member";
  /** Where the name starts in the note (a UTF-16 offset). */
  readonly start: number;
  /** Where the name ends in the note. */
  readonly end: number;
  /** The members the name may refer to, sorted. */
  readonly memberIds: readonly MemberId[];
  /** What is wrong and what to write instead. */
  readonly message: string;
}

/**
 * Whether an individual note keeps to its subject; made by {@link checkIndividualNote}.
 *
 * @example
 * const roster = [{ id: "m-hope", displayName: "Hope Martin" }, { id: "m-jamal", displayName: "Jamal Price" }];
 * const check = checkIndividualNote("Jamal spoke after another member.", roster, { subject: "m-jamal" });
 * [check.ok, check.problems.length, check.advice.length]
 * //=> [true, 0, 0]
 */
export interface IndividualNoteCheck {
  /** `true` when the note names no member other than its subject. */
  readonly ok: boolean;
  /** Every mention of another member, sorted by position (as `findMemberMentions` returns them). */
  readonly mentions: readonly MemberMention[];
  /** One problem per mention, in the same order. */
  readonly problems: readonly IndividualNoteProblem[];
  /**
   * Sentences for names the check could not be sure of: a name the subject shares with another member (read as the
   * subject), and, outside strict mode, a capitalised name that is also a common word where it opens a sentence
   * ("Hope was quiet."). The writer should make sure they do not mean another member. Advice never makes the check
   * fail.
   */
  readonly advice: readonly string[];
}

// Not an id any roster holds: scanning with it as the subject reports the subject's own names too.
const NOBODY = "\u0000nobody";

// A sentence names at most this many members, then counts the rest: a name that hundreds of members share would
// otherwise make every sentence about it as long as the roster.
const LISTED = 5;

/**
 * "a, b and c", or "a, b, c, d, e and 7 other members" past LISTED + 1 ids (six are listed, not five and "1 other");
 * `ids` holds at least the first LISTED + 1 of them, `count` says how many there are in all.
 */
function listIds(ids: readonly string[], count: number = ids.length): string {
  if (count > LISTED + 1) return `${ids.slice(0, LISTED).join(", ")} and ${count - LISTED} other members`;
  return ids.length <= 2 ? ids.join(" and ") : `${ids.slice(0, -1).join(", ")} and ${ids.at(-1)}`;
}

function problemOf(mention: MemberMention, memberIds: readonly MemberId[]): IndividualNoteProblem {
  const who =
    mention.memberId === null
      ? `is the name of members ${listIds(memberIds)}`
      : `names another member (${mention.memberId})`;
  return {
    code: "names-another-member",
    start: mention.start,
    end: mention.end,
    memberIds,
    message:
      `"${mention.text}" at ${mention.start}–${mention.end} ${who}; an individual note refers to other ` +
      `members only as "another member" or "a peer".`,
  };
}

/** Whether a member is among candidates sorted by id: a binary search, so a name many members share costs little. */
function hasCandidate(candidates: readonly MentionCandidate[], memberId: string): boolean {
  let low = 0;
  let high = candidates.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const id = candidates[middle]?.memberId ?? "";
    if (id === memberId) return true;
    if (id < memberId) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** The advice for a name the subject shares with other members, or `null` when the subject does not share it. */
function sharedNameAdvice(mention: MemberMention, subject: string): string | null {
  const { candidates } = mention;
  if (candidates.length < 2 || !hasCandidate(candidates, subject)) return null;
  const others = candidates
    .slice(0, LISTED + 2)
    .map((candidate) => candidate.memberId)
    .filter((id) => id !== subject)
    .slice(0, LISTED + 1);
  return (
    `"${mention.text}" at ${mention.start}–${mention.end} is read as ${subject}, who shares the name with ` +
    `${listIds(others, candidates.length - 1)}; if it means another member, write "another member".`
  );
}

/**
 * Checks the boundary an individual note must keep: it names no member other than the one it is about.
 *
 * An individual note goes in one member's record, which that member may read and others may receive; another
 * member's name in it discloses that person's membership (NASW Code of Ethics 1.07(f)), so it says "another member"
 * or "a peer". Names are found
 * as {@link findMemberMentions} finds them; each mention is a problem with a sentence saying where it is and what to
 * write instead. Use {@link redactMemberMentions} to rewrite the note.
 *
 * @param text - the note, as written
 * @param roster - the people whose names must not appear: usually the group's members, without the facilitators
 * @param options - whose note it is (`subject`, the id of the member the note is about), and how to treat names
 *   that are also common words (`strict`, `commonWordNames`)
 * @returns whether the note is fine, its mentions, a problem per mention, and advice about names the subject shares
 * @throws {GroupworkError} `invalid-argument` for the arguments `findMemberMentions` refuses (an options key other
 *   than `subject`, `strict` and `commonWordNames` included)
 * @example
 * const roster = [
 *   { id: "m-hope", displayName: "Hope Martin" },
 *   { id: "m-jamal", displayName: "Jamal Price" },
 * ];
 * checkIndividualNote("Hope spoke after Jamal did.", roster, { subject: "m-hope" }).problems.map((problem) => problem.message)
 * //=> [
 *   '"Jamal" at 17–22 names another member (m-jamal); an individual note refers to other members only as ' +
 *     '"another member" or "a peer".',
 * ]
 */
export function checkIndividualNote(
  text: string,
  roster: readonly MentionableMember[],
  options: CheckIndividualNoteOptions,
): IndividualNoteCheck {
  // Read once, so each scan sees the same options; the first scan checks them, the subject among them.
  const read = readMentionOptions(options, "checkIndividualNote");
  const mentions = scanForMentions(text, roster, read, "checkIndividualNote");
  const subject = read.subject;
  const advice: string[] = [];
  for (const mention of scanForMentions(text, roster, { ...read, subject: NOBODY }, "checkIndividualNote")) {
    const sentence = sharedNameAdvice(mention, subject);
    if (sentence !== null) advice.push(sentence);
  }
  if (read.strict !== true) {
    // A common-word name that opens a sentence is not counted outside strict mode, but it may well be a member:
    // say so, so the writer looks (NASW 1.07(f): a missed name costs the other member more than a second look).
    const counted = new Set(mentions.map((mention) => mention.start));
    for (const mention of scanForMentions(text, roster, { ...read, strict: true }, "checkIndividualNote")) {
      const first = mention.text.charAt(0);
      if (counted.has(mention.start) || first === first.toLowerCase()) continue;
      const ids = listIds(
        mention.candidates.slice(0, LISTED + 1).map((candidate) => candidate.memberId),
        mention.candidates.length,
      );
      advice.push(
        `"${mention.text}" at ${mention.start}–${mention.end} opens a sentence and may be the name of ${ids}; ` +
          `if it means another member, write "another member".`,
      );
    }
  }
  // Mentions of one name share its candidates: their ids are listed once per name, not once per mention.
  const idsOf = new Map<readonly MentionCandidate[], readonly MemberId[]>();
  const problems = mentions.map((mention) => {
    let memberIds = idsOf.get(mention.candidates);
    if (memberIds === undefined) {
      memberIds = Object.freeze(mention.candidates.map((candidate) => candidate.memberId));
      idsOf.set(mention.candidates, memberIds);
    }
    return problemOf(mention, memberIds);
  });
  return { ok: mentions.length === 0, mentions, problems, advice };
}
