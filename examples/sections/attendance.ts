// The sample group's attendance, as a worker would read it: the table per client, the flags to follow up, and how
// many clients stayed session by session. Uses only the public API; examples/walkthrough.ts calls showAttendance(record).
import type { GroupRecord } from "groupwork";
import { attendanceSummary, participationFlags, type Rate, retentionCurve } from "groupwork/metrics";

const percent = (rate: Rate): string => (rate.value === null ? "  —" : `${Math.round(rate.value * 100)}%`.padStart(4));

/** Prints the attendance table, the participation flags and the retention curve of a parsed group record. */
export function showAttendance(record: GroupRecord): void {
  const nameOf = (memberId: string): string => {
    const member = record.members.find((candidate) => candidate.id === memberId);
    return member?.preferredName ?? member?.displayName ?? memberId;
  };

  const summary = attendanceSummary(record);
  console.log("\nAttendance per client (late and left early count as attended; excused counts as offered in 'rate')");
  console.log(
    `  ${"".padEnd(18)}offered attended late early excused absent unknown  rate adjusted  absences in a row (now/longest)`,
  );
  for (const m of summary.members) {
    const counts = [m.offered, m.attended, m.late, m.leftEarly, m.excused, m.absent, m.notRecorded]
      .map((count, index) => String(count).padStart([7, 9, 5, 6, 8, 7, 8][index] ?? 6))
      .join("");
    console.log(
      `  ${nameOf(m.memberId).padEnd(18)}${counts}  ${percent(m.rate)}     ${percent(m.adjustedRate)}  ${m.currentAbsenceStreak}/${m.longestAbsenceStreak}`,
    );
  }
  const { group } = summary;
  console.log(
    `  ${group.sessionsHeld} sessions held, ${group.sessionsCancelled} cancelled; ${group.attended} of ${group.offered} offered sessions attended; mean rate ${percent(group.meanRate).trim()}`,
  );

  console.log("\nFlags to follow up");
  for (const flag of participationFlags(record)) {
    console.log(`  ${flag.code.padEnd(13)} ${nameOf(flag.memberId).padEnd(18)} ${flag.message}`);
  }

  const curve = retentionCurve(record);
  console.log("\nRetention (Kaplan–Meier over sessions; dropout = a recorded dropped-out or removed exit)");
  console.log("  session  at risk  dropped out  censored  still coming  ± SE");
  for (const step of curve.steps) {
    const error = step.standardError.value === null ? "—" : step.standardError.value.toFixed(3);
    console.log(
      `  ${String(step.session).padStart(7)}  ${String(step.atRisk).padStart(7)}  ${String(step.events).padStart(11)}  ${String(step.censored).padStart(8)}  ${`${(step.survival * 100).toFixed(1)}%`.padStart(12)}  ${error}`,
    );
  }
}
