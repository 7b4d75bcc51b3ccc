import type { MemberId, SessionId } from "../model/index.js";
import { checkDropoutRule, type DropoutRule, dropoutOf } from "./dropout.js";
import type { Measured } from "./measured.js";
import { attendedOf, type DatedSession } from "./offered.js";
import { buildAttendanceGrid } from "./read-attendance.js";
import { readAsOf, readOptions } from "./read-options.js";
import type { AttendanceSource } from "./source.js";

/**
 * Options of {@link retentionCurve}.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const curve = parsed.ok && retentionCurve(parsed.value, { dropout: { kind: "consecutive-misses", k: 2 } });
 * curve.members.filter((member) => member.outcome === "dropped-out").map((member) => member.memberId)
 * //=> ["m-jamal"]
 */
export interface RetentionCurveOptions {
  /**
   * What counts as dropping out (the event). Default: a recorded unplanned exit,
   * `{ kind: "recorded-exit", reasons: ["dropped-out", "removed"] }`; completed, transferred and other exits are
   * censored.
   */
  readonly dropout?: DropoutRule | undefined;
  /** The day to judge on, `YYYY-MM-DD` in the group's time zone; absent: everything in the record. */
  readonly asOf?: string | undefined;
}

/**
 * Greenwood's standard error of a survival estimate, or `null` with `survival-is-zero` once everyone at risk has
 * dropped out (the error of S = 0 is undefined). The library's {@link Measured} shape.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const curve = parsed.ok && retentionCurve(parsed.value);
 * curve.steps[0].standardError
 * //=> ({ value: 0, reason: null })
 */
export type StandardError = Measured<"survival-is-zero">;

/**
 * One held session of {@link RetentionCurve.steps}.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const step = parsed.ok && retentionCurve(parsed.value).steps[3];
 * [step.session, step.atRisk, step.events, step.censored, step.survival]
 * //=> [4, 8, 1, 0, 0.875]
 */
export interface RetentionStep {
  /** The session's number in the group's run. */
  readonly session: number;
  /** The session. */
  readonly sessionId: SessionId;
  /** Clients in the risk set: they had joined by this session and had neither dropped out nor been censored before. */
  readonly atRisk: number;
  /** Clients whose dropout falls at this session (their last attended session). */
  readonly events: number;
  /** Clients censored at this session (their last offered session, without dropping out). */
  readonly censored: number;
  /** Kaplan–Meier estimate of the share still taking part after this session. */
  readonly survival: number;
  /** Greenwood's standard error of `survival`; `null` once survival reaches 0. */
  readonly standardError: StandardError;
}

/**
 * One client's place in the curve, in {@link RetentionCurve.members}.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const curve = parsed.ok && retentionCurve(parsed.value);
 * curve.members.find((member) => member.memberId === "m-jamal")
 * //=> ({ memberId: "m-jamal", entry: 1, exit: 4, outcome: "dropped-out" })
 */
export interface RetentionMember {
  /** The client. */
  readonly memberId: MemberId;
  /** Number of the first session offered to them: where they enter the risk set. */
  readonly entry: number;
  /** Number of the session where they leave it: their last attended session if they dropped out, else their last offered. */
  readonly exit: number;
  /** `"dropped-out"` (an event) or `"censored"` (completed, still active, or left in a planned way). */
  readonly outcome: "dropped-out" | "censored";
}

/**
 * The result of {@link retentionCurve}.
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const curve = parsed.ok && retentionCurve(parsed.value);
 * [curve.steps.length, curve.members.length, curve.excluded, curve.dropout.kind]
 * //=> [11, 8, [], "recorded-exit"]
 */
export interface RetentionCurve {
  /** The dropout rule used for events. */
  readonly dropout: DropoutRule;
  /** One step per held session, from the first entry to the last exit, in order. */
  readonly steps: readonly RetentionStep[];
  /** Each client with their entry, exit and outcome, in roster order. */
  readonly members: readonly RetentionMember[];
  /** Clients left out because no session was offered to them (they joined after the last held session). */
  readonly excluded: readonly MemberId[];
}

const DEFAULT_DROPOUT: DropoutRule = { kind: "recorded-exit", reasons: ["dropped-out", "removed"] };

