import { fhirSessionCrosswalk } from "./crosswalk.js";
import type { Assembly } from "./import-assembly.js";
import { readAttendance } from "./read-attendance.js";
import type { Entry, ImportContext } from "./read-context.js";
import { type Extensions, Reader } from "./read-fields.js";
import type { GroupFacts } from "./read-group.js";
import { codeOrKind, isObject } from "./read-json.js";
import { recordId } from "./read-people.js";
import {
  GROUP_ENCOUNTER_EXTENSIONS,
  type GroupEncounter,
  readSessionEvents,
  type SessionSource,
} from "./read-session-events.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Appointments and group Encounters become the record's sessions; then their attendance (read-attendance.ts), turns and
// interaction acts (read-session-events.ts) are read.

const EXTENSION = groupworkFhirUrls.extension;

/** Reads the sessions, then their attendance, turns and interaction acts, in session order. */
export function readSessions(
  context: ImportContext,
  assembly: Assembly,
  people: ReadonlyMap<Entry, string>,
  group: GroupFacts,
  sessionMode: string | undefined,
): void {
  const sessions: SessionSource[] = [];
  const byEntry = new Map<Entry, SessionSource>();
  for (const entry of context.ofType("Appointment")) {
    const source = readAppointment(Reader.of(context, entry), group);
    sessions.push(source);
    byEntry.set(entry, source);
  }
  const memberEncounters: Reader[] = [];
  for (const entry of context.ofType("Encounter")) {
    const reader = Reader.of(context, entry);
    const subject = reader.node["subject"];
    const about =
      isObject(subject) && typeof subject["reference"] === "string" ? context.find(subject["reference"]) : undefined;
    if (about === group.entry) {
      const encounter = { reader, extensions: reader.extensions(GROUP_ENCOUNTER_EXTENSIONS) };
      const appointment = matchedAppointment(context, reader);
      const source = appointment === undefined ? undefined : byEntry.get(appointment);
      if (source !== undefined && source.encounters.length > 0) {
        // One group Encounter records one meeting; a second would add the session's turns and acts again.
        const first = source.encounters[0]?.reader.entry;
        reader.error(
          "duplicate-resource",
          reader.at("appointment"),
          `is a second group Encounter for ${source.reader.entry.label}, after ${first?.label}; a session has one group Encounter, so remove one.`,
        );
      } else if (source !== undefined) {
        source.encounters.push(encounter);
        byEntry.set(entry, source);
      } else {
        const own = readGroupEncounter(encounter, group);
        sessions.push(own);
        byEntry.set(entry, own);
      }
    } else memberEncounters.push(reader);
  }
  numberSessions(sessions);
  for (const source of sessions) finishSession(source, sessionMode);
  for (const source of sessions) {
    const appointment = source.reader.entry.resourceType === "Appointment";
    assembly.add("sessions", source.item as never, source.reader, appointment ? APPOINTMENT_FIELDS : ENCOUNTER_FIELDS);
  }
  readAttendance(assembly, people, sessions, byEntry, memberEncounters);
  for (const source of sessions) readSessionEvents(source, assembly, people);
}

/** Where a session's fields are in its Appointment. */
const APPOINTMENT_FIELDS = {
  id: ["id"],
  scheduledStart: ["start"],
  durationMinutes: ["minutesDuration"],
  status: ["status"],
  topic: ["description"],
  sequence: ["extension"],
  mode: ["extension"],
  interventions: ["extension"],
};

/** Where a session's fields are in a group Encounter that no Appointment matches. */
const ENCOUNTER_FIELDS = {
  ...APPOINTMENT_FIELDS,
  scheduledStart: ["period", "start"],
  durationMinutes: ["period"],
  mode: ["class"],
};

const APPOINTMENT_EXTENSIONS = [
  EXTENSION.sessionStatus,
  EXTENSION.sessionSequence,
  EXTENSION.sessionMode,
  EXTENSION.intervention,
];

function matchedAppointment(context: ImportContext, encounter: Reader): Entry | undefined {
  for (const reference of encounter.list("appointment")) {
    const found = reference.target(["Appointment"]);
    if (found !== undefined && context.isFirst(found)) return found;
  }
  return undefined;
}

function readAppointment(appointment: Reader, group: GroupFacts): SessionSource {
  const item: Record<string, unknown> = {
    id: recordId(appointment, groupworkFhirUrls.identifier.session),
    groupId: group.id,
  };
  const extensions = appointment.extensions(APPOINTMENT_EXTENSIONS);
  const own = extensions.first(EXTENSION.sessionStatus)?.text("valueCode", true);
  item["status"] = own ?? sessionStatus(appointment, "Appointment");
  const start = appointment.instant("start", true);
  item["scheduledStart"] = start;
  const minutes = appointment.integer("minutesDuration", 1);
  item["durationMinutes"] =
    minutes ?? minutesBetween(appointment, start, appointment.instant("end"), "minutesDuration");
  const topic = appointment.text("description");
  if (topic !== undefined) item["topic"] = topic;
  readSessionExtensions(extensions, item);
  return sessionSource(appointment, item);
}

