import { localDate } from "../_lib/calendar.js";
import { instantTime } from "../_lib/dates.js";
import { readArgument } from "../_lib/errors.js";
import { placeInPeriod } from "../_lib/period.js";
import type { MemberId, SessionId } from "../model/index.js";
import { isId } from "./check-entries.js";
import {
  badStart,
  badStatus,
  checkMembership,
  checkRecordEntry,
  checkRecordIds,
  checkSession,
  checkSource,
  duplicateSequence,
} from "./check-record.js";
import { compareText } from "./order.js";
import type {
  AttendanceSource,
  NotCountedAttendance,
  SourceMembership,
  SourceRecord,
  SourceSession,
} from "./source.js";
import { type StatusEntry, statusEntry } from "./statuses.js";

// Private to the metrics room: a group record's attendance register, read once into plain structures for the
// attendance summary, trend, dropout, retention and flags. A session is offered to a client when it took place
// (status `held`) on a day one of their memberships with the role `member` covers, in the group's own time zone.

/** A session of the record with its calendar day in the group's time zone. */
export interface DatedSession {
  readonly session: SourceSession;
  /** The session's id, as the results give it. */
  readonly id: SessionId;
  /** The day the session is scheduled to start on, in the group's time zone. */
  readonly day: string;
  /** Its position among the held sessions of the register, or -1 when it was not held (or falls after `asOf`). */
  readonly heldIndex: number;
}

/** One client (a person with a membership of role `member`), the sessions offered to them and their attendance. */
export interface RegisteredClient {
  readonly memberId: MemberId;
  /** The person's memberships with the role `member`, in record order. */
  readonly memberships: readonly SourceMembership[];
  /**
   * The held sessions offered to the client, as unbroken stretches of held positions in order: one per membership,
   * or per run of memberships with no held session between them. {@link offeredSessions} lists the sessions.
   */
  readonly stretches: readonly Stretch[];
  /**
   * The client's status at each offered session, in order, as its vocabulary entry (`code`, `attended`); `undefined`
   * where no record exists.
   */
  readonly statuses: readonly (StatusEntry | undefined)[];
}

/** A record's attendance register: the sessions in order, every client's attendance, and what counted for nobody. */
export interface AttendanceRegister {
  /** Every session of the record with its day, in record order (`asOf` does not apply). */
  readonly allSessions: readonly Pick<DatedSession, "session" | "day">[];
  /** The sessions on or before `asOf`, in order of day, then number, then id. */
  readonly sessions: readonly DatedSession[];
  /** The held sessions among them, in the same order (`heldIndex` is the position here). */
  readonly held: readonly DatedSession[];
  /** Clients in the order their first `member` membership appears. */
  readonly clients: readonly RegisteredClient[];
  /** Attendance records that count towards no client's offered sessions, with the reason. */
  readonly notCounted: readonly NotCountedAttendance[];
}

// Where a calendar day falls against a membership's period (-1 before, 0 within, 1 after; both ends inclusive) is
// the model's rule for isActiveMember too, so it has one home in _lib; the metrics read it from here.
export { placeInPeriod };

/**
 * Reads a record's attendance register: checks what the metrics read, dates the sessions in the group's time zone,
 * works out which held sessions each client was offered, and reads each attendance record once, either into its
 * client's status at a session offered to them or into `notCounted` with the reason. The first record of a client at
 * a session counts; the records may come in any order. A part of the record that throws when read (a revoked Proxy,
 * a getter that throws) is a GroupworkError saying the record could not be read, not an exception from inside.
 */
export function readRegister(source: AttendanceSource, asOf: string | undefined, caller: string): AttendanceRegister {
  return readArgument(`${caller}: record`, () => registerOf(source, asOf, caller));
}