/**
 * How many clients stay, session by session: a Kaplan–Meier curve over session numbers (Kaplan & Meier 1958), with
 * Greenwood's standard error (Greenwood 1926).
 *
 * Time is the session number of held sessions. Each client enters the risk set at the first session offered to them
 * (late entry, for open groups). A client who drops out by `options.dropout` has the event at their last attended
 * session (the first offered one if they never came): the curve reads "still coming after session t". Everyone else
 * (completers, members still active, planned exits) is censored at their last offered session, and stays in the risk
 * set at that session. At each session t with n at risk and d events, survival is multiplied by (1 − d/n), and
 * SE = S·√(Σ d / (n(n − d))).
 *
 * @param record - the group record (a parsed `GroupRecord`, or its group, memberships, sessions and attendance)
 * @param options - the dropout rule for events, and the day to judge on
 * @returns the steps, each client's entry, exit and outcome, and the clients left out
 * @throws {GroupworkError} `invalid-argument` when the rule, the record or the options are outside their types
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const curve = parsed.ok && retentionCurve(parsed.value);
 * curve.steps
 *   .filter((step) => step.events > 0 || step.censored > 0)
 *   .map((step) => [step.session, step.atRisk, step.events, step.censored, step.survival])
 * //=> [[4, 8, 1, 0, 7 / 8], [12, 7, 0, 7, 7 / 8]]
 */
export function retentionCurve(record: AttendanceSource, options: RetentionCurveOptions = {}): RetentionCurve {
  const caller = "retentionCurve";
  const read = readOptions(options, caller);
  const asOf = readAsOf(read.asOf, caller);
  const dropout = read.dropout ?? DEFAULT_DROPOUT;
  checkDropoutRule(dropout, caller);
  const grid = buildAttendanceGrid(record, asOf, caller);

  // Per client, positions among held sessions: where they enter and leave the risk set.
  const spans: { memberId: MemberId; entry: number; exit: number; event: boolean }[] = [];
  const excluded: MemberId[] = [];
  for (const row of grid.clients) {
    if (row.offered.length === 0) {
      excluded.push(row.memberId);
      continue;
    }
    const first = row.offered[0] as number;
    const last = row.offered[row.offered.length - 1] as number;
    const event = dropoutOf(record, grid, row, dropout, asOf).fired;
    let exit = last;
    if (event) {
      exit = first;
      row.codes.forEach((code, slot) => {
        if (attendedOf(code) === true) exit = row.offered[slot] as number;
      });
    }
    spans.push({ memberId: row.memberId, entry: first, exit, event });
  }

  const steps: RetentionStep[] = [];
  const members = spans.map((span) => ({
    memberId: span.memberId,
    // Entries and exits are positions of held sessions.
    entry: (grid.held[span.entry] as DatedSession).session.sequence,
    exit: (grid.held[span.exit] as DatedSession).session.sequence,
    outcome: span.event ? ("dropped-out" as const) : ("censored" as const),
  }));
  if (spans.length === 0) return { dropout, steps, members, excluded };
  const from = spans.reduce((least, span) => Math.min(least, span.entry), Number.POSITIVE_INFINITY);
  const to = spans.reduce((most, span) => Math.max(most, span.exit), -1);
  // One sweep over the sessions: clients join the risk set at their entry and leave it after their exit.
  const size = grid.held.length + 1;
  const joining = new Int32Array(size);
  const leaving = new Int32Array(size);
  const eventsAt = new Int32Array(size);
  const censoredAt = new Int32Array(size);
  for (const span of spans) {
    joining[span.entry] = (joining[span.entry] as number) + 1;
    leaving[span.exit + 1] = (leaving[span.exit + 1] as number) + 1;
    if (span.event) eventsAt[span.exit] = (eventsAt[span.exit] as number) + 1;
    else censoredAt[span.exit] = (censoredAt[span.exit] as number) + 1;
  }
  // Nobody enters before the first entry, so the risk set starts empty there.
  let atRisk = 0;
  let survival = 1;
  let greenwood = 0;
  for (let position = from; position <= to; position++) {
    // Positions between the first entry and the last exit are held sessions.
    const dated = grid.held[position] as DatedSession;
    atRisk += (joining[position] as number) - (leaving[position] as number);
    const events = eventsAt[position] as number;
    const censored = censoredAt[position] as number;
    if (atRisk > 0) survival *= 1 - events / atRisk;
    // Greenwood 1926: the term is undefined once everyone at risk has the event, and so is the error of S = 0.
    if (events > 0 && atRisk > events) greenwood += events / (atRisk * (atRisk - events));
    steps.push({
      session: dated.session.sequence,
      sessionId: dated.session.id,
      atRisk,
      events,
      censored,
      survival,
      standardError:
        survival > 0
          ? { value: survival * Math.sqrt(greenwood), reason: null }
          : { value: null, reason: "survival-is-zero" },
    });
  }
  return { dropout, steps, members, excluded };
}
