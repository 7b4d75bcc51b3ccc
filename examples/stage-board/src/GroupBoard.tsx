// One group's board: its stage (kept by the library's machine, run as an actor), and what its record says about
// attendance, participation and notes.
import type { GroupRecord } from "groupwork/model";
import {
  replayStageEvents,
  type StageModel,
  type StageRestoreIssue,
  type StageSnapshot,
  stageModels,
} from "groupwork/stages";
import { useState } from "react";
import { AttendanceGrid } from "./AttendanceGrid.js";
import { stageStart } from "./board-data.js";
import { EqualityChart } from "./EqualityChart.js";
import { NoteBox } from "./NoteBox.js";
import { StageWorkspace } from "./StageWorkspace.js";
import { forgetStoredStage, notStored, readStoredStage, writeStoredStage } from "./storage.js";

/** Where the stage machine starts from, and what the board tells the worker about it. */
export interface StageOrigin {
  /** A snapshot to resume, or none to start the group at its first session. */
  readonly snapshot: StageSnapshot | null;
  /** Why a stored snapshot was not used, when it was refused. */
  readonly refused: readonly Pick<StageRestoreIssue, "code" | "message" | "path">[] | null;
  readonly note: string;
  /** Counts restarts, so each one runs a new actor. */
  readonly generation: number;
}

function storedOrigin(model: StageModel, record: GroupRecord): StageOrigin {
  const stored = readStoredStage(localStorage, model, record.group.id);
  if (stored.kind === "restored") {
    return { snapshot: stored.snapshot, refused: null, note: "Restored from this browser's storage.", generation: 0 };
  }
  if (stored.kind === "refused") {
    return { snapshot: null, refused: stored.issues, note: "Started at the first session.", generation: 0 };
  }
  return { snapshot: null, refused: null, note: "Started at the first session.", generation: 0 };
}

export function GroupBoard({ record }: { readonly record: GroupRecord }) {
  const model = stageModels[record.group.stageModel];
  return (
    <main>
      {model === undefined ? (
        <section aria-labelledby="stage-heading" className="panel">
          <h2 id="stage-heading">Stage</h2>
          <p role="alert">
            This record names the stage model “{record.group.stageModel}”, which the library does not ship, so the board
            cannot show its stage. An agency with a model of its own (made with defineStageModel) looks it up where this
            board looks up the library's.
          </p>
        </section>
      ) : (
        <StageSection model={model} record={record} />
      )}
      <NoteBox record={record} />
      <AttendanceGrid record={record} />
      <EqualityChart record={record} />
    </main>
  );
}

function StageSection({ model, record }: { readonly model: StageModel; readonly record: GroupRecord }) {
  const [origin, setOrigin] = useState<StageOrigin>(() => storedOrigin(model, record));
  const groupId = record.group.id;

  function startOver() {
    forgetStoredStage(localStorage, groupId);
    setOrigin((last) => ({ snapshot: null, refused: null, note: "Started again.", generation: last.generation + 1 }));
  }

  function replayLog() {
    const replay = replayStageEvents(model, stageStart(record), record.stageEvents);
    const stored = writeStoredStage(localStorage, groupId, replay.snapshot);
    const replayed = replay.ok
      ? `Replayed the record's stage log: ${record.stageEvents.length} events.`
      : `Replayed the record's stage log up to event ${replay.index + 1}, which was refused: ${replay.blockedBy
          .map((reason) => reason.message)
          .join(" ")}`;
    const note = stored ? replayed : `${replayed} ${notStored}`;
    setOrigin((last) => ({ snapshot: replay.snapshot, refused: null, note, generation: last.generation + 1 }));
  }

  return (
    <>
      {origin.refused !== null && (
        <section role="alert" aria-labelledby="refused-heading" className="panel problems">
          <h2 id="refused-heading">The stored stage snapshot was refused</h2>
          <p>
            The snapshot this browser kept for the group did not pass the library's checks, so the board did not use it
            and started the group at its first session. It stays stored until you record an event or start again.
          </p>
          <ul>
            {origin.refused.map((issue) => (
              <li key={`${issue.path.join(".")} ${issue.code}`}>
                <code>{issue.code}</code> {issue.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <StageWorkspace
        key={origin.generation}
        model={model}
        record={record}
        origin={origin}
        onStartOver={startOver}
        onReplayLog={replayLog}
      />
    </>
  );
}
