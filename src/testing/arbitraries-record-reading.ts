// Reading the choices drawn for a group record into the record. Every choice is read into something valid or left
// out when it does not fit (attendance of a member not enrolled that day, a turn in a session nobody attended, a
// signature by someone not enrolled when they signed), so every list of choices gives a valid record and shrinking,
// which only shortens lists and lowers numbers, keeps records valid. Private to the testing kit.
import * as fc from "fast-check";
import {
  attendanceStatuses,
  balesCategories,
  exitReasons,
  facilitationRoles,
  type GroupRecordInput,
  stageModelIds,
} from "../model/index.js";
import { stageModels } from "../stages/index.js";
import { attendanceOf, isAttended, presenceShape, sessionOf, sessionShape } from "./arbitraries-meetings.js";
import { agreementArbitrary, consentArbitrary } from "./arbitraries-people.js";
import { type StageChoice, stageChoiceArbitrary, stageLogOf } from "./arbitraries-stages.js";
import { dayText, localDay, writeInstant, zonedInstant } from "./arbitraries-time.js";
import { hostId, pick } from "./arbitraries-values.js";

type GroupInput = GroupRecordInput["group"];
type MemberInput = GroupRecordInput["members"][number];
type MembershipInput = GroupRecordInput["memberships"][number];
type SessionInput = NonNullable<GroupRecordInput["sessions"]>[number];
type AttendanceInput = NonNullable<GroupRecordInput["attendance"]>[number];
type TurnInput = NonNullable<GroupRecordInput["turns"]>[number];
type ActInput = NonNullable<GroupRecordInput["interactionActs"]>[number];
type AgreementInput = NonNullable<GroupRecordInput["agreements"]>[number];
type ConsentInput = NonNullable<GroupRecordInput["consents"]>[number];

/** Which optional lists the record holds. */
export type Included = Readonly<
  Record<"turns" | "interactionActs" | "agreements" | "consents" | "stageEvents", boolean>
>;

// Roles that lead the group: the vocabulary's entries with `facilitates`.
const leadingRoles = (): readonly MembershipInput["role"][] =>
  facilitationRoles.entries.filter((entry) => entry.facilitates).map((entry) => entry.code);

const membershipChoice = fc.record(
  {
    withPeriod: fc.nat(3),
    startOffset: fc.nat(400),
    length: fc.option(fc.nat(400)),
    // Mostly clients; now and then an observer or an interpreter.
    role: fc.oneof(
      { weight: 4, arbitrary: fc.constant("member" as const) },
      { weight: 1, arbitrary: fc.constantFrom(...facilitationRoles.codes) },
    ),
    inactive: fc.option(fc.boolean(), { nil: undefined }),
    exitReason: fc.constantFrom(...exitReasons.codes),
  },
  { noNullPrototype: true },
);

const attendanceChoice = fc.option(
  fc.record(
    { status: fc.constantFrom(...attendanceStatuses.codes), presence: presenceShape, writtenInUtc: fc.boolean() },
    { noNullPrototype: true },
  ),
  { freq: 5 },
);

const turnChoice = fc.record(
  { speaker: fc.nat(99), startSecond: fc.nat(4 * 3600), seconds: fc.nat(600), respondsTo: fc.option(fc.nat(99)) },
  { noNullPrototype: true },
);

const actChoice = fc.record(
  {
    actor: fc.nat(99),
    category: fc.constantFrom(...balesCategories.codes),
    addressee: fc.option(fc.nat(99)),
    second: fc.option(fc.nat(4 * 3600)),
  },
  { noNullPrototype: true },
);

/** What the first step drew: the group, its first and last days (day numbers; the last is assumed for an open group). */
export interface Frame {
  readonly group: GroupInput;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly members: readonly MemberInput[];
}

/** The choices for a frame with `sessionCount` sessions. */
export function recordChoices(frame: Frame, sessionCount: number): fc.Arbitrary<Choices> {
  const { group, firstDay, lastDay, members: people } = frame;
  const n = people.length;
  const dayInGroup = fc.nat(lastDay - firstDay).map((offset) => firstDay + offset);
  const perSession = <T>(arbitrary: fc.Arbitrary<T>) =>
    fc.array(arbitrary, { minLength: sessionCount, maxLength: sessionCount });
  const memberId = n > 0 ? fc.constantFrom(...people.map((member) => member.id)) : undefined;
  return fc.record(
    {
      memberships: fc.array(membershipChoice, { minLength: n, maxLength: n }),
      facilitator: fc.nat(Math.max(n - 1, 0)),
      leadingRole: fc.nat(9),
      sessionIds: fc.uniqueArray(hostId, { minLength: sessionCount, maxLength: sessionCount }),
      sessions: perSession(fc.tuple(dayInGroup, sessionShape)),
      attendance: perSession(fc.array(attendanceChoice, { minLength: n, maxLength: n })),
      turns: perSession(fc.array(turnChoice, { maxLength: 6 })),
      acts: perSession(fc.array(actChoice, { maxLength: 4 })),
      agreements: fc.array(agreementArbitrary(fc.constant(""), dayInGroup, memberId, dayText), { maxLength: 2 }),
      consents:
        memberId === undefined
          ? fc.constant([])
          : fc.uniqueArray(
              consentArbitrary(
                hostId,
                memberId,
                fc.nat(400 * 1440).map((minute) => firstDay * 1440 + minute),
                [group.timeZone],
              ),
              { maxLength: 3, selector: (consent) => consent.id },
            ),
      stageChoices: fc.array(stageChoiceArbitrary, { maxLength: 12, size: "max" }),
    },
    { noNullPrototype: true },
  );
}

