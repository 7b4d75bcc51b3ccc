import { zonedText } from "../_lib/wall-clock.js";
import type { GroupRecordInput } from "../model/index.js";
import { minutesMs } from "./builder-schedule.js";
import type { ClientState, ScenarioState, ScheduleState, SessionState } from "./builder-state.js";

// Writes a scenario as the group record a host would send: plain JSON, ids as plain strings, every instant with the
// group's offset on its day. Each call builds new objects, so a test may change what it gets.

type Input<K extends keyof GroupRecordInput> = NonNullable<GroupRecordInput[K]>;

/** Norms of every agreement the builder writes. */
const NORMS = [
  "Start and end on time; tell the facilitator if you cannot come.",
  "Speak from your own experience and let others finish.",
  "You may pass on any question.",
];
/** Confidentiality terms of every agreement the builder writes (NASW Code of Ethics 1.07(f)). */
const CONFIDENTIALITY_TERMS = [
  "What members share stays in the group; we may talk about what we learned, never who said it.",
];
/** Worker's decisions are recorded this long after the session's scheduled end. */
const DECISION_DELAY_MINUTES = 15;

/** Whether a client belongs to the group at a session. */
export function enrolledAt(client: ClientState, session: number): boolean {
  return session >= client.joins && (client.leaves === undefined || session <= client.leaves.after);
}

function sessionOf(schedule: ScheduleState, sequence: number): SessionState {
  // Session numbers were checked against the schedule by the call that stored them.
  return schedule.sessions[sequence - 1] as SessionState;
}

/** The scenario as a group record input. */
export function scenarioInput(state: ScenarioState, schedule: ScheduleState): GroupRecordInput {
  const { group } = state;
  const zone = group.timeZone;
  const first = schedule.sessions[0] as SessionState; // a schedule has at least one session
  const last = schedule.sessions.at(-1) as SessionState;
  const at = (time: number) => zonedText(time, zone);
  const by = state.staff[0]?.id ?? group.id;

  const members: Input<"members"> = [
    ...state.staff.map((person) => ({ id: person.id, displayName: person.name })),
    ...state.clients.map((client) => ({ id: client.id, displayName: client.name })),
  ];
  const memberships: Input<"memberships"> = [
    ...state.staff.map((person) => ({
      groupId: group.id,
      memberId: person.id,
      role: person.role,
      period: { start: first.date },
    })),
    ...state.clients.map((client) => ({
      groupId: group.id,
      memberId: client.id,
      role: "member" as const,
      period:
        client.leaves === undefined
          ? { start: sessionOf(schedule, client.joins).date }
          : { start: sessionOf(schedule, client.joins).date, end: sessionOf(schedule, client.leaves.after).date },
      ...(client.leaves === undefined ? {} : { exitReason: client.leaves.reason }),
    })),
  ];
  const sessions: Input<"sessions"> = schedule.sessions.map((session) => ({
    id: sessionId(session.sequence),
    groupId: group.id,
    sequence: session.sequence,
    scheduledStart: at(session.start),
    durationMinutes: schedule.minutes,
    status: session.cancelled ? ("cancelled" as const) : ("held" as const),
    mode: schedule.mode,
  }));

  const attendance: Input<"attendance"> = [];
  for (const session of schedule.sessions) {
    if (session.cancelled) continue;
    for (const client of state.clients) {
      if (!enrolledAt(client, session.sequence)) continue;
      const mark = state.marks.find((entry) => entry.memberId === client.id && entry.session === session.sequence);
      const record: Input<"attendance">[number] = {
        sessionId: sessionId(session.sequence),
        memberId: client.id,
        status: mark?.status ?? "present",
      };
      // Minutes were checked against the session's length when the mark was made.
      if (mark?.status === "late") record.arrivedAt = at(session.start + minutesMs(mark.minutes ?? 0));
      if (mark?.status === "left-early") {
        record.arrivedAt = at(session.start);
        record.departedAt = at(session.end - minutesMs(mark.minutes ?? 0));
      }
      attendance.push(record);
    }
  }

  const agreements: Input<"agreements"> = state.agreements.map((agreement) => {
    const session = sessionOf(schedule, agreement.session);
    return {
      version: agreement.version,
      adoptedOn: session.date,
      norms: [...NORMS],
      confidentialityTerms: [...CONFIDENTIALITY_TERMS],
      limitsExplained: agreement.limitsExplained,
      signatures: state.clients
        .filter((client) => enrolledAt(client, agreement.session))
        .map((client) => ({ memberId: client.id, signedOn: session.date, form: "written" as const })),
    };
  });

  const consents: Input<"consents"> = state.consents.map((consent) => ({
    id: consent.id,
    memberId: consent.memberId,
    grantedBy: consent.grantedBy,
    recipients: [{ ...consent.recipient }],
    purposes: [...consent.purposes],
    dataClasses: [...consent.dataClasses],
    validFrom: at(sessionOf(schedule, consent.session).start),
    ...(consent.validUntil === undefined ? {} : { validUntil: consent.validUntil }),
    ...(consent.revokedAt === undefined ? {} : { revokedAt: consent.revokedAt }),
    form: consent.form,
    ...(consent.legalBasis === undefined ? {} : { legalBasis: consent.legalBasis }),
  }));

  // The stage log, session by session: members joining and agreements adopted at its start, the session held at its
  // end, then the worker's decisions and members leaving, in call order. Sessions follow each other by a week, so the
  // log is in the order things happened.
  const stageEvents: Input<"stageEvents"> = [];
  for (const session of schedule.sessions) {
    for (const client of state.clients) {
      if (client.joinedLater && client.joins === session.sequence) {
        stageEvents.push({ type: "MEMBER_JOINED", at: at(session.start), by, memberId: client.id });
      }
    }
    for (const agreement of state.agreements) {
      if (agreement.session !== session.sequence) continue;
      stageEvents.push({
        type: "AGREEMENT_ADOPTED",
        at: at(session.start),
        by,
        version: agreement.version,
        includesConfidentiality: true,
        limitsExplained: agreement.limitsExplained,
      });
    }
    if (!session.cancelled) {
      stageEvents.push({ type: "SESSION_HELD", at: at(session.end), by, sessionId: sessionId(session.sequence) });
    }
    const decidedAt = at(session.end + minutesMs(DECISION_DELAY_MINUTES));
    for (const { after, event } of state.afterSessions) {
      if (after !== session.sequence) continue;
      stageEvents.push(
        event.type === "MEMBER_LEFT" || event.type === "REGRESS" || event.type === "ADJOURN"
          ? { ...event, at: decidedAt, by }
          : { type: event.type, at: decidedAt, by, ...(event.reason === undefined ? {} : { reason: event.reason }) },
      );
    }
  }

  return {
    group: {
      id: group.id,
      name: group.name,
      purpose: group.purpose,
      kind: group.kind,
      membership: group.membership,
      participation: group.participation,
      plannedSessions: schedule.sessions.length,
      ...(group.capacity === undefined ? {} : { capacity: group.capacity }),
      timeZone: zone,
      startDate: first.date,
      endDate: last.date,
      stageModel: group.stageModel,
    },
    members,
    memberships,
    sessions,
    attendance,
    turns: [],
    interactionActs: [],
    agreements,
    consents,
    stageEvents,
  };
}

/** The id of session n. */
export function sessionId(sequence: number): string {
  return `s-${sequence}`;
}
