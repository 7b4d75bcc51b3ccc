// The sample group's development, as its facilitator recorded it: the stage log replayed through the group's stage
// model, the moves the machine refused and why, the guidance for each stage the group entered, and the snapshot
// stored and read back as a server would. Uses only the public API; examples/walkthrough.ts calls showStages(record).
import type { GroupRecord } from "groupwork";
import {
  applyStageEvent,
  availableStageEvents,
  persistStageSnapshot,
  restoreStageSnapshot,
  type StageEvent,
  type StageSnapshot,
  stageGuidance,
  stageModels,
  startStages,
  timeInStage,
} from "groupwork/stages";

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? "" : "s"}`;

function printGuidance(model: Parameters<typeof stageGuidance>[0], stage: string): void {
  const guidance = stageGuidance(model, stage);
  console.log(`    ${guidance.label} (${guidance.position} of ${guidance.stageCount}): ${guidance.summary}`);
  console.log(`      Worker: ${guidance.workerTasks.slice(0, 2).join("; ")}`);
  console.log(`      Techniques: ${guidance.techniques.join(", ")}`);
  console.log(`      Watch for: ${guidance.watchFor[0] ?? "—"}`);
}

function printBlocked(snapshot: StageSnapshot, types: readonly string[]): void {
  for (const entry of availableStageEvents(snapshot)) {
    if (entry.allowed || !types.includes(entry.type)) continue;
    const where = entry.to.length > 0 ? ` to ${entry.to.join(" or ")}` : "";
    console.log(`    blocked: ${entry.type}${where}: ${entry.blockedBy.map((reason) => reason.message).join(" ")}`);
  }
}

/** Replays a parsed group record's stage log through its stage model and prints each move, refusal and guidance. */
export function showStages(record: GroupRecord): void {
  const { group } = record;
  const model = stageModels[group.stageModel];
  if (model === undefined) {
    console.log(`\nStages: the group follows ${group.stageModel}, which is not a built-in model.`);
    return;
  }
  const firstSession = [...record.sessions].sort((a, b) => a.sequence - b.sequence)[0];
  const clients = record.memberships.filter(
    (membership) => membership.role === "member" && membership.period?.start === group.startDate,
  ).length;
  const by = record.stageEvents[0]?.by ?? "facilitator";
  let snapshot: StageSnapshot = startStages(model, {
    at: firstSession?.scheduledStart ?? `${group.startDate}T00:00:00Z`,
    by,
    activeMembers: clients,
  });
  console.log(`\nStages (${model.name}), from the group's stage log of ${record.stageEvents.length} events`);
  console.log(`  ${snapshot.value}: the group starts with ${clients} clients`);
  printGuidance(model, String(snapshot.value));

  // The facilitator, eager, tries to move on before anything has happened: the machine says why not.
  const eager: StageEvent = { type: "ADVANCE", at: snapshot.context.lastEventAt, by };
  const refused = applyStageEvent(snapshot, eager);
  if (!refused.ok) {
    console.log(`    refused at the start: ${refused.blockedBy.map((reason) => reason.message).join(" ")}`);
  }

  for (const event of record.stageEvents) {
    const before = snapshot;
    const stay = timeInStage(before, event.at, { timeZone: group.timeZone });
    const step = applyStageEvent(before, event);
    if (!step.ok) {
      console.log(`  ${event.at} ${event.type} refused: ${step.blockedBy.map((reason) => reason.message).join(" ")}`);
      continue;
    }
    snapshot = step.snapshot;
    if (snapshot.value === before.value) continue;
    const reason = "reason" in event && event.reason ? ` (${event.reason})` : "";
    console.log(
      `  ${event.at.slice(0, 10)} ${event.type}: ${before.value} → ${snapshot.value} after ${plural(stay.days, "day")} and ${plural(stay.sessions, "session")}${reason}`,
    );
    if (snapshot.value !== "closed") {
      printGuidance(model, String(snapshot.value));
      printBlocked(snapshot, ["ADVANCE", "CLOSE"]);
    }
  }
  const { context } = snapshot;
  console.log(
    `  Now ${snapshot.value}: ${context.sessionsTotal} sessions held, ${context.activeMembers} clients active, outcome ${context.outcome ?? "—"}`,
  );
  for (const suggestion of context.suggestions) console.log(`  suggestion: ${suggestion.message}`);
  printBlocked(snapshot, ["SESSION_HELD"]);

  const stored = JSON.stringify(persistStageSnapshot(snapshot));
  const restored = restoreStageSnapshot(model, JSON.parse(stored));
  console.log(
    `  Stored as ${stored.length} characters of JSON; read back ${restored.ok ? `in ${restored.snapshot.value}` : `with issues: ${restored.issues.map((issue) => issue.code).join(", ")}`}`,
  );
  const tampered = JSON.parse(stored);
  tampered.snapshot.value = "performing";
  const rejected = restoreStageSnapshot(model, tampered);
  if (!rejected.ok) console.log(`  A tampered copy is refused: ${rejected.issues[0]?.message}`);
}
