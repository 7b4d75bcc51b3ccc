// The types of note mention scanning: what the scanner reads of a member, what it finds, and its options. A leaf:
// mentions.ts, names.ts, note-check.ts and redact.ts all read them, and it reads none of them.
import type { GroupRecordInput, MemberId } from "../model/index.js";

/**
 * How a note names a member: by the whole display name, by the name they asked to be called, or by the first word of
 * the display name.
 *
 * @example
 * const roster = [{ id: "m-will", displayName: "William Chen", preferredName: "Will" }, { id: "m-lena", displayName: "Lena Hoffmann" }];
 * findMemberMentions("William Chen spoke first; later Will cried, and William thanked the group.", roster, { subject: "m-lena" })
 *   .map((mention) => mention.matchedAs)
 * //=> ["display-name", "preferred-name", "first-name"]
 */
export type MentionKind = "display-name" | "preferred-name" | "first-name";

/**
 * What the scanner reads of a member: the id and the names to look for, as the model's `Member` reads on the wire
 * (the id a plain string). A parsed `Member` is one, and so is a host's own member.
 *
 * The names searched are the display name ("William Chen"), the preferred name ("Will") and the first name, the first
 * word of the display name ("William"; not a lone initial). Family names on their own are not searched.
 *
 * @example
 * // The group's members as the host sends them (pronouns and all), without the facilitators.
 * const memberIds = sampleGroupRecord.memberships.filter((membership) => membership.role === "member").map((membership) => membership.memberId);
 * const roster = sampleGroupRecord.members.filter((member) => memberIds.includes(member.id));
 * findMemberMentions("Lena sat by the hearing loop with Tom and Dana.", roster, { subject: "m-lena" })
 *   .map((mention) => [mention.text, mention.memberId, mention.matchedAs])
 * //=> [["Tom", "m-tomasz", "preferred-name"]]
 */
export type MentionableMember = Pick<
  NonNullable<GroupRecordInput["members"]>[number],
  "id" | "displayName" | "preferredName"
>;

/**
 * One member a mention may refer to, with the name of theirs it matched.
 *
 * @example
 * // Two members answer to "Sam": the note names a member either way, and both are candidates.
 * const roster = [
 *   { id: "m-sam-ortiz", displayName: "Sam Ortiz" },
 *   { id: "m-sam-lee", displayName: "Samantha Lee", preferredName: "Sam" },
 *   { id: "m-hope", displayName: "Hope Lindqvist" },
 * ];
 * const [mention] = findMemberMentions("Hope laughed when Sam brought photos of the garden.", roster, { subject: "m-hope" });
 * [mention?.memberId, mention?.candidates]
 * //=> [null, [{ memberId: "m-sam-lee", matchedAs: "preferred-name" }, { memberId: "m-sam-ortiz", matchedAs: "first-name" }]]
 */
export interface MentionCandidate {
  /** The member's id. */
  readonly memberId: MemberId;
  /** Which of the member's names the text matched. */
  readonly matchedAs: MentionKind;
}

/**
 * A place where a note names a member other than its subject; found by {@link findMemberMentions}.
 *
 * When the name belongs to two or more members (two Sams), `memberId` and `matchedAs` are `null` and `candidates`
 * lists each of them: the scanner cannot tell which one the writer meant, and either way the note names a member.
 *
 * @example
 * const roster = [{ id: "m-hope", displayName: "Hope Martin" }, { id: "m-jamal", displayName: "Jamal Price" }];
 * const [mention] = findMemberMentions("Hope sat next to Jamal's chair.", roster, { subject: "m-hope" });
 * [mention?.text, mention?.start, mention?.end, mention?.memberId, mention?.possessive]
 * //=> ["Jamal", 17, 22, "m-jamal", true]
 */
export interface MemberMention {
  /**
   * Where the name starts in the original text (a UTF-16 offset, as `String.prototype.slice` counts): at its first
   * letter or digit, after any invisible characters, control characters or terminal colour codes before it.
   */
  readonly start: number;
  /**
   * Where the name ends in the original text; `text.slice(start, end)` is the name as written, accents included, with
   * whatever invisible characters, control characters or colour codes stand inside it ("Wil\u00adliam") and none of
   * those after it (the reset of "\u001b[1mWill\u001b[0m").
   */
  readonly end: number;
  /** The name as written in the note; a possessive ending ("'s") is not part of it. */
  readonly text: string;
  /** The member named, or `null` when the name belongs to more than one member (see `candidates`). */
  readonly memberId: MemberId | null;
  /** Which of the member's names the text matched, or `null` when the name belongs to more than one member. */
  readonly matchedAs: MentionKind | null;
  /** Every member the name may refer to, sorted by id: one, or several when members share the name. */
  readonly candidates: readonly MentionCandidate[];
  /** Whether the name is followed by a possessive ending: "Will's", "Will’s", or a bare apostrophe ("Jamal' car"). */
  readonly possessive: boolean;
}

/**
 * Options of {@link findMemberMentions}.
 *
 * @example
 * const roster = [{ id: "m-jamal", displayName: "Jamal Price" }, { id: "m-will", displayName: "William Ortiz", preferredName: "Will" }];
 * [
 *   findMemberMentions("We will ask.", roster, { subject: "m-jamal" }).length,
 *   findMemberMentions("We will ask.", roster, { subject: "m-jamal", strict: true }).length,
 * ]
 * //=> [0, 1]
 */
export interface FindMemberMentionsOptions {
  /** The id of the member the note is about: their own names are never mentions. */
  readonly subject: string;
  /**
   * When `true`, names that are also common words (see `commonWordNames`) count wherever they appear, in any case and
   * at the start of a sentence: "we will meet" names Will. Use it where a missed name costs more than a false alarm.
   * Default `false`.
   */
  readonly strict?: boolean | undefined;
  /**
   * Names that are also common words: outside strict mode they count only when capitalised and not the first word of a
   * sentence ("she said Hope left early", not "Hope was quiet" or "we hope"), or when capitalised and possessive
   * ("Hope's"). Replaces the default, `defaultCommonWordNames`; spread that to extend it.
   */
  readonly commonWordNames?: readonly string[] | undefined;
}
