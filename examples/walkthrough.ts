// The main job of groupwork on the bundled sample group: read a host system's record of a group, check it, and show
// what a social worker would look at: who came, where the group stands in its development, how equally members took
// part, and who may learn what was said. Uses only the public API, as your program would; each part after the record
// itself lives in examples/sections/.
import {
  attendanceStatuses,
  exitReasons,
  facilitationRoles,
  formatGroupRecordIssues,
  type GroupRecord,
  groupKinds,
  isActiveMember,
  membershipTypes,
  parseGroupRecord,
  participationTypes,
  sessionStatuses,
} from "groupwork";
import { sampleGroupRecord } from "groupwork/sample";
import { showAttendance } from "./sections/attendance.js";
import { showDisclosures } from "./sections/confidentiality.js";
import { showNoteCheck } from "./sections/notes.js";
import { showParticipation } from "./sections/participation.js";
import { showStages } from "./sections/stages.js";

const result = parseGroupRecord(sampleGroupRecord);
if (!result.ok) {
  console.error(formatGroupRecordIssues(result.issues));
  process.exit(1);
}
const record: GroupRecord = result.value;
const { group } = record;

const labelOf = <T extends { code: string | number; label: string }>(entries: readonly T[], code: string | number) =>
  entries.find((entry) => entry.code === code)?.label ?? String(code);

console.log(`\n${group.name}`);
console.log(
  `${labelOf(groupKinds.entries, group.kind)} group · ${labelOf(membershipTypes.entries, group.membership)} membership · ${labelOf(participationTypes.entries, group.participation).toLowerCase()} attendance`,
);
console.log(
  `${group.startDate} to ${group.endDate ?? "open"} · ${group.plannedSessions ?? "?"} sessions planned · ${group.timeZone}`,
);
console.log(`Purpose: ${group.purpose}`);
console.log(`Parsed with ${result.issues.length} warning(s).`);

console.log("\nRoster");
const lastDay = group.endDate ?? group.startDate;
for (const membership of record.memberships) {
  const member = record.members.find((candidate) => candidate.id === membership.memberId);
  const name = member?.preferredName ? `${member.displayName} ("${member.preferredName}")` : member?.displayName;
  const active = isActiveMember(membership, lastDay)
    ? "active on the last day"
    : `left on ${membership.period?.end ?? "?"}: ${labelOf(exitReasons.entries, membership.exitReason ?? "").toLowerCase()}`;
  console.log(
    `  ${labelOf(facilitationRoles.entries, membership.role).padEnd(15)} ${String(name).padEnd(32)} ${active}`,
  );
}

console.log("\nSessions");
for (const session of record.sessions) {
  console.log(
    `  ${String(session.sequence).padStart(2)}  ${session.scheduledStart}  ${labelOf(sessionStatuses.entries, session.status).padEnd(9)}  ${session.topic ?? ""}`,
  );
}

console.log(
  "\nAttendance (P present, L late, E left early, X excused, A absent, ? not recorded, - not held, . not enrolled)",
);
const mark: Record<string, string> = {
  present: "P",
  late: "L",
  "left-early": "E",
  excused: "X",
  absent: "A",
  "not-recorded": "?",
};
const clients = record.memberships.filter((membership) => membership.role === "member");
console.log(`  ${"".padEnd(18)}${record.sessions.map((session) => String(session.sequence).padStart(3)).join("")}`);
for (const membership of clients) {
  const member = record.members.find((candidate) => candidate.id === membership.memberId);
  const row = record.sessions.map((session) => {
    if (session.status !== "held") return "  -";
    const entry = record.attendance.find((a) => a.sessionId === session.id && a.memberId === membership.memberId);
    return `  ${entry ? (mark[entry.status] ?? "?") : "."}`;
  });
  console.log(`  ${String(member?.preferredName ?? member?.displayName).padEnd(18)}${row.join("")}`);
}
console.log(
  `\nStatuses come from a vocabulary of ${attendanceStatuses.entries.length}: ${attendanceStatuses.codes.join(", ")}.`,
);

// A host system's mistake, caught with a sentence a person can act on.
const broken = parseGroupRecord({
  ...sampleGroupRecord,
  attendance: [...sampleGroupRecord.attendance, { sessionId: "s-05", memberId: "m-hope", status: "present" }],
});
console.log("\nA record with attendance at the cancelled session 5:");
console.log(formatGroupRecordIssues(broken.issues).replace(/^/gm, "  "));

const heading = (title: string) =>
  console.log(`\n${"═".repeat(4)} ${title} ${"═".repeat(Math.max(4, 72 - title.length))}`);
heading("Attendance, dropout and retention");
showAttendance(record);
heading("Stages of development");
showStages(record);
heading("Equality of participation");
showParticipation(record);
heading("Confidentiality");
showDisclosures(record);
showNoteCheck(record);
