import type { IssuePath } from "../model/index.js";
import { fhirAttendanceCrosswalk, fhirSessionCrosswalk } from "./crosswalk.js";
import type { Assembly } from "./import-assembly.js";
import type { Entry, ImportContext } from "./read-context.js";
import { Reader } from "./read-fields.js";
import type { GroupFacts } from "./read-group.js";
import { PERSON_TYPES, recordId } from "./read-people.js";
import { readSessionEvents, type SessionSource } from "./read-session-events.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Appointments and group Encounters become the record's sessions; Appointment participants and member Encounters
// (partOf a group Encounter) become its attendance.

const EXTENSION = groupworkFhirUrls.extension;

/** Attendance of one person at one session, merged from a participant and a member Encounter. */
interface Presence {
  memberId: string;
  status: string | undefined;
  /** An accepted invitation with no member Encounter: absent or not recorded, decided once all Encounters are read. */
  accepted: boolean;
  arrivedAt?: string;
  departedAt?: string;
  reader: Reader;
  fields: Record<string, IssuePath>;
}

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
    const encounter = Reader.of(context, entry);
    const subject = encounter.node["subject"];
    const about =
      typeof subject === "object" &&
      subject !== null &&
      !Array.isArray(subject) &&
      typeof subject["reference"] === "string"
        ? context.find(subject["reference"])
        : undefined;
    if (about === group.entry) {
      const appointment = matchedAppointment(context, encounter);
      const source = appointment === undefined ? undefined : byEntry.get(appointment);
      if (source !== undefined) {
        source.encounters.push(encounter);
        byEntry.set(entry, source);
      } else {
        const own = readGroupEncounter(encounter, group);
        sessions.push(own);
        byEntry.set(entry, own);
      }
    } else memberEncounters.push(encounter);
  }
  numberSessions(sessions);
  for (const source of sessions) finishSession(source, sessionMode);
  sessions.forEach((source) => {
    const path = source.reader.path;
    assembly.add("sessions", source.item as never, source.reader.entry, path, sessionFields(source.reader));
  });
  readAttendance(assembly, people, sessions, byEntry, memberEncounters);
  for (const source of sessions) readSessionEvents(source, assembly, people);
}

function sessionFields(reader: Reader): Record<string, IssuePath> {
  const appointment = reader.entry.resourceType === "Appointment";
  return {
    id: reader.at("id"),
    scheduledStart: appointment ? reader.at("start") : [...reader.at("period"), "start"],
    durationMinutes: appointment ? reader.at("minutesDuration") : reader.at("period"),
    status: reader.at("status"),
    topic: reader.at("description"),
    sequence: reader.at("extension"),
    mode: appointment ? reader.at("extension") : reader.at("class"),
    interventions: reader.at("extension"),
  };
}

function matchedAppointment(context: ImportContext, encounter: Reader): Entry | undefined {
  const appointments = encounter.node["appointment"];
  if (!Array.isArray(appointments)) return undefined;
  for (let index = 0; index < appointments.length; index++) {
    const found = encounter.context.resolve(
      encounter.entry,
      appointments[index],
      [...encounter.at("appointment"), index],
      ["Appointment"],
      `Encounter.appointment[${index}]`,
    );
    if (found !== undefined && context.isFirst(found)) return found;
  }
  return undefined;
}

function readAppointment(appointment: Reader, group: GroupFacts): SessionSource {
  const item: Record<string, unknown> = {
    id: recordId(appointment, groupworkFhirUrls.identifier.session),
    groupId: group.id,
  };
  const own = appointment.extension(EXTENSION.sessionStatus)?.text("valueCode", true);
  item["status"] = own ?? sessionStatus(appointment, "Appointment");
  const start = appointment.instant("start", true);
  item["scheduledStart"] = start;
  const minutes = appointment.integer("minutesDuration", 1);
  item["durationMinutes"] =
    minutes ?? minutesBetween(appointment, start, appointment.instant("end"), "minutesDuration");
  const topic = appointment.text("description");
  if (topic !== undefined) item["topic"] = topic;
  readSessionExtensions(appointment, item);
  return sessionSource(appointment, item);
}

