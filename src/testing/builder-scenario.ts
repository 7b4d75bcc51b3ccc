import { describeValue } from "../_lib/errors.js";
import {
  adjournOutcomes,
  exitReasons,
  formatGroupRecordIssues,
  type GroupRecord,
  type GroupRecordInput,
  parseGroupRecord,
} from "../model/index.js";
import { stageModels } from "../stages/index.js";
import type {
  ScenarioAdjournOptions,
  ScenarioAgreementOptions,
  ScenarioBuildOptions,
  ScenarioConsentOptions,
  ScenarioGroupOptions,
  ScenarioJoinOptions,
  ScenarioLeaveOptions,
  ScenarioMember,
  ScenarioRegressOptions,
  ScenarioSessionsOptions,
  ScenarioStageOptions,
  ScenarioTimedOptions,
  WeeklyScheduleOptions,
} from "./builder-options.js";
import {
  describeClient,
  readCode,
  readFlag,
  readList,
  readOptionalText,
  readOptions,
  readSession,
  readSessionList,
  readText,
  readWholeNumber,
  refuseArgument,
} from "./builder-read.js";
import { enrolledAt, scenarioInput } from "./builder-record.js";
import { MOST_MEMBERS, readConsent, readGroup, readSchedule } from "./builder-setup.js";
import {
  type AfterSessionEvent,
  type ClientState,
  type MarkState,
  memberName,
  type ScenarioState,
  type ScheduleState,
} from "./builder-state.js";

// The scenario builder behind `buildGroupRecord`. Each call reads its arguments, checks them against what the
// scenario already holds, and returns a new builder: nothing is changed in place, so a base scenario can be branched.

/** Starts a scenario from the argument of `buildGroupRecord`. */
export function startScenario(options: ScenarioGroupOptions): Scenario {
  return new Scenario({
    group: readGroup(options),
    schedule: undefined,
    staff: [],
    clients: [],
    marks: [],
    agreements: [],
    consents: [],
    afterSessions: [],
  });
}

/** The scenario builder; its public face is the `GroupRecordBuilder` interface. */
export class Scenario {
  readonly #state: ScenarioState;

  constructor(state: ScenarioState) {
    this.#state = state;
  }

  #with(changes: Partial<ScenarioState>): Scenario {
    return new Scenario({ ...this.#state, ...changes });
  }

  meetsWeekly(options: WeeklyScheduleOptions): Scenario {
    const caller = "meetsWeekly";
    const schedule = this.#state.schedule;
    if (schedule !== undefined) {
      refuseArgument(
        `${caller}: the group already meets weekly (sessions 1 to ${schedule.sessions.length}); call meetsWeekly once per scenario.`,
      );
    }
    return this.#with({ schedule: readSchedule(options, this.#state.group.timeZone) });
  }

  facilitator(name: string): Scenario {
    return this.#addStaff(name, "facilitator", "facilitator");
  }

  coFacilitator(name: string): Scenario {
    return this.#addStaff(name, "co-facilitator", "coFacilitator");
  }

  #addStaff(name: string, role: "facilitator" | "co-facilitator", caller: string): Scenario {
    const staff = this.#state.staff;
    const person = { id: `f-${staff.length + 1}`, name: readText(name, `${caller}: name`, "Ana Rivera"), role };
    return this.#with({ staff: [...staff, person] });
  }

  members(who: number | readonly string[]): Scenario {
    return this.#addClients(who, "members", 1, false);
  }

  joins(who: number | readonly string[], options: ScenarioJoinOptions): Scenario {
    const caller = "joins";
    const schedule = this.#schedule(caller);
    const read = readOptions(options, `${caller}: options`, ["session"]);
    if (this.#state.group.membership !== "open") {
      refuseArgument(
        `${caller}: the group's membership is closed; only an open group takes members after it starts (buildGroupRecord({ membership: "open", … })).`,
      );
    }
    const count = schedule.sessions.length;
    const session = read.session;
    if (!(typeof session === "number" && Number.isInteger(session) && session >= 2 && session <= count)) {
      refuseArgument(
        count < 2
          ? `${caller}: the group meets once, so nobody can join after it starts.`
          : `${caller}: options.session must be a session number from 2 to ${count} (members who start at session 1 are added with members); got ${describeValue(session)}.`,
      );
    }
    return this.#addClients(who, caller, session, true);
  }