/** Everything drawn for one record after its frame. */
export interface Choices {
  readonly memberships: readonly (typeof membershipChoice extends fc.Arbitrary<infer M> ? M : never)[];
  readonly facilitator: number;
  readonly leadingRole: number;
  readonly sessionIds: readonly string[];
  readonly sessions: readonly [number, typeof sessionShape extends fc.Arbitrary<infer S> ? S : never][];
  readonly attendance: readonly (readonly (typeof attendanceChoice extends fc.Arbitrary<infer A> ? A : never)[])[];
  readonly turns: readonly (readonly (typeof turnChoice extends fc.Arbitrary<infer T> ? T : never)[])[];
  readonly acts: readonly (readonly (typeof actChoice extends fc.Arbitrary<infer A> ? A : never)[])[];
  readonly agreements: readonly AgreementInput[];
  readonly consents: readonly ConsentInput[];
  readonly stageChoices: readonly StageChoice[];
}

/** A session, with where its choices were drawn, its local day and when it starts and ends. */
interface PlacedSession {
  readonly session: SessionInput;
  readonly drawn: number;
  readonly day: string;
  readonly startMs: number;
  readonly endMs: number;
}

/** Reads the choices into a record, keeping only what fits the record's references. */
export function readRecord(frame: Frame, choices: Choices, included: Included): GroupRecordInput {
  const { group, members } = frame;
  const memberships = members.map((member, index) => membershipOf(frame, member, index, choices));
  const enrolledOn = (memberId: string, day: string): boolean =>
    memberships.some(({ memberId: id, period }) => {
      // YYYY-MM-DD texts order as the days they name.
      return id === memberId && (period === undefined || (period.start <= day && (period.end ?? day) >= day));
    });

  const placed = choices.sessions
    .map(([day, shape], drawn): PlacedSession => {
      const fields = { id: choices.sessionIds[drawn] ?? "", groupId: group.id, sequence: 0 };
      const { session, startMs } = sessionOf(shape, fields, day, group.timeZone);
      const localDayText = dayText(localDay(startMs, group.timeZone));
      return { session, drawn, day: localDayText, startMs, endMs: startMs + shape.durationMinutes * 60_000 };
    })
    .sort((a, b) => a.startMs - b.startMs || a.drawn - b.drawn);
  // Numbered in the order they start, so no session is numbered against the calendar.
  placed.forEach((entry, index) => {
    entry.session.sequence = index + 1;
  });
  const held = placed.filter((entry) => entry.session.status === "held");

  const attendance: AttendanceInput[] = [];
  const turns: TurnInput[] = [];
  const acts: ActInput[] = [];
  for (const entry of held) {
    const attended: string[] = [];
    (choices.attendance[entry.drawn] ?? []).forEach((choice, memberIndex) => {
      const member = members[memberIndex];
      if (choice === null || member === undefined || !enrolledOn(member.id, entry.day)) return;
      const fields = { sessionId: entry.session.id, memberId: member.id, status: choice.status };
      const zone = choice.writtenInUtc ? "Z" : group.timeZone;
      attendance.push(
        attendanceOf(
          fields,
          choice.presence,
          { startMs: entry.startMs, durationMinutes: entry.session.durationMinutes },
          zone,
        ),
      );
      if (isAttended(choice.status)) attended.push(member.id);
    });
    if (attended.length === 0) continue;
    turns.push(...turnsOf(entry, attended, choices.turns[entry.drawn] ?? []));
    acts.push(...actsOf(entry, attended, choices.acts[entry.drawn] ?? []));
  }

  const record: GroupRecordInput = {
    group: withRoomFor(group, held.length, memberships),
    members: [...members],
    memberships,
    sessions: placed.map((entry) => entry.session),
    attendance,
  };
  if (included.turns) record.turns = turns;
  if (included.interactionActs) record.interactionActs = acts;
  if (included.agreements) {
    // Numbered 1, 2, …, each signed only by members enrolled on the day they signed.
    record.agreements = choices.agreements.map(({ signatures, ...agreement }, index) => ({
      ...agreement,
      version: String(index + 1),
      ...(signatures === undefined
        ? {}
        : { signatures: signatures.filter((signature) => enrolledOn(signature.memberId, signature.signedOn)) }),
    }));
  }
  if (included.consents) record.consents = [...choices.consents];
  if (included.stageEvents) record.stageEvents = stageLog(frame, memberships, held, choices.stageChoices);
  return record;
}

