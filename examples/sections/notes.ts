// An individual note on the bundled sample group: a worker's note about Lena that names other members, checked against
// the boundary an individual note must keep and then redacted. Uses only the public API.
import { checkIndividualNote, type GroupRecord, redactMemberMentions } from "groupwork";

/**
 * Checks an individual note about one sample member that names others, prints each problem, and prints the note
 * redacted to "another member".
 *
 * @param record - the parsed sample group record
 */
export function showNoteCheck(record: GroupRecord): void {
  // The names that must stay out of a member's record are the other members'; the facilitators write the notes.
  const clientIds = new Set(
    record.memberships.filter((membership) => membership.role === "member").map((membership) => membership.memberId),
  );
  const roster = record.members.filter((member) => clientIds.has(member.id));
  const subject = "m-lena";
  const note = [
    "Lena spoke about the last months of her husband's illness and was tearful but steady.",
    "She said Will's question about anger stayed with her all week, and that Sofia and Tom walked her to her car.",
    "Hope was quiet today; we will follow up about the hearing loop before next session.",
  ].join(" ");

  console.log("\nAn individual note (Lena Hoffmann)");
  console.log(`  ${note}`);
  const check = checkIndividualNote(note, roster, { subject });
  console.log(check.ok ? "  Keeps to its subject." : `  Names other members ${check.problems.length} times:`);
  for (const problem of check.problems) console.log(`  - ${problem.message}`);
  // "Hope was quiet" opens a sentence, so the common word is not counted as a name, but the advice asks the writer to
  // look; "we will" is lower case and passes. Strict mode flags every occurrence, for agencies that prefer a false
  // alarm to a missed name.
  for (const advice of check.advice) console.log(`  Look again: ${advice}`);
  const strict = checkIndividualNote(note, roster, { subject, strict: true });
  const added = strict.mentions.filter((mention) => !check.mentions.some((found) => found.start === mention.start));
  console.log(`  Strict mode also flags: ${added.map((mention) => `"${mention.text}"`).join(", ")}.`);

  const redacted = redactMemberMentions(note, roster, { subject });
  console.log("\nThe same note, redacted");
  console.log(`  ${redacted.text}`);
}
