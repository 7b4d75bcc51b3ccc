import type {
  Appointment,
  AppointmentParticipant,
  Coding,
  Encounter,
  Extension,
  Patient,
  Period,
  Practitioner,
} from "@medplum/fhirtypes";
import type {
  AttendanceRecord,
  AttendanceStatus,
  InteractionAct,
  Session,
  SessionStatus,
  Turn,
} from "../model/index.js";
import { addMinutes, withSeconds } from "./export-instants.js";
import {
  type ExportContext,
  groupReference,
  identifiersOf,
  personReference,
  personType,
  referenceTo,
  type WrittenResource,
} from "./export-parts.js";
import { resourceUuid } from "./ids.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Private to the FHIR export: one Appointment per session, one Encounter per held session (the group's), and one
// Encounter per member who attended a held session, part of the group's.

const EXTENSION = groupworkFhirUrls.extension;

/** R4 Appointment.status of each session status; did-not-take-place also gets the library's extension. */
const APPOINTMENT_STATUS: Readonly<Record<SessionStatus, Appointment["status"]>> = {
  scheduled: "booked",
  held: "fulfilled",
  cancelled: "cancelled",
  "did-not-take-place": "cancelled",
};

/** R4 Appointment.participant.status of each attendance status; the exact status travels in an extension. */
const PARTICIPANT_STATUS: Readonly<Record<AttendanceStatus, AppointmentParticipant["status"]>> = {
  present: "accepted",
  late: "accepted",
  "left-early": "accepted",
  absent: "accepted",
  excused: "declined",
  "not-recorded": "needs-action",
};

/** Statuses of someone who was there, who get an Encounter of their own. */
const ATTENDING: ReadonlySet<AttendanceStatus> = new Set(["present", "late", "left-early"]);

/** The resources of the sessions, in Bundle order: every Appointment, then the group's Encounters, then the members'. */
export interface WrittenSessions {
  readonly appointments: WrittenResource[];
  readonly groupEncounters: WrittenResource[];
  readonly memberEncounters: WrittenResource[];
}

/** The session's span as R4 instants: its start with seconds, and its end `durationMinutes` later in the same offset. */
function spanOf(session: Session): { start: string; end: string } {
  const end = addMinutes(session.scheduledStart, session.durationMinutes);
  // checkFhirLimits has refused every session that ends after the year 9999.
  if (end === undefined) throw new Error(`Session ${JSON.stringify(session.id)} ends after the year 9999.`);
  return { start: withSeconds(session.scheduledStart), end };
}

/** The entries of `list` grouped by their session, each group in list order. */
function bySession<T extends { readonly sessionId: string }>(list: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const group = groups.get(item.sessionId);
    if (group === undefined) groups.set(item.sessionId, [item]);
    else group.push(item);
  }
  return groups;
}

/** The library's attendance status, carried on a participant or a member's Encounter. */
function attendanceStatusOf(record: AttendanceRecord): Extension {
  return { url: EXTENSION.attendanceStatus, valueCode: record.status };
}

/** R4 Encounter.class: VR (virtual) for a session held online, AMB (ambulatory) for one in a room or hybrid. */
function classOf(session: Session): Coding {
  return { system: HL7.actCode, code: session.mode === "virtual" ? "VR" : "AMB" };
}

/** Every session's Appointment and, for those held, the group's and the attending members' Encounters. */
export function writeSessions(context: ExportContext): WrittenSessions {
  const { record } = context;
  const attendance = bySession(record.attendance);
  const turns = bySession(record.turns);
  const acts = bySession(record.interactionActs);
  const written: WrittenSessions = { appointments: [], groupEncounters: [], memberEncounters: [] };
  for (const session of record.sessions) {
    const span = spanOf(session);
    const records = attendance.get(session.id) ?? [];
    const appointment = writeAppointment(context, session, span, records);
    written.appointments.push(appointment);
    if (session.status !== "held") continue;
    const encounter = writeGroupEncounter(context, session, span, appointment.uuid, [
      ...(turns.get(session.id) ?? []).map((turn) => turnExtension(context, turn)),
      ...(acts.get(session.id) ?? []).map((act) => actExtension(context, act)),
    ]);
    written.groupEncounters.push(encounter);
    for (const attended of records.filter((entry) => ATTENDING.has(entry.status))) {
      written.memberEncounters.push(writeMemberEncounter(context, session, attended, encounter.uuid));
    }
  }
  return written;
}

