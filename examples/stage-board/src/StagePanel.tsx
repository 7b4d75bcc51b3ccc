// Where the group stands: its stage, how long it has been there, and the stage's guidance for the worker.
import { closedStage, type StageModel, type StageSnapshot, stageGuidance, timeInStage } from "groupwork/stages";
import { stageLabel } from "./board-data.js";

interface Props {
  readonly model: StageModel;
  readonly snapshot: StageSnapshot;
  readonly timeZone: string;
  readonly status: string;
  readonly logLength: number;
  readonly onStartOver: () => void;
  readonly onReplayLog: () => void;
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function StagePanel({ model, snapshot, timeZone, status, logLength, onStartOver, onReplayLog }: Props) {
  const stage = String(snapshot.value);
  const { lastEventAt } = snapshot.context;
  // Time in stage runs to now; a log dated ahead of this machine's clock is read up to its last event.
  const at = Date.now() > Date.parse(lastEventAt) ? new Date() : lastEventAt;
  const stay = timeInStage(snapshot, at, { timeZone });
  const guidance = stage === closedStage ? null : stageGuidance(model, stage);
  return (
    <section aria-labelledby="stage-heading" className="panel stage-panel">
      <h2 id="stage-heading">
        Stage: <span data-testid="current-stage">{stageLabel(model, stage)}</span>
      </h2>
      <p>
        {guidance === null
          ? `The group's record is closed (${model.name}).`
          : `Stage ${guidance.position} of ${guidance.stageCount} in ${model.name}.`}{" "}
        Since {stay.enteredOn}: {plural(stay.days, "day", "days")}, {plural(stay.sessions, "session", "sessions")} held
        in this stage; {plural(snapshot.context.sessionsTotal, "session", "sessions")} in all.
        {snapshot.context.outcome !== null && ` Outcome: ${snapshot.context.outcome.replace("-", " ")}.`}
      </p>
      <p role="status" className="status">
        {status}
      </p>
      <div className="actions">
        <button type="button" onClick={onStartOver}>
          Start again at the first session
        </button>
        <button type="button" onClick={onReplayLog}>
          Replay the record's stage log ({plural(logLength, "event", "events")})
        </button>
      </div>
      {guidance !== null && (
        <>
          <p className="summary">{guidance.summary}</p>
          <div className="guidance">
            <GuidanceList title="What the worker does" items={guidance.workerTasks} />
            <GuidanceList title="Techniques" items={guidance.techniques} />
            <GuidanceList title="Watch for" items={guidance.watchFor} />
          </div>
        </>
      )}
      {snapshot.context.suggestions.length > 0 && (
        <>
          <h3>Advice recorded for the worker</h3>
          <ul>
            {snapshot.context.suggestions.map((suggestion, index) => (
              // The list only grows at its end, and two suggestions may share a time and a code.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index}>{suggestion.message}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function GuidanceList({ title, items }: { readonly title: string; readonly items: readonly string[] }) {
  return (
    <div>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </div>
  );
}