/** {@link readRegister}, without turning what the record throws into a GroupworkError. */
function registerOf(source: AttendanceSource, asOf: string | undefined, caller: string): AttendanceRegister {
  checkSource(source, caller);
  const { allSessions, sessions, held } = datedSessions(source.sessions, source.group.timeZone, asOf, caller);
  const clients = clientsOf(source.memberships, held, caller);
  // Why a record that names no held session on or before `asOf` counts for nobody; unknown ids are the rest.
  const notHeld = new Map<string, NotHeldReason>();
  for (const { session, day } of allSessions) {
    if (asOf !== undefined && day > asOf) notHeld.set(session.id, "after-as-of");
  }
  for (const { session, heldIndex } of sessions) {
    if (heldIndex < 0) notHeld.set(session.id, "session-not-held");
  }
  const notCounted = readAttendance(source.attendance, clients, held, notHeld, caller);
  return {
    allSessions,
    sessions,
    held,
    clients: [...clients.values()].map(({ memberships, stretches, statuses }) => ({
      // Every client has a membership; the first names them. The id was checked, and results brand it.
      memberId: (memberships[0] as SourceMembership).memberId as MemberId,
      memberships,
      stretches,
      statuses,
    })),
    notCounted,
  };
}

type NotHeldReason = "after-as-of" | "session-not-held";

/**
 * An unbroken stretch of held sessions offered to a client: held positions `from` up to `to` (not included), which
 * are their offered sessions from position `slot` on.
 */
export interface Stretch {
  readonly from: number;
  readonly to: number;
  readonly slot: number;
}

/** The held sessions offered to a client, in order: side by side with their `statuses`. */
export function offeredSessions(register: AttendanceRegister, client: RegisteredClient): DatedSession[] {
  return client.stretches.reduce<DatedSession[]>(
    (list, { from, to }) => list.concat(register.held.slice(from, to)),
    [],
  );
}

/** A client while the records are read: their statuses fill in as records come. */
interface ClientReading {
  readonly memberships: SourceMembership[];
  readonly stretches: readonly Stretch[];
  readonly statuses: (StatusEntry | undefined)[];
}

/**
 * Each client's memberships with the role `member`, by person in the order their first one appears, with the held
 * sessions offered to them and no status yet.
 */
function clientsOf(
  memberships: readonly SourceMembership[],
  held: readonly DatedSession[],
  caller: string,
): Map<string, ClientReading> {
  const byMember = new Map<string, SourceMembership[]>();
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused at once rather than skipped
  // (forEach would also walk every empty position of a sparse list a billion long).
  for (let index = 0; index < memberships.length; index++) {
    const membership = memberships[index] as SourceMembership;
    checkMembership(membership, index, caller);
    if (membership.role !== "member") continue;
    const list = byMember.get(membership.memberId);
    if (list === undefined) byMember.set(membership.memberId, [membership]);
    else list.push(membership);
  }
  const clients = new Map<string, ClientReading>();
  for (const [memberId, list] of byMember) {
    const stretches = stretchesOf(list, held);
    const offered = stretches.reduce((count, { from, to }) => count + to - from, 0);
    clients.set(memberId, { memberships: list, stretches, statuses: new Array(offered) });
  }
  return clients;
}

/** The stretches of held sessions a person's memberships cover, in order, without overlaps. */
function stretchesOf(memberships: readonly SourceMembership[], held: readonly DatedSession[]): Stretch[] {
  // Held sessions are in calendar order, so those a period covers are one unbroken stretch: from the first held
  // session not before the period to the first after it.
  const covered: [number, number][] = [];
  for (const membership of memberships) {
    const from = firstHeld(held, (day) => placeInPeriod(membership, day) >= 0);
    const to = firstHeld(held, (day) => placeInPeriod(membership, day) > 0);
    if (from < to) covered.push([from, to]);
  }
  // The parser refuses overlapping memberships; joining the stretches keeps a bad record from offering a session twice.
  covered.sort((a, b) => a[0] - b[0]);
  const joined: [number, number][] = [];
  for (const [from, to] of covered) {
    const last = joined[joined.length - 1];
    if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
    else joined.push([from, to]);
  }
  let slot = 0;
  return joined.map(([from, to]) => {
    const stretch = { from, to, slot };
    slot += to - from;
    return stretch;
  });
}

