// The fields of one stage event. The library judges the event (a missing reason, a time before the last event, a
// REGRESS to a later stage): the form only collects what the worker says and shows the library's answer.
import type { GroupRecord } from "groupwork/model";
import {
  type StageEvent,
  type StageEventType,
  type StageModel,
  type StageSnapshot,
  stageGuidance,
} from "groupwork/stages";
import { type FormEvent, useId, useState } from "react";
import {
  clientsOf,
  eventLabels,
  facilitatorsOf,
  minutesLater,
  sessionEnd,
  sessionsInOrder,
  stageLabel,
  wallClockOf,
  zonedInstant,
} from "./board-data.js";

interface Props {
  readonly type: StageEventType;
  readonly model: StageModel;
  readonly snapshot: StageSnapshot;
  readonly record: GroupRecord;
  readonly onRecord: (event: StageEvent) => boolean;
  readonly onCancel: () => void;
}

/** The form's first values: the next session held, the lead facilitator, a quarter of an hour after the last event. */
function defaults(type: StageEventType, model: StageModel, snapshot: StageSnapshot, record: GroupRecord) {
  const { timeZone } = record.group;
  const { lastEventAt, sessionsTotal, agreement } = snapshot.context;
  const held = sessionsInOrder(record).filter((session) => session.status === "held");
  const nextSession = held[sessionsTotal];
  const sessionEndsAt = nextSession === undefined ? undefined : sessionEnd(nextSession, timeZone);
  const at =
    type === "SESSION_HELD" && sessionEndsAt !== undefined && Date.parse(sessionEndsAt) >= Date.parse(lastEventAt)
      ? sessionEndsAt
      : minutesLater(lastEventAt, 15, timeZone);
  const stage = String(snapshot.value);
  const earlier = model.stages.some((definition) => definition.id === stage)
    ? stageGuidance(model, stage).earlierStages
    : [];
  // A numbered agreement's next version is the next number; a version labelled otherwise is the worker's to name.
  const version =
    agreement.status === "none" ? "1" : /^\d+$/.test(agreement.version) ? String(Number(agreement.version) + 1) : "";
  return {
    at: wallClockOf(at, timeZone),
    by: facilitatorsOf(record)[0]?.id ?? "",
    sessionId: nextSession?.id ?? "",
    memberId: "",
    version,
    includesConfidentiality: false,
    limitsExplained: false,
    to: earlier.at(-1) ?? "",
    outcome: "completed" as "completed" | "ended-early",
    reason: "",
  };
}

type Fields = ReturnType<typeof defaults>;

function eventFrom(type: StageEventType, fields: Fields, at: string): StageEvent {
  const base = { at, by: fields.by };
  const reason = fields.reason.trim() === "" ? {} : { reason: fields.reason.trim() };
  switch (type) {
    case "SESSION_HELD":
      return { type, ...base, ...(fields.sessionId === "" ? {} : { sessionId: fields.sessionId }) };
    case "AGREEMENT_ADOPTED":
      return {
        type,
        ...base,
        version: fields.version.trim(),
        includesConfidentiality: fields.includesConfidentiality,
        limitsExplained: fields.limitsExplained,
      };
    case "MEMBER_JOINED":
    case "MEMBER_LEFT":
      return { type, ...base, ...(fields.memberId === "" ? {} : { memberId: fields.memberId }) };
    case "ADVANCE":
    case "CLOSE":
      return { type, ...base, ...reason };
    case "REGRESS":
      // The library refuses a REGRESS without a reason, and says so: the empty text is passed on, not filled in.
      return { type, ...base, to: fields.to, reason: fields.reason.trim() };
    case "ADJOURN":
      return { type, ...base, outcome: fields.outcome, reason: fields.reason.trim() };
  }
}

