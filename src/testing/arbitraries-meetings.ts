// Arbitraries of what happens in meetings, one model type each: a session, an attendance record, a speaking turn, an
// interaction act, a stage event. Each value is the wire form a host sends, and its own schema accepts it.
// Re-exported by arbitraries.ts.
import * as fc from "fast-check";
import {
  adjournOutcomes,
  attendanceStatuses,
  balesCategories,
  type GroupRecordInput,
  interventions,
  sessionModes,
  sessionStatuses,
} from "../model/index.js";
import { stageModels } from "../stages/index.js";
import { readCount, readIds, readOptions, readTimeZones } from "./arbitraries-options.js";
import { dayNumberArbitrary, instantArbitrary } from "./arbitraries-people.js";
import { DEFAULT_TIME_ZONES, writeInstant, zonedInstant } from "./arbitraries-time.js";
import { idFrom, visibleText } from "./arbitraries-values.js";

type SessionInput = NonNullable<GroupRecordInput["sessions"]>[number];
type AttendanceInput = NonNullable<GroupRecordInput["attendance"]>[number];
type TurnInput = NonNullable<GroupRecordInput["turns"]>[number];
type ActInput = NonNullable<GroupRecordInput["interactionActs"]>[number];
type StageEventInput = NonNullable<GroupRecordInput["stageEvents"]>[number];

/** Whether a status counts as attended, as the vocabulary says (late counts as attended). */
export function isAttended(status: string): boolean {
  return attendanceStatuses.entries.some((entry) => entry.code === status && entry.attended === true);
}

const TOPICS = ["Anniversaries and holidays", "Naming what we feel", "Looking back, looking ahead"];

/** The choices that make one session: its day and local time, length, status, mode, topic and interventions. */
export const sessionShape = fc.record(
  {
    // 08:00 to 21:59 local time: clocks change outside these hours, so the wall-clock time exists once.
    minuteOfDay: fc.integer({ min: 8 * 60, max: 22 * 60 - 1 }),
    writtenInUtc: fc.boolean(),
    durationMinutes: fc.integer({ min: 15, max: 180 }),
    status: fc.oneof(
      { weight: 3, arbitrary: fc.constant("held" as const) },
      { weight: 1, arbitrary: fc.constantFrom(...sessionStatuses.codes) },
    ),
    mode: fc.constantFrom(...sessionModes.codes),
    topic: fc.oneof(fc.constantFrom(...TOPICS), visibleText(30)),
    interventions: fc.uniqueArray(fc.constantFrom(...interventions.codes), { maxLength: 3 }),
  },
  { requiredKeys: ["minuteOfDay", "writtenInUtc", "durationMinutes", "status", "mode"], noNullPrototype: true },
);

/** The session a shape gives on a day (a day number) in a zone, and the instant it starts. */
export function sessionOf(
  shape: typeof sessionShape extends fc.Arbitrary<infer S> ? S : never,
  fields: { readonly id: string; readonly groupId: string; readonly sequence: number },
  day: number,
  timeZone: string,
): { readonly session: SessionInput; readonly startMs: number } {
  const { minuteOfDay, writtenInUtc, ...rest } = shape;
  const startMs = zonedInstant(day, minuteOfDay, timeZone);
  // The same instant written in UTC or with the zone's offset: only the group's zone decides its day.
  const session: SessionInput = {
    ...fields,
    ...rest,
    scheduledStart: writeInstant(startMs, writtenInUtc ? "Z" : timeZone),
  };
  return { session, startMs };
}

/**
 * Options of {@link arbitrarySession}.
 *
 * @example
 * fc.sample(arbitrarySession({ groupIds: ["grp-1"], timeZones: ["Asia/Kathmandu"] }), { seed: 1, numRuns: 20 })
 *   .every((session) => session.groupId === "grp-1" && /(\+05:45|Z)$/.test(session.scheduledStart))
 * //=> true
 */
export interface SessionArbitraryOptions {
  /** The session ids to draw from; any id a host might choose when absent. */
  readonly ids?: readonly string[];
  /** The group ids to draw from; any id a host might choose when absent. */
  readonly groupIds?: readonly string[];
  /** The IANA time zones a session's local start time (08:00 to 21:59) is in; several zones when absent. */
  readonly timeZones?: readonly string[];
}

