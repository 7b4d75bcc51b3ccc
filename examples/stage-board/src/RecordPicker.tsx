// Opens a group record from a JSON file (chosen or dropped), checked with parseGroupRecord: every problem is listed.
import { formatIssuePath, type GroupRecord, type GroupRecordIssue, parseGroupRecord } from "groupwork/model";
import { type DragEvent, useId, useState } from "react";

interface Props {
  /** A usable record, with the warnings parsing it gave (shown by the board, never dropped). */
  readonly onOpen: (record: GroupRecord, source: string, warnings: readonly GroupRecordIssue[]) => void;
  readonly onSample: () => void;
}

type Problems = {
  readonly file: string;
  readonly issues: readonly Pick<GroupRecordIssue, "code" | "message" | "path">[];
};

type Usable = { readonly record: GroupRecord; readonly warnings: readonly GroupRecordIssue[] };

async function readRecord(file: File): Promise<Usable | Problems> {
  let input: unknown;
  try {
    input = JSON.parse(await file.text());
  } catch {
    // The parser's message can quote the file, which may hold a client's details: say only where the problem is.
    return { file: file.name, issues: [{ code: "invalid-format", path: [], message: "The file is not JSON." }] };
  }
  const parsed = parseGroupRecord(input);
  if (!parsed.ok) return { file: file.name, issues: parsed.issues.filter((issue) => issue.severity === "error") };
  return { record: parsed.value, warnings: parsed.issues };
}

export function RecordPicker({ onOpen, onSample }: Props) {
  const inputId = useId();
  const [problems, setProblems] = useState<Problems | null>(null);
  const [dragging, setDragging] = useState(false);

  async function open(file: File | undefined) {
    if (file === undefined) return;
    const result = await readRecord(file);
    if ("record" in result) {
      setProblems(null);
      onOpen(result.record, file.name, result.warnings);
    } else {
      setProblems(result);
    }
  }

  function onDrop(event: DragEvent<HTMLElement>) {
    event.preventDefault();
    setDragging(false);
    void open(event.dataTransfer.files[0]);
  }

  return (
    <section
      className={dragging ? "record-picker dragging" : "record-picker"}
      aria-label="Open a group record"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <label htmlFor={inputId}>Open a group record (JSON), or drop one here</label>
      <input
        id={inputId}
        type="file"
        accept=".json,application/json"
        onChange={(event) => void open(event.currentTarget.files?.[0])}
      />
      <button type="button" onClick={onSample}>
        Back to the sample group
      </button>
      {problems !== null && (
        <div role="alert" className="problems">
          <p>
            {problems.file} is not a usable group record: {problems.issues.length}{" "}
            {problems.issues.length === 1 ? "problem" : "problems"}.
          </p>
          <ul>
            {problems.issues.map((issue, index) => (
              // Issues have no id of their own; their order is the parser's and does not change while shown.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index} data-path={formatIssuePath(issue.path)} data-code={issue.code}>
                {issue.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