function readGroupEncounter(encounter: Reader, group: GroupFacts): SessionSource {
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
  readSessionExtensions(encounter, item);
  const source = sessionSource(encounter, item);
  source.encounters.push(encounter);
  return source;
}

function sessionSource(reader: Reader, item: Record<string, unknown>): SessionSource {
  const start = typeof item["scheduledStart"] === "string" ? Date.parse(item["scheduledStart"]) : Number.NaN;
  return { item, reader, encounters: [], numbered: item["sequence"] !== undefined, startMs: start };
}

function readSessionExtensions(reader: Reader, item: Record<string, unknown>): void {
  const sequence = reader.extension(EXTENSION.sessionSequence)?.integer("valuePositiveInt", 1);
  if (sequence !== undefined) item["sequence"] = sequence;
  const mode = reader.extension(EXTENSION.sessionMode)?.text("valueCode", true);
  if (mode !== undefined) item["mode"] = mode;
  const interventions = reader.extensions(EXTENSION.intervention).map((ext) => ext.text("valueCode", true));
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
        ? `${resourceType}.status ${JSON.stringify(status)} is not a code of the FHIR R4 value set; the session's status cannot be read.`
        : `${resourceType}.status is ${JSON.stringify(status)}, which describes no session; remove the resource or correct its status.`,
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
    const concept = encounter.object("class");
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

function readAttendance(
  assembly: Assembly,
  people: ReadonlyMap<Entry, string>,
  sessions: readonly SessionSource[],
  byEntry: ReadonlyMap<Entry, SessionSource>,
  memberEncounters: readonly Reader[],
): void {
  const presences = new Map<SessionSource, Map<string, Presence>>(sessions.map((source) => [source, new Map()]));
  for (const source of sessions) {
    if (source.reader.entry.resourceType !== "Appointment") continue;
    for (const participant of source.reader.list("participant")) {
      readParticipant(participant, source, people, presences.get(source));
    }
  }
  for (const encounter of memberEncounters) {
    const partOf = encounter.reference("partOf", ["Encounter"]);
    if (partOf === undefined) continue;
    const source = byEntry.get(partOf);
    if (source === undefined) {
      encounter.error(
        "invalid-value",
        [...encounter.at("partOf"), "reference"],
        `Encounter.partOf refers to ${partOf.label}, which is no group session: its subject is not the Bundle's Group.`,
      );
      continue;
    }
    readMemberEncounter(encounter, source, people, presences.get(source));
  }
  for (const source of sessions) {
    const recorded = source.encounters.length > 0;
    for (const presence of presences.get(source)?.values() ?? []) {
      if (presence.accepted)
        presence.status = recorded ? (acceptedRow.status ?? undefined) : acceptedRow.withoutEncounters;
      const record: Record<string, unknown> = {
        sessionId: source.item["id"],
        memberId: presence.memberId,
        status: presence.status,
      };
      if (presence.arrivedAt !== undefined) record["arrivedAt"] = presence.arrivedAt;
      if (presence.departedAt !== undefined) record["departedAt"] = presence.departedAt;
      assembly.add("attendance", record as never, presence.reader.entry, presence.reader.path, presence.fields);
    }
  }
}

const acceptedRow = fhirAttendanceCrosswalk.fromFhir.find(
  (row) => row.element === "AppointmentParticipant.status" && row.fhirStatus === "accepted",
) as (typeof fhirAttendanceCrosswalk.fromFhir)[number]; // the crosswalk has this row

function readParticipant(
  participant: Reader,
  source: SessionSource,
  people: ReadonlyMap<Entry, string>,
  presences: Map<string, Presence> | undefined,
): void {
  // A participant with no actor stands for no one in particular (the library writes one, typed PART, for a session
  // with no attendance recorded, because R4 needs at least one participant).
  if (participant.node["actor"] === undefined || presences === undefined) return;
  const actor = participant.reference("actor", [
    ...PERSON_TYPES,
    "PractitionerRole",
    "RelatedPerson",
    "Device",
    "HealthcareService",
    "Location",
  ]);
  const memberId = actor === undefined ? undefined : people.get(actor);
  if (actor === undefined || memberId === undefined) return;
  const own = participant.extension(EXTENSION.attendanceStatus)?.text("valueCode", true);
  const fields = { memberId: participant.at("actor"), status: participant.at("status") };
  if (own !== undefined) {
    presences.set(memberId, { memberId, status: own, accepted: false, reader: participant, fields });
    return;
  }
  // Another system's booking of a person says who accepted the invitation; only a held session has attendance, and
  // staff (Practitioners) booked to run it are not attendance.
  if (actor.resourceType !== "Patient" || source.item["status"] !== "held") return;
  const status = participant.text("status", true);
  if (status === undefined) return;
  const row = fhirAttendanceCrosswalk.fromFhir.find(
    (entry) => entry.element === "AppointmentParticipant.status" && entry.fhirStatus === status,
  );
  if (row === undefined || row.status === null || row.status === "attended") {
    participant.error(
      "unsupported-code",
      participant.at("status"),
      `${participant.name("status")} ${JSON.stringify(status)} is not a code of the FHIR R4 participation status value set.`,
    );
    return;
  }
  presences.set(memberId, { memberId, status: row.status, accepted: row === acceptedRow, reader: participant, fields });
}

function readMemberEncounter(
  encounter: Reader,
  source: SessionSource,
  people: ReadonlyMap<Entry, string>,
  presences: Map<string, Presence> | undefined,
): void {
  const person = encounter.reference("subject", PERSON_TYPES);
  const memberId = person === undefined ? undefined : people.get(person);
  if (memberId === undefined || presences === undefined) return;
  const period = encounter.object("period");
  const arrivedAt = period?.instant("start");
  const departedAt = period?.instant("end");
  const status =
    encounter.extension(EXTENSION.attendanceStatus)?.text("valueCode", true) ??
    derivedStatus(encounter, source, arrivedAt, departedAt);
  if (status === undefined) return;
  const presence: Presence = {
    memberId,
    status,
    accepted: false,
    reader: encounter,
    fields: {
      memberId: encounter.at("subject"),
      status: encounter.at("status"),
      arrivedAt: period?.at("start") ?? encounter.at("period"),
      departedAt: period?.at("end") ?? encounter.at("period"),
    },
  };
  if (arrivedAt !== undefined) presence.arrivedAt = arrivedAt;
  if (departedAt !== undefined) presence.departedAt = departedAt;
  // First seen first: Map.set on a person booked on the Appointment keeps their place, and the Encounter, which says
  // what happened, replaces what the booking said.
  presences.set(memberId, presence);
}

/**
 * Attendance from a member Encounter of another system, by {@link fhirAttendanceCrosswalk}: a person who came is late
 * when their period starts after the session's start, left early when it ends before the session's end; both at once
 * reads as late (the record has one status, and lateness is the one attendance figures count).
 */
function derivedStatus(
  encounter: Reader,
  source: SessionSource,
  arrivedAt: string | undefined,
  departedAt: string | undefined,
): string | undefined {
  const status = encounter.text("status", true);
  if (status === undefined) return undefined;
  const row = fhirAttendanceCrosswalk.fromFhir.find(
    (entry) => entry.element === "Encounter.status" && entry.fhirStatus === status,
  );
  if (row === undefined || row.status === null) {
    encounter.error(
      "unsupported-code",
      encounter.at("status"),
      row === undefined
        ? `Encounter.status ${JSON.stringify(status)} is not a code of the FHIR R4 value set; the person's attendance cannot be read.`
        : `Encounter.status is ${JSON.stringify(status)}, which says nothing about attendance; remove the Encounter or correct its status.`,
    );
    return undefined;
  }
  if (row.status !== "attended") return row.status;
  const start = source.startMs;
  const minutes = source.item["durationMinutes"];
  const end = typeof minutes === "number" ? start + minutes * 60_000 : Number.NaN;
  if (arrivedAt !== undefined && Date.parse(arrivedAt) > start) return "late";
  if (departedAt !== undefined && Date.parse(departedAt) < end) return "left-early";
  return "present";
}