/**
 * Sessions as a host sends them: a number in the group's run, a start between 08:00 and 21:59 in one of the zones
 * (written with that zone's offset or in UTC), a length in whole minutes, a status (mostly `held`) and a mode.
 *
 * @param options - the ids and zones to draw from (see {@link SessionArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitrarySession(), { seed: 1, numRuns: 30 }).every((session) => SessionSchema.safeParse(session).success)
 * //=> true
 */
export function arbitrarySession(options: SessionArbitraryOptions = {}): fc.Arbitrary<SessionInput> {
  const read = readOptions(options, "arbitrarySession", ["ids", "groupIds", "timeZones"]);
  const id = idFrom(readIds(read.ids, "arbitrarySession: options.ids"));
  const groupId = idFrom(readIds(read.groupIds, "arbitrarySession: options.groupIds"));
  const zones = readTimeZones(read.timeZones, "arbitrarySession: options.timeZones", DEFAULT_TIME_ZONES);
  return fc
    .record({
      id,
      groupId,
      sequence: fc.integer({ min: 1, max: 60 }),
      day: dayNumberArbitrary,
      timeZone: fc.constantFrom(...zones),
      shape: sessionShape,
    })
    .map(({ shape, day, timeZone, ...fields }) => sessionOf(shape, fields, day, timeZone).session);
}

/** Arrival and departure, in minutes from a session's start, for a member who attended; either may be unrecorded. */
export const presenceShape = fc.record(
  { arrivedAfterMinutes: fc.integer({ min: -10, max: 30 }), stayedMinutes: fc.integer({ min: 0, max: 180 }) },
  { requiredKeys: [], noNullPrototype: true },
);

/**
 * The attendance record of a status; a member who attended gets the arrival and departure times the presence shape
 * holds, counted from `startMs` and written in `zone` (a zone name, or `"Z"` for UTC). A stay ends at most 10 minutes
 * past `durationMinutes`, so times stay near the session.
 */
export function attendanceOf(
  fields: Pick<AttendanceInput, "sessionId" | "memberId" | "status">,
  presence: typeof presenceShape extends fc.Arbitrary<infer P> ? P : never,
  session: { readonly startMs: number; readonly durationMinutes: number },
  zone: string,
): AttendanceInput {
  const record: AttendanceInput = { ...fields };
  // Only a member who was there has times (parseGroupRecord: times-for-absent-member).
  if (!isAttended(fields.status)) return record;
  const arrivedAfter = presence.arrivedAfterMinutes ?? 0;
  const arrivedMs = session.startMs + arrivedAfter * 60_000;
  if (presence.arrivedAfterMinutes !== undefined) record.arrivedAt = writeInstant(arrivedMs, zone);
  if (presence.stayedMinutes !== undefined) {
    const stayed = Math.min(presence.stayedMinutes, Math.max(session.durationMinutes + 10 - arrivedAfter, 0));
    record.departedAt = writeInstant(arrivedMs + stayed * 60_000, zone);
  }
  return record;
}

/**
 * Options of {@link arbitraryAttendanceRecord}.
 *
 * @example
 * fc.sample(arbitraryAttendanceRecord({ sessionIds: ["s-01"], memberIds: ["m-hope"] }), { seed: 1, numRuns: 10 })
 *   .every((record) => record.sessionId === "s-01" && record.memberId === "m-hope")
 * //=> true
 */
export interface AttendanceRecordArbitraryOptions {
  /** The session ids to draw from; any id a host might choose when absent. */
  readonly sessionIds?: readonly string[];
  /** The member ids to draw from; any id a host might choose when absent. */
  readonly memberIds?: readonly string[];
}

/**
 * Attendance records as a host sends them: a status from the vocabulary, and arrival and departure times (the
 * departure never before the arrival) only for a member who attended (`present`, `late`, `left-early`).
 *
 * @param options - the ids to draw from (see {@link AttendanceRecordArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryAttendanceRecord(), { seed: 1, numRuns: 40 }).every((record) =>
 *   AttendanceRecordSchema.safeParse(record).success &&
 *   (record.status === "present" || record.status === "late" || record.status === "left-early" || record.arrivedAt === undefined))
 * //=> true
 */
