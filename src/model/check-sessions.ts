import { describeValue } from "../_lib/errors.js";
import { type CheckContext, type IndexedSession, isEnrolledOn, isKnownMember, reportOnce } from "./check-context.js";

// Lookups shared by the checks of what happened in sessions (attendance, turns, acts). They run once per entry, a
// million times for a large record, so paths and sentences are built only when there is something to report.

/** The lists whose entries happen in a session. */
export type EventList = "attendance" | "turns" | "interactionActs" | "stageEvents";

const NOT_HELD_WORDS: Readonly<Record<string, string>> = {
  cancelled: "was cancelled",
  "did-not-take-place": "did not take place",
};

/** `count` entries of `list`, named by the first: "attendance[3] is" for one, "4 attendance entries, the first …, are". */
function entriesOf(count: number, first: string, list: EventList, one: string, many: string): string {
  return count === 1 ? `${first} ${one}` : `${count} ${list} entries, the first ${first}, ${many}`;
}

/**
 * Resolves the session of `list[index]`. Reports an unknown session or one that did not take place, and returns the
 * session only when the entry can be checked further.
 *
 * Either problem comes once per session and list, at the first entry, with the number of entries: a session missing
 * from `sessions`, or marked as not held with all its attendance still recorded, is one mistake, not one per entry.
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
      reportOnce(
        context,
        `unknown-session\u0000${list}\u0000${sessionId}`,
        "error",
        "unknown-session",
        [list, index, "sessionId"],
        (count) =>
          `${entriesOf(count, `${list}[${index}]`, list, "refers", "refer")} to session ${describeValue(sessionId)}, which is not in sessions; add the session or fix the ${count === 1 ? "id" : "ids"}.`,
      );
    }
    return undefined;
  }
  const status = NOT_HELD_WORDS[entry.session.status];
  if (status !== undefined) {
    const { session } = entry;
    reportOnce(
      context,
      `session-not-held\u0000${list}\u0000${sessionId}`,
      "error",
      "session-not-held",
      [list, index, "sessionId"],
      (count) =>
        `${entriesOf(count, `${list}[${index}]`, list, "is", "are")} for session ${session.sequence} (${describeValue(sessionId)}), which ${status}; such a session has no attendance, turns, acts or stage events. Remove them or correct the session's status.`,
    );
    return undefined;
  }
  return entry;
}

/**
 * Reports a person id in `list[index][field]` that is not in the record; returns whether it was unknown. A person
 * missing from `members` is reported once per list, at the first entry that names them, with the number of entries.
 */
export function unknownMember(
  context: CheckContext,
  memberId: string,
  list: EventList,
  index: number,
  field: string,
): boolean {
  if (isKnownMember(context, memberId)) return false;
  reportOnce(
    context,
    `unknown-member\u0000${list}\u0000${memberId}`,
    "error",
    "unknown-member",
    [list, index, field],
    (count) =>
      count === 1
        ? `${list}[${index}] names person ${describeValue(memberId)}, who is not in members; add them or fix the id.`
        : `${count} ${list} entries, the first ${list}[${index}].${field}, name person ${describeValue(memberId)}, who is not in members; add them or fix the ids.`,
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

/**
 * Reports the person of `list[index]` taking part in a session on a day no membership of theirs covers: once per
 * person and list, at the first such entry, with the number of entries, since one wrong period touches them all.
 */
export function notEnrolled(
  context: CheckContext,
  entry: IndexedSession,
  memberId: string,
  list: EventList,
  index: number,
): void {
  const { session, day } = entry;
  reportOnce(
    context,
    `member-not-enrolled\u0000${list}\u0000${memberId}`,
    "error",
    "member-not-enrolled",
    [list, index, "memberId"],
    (count) =>
      count === 1
        ? `${list}[${index}] records person ${describeValue(memberId)} at session ${session.sequence} on ${day}, when no membership of theirs covered that day; fix the membership period or the entry.`
        : `${count} ${list} entries, the first ${list}[${index}] (session ${session.sequence} on ${day}), record person ${describeValue(memberId)} on days no membership of theirs covered; fix the membership period or the entries.`,
  );
}
