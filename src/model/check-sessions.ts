import { type CheckContext, error, type IndexedSession, isEnrolledOn, isKnownMember } from "./check-context.js";
import { quoteId } from "./quote.js";

// Lookups shared by the checks of what happened in sessions (attendance, turns, acts). They run once per entry, a
// million times for a large record, so paths and sentences are built only when there is something to report.

/** The lists whose entries happen in a session. */
export type EventList = "attendance" | "turns" | "interactionActs" | "stageEvents";

const NOT_HELD_WORDS: Readonly<Record<string, string>> = {
  cancelled: "was cancelled",
  "did-not-take-place": "did not take place",
};

/**
 * Resolves the session of `list[index]`. Reports an unknown session or one that did not take place, and returns the
 * session only when the entry can be checked further.
 */
export function heldSession(
  context: CheckContext,
  sessionId: string,
  list: EventList,
  index: number,
): IndexedSession | undefined {
  const entry = context.sessionsById.get(sessionId);
  if (entry === undefined) {
    const { record } = context;
    if (!record.sessionsUnreadable && !record.brokenSessionIds.has(sessionId)) {
      error(
        context,
        "unknown-session",
        [list, index, "sessionId"],
        `${list}[${index}] refers to session ${quoteId(sessionId)}, which is not in sessions; add the session or fix the id.`,
      );
    }
    return undefined;
  }
  if (NOT_HELD_WORDS[entry.session.status] !== undefined) {
    notHeld(context, entry, list, index);
    return undefined;
  }
  return entry;
}

// A session marked as not held with all its attendance still recorded would otherwise give one error per entry,
// thousands for one wrong status: the error comes once per session and list, at the first entry, with the count.
function notHeld(context: CheckContext, entry: IndexedSession, list: EventList, index: number): void {
  const reports = context.notHeld;
  const key = `${list}\u0000${entry.session.id}`;
  const report = reports.get(key);
  if (report !== undefined) {
    report.count++;
    return;
  }
  reports.set(key, { issue: context.issues.length, count: 1 });
  error(context, "session-not-held", [list, index, "sessionId"], "");
}

/** Writes the sentences of the session-not-held errors, now that their entries are counted. */
export function finishNotHeld(context: CheckContext): void {
  for (const [key, { issue, count }] of context.notHeld) {
    const reported = context.issues[issue];
    const [list = "", sessionId = ""] = key.split("\u0000");
    const session = context.sessionsById.get(sessionId)?.session;
    if (reported === undefined || session === undefined) continue;
    const status = NOT_HELD_WORDS[session.status] ?? session.status;
    const entries =
      count === 1
        ? `${reported.path[0]}[${reported.path[1]}] is`
        : `${count} ${list} entries, the first ${reported.path[0]}[${reported.path[1]}], are`;
    context.issues[issue] = {
      ...reported,
      message: `${entries} for session ${session.sequence} (${quoteId(sessionId)}), which ${status}; such a session has no attendance, turns, acts or stage events. Remove them or correct the session's status.`,
    };
  }
}

/** Reports a person id in `list[index][field]` that is not in the record; returns whether it was unknown. */
export function unknownMember(
  context: CheckContext,
  memberId: string,
  list: EventList,
  index: number,
  field: string,
): boolean {
  if (isKnownMember(context, memberId)) return false;
  error(
    context,
    "unknown-member",
    [list, index, field],
    `${list}[${index}] names person ${quoteId(memberId)}, who is not in members; add them or fix the id.`,
  );
  return true;
}

// A large record holds a million turns by a few dozen people in a few hundred sessions, so what can be known about a
// person in a session (known, enrolled that day, recorded absent) is worked out once per session and person and kept
// in a small bit set.

/** Flags of a person in a session. */
export const KNOWN = 1;
export const ENROLLED = 2;
export const ABSENT = 4;
const ABSENCE_REPORTED = 8;

/** What is known about the people who take part in one session. */
export class SessionPeople {
  private readonly flags = new Map<string, number>();

  constructor(
    private readonly context: CheckContext,
    readonly entry: IndexedSession,
    private readonly absent: ReadonlySet<string> | undefined,
  ) {}

  /** The flags of a person in this session, worked out on first use. */
  of(memberId: string): number {
    let flags = this.flags.get(memberId);
    if (flags === undefined) {
      const { context, entry } = this;
      flags = 0;
      if (isKnownMember(context, memberId)) flags |= KNOWN;
      // A person the shape check could not read, or a day the group's zone cannot give, counts as enrolled.
      if (entry.day === undefined || !context.memberIndex.has(memberId) || isEnrolledOn(context, memberId, entry.day)) {
        flags |= ENROLLED;
      }
      if (this.absent?.has(memberId) === true) flags |= ABSENT;
      this.flags.set(memberId, flags);
    }
    return flags;
  }

  /** Notes that the absence of a person was reported; true the first time only. */
  firstAbsenceReport(memberId: string): boolean {
    const flags = this.of(memberId);
    if ((flags & ABSENCE_REPORTED) !== 0) return false;
    this.flags.set(memberId, flags | ABSENCE_REPORTED);
    return true;
  }
}

/** Finds the people of a session, remembering the last one because entries of one session usually come together. */
export class SessionCursor {
  private readonly bySession = new Map<string, SessionPeople>();
  private lastId: string | undefined;
  private last: SessionPeople | undefined;

  constructor(
    private readonly context: CheckContext,
    private readonly absent: ReadonlyMap<string, ReadonlySet<string>>,
  ) {}

  /** The people of the session of `list[index]`, or `undefined` (reported) when it is unknown or was not held. */
  at(sessionId: string, list: EventList, index: number): SessionPeople | undefined {
    if (sessionId === this.lastId && this.last !== undefined) return this.last;
    let people = this.bySession.get(sessionId);
    if (people === undefined) {
      const entry = heldSession(this.context, sessionId, list, index);
      if (entry === undefined) return undefined;
      people = new SessionPeople(this.context, entry, this.absent.get(sessionId));
      this.bySession.set(sessionId, people);
    }
    this.lastId = sessionId;
    this.last = people;
    return people;
  }
}

/** Reports the person of `list[index]` taking part in a session on a day no membership of theirs covers. */
export function notEnrolled(
  context: CheckContext,
  entry: IndexedSession,
  memberId: string,
  list: EventList,
  index: number,
): void {
  error(
    context,
    "member-not-enrolled",
    [list, index, "memberId"],
    `${list}[${index}] records person ${quoteId(memberId)} at session ${entry.session.sequence} on ${entry.day}, when no membership of theirs covered that day; fix the membership period or the entry.`,
  );
}
