// The group's stage machine run as an actor (@xstate/react), and the panels that read it. Every event is first asked
// of applyStageEvent, the decision the machine's guards use: an actor ignores a refused event without saying why, and
// a worker must be told.
import { useActorRef, useSelector } from "@xstate/react";
import type { GroupRecord } from "groupwork/model";
import {
  applyStageEvent,
  createStageMachine,
  type StageBlockReason,
  type StageEvent,
  type StageModel,
} from "groupwork/stages";
import { useEffect, useState } from "react";
import { stageStart } from "./board-data.js";
import { EventControls } from "./EventControls.js";
import type { StageOrigin } from "./GroupBoard.js";
import { StageDiagramView } from "./StageDiagramView.js";
import { StagePanel } from "./StagePanel.js";
import { StageTimeline } from "./StageTimeline.js";
import { notStored, writeStoredStage } from "./storage.js";

interface Props {
  readonly model: StageModel;
  readonly record: GroupRecord;
  readonly origin: StageOrigin;
  readonly onStartOver: () => void;
  readonly onReplayLog: () => void;
}

/** An event the library refused, with its reasons. */
export interface Refusal {
  readonly type: StageEvent["type"];
  readonly reasons: readonly StageBlockReason[];
}

export function StageWorkspace({ model, record, origin, onStartOver, onReplayLog }: Props) {
  // A restored snapshot carries the machine it was built for; a new start builds one for the group's model.
  const [machine] = useState(() => origin.snapshot?.machine ?? createStageMachine(model));
  const actorRef = useActorRef(
    machine,
    origin.snapshot === null ? { input: stageStart(record) } : { snapshot: origin.snapshot },
  );
  const snapshot = useSelector(actorRef, (current) => current);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const [status, setStatus] = useState(origin.note);
  const [stored, setStored] = useState(true);

  // Every move the actor makes is stored at once, in the library's envelope; the worker is told when it cannot be.
  useEffect(() => {
    const subscription = actorRef.subscribe((next) => setStored(writeStoredStage(localStorage, record.group.id, next)));
    return () => subscription.unsubscribe();
  }, [actorRef, record.group.id]);

  function recordEvent(event: StageEvent): boolean {
    const step = applyStageEvent(actorRef.getSnapshot(), event);
    if (!step.ok) {
      setRefusal({ type: event.type, reasons: step.blockedBy });
      return false;
    }
    actorRef.send(event);
    setRefusal(null);
    setStatus(`Recorded ${event.type}.`);
    return true;
  }

  return (
    <>
      <StagePanel
        model={model}
        snapshot={snapshot}
        timeZone={record.group.timeZone}
        status={stored ? status : `${status} ${notStored}`}
        onStartOver={onStartOver}
        onReplayLog={onReplayLog}
        logLength={record.stageEvents.length}
      />
      <EventControls model={model} snapshot={snapshot} record={record} refusal={refusal} onRecord={recordEvent} />
      <StageDiagramView model={model} snapshot={snapshot} />
      <StageTimeline model={model} snapshot={snapshot} record={record} />
    </>
  );
}
