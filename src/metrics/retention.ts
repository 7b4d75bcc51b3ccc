import type { MemberId, SessionId } from "../model/index.js";
import { checkDropoutRule, type DropoutRule, dropoutOf } from "./dropout.js";
import type { Measured } from "./measured.js";
import { readAsOf, readOptions } from "./read-options.js";
import { type DatedSession, readRegister } from "./register.js";
import type { AttendanceSource } from "./source.js";

/**
 * Options of {@link retentionCurve}.
 *
 * @example
 * const curve = retentionCurve(sampleGroupRecord, { dropout: { kind: "consecutive-misses", k: 2 } });
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
 * const curve = retentionCurve(sampleGroupRecord);
 * curve.steps[0]?.standardError
 * //=> ({ value: 0, reason: null })
 */
export type StandardError = Measured<"survival-is-zero">;

/**
 * One held session of {@link RetentionCurve.steps}.
 *
 * @example
 * const step = retentionCurve(sampleGroupRecord).steps[3];
 * [step?.session, step?.atRisk, step?.events, step?.censored, step?.survival]
 * //=> [4, 8, 1, 0, 0.875]
 */
export interface RetentionStep {
  /** The session's number in the group's run. */
  readonly session: number;
  /** The session. */
  readonly sessionId: SessionId;
  /**
   * Clients in the risk set: enrolled for this session in one of their memberships, and neither dropped out nor
   * censored at their last offered session before it.
   */
  readonly atRisk: number;
  /** Clients whose dropout falls at this session (their last attended session). */
  readonly events: number;
  /**
   * Clients censored at this session: their last offered session, without dropping out, or the last session of a
   * membership they later came back after.
   */
  readonly censored: number;
  /** Kaplan–Meier estimate of the share still taking part after this session. */
  readonly survival: number;
  /** Greenwood's standard error of `survival`; `null` once survival reaches 0. */
  readonly standardError: StandardError;
}

/**
 * One stretch of sessions a client is in the risk set, in {@link RetentionMember.intervals}: the held sessions of one
 * membership, from the first offered (`entry`) to the last (`exit`), both included. In the counting-process form of
 * survival data (Andersen & Gill 1982) it is the interval (entry − 1, exit].
 *
 * @example
 * const curve = retentionCurve(sampleGroupRecord);
 * curve.members.find((member) => member.memberId === "m-jamal")?.intervals
 * //=> [{ entry: 1, exit: 4 }]
 */
export interface RetentionInterval {
  /** Number of the first session of the stretch. */
  readonly entry: number;
  /** Number of its last session: the client is still at risk there, and leaves the risk set after it. */
  readonly exit: number;
}

/**
 * One client's place in the curve, in {@link RetentionCurve.members}.
 *
 * @example
 * const curve = retentionCurve(sampleGroupRecord);
 * curve.members.find((member) => member.memberId === "m-jamal")
 * //=> ({ memberId: "m-jamal", entry: 1, exit: 4, outcome: "dropped-out", intervals: [{ entry: 1, exit: 4 }] })
 */
export interface RetentionMember {
  /** The client. */
  readonly memberId: MemberId;
  /** Number of the first session offered to them: where they first enter the risk set. */
  readonly entry: number;
  /** Number of the session where they leave it: their last attended session if they dropped out, else their last offered. */
  readonly exit: number;
  /** `"dropped-out"` (an event, at `exit`) or `"censored"` (completed, still active, or left in a planned way). */
  readonly outcome: "dropped-out" | "censored";
  /**
   * The stretches they are in the risk set, in order: one per membership, so a client who left and came back is not
   * at risk between their memberships. The first starts at `entry`, the last ends at `exit`.
   */
  readonly intervals: readonly RetentionInterval[];
}

/**
 * The result of {@link retentionCurve}.
 *
 * @example
 * const curve = retentionCurve(sampleGroupRecord);
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
 * set at that session. A client who left and came back is at risk only during their memberships, one interval each
 * in the counting-process form (Andersen & Gill, Annals of Statistics 10(4), 1982): censored at the end of an earlier
 * membership, and back in the risk set at the first session of the next. At each session t with n at risk and d
 * events, survival is multiplied by (1 − d/n), and SE = S·√(Σ d / (n(n − d))).
 *
 * @param record - the group record (a parsed `GroupRecord`, or its group, memberships, sessions and attendance)
 * @param options - the dropout rule for events, and the day to judge on
 * @returns the steps, each client's entry, exit and outcome, and the clients left out
 * @throws {GroupworkError} `invalid-argument` when the rule, the record (as for {@link attendanceSummary}) or the
 *   options are outside their types, or the options (or the rule in `dropout`) hold a key they do not read
 * @example
 * const curve = retentionCurve(sampleGroupRecord);
 * curve.steps
 *   .filter((step) => step.events > 0 || step.censored > 0)
 *   .map((step) => [step.session, step.atRisk, step.events, step.censored, step.survival])
 * //=> [[4, 8, 1, 0, 7 / 8], [12, 7, 0, 7, 7 / 8]]
 */
