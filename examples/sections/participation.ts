// How equally the sample group's members took part in the sessions whose turns were recorded, and the Bales profile of
// session 7. Uses only the public API; examples/walkthrough.ts calls showParticipation(record).
import { balesCategories, type GroupRecord, type MemberId } from "groupwork";
import { type EqualityValue, interactionProfile, responseNetwork, turnAnalytics } from "groupwork/metrics";

const PRESENT = new Set(["present", "late", "left-early"]);
const fixed = (measure: EqualityValue, digits = 2): string =>
  measure.value === null ? `— (${measure.reason})` : measure.value.toFixed(digits);

/** Prints equality of participation for each session with turns, and the interaction profile of session 7. */
export function showParticipation(record: GroupRecord): void {
  const nameOf = (memberId: string): string => {
    const member = record.members.find((candidate) => candidate.id === memberId);
    return member?.preferredName ?? member?.displayName ?? memberId;
  };
  const clients = new Set(record.memberships.filter((m) => m.role === "member").map((m) => m.memberId));

  console.log("\nEquality of participation (talk time among the clients present; facilitators counted apart)");
  console.log("  session  turns  Gini (0 equal, 1 one voice)  evenness  as balanced as  most (of all talk) silent");
  for (const session of record.sessions) {
    const turns = record.turns.filter((turn) => turn.sessionId === session.id);
    if (turns.length === 0) continue;
    // The roster is the clients present that day: a client who came and said nothing counts, with 0.
    const roster: MemberId[] = record.attendance
      .filter((a) => a.sessionId === session.id && PRESENT.has(a.status) && clients.has(a.memberId))
      .map((a) => a.memberId);
    const stats = turnAnalytics(turns, roster);
    const { talkTimeEquality: equality, sessions } = stats;
    const top = [...stats.members].sort((a, b) => b.talkTime - a.talkTime)[0];
    const topShare = top === undefined ? "" : `${nameOf(top.memberId)} ${Math.round((top.share.value ?? 0) * 100)}%`;
    const columns = [
      String(session.sequence).padStart(7),
      String(sessions[0]?.turns ?? 0).padStart(5),
      fixed(equality.giniScaled).padStart(27),
      fixed(equality.evenness).padStart(8),
      `${fixed(equality.effectiveParticipants, 1)} of ${roster.length}`.padStart(14),
      topShare.padEnd(17),
      stats.didNotSpeak.map(nameOf).join(", ") || "—",
    ];
    console.log(`  ${columns.join("  ")}`);
  }

  const acts = record.interactionActs.filter((act) => act.sessionId === "s-07");
  const profile = interactionProfile(acts);
  const ratio = (measure: { value: number | null; reason: string | null }) =>
    measure.value === null ? `— (${measure.reason})` : measure.value.toFixed(2);
  console.log(`\nSession 7, Bales Interaction Process Analysis (${profile.group.acts} acts scored)`);
  for (const entry of balesCategories.entries) {
    const count = profile.group.byCategory[entry.code];
    if (count > 0) console.log(`  ${String(entry.code).padStart(2)} ${entry.label.padEnd(22)} ${count}`);
  }
  console.log(
    `  task ÷ social-emotional ${ratio(profile.group.taskToSocialEmotional)}; positive ÷ negative ${ratio(profile.group.positiveToNegative)}`,
  );
  const network = responseNetwork(record.turns.filter((turn) => turn.sessionId === "s-07"));
  const most = [...network.speakers].sort((a, b) => b.respondedToBy - a.respondedToBy)[0];
  if (most !== undefined) {
    console.log(
      `  most responded to: ${nameOf(most.memberId)} (${most.respondedToBy} of ${network.responses} responses); reciprocity ${ratio(network.reciprocity)}`,
    );
  }
}
