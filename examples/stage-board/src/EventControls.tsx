// One button per stage event. A blocked event stays reachable by keyboard and screen reader (aria-disabled, not
// disabled) and shows its reasons as text beside it, tied to the button by aria-describedby. An open event opens a
// form for its fields.
import type { GroupRecord } from "groupwork/model";
import {
  type AvailableStageEvent,
  availableStageEvents,
  type StageEventType,
  type StageModel,
  type StageSnapshot,
} from "groupwork/stages";
import { useState } from "react";
import { eventLabels, stageLabel } from "./board-data.js";
import { EventForm } from "./EventForm.js";
import type { Refusal } from "./StageWorkspace.js";

interface Props {
  readonly model: StageModel;
  readonly snapshot: StageSnapshot;
  readonly record: GroupRecord;
  readonly refusal: Refusal | null;
  /** Records an event; false when the library refused it (the refusal is then shown). */
  readonly onRecord: Parameters<typeof EventForm>[0]["onRecord"];
}

function destination(model: StageModel, entry: AvailableStageEvent): string {
  // REGRESS may lead to several stages: its form asks which.
  const [only, ...more] = entry.to;
  return only === undefined || more.length > 0 ? "" : ` → ${stageLabel(model, only)}`;
}

export function EventControls({ model, snapshot, record, refusal, onRecord }: Props) {
  const [open, setOpen] = useState<StageEventType | null>(null);
  const available = availableStageEvents(snapshot);
  return (
    <section aria-labelledby="events-heading" className="panel">
      <h2 id="events-heading">Record a stage event</h2>
      <p>
        Times are on the group's clock ({record.group.timeZone}). Moving the group is the worker's judgment; a blocked
        event says what is missing.
      </p>
      <ul className="event-list">
        {available.map((entry) => {
          const reasonsId = `why-${entry.type}`;
          return (
            <li key={entry.type} className={entry.allowed ? "open" : "blocked"}>
              <button
                type="button"
                data-event={entry.type}
                aria-disabled={entry.allowed ? undefined : true}
                aria-describedby={entry.allowed ? undefined : reasonsId}
                aria-expanded={entry.allowed ? open === entry.type : undefined}
                onClick={() => {
                  if (entry.allowed) setOpen(open === entry.type ? null : entry.type);
                }}
              >
                {eventLabels[entry.type]}
                {destination(model, entry)}
              </button>
              {!entry.allowed && (
                <ul id={reasonsId} className="reasons">
                  {entry.blockedBy.map((reason) => (
                    <li key={reason.code} data-code={reason.code}>
                      {reason.message}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
      {open !== null && (
        <EventForm
          // A new form after every recorded event, so its defaults follow the group's latest event.
          key={`${open} ${snapshot.context.lastEventAt} ${snapshot.context.history.length}`}
          type={open}
          model={model}
          snapshot={snapshot}
          record={record}
          onCancel={() => setOpen(null)}
          onRecord={(event) => {
            const recorded = onRecord(event);
            if (recorded) setOpen(null);
            return recorded;
          }}
        />
      )}
      {refusal !== null && (
        <div role="alert" className="problems">
          <p>The library refused “{eventLabels[refusal.type]}”; nothing was recorded:</p>
          <ul>
            {refusal.reasons.map((reason) => (
              <li key={reason.code} data-code={reason.code}>
                {reason.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
