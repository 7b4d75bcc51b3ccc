// applyStageEvent, and a server's full round trip (restore a stored snapshot, apply an event, persist it), beside bare
// xstate on the same machine: `transition`, and `resolveState` + `transition` + `getPersistedSnapshot`.
// Goal: ratio at most 1.5 for both. What the library adds is the refusal reasons, the check of the
// envelope and the history checks; the guards and context updates run in both, because the baseline uses the same
// machine. Both round trips read and write JSON text, as a server that stores snapshots does. The two sides are timed
// alternately and the medians compared, because absolute times on a shared machine mean little; many short rounds
// (BENCH_ROUNDS, BENCH_OPERATIONS) keep the medians steady when other work shares the machine.
import {
  applyStageEvent,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageEvent,
  tuckmanModel,
} from "groupwork";
import { transition } from "xstate";
import { median, time } from "./_timing.js";

const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 25);
const OPERATIONS = Number(process.env["BENCH_OPERATIONS"] ?? 2_000);
const BY = "worker-1";

// A group a few months in: 24 sessions, the agreement, two regressions, a member joining and leaving.
function hour(h: number): string {
  return new Date(Date.UTC(2026, 1, 5, 23) + h * 3_600_000).toISOString();
}
const log: StageEvent[] = [
  {
    type: "AGREEMENT_ADOPTED",
    version: "1",
    includesConfidentiality: true,
    limitsExplained: true,
    at: hour(0),
    by: BY,
  },
];
const moves: Record<number, StageEvent["type"]> = {
  3: "ADVANCE",
  6: "ADVANCE",
  9: "REGRESS",
  12: "ADVANCE",
  15: "ADVANCE",
  18: "REGRESS",
  21: "ADVANCE",
};
for (let week = 1; week <= 24; week++) {
  const h = week * 168;
  log.push({ type: "SESSION_HELD", at: hour(h), by: BY });
  const move = moves[week];
  if (move === "ADVANCE") log.push({ type: "ADVANCE", at: hour(h + 1), by: BY });
  if (move === "REGRESS")
    log.push({ type: "REGRESS", to: "storming", reason: "conflict returned", at: hour(h + 1), by: BY });
  if (week === 10) log.push({ type: "MEMBER_JOINED", at: hour(h + 2), by: BY });
  if (week === 20) log.push({ type: "MEMBER_LEFT", at: hour(h + 2), by: BY });
}
const replay = replayStageEvents(tuckmanModel, { at: hour(0), by: BY, activeMembers: 8 }, log);
if (!replay.ok) throw new Error(`bench log refused at ${replay.index}: ${replay.blockedBy[0]?.message}`);
const snapshot = replay.snapshot;
const machine = snapshot.machine;
const event: StageEvent<"forming"> = { type: "SESSION_HELD", at: hour(24 * 168 + 100), by: BY };
const stored = JSON.stringify(persistStageSnapshot(snapshot));

function compare(label: string, bare: () => void, ours: () => void, bareName: string, oursName: string): number {
  bare();
  ours();
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  const timeBare = () =>
    bareTimes.push(
      time(() => {
        for (let i = 0; i < OPERATIONS; i++) bare();
      }),
    );
  const timeOurs = () =>
    ourTimes.push(
      time(() => {
        for (let i = 0; i < OPERATIONS; i++) ours();
      }),
    );
  // Each side goes first in every other round, so neither gains from running second (warmer caches, a heap settled
  // after the other side's garbage).
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      timeBare();
      timeOurs();
    } else {
      timeOurs();
      timeBare();
    }
  }
  const base = median(bareTimes);
  const mine = median(ourTimes);
  const ratio = mine / base;
  console.log(`\n${label} (${OPERATIONS.toLocaleString("en")} operations per round)`);
  console.log(`  ${bareName.padEnd(58)} median ${base.toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`  ${oursName.padEnd(58)} median ${mine.toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`  ratio: ${ratio.toFixed(2)} (goal ≤ 1.50) ${ratio <= 1.5 ? "OK" : "OVER GOAL"}`);
  return ratio;
}

console.log(`snapshot: ${snapshot.context.history.length} history entries, ${log.length} events in the log`);
let sink: unknown;
compare(
  "apply one event",
  () => {
    sink = transition(machine, snapshot, event);
  },
  () => {
    sink = applyStageEvent(snapshot, event);
  },
  "xstate transition (same machine)",
  "applyStageEvent",
);
compare(
  "server round trip: JSON → snapshot → event → JSON",
  () => {
    const persisted = JSON.parse(stored) as { snapshot: { value: string; context: typeof snapshot.context } };
    const restored = machine.resolveState({ value: persisted.snapshot.value, context: persisted.snapshot.context });
    const [next] = transition(machine, restored, event);
    sink = JSON.stringify(machine.getPersistedSnapshot(next));
  },
  () => {
    const restored = restoreStageSnapshot(tuckmanModel, JSON.parse(stored));
    if (!restored.ok) throw new Error("the stored snapshot must restore");
    const step = applyStageEvent(restored.snapshot, event);
    sink = JSON.stringify(persistStageSnapshot(step.snapshot));
  },
  "JSON.parse + resolveState + transition + getPersistedSnapshot",
  "restoreStageSnapshot + applyStageEvent + persistStageSnapshot",
);
if (sink === undefined) throw new Error("nothing was computed");