export function EventForm({ type, model, snapshot, record, onRecord, onCancel }: Props) {
  const id = useId();
  const [fields, setFields] = useState(() => defaults(type, model, snapshot, record));
  const [timeProblem, setTimeProblem] = useState<string | null>(null);
  const set = <K extends keyof Fields>(key: K, value: Fields[K]) => setFields((last) => ({ ...last, [key]: value }));
  const { timeZone } = record.group;
  const reasonRequired = type === "REGRESS" || type === "ADJOURN";
  const stage = String(snapshot.value);
  const earlier = model.stages.some((definition) => definition.id === stage)
    ? stageGuidance(model, stage).earlierStages
    : [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const when = zonedInstant(fields.at, timeZone);
    if (when.at === undefined) {
      setTimeProblem(when.message);
      return;
    }
    setTimeProblem(null);
    onRecord(eventFrom(type, fields, when.at));
  }

  return (
    <form id="event-form" className="event-form" onSubmit={submit} aria-labelledby={`${id}-legend`}>
      <fieldset>
        <legend id={`${id}-legend`}>{eventLabels[type]}</legend>
        <label htmlFor={`${id}-at`}>When ({timeZone})</label>
        <input
          id={`${id}-at`}
          type="datetime-local"
          value={fields.at}
          aria-invalid={timeProblem === null ? undefined : true}
          aria-describedby={timeProblem === null ? undefined : `${id}-at-problem`}
          onChange={(e) => set("at", e.currentTarget.value)}
        />
        {timeProblem !== null && (
          <p id={`${id}-at-problem`} className="field-problem">
            {timeProblem}
          </p>
        )}
        <label htmlFor={`${id}-by`}>Recorded by</label>
        <select id={`${id}-by`} value={fields.by} onChange={(e) => set("by", e.currentTarget.value)}>
          {facilitatorsOf(record).map((worker) => (
            <option key={worker.id} value={worker.id}>
              {worker.displayName}
            </option>
          ))}
        </select>

        {type === "SESSION_HELD" && (
          <>
            <label htmlFor={`${id}-session`}>Session</label>
            <select
              id={`${id}-session`}
              value={fields.sessionId}
              onChange={(e) => set("sessionId", e.currentTarget.value)}
            >
              <option value="">(not named)</option>
              {sessionsInOrder(record)
                .filter((session) => session.status === "held")
                .map((session) => (
                  <option key={session.id} value={session.id}>
                    Session {session.sequence}, {session.scheduledStart.slice(0, 10)}
                    {session.topic === undefined ? "" : `: ${session.topic}`}
                  </option>
                ))}
            </select>
          </>
        )}

        {type === "AGREEMENT_ADOPTED" && (
          <>
            <label htmlFor={`${id}-version`}>Version of the agreement</label>
            <input
              id={`${id}-version`}
              value={fields.version}
              onChange={(e) => set("version", e.currentTarget.value)}
            />
            <div className="check">
              <input
                id={`${id}-confidentiality`}
                type="checkbox"
                checked={fields.includesConfidentiality}
                onChange={(e) => set("includesConfidentiality", e.currentTarget.checked)}
              />
              <label htmlFor={`${id}-confidentiality`}>It has terms on confidentiality</label>
            </div>
            <div className="check">
              <input
                id={`${id}-limits`}
                type="checkbox"
                checked={fields.limitsExplained}
                onChange={(e) => set("limitsExplained", e.currentTarget.checked)}
              />
              <label htmlFor={`${id}-limits`}>
                Members were told that confidentiality among them cannot be guaranteed (NASW 1.07(f))
              </label>
            </div>
          </>
        )}

        {(type === "MEMBER_JOINED" || type === "MEMBER_LEFT") && (
          <>
            <label htmlFor={`${id}-member`}>Member</label>
            <select
              id={`${id}-member`}
              value={fields.memberId}
              onChange={(e) => set("memberId", e.currentTarget.value)}
            >
              <option value="">(not named)</option>
              {clientsOf(record).map((member) => (
                <option key={member.id} value={member.id}>
                  {member.preferredName ?? member.displayName}
                </option>
              ))}
            </select>
          </>
        )}

        {type === "REGRESS" && (
          <>
            <label htmlFor={`${id}-to`}>Back to</label>
            <select id={`${id}-to`} value={fields.to} onChange={(e) => set("to", e.currentTarget.value)}>
              {earlier.map((stageId) => (
                <option key={stageId} value={stageId}>
                  {stageLabel(model, stageId)}
                </option>
              ))}
            </select>
          </>
        )}

        {type === "ADJOURN" && (
          <fieldset className="outcome">
            <legend>Outcome</legend>
            {(["completed", "ended-early"] as const).map((outcome) => (
              <div className="check" key={outcome}>
                <input
                  id={`${id}-${outcome}`}
                  type="radio"
                  name={`${id}-outcome`}
                  checked={fields.outcome === outcome}
                  onChange={() => set("outcome", outcome)}
                />
                <label htmlFor={`${id}-${outcome}`}>
                  {outcome === "completed" ? "The group completed its work" : "The group ended early"}
                </label>
              </div>
            ))}
          </fieldset>
        )}

        {type !== "SESSION_HELD" &&
          type !== "AGREEMENT_ADOPTED" &&
          type !== "MEMBER_JOINED" &&
          type !== "MEMBER_LEFT" && (
            <>
              <label htmlFor={`${id}-reason`}>Why{reasonRequired ? " (required)" : " (optional)"}</label>
              <textarea
                id={`${id}-reason`}
                rows={2}
                value={fields.reason}
                aria-required={reasonRequired || undefined}
                onChange={(e) => set("reason", e.currentTarget.value)}
              />
            </>
          )}
        <div className="actions">
          <button type="submit">Record {eventLabels[type].toLowerCase()}</button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </fieldset>
    </form>
  );
}