/** The position of the first held session whose day passes a test that, once passed, stays passed; or their count. */
function firstHeld(held: readonly DatedSession[], passes: (day: string) => boolean): number {
  let low = 0;
  let high = held.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    // Within bounds: low ≤ middle < high ≤ held.length.
    if (passes((held[middle] as DatedSession).day)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Where a held session sits among a client's offered sessions, or -1 when it was not offered to them. */
function slotOf(stretches: readonly Stretch[], heldIndex: number): number {
  for (const { from, to, slot } of stretches) {
    if (heldIndex >= from && heldIndex < to) return slot + heldIndex - from;
  }
  return -1;
}

/**
 * Reads each attendance record once: into its client's status at a held session offered to them, or into the list
 * of records that count for nobody, with the reason. The first record of a client at a session counts.
 */
function readAttendance(
  attendance: AttendanceSource["attendance"],
  clients: ReadonlyMap<string, ClientReading>,
  held: readonly DatedSession[],
  notHeld: ReadonlyMap<string, NotHeldReason>,
  caller: string,
): NotCountedAttendance[] {
  const heldIndexById = new Map<string, number>(held.map((dated) => [dated.session.id, dated.heldIndex]));
  const notCounted: NotCountedAttendance[] = [];
  // The ids were checked; results brand them.
  const skip = (index: number, record: SourceRecord, reason: NotCountedAttendance["reason"]) =>
    notCounted.push({
      index,
      sessionId: record.sessionId as SessionId,
      memberId: record.memberId as MemberId,
      reason,
    });
  for (let index = 0; index < attendance.length; index++) {
    const record = attendance[index] as SourceRecord;
    checkRecordEntry(record, index, caller);
    const status = statusEntry(record.status);
    if (status === undefined) throw badStatus(record, index, caller);
    if (!isId(record.memberId) || !isId(record.sessionId)) checkRecordIds(record, index, caller);
    const client = clients.get(record.memberId);
    if (client === undefined) {
      skip(index, record, "not-a-client");
      continue;
    }
    const heldIndex = heldIndexById.get(record.sessionId);
    if (heldIndex === undefined) {
      skip(index, record, notHeld.get(record.sessionId) ?? "unknown-session");
      continue;
    }
    const slot = slotOf(client.stretches, heldIndex);
    if (slot < 0) skip(index, record, "not-enrolled");
    else if (client.statuses[slot] !== undefined) skip(index, record, "duplicate");
    else client.statuses[slot] = status;
  }
  return notCounted;
}

/** Every session dated; those on or before `asOf` in calendar order; and the held ones among them. */
function datedSessions(
  list: readonly SourceSession[],
  timeZone: string,
  asOf: string | undefined,
  caller: string,
): Pick<AttendanceRegister, "allSessions" | "sessions" | "held"> {
  // A plain index loop over the caller's list: a list may carry its own `constructor`, which `map` would call, and a
  // hole is refused at once, as for memberships, not skipped.
  const days: Pick<DatedSession, "session" | "day">[] = [];
  const numbered = new Map<number, number>();
  for (let index = 0; index < list.length; index++) {
    const session = list[index] as SourceSession;
    checkSession(session, index, caller);
    const first = numbered.get(session.sequence);
    if (first !== undefined) throw duplicateSequence(session.sequence, first, index, caller);
    numbered.set(session.sequence, index);
    if (Number.isNaN(instantTime(session.scheduledStart))) throw badStart(session, index, caller);
    days.push({ session, day: localDate(session.scheduledStart, timeZone) });
  }
  const kept = days.filter(({ day }) => asOf === undefined || day <= asOf);
  // Sessions in calendar order; the session number breaks ties, then the id, so the order never depends on input order.
  kept.sort(
    (a, b) =>
      compareText(a.day, b.day) || a.session.sequence - b.session.sequence || compareText(a.session.id, b.session.id),
  );
  let heldCount = 0;
  const sessions = kept.map(({ session, day }) => ({
    session,
    // The id was checked; results brand it.
    id: session.id as SessionId,
    day,
    heldIndex: session.status === "held" ? heldCount++ : -1,
  }));
  return {
    allSessions: days,
    sessions,
    held: sessions.filter((entry) => entry.heldIndex >= 0),
  };
}
