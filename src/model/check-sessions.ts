import { type CheckContext, error, type IndexedSession, isEnrolledOn, isKnownMember } from "./check-context.js";
import type { IssuePath } from "./issues.js";

// Lookups shared by the checks of what happened in sessions (attendance, turns, acts).

const NOT_HELD_WORDS: Readonly<Record<string, string>> = {
  cancelled: "was cancelled",
  "did-not-take-place": "did not take place",
};

/**
 * Resolves a session reference. Reports an unknown session or one that did not take place, and returns the session
 * only when the entry can be checked further.
 */
export function heldSession(
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
  const notHeld = NOT_HELD_WORDS[entry.session.status];
  if (notHeld !== undefined) {
    // DOMAIN.md §3: a session that did not take place is never an absence (nor a presence) for its members.
    error(
      context,
      "session-not-held",
      path,
      `${what} is for session ${entry.session.sequence} ("${sessionId}"), which ${notHeld}; such a session has no attendance, turns or acts. Remove the entry or correct the session's status.`,
    );
    return undefined;
  }
  return entry;
}

/** Reports a member id that is not in the record; returns whether it was unknown. */
export function unknownMember(context: CheckContext, memberId: string, path: IssuePath, what: string): boolean {
  if (isKnownMember(context, memberId)) return false;
  error(
    context,
    "unknown-member",
    path,
    `${what} names person "${memberId}", who is not in members; add them or fix the id.`,
  );
  return true;
}

/**
 * Whether a known person was enrolled on the day of a session, remembered per session and person, because a session
 * has thousands of turns by a dozen people.
 */
export function enrolledAt(
  context: CheckContext,
  cache: Map<string, Map<string, boolean>>,
  entry: IndexedSession,
  memberId: string,
): boolean {
  if (entry.day === undefined || !context.memberIndex.has(memberId)) return true;
  let bySession = cache.get(entry.session.id);
  if (bySession === undefined) {
    bySession = new Map();
    cache.set(entry.session.id, bySession);
  }
  let enrolled = bySession.get(memberId);
  if (enrolled === undefined) {
    enrolled = isEnrolledOn(context, memberId, entry.day);
    bySession.set(memberId, enrolled);
  }
  return enrolled;
}

/** Reports a person who takes part in a session on a day no membership of theirs covers. */
export function notEnrolled(
  context: CheckContext,
  entry: IndexedSession,
  memberId: string,
  path: IssuePath,
  what: string,
): void {
  error(
    context,
    "member-not-enrolled",
    path,
    `${what} records person "${memberId}" at session ${entry.session.sequence} on ${entry.day}, when no membership of theirs covered that day; fix the membership period or the entry.`,
  );
}
