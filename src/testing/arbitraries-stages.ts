// Stage logs a stage machine takes from start to end. A log is drawn as a list of independent choices (which allowed
// event, how long after the last, which details), and the choices are read against the machine one by one: each picks
// among the events `availableStageEvents` allows at that point. Any list of choices reads as a valid log, so a
// shrunk list (shorter, smaller numbers) is a valid log too. Re-exported by arbitraries.ts.
import * as fc from "fast-check";
import { GroupworkError } from "../_lib/errors.js";
import type { StageEventType } from "../model/index.js";
import {
  applyStageEvent,
  availableStageEvents,
  type StageEvent,
  type StageInput,
  type StageMachineOptions,
  type StageModel,
  type StageSnapshot,
  startStages,
} from "../stages/index.js";
import { STAGE_REASONS } from "./arbitraries-meetings.js";
import { readCount, readIds, readOptions, readRange, readTimeZones } from "./arbitraries-options.js";
import { DEFAULT_TIME_ZONES, FIRST_DAY, LAST_DAY, writeInstant } from "./arbitraries-time.js";
import { pick } from "./arbitraries-values.js";

/** One step of a log, before it is read against the machine. */
export interface StageChoice {
  /** Which allowed event: a number read against the weights below. */
  readonly pick: number;
  /** Minutes after the previous event. */
  readonly gapMinutes: number;
  /** Which detail: the stage a `REGRESS` goes back to, an outcome, a member, an agreement's completeness. */
  readonly detail: number;
  /** Who records the event, from the recorders given. */
  readonly who: number;
  /** Whether an optional reason is given. */
  readonly withReason: boolean;
}

/** Choices shrink to the first allowed event (a session held) one minute later, with every detail at its first. */
export const stageChoiceArbitrary: fc.Arbitrary<StageChoice> = fc.record(
  {
    pick: fc.nat(999),
    gapMinutes: fc.integer({ min: 1, max: 14 * 1440 }),
    detail: fc.nat(999),
    who: fc.nat(99),
    withReason: fc.boolean(),
  },
  { noNullPrototype: true },
);

// How often each allowed event is picked: sessions and moves forward often, so logs reach the later stages; ending
// and closing seldom, so logs are not cut short.
const WEIGHTS: Readonly<Record<StageEventType, number>> = {
  SESSION_HELD: 4,
  AGREEMENT_ADOPTED: 2,
  MEMBER_JOINED: 1,
  MEMBER_LEFT: 1,
  ADVANCE: 4,
  REGRESS: 1,
  ADJOURN: 1,
  CLOSE: 2,
};

/** What a log may name, besides its model: who records, in which zone, which members and which held sessions. */
export interface StageLogSetting {
  readonly timeZone: string;
  readonly recordedBy: readonly string[];
  /** Members `MEMBER_JOINED` and `MEMBER_LEFT` name; they name none when absent. */
  readonly memberIds?: readonly string[] | undefined;
  /**
   * Held sessions, oldest first, that `SESSION_HELD` names, each once and not before the session ends; once they are
   * used up no more sessions are held. When absent, `SESSION_HELD` names no session and may come at any time.
   */
  readonly sessions?: readonly { readonly id: string; readonly endMs: number }[] | undefined;
}

/**
 * The log that `choices` read as, from `start`: each choice picks one of the events the machine allows at that point
 * and comes `gapMinutes` after the one before (strictly later). Stops early once the group is closed, after which
 * nothing is allowed.
 */
