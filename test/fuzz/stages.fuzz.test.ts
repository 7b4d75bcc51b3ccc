import { describe } from "vitest";
import {
  applyStageEvent,
  availableStageEvents,
  bostonModel,
  createStageMachine,
  defineStageModel,
  persistStageSnapshot,
  relationalModel,
  replayStageEvents,
  restoreStageSnapshot,
  stageDiagram,
  stageGuidance,
  startStages,
  suggestStage,
  timeInStage,
  toselandRivasModel,
  tuckmanModel,
} from "../../src/stages/index";
import { envelopes, stageInput, stageLog, stageSnapshots, stageSteps } from "./bases";
import { call, type EntryPoint } from "./contract";
import { expectArray, expectFinite, expectRecord, expectResult, expectString } from "./results";
import { fuzzEntryPoints } from "./suite";

// The stages room's public functions. Stage models are the built-in ones as exported (frozen); snapshots come from
// replaying the sample group's stage log, and envelopes are those snapshots persisted and sent through JSON.

const models = [tuckmanModel, bostonModel, relationalModel, toselandRivasModel];
const options = {
  minSessions: 2,
  requireAgreement: true,
  readiness: { storming: { minSessions: 1 }, norming: { requiresAgreement: false } },
  onMemberJoined: "reopen-first-stage",
};

const expectSnapshot = (value: unknown, what: string) =>
  expectRecord(expectRecord(value, what)["context"], `${what}.context`);

const entries: EntryPoint[] = [
  {
    name: "defineStageModel",
    bases: models.map((model) => [model]),
    call: call(defineStageModel),
    check: (result) => expectArray(expectRecord(result, "result")["stages"], "result.stages"),
  },
  {
    name: "stageDiagram",
    bases: models.map((model) => [model]),
    call: call(stageDiagram),
    check: (result) => expectString(result, "result"),
  },
  {
    name: "stageGuidance",
    bases: [
      [tuckmanModel, "storming"],
      [bostonModel, bostonModel.stages[1]?.id],
      [toselandRivasModel, toselandRivasModel.finalStage],
    ],
    call: call(stageGuidance),
    check: (result) => expectArray(expectRecord(result, "result")["workerTasks"], "result.workerTasks"),
  },
  {
    name: "createStageMachine",
    bases: [[tuckmanModel], [tuckmanModel, options], [relationalModel, {}]],
    call: call(createStageMachine),
    check: (result) => {
      if (typeof result !== "object" || result === null) throw new Error("result should be a machine");
    },
  },
  {
    name: "startStages",
    bases: [
      [tuckmanModel, stageInput],
      [tuckmanModel, stageInput, options],
      [bostonModel, { at: stageInput.at, by: "f-okafor" }],
    ],
    call: call(startStages),
    check: (result) => expectSnapshot(result, "result"),
  },
  {
    name: "replayStageEvents",
    bases: [
      [tuckmanModel, stageInput, stageLog],
      [tuckmanModel, stageInput, stageLog.slice(0, 12), options],
    ],
    call: call(replayStageEvents),
    check: (result) => expectResult(result, "result", "snapshot"),
  },
  {
    name: "applyStageEvent",
    bases: stageSteps.map((step) => [step.snapshot, step.next]),
    call: call(applyStageEvent),
    check: (result) => {
      expectResult(result, "result", "snapshot");
      expectSnapshot(expectRecord(result, "result")["snapshot"], "result.snapshot");
    },
  },
  {
    name: "availableStageEvents",
    bases: stageSnapshots.map((snapshot) => [snapshot]),
    call: call(availableStageEvents),
    check: (result) => expectArray(result, "result"),
  },
  {
    name: "persistStageSnapshot",
    bases: stageSnapshots.map((snapshot) => [snapshot]),
    call: call(persistStageSnapshot),
    check: (result) => expectString(expectRecord(result, "result")["format"], "result.format"),
  },
  {
    name: "restoreStageSnapshot",
    bases: [...envelopes.map((envelope) => [tuckmanModel, envelope]), [tuckmanModel, envelopes[1], options]],
    call: call(restoreStageSnapshot),
    check: (result) => expectResult(result, "result", "snapshot"),
  },
  {
    name: "timeInStage",
    bases: stageSnapshots.map((snapshot) => [snapshot, "2026-03-05T18:00:00-06:00", { timeZone: "America/Chicago" }]),
    call: call(timeInStage),
    check: (result) => {
      const time = expectRecord(result, "result");
      expectFinite(time["days"], "result.days");
      expectFinite(time["sessions"], "result.sessions");
    },
  },
  {
    name: "suggestStage",
    bases: [
      [
        {
          sessionsHeld: 4,
          sessionsPlanned: 12,
          climate: [
            { engaged: 3, avoiding: 2, conflict: 1 },
            { engaged: 3.5, avoiding: 2, conflict: 2.5 },
            { engaged: 4, avoiding: null, conflict: 3 },
          ],
          attendanceRates: [1, 0.9, null, 0.7, 0.6],
          conflictNotes: [0, 1, true, 3],
        },
      ],
      [{ model: bostonModel, sessionsHeld: 11, sessionsPlanned: 12 }],
      [{}],
    ],
    call: call(suggestStage),
    check: (result) => {
      const advice = expectRecord(result, "result");
      expectFinite(advice["confidence"], "result.confidence");
      expectArray(advice["signals"], "result.signals");
    },
  },
];

describe("fuzz: stages", () => {
  fuzzEntryPoints(entries);
});
