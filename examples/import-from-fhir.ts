// A group kept in a FHIR R4 server, read and written back: the Bundle in examples/data/grief-group.fhir.json is the
// sample grief group on the morning of its last session (session 12 scheduled, the stage log up to ADJOURN), as
// `toFhirBundle` writes it. The program reads it into a group record, shows who came and where the group stands,
// records tonight's session (attendance and the stage log), and writes the updated Bundle to a temporary folder, as
// a transaction a FHIR server can apply. Uses only the public API, as your program would.
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GroupRecord, GroupRecordInput } from "groupwork";
import { fromFhirBundle, toFhirBundle } from "groupwork/fhir";
import { attendanceSummary } from "groupwork/metrics";
import { applyStageEvent, replayStageEvents, type StageEvent, stageModels } from "groupwork/stages";

const text = readFileSync(new URL("./data/grief-group.fhir.json", import.meta.url), "utf8");
const imported = fromFhirBundle(JSON.parse(text));
if (!imported.ok) throw new Error(imported.issues.map((issue) => issue.message).join("\n"));
const record: GroupRecord = imported.value;
const { group } = record;
console.log(`${group.name}: ${record.members.length} people, ${record.sessions.length} sessions, read from FHIR`);
const { confidentiality, sensitivity } = imported.security;
console.log(`  security label: confidentiality ${confidentiality}${sensitivity.map((code) => `, ${code}`).join("")}`);
for (const issue of imported.issues) console.log(`  ${issue.severity}: ${issue.message}`);

// ── Who came so far: offered = sessions held while enrolled; late and left early count as attended. ──
function showAttendance(of: GroupRecord): void {
  const summary = attendanceSummary(of);
  const rate = summary.group.meanRate.value;
  console.log(
    `  ${summary.group.sessionsHeld} sessions held; ${summary.group.attended} of ${summary.group.offered} offered sessions attended (mean rate ${rate === null ? "—" : `${Math.round(rate * 100)}%`})`,
  );
}
showAttendance(record);

// ── Where the group stands: its stage log replayed through its stage model. ──
const model = stageModels[group.stageModel];
assert.ok(model, `the group follows ${group.stageModel}, a built-in model`);
const firstSession = record.sessions.find((session) => session.sequence === 1);
const clients = record.memberships.filter((m) => m.role === "member" && m.period?.start === group.startDate).length;
const by = record.stageEvents[0]?.by ?? "facilitator";
const start = { at: firstSession?.scheduledStart ?? `${group.startDate}T00:00:00Z`, by, activeMembers: clients };
const replay = replayStageEvents(model, start, record.stageEvents);
assert.ok(replay.ok, "the stage log replays");
console.log(`  stage: ${String(replay.snapshot.value)} after ${record.stageEvents.length} logged events`);
assert.equal(replay.snapshot.value, "adjourning");

// ── Tonight: session 12 is held, all seven continuing clients come, and the group closes. ──
const tonight = record.sessions.find((session) => session.sequence === 12);
assert.ok(tonight !== undefined && tonight.status === "scheduled");
const endsAt = "2026-04-23T19:30:00-05:00";
const stillEnrolled = record.memberships.filter((m) => m.role === "member" && m.exitReason !== "dropped-out");
const newEvents: StageEvent[] = [
  { type: "SESSION_HELD", at: endsAt, by, sessionId: tonight.id },
  { type: "CLOSE", at: "2026-04-23T20:00:00-05:00", by, reason: "Final session held." },
];
let snapshot = replay.snapshot;
for (const event of newEvents) {
  const step = applyStageEvent(snapshot, event);
  if (!step.ok) throw new Error(step.blockedBy.map((reason) => reason.message).join(" "));
  snapshot = step.snapshot;
}
const updated: GroupRecordInput = {
  ...record,
  sessions: record.sessions.map((session) => (session.id === tonight.id ? { ...session, status: "held" } : session)),
  attendance: [
    ...record.attendance,
    ...stillEnrolled.map((m) => ({ sessionId: tonight.id, memberId: m.memberId, status: "present" as const })),
  ],
  stageEvents: [...record.stageEvents, ...newEvents],
};
console.log(`After tonight: stage ${String(snapshot.value)}`);

// ── Back to the server: a transaction of conditional updates, so sending it twice changes nothing. ──
const bundle = toFhirBundle(updated, { type: "transaction", security: imported.security });
const file = join(mkdtempSync(join(tmpdir(), "groupwork-")), "grief-group.fhir.json");
writeFileSync(file, `${JSON.stringify(bundle, null, 2)}\n`);
console.log(`  wrote ${bundle.entry?.length ?? 0} entries (${bundle.type}) to ${file}`);

const reread = fromFhirBundle(JSON.parse(readFileSync(file, "utf8")));
if (!reread.ok) throw new Error(reread.issues.map((issue) => issue.message).join("\n"));
showAttendance(reread.value);
assert.equal(reread.value.sessions.filter((session) => session.status === "held").length, 11);
