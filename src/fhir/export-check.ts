import { describeValue, GroupworkError } from "../_lib/errors.js";
import { formatIssuePath, type GroupRecord, type IssuePath, type Session } from "../model/index.js";
import { addMinutes, fhirDateProblem, fhirInstantProblem } from "./export-instants.js";

// Private to the FHIR export: what a parsed record may hold that FHIR R4 cannot write
// (https://hl7.org/fhir/R4/datatypes.html). Found before anything is written, all at once, each with its path.

/** Most problems one error message lists; the rest are counted. */
const LISTED = 20;

// R4 `string`: "Strings SHOULD not contain Unicode character points below 32, except for u0009 (horizontal tab),
// u0010 (carriage return) and u0013 (line feed)"; R4's validators (its JSON Schema, Medplum) refuse them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f]/;
// A surrogate standing alone (not half of a pair) is no Unicode character: JSON text must be UTF-8 (RFC 8259 §8.1),
// which cannot encode it, so JSON.stringify writes an escape other readers refuse and TextEncoder writes U+FFFD
// instead. With the `u` flag a well-formed pair is one code point, so only a lone surrogate matches.
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
// R4 `code`: no white space at either end, and none inside but single spaces.
const FHIR_CODE = /^\S+( \S+)*$/;
// R4 `integer` and `positiveInt` are 32-bit signed integers.
const LARGEST_INTEGER = 2_147_483_647;

interface Problem {
  readonly path: IssuePath;
  readonly text: string;
}

function hex(text: string): string {
  return text.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
}

/**
 * Every string anywhere in the record: FHIR R4 text takes no control character but tab, line feed and return, and no
 * lone surrogate.
 */
function checkText(value: unknown, path: IssuePath, problems: Problem[]): void {
  if (typeof value === "string") {
    const control = FORBIDDEN_CONTROL.exec(value);
    if (control !== null) {
      problems.push({
        path,
        text: `holds the control character U+${hex(control[0])} (character ${control.index + 1}), which FHIR R4 text cannot carry: below U+0020 only tab, line feed and carriage return are allowed`,
      });
    }
    const surrogate = LONE_SURROGATE.exec(value);
    if (surrogate !== null) {
      problems.push({
        path,
        text: `holds the lone surrogate U+${hex(surrogate[0])} (character ${surrogate.index + 1}), half of a character whose other half is missing, which JSON in UTF-8 cannot carry and would turn into U+FFFD`,
      });
    }
  } else if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      checkText(item, [...path, index], problems);
    });
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) checkText(item, [...path, key], problems);
  }
}

function checkCode(value: string | undefined, path: IssuePath, problems: Problem[]): void {
  if (value === undefined || FHIR_CODE.test(value)) return;
  problems.push({
    path,
    text: `is ${describeValue(value)}, written as a FHIR R4 code, which allows no white space at either end and only single spaces inside`,
  });
}

function checkInteger(value: number | undefined, path: IssuePath, problems: Problem[]): void {
  if (value === undefined || value <= LARGEST_INTEGER) return;
  problems.push({ path, text: `is ${value}, more than ${LARGEST_INTEGER}, the largest integer FHIR R4 can write` });
}

function checkDate(value: string | undefined, path: IssuePath, problems: Problem[]): void {
  const problem = value === undefined ? undefined : fhirDateProblem(value);
  if (problem !== undefined) problems.push({ path, text: `${problem}` });
}

function checkInstant(value: string | undefined, path: IssuePath, problems: Problem[]): void {
  const problem = value === undefined ? undefined : fhirInstantProblem(value);
  if (problem !== undefined) problems.push({ path, text: problem });
}

