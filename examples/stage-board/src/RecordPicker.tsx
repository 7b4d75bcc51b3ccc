// Opens a group record from a JSON file (chosen or dropped), checked with parseGroupRecord: every problem is listed.
import { formatIssuePath, type GroupRecord, type GroupRecordIssue, parseGroupRecord } from "groupwork/model";
import { type DragEvent, useId, useRef, useState } from "react";

interface Props {
  /** A usable record, with the warnings parsing it gave (shown by the board, never dropped). */
  readonly onOpen: (record: GroupRecord, source: string, warnings: readonly GroupRecordIssue[]) => void;
  readonly onSample: () => void;
}

type Problems = {
  readonly summary: string;
  readonly issues: readonly Pick<GroupRecordIssue, "code" | "message" | "path">[];
};

function refused(file: File, code: GroupRecordIssue["code"], message: string): Problems {
  return { summary: `${file.name} is not a usable group record`, issues: [{ code, path: [], message }] };
}

type Usable = { readonly record: GroupRecord; readonly warnings: readonly GroupRecordIssue[] };

async function readRecord(file: File): Promise<Usable | Problems> {
  let text: string;
  try {
    // Strict UTF-8: read loosely, a damaged byte would change a client's name without a word.
    text = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return refused(file, "invalid-format", "The file is not UTF-8 text.");
  }
  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch {
    // The parser's message can quote the file, which may hold a client's details: say only where the problem is.
    return refused(file, "invalid-format", "The file is not JSON.");
  }
  const parsed = parseGroupRecord(input);
  if (!parsed.ok) {
    const errors = parsed.issues.filter((issue) => issue.severity === "error");
    return { summary: `${file.name} is not a usable group record`, issues: errors };
  }
  return { record: parsed.value, warnings: parsed.issues };
}

export function RecordPicker({ onOpen, onSample }: Props) {
  const inputId = useId();
  const [problems, setProblems] = useState<Problems | null>(null);
  const [dragging, setDragging] = useState(false);
  // Files are read one at a time but finish in any order: only the file chosen last may open.
  const latest = useRef(0);

  async function open(files: FileList | null | undefined) {
    if (files === null || files === undefined || files.length === 0) return;
    const ticket = ++latest.current;
    const [file, ...others] = files;
    if (file === undefined || others.length > 0) {
      const names = [...files].map((each) => each.name).join(", ");
      const message = `Open one file at a time: ${files.length} were given (${names}).`;
      setProblems({ summary: "Nothing was opened", issues: [{ code: "invalid-shape", path: [], message }] });
      return;
    }
    const result = await readRecord(file);
    if (ticket !== latest.current) return;
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
    void open(event.dataTransfer.files);
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
        onChange={(event) => {
          void open(event.currentTarget.files);
          // Choosing the same file again, after fixing it, must be read again.
          event.currentTarget.value = "";
        }}
      />
      <button type="button" onClick={onSample}>
        Back to the sample group
      </button>
      {problems !== null && (
        <div role="alert" className="problems">
          <p>
            {problems.summary}: {problems.issues.length} {problems.issues.length === 1 ? "problem" : "problems"}.
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
