// What `groupwork report` says about a group, as plain data: the JSON format prints it as it is, and the text and
// Markdown formats lay it out. Every figure comes from the library's public functions.

import {
  attendanceSummary,
  detectDropout,
  participationFlags,
  retentionCurve,
  turnAnalytics,
} from "../metrics/index.js";
import type { GroupRecord, Member, Session } from "../model/index.js";
import { isActiveMember } from "../model/index.js";
import { closedStage, type StageSnapshot, stageGuidance, timeInStage } from "../stages/index.js";
import { replayStageLog } from "./stage-log.js";

/** A session as the report lists it. */
export interface ReportSession {
  readonly id: string;
  readonly sequence: number;
  /** The local day it was scheduled, in the group's time zone. */
  readonly date: string;
  readonly status: string;
  readonly topic: string | null;
}

/** The report's stage section. */
export type ReportStage =
  | { readonly model: string; readonly known: false }
  | {
      readonly model: string;
      readonly modelName: string;
      readonly known: true;
      /** The stage the log leads to, or `closed`. */
      readonly current: string;
      readonly label: string;
      readonly since: string;
      /** How many entries the record's stage log has; with none, the group is in its model's first stage. */
      readonly logEntries: number;
      /** Days and sessions in the current stage, up to the last event of the log. */
      readonly days: number;
      readonly sessions: number;
      readonly moves: readonly {
        readonly on: string;
        readonly event: string;
        readonly from: string;
        readonly to: string;
      }[];
      /** The first event of the log the model refused, if any (`index` counts from 0): the replay stops there. */
      readonly refused: { readonly index: number; readonly event: string; readonly reasons: readonly string[] } | null;
      /** For a stage still open: what the worker does now, and what to watch for. */
      readonly guidance: {
        readonly summary: string;
        readonly workerTasks: readonly string[];
        readonly watchFor: readonly string[];
      } | null;
    };

/** One client's row of the attendance grid. */
export interface ReportMember {
  readonly memberId: string;
  readonly name: string;
  /** One mark per session of the grid, in order: see {@link attendanceMarks}. */
  readonly marks: string;
  readonly offered: number;
  readonly attended: number;
  /** Attended ÷ offered, or null when nothing was offered. */
  readonly rate: number | null;
  readonly active: boolean;
}

/** The whole report. */
export interface GroupReport {
  readonly source: string;
  readonly group: {
    readonly id: string;
    readonly name: string;
    readonly kind: string;
    readonly membership: string;
    readonly timeZone: string;
    readonly startDate: string;
    readonly endDate: string | null;
    readonly plannedSessions: number | null;
  };
  readonly warnings: number;
  readonly stage: ReportStage;
  readonly sessions: readonly ReportSession[];
  readonly attendance: {
    readonly members: readonly ReportMember[];
    readonly sessionsHeld: number;
    readonly sessionsCancelled: number;
    readonly attended: number;
    readonly offered: number;
    readonly meanRate: number | null;
  };
  readonly dropout: {
    readonly clients: number;
    readonly droppedOut: readonly {
      readonly memberId: string;
      readonly name: string;
      readonly date: string | null;
      readonly explanation: string;
    }[];
  };
  readonly retention: {
    readonly steps: readonly {
      readonly session: number;
      readonly atRisk: number;
      readonly droppedOut: number;
      readonly censored: number;
      readonly retained: number;
    }[];
  };
  readonly equality: readonly {
    readonly session: number;
    readonly turns: number;
    readonly present: number;
    /** Gini of talk time among the clients present, scaled to reach 1 when one person speaks: 0 is equal. */
    readonly gini: number | null;
    /** Effective number of participants (inverse Herfindahl–Hirschman index). */
    readonly effectiveParticipants: number | null;
    readonly silent: readonly string[];
  }[];
  readonly flags: readonly {
    readonly code: string;
    readonly memberId: string;
    readonly name: string;
    readonly message: string;
  }[];
}

/** The marks of the attendance grid, one character per status. */
export const attendanceMarks: Readonly<Record<string, string>> = {
  present: "P",
  late: "L",
  "left-early": "E",
  excused: "X",
  absent: "A",
  "not-recorded": "?",
};

/** Exits that count as dropout: the retention curve's default, and the report's. */
const DROPOUT_EXITS = ["dropped-out", "removed"] as const;
const ATTENDED = new Set(["present", "late", "left-early"]);

function nameOf(members: readonly Member[], memberId: string): string {
  const member = members.find((candidate) => candidate.id === memberId);
  return member?.preferredName ?? member?.displayName ?? memberId;
}

function localDay(session: Session): string {
  // Instants are written with the group's offset, so the first ten characters are the group's local day.
  return session.scheduledStart.slice(0, 10);
}

