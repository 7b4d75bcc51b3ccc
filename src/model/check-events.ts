import type { AbsentBySession } from "./check-attendance.js";
import { type CheckContext, error, type IndexedSession, warning } from "./check-context.js";
import { enrolledAt, heldSession, notEnrolled, unknownMember } from "./check-sessions.js";
import type { IssuePath } from "./issues.js";

// Checks of what people did in sessions: speaking turns and interaction acts.

/** Reports, once per person and session, someone who took part in a session where they were recorded absent. */
function absentButActive(
  context: CheckContext,
  absent: AbsentBySession,
  reported: Set<string>,
  entry: IndexedSession,
  memberId: string,
  path: IssuePath,
  what: string,
): void {
  if (absent.get(entry.session.id)?.has(memberId) !== true) return;
  const key = `${entry.session.id}\u0000${memberId}`;
  if (reported.has(key)) return;
  reported.add(key);
  warning(
    context,
    "speaker-marked-absent",
    path,
    `Person "${memberId}" has ${what} in session ${entry.session.sequence} but is recorded absent or excused there; check the attendance.`,
  );
}

/** Turns: a known session that took place, a known speaker enrolled that day, a sensible time span. */
export function checkTurns(context: CheckContext, absent: AbsentBySession): void {
  const overrun = new Map<string, { first: number; count: number }>();
  const reportedAbsent = new Set<string>();
  const enrollment = new Map<string, Map<string, boolean>>();
  const turns = context.record.turns;
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    if (turn === undefined) continue;
    const what = `turns[${index}]`;
    const entry = heldSession(context, turn.sessionId, ["turns", index, "sessionId"], what);
    unknownMember(context, turn.memberId, ["turns", index, "memberId"], what);
    if (
      turn.respondsTo !== undefined &&
      !unknownMember(context, turn.respondsTo, ["turns", index, "respondsTo"], what)
    ) {
      if (turn.respondsTo === turn.memberId) {
        warning(
          context,
          "responds-to-self",
          ["turns", index, "respondsTo"],
          `${what} responds to its own speaker, "${turn.memberId}"; respondsTo names the person answered.`,
        );
      }
    }
    if (turn.end < turn.start) {
      error(
        context,
        "turn-ends-before-start",
        ["turns", index, "end"],
        `${what} ends at ${turn.end} s, before it starts at ${turn.start} s.`,
      );
    }
    if (entry === undefined) continue;
    if (!enrolledAt(context, enrollment, entry, turn.memberId)) {
      notEnrolled(context, entry, turn.memberId, ["turns", index, "memberId"], what);
    }
    if (turn.end > entry.session.durationMinutes * 60) {
      const seen = overrun.get(turn.sessionId);
      if (seen === undefined) overrun.set(turn.sessionId, { first: index, count: 1 });
      else seen.count++;
    }
    absentButActive(context, absent, reportedAbsent, entry, turn.memberId, ["turns", index, "memberId"], "turns");
  }
  for (const [sessionId, { first, count }] of overrun) {
    const session = context.sessionsById.get(sessionId)?.session;
    warning(
      context,
      "turn-beyond-session",
      ["turns", first, "end"],
      `${count} turn(s) in session ${session?.sequence} ("${sessionId}") end after its planned ${session?.durationMinutes} minutes, the first at turns[${first}]; check the timing or the session's duration.`,
    );
  }
}

/** Interaction acts: a known session that took place, a known person enrolled that day, a known addressee. */
export function checkInteractionActs(context: CheckContext, absent: AbsentBySession): void {
  const reportedAbsent = new Set<string>();
  const enrollment = new Map<string, Map<string, boolean>>();
  context.record.interactionActs.forEach((act, index) => {
    if (act === undefined) return;
    const what = `interactionActs[${index}]`;
    const entry = heldSession(context, act.sessionId, ["interactionActs", index, "sessionId"], what);
    unknownMember(context, act.memberId, ["interactionActs", index, "memberId"], what);
    const addressee = act.addresseeId;
    if (
      addressee !== undefined &&
      !unknownMember(context, addressee, ["interactionActs", index, "addresseeId"], what)
    ) {
      if (addressee === act.memberId) {
        warning(
          context,
          "responds-to-self",
          ["interactionActs", index, "addresseeId"],
          `${what} is addressed to the person who made it, "${act.memberId}"; leave addresseeId out for an act addressed to the whole group.`,
        );
      }
    }
    if (entry === undefined) return;
    if (!enrolledAt(context, enrollment, entry, act.memberId)) {
      notEnrolled(context, entry, act.memberId, ["interactionActs", index, "memberId"], what);
    }
    absentButActive(
      context,
      absent,
      reportedAbsent,
      entry,
      act.memberId,
      ["interactionActs", index, "memberId"],
      "acts",
    );
  });
}
