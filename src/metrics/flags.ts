import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { MemberId, SessionId } from "../model/index.js";
import { facilitationRoles } from "../model/vocabulary/index.js";
import { readAsOf, readExcused, readOptions } from "./read-options.js";
import { type AttendanceRegister, type DatedSession, offeredSessions, readRegister } from "./register.js";
import type { AttendanceSource, ExcusedAbsences } from "./source.js";
import { absencesIn, streaksOf } from "./streaks.js";
import { checkTurn } from "./turn-check.js";
import type { TurnInput } from "./turn-types.js";
import { turnAnalytics } from "./turns.js";

/**
 * Options of {@link participationFlags}; every threshold has a documented default.
 *
 * @example
 * const flags = participationFlags(sampleGroupRecord, { outreachAfter: 3 });
 * flags.filter((flag) => flag.code === "outreach").map((flag) => flag.memberId)
 * //=> ["m-jamal"]
 */
export interface ParticipationFlagsOptions {
  /** Absences in a row that call for outreach; 2 by default (program attendance policies commonly use 2 or 3). */
  readonly outreachAfter?: number | undefined;
  /** Whether excused absences count towards outreach (`"offered"`, the default) or are passed over (`"not-offered"`). */
  readonly excused?: ExcusedAbsences | undefined;
  /**
   * When a client dominates a session, as a multiple of the equal share 1/n of the n people present: a client holding
   * more than `dominanceMultiple ÷ n` of the session's talk time dominates it. 2 by default (more than two people's
   * worth of talk in an even group). A number above 1; give this or `dominanceShare`, not both.
   */
  readonly dominanceMultiple?: number | undefined;
  /**
   * When a client dominates a session, as a fixed share of its talk time whatever the number present (say 0.4 for
   * 40%). A number above 0 and below 1; give this or `dominanceMultiple`, not both.
   */
  readonly dominanceShare?: number | undefined;
  /** Late arrivals that make a pattern; 3 by default. */
  readonly lateArrivals?: number | undefined;
  /**
   * Share of attended sessions reached late that makes a pattern even below `lateArrivals`, counted from two late
   * arrivals on (one is never a pattern); 0.5 by default.
   */
  readonly lateShare?: number | undefined;
  /** The day to judge on, `YYYY-MM-DD` in the group's time zone; absent: everything in the record. */
  readonly asOf?: string | undefined;
}

/**
 * What a flag is about.
 *
 * - `outreach`: a run of consecutive absences long enough to reach out to the member.
 * - `dominance`: the member held more than the set share of a session's talk time.
 * - `silence`: the member attended a session whose turns were recorded and took no turn.
 * - `late-pattern`: the member often arrives late.
 *
 * @example
 * participationFlags(sampleGroupRecord).map((flag) => flag.code)
 * //=> ["outreach", "outreach", "dominance", "silence", "late-pattern"]
 */
export type ParticipationFlagCode = "outreach" | "dominance" | "silence" | "late-pattern";

/**
 * One flag of {@link participationFlags}: a pattern a worker may want to follow up.
 *
 * @example
 * const [first] = participationFlags(sampleGroupRecord);
 * [first?.code, first?.memberId, first?.sessionIds]
 * //=> ["outreach", "m-jamal", ["s-06", "s-07", "s-08"]]
 */
export interface ParticipationFlag {
  /** What the flag is about. */
  readonly code: ParticipationFlagCode;
  /** The client it is about. */
  readonly memberId: MemberId;
  /** The sessions that raised it, in order. */
  readonly sessionIds: readonly SessionId[];
  /** A sentence saying what triggered it. */
  readonly message: string;
}

const CODE_ORDER: readonly ParticipationFlagCode[] = ["outreach", "dominance", "silence", "late-pattern"];

