// Rewriting a note so it names no other member: each mention becomes "another member" (NASW Code of
// Ethics 1.07(f)).
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { withoutControlSequences } from "./fold.js";
import type { FindMemberMentionsOptions, MemberMention, MentionableMember } from "./mention-types.js";
import { readMentionOptions, scanForMentions } from "./mentions.js";
import { startsSentence } from "./sentences.js";

/**
 * Options of {@link redactMemberMentions}: those of `findMemberMentions`, and what to write instead of a name.
 *
 * @example
 * const roster = [{ id: "m-hope", displayName: "Hope Lindqvist" }, { id: "m-grace", displayName: "Grace O'Neill" }];
 * redactMemberMentions("Hope sat with Grace's daughter at the break.", roster, { subject: "m-hope", replacement: "a peer" }).text
 * //=> "Hope sat with a peer's daughter at the break."
 */
export interface RedactMemberMentionsOptions extends FindMemberMentionsOptions {
  /**
   * What replaces each name; default `"another member"`. It is capitalised at the start of a sentence and written in
   * capitals where the name was ("WILL" becomes "ANOTHER MEMBER"). It must not itself be a member's name.
   */
  readonly replacement?: string;
}

/**
 * A note with other members' names replaced; made by {@link redactMemberMentions}.
 *
 * @example
 * const roster = [
 *   { id: "m-lena", displayName: "Lena Hoffmann" },
 *   { id: "m-tomasz", displayName: "Tomasz Wójcik", preferredName: "Tom" },
 *   { id: "m-jamal", displayName: "Jamal Price" },
 * ];
 * const redaction = redactMemberMentions("Lena and Tom talked about Jamal leaving the group.", roster, { subject: "m-lena" });
 * // The offsets point into the note as written, so a reviewer can see what was taken out.
 * [redaction.text, redaction.replaced.map((mention) => [mention.text, mention.start, mention.end])]
 * //=> ["Lena and another member talked about another member leaving the group.", [["Tom", 9, 12], ["Jamal", 26, 31]]]
 */
export interface MemberMentionRedaction {
  /** The note with every mention replaced. */
  readonly text: string;
  /** What was replaced, sorted by position, with offsets into the original note. */
  readonly replaced: readonly MemberMention[];
}

const APOSTROPHES = "'\u2019\u2018\u02bc";

/** The replacement for one mention, fitted to where it stands: possessive, sentence start, capitals. */
function replacementFor(text: string, mention: MemberMention, replacement: string): { end: number; with: string } {
  const after = text[mention.end] ?? "";
  // "Will's" keeps its "'s"; a bare possessive apostrophe ("Jamal' car") becomes "another member's car".
  const barePossessive =
    mention.possessive && APOSTROPHES.includes(after) && (text[mention.end + 1] ?? "").toLowerCase() !== "s";
  let written = barePossessive ? `${replacement}${after}s` : replacement;
  // The letters of the name as written: a colour code inside it ("WIL\u001b[1mLIAM") is not one of them.
  const letters = withoutControlSequences(mention.text).replace(/[^\p{L}]/gu, "");
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) {
    written = written.toUpperCase();
  } else if (startsSentence(text, mention.start)) {
    written = written.charAt(0).toUpperCase() + written.slice(1);
  }
  return { end: barePossessive ? mention.end + 1 : mention.end, with: written };
}

/**
 * Replaces every mention of a member other than the subject with "another member", keeping the sentence readable.
 *
 * Mentions are found as {@link findMemberMentions} finds them. A possessive stays one ("Will's" becomes "another
 * member's", and so does "Jamal' car"), a name that opens a sentence gives "Another member", and a name in capitals
 * gives "ANOTHER MEMBER". Scanning the result again finds no mention, as long as the replacement names nobody.
 *
 * @param text - the note, as written
 * @param roster - the people whose names must not appear: usually the group's members, without the facilitators
 * @param options - whose note it is (`subject`), what to write instead (`replacement`), and how to treat names that
 *   are common words (`strict`, `commonWordNames`)
 * @returns the rewritten note and what was replaced
 * @throws {GroupworkError} `invalid-argument` for the arguments `findMemberMentions` refuses (an options key other
 *   than those and `replacement` included), or a `replacement` that is not some text
 * @example
 * const roster = [
 *   { id: "m-hope", displayName: "Hope Martin" },
 *   { id: "m-will", displayName: "William Chen", preferredName: "Will" },
 * ];
 * redactMemberMentions("Will's story moved her. She sat next to William Chen.", roster, { subject: "m-hope" }).text
 * //=> "Another member's story moved her. She sat next to another member."
 */
export function redactMemberMentions(
  text: string,
  roster: readonly MentionableMember[],
  options: RedactMemberMentionsOptions,
): MemberMentionRedaction {
  const { replacement, ...scanOptions } = readMentionOptions(options, "redactMemberMentions", true);
  if (replacement !== undefined && (typeof replacement !== "string" || replacement.trim() === "")) {
    throw new GroupworkError(
      "invalid-argument",
      `redactMemberMentions: replacement must be some text, such as "a peer"; got ${describeValue(replacement)}.`,
    );
  }
  const replaced = scanForMentions(text, roster, scanOptions, "redactMemberMentions");
  let written = "";
  let from = 0;
  for (const mention of replaced) {
    const { end, with: instead } = replacementFor(text, mention, replacement ?? "another member");
    written += text.slice(from, mention.start) + instead;
    from = end;
  }
  return { text: written + text.slice(from), replaced };
}
