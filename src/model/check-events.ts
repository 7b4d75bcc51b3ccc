import { describeValue } from "../_lib/errors.js";
import type { AbsentBySession } from "./check-attendance.js";
import { type CheckContext, error, reportOnce, warning } from "./check-context.js";
import {
  ABSENT,
  ENROLLED,
  KNOWN,
  notEnrolled,
  SessionCursor,
  type SessionPeople,
  unknownMember,
} from "./check-sessions.js";

// Checks of what people did in sessions: speaking turns and interaction acts.

/** Checks the person of `list[index]` in a session that took place: known, enrolled that day, not recorded absent. */
function checkPerson(
  context: CheckContext,
  people: SessionPeople,
  memberId: string,
  list: "turns" | "interactionActs",
  index: number,
): void {
  const flags = people.of(memberId);
  if ((flags & KNOWN) === 0) unknownMember(context, memberId, list, index, "memberId");
  else if ((flags & ENROLLED) === 0) notEnrolled(context, people.entry, memberId, list, index);
  if ((flags & ABSENT) !== 0 && people.firstAbsenceReport(memberId)) {
    warning(
      context,
      "speaker-marked-absent",
      [list, index, "memberId"],
      `Person ${describeValue(memberId)} has ${list === "turns" ? "turns" : "acts"} in session ${people.entry.session.sequence} but is recorded absent or excused there; check the attendance.`,
    );
  }
}

/** Turns: a known session that took place, a known speaker enrolled that day, a sensible time span. */
export function checkTurns(context: CheckContext, absent: AbsentBySession): void {
  const overrun = new Map<string, { first: number; count: number }>();
  const sessions = new SessionCursor(context, absent);
  const turns = context.record.turns;
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    if (turn === undefined) continue;
    const people = sessions.at(turn.sessionId, "turns", index);
    if (people === undefined) unknownMember(context, turn.memberId, "turns", index, "memberId");
    else checkPerson(context, people, turn.memberId, "turns", index);
    const respondsTo = turn.respondsTo;
    if (respondsTo !== undefined && !unknownMember(context, respondsTo, "turns", index, "respondsTo")) {
      if (respondsTo === turn.memberId) {
        warning(
          context,
          "responds-to-self",
          ["turns", index, "respondsTo"],
          `turns[${index}] responds to its own speaker, ${describeValue(turn.memberId)}; respondsTo names the person answered.`,
        );
      }
    }
    if (turn.end < turn.start) {
      error(
        context,
        "turn-ends-before-start",
        ["turns", index, "end"],
        `turns[${index}] ends at ${turn.end} s, before it starts at ${turn.start} s.`,
      );
    }
    if (people !== undefined && turn.end > people.entry.session.durationMinutes * 60) {
      const seen = overrun.get(turn.sessionId);
      if (seen === undefined) overrun.set(turn.sessionId, { first: index, count: 1 });
      else seen.count++;
    }
  }
  for (const [sessionId, { first, count }] of overrun) {
    const session = context.sessionsById.get(sessionId)?.session;
    warning(
      context,
      "turn-beyond-session",
      ["turns", first, "end"],
      `${count} turn(s) in session ${session?.sequence} (${describeValue(sessionId)}) end after its planned ${session?.durationMinutes} minutes, the first at turns[${first}]; check the timing or the session's duration.`,
    );
  }
}

/** Interaction acts: a known session that took place, a known person enrolled that day, a known addressee. */
export function checkInteractionActs(context: CheckContext, absent: AbsentBySession): void {
  const sessions = new SessionCursor(context, absent);
  context.record.interactionActs.forEach((act, index) => {
    if (act === undefined) return;
    const people = sessions.at(act.sessionId, "interactionActs", index);
    if (people === undefined) unknownMember(context, act.memberId, "interactionActs", index, "memberId");
    else checkPerson(context, people, act.memberId, "interactionActs", index);
    const at = act.at;
    if (people !== undefined && at !== undefined && at > people.entry.session.durationMinutes * 60) {
      // Once per session, like turns: a session whose duration is wrong puts every later act beyond it.
      const { session } = people.entry;
      reportOnce(
        context,
        `act-beyond-session\u0000${act.sessionId}`,
        "warning",
        "act-beyond-session",
        ["interactionActs", index, "at"],
        (count) =>
          count === 1
            ? `interactionActs[${index}] is at ${at} s, after session ${session.sequence}'s planned ${session.durationMinutes} minutes; check the timing.`
            : `${count} acts in session ${session.sequence} are timed after its planned ${session.durationMinutes} minutes, the first interactionActs[${index}] at ${at} s; check the timing or the session's duration.`,
      );
    }
    const addressee = act.addresseeId;
    if (addressee !== undefined && !unknownMember(context, addressee, "interactionActs", index, "addresseeId")) {
      if (addressee === act.memberId) {
        warning(
          context,
          "responds-to-self",
          ["interactionActs", index, "addresseeId"],
          `interactionActs[${index}] is addressed to the person who made it, ${describeValue(act.memberId)}; leave addresseeId out for an act addressed to the whole group.`,
        );
      }
    }
  });
}
