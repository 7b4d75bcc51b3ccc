// What the board shows, as plain data computed from a parsed group record with the library's public functions.
// No React here: each function is a plain reading of the record, so the components only lay it out.
import { TZDate, tzOffset } from "@date-fns/tz";
import { formatISO } from "date-fns";
import { attendanceSummary, participationFlags, turnAnalytics } from "groupwork/metrics";
import { type GroupRecord, isActiveMember, type Member, type Session } from "groupwork/model";
import { closedStage, type StageEventType, type StageInput, type StageModel } from "groupwork/stages";

/** A member as the board names them: the name they asked to be called by, else their display name. */
export function nameOf(record: GroupRecord, memberId: string): string {
  const member = record.members.find((candidate) => candidate.id === memberId);
  return member?.preferredName ?? member?.displayName ?? memberId;
}

/** The group's clients (role `member`), not its facilitators or interpreters. */
export function clientsOf(record: GroupRecord): Member[] {
  const ids = new Set<string>(record.memberships.filter((m) => m.role === "member").map((m) => m.memberId));
  return record.members.filter((member) => ids.has(member.id));
}

/** The workers who may record a stage event: facilitators of every kind, the lead first. */
export function facilitatorsOf(record: GroupRecord): Member[] {
  const order = ["facilitator", "co-facilitator", "peer-facilitator"];
  const workers = record.memberships
    .filter((membership) => order.includes(membership.role))
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
  return workers.flatMap((membership) => record.members.filter((member) => member.id === membership.memberId));
}

/** Sessions in the order they were planned. */
export function sessionsInOrder(record: GroupRecord): Session[] {
  return [...record.sessions].sort((a, b) => a.sequence - b.sequence);
}

/**
 * Where the group's stage machine starts: at its first session (or, before any is planned, the first minute of its
 * start day on its own clock), recorded by its lead facilitator, with the clients enrolled on its first day.
 */
export function stageStart(record: GroupRecord): StageInput {
  const { group } = record;
  const first = sessionsInOrder(record)[0];
  const at = first?.scheduledStart ?? zonedInstant(`${group.startDate}T00:00`, group.timeZone).at;
  const clients = record.memberships.filter((membership) => membership.role === "member");
  return {
    at: at ?? `${group.startDate}T00:00:00Z`,
    by: facilitatorsOf(record)[0]?.id ?? "facilitator",
    activeMembers: clients.filter((membership) => isActiveMember(membership, group.startDate)).length,
  };
}

/** When a session ends: its start plus its planned length. */
export function sessionEnd(session: Session, timeZone: string): string {
  const end = new Date(Date.parse(session.scheduledStart) + session.durationMinutes * 60_000);
  return formatISO(new TZDate(end, timeZone));
}

/** An instant moved on by some minutes, written with the group's offset at that moment. */
export function minutesLater(instant: string, minutes: number, timeZone: string): string {
  return formatISO(new TZDate(Date.parse(instant) + minutes * 60_000, timeZone));
}

/** The wall-clock time of an instant on the group's clock, as an `<input type="datetime-local">` holds it. */
export function wallClockOf(instant: string, timeZone: string): string {
  return formatISO(new TZDate(Date.parse(instant), timeZone)).slice(0, 16);
}

/** The result of reading a wall-clock time on the group's clock: the instant, or why there is none. */
export type ZonedInstant = { readonly at: string; readonly message?: never } | { readonly at?: never; message: string };

/**
 * The instant a wall-clock time (`YYYY-MM-DDTHH:mm`) names on a zone's clock, written with that zone's offset.
 *
 * The zone's offset is read at a first guess and again at the instant it gives, which settles on the right one on
 * either side of a daylight-saving change. A time the clocks skipped (02:30 on the night they go forward) names no
 * instant and is refused; in the hour that repeats when they go back, the first of the two is taken.
 */
export function zonedInstant(wallClock: string, timeZone: string): ZonedInstant {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wallClock);
  if (match === null) return { message: "Enter a date and a time." };
  const [, year, month, day, hour, minute] = match.map(Number);
  const utc = new Date(Date.UTC(2000, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0));
  // Date.UTC reads years 0–99 as 1900–1999; set the year itself so that a mistyped "0026" stays year 26.
  utc.setUTCFullYear(year ?? 2000);
  if (utc.getUTCMonth() + 1 !== month || utc.getUTCDate() !== day || hour === 24) {
    return { message: `${wallClock.replace("T", " ")} is not a day and time on the calendar.` };
  }
  const asUtc = utc.getTime();
  const firstGuess = asUtc - tzOffset(timeZone, new Date(asUtc)) * 60_000;
  const instant = asUtc - tzOffset(timeZone, new Date(firstGuess)) * 60_000;
  const at = formatISO(new TZDate(instant, timeZone));
  if (at.slice(0, 16) !== wallClock) {
    return { message: `${wallClock.replace("T", " ")} does not exist in ${timeZone}: the clocks went forward.` };
  }
  return { at };
}