function writeAppointment(
  context: ExportContext,
  session: Session,
  span: { start: string; end: string },
  records: readonly AttendanceRecord[],
): WrittenResource {
  const uuid = resourceUuid("Appointment", context.record.group.id, session.id);
  const extension: Extension[] = [
    { url: EXTENSION.sessionSequence, valuePositiveInt: session.sequence },
    { url: EXTENSION.sessionMode, valueCode: session.mode },
    ...session.interventions.map((intervention) => ({ url: EXTENSION.intervention, valueCode: intervention })),
  ];
  if (session.status === "did-not-take-place") {
    extension.push({ url: EXTENSION.sessionStatus, valueCode: session.status });
  }
  const participant: AppointmentParticipant[] =
    records.length > 0
      ? records.map((entry) => ({
          extension: [attendanceStatusOf(entry)],
          actor: personReference(context, entry.memberId),
          status: PARTICIPANT_STATUS[entry.status],
        }))
      : // R4 needs at least one participant: the members as a whole, none of them recorded.
        [{ type: [{ coding: [{ system: HL7.participationType, code: "PART" }] }], status: "needs-action" }];
  const resource: Appointment = {
    resourceType: "Appointment",
    extension,
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.session, value: session.id }),
    status: APPOINTMENT_STATUS[session.status],
    ...(session.topic !== undefined ? { description: session.topic } : {}),
    start: span.start,
    end: span.end,
    minutesDuration: session.durationMinutes,
    participant,
  };
  return { uuid, resource };
}

/** A speaking turn, timed in seconds from the session's start. */
function turnExtension(context: ExportContext, turn: Turn): Extension {
  return {
    url: EXTENSION.turn,
    extension: [
      { url: "member", valueReference: personReference(context, turn.memberId) },
      { url: "start", valueDecimal: turn.start },
      { url: "end", valueDecimal: turn.end },
      ...(turn.respondsTo !== undefined
        ? [{ url: "respondsTo", valueReference: personReference(context, turn.respondsTo) }]
        : []),
    ],
  };
}

/** An act scored with Bales' Interaction Process Analysis (1950). */
function actExtension(context: ExportContext, act: InteractionAct): Extension {
  return {
    url: EXTENSION.interactionAct,
    extension: [
      { url: "member", valueReference: personReference(context, act.memberId) },
      { url: "category", valueInteger: act.category },
      ...(act.addresseeId !== undefined
        ? [{ url: "addressee", valueReference: personReference(context, act.addresseeId) }]
        : []),
      ...(act.at !== undefined ? [{ url: "at", valueDecimal: act.at }] : []),
    ],
  };
}

function writeGroupEncounter(
  context: ExportContext,
  session: Session,
  span: { start: string; end: string },
  appointmentUuid: string,
  extension: Extension[],
): WrittenResource {
  const uuid = resourceUuid("Encounter", context.record.group.id, session.id);
  const resource: Encounter = {
    resourceType: "Encounter",
    ...(extension.length > 0 ? { extension } : {}),
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.session, value: session.id }),
    status: "finished",
    class: classOf(session),
    subject: groupReference(context),
    appointment: [referenceTo<Appointment>("Appointment", appointmentUuid)],
    period: { start: span.start, end: span.end },
  };
  return { uuid, resource };
}

function writeMemberEncounter(
  context: ExportContext,
  session: Session,
  record: AttendanceRecord,
  groupEncounterUuid: string,
): WrittenResource {
  const uuid = resourceUuid("Encounter", context.record.group.id, session.id, record.memberId);
  const period: Period = {
    ...(record.arrivedAt !== undefined ? { start: withSeconds(record.arrivedAt) } : {}),
    ...(record.departedAt !== undefined ? { end: withSeconds(record.departedAt) } : {}),
  };
  const type = personType(context, record.memberId);
  const uuidOfPerson = resourceUuid(type, record.memberId);
  // R4 Encounter.subject takes a Patient or a Group; a Practitioner who attended (a facilitator whose attendance is
  // recorded) is named as the Encounter's participant instead.
  const who: Pick<Encounter, "subject" | "participant"> =
    type === "Patient"
      ? { subject: referenceTo<Patient>("Patient", uuidOfPerson) }
      : { participant: [{ individual: referenceTo<Practitioner>("Practitioner", uuidOfPerson) }] };
  const resource: Encounter = {
    resourceType: "Encounter",
    extension: [attendanceStatusOf(record)],
    identifier: identifiersOf(uuid),
    status: "finished",
    class: classOf(session),
    ...who,
    partOf: referenceTo<Encounter>("Encounter", groupEncounterUuid),
    ...(period.start !== undefined || period.end !== undefined ? { period } : {}),
  };
  return { uuid, resource };
}
