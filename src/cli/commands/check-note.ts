// groupwork check-note <note.txt | -> --record <record.json> --member <id> [--redact] [--format text|json]
import { checkIndividualNote, redactMemberMentions } from "../../confidentiality/index.js";
import { type CommandArgs, CommandError, type CommandIo, inputName, paint, readText, writeJson } from "../io.js";
import { loadRecord } from "../records.js";
import { quoted, visible, wrap } from "../text.js";

export async function run({ values, positionals }: CommandArgs, io: CommandIo): Promise<number> {
  const [notePath] = positionals;
  const recordPath = values["record"];
  const subject = values["member"];
  if (typeof recordPath !== "string") throw new CommandError("--record <record.json> is required");
  if (typeof subject !== "string") throw new CommandError("--member <id> is required: the member the note is about");
  if (notePath === "-" && recordPath === "-") throw new CommandError("standard input (-) can be read only once");
  const { record } = await loadRecord(recordPath, io);
  const note = await readText(notePath ?? "-", io, "the note");
  // An empty note names no one, but "no other member is named" would vouch for a note that never arrived (an empty
  // pipe, the wrong file): the check fails closed.
  if (note.trim() === "") {
    throw new CommandError(
      `the note ${inputName(notePath ?? "-")} is empty or only whitespace: there is nothing to check`,
    );
  }

  // The roster is the group's clients: naming a facilitator in a member's note discloses nothing about membership.
  const clientIds = new Set<string>(record.memberships.filter((m) => m.role === "member").map((m) => m.memberId));
  if (!clientIds.has(subject)) {
    throw new CommandError(`--member ${quoted(subject)} is not a client of the group "${record.group.id}"`);
  }
  const roster = record.members.filter((member) => clientIds.has(member.id));
  const check = checkIndividualNote(note, roster, { subject });
  const redacted = values["redact"] === true ? redactMemberMentions(note, roster, { subject }).text : undefined;

  if (values["format"] === "json") {
    writeJson(io, {
      ok: check.ok,
      problems: check.problems,
      advice: check.advice,
      ...(redacted === undefined ? {} : { redacted }),
    });
  } else {
    if (check.ok) io.out(`${paint(io, "green", "No other member is named.")}\n`);
    // The findings quote the note; the redacted note below is the note itself, printed as it is.
    for (const problem of check.problems) io.out(`${wrap(visible(problem.message), 2, "- ")}\n`);
    for (const advice of check.advice) io.out(`${wrap(visible(advice), 2, "- ")}\n`);
    if (redacted !== undefined)
      io.out(`\n${paint(io, "dim", "Redacted note:")}\n${redacted}${redacted.endsWith("\n") ? "" : "\n"}`);
  }
  return check.ok ? 0 : 1;
}
