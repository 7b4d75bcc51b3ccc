import {
  type CheckContext,
  error,
  type IndexedSession,
  isEnrolledOn,
  isKnownMember,
  periodCovers,
  warning,
} from "./check-context";
import type { IssuePath } from "./issues";

// Checks of what happened in sessions: attendance, speaking turns and interaction acts.

const NOT_HELD = new Set(["cancelled", "did-not-take-place"]);

/**
 * Resolves a session reference. Reports an unknown session or one that did not take place, and returns the session
 * only when the event can be checked further.
 */
function heldSession(
  context: CheckContext,
  sessionId: string,
  path: IssuePath,
  what: string,
): IndexedSession | undefined {
  const entry = context.sessionsById.get(sessionId);
  if (entry === undefined) {
    const { record } = context;
    if (!record.sessionsUnreadable && !record.brokenSessionIds.has(sessionId)) {
      error(
        context,
        "unknown-session",
        path,
        `${what} refers to session "${sessionId}", which is not in sessions; add the session or fix the id.`,
      );
    }
    return undefined;
  }
  if (NOT_HELD.has(entry.session.status)) {
    // DOMAIN.md §3: a session that did not take place is never an absence (nor a presence) for its members.
    error(
      context,
      "session-not-held",
      path,
      `${what} is for session ${entry.session.sequence} ("${sessionId}"), which is ${entry.session.status}; a session that did not take place has no attendance, turns or acts. Remove the entry or correct the session's status.`,
    );
    return undefined;
  }
  return entry;
}

function unknownMember(context: CheckContext, memberId: string, path: IssuePath, what: string): boolean {
  if (isKnownMember(context, memberId)) return false;
  error(
    context,
    "unknown-member",
    path,
    `${what} names member "${memberId}", who is not in members; add the member or fix the id.`,
  );
  return true;
}

/** Attendance: known session that took place, known member enrolled that day, one record per member and session. */
export function checkAttendance(context: CheckContext): Map<string, Set<string>> {
  const seen = new Map<string, Map<string, number>>();
  const absent = new Map<string, Set<string>>();
  const stillScheduled = new Set<string>();

  context.record.attendance.forEach((record, index) => {
    if (record === undefined) return;
    const what = `attendance[${index}]`;
    const entry = heldSession(context, record.sessionId, ["attendance", index, "sessionId"], what);
    const missing = unknownMember(context, record.memberId, ["attendance", index, "memberId"], what);

    let bySession = seen.get(record.sessionId);
    if (bySession === undefined) {
      bySession = new Map();
      seen.set(record.sessionId, bySession);
    }
    const first = bySession.get(record.memberId);
    if (first === undefined) bySession.set(record.memberId, index);
    else {
      error(
        context,
        "duplicate-attendance",
        ["attendance", index],
        `${what} repeats attendance[${first}] for member "${record.memberId}" at session "${record.sessionId}"; keep one record per member and session.`,
      );
    }
    if (record.status === "absent" || record.status === "excused") {
      let members = absent.get(record.sessionId);
      if (members === undefined) {
        members = new Set();
        absent.set(record.sessionId, members);
      }
      members.add(record.memberId);
    }
    if (
      record.arrivedAt !== undefined &&
      record.departedAt !== undefined &&
      Date.parse(record.departedAt) < Date.parse(record.arrivedAt)
    ) {
      error(
        context,
        "departure-before-arrival",
        ["attendance", index, "departedAt"],
        `${what} has the member leaving at ${record.departedAt}, before arriving at ${record.arrivedAt}.`,
      );
    }
    if (entry === undefined) return;
    if (entry.session.status === "scheduled" && !stillScheduled.has(record.sessionId)) {
      stillScheduled.add(record.sessionId);
      warning(
        context,
        "session-still-scheduled",
        ["sessions", entry.index, "status"],
        `Session ${entry.session.sequence} has attendance but is still "scheduled"; mark it "held" once it has taken place.`,
      );
    }
    if (
      !missing &&
      entry.day !== undefined &&
      context.memberIndex.has(record.memberId) &&
      !isEnrolledOn(context, record.memberId, entry.day)
    ) {
      error(
        context,
        "member-not-enrolled",
        ["attendance", index, "memberId"],
        `${what} records member "${record.memberId}" at session ${entry.session.sequence} on ${entry.day}, when no membership of theirs covered that day; fix the membership period or the record.`,
      );
    }
  });
  checkUnrecordedMembers(context, seen);
  checkCapacity(context);
  return absent;
}

