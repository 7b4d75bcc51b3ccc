// Whole group records, referentially consistent. The record is drawn in two steps: the group, its members and how
// many sessions it has; then, for those, independent choices for every membership, session, attendance entry, turn,
// act, agreement, consent and stage event, which arbitraries-record-reading.ts reads into the record. Re-exported by
// arbitraries.ts.
import * as fc from "fast-check";
import type { GroupRecordInput } from "../model/index.js";
import { readFlag, readOptions, readRange, readTimeZones } from "./arbitraries-options.js";
import { groupArbitrary, memberArbitrary } from "./arbitraries-people.js";
import { type Included, readRecord, recordChoices } from "./arbitraries-record-reading.js";
import { DEFAULT_TIME_ZONES, dayNumber } from "./arbitraries-time.js";
import { hostId } from "./arbitraries-values.js";

/**
 * Options of {@link arbitraryGroupRecord}.
 *
 * @example
 * // Small records in New York with no speaking turns
 * const options: GroupRecordArbitraryOptions = { members: { min: 2, max: 4 }, timeZones: ["America/New_York"], turns: false };
 * fc.sample(arbitraryGroupRecord(options), { seed: 1, numRuns: 20 }).every((input) =>
 *   input.members.length >= 2 && input.members.length <= 4 && input.group.timeZone === "America/New_York" && input.turns === undefined)
 * //=> true
 */
export interface GroupRecordArbitraryOptions {
  /** How many people (clients and facilitators), `{ min, max }` from 0 to 50; 1 to 8 when absent. */
  readonly members?: { readonly min?: number; readonly max?: number };
  /** How many sessions, planned or held, `{ min, max }` from 0 to 50; 0 to 6 when absent. */
  readonly sessions?: { readonly min?: number; readonly max?: number };
  /** The IANA time zones to draw the group's zone from; zones with whole, half and 45-minute offsets when absent. */
  readonly timeZones?: readonly string[];
  /** Whether the record holds speaking turns (`turns`); `true` when absent, `false` leaves the list out. */
  readonly turns?: boolean;
  /** Whether the record holds Bales interaction acts (`interactionActs`); `true` when absent. */
  readonly interactionActs?: boolean;
  /** Whether the record holds group agreements (`agreements`); `true` when absent. */
  readonly agreements?: boolean;
  /** Whether the record holds consents (`consents`); `true` when absent. */
  readonly consents?: boolean;
  /** Whether the record holds a stage log (`stageEvents`); `true` when absent. */
  readonly stageEvents?: boolean;
}

/**
 * Whole group records as a host sends them, which `parseGroupRecord` accepts (`ok: true`; warnings may come). Every
 * reference holds: memberships name the record's group and members, with periods inside the group's dates; sessions
 * are numbered 1, 2, … in the order they start, each at a local time of day in the group's zone; attendance is only
 * for held sessions and for members whose membership covers the session's day in that zone; turns and acts are by
 * members who attended; signatures are by members enrolled that day; consents are by members; and the stage log
 * names held sessions and members and is in time order.
 *
 * The value is the input, not the parsed record: a property of a host's own parser or import wants what arrives on the
 * wire. Pass it to `parseGroupRecord` for the `GroupRecord`. The stage log follows the group's stage model (Tuckman
 * when it names none) and replays with `replayStageEvents(stageModels[stageModel], { at, by }, stageEvents)` from
 * `at` = the first moment of the group's start date in its zone.
 *
 * Shrinking keeps records valid: a shrunk record has fewer members, sessions and entries, never a broken reference.
 *
 * @param options - sizes, time zones and which lists to include (see {@link GroupRecordArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryGroupRecord(), { seed: 1, numRuns: 25 }).every((input) => parseGroupRecord(input).ok)
 * //=> true
 * @example
 * // Attendance only where the session was held
 * fc.sample(arbitraryGroupRecord({ sessions: { min: 3, max: 6 } }), { seed: 2, numRuns: 10 }).every((input) =>
 *   (input.attendance ?? []).every((record) => input.sessions?.find((session) => session.id === record.sessionId)?.status === "held"))
 * //=> true
 */
export function arbitraryGroupRecord(options: GroupRecordArbitraryOptions = {}): fc.Arbitrary<GroupRecordInput> {
  const caller = "arbitraryGroupRecord";
  const read = readOptions(options, caller, [
    "members",
    "sessions",
    "timeZones",
    "turns",
    "interactionActs",
    "agreements",
    "consents",
    "stageEvents",
  ]);
  const members = readRange(read.members, `${caller}: options.members`, { min: 1, max: 8 }, 50);
  const sessions = readRange(read.sessions, `${caller}: options.sessions`, { min: 0, max: 6 }, 50);
  const zones = readTimeZones(read.timeZones, `${caller}: options.timeZones`, DEFAULT_TIME_ZONES);
  const included: Included = {
    turns: readFlag(read.turns, `${caller}: options.turns`, true),
    interactionActs: readFlag(read.interactionActs, `${caller}: options.interactionActs`, true),
    agreements: readFlag(read.agreements, `${caller}: options.agreements`, true),
    consents: readFlag(read.consents, `${caller}: options.consents`, true),
    stageEvents: readFlag(read.stageEvents, `${caller}: options.stageEvents`, true),
  };
  const frame = fc.record(
    {
      group: groupArbitrary(hostId, fc.constantFrom(...zones), fc.option(fc.nat(365))),
      // How far sessions and memberships may reach when the group has no end date yet.
      openSpan: fc.nat(365),
      members: fc.uniqueArray(memberArbitrary(hostId), {
        minLength: members.min,
        maxLength: members.max,
        selector: (member) => member.id,
      }),
      sessionCount: fc.integer(sessions),
    },
    { noNullPrototype: true },
  );
  return frame.chain(({ group, openSpan, members: people, sessionCount }) => {
    const firstDay = dayNumber(group.startDate);
    const lastDay = group.endDate === undefined ? firstDay + openSpan : dayNumber(group.endDate);
    const drawn = { group, firstDay, lastDay, members: people };
    return recordChoices(drawn, sessionCount).map((choices) => readRecord(drawn, choices, included));
  });
}