  #addClients(who: number | readonly string[], caller: string, joins: number, joinedLater: boolean): Scenario {
    const clients = this.#state.clients;
    const names =
      typeof who === "number"
        ? Array.from({ length: readWholeNumber(who, `${caller}: who`, 1, MOST_MEMBERS) }, (_, index) =>
            memberName(clients.length + index + 1),
          )
        : Array.isArray(who)
          ? readList(who, `${caller}: who`, (entry, where) => readText(entry, where, "Amara Okafor"))
          : refuseArgument(
              `${caller}: who must be how many members (a whole number) or their names (a list of text); got ${describeValue(who)}.`,
            );
    if (clients.length + names.length > MOST_MEMBERS) {
      refuseArgument(
        `${caller}: a scenario holds at most ${MOST_MEMBERS} members; it would have ${clients.length + names.length}.`,
      );
    }
    const added: ClientState[] = names.map((name, index) => ({
      id: `m-${clients.length + index + 1}`,
      name,
      joins,
      joinedLater,
      leaves: undefined,
    }));
    return this.#with({ clients: [...clients, ...added] });
  }

  leaves(member: ScenarioMember, options: ScenarioLeaveOptions): Scenario {
    const caller = "leaves";
    const schedule = this.#schedule(caller);
    const client = this.#client(member, caller);
    const read = readOptions(options, `${caller}: options`, ["after", "reason"]);
    const after = readSession(schedule, read.after, `${caller}: options.after`);
    const reason = readCode(read.reason, exitReasons.codes, `${caller}: options.reason`);
    const who = describeClient(client);
    if (client.leaves !== undefined) {
      refuseArgument(`${caller}: ${who} already leaves after session ${client.leaves.after}.`);
    }
    if (after < client.joins) {
      refuseArgument(`${caller}: ${who} joins at session ${client.joins}, so cannot leave after session ${after}.`);
    }
    const later = this.#state.marks.find((mark) => mark.memberId === client.id && mark.session > after);
    if (later !== undefined) {
      refuseArgument(
        `${caller}: ${who} is marked ${later.status} at session ${later.session}, after leaving; leave later or drop the mark.`,
      );
    }
    return this.#with({
      clients: this.#state.clients.map((entry) =>
        entry === client ? { ...client, leaves: { after, reason } } : entry,
      ),
      afterSessions: [...this.#state.afterSessions, { after, event: { type: "MEMBER_LEFT", memberId: client.id } }],
    });
  }

  absent(member: ScenarioMember, options: ScenarioSessionsOptions): Scenario {
    return this.#mark(member, options, "absent", "absent", undefined);
  }

  excused(member: ScenarioMember, options: ScenarioSessionsOptions): Scenario {
    return this.#mark(member, options, "excused", "excused", undefined);
  }

  late(member: ScenarioMember, options: ScenarioTimedOptions): Scenario {
    return this.#mark(member, options, "late", "late", 10);
  }

  leftEarly(member: ScenarioMember, options: ScenarioTimedOptions): Scenario {
    return this.#mark(member, options, "leftEarly", "left-early", 30);
  }

  #mark(
    member: ScenarioMember,
    options: ScenarioSessionsOptions | ScenarioTimedOptions,
    caller: string,
    status: MarkState["status"],
    defaultMinutes: number | undefined,
  ): Scenario {
    const schedule = this.#schedule(caller);
    const client = this.#client(member, caller);
    const where = `${caller}: options`;
    const read = readOptions(options, where, defaultMinutes === undefined ? ["sessions"] : ["sessions", "minutes"]);
    const sessions = readSessionList(schedule, read.sessions, `${where}.sessions`);
    let minutes: number | undefined;
    if (defaultMinutes !== undefined) {
      const longest = schedule.minutes - 1;
      if (longest < 1) refuseArgument(`${caller}: the sessions last 1 minute, too short to mark anyone ${status}.`);
      minutes =
        read.minutes === undefined
          ? Math.min(defaultMinutes, longest)
          : readWholeNumber(read.minutes, `${where}.minutes`, 1, longest);
    }
    const who = describeClient(client);
    for (const sequence of sessions) {
      if (schedule.sessions[sequence - 1]?.cancelled === true) {
        refuseArgument(`${caller}: session ${sequence} is cancelled; a cancelled session has no attendance.`);
      }
      if (!enrolledAt(client, sequence)) {
        refuseArgument(
          sequence < client.joins
            ? `${caller}: ${who} joins at session ${client.joins}, so is not enrolled at session ${sequence}.`
            : `${caller}: ${who} leaves after session ${client.leaves?.after}, so is not enrolled at session ${sequence}.`,
        );
      }
      const earlier = this.#state.marks.find((mark) => mark.memberId === client.id && mark.session === sequence);
      if (earlier !== undefined) {
        refuseArgument(`${caller}: ${who} is already marked ${earlier.status} at session ${sequence}.`);
      }
    }
    const added = sessions.map((session) => ({ memberId: client.id, session, status, minutes }));
    return this.#with({ marks: [...this.#state.marks, ...added] });
  }

  cancel(options: ScenarioSessionsOptions): Scenario {
    const caller = "cancel";
    const schedule = this.#schedule(caller);
    const read = readOptions(options, `${caller}: options`, ["sessions"]);
    const sessions = readSessionList(schedule, read.sessions, `${caller}: options.sessions`);
    for (const sequence of sessions) {
      if (schedule.sessions[sequence - 1]?.cancelled === true) {
        refuseArgument(`${caller}: session ${sequence} is already cancelled.`);
      }
      const mark = this.#state.marks.find((entry) => entry.session === sequence);
      if (mark !== undefined) {
        refuseArgument(
          `${caller}: session ${sequence} has attendance marks (member "${mark.memberId}" ${mark.status}); a cancelled session has no attendance, so cancel it before marking or drop the marks.`,
        );
      }
      const agreement = this.#state.agreements.find((entry) => entry.session === sequence);
      if (agreement !== undefined) {
        refuseArgument(
          `${caller}: session ${sequence} adopts the agreement (version "${agreement.version}"); a cancelled session adopts nothing, so adopt it at another session.`,
        );
      }
    }
    const cancelled = schedule.sessions.map((session) =>
      sessions.includes(session.sequence) ? { ...session, cancelled: true } : session,
    );
    return this.#with({ schedule: { ...schedule, sessions: cancelled } });
  }

  agreementAdopted(options: ScenarioAgreementOptions): Scenario {
    const caller = "agreementAdopted";
    const where = `${caller}: options`;
    const schedule = this.#schedule(caller);
    const read = readOptions(options, where, ["session", "version", "limitsExplained"]);
    const session = readSession(schedule, read.session, `${where}.session`);
    const agreements = this.#state.agreements;
    const version = readOptionalText(read.version, `${where}.version`, "1") ?? String(agreements.length + 1);
    const limitsExplained = readFlag(read.limitsExplained, `${where}.limitsExplained`, true);
    if (schedule.sessions[session - 1]?.cancelled === true) {
      refuseArgument(`${caller}: session ${session} is cancelled; adopt the agreement at a session that takes place.`);
    }
    const same = agreements.find((agreement) => agreement.version === version);
    if (same !== undefined) {
      refuseArgument(
        `${where}.version "${version}" is already adopted at session ${same.session}; give each version its own label.`,
      );
    }
    return this.#with({ agreements: [...agreements, { session, version, limitsExplained }] });
  }

  consent(member: ScenarioMember, options: ScenarioConsentOptions): Scenario {
    const caller = "consent";
    const schedule = this.#schedule(caller);
    const client = this.#client(member, caller);
    const consents = this.#state.consents;
    const consent = readConsent(options, schedule, client, `c-${consents.length + 1}`);
    return this.#with({ consents: [...consents, consent] });
  }

  advance(options: ScenarioStageOptions): Scenario {
    const read = this.#decision("advance", options, ["after", "reason"]);
    return this.#decide(read.after, {
      type: "ADVANCE",
      reason: readOptionalText(read.reason, "advance: options.reason", REASON),
    });
  }

  close(options: ScenarioStageOptions): Scenario {
    const read = this.#decision("close", options, ["after", "reason"]);
    return this.#decide(read.after, {
      type: "CLOSE",
      reason: readOptionalText(read.reason, "close: options.reason", REASON),
    });
  }

  regress(options: ScenarioRegressOptions): Scenario {
    const caller = "regress";
    const read = this.#decision(caller, options, ["after", "to", "reason"]);
    const to = readText(read.to, `${caller}: options.to`, "storming");
    const { stageModel } = this.#state.group;
    // The stage models the library ships are checked here; an agency's own model is checked when the log is replayed.
    const stages = stageModels[stageModel]?.stages.map((stage) => stage.id);
    if (stages !== undefined && !stages.includes(to)) {
      refuseArgument(`${caller}: options.to "${to}" is not a stage of the ${stageModel} model (${stages.join(", ")}).`);
    }
    const reason = readText(read.reason, `${caller}: options.reason`, REASON);
    return this.#decide(read.after, { type: "REGRESS", to, reason });
  }

  adjourn(options: ScenarioAdjournOptions): Scenario {
    const caller = "adjourn";
    const read = this.#decision(caller, options, ["after", "outcome", "reason"]);
    const outcome =
      read.outcome === undefined ? "completed" : readCode(read.outcome, adjournOutcomes, `${caller}: options.outcome`);
    const reason = readText(read.reason, `${caller}: options.reason`, REASON);
    return this.#decide(read.after, { type: "ADJOURN", outcome, reason });
  }

  #decision<const K extends string>(
    caller: string,
    options: unknown,
    known: readonly K[],
  ): { readonly [P in K]?: unknown } & { readonly after: number } {
    const schedule = this.#schedule(caller);
    const read = readOptions(options, `${caller}: options`, known);
    const after = readSession(schedule, (read as { after?: unknown }).after, `${caller}: options.after`);
    return { ...read, after };
  }

  #decide(after: number, event: AfterSessionEvent): Scenario {
    return this.#with({ afterSessions: [...this.#state.afterSessions, { after, event }] });
  }

  build(options: ScenarioBuildOptions = {}): GroupRecord {
    return this.#checked(options, "build");
  }

  buildInput(options: ScenarioBuildOptions = {}): GroupRecordInput {
    this.#checked(options, "buildInput");
    // A fresh input for the caller, who may change it: the parsed record shares no objects with it.
    return scenarioInput(this.#state, this.#schedule("buildInput"));
  }

  /** The scenario's record, parsed; throws, listing every issue, when it has errors (or warnings not allowed). */
  #checked(options: ScenarioBuildOptions, caller: string): GroupRecord {
    const read = readOptions(options, `${caller}: options`, ["warnings"]);
    const warnings =
      read.warnings === undefined
        ? "throw"
        : readCode(read.warnings, ["throw", "allow"], `${caller}: options.warnings`);
    const parsed = parseGroupRecord(scenarioInput(this.#state, this.#schedule(caller)));
    if (!parsed.ok) {
      return refuseArgument(
        `${caller}: the scenario does not make a valid group record:\n${formatGroupRecordIssues(parsed.issues)}`,
      );
    }
    if (warnings === "throw" && parsed.issues.length > 0) {
      refuseArgument(
        `${caller}: the scenario's group record has warnings; pass { warnings: "allow" } if the test means them:\n${formatGroupRecordIssues(parsed.issues)}`,
      );
    }
    return parsed.value;
  }

  #schedule(caller: string): ScheduleState {
    const schedule = this.#state.schedule;
    return schedule ?? refuseArgument(`${caller}: the group has no sessions yet; call meetsWeekly before ${caller}.`);
  }

  #client(member: ScenarioMember, caller: string): ClientState {
    const clients = this.#state.clients;
    if (typeof member !== "number" && typeof member !== "string") {
      refuseArgument(
        `${caller}: member must be a member's position (1, 2, …) or id ("m-1", …); got ${describeValue(member)}.`,
      );
    }
    const found = typeof member === "number" ? clients[member - 1] : clients.find((client) => client.id === member);
    if (found !== undefined) return found;
    const roster =
      clients.length === 0
        ? "it has no members yet; add them with members"
        : clients.length === 1
          ? 'its only member is 1 ("m-1")'
          : `its members are 1 to ${clients.length} ("m-1" to "m-${clients.length}")`;
    return refuseArgument(`${caller}: member ${describeValue(member)} is not in the group; ${roster}.`);
  }
}

const REASON = "Members disagree openly about the group's norms.";