/** Members (clients) enrolled while sessions were held who have no attendance at all: odd, not wrong. */
function checkUnrecordedMembers(context: CheckContext, seen: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  const recorded = new Set<string>();
  for (const bySession of seen.values()) for (const memberId of bySession.keys()) recorded.add(memberId);
  const heldDays = [...context.sessionsById.values()].filter(
    (entry) => entry.session.status === "held" && entry.day !== undefined,
  );
  context.record.members.forEach((member, index) => {
    if (member === undefined || recorded.has(member.id)) return;
    const memberships = (context.membershipsByMember.get(member.id) ?? []).filter((m) => m.role === "member");
    const offered = heldDays.some((entry) =>
      memberships.some((membership) => periodCovers(membership, entry.day as string)),
    );
    if (offered) {
      warning(
        context,
        "member-without-attendance",
        ["members", index],
        `Member "${member.id}" (${member.displayName}) was enrolled while sessions were held but has no attendance records; record their attendance, even as "not-recorded".`,
      );
    }
  });
}

/** Held sessions with more enrolled members than the group's capacity. */
function checkCapacity(context: CheckContext): void {
  const capacity = context.record.group?.capacity;
  if (capacity === undefined) return;
  const clients = context.record.memberships.filter((m) => m !== undefined && m.role === "member");
  for (const { session, index, day } of context.sessionsById.values()) {
    if (session.status !== "held" || day === undefined) continue;
    const enrolled = clients.filter((membership) => membership !== undefined && periodCovers(membership, day)).length;
    if (enrolled > capacity) {
      warning(
        context,
        "capacity-exceeded",
        ["sessions", index],
        `Session ${session.sequence} had ${enrolled} enrolled members, more than the group's capacity of ${capacity}.`,
      );
    }
  }
}

/** Turns: known session that took place, known speaker, a sensible time span. */
export function checkTurns(context: CheckContext, absent: ReadonlyMap<string, ReadonlySet<string>>): void {
  const overrun = new Map<string, { first: number; count: number }>();
  const absentSpeakers = new Set<string>();
  const turns = context.record.turns;
  for (let index = 0; index < turns.length; index++) {
    const turn = turns[index];
    if (turn === undefined) continue;
    const what = `turns[${index}]`;
    const entry = heldSession(context, turn.sessionId, ["turns", index, "sessionId"], what);
    unknownMember(context, turn.memberId, ["turns", index, "memberId"], what);
    if (turn.respondsTo !== undefined) unknownMember(context, turn.respondsTo, ["turns", index, "respondsTo"], what);
    if (turn.end < turn.start) {
      error(
        context,
        "turn-ends-before-start",
        ["turns", index, "end"],
        `${what} ends at ${turn.end} s, before it starts at ${turn.start} s.`,
      );
    }
    if (entry === undefined) continue;
    if (turn.end > entry.session.durationMinutes * 60) {
      const seen = overrun.get(turn.sessionId);
      if (seen === undefined) overrun.set(turn.sessionId, { first: index, count: 1 });
      else seen.count++;
    }
    if (absent.get(turn.sessionId)?.has(turn.memberId) === true) {
      const key = `${turn.sessionId}\u0000${turn.memberId}`;
      if (!absentSpeakers.has(key)) {
        absentSpeakers.add(key);
        warning(
          context,
          "speaker-marked-absent",
          ["turns", index, "memberId"],
          `Member "${turn.memberId}" has turns in session "${turn.sessionId}" but is recorded absent or excused there; check the attendance.`,
        );
      }
    }
  }
  for (const [sessionId, { first, count }] of overrun) {
    const session = context.sessionsById.get(sessionId)?.session;
    warning(
      context,
      "turn-beyond-session",
      ["turns", first, "end"],
      `${count} turn(s) in session "${sessionId}" end after its planned ${session?.durationMinutes} minutes, the first at turns[${first}]; check the timing or the session's duration.`,
    );
  }
}

/** Interaction acts: known session that took place, known member and addressee. */
export function checkInteractionActs(context: CheckContext): void {
  context.record.interactionActs.forEach((act, index) => {
    if (act === undefined) return;
    const what = `interactionActs[${index}]`;
    heldSession(context, act.sessionId, ["interactionActs", index, "sessionId"], what);
    unknownMember(context, act.memberId, ["interactionActs", index, "memberId"], what);
    if (act.addresseeId !== undefined)
      unknownMember(context, act.addresseeId, ["interactionActs", index, "addresseeId"], what);
  });
}
