import { describeValue } from "../_lib/errors.js";
import { dayNumber } from "../_lib/wall-clock.js";
import {
  consentForms,
  consentGrantors,
  consentLegalBases,
  groupKinds,
  informationKinds,
  isIanaTimeZone,
  membershipTypes,
  participationTypes,
  purposesOfUse,
  recipientKinds,
  sessionModes,
} from "../model/index.js";
import type { ScenarioConsentOptions, ScenarioGroupOptions, WeeklyScheduleOptions } from "./builder-options.js";
import {
  readCalendarDate,
  readCode,
  readList,
  readOptionalInstant,
  readOptionalText,
  readOptions,
  readSession,
  readText,
  readWholeNumber,
  refuseArgument,
} from "./builder-read.js";
import { dateOfDay, minutesMs, WEEKDAYS, wallClockInstant, weekdayOf } from "./builder-schedule.js";
import type { ClientState, ConsentState, GroupState, ScheduleState, SessionState } from "./builder-state.js";

// Readers of the scenario builder's larger arguments: the group, its weekly schedule, and a consent. Each reads an
// options object into the scenario's state, or throws naming the call and the argument.

/** The most members a scenario holds, and the largest capacity it takes. */
export const MOST_MEMBERS = 1000;
const MOST_SESSIONS = 1000;
const START_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** The weekdays as messages list them, Monday first (ISO 8601). */
const MONDAY_FIRST = [...WEEKDAYS.slice(1), WEEKDAYS[0]];

/** Reads the argument of `buildGroupRecord`: the group, its defaults filled in. */
export function readGroup(options: ScenarioGroupOptions): GroupState {
  const where = "buildGroupRecord: group";
  const read = readOptions(options, where, [
    "name",
    "kind",
    "membership",
    "timeZone",
    "id",
    "purpose",
    "participation",
    "capacity",
    "stageModel",
  ]);
  const name = readText(read.name, `${where}.name`, "Thursday grief group");
  const kind = readCode(read.kind, groupKinds.codes, `${where}.kind`);
  const membership = readCode(read.membership, membershipTypes.codes, `${where}.membership`);
  const timeZone = read.timeZone;
  if (typeof timeZone !== "string" || !isIanaTimeZone(timeZone)) {
    refuseArgument(
      `${where}.timeZone must be an IANA time zone name such as "America/Chicago"; got ${describeValue(timeZone)}.`,
    );
  }
  return {
    id: readOptionalText(read.id, `${where}.id`, "g-1") ?? "g-1",
    name,
    purpose:
      readOptionalText(read.purpose, `${where}.purpose`, "Mutual support after a death.") ??
      `A ${kind} group (a test scenario).`,
    kind,
    membership,
    participation:
      read.participation === undefined
        ? "optional"
        : readCode(read.participation, participationTypes.codes, `${where}.participation`),
    capacity:
      read.capacity === undefined ? undefined : readWholeNumber(read.capacity, `${where}.capacity`, 1, MOST_MEMBERS),
    timeZone,
    stageModel: readOptionalText(read.stageModel, `${where}.stageModel`, "tuckman") ?? "tuckman",
  };
}

/** Reads the argument of `meetsWeekly` into the sessions it schedules in the group's time zone. */
export function readSchedule(options: WeeklyScheduleOptions, timeZone: string): ScheduleState {
  const where = "meetsWeekly: options";
  const read = readOptions(options, where, ["weekday", "startTime", "minutes", "firstDate", "sessions", "mode"]);
  const weekday = readCode(read.weekday, MONDAY_FIRST, `${where}.weekday`);
  const startTime = read.startTime;
  const time = typeof startTime === "string" ? START_TIME.exec(startTime) : null;
  if (time === null) {
    refuseArgument(
      `${where}.startTime must be a time of day HH:MM from 00:00 to 23:59, such as "18:00"; got ${describeValue(startTime)}.`,
    );
  }
  const minutes = readWholeNumber(read.minutes, `${where}.minutes`, 1, 1440);
  const firstDate = readCalendarDate(read.firstDate, `${where}.firstDate`);
  const count = readWholeNumber(read.sessions, `${where}.sessions`, 1, MOST_SESSIONS);
  const mode = read.mode === undefined ? "in-person" : readCode(read.mode, sessionModes.codes, `${where}.mode`);
  if (weekdayOf(firstDate) !== weekday) {
    refuseArgument(`${where}.firstDate ${firstDate} is a ${weekdayOf(firstDate)}, not a ${weekday}.`);
  }
  const minuteOfDay = Number(time[1]) * 60 + Number(time[2]);
  const sessions: SessionState[] = [];
  for (let sequence = 1; sequence <= count; sequence++) {
    const date = dateOfDay(dayNumber(firstDate) + 7 * (sequence - 1));
    if (date === undefined) {
      refuseArgument(
        `${where}.sessions: session ${sequence} would fall after 9999-12-31; start earlier or meet fewer times.`,
      );
    }
    const start = wallClockInstant(date, minuteOfDay, timeZone);
    if (start === undefined) {
      refuseArgument(
        `${where}.startTime ${startTime} does not exist on ${date} (session ${sequence}) in ${timeZone}: the clocks skip it. Choose another time.`,
      );
    }
    sessions.push({ sequence, date, start, end: start + minutesMs(minutes), cancelled: false });
  }
  return { sessions, minutes, mode };
}

/** Reads the argument of `consent` into the consent of a client, with its id. */
export function readConsent(
  options: ScenarioConsentOptions,
  schedule: ScheduleState,
  client: ClientState,
  id: string,
): ConsentState {
  const where = "consent: options";
  const read = readOptions(options, where, [
    "recipient",
    "purposes",
    "dataClasses",
    "session",
    "grantedBy",
    "form",
    "legalBasis",
    "validUntil",
    "revokedAt",
  ]);
  const party = readOptions(read.recipient, `${where}.recipient`, ["kind", "id", "name", "organisation"]);
  const partyId = readOptionalText(party.id, `${where}.recipient.id`, "pcp-1");
  const name = readOptionalText(party.name, `${where}.recipient.name`, "Dr. Amara Osei");
  const organisation = readOptionalText(
    party.organisation,
    `${where}.recipient.organisation`,
    "Lakeside Family Medicine",
  );
  const recipient = {
    kind: readCode(party.kind, recipientKinds.codes, `${where}.recipient.kind`),
    ...(partyId === undefined ? {} : { id: partyId }),
    ...(name === undefined ? {} : { name }),
    ...(organisation === undefined ? {} : { organisation }),
  };
  return {
    id,
    memberId: client.id,
    recipient,
    purposes: readList(read.purposes, `${where}.purposes`, (entry, at) => readCode(entry, purposesOfUse.codes, at)),
    dataClasses: readList(read.dataClasses, `${where}.dataClasses`, (entry, at) =>
      readCode(entry, informationKinds.codes, at),
    ),
    session: read.session === undefined ? client.joins : readSession(schedule, read.session, `${where}.session`),
    grantedBy:
      read.grantedBy === undefined ? "self" : readCode(read.grantedBy, consentGrantors.codes, `${where}.grantedBy`),
    form: read.form === undefined ? "written" : readCode(read.form, consentForms.codes, `${where}.form`),
    legalBasis:
      read.legalBasis === undefined
        ? undefined
        : readCode(read.legalBasis, consentLegalBases.codes, `${where}.legalBasis`),
    validUntil: readOptionalInstant(read.validUntil, `${where}.validUntil`),
    revokedAt: readOptionalInstant(read.revokedAt, `${where}.revokedAt`),
  };
}