/** Dates, instants, codes and integers where the record's types allow more than R4 does. */
function checkValues(record: GroupRecord, problems: Problem[]): void {
  const { group } = record;
  checkCode(group.timeZone, ["group", "timeZone"], problems);
  checkInteger(group.plannedSessions, ["group", "plannedSessions"], problems);
  checkInteger(group.capacity, ["group", "capacity"], problems);
  checkDate(group.startDate, ["group", "startDate"], problems);
  checkDate(group.endDate, ["group", "endDate"], problems);
  record.members.forEach((member, index) => {
    checkCode(member.preferredLanguage, ["members", index, "preferredLanguage"], problems);
    checkDate(member.birthDate, ["members", index, "birthDate"], problems);
  });
  record.memberships.forEach((membership, index) => {
    checkDate(membership.period?.start, ["memberships", index, "period", "start"], problems);
    checkDate(membership.period?.end, ["memberships", index, "period", "end"], problems);
  });
  record.sessions.forEach((session, index) => {
    checkInteger(session.sequence, ["sessions", index, "sequence"], problems);
    checkInteger(session.durationMinutes, ["sessions", index, "durationMinutes"], problems);
    checkInstant(session.scheduledStart, ["sessions", index, "scheduledStart"], problems);
    if (
      session.durationMinutes <= LARGEST_INTEGER &&
      addMinutes(session.scheduledStart, session.durationMinutes) === undefined
    ) {
      problems.push({
        path: ["sessions", index, "durationMinutes"],
        text: `makes the session end after the year 9999, the last year FHIR R4 can write`,
      });
    }
  });
  record.attendance.forEach((entry, index) => {
    checkInstant(entry.arrivedAt, ["attendance", index, "arrivedAt"], problems);
    checkInstant(entry.departedAt, ["attendance", index, "departedAt"], problems);
  });
  record.agreements.forEach((agreement, index) => {
    checkDate(agreement.adoptedOn, ["agreements", index, "adoptedOn"], problems);
    agreement.signatures.forEach((signature, signatureIndex) => {
      checkDate(signature.signedOn, ["agreements", index, "signatures", signatureIndex, "signedOn"], problems);
    });
  });
  record.consents.forEach((consent, index) => {
    checkInstant(consent.validFrom, ["consents", index, "validFrom"], problems);
    checkInstant(consent.validUntil, ["consents", index, "validUntil"], problems);
    checkInstant(consent.revokedAt, ["consents", index, "revokedAt"], problems);
  });
  record.stageEvents.forEach((event, index) => {
    checkInstant(event.at, ["stageEvents", index, "at"], problems);
    if ("to" in event) checkCode(event.to, ["stageEvents", index, "to"], problems);
  });
}

/**
 * What happened in a session that is still `scheduled` and has only an Appointment: turns, acts and arrival or
 * departure times belong on the Encounters of a held session, so they would be lost. (parseGroupRecord refuses them
 * for cancelled sessions and sessions that did not take place.)
 */
function checkScheduledSessions(record: GroupRecord, problems: Problem[]): void {
  const scheduled = new Map<string, Session>(
    record.sessions.filter((session) => session.status === "scheduled").map((session) => [session.id, session]),
  );
  const lost = (list: "turns" | "interactionActs" | "attendance", index: number, sessionId: string, what: string) => {
    const session = scheduled.get(sessionId);
    if (session === undefined) return;
    problems.push({
      path: [list, index],
      text: `${what} session ${session.sequence} (${describeValue(session.id)}), which is still "scheduled"; FHIR R4 keeps them on the Encounter of a held session, so mark the session "held" or remove them`,
    });
  };
  record.turns.forEach((turn, index) => {
    lost("turns", index, turn.sessionId, "is a turn in");
  });
  record.interactionActs.forEach((act, index) => {
    lost("interactionActs", index, act.sessionId, "is an act in");
  });
  record.attendance.forEach((entry, index) => {
    if (entry.arrivedAt !== undefined || entry.departedAt !== undefined) {
      lost("attendance", index, entry.sessionId, "has arrival or departure times at");
    }
  });
}

/**
 * Throws `GroupworkError` (`invalid-argument`) listing, with their paths, the values of a parsed record that FHIR R4
 * cannot write as they are: control characters and lone surrogates in text, codes with stray spaces, integers past 2,147,483,647, the
 * year 0000, offsets past ±14:00, sessions ending after 9999, and what a still-scheduled session could not keep.
 */
export function checkFhirLimits(record: GroupRecord): void {
  const problems: Problem[] = [];
  checkText(record, [], problems);
  checkValues(record, problems);
  checkScheduledSessions(record, problems);
  if (problems.length === 0) return;
  const lines = problems.slice(0, LISTED).map((problem) => `${formatIssuePath(problem.path)} ${problem.text}.`);
  if (problems.length > LISTED) lines.push(`… and ${problems.length - LISTED} more.`);
  throw new GroupworkError(
    "invalid-argument",
    `toFhirBundle: the record holds ${problems.length === 1 ? "a value" : `${problems.length} values`} FHIR R4 cannot carry; correct ${problems.length === 1 ? "it" : "them"} and export again:\n${lines.join("\n")}`,
  );
}