export function stageLogOf<Id extends string>(
  model: StageModel<Id>,
  machineOptions: StageMachineOptions<Id>,
  start: StageInput & { readonly at: string },
  choices: readonly StageChoice[],
  setting: StageLogSetting,
): StageEvent<Id>[] {
  let snapshot: StageSnapshot<Id> = startStages(model, start, machineOptions);
  let lastMs = Date.parse(start.at);
  let sessionsUsed = 0;
  let agreements = 0;
  const events: StageEvent<Id>[] = [];
  for (const choice of choices) {
    const sessionsLeft = setting.sessions === undefined || sessionsUsed < setting.sessions.length;
    const allowed = availableStageEvents(snapshot).filter(
      (entry) => entry.allowed && (entry.type !== "SESSION_HELD" || sessionsLeft),
    );
    if (allowed.length === 0) break;
    const weighted = allowed.flatMap((entry) => Array.from({ length: WEIGHTS[entry.type] }, () => entry));
    const entry = pick(weighted, choice.pick);
    let atMs = lastMs + choice.gapMinutes * 60_000;
    const base = { at: "", by: pick(setting.recordedBy, choice.who) };
    const reason = pick(STAGE_REASONS, choice.detail);
    let event: Record<string, unknown>;
    switch (entry.type) {
      case "SESSION_HELD": {
        const session = setting.sessions?.[sessionsUsed];
        event = { type: entry.type, ...base };
        if (session !== undefined) {
          atMs = Math.max(atMs, session.endMs);
          event["sessionId"] = session.id;
          sessionsUsed++;
        }
        break;
      }
      case "AGREEMENT_ADOPTED": {
        agreements++;
        // Mostly complete, so the group can move on; now and then without confidentiality terms or their limits told.
        const complete = choice.detail % 4 !== 3;
        event = {
          type: entry.type,
          ...base,
          version: String(agreements),
          includesConfidentiality: complete || choice.withReason,
          limitsExplained: complete || !choice.withReason,
        };
        break;
      }
      case "MEMBER_JOINED":
      case "MEMBER_LEFT":
        event = { type: entry.type, ...base };
        if (setting.memberIds !== undefined) event["memberId"] = pick(setting.memberIds, choice.detail);
        break;
      case "REGRESS":
        event = { type: entry.type, ...base, to: pick(entry.to, choice.detail), reason };
        break;
      case "ADJOURN":
        event = { type: entry.type, ...base, outcome: choice.detail % 2 === 0 ? "completed" : "ended-early", reason };
        break;
      default:
        event = { type: entry.type, ...base };
        if (choice.withReason) event["reason"] = reason;
    }
    event["at"] = writeInstant(atMs, setting.timeZone);
    const step = applyStageEvent(snapshot, event as StageEvent<Id>);
    if (!step.ok) {
      // availableStageEvents and applyStageEvent ask the same decision, so this cannot happen; if it does, a log that
      // does not replay must never be handed out as a valid one.
      throw new Error(
        `groupwork/testing: the stage machine refused ${entry.type} that availableStageEvents allowed (${step.blockedBy.map((why) => why.code).join(", ")}); please report this.`,
      );
    }
    snapshot = step.snapshot;
    lastMs = atMs;
    events.push(event as StageEvent<Id>);
  }
  return events;
}

/**
 * A group's start and a stage log that replays from it, event by event, with `replayStageEvents`.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const [sequence] = fc.sample(arbitraryStageEventSequence(bostonModel), { seed: 1, numRuns: 1 });
 * sequence !== undefined && replayStageEvents(bostonModel, sequence.start, sequence.events).ok
 * //=> true
 */
export interface StageEventSequence<Id extends string = string> {
  /** The group's start, as `startStages` and `replayStageEvents` take it: an instant with its offset, who, how many. */
  readonly start: StageInput & { readonly at: string; readonly activeMembers: number };
  /** The events, oldest first, each strictly later than the one before and each allowed where it comes. */
  readonly events: readonly StageEvent<Id>[];
}

/**
 * Options of {@link arbitraryStageEventSequence}.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * // A drop-in group with no agreement of its own: the log may leave the first stage without one
 * const options: StageEventSequenceArbitraryOptions<StageIdOf<typeof tuckmanModel>> = { machineOptions: { requireAgreement: false } };
 * fc.sample(arbitraryStageEventSequence(tuckmanModel, options), { seed: 1, numRuns: 20 })
 *   .every((sequence) => replayStageEvents(tuckmanModel, sequence.start, sequence.events, { requireAgreement: false }).ok)
 * //=> true
 */
