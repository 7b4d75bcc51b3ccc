// The group's stage history as a timeline: each stage entered, when, by which event, by whom and why.
import type { GroupRecord } from "groupwork/model";
import type { StageModel, StageSnapshot } from "groupwork/stages";
import { eventLabels, nameOf, stageLabel, wallClockOf } from "./board-data.js";

interface Props {
  readonly model: StageModel;
  readonly snapshot: StageSnapshot;
  readonly record: GroupRecord;
}

export function StageTimeline({ model, snapshot, record }: Props) {
  const { history } = snapshot.context;
  const { timeZone } = record.group;
  return (
    <section aria-labelledby="history-heading" className="panel">
      <h2 id="history-heading">Stage history</h2>
      <ol className="timeline" data-testid="stage-history">
        {history.map((entry, index) => (
          <li
            // History only grows at its end, and two moves may share a time, a stage and an event.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={index}
            aria-current={index === history.length - 1 ? "step" : undefined}
          >
            <time dateTime={entry.enteredAt}>{wallClockOf(entry.enteredAt, timeZone).replace("T", " ")}</time>{" "}
            <strong>{stageLabel(model, entry.stage)}</strong>{" "}
            <span className="event">
              {entry.event === "START" ? "start" : eventLabels[entry.event].toLowerCase()}, by{" "}
              {nameOf(record, entry.by)}
            </span>
            {entry.reason !== null && <p className="reason">{entry.reason}</p>}
            <p className="sessions">
              {entry.sessions} {entry.sessions === 1 ? "session" : "sessions"} held in this stay
            </p>
          </li>
        ))}
      </ol>
    </section>
  );
}
