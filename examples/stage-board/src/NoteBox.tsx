// A member's progress note as the worker writes it: other members' names are highlighted as they are typed, and the
// redacted note is previewed. A note about one member must not name another (NASW 1.07; in group work each member's
// record is their own).
import { checkIndividualNote, redactMemberMentions } from "groupwork/confidentiality";
import type { GroupRecord } from "groupwork/model";
import { type ReactNode, useId, useState } from "react";
import { clientsOf } from "./board-data.js";

/** How many problems, and how many pieces of advice, are listed: a note of nothing but names has thousands. */
const SHOWN = 50;

/** The note's text with each mention wrapped in a <mark>. */
function highlighted(text: string, mentions: readonly { start: number; end: number }[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let from = 0;
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    if (mention.start < from) continue;
    parts.push(text.slice(from, mention.start));
    parts.push(<mark key={mention.start}>{text.slice(mention.start, mention.end)}</mark>);
    from = mention.end;
  }
  parts.push(text.slice(from));
  return parts;
}

export function NoteBox({ record }: { readonly record: GroupRecord }) {
  const id = useId();
  // The scanner reads names by their letters and digits; a name with neither cannot be looked for, and the worker
  // must be told the check is incomplete rather than shown a clean result.
  const clients = clientsOf(record);
  const readable = (name: string | undefined) => name === undefined || /[\p{L}\p{N}]/u.test(name);
  const roster = clients.filter((member) => readable(member.displayName) && readable(member.preferredName));
  const unreadable = clients.length - roster.length;
  const [subject, setSubject] = useState(roster[0]?.id ?? "");
  const [text, setText] = useState("");
  const options = { subject };
  const check = subject === "" ? null : checkIndividualNote(text, roster, options);
  const mentions = check?.mentions ?? [];
  const redacted = subject === "" ? text : redactMemberMentions(text, roster, options).text;
  return (
    <section aria-labelledby="note-heading" className="panel">
      <h2 id="note-heading">Progress note</h2>
      <label htmlFor={`${id}-subject`}>The note is about</label>
      <select id={`${id}-subject`} value={subject} onChange={(e) => setSubject(e.currentTarget.value)}>
        {roster.map((member) => (
          <option key={member.id} value={member.id}>
            {member.preferredName ?? member.displayName}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-text`}>Note</label>
      <textarea
        id={`${id}-text`}
        rows={4}
        value={text}
        aria-describedby={`${id}-result`}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      {unreadable > 0 && (
        <p className="problems" data-testid="note-incomplete">
          {unreadable === 1 ? "One member's name has" : `${unreadable} members' names have`} no letter or digit, so the
          note cannot be checked for {unreadable === 1 ? "it" : "them"}: read it for that member yourself.
        </p>
      )}
      <div id={`${id}-result`} aria-live="polite">
        {check === null || text.trim() === "" ? (
          <p>Names of other members are highlighted as you type.</p>
        ) : (
          <>
            {check.ok && <p>No other member is named.</p>}
            {check.problems.length + check.advice.length > 0 && (
              <ul className="problems" data-testid="note-problems">
                {check.problems.slice(0, SHOWN).map((problem) => (
                  <li key={`${problem.code} ${problem.start}`} data-code={problem.code}>
                    {problem.message}
                  </li>
                ))}
                {check.advice.slice(0, SHOWN).map((advice) => (
                  <li key={advice}>{advice}</li>
                ))}
                {(check.problems.length > SHOWN || check.advice.length > SHOWN) && (
                  <li>
                    … and {Math.max(0, check.problems.length - SHOWN) + Math.max(0, check.advice.length - SHOWN)} more.
                  </li>
                )}
              </ul>
            )}
          </>
        )}
      </div>
      {mentions.length > 0 && (
        <>
          <h3>Names found</h3>
          <p className="note-preview" data-testid="note-highlighted">
            {highlighted(text, mentions)}
          </p>
          <h3>Redacted note</h3>
          <p className="note-preview" data-testid="note-redacted">
            {redacted}
          </p>
        </>
      )}
    </section>
  );
}