/** A member's one membership: inside the group's dates, ended with an exit reason or open; the chosen one leads. */
function membershipOf(frame: Frame, member: MemberInput, index: number, choices: Choices): MembershipInput {
  const { group, firstDay, lastDay } = frame;
  const choice = choices.memberships[index];
  const membership: MembershipInput = { groupId: group.id, memberId: member.id, role: choice?.role ?? "member" };
  // One person leads the group, so the record has its facilitator.
  if (index === choices.facilitator) membership.role = pick(leadingRoles(), choices.leadingRole);
  if (choice === undefined) return membership;
  if (choice.inactive !== undefined) membership.inactive = choice.inactive;
  // One in four has no period: a member for the whole life of the group (FHIR Group.member).
  if (choice.withPeriod === 0) return membership;
  const start = firstDay + (choice.startOffset % (lastDay - firstDay + 1));
  membership.period = { start: dayText(start) };
  if (choice.length !== null) {
    membership.period.end = dayText(Math.min(start + choice.length, lastDay));
    membership.exitReason = choice.exitReason;
  }
  return membership;
}

/** Turns in a held session by members who attended it, inside its planned length, answering another attendee or not. */
function turnsOf(entry: PlacedSession, attended: readonly string[], drawn: Choices["turns"][number]): TurnInput[] {
  const limit = entry.session.durationMinutes * 60;
  return drawn.map((choice) => {
    const start = choice.startSecond % (limit + 1);
    const memberId = pick(attended, choice.speaker);
    const turn: TurnInput = {
      sessionId: entry.session.id,
      memberId,
      start,
      end: Math.min(start + choice.seconds, limit),
    };
    const others = attended.filter((id) => id !== memberId);
    if (choice.respondsTo !== null && others.length > 0) turn.respondsTo = pick(others, choice.respondsTo);
    return turn;
  });
}

/** Acts in a held session by members who attended it, addressed to another attendee or to the whole group. */
function actsOf(entry: PlacedSession, attended: readonly string[], drawn: Choices["acts"][number]): ActInput[] {
  const limit = entry.session.durationMinutes * 60;
  return drawn.map((choice) => {
    const memberId = pick(attended, choice.actor);
    const act: ActInput = { sessionId: entry.session.id, memberId, category: choice.category };
    const others = attended.filter((id) => id !== memberId);
    if (choice.addressee !== null && others.length > 0) act.addresseeId = pick(others, choice.addressee);
    if (choice.second !== null) act.at = choice.second % (limit + 1);
    return act;
  });
}

/** The group with its plan and capacity raised, when given, to what the record holds, so neither is exceeded. */
function withRoomFor(group: GroupInput, heldSessions: number, memberships: readonly MembershipInput[]): GroupInput {
  const fitted = { ...group };
  if (fitted.plannedSessions !== undefined) fitted.plannedSessions = Math.max(fitted.plannedSessions, heldSessions);
  const clients = memberships.filter((membership) => membership.role === "member").length;
  if (fitted.capacity !== undefined) fitted.capacity = Math.max(fitted.capacity, clients);
  return fitted;
}

/**
 * The group's stage log under its stage model (Tuckman when it names none), from the first moment of its start date
 * in its zone, recorded by its leaders, naming its members and its held sessions in order.
 */
function stageLog(
  frame: Frame,
  memberships: readonly MembershipInput[],
  held: readonly PlacedSession[],
  choices: readonly StageChoice[],
): NonNullable<GroupRecordInput["stageEvents"]> {
  const { group, firstDay, members } = frame;
  // The group's model is one the library ships (arbitraryGroup draws from stageModelIds).
  const model = stageModels[group.stageModel ?? stageModelIds[0]];
  if (model === undefined) return [];
  const leading = leadingRoles();
  const leaders = memberships.filter((membership) => leading.includes(membership.role));
  const recordedBy = leaders.length > 0 ? leaders.map((membership) => membership.memberId) : ["worker-1"];
  const at = writeInstant(zonedInstant(firstDay, 0, group.timeZone), group.timeZone);
  return stageLogOf(model, {}, { at, by: pick(recordedBy, 0) }, choices, {
    timeZone: group.timeZone,
    recordedBy,
    memberIds: members.length > 0 ? members.map((member) => member.id) : undefined,
    sessions: held.map((entry) => ({ id: entry.session.id, endMs: entry.endMs })),
  });
}