export function retentionCurve(record: AttendanceSource, options: RetentionCurveOptions = {}): RetentionCurve {
  const caller = "retentionCurve";
  const read = readOptions(options, caller, ["dropout", "asOf"]);
  const asOf = readAsOf(read.asOf, caller);
  const dropout = read.dropout ?? DEFAULT_DROPOUT;
  checkDropoutRule(dropout, caller, "options.dropout");
  const register = readRegister(record, asOf, caller);

  // Per client, positions among held sessions: the intervals they are in the risk set, and whether the last one ends
  // in the event.
  const spans: { memberId: MemberId; intervals: [number, number][]; event: boolean }[] = [];
  const excluded: MemberId[] = [];
  for (const client of register.clients) {
    const { stretches, statuses } = client;
    const first = stretches[0];
    const last = stretches[stretches.length - 1];
    if (first === undefined || last === undefined) {
      excluded.push(client.memberId);
      continue;
    }
    const event = dropoutOf(record, register, client, dropout, asOf).fired;
    // The event falls at the last attended session, or the first offered one if they never came.
    let exit = last.to - 1;
    if (event) {
      exit = first.from;
      for (const { from, to, slot } of stretches) {
        for (let heldIndex = from; heldIndex < to; heldIndex++) {
          if (statuses[slot + heldIndex - from]?.attended === true) exit = heldIndex;
        }
      }
    }
    // One interval per stretch of offered sessions: a membership, or memberships with no held session between them
    // (the same risk set); between two stretches lie held sessions the client was not enrolled for. Intervals stop
    // at the exit.
    const intervals = stretches
      .filter(({ from }) => from <= exit)
      .map(({ from, to }): [number, number] => [from, Math.min(to - 1, exit)]);
    spans.push({ memberId: client.memberId, intervals, event });
  }

  const steps: RetentionStep[] = [];
  // Entries and exits are positions of held sessions, and every client kept has an interval.
  const sequenceAt = (position: number) => (register.held[position] as DatedSession).session.sequence;
  const members = spans.map((span) => ({
    memberId: span.memberId,
    entry: sequenceAt((span.intervals[0] as [number, number])[0]),
    exit: sequenceAt((span.intervals[span.intervals.length - 1] as [number, number])[1]),
    outcome: span.event ? ("dropped-out" as const) : ("censored" as const),
    intervals: span.intervals.map(([entry, exit]) => ({ entry: sequenceAt(entry), exit: sequenceAt(exit) })),
  }));
  if (spans.length === 0) return { dropout, steps, members, excluded };
  // One sweep over the sessions: clients join the risk set at each interval's entry and leave it after its exit. An
  // interval that ends without the event is censored there (Andersen & Gill 1982), the client's last one included.
  const size = register.held.length + 1;
  const joining = new Array<number>(size).fill(0);
  const leaving = new Array<number>(size).fill(0);
  const eventsAt = new Array<number>(size).fill(0);
  const censoredAt = new Array<number>(size).fill(0);
  let from = Number.POSITIVE_INFINITY;
  let to = -1;
  for (const span of spans) {
    span.intervals.forEach(([entry, exit], index) => {
      from = Math.min(from, entry);
      to = Math.max(to, exit);
      joining[entry] = (joining[entry] as number) + 1;
      leaving[exit + 1] = (leaving[exit + 1] as number) + 1;
      if (span.event && index === span.intervals.length - 1) eventsAt[exit] = (eventsAt[exit] as number) + 1;
      else censoredAt[exit] = (censoredAt[exit] as number) + 1;
    });
  }
  // Nobody enters before the first entry, so the risk set starts empty there.
  let atRisk = 0;
  let survival = 1;
  let greenwood = 0;
  for (let position = from; position <= to; position++) {
    // Positions between the first entry and the last exit are held sessions.
    const dated = register.held[position] as DatedSession;
    atRisk += (joining[position] as number) - (leaving[position] as number);
    const events = eventsAt[position] as number;
    const censored = censoredAt[position] as number;
    if (atRisk > 0) survival *= 1 - events / atRisk;
    // Greenwood 1926: the term is undefined once everyone at risk has the event, and so is the error of S = 0.
    if (events > 0 && atRisk > events) greenwood += events / (atRisk * (atRisk - events));
    steps.push({
      session: dated.session.sequence,
      sessionId: dated.id,
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