function stageOf(record: GroupRecord): ReportStage {
  const { group } = record;
  const replayed = replayStageLog(record);
  if (replayed === undefined) return { model: group.stageModel, known: false };
  const { model, replay } = replayed;
  const snapshot: StageSnapshot = replay.snapshot;
  const moves: { on: string; event: string; from: string; to: string }[] = [];
  const history = snapshot.context.history;
  for (let index = 1; index < history.length; index += 1) {
    const [before, entry] = [history[index - 1], history[index]];
    if (before === undefined || entry === undefined) continue;
    moves.push({ on: entry.enteredAt.slice(0, 10), event: entry.event, from: before.stage, to: entry.stage });
  }
  const lastAt = snapshot.context.lastEventAt;
  const stay = timeInStage(snapshot, lastAt, { timeZone: group.timeZone });
  const current = String(snapshot.value);
  const open = current !== closedStage;
  const guidance = open ? stageGuidance(model, current) : undefined;
  return {
    model: model.id,
    modelName: model.name,
    known: true,
    current,
    label: guidance?.label ?? "Closed",
    since: stay.enteredOn,
    logEntries: record.stageEvents.length,
    days: stay.days,
    sessions: stay.sessions,
    moves,
    refused: replay.ok
      ? null
      : {
          index: replay.index,
          event: record.stageEvents[replay.index]?.type ?? "?",
          reasons: replay.blockedBy.map((reason) => reason.message),
        },
    guidance:
      guidance === undefined
        ? null
        : { summary: guidance.summary, workerTasks: guidance.workerTasks, watchFor: guidance.watchFor },
  };
}

/** Builds the report on a parsed group record; `warnings` is how many warnings parsing it gave. */
export function buildReport(record: GroupRecord, source: string, warnings: number): GroupReport {
  const { group, members } = record;
  const sessions = [...record.sessions].sort((a, b) => a.sequence - b.sequence);
  const summary = attendanceSummary(record);
  const lastDay = group.endDate ?? sessions.at(-1)?.scheduledStart ?? group.startDate;
  const clients = record.memberships.filter((membership) => membership.role === "member");

  const grid = summary.members.map((entry): ReportMember => {
    const membership = clients.find((candidate) => candidate.memberId === entry.memberId);
    const marks = sessions
      .map((session) => {
        if (session.status !== "held") return "-";
        if (
          membership !== undefined &&
          !isActiveMember(membership, session.scheduledStart, { timeZone: group.timeZone })
        ) {
          return ".";
        }
        const mark = record.attendance.find((a) => a.sessionId === session.id && a.memberId === entry.memberId);
        return mark === undefined ? " " : (attendanceMarks[mark.status] ?? "?");
      })
      .join("");
    return {
      memberId: entry.memberId,
      name: nameOf(members, entry.memberId),
      marks,
      offered: entry.offered,
      attended: entry.attended,
      rate: entry.rate.value,
      active: membership !== undefined && isActiveMember(membership, lastDay, { timeZone: group.timeZone }),
    };
  });

  const droppedOut = clients
    .map((membership) =>
      detectDropout(record, membership.memberId, { kind: "recorded-exit", reasons: [...DROPOUT_EXITS] }),
    )
    .filter((finding) => finding.fired)
    .map((finding) => ({
      memberId: finding.memberId,
      name: nameOf(members, finding.memberId),
      date: finding.date,
      explanation: finding.explanation,
    }));

  const clientIds = new Set(clients.map((membership) => membership.memberId));
  const equality = sessions.flatMap((session) => {
    const turns = record.turns.filter((turn) => turn.sessionId === session.id);
    if (turns.length === 0) return [];
    // The clients present that day: one who came and said nothing counts, with no talk time.
    const present = record.attendance
      .filter((a) => a.sessionId === session.id && ATTENDED.has(a.status) && clientIds.has(a.memberId))
      .map((a) => a.memberId);
    const analytics = turnAnalytics(turns, present);
    return [
      {
        session: session.sequence,
        turns: turns.length,
        present: present.length,
        gini: analytics.talkTimeEquality.giniScaled.value,
        effectiveParticipants: analytics.talkTimeEquality.effectiveParticipants.value,
        silent: analytics.didNotSpeak.map((memberId) => nameOf(members, memberId)),
      },
    ];
  });

  return {
    source,
    group: {
      id: group.id,
      name: group.name,
      kind: group.kind,
      membership: group.membership,
      timeZone: group.timeZone,
      startDate: group.startDate,
      endDate: group.endDate ?? null,
      plannedSessions: group.plannedSessions ?? null,
    },
    warnings,
    stage: stageOf(record),
    sessions: sessions.map((session) => ({
      id: session.id,
      sequence: session.sequence,
      date: localDay(session),
      status: session.status,
      topic: session.topic ?? null,
    })),
    attendance: {
      members: grid,
      sessionsHeld: summary.group.sessionsHeld,
      sessionsCancelled: summary.group.sessionsCancelled,
      attended: summary.group.attended,
      offered: summary.group.offered,
      meanRate: summary.group.meanRate.value,
    },
    dropout: { clients: clients.length, droppedOut },
    retention: {
      steps: retentionCurve(record).steps.map((step) => ({
        session: step.session,
        atRisk: step.atRisk,
        droppedOut: step.events,
        censored: step.censored,
        retained: step.survival,
      })),
    },
    equality,
    flags: participationFlags(record).map((flag) => ({
      code: flag.code,
      memberId: flag.memberId,
      name: nameOf(members, flag.memberId),
      message: flag.message,
    })),
  };
}