/**
 * Patterns of participation a worker may want to follow up, each with the sentence that says why: outreach after
 * consecutive absences (program attendance policies commonly act after 2 or 3 missed sessions; set the program's
 * own), a client holding much more than an equal share of a session's talk time, clients who attended a session with
 * recorded turns and did not speak, and a pattern of late arrivals.
 *
 * Dominance is relative to the people present, because an equal share is 1/n: by default a client dominates a
 * session when they hold more than twice the equal share, 2/n of its talk time (67% with three present, 20% with
 * ten). The people present are the clients the register marks as attending and everyone who took a turn
 * (facilitators included). No published threshold exists; twice the equal share is a convention of this library,
 * chosen because a fixed share is barely above an equal share in a small group and several times it in a large one.
 * `dominanceMultiple` sets another multiple, and `dominanceShare` a fixed share instead.
 *
 * Only clients (memberships of role `member`) are flagged; facilitators' talk counts in a session's total. Talk
 * time comes from `turnAnalytics`. Flags are sorted by code (outreach, dominance, silence, late pattern), then by
 * the first session, then by member id, so the same record always gives the same list.
 *
 * @param record - the group record: group, memberships, sessions, attendance and turns
 * @param options - thresholds (defaults: 2 absences; more than 2 × the equal share of talk; 3 late arrivals or half
 *   of those attended)
 * @returns the flags, sorted
 * @throws {GroupworkError} `invalid-argument` when a threshold is outside its range, both `dominanceShare` and
 *   `dominanceMultiple` are given, or the record (a turn, a membership, a session, an attendance record) or the
 *   options are outside their types (names the entry, e.g. `record.turns[3].memberId`; a hole in a list included),
 *   or the options hold a key that is not one of the options above (a misspelt option is never ignored)
 * @example
 * // Session 7: nine people present (seven clients, two facilitators), so the threshold is 2/9
 * const flags = participationFlags(sampleGroupRecord);
 * flags.find((flag) => flag.code === "dominance")?.message
 * //=> "Held 54% of the talk time in session 7 (1110 of 2055 seconds); the threshold is 22%, 2 × the equal share of the 9 people present (7 clients, 2 facilitators)."
 * @example
 * // A fixed share instead: 60% of the talk time
 * participationFlags(sampleGroupRecord, { dominanceShare: 0.6 }).some((flag) => flag.code === "dominance")
 * //=> false
 */
export function participationFlags(
  record: AttendanceSource & { readonly turns: readonly TurnInput[] },
  options: ParticipationFlagsOptions = {},
): ParticipationFlag[] {
  const caller = "participationFlags";
  const read = readOptions(options, caller, [
    "outreachAfter",
    "excused",
    "dominanceMultiple",
    "dominanceShare",
    "lateArrivals",
    "lateShare",
    "asOf",
  ]);
  const outreachAfter = threshold(read.outreachAfter, 2, "outreachAfter", (n) => Number.isInteger(n) && n >= 1);
  const dominance = readDominance(read.dominanceShare, read.dominanceMultiple);
  const lateArrivals = threshold(read.lateArrivals, 3, "lateArrivals", (n) => Number.isInteger(n) && n >= 1);
  const lateShare = threshold(read.lateShare, 0.5, "lateShare", (n) => n > 0 && n <= 1);
  const excused = readExcused(read.excused, caller);
  const register = readRegister(record, readAsOf(read.asOf, caller), caller);
  if (!Array.isArray(record.turns))
    throw new GroupworkError("invalid-argument", `${caller}: record.turns must be a list.`);
  // An index loop, not forEach, so a hole in the list is read (as undefined) and refused rather than skipped.
  for (let index = 0; index < record.turns.length; index++)
    checkTurn(record.turns[index], "record.turns", index, caller);

  const flags = [
    ...outreachFlags(register, outreachAfter, excused),
    ...talkFlags(register, record.memberships, record.turns, dominance),
    ...lateFlags(register, lateArrivals, lateShare),
  ];
  const position = new Map(register.sessions.map((dated, index) => [dated.id as string, index]));
  // Every flag names at least one session of the register.
  const firstSession = (flag: ParticipationFlag) => position.get(flag.sessionIds[0] as string) as number;
  return flags.sort(
    (a, b) =>
      CODE_ORDER.indexOf(a.code) - CODE_ORDER.indexOf(b.code) ||
      firstSession(a) - firstSession(b) ||
      (a.memberId < b.memberId ? -1 : a.memberId > b.memberId ? 1 : 0),
  );
}

