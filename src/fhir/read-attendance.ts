import { fhirAttendanceCrosswalk } from "./crosswalk.js";
import type { Assembly, FieldPlaces } from "./import-assembly.js";
import type { Entry } from "./read-context.js";
import type { Reader } from "./read-fields.js";
import { codeOrKind } from "./read-json.js";
import { PERSON_TYPES } from "./read-people.js";
import type { SessionSource } from "./read-session-events.js";
import { groupworkFhirUrls } from "./urls.js";

// Appointment participants and member Encounters (partOf a group Encounter) become the record's attendance, merged
// per person and session.

const EXTENSION = groupworkFhirUrls.extension;
const ATTENDANCE_EXTENSIONS = [EXTENSION.attendanceStatus];

/** Attendance of one person at one session, merged from a participant and a member Encounter. */
interface Presence {
  memberId: string;
  status: string | undefined;
  /** An accepted invitation with no member Encounter: absent or not recorded, decided once all Encounters are read. */
  accepted: boolean;
  arrivedAt?: string;
  departedAt?: string;
  reader: Reader;
  fields: FieldPlaces;
}

/** What R4 AppointmentParticipant.actor may refer to. */
const ACTOR_TYPES = [...PERSON_TYPES, "PractitionerRole", "RelatedPerson", "Device", "HealthcareService", "Location"];

/** Where an attendance record's fields are in an Appointment participant. */
const PARTICIPANT_FIELDS = { memberId: ["actor"], status: ["status"] };

/** Where an attendance record's fields are in a member Encounter about a Patient. */
const ENCOUNTER_FIELDS = {
  memberId: ["subject"],
  status: ["status"],
  arrivedAt: ["period", "start"],
  departedAt: ["period", "end"],
};

/** Reads the attendance of every session: its Appointment's participants, then the member Encounters. */
export function readAttendance(
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
      assembly.add("attendance", record as never, presence.reader, presence.fields);
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
  const actor = participant.reference("actor", ACTOR_TYPES);
  const memberId = actor === undefined ? undefined : people.get(actor);
  if (actor === undefined || memberId === undefined) return;
  const own = participant.extensions(ATTENDANCE_EXTENSIONS).first(EXTENSION.attendanceStatus)?.text("valueCode", true);
  const fields = PARTICIPANT_FIELDS;
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
      `${participant.name("status")} is ${codeOrKind(status)}, not a code of the FHIR R4 participation status value set.`,
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
  const { person, fields } = attendee(encounter);
  const memberId = person === undefined ? undefined : people.get(person);
  if (memberId === undefined || presences === undefined) return;
  const period = encounter.object("period");
  const arrivedAt = period?.instant("start");
  const departedAt = period?.instant("end");
  const status =
    encounter.extensions(ATTENDANCE_EXTENSIONS).first(EXTENSION.attendanceStatus)?.text("valueCode", true) ??
    derivedStatus(encounter, source, arrivedAt, departedAt);
  if (status === undefined) return;
  const presence: Presence = {
    memberId,
    status,
    accepted: false,
    reader: encounter,
    fields,
  };
  if (arrivedAt !== undefined) presence.arrivedAt = arrivedAt;
  if (departedAt !== undefined) presence.departedAt = departedAt;
  // First seen first: Map.set on a person booked on the Appointment keeps their place, and the Encounter, which says
  // what happened, replaces what the booking said.
  presences.set(memberId, presence);
}

/**
 * The person a member Encounter is about: its subject, or else (R4 Encounter.subject takes only a Patient or a Group,
 * so a Practitioner who attended is named there) the first `participant[].individual` that is a person.
 */
function attendee(encounter: Reader): { person: Entry | undefined; fields: FieldPlaces } {
  if (encounter.node["subject"] !== undefined || encounter.node["participant"] === undefined) {
    return { person: encounter.reference("subject", PERSON_TYPES), fields: ENCOUNTER_FIELDS };
  }
  const participants = encounter.list("participant");
  for (let index = 0; index < participants.length; index++) {
    const participant = participants[index] as Reader; // index < length
    if (participant.node["individual"] === undefined) continue;
    return {
      person: participant.reference("individual", PERSON_TYPES),
      fields: { ...ENCOUNTER_FIELDS, memberId: ["participant", index, "individual"] },
    };
  }
  encounter.missing("subject", "name the person who attended as subject (a Patient) or participant.individual.");
  return { person: undefined, fields: ENCOUNTER_FIELDS };
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
        ? `Encounter.status is ${codeOrKind(status)}, not a code of the FHIR R4 value set; the person's attendance cannot be read.`
        : `Encounter.status is ${codeOrKind(status)}, which says nothing about attendance; remove the Encounter or correct its status.`,
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