/** The marks of the attendance grid, with the words a screen reader says for each. */
export const attendanceMarks = {
  present: { mark: "P", label: "present" },
  late: { mark: "L", label: "late" },
  "left-early": { mark: "E", label: "left early" },
  excused: { mark: "X", label: "excused" },
  absent: { mark: "A", label: "absent" },
  "not-recorded": { mark: "?", label: "not recorded" },
  "not-held": { mark: "–", label: "session not held" },
  "not-enrolled": { mark: "·", label: "not enrolled" },
  missing: { mark: " ", label: "no record" },
} as const;

/** One cell of the attendance grid. */
export type AttendanceCell = keyof typeof attendanceMarks;

/** One client's row of the attendance grid. */
export interface AttendanceRow {
  readonly memberId: string;
  readonly name: string;
  readonly cells: readonly AttendanceCell[];
  readonly attended: number;
  readonly offered: number;
  /** Attended ÷ offered, or `null` when no session was offered. */
  readonly rate: number | null;
  /** What a worker should follow up for this member, from `participationFlags`. */
  readonly flags: readonly { readonly code: string; readonly message: string }[];
}

/** The attendance grid: one row per client, one cell per planned session. */
export function attendanceGrid(record: GroupRecord): AttendanceRow[] {
  const sessions = sessionsInOrder(record);
  const summary = attendanceSummary(record);
  const flags = participationFlags(record);
  const { timeZone } = record.group;
  return summary.members.map((entry) => {
    const membership = record.memberships.find((m) => m.memberId === entry.memberId && m.role === "member");
    const cells = sessions.map((session): AttendanceCell => {
      if (session.status !== "held") return "not-held";
      if (membership !== undefined && !isActiveMember(membership, session.scheduledStart, { timeZone })) {
        return "not-enrolled";
      }
      const mark = record.attendance.find((a) => a.sessionId === session.id && a.memberId === entry.memberId);
      return mark?.status ?? "missing";
    });
    return {
      memberId: entry.memberId,
      name: nameOf(record, entry.memberId),
      cells,
      attended: entry.attended,
      offered: entry.offered,
      rate: entry.rate.value,
      flags: flags
        .filter((flag) => flag.memberId === entry.memberId)
        .map((flag) => ({ code: flag.code, message: flag.message })),
    };
  });
}

/** Equality of participation in one session with recorded turns. */
export interface SessionEquality {
  readonly sessionId: string;
  readonly sequence: number;
  /** Gini of talk time among the clients present, scaled so that 1 means one person spoke: 0 is equal. */
  readonly gini: number | null;
  /** Why `gini` could not be computed, when it is `null`. */
  readonly reason: string | null;
  readonly present: number;
  readonly silent: readonly string[];
}

const ATTENDED = new Set(["present", "late", "left-early"]);

/** Equality of talk time per session, among the clients who attended it (one who came and said nothing counts). */
export function equalityBySession(record: GroupRecord): SessionEquality[] {
  const clientIds = new Set(clientsOf(record).map((member) => member.id));
  return sessionsInOrder(record).flatMap((session) => {
    const turns = record.turns.filter((turn) => turn.sessionId === session.id);
    if (turns.length === 0) return [];
    const present = record.attendance
      .filter((a) => a.sessionId === session.id && ATTENDED.has(a.status) && clientIds.has(a.memberId))
      .map((a) => a.memberId);
    const analytics = turnAnalytics(turns, present);
    const gini = analytics.talkTimeEquality.giniScaled;
    return [
      {
        sessionId: session.id,
        sequence: session.sequence,
        gini: gini.value,
        reason: gini.value === null ? gini.reason : null,
        present: present.length,
        silent: analytics.didNotSpeak.map((memberId) => nameOf(record, memberId)),
      },
    ];
  });
}

/** A stage's label in its model ("Power and control"), or "Closed". */
export function stageLabel(model: StageModel, stage: string): string {
  if (stage === closedStage) return "Closed";
  return model.stages.find((definition) => definition.id === stage)?.label ?? stage;
}

/** The words a worker reads for each stage event. */
export const eventLabels: Readonly<Record<StageEventType, string>> = {
  SESSION_HELD: "Session held",
  AGREEMENT_ADOPTED: "Agreement adopted",
  MEMBER_JOINED: "Member joined",
  MEMBER_LEFT: "Member left",
  ADVANCE: "Advance",
  REGRESS: "Regress",
  ADJOURN: "Adjourn",
  CLOSE: "Close the record",
};