function threshold(value: unknown, fallback: number, name: string, valid: (n: number) => boolean): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !valid(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `participationFlags: ${name} is ${describeValue(value)}, outside its range.`,
    );
  }
  return value;
}

/** The dominance rule: a fixed share of a session's talk, or a multiple of the equal share of those present. */
type Dominance = { readonly share: number; readonly multiple?: undefined } | { readonly multiple: number };

// Twice the equal share: a client holding as much talk as two people would in an even group. No published threshold
// exists for one member's share of a group's talk, so this is a convention, chosen to scale with the group: a fixed
// share is barely above an equal share in a small group and several times it in a large one (40% is 1.2 × 1/3 with
// three present, 4 × 1/10 with ten).
const DEFAULT_DOMINANCE_MULTIPLE = 2;

function readDominance(share: unknown, multiple: unknown): Dominance {
  if (share !== undefined && multiple !== undefined) {
    throw new GroupworkError(
      "invalid-argument",
      "participationFlags: give dominanceShare (a fixed share) or dominanceMultiple (a multiple of the equal share), not both.",
    );
  }
  if (share !== undefined) return { share: threshold(share, 0, "dominanceShare", (n) => n > 0 && n < 1) };
  return {
    multiple: threshold(
      multiple,
      DEFAULT_DOMINANCE_MULTIPLE,
      "dominanceMultiple",
      (n) => n > 1 && n < Number.POSITIVE_INFINITY,
    ),
  };
}

const list = (sessions: readonly DatedSession[]) => sessions.map((dated) => dated.id).join(", ");

function outreachFlags(register: AttendanceRegister, k: number, excused: ExcusedAbsences): ParticipationFlag[] {
  const flags: ParticipationFlag[] = [];
  for (const client of register.clients) {
    const { memberId, statuses } = client;
    const { runs, current } = streaksOf(statuses, excused);
    runs.forEach((run, index) => {
      if (run.length < k) return;
      // Positions index the client's offered sessions.
      const offered = offeredSessions(register, client);
      const missed = absencesIn(run, statuses, excused).map((position) => offered[position] as DatedSession);
      const ongoing = index === runs.length - 1 && current > 0;
      flags.push({
        code: "outreach",
        memberId,
        sessionIds: missed.map((dated) => dated.id),
        message: `Missed ${run.length} sessions in a row (${list(missed)}); ${ongoing ? "no attendance since" : "came back afterwards"}. Outreach is due after ${k} missed in a row.`,
      });
    });
  }
  return flags;
}

// The roles that lead a group (facilitator, co-facilitator, peer facilitator), from the roles' vocabulary.
const LEADING_ROLES: ReadonlySet<string> = new Set(
  facilitationRoles.entries.filter((entry) => entry.facilitates).map((entry) => entry.code),
);

/**
 * Who the people present are: "7 clients, 2 facilitators". A person who is not a client was counted for taking a
 * turn: a facilitator when one of their memberships has a leading role, else another speaker (an observer, an
 * interpreter, an id with no membership).
 */
function whoIsPresent(
  people: ReadonlySet<string>,
  clients: ReadonlySet<string>,
  memberships: AttendanceSource["memberships"],
): string {
  let clientCount = 0;
  let leading = 0;
  for (const person of people) {
    if (clients.has(person)) clientCount++;
    else if (memberships.some((membership) => membership.memberId === person && LEADING_ROLES.has(membership.role)))
      leading++;
  }
  const others = people.size - clientCount - leading;
  const parts = [`${clientCount} ${clientCount === 1 ? "client" : "clients"}`];
  if (leading > 0) parts.push(`${leading} ${leading === 1 ? "facilitator" : "facilitators"}`);
  if (others > 0) parts.push(`${others} other ${others === 1 ? "speaker" : "speakers"}`);
  return parts.join(", ");
}