function readGroupEncounter(groupEncounter: GroupEncounter, group: GroupFacts): SessionSource {
  const encounter = groupEncounter.reader;
  const item: Record<string, unknown> = {
    id: recordId(encounter, groupworkFhirUrls.identifier.session),
    groupId: group.id,
    status: sessionStatus(encounter, "Encounter"),
  };
  const period = encounter.object("period");
  if (period === undefined) encounter.missing("period", "a session needs the time it started.");
  const start = period?.instant("start", true);
  item["scheduledStart"] = start;
  if (period !== undefined) item["durationMinutes"] = minutesBetween(period, start, period.instant("end"), "end");
  readSessionExtensions(groupEncounter.extensions, item);
  const source = sessionSource(encounter, item);
  source.encounters.push(groupEncounter);
  return source;
}

function sessionSource(reader: Reader, item: Record<string, unknown>): SessionSource {
  const start = typeof item["scheduledStart"] === "string" ? Date.parse(item["scheduledStart"]) : Number.NaN;
  return { item, reader, encounters: [], numbered: item["sequence"] !== undefined, startMs: start };
}

function readSessionExtensions(extensions: Extensions, item: Record<string, unknown>): void {
  const sequence = extensions.first(EXTENSION.sessionSequence)?.integer("valuePositiveInt", 1);
  if (sequence !== undefined) item["sequence"] = sequence;
  const mode = extensions.first(EXTENSION.sessionMode)?.text("valueCode", true);
  if (mode !== undefined) item["mode"] = mode;
  const interventions = extensions.all(EXTENSION.intervention).map((ext) => ext.text("valueCode", true));
  if (interventions.length > 0) item["interventions"] = interventions;
}

/** A session status from a resource's FHIR status, by {@link fhirSessionCrosswalk}. */
function sessionStatus(reader: Reader, resourceType: "Appointment" | "Encounter"): string | undefined {
  const status = reader.text("status", true);
  if (status === undefined) return undefined;
  const row = fhirSessionCrosswalk.fromFhir.find(
    (entry) => entry.resourceType === resourceType && entry.fhirStatus === status,
  );
  if (row === undefined || row.status === null) {
    reader.error(
      "unsupported-code",
      reader.at("status"),
      row === undefined
        ? `${resourceType}.status is ${codeOrKind(status)}, not a code of the FHIR R4 value set; the session's status cannot be read.`
        : `${resourceType}.status is ${codeOrKind(status)}, which describes no session; remove the resource or correct its status.`,
    );
    return undefined;
  }
  return row.status;
}

/** Whole minutes from `start` to `end`, rounded; reports `end` missing or not after the start. */
function minutesBetween(reader: Reader, start: string | undefined, end: string | undefined, missing: string) {
  if (start === undefined) return undefined;
  if (end === undefined) {
    reader.missing(missing, "a session needs its length: give minutesDuration, or an end.");
    return undefined;
  }
  return Math.round((Date.parse(end) - Date.parse(start)) / 60_000);
}

/** Sessions without the library's sequence extension are numbered by start time, 1…n (ties in Bundle order). */
function numberSessions(sessions: readonly SessionSource[]): void {
  const byStart = [...sessions].sort((a, b) => (a.startMs || 0) - (b.startMs || 0));
  byStart.forEach((source, index) => {
    if (!source.numbered) source.item["sequence"] = index + 1;
  });
}

// FHIR R4 Encounter.class codes (HL7 v3 ActCode, ActEncounterCode): VR virtual; the others meet in one place.
const MODE_BY_CLASS: Readonly<Record<string, string>> = {
  VR: "virtual",
  AMB: "in-person",
  FLD: "in-person",
  HH: "in-person",
};

/** The session's mode: the library's extension, else the group Encounter's class, else `options.sessionMode`. */
function finishSession(source: SessionSource, sessionMode: string | undefined): void {
  const { item } = source;
  if (item["mode"] !== undefined) return;
  for (const encounter of source.encounters) {
    const concept = encounter.reader.object("class");
    if (concept === undefined || concept.node["system"] !== HL7.actCode) continue;
    const mode = MODE_BY_CLASS[String(concept.node["code"])];
    if (mode !== undefined) {
      item["mode"] = mode;
      return;
    }
  }
  if (sessionMode !== undefined) {
    item["mode"] = sessionMode;
    return;
  }
  source.reader.error(
    "missing-part",
    source.reader.at("extension"),
    "the session's mode (in person, virtual or hybrid) is not in the Bundle (no session-mode extension, and no group Encounter with class VR or AMB); pass options.sessionMode.",
  );
}