export function arbitraryAttendanceRecord(
  options: AttendanceRecordArbitraryOptions = {},
): fc.Arbitrary<AttendanceInput> {
  const read = readOptions(options, "arbitraryAttendanceRecord", ["sessionIds", "memberIds"]);
  const sessionId = idFrom(readIds(read.sessionIds, "arbitraryAttendanceRecord: options.sessionIds"));
  const memberId = idFrom(readIds(read.memberIds, "arbitraryAttendanceRecord: options.memberIds"));
  return fc
    .record({
      sessionId,
      memberId,
      status: fc.constantFrom(...attendanceStatuses.codes),
      presence: presenceShape,
      start: instantArbitrary(DEFAULT_TIME_ZONES),
      durationMinutes: fc.integer({ min: 15, max: 180 }),
      zone: fc.oneof(fc.constant("Z"), fc.constantFrom(...DEFAULT_TIME_ZONES)),
    })
    .map(({ presence, start, durationMinutes, zone, ...fields }) =>
      attendanceOf(fields, presence, { startMs: Date.parse(start), durationMinutes }, zone),
    );
}

/**
 * Options of {@link arbitraryTurn} and {@link arbitraryInteractionAct}.
 *
 * @example
 * fc.sample(arbitraryTurn({ maxSeconds: 60 }), { seed: 1, numRuns: 20 }).every((turn) => turn.end <= 60)
 * //=> true
 */
export interface InSessionArbitraryOptions {
  /** The session ids to draw from; any id a host might choose when absent. */
  readonly sessionIds?: readonly string[];
  /** The member ids to draw speakers, actors and the people they address from; any ids when absent. */
  readonly memberIds?: readonly string[];
  /** The latest second from the session's start a turn may end or an act happen at; 5400 (90 minutes) when absent. */
  readonly maxSeconds?: number;
}

function readInSession(options: unknown, caller: string) {
  const read = readOptions(options, caller, ["sessionIds", "memberIds", "maxSeconds"]);
  return {
    sessionId: idFrom(readIds(read.sessionIds, `${caller}: options.sessionIds`)),
    memberId: idFrom(readIds(read.memberIds, `${caller}: options.memberIds`)),
    maxSeconds: readCount(read.maxSeconds, `${caller}: options.maxSeconds`, 5400, 0, 86_400),
  };
}

/** A second from 0 to `max`: whole, or with a fraction, as recorders write them. */
export function secondArbitrary(max: number): fc.Arbitrary<number> {
  return fc.oneof(fc.integer({ min: 0, max }), fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true }));
}

/**
 * Speaking turns as a host sends them: seconds from the session's start, the end never before the start, and the
 * member answered, or not.
 *
 * @param options - the ids and the session's length to draw from (see {@link InSessionArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryTurn({ memberIds: ["m-hope", "m-will"] }), { seed: 1, numRuns: 30 })
 *   .every((turn) => TurnSchema.safeParse(turn).success && turn.start <= turn.end)
 * //=> true
 */
export function arbitraryTurn(options: InSessionArbitraryOptions = {}): fc.Arbitrary<TurnInput> {
  const { sessionId, memberId, maxSeconds } = readInSession(options, "arbitraryTurn");
  return fc
    .record(
      {
        sessionId,
        memberId,
        span: fc.tuple(secondArbitrary(maxSeconds), secondArbitrary(maxSeconds)),
        respondsTo: memberId,
      },
      { requiredKeys: ["sessionId", "memberId", "span"], noNullPrototype: true },
    )
    .map(({ span: [a, b], ...fields }) => ({ ...fields, start: Math.min(a, b), end: Math.max(a, b) }));
}

/**
 * Acts scored with Bales' Interaction Process Analysis (1950) as a host sends them: a category from 1 to 12, and the
 * member addressed and the second the act happened at, or not.
 *
 * @param options - the ids and the session's length to draw from (see {@link InSessionArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryInteractionAct(), { seed: 1, numRuns: 30 })
 *   .every((act) => InteractionActSchema.safeParse(act).success)
 * //=> true
 */
