import { describeValue } from "../_lib/errors.js";
import { periodCovers } from "./active.js";
import { type CheckContext, error, reportOnce, warning } from "./check-context.js";
import { ENROLLED, notEnrolled, SessionCursor, unknownMember } from "./check-sessions.js";
import { attendanceStatuses } from "./vocabulary/index.js";

// Checks of attendance: who was there, at sessions that took place, while enrolled.

// How each status counts comes from the vocabulary, the one place the rule is written (late counts as attended).
// Built on first use, like the facilitating roles, so importing the vocabulary alone keeps this module out.
let attendedByStatus: ReadonlyMap<string, boolean | null> | undefined;
function attendedFor(status: string): boolean | null | undefined {
  attendedByStatus ??= new Map(attendanceStatuses.entries.map((entry) => [entry.code, entry.attended]));
  return attendedByStatus.get(status);
}

/** Arrival and departure times more than this far outside a session's planned span are probably typos. */
const TIME_SLACK_MS = 60 * 60 * 1000;

/** Who was recorded absent or excused at each session, for the checks of turns and acts. */
export type AbsentBySession = ReadonlyMap<string, ReadonlySet<string>>;

/**
 * Attendance: a known session that took place, a known person enrolled that day, one record per person and session,
 * and times that fit the status and the session.
 */
export function checkAttendance(context: CheckContext): AbsentBySession {
  const seen = new Map<string, Map<string, number>>();
  const absent = new Map<string, Set<string>>();
  const stillScheduled = new Set<string>();
  // Absences are what this pass collects, so the cursor is given none.
  const sessions = new SessionCursor(context, new Map());

  context.record.attendance.forEach((record, index) => {
    if (record === undefined) return;
    const what = `attendance[${index}]`;
    const people = sessions.at(record.sessionId, "attendance", index);
    const entry = people?.entry;
    unknownMember(context, record.memberId, "attendance", index, "memberId");

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
        `${what} repeats attendance[${first}] for person ${describeValue(record.memberId)} at session ${describeValue(record.sessionId)}; keep one record per person and session.`,
      );
    }
    const attended = attendedFor(record.status);
    if (attended === false) {
      let members = absent.get(record.sessionId);
      if (members === undefined) {
        members = new Set();
        absent.set(record.sessionId, members);
      }
      members.add(record.memberId);
    }
    if (attended !== true && (record.arrivedAt !== undefined || record.departedAt !== undefined)) {
      error(
        context,
        "times-for-absent-member",
        ["attendance", index, record.arrivedAt !== undefined ? "arrivedAt" : "departedAt"],
        `${what} is ${describeValue(record.status)} but has an arrival or departure time; a person who was not there has no times. Correct the status or remove the times.`,
      );
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
        `${what} has the person leaving at ${record.departedAt}, before arriving at ${record.arrivedAt}.`,
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
    if (people !== undefined && (people.of(record.memberId) & ENROLLED) === 0) {
      notEnrolled(context, entry, record.memberId, "attendance", index);
    }
    const { startMs, endMs, session } = entry;
    for (const field of ["arrivedAt", "departedAt"] as const) {
      const time = record[field];
      if (time === undefined) continue;
      const at = Date.parse(time);
      if (at < startMs - TIME_SLACK_MS || at > endMs + TIME_SLACK_MS) {
        // Once per session: a session whose start or offset is wrong puts every arrival and departure outside it.
        reportOnce(
          context,
          `time-outside-session\u0000${record.sessionId}`,
          "warning",
          "time-outside-session",
          ["attendance", index, field],
          (count) =>
            count === 1
              ? `${what}.${field} is ${time}, more than an hour outside session ${session.sequence} (${session.scheduledStart}, ${session.durationMinutes} minutes); check the date and offset.`
              : `${count} arrival and departure times are more than an hour outside session ${session.sequence} (${session.scheduledStart}, ${session.durationMinutes} minutes), the first ${what}.${field} (${time}); check the session's start and offset, or the times.`,
        );
      }
    }
  });
  checkUnrecordedMembers(context, seen);
  checkCapacity(context);
  return absent;
}

/** Clients enrolled while sessions were held who have no attendance at all: odd, not wrong. */
function checkUnrecordedMembers(context: CheckContext, seen: ReadonlyMap<string, ReadonlyMap<string, number>>): void {
  const recorded = new Set<string>();
  for (const bySession of seen.values()) for (const memberId of bySession.keys()) recorded.add(memberId);
  const heldDays: string[] = [];
  for (const entry of context.sessionsById.values()) {
    if (entry.session.status === "held" && entry.day !== undefined) heldDays.push(entry.day);
  }
  context.record.members.forEach((member, index) => {
    if (member === undefined || recorded.has(member.id)) return;
    const memberships = (context.membershipsByMember.get(member.id) ?? []).filter((m) => m.role === "member");
    const offered = heldDays.some((day) => memberships.some((membership) => periodCovers(membership, day)));
    if (offered) {
      warning(
        context,
        "member-without-attendance",
        ["members", index],
        `Person ${describeValue(member.id)} was enrolled as a member while sessions were held but has no attendance records; record each session for them, using "not-recorded" where nobody noted it.`,
      );
    }
  });
}

/** Held sessions with more enrolled members (clients) than the group's capacity, reported once for the group. */
function checkCapacity(context: CheckContext): void {
  const capacity = context.record.group?.capacity;
  if (capacity === undefined) return;
  const clients = context.record.memberships.filter((m) => m !== undefined && m.role === "member");
  const over: string[] = [];
  for (const { session, day } of context.sessionsById.values()) {
    if (session.status !== "held" || day === undefined) continue;
    const enrolled = clients.filter((membership) => membership !== undefined && periodCovers(membership, day)).length;
    if (enrolled > capacity) over.push(`${session.sequence} (${enrolled})`);
  }
  if (over.length > 0) {
    warning(
      context,
      "capacity-exceeded",
      ["group", "capacity"],
      `More members were enrolled than the group's capacity of ${capacity} at session(s) ${over.join(", ")}; raise the capacity or check the memberships.`,
    );
  }
}
