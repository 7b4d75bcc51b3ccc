// The board's frame: which group record is open (the bundled sample, or one the worker opened), and the board for it.
import { formatIssuePath, type GroupRecord, type GroupRecordIssue, parseGroupRecord } from "groupwork/model";
import { sampleGroupRecord } from "groupwork/sample";
import { useState } from "react";
import { ErrorBoundary } from "./ErrorBoundary.js";
import { GroupBoard } from "./GroupBoard.js";
import { RecordPicker } from "./RecordPicker.js";

interface Opened {
  readonly record: GroupRecord;
  /** Where it came from: "the sample group" or the file's name. */
  readonly source: string;
  /** What parsing it warned about: the record is usable, but the worker should see these. */
  readonly warnings: readonly GroupRecordIssue[];
  /** Counts openings, so opening the same group again starts a new board. */
  readonly opening: number;
}

function openSample(opening: number): Opened {
  const parsed = parseGroupRecord(sampleGroupRecord);
  // The sample is checked by the library's own tests; a failure here is a broken build, not a user's mistake.
  if (!parsed.ok) throw new Error("The bundled sample group record did not parse.");
  return { record: parsed.value, source: "the sample group", warnings: parsed.issues, opening };
}

export function App() {
  const [opened, setOpened] = useState<Opened>(() => openSample(0));
  return (
    <>
      <header className="page-header">
        <h1>{opened.record.group.name}</h1>
        <p className="subtitle">
          Stage board · {opened.record.group.kind.replaceAll("-", " ")} · {opened.record.group.membership} membership ·{" "}
          {opened.record.group.timeZone} · from {opened.source}
        </p>
        <RecordPicker
          onOpen={(record, source, warnings) =>
            setOpened((last) => ({ record, source, warnings, opening: last.opening + 1 }))
          }
          onSample={() => setOpened((last) => openSample(last.opening + 1))}
        />
        {opened.warnings.length > 0 && (
          <details className="warnings">
            <summary>
              {opened.warnings.length} {opened.warnings.length === 1 ? "warning" : "warnings"} about this record
            </summary>
            <ul>
              {opened.warnings.map((issue) => (
                <li key={`${formatIssuePath(issue.path)} ${issue.code}`}>{issue.message}</li>
              ))}
            </ul>
          </details>
        )}
      </header>
      <ErrorBoundary key={opened.opening}>
        <GroupBoard record={opened.record} />
      </ErrorBoundary>
    </>
  );
}