export function arbitraryInteractionAct(options: InSessionArbitraryOptions = {}): fc.Arbitrary<ActInput> {
  const { sessionId, memberId, maxSeconds } = readInSession(options, "arbitraryInteractionAct");
  return fc.record(
    {
      sessionId,
      memberId,
      category: fc.constantFrom(...balesCategories.codes),
      addresseeId: memberId,
      at: secondArbitrary(maxSeconds),
    },
    { requiredKeys: ["sessionId", "memberId", "category"], noNullPrototype: true },
  );
}

/** Reasons a worker gives for a stage decision. */
export const STAGE_REASONS = [
  "Members are challenging the norms again.",
  "The group is working on its goals.",
  "Planned end of the group.",
  "Too few members to continue.",
] as const;

/** The stage ids of the models the library ships. */
function shippedStageIds(): string[] {
  return [...new Set(Object.values(stageModels).flatMap((model) => model?.stages.map((stage) => stage.id) ?? []))];
}

/**
 * Options of {@link arbitraryStageEvent}.
 *
 * @example
 * fc.sample(arbitraryStageEvent({ stageIds: ["storming"] }), { seed: 1, numRuns: 40 })
 *   .every((event) => event.type !== "REGRESS" || event.to === "storming")
 * //=> true
 */
export interface StageEventArbitraryOptions {
  /** The session ids `SESSION_HELD` names; any id a host might choose when absent. */
  readonly sessionIds?: readonly string[];
  /** The member ids `MEMBER_JOINED` and `MEMBER_LEFT` name; any id a host might choose when absent. */
  readonly memberIds?: readonly string[];
  /** The stage ids `REGRESS` goes back to; the stages of the models the library ships when absent. */
  readonly stageIds?: readonly string[];
  /** Who records the events; any id a host might choose when absent. */
  readonly recordedBy?: readonly string[];
}

/**
 * Single entries of a stage log, of every type, each as `RecordedStageEventSchema` accepts it. Whether a stage
 * machine would take one depends on the events before it: for logs that replay, use `arbitraryStageEventSequence`.
 *
 * @param options - the ids to draw from (see {@link StageEventArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryStageEvent(), { seed: 1, numRuns: 40 }).every((event) => RecordedStageEventSchema.safeParse(event).success)
 * //=> true
 */
export function arbitraryStageEvent(options: StageEventArbitraryOptions = {}): fc.Arbitrary<StageEventInput> {
  const read = readOptions(options, "arbitraryStageEvent", ["sessionIds", "memberIds", "stageIds", "recordedBy"]);
  const sessionId = idFrom(readIds(read.sessionIds, "arbitraryStageEvent: options.sessionIds"));
  const memberId = idFrom(readIds(read.memberIds, "arbitraryStageEvent: options.memberIds"));
  const stageIds = readIds(read.stageIds, "arbitraryStageEvent: options.stageIds") ?? shippedStageIds();
  const by = idFrom(readIds(read.recordedBy, "arbitraryStageEvent: options.recordedBy"));
  const reason = fc.constantFrom(...STAGE_REASONS);
  const base = { at: instantArbitrary(DEFAULT_TIME_ZONES), by };
  const optional = { requiredKeys: ["type", "at", "by"] as ("type" | "at" | "by")[], noNullPrototype: true };
  return fc.oneof(
    fc.record({ type: fc.constant("SESSION_HELD" as const), ...base, sessionId }, optional),
    fc.record(
      {
        type: fc.constant("AGREEMENT_ADOPTED" as const),
        ...base,
        version: fc.oneof(fc.stringMatching(/^[1-9]$/), visibleText()),
        includesConfidentiality: fc.boolean(),
        limitsExplained: fc.boolean(),
      },
      { noNullPrototype: true },
    ),
    fc.record({ type: fc.constant("MEMBER_JOINED" as const), ...base, memberId }, optional),
    fc.record({ type: fc.constant("MEMBER_LEFT" as const), ...base, memberId }, optional),
    fc.record({ type: fc.constant("ADVANCE" as const), ...base, reason }, optional),
    fc.record(
      { type: fc.constant("REGRESS" as const), ...base, to: fc.constantFrom(...stageIds), reason },
      { noNullPrototype: true },
    ),
    fc.record(
      { type: fc.constant("ADJOURN" as const), ...base, outcome: fc.constantFrom(...adjournOutcomes), reason },
      { noNullPrototype: true },
    ),
    fc.record({ type: fc.constant("CLOSE" as const), ...base, reason }, optional),
  );
}