function talkFlags(
  register: AttendanceRegister,
  memberships: AttendanceSource["memberships"],
  turns: readonly TurnInput[],
  dominance: Dominance,
): ParticipationFlag[] {
  const byId = new Map(register.sessions.map((dated) => [dated.id as string, dated]));
  const counted = turns.filter((turn) => byId.has(turn.sessionId));
  if (counted.length === 0) return [];
  // Who attended each held session: only they can be silent in it.
  const attended = new Map<string, Set<string>>();
  for (const client of register.clients) {
    const { memberId, statuses } = client;
    offeredSessions(register, client).forEach((dated, position) => {
      if (statuses[position]?.attended !== true) return;
      const present = attended.get(dated.id) ?? new Set<string>();
      present.add(memberId);
      attended.set(dated.id, present);
    });
  }
  const flags: ParticipationFlag[] = [];
  const clientIds = new Set<string>(register.clients.map((client) => client.memberId));
  const analytics = turnAnalytics(counted, [...clientIds]);
  for (const session of analytics.sessions) {
    const dated = byId.get(session.sessionId) as DatedSession;
    const number = dated.session.sequence;
    const present = attended.get(session.sessionId);
    // The people known to be present: the clients the register marks as attending, and everyone who took a turn
    // (facilitators included, since their talk counts in the session's total). The session has turns, so n ≥ 1.
    const people = new Set<string>(present);
    for (const member of session.members) if (member.turns > 0) people.add(member.memberId);
    for (const speaker of session.offRoster) people.add(speaker.memberId);
    const limit = dominance.multiple === undefined ? dominance.share : dominance.multiple / people.size;
    const rule =
      dominance.multiple === undefined
        ? percent(limit)
        : `${percent(limit)}, ${dominance.multiple} × the equal share of the ${people.size} people present (${whoIsPresent(people, clientIds, memberships)})`;
    for (const member of session.members) {
      const share = member.share.value;
      if (share === null || share <= limit) continue;
      flags.push({
        code: "dominance",
        memberId: member.memberId,
        sessionIds: [session.sessionId],
        message: `Held ${percent(share)} of the talk time in session ${number} (${round(member.talkTime)} of ${round(session.talkTime)} seconds); the threshold is ${rule}.`,
      });
    }
    for (const memberId of session.didNotSpeak) {
      if (present?.has(memberId) !== true) continue;
      flags.push({
        code: "silence",
        memberId,
        sessionIds: [session.sessionId],
        message: `Attended session ${number} and took no speaking turn.`,
      });
    }
  }
  return flags;
}

function lateFlags(register: AttendanceRegister, atLeast: number, share: number): ParticipationFlag[] {
  const flags: ParticipationFlag[] = [];
  for (const client of register.clients) {
    const { memberId, statuses } = client;
    const late: DatedSession[] = [];
    let attended = 0;
    offeredSessions(register, client).forEach((dated, position) => {
      const status = statuses[position];
      if (status?.attended === true) attended++;
      if (status?.code === "late") late.push(dated);
    });
    const byCount = late.length >= atLeast;
    const byShare = late.length >= 2 && late.length / attended >= share;
    if (!byCount && !byShare) continue;
    flags.push({
      code: "late-pattern",
      memberId,
      sessionIds: late.map((dated) => dated.id),
      message: `Arrived late to ${late.length} of ${attended} sessions attended (${list(late)}); a pattern is ${atLeast} late arrivals or ${percent(share)} of those attended.`,
    });
  }
  return flags;
}

const percent = (share: number): string => `${Math.round(share * 100)}%`;
const round = (seconds: number): string => String(Math.round(seconds * 10) / 10);