export interface StageEventSequenceArbitraryOptions<Id extends string = string> {
  /** The most events a log holds, from 0 to 200; 20 when absent. A log is shorter when the group closes first. */
  readonly maxEvents?: number;
  /** The group's machine options, as `startStages` takes them; the log is valid under exactly these. */
  readonly machineOptions?: StageMachineOptions<Id>;
  /** How many members are active at the start, `{ min, max }` from 0 to 1000; 0 to 12 when absent. */
  readonly activeMembers?: { readonly min?: number; readonly max?: number };
  /** The IANA time zones whose offsets the instants are written with; several zones when absent. */
  readonly timeZones?: readonly string[];
  /** Who starts the group and records the events; `worker-1` and `worker-2` when absent. */
  readonly recordedBy?: readonly string[];
  /** The member ids `MEMBER_JOINED` and `MEMBER_LEFT` name; they name no member when absent. */
  readonly memberIds?: readonly string[];
  /**
   * The session ids `SESSION_HELD` names, in this order, each once; after the last, no more sessions are held. When
   * absent, `SESSION_HELD` names no session.
   */
  readonly sessionIds?: readonly string[];
}

/**
 * Stage logs that a group's stage machine takes from its start to the end: every event is allowed when applied in
 * order from the start (`startStages`, then `applyStageEvent` for each), and each comes strictly later than the one
 * before. So `replayStageEvents(model, start, events, machineOptions)` succeeds for every value.
 *
 * Each event is picked among those `availableStageEvents` allows at that point, sessions and moves forward more often
 * than ending, so logs reach the later stages and sometimes close. Shrinking keeps logs valid: a shrunk log is shorter,
 * with events closer together and details at their first choices.
 *
 * @param model - the stage model, such as `tuckmanModel` or one from `defineStageModel`
 * @param options - length, machine options and the ids to draw from (see {@link StageEventSequenceArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when the model or an option is malformed, or an option is not one
 *   this function takes
 * @example
 * fc.sample(arbitraryStageEventSequence(tuckmanModel), { seed: 1, numRuns: 30 })
 *   .every((sequence) => replayStageEvents(tuckmanModel, sequence.start, sequence.events).ok)
 * //=> true
 */
export function arbitraryStageEventSequence<const Id extends string>(
  model: StageModel<Id>,
  options: StageEventSequenceArbitraryOptions<NoInfer<Id>> = {},
): fc.Arbitrary<StageEventSequence<Id>> {
  const caller = "arbitraryStageEventSequence";
  const read = readOptions(options, caller, [
    "maxEvents",
    "machineOptions",
    "activeMembers",
    "timeZones",
    "recordedBy",
    "memberIds",
    "sessionIds",
  ]);
  const maxEvents = readCount(read.maxEvents, `${caller}: options.maxEvents`, 20, 0, 200);
  const active = readRange(read.activeMembers, `${caller}: options.activeMembers`, { min: 0, max: 12 }, 1000);
  const zones = readTimeZones(read.timeZones, `${caller}: options.timeZones`, DEFAULT_TIME_ZONES);
  const recordedBy = readIds(read.recordedBy, `${caller}: options.recordedBy`) ?? ["worker-1", "worker-2"];
  const memberIds = readIds(read.memberIds, `${caller}: options.memberIds`);
  const sessionIds = readIds(read.sessionIds, `${caller}: options.sessionIds`);
  const machineOptions = (read.machineOptions ?? {}) as StageMachineOptions<Id>;
  // The model and the machine options are checked now, by the machine itself, so a bad one fails here, not mid-run.
  try {
    startStages(model, { at: "2026-01-01T00:00:00Z", by: "check" }, machineOptions);
  } catch (thrown) {
    if (thrown instanceof GroupworkError) throw new GroupworkError(thrown.code, `${caller}: ${thrown.message}`);
    throw thrown;
  }
  return fc
    .record(
      {
        startMinute: fc.integer({ min: FIRST_DAY * 1440, max: LAST_DAY * 1440 }),
        timeZone: fc.constantFrom(...zones),
        by: fc.constantFrom(...recordedBy),
        activeMembers: fc.integer(active),
        choices: fc.array(stageChoiceArbitrary, { maxLength: maxEvents, size: "max" }),
      },
      { noNullPrototype: true },
    )
    .map(({ startMinute, timeZone, by, activeMembers, choices }) => {
      const start = { at: writeInstant(startMinute * 60_000, timeZone), by, activeMembers };
      const sessions = sessionIds?.map((id) => ({ id, endMs: 0 }));
      const events = stageLogOf(model, machineOptions, start, choices, { timeZone, recordedBy, memberIds, sessions });
      return { start, events };
    });
}
