import type { AttendanceStatus, SessionStatus } from "../model/index.js";

// How the library's session and attendance statuses meet the FHIR R4 status value sets, both ways, as data: export
// writes the `toFhir` side and import reads the `fromFhir` side, so neither keeps its own copy of the table.

const APPOINTMENT_STATUS =
  "FHIR R4 Appointment.status (value set appointmentstatus, hl7.org/fhir/R4/valueset-appointmentstatus.html)";
const ENCOUNTER_STATUS =
  "FHIR R4 Encounter.status (value set encounter-status, hl7.org/fhir/R4/valueset-encounter-status.html)";
const PARTICIPANT_STATUS =
  "FHIR R4 AppointmentParticipant.status (value set participationstatus, hl7.org/fhir/R4/valueset-participationstatus.html)";

/**
 * One row of {@link fhirSessionCrosswalk}`.toFhir`: how a session status is written in FHIR R4.
 *
 * @example
 * fhirSessionCrosswalk.toFhir.find((entry) => entry.status === "did-not-take-place")?.appointmentStatus
 * //=> "cancelled"
 */
export interface FhirSessionToFhirEntry {
  /** The library's session status. */
  readonly status: SessionStatus;
  /** The `Appointment.status` written for it. */
  readonly appointmentStatus: "booked" | "fulfilled" | "cancelled";
  /** Whether the library's session-status extension is needed to tell it apart from another status. */
  readonly needsExtension: boolean;
  /** The group `Encounter.status` written for it, or `null` when the session has no Encounter (it was not held). */
  readonly encounterStatus: "finished" | null;
  /** Where the FHIR codes are defined. */
  readonly source: string;
}

/**
 * One row of {@link fhirSessionCrosswalk}`.fromFhir`: how a FHIR R4 status of an Appointment or a group Encounter is
 * read when the library's session-status extension is absent.
 *
 * @example
 * fhirSessionCrosswalk.fromFhir.find((entry) => entry.resourceType === "Appointment" && entry.fhirStatus === "noshow")
 *   ?.status
 * //=> "did-not-take-place"
 */
export interface FhirSessionFromFhirEntry {
  /** The resource whose `status` this row reads. */
  readonly resourceType: "Appointment" | "Encounter";
  /** The FHIR code. */
  readonly fhirStatus: string;
  /** The session status it is read as, or `null` when it describes no session (an import error `unsupported-code`). */
  readonly status: SessionStatus | null;
  /** Where the FHIR code is defined. */
  readonly source: string;
}

/**
 * The crosswalk between the library's session statuses and FHIR R4 `Appointment.status` and group `Encounter.status`,
 * both ways, each row with the value set it comes from. Frozen.
 *
 * `toFhir` is what `toFhirBundle` writes. `fromFhir` is what `fromFhirBundle` reads from a Bundle written by another
 * system (the library's own Bundles say the status exactly in an extension): every code of the two R4 value sets, and
 * `null` for the two that describe no meeting (`entered-in-error`, and the Encounter's `unknown`).
 *
 * @example
 * // A fulfilled Appointment was held; an Encounter still in progress was held too
 * const read = (resourceType: string, fhirStatus: string) =>
 *   fhirSessionCrosswalk.fromFhir.find((entry) => entry.resourceType === resourceType && entry.fhirStatus === fhirStatus)
 *     ?.status;
 * [read("Appointment", "fulfilled"), read("Encounter", "in-progress"), read("Appointment", "entered-in-error")]
 * //=> ["held", "held", null]
 */
export const fhirSessionCrosswalk: {
  readonly toFhir: readonly FhirSessionToFhirEntry[];
  readonly fromFhir: readonly FhirSessionFromFhirEntry[];
} = /* @__PURE__ */ deepFreeze({
  toFhir: [
    row("scheduled", "booked", false, null),
    row("held", "fulfilled", false, "finished"),
    row("cancelled", "cancelled", false, null),
    row("did-not-take-place", "cancelled", true, null),
  ],
  fromFhir: [
    appointment("proposed", "scheduled"),
    appointment("pending", "scheduled"),
    appointment("booked", "scheduled"),
    appointment("waitlist", "scheduled"),
    appointment("arrived", "held"),
    appointment("checked-in", "held"),
    appointment("fulfilled", "held"),
    appointment("cancelled", "cancelled"),
    // A group meeting nobody came to did not take place; it is not an absence for anyone.
    appointment("noshow", "did-not-take-place"),
    appointment("entered-in-error", null),
    encounter("planned", "scheduled"),
    encounter("arrived", "held"),
    encounter("triaged", "held"),
    encounter("in-progress", "held"),
    encounter("onleave", "held"),
    encounter("finished", "held"),
    encounter("cancelled", "cancelled"),
    encounter("entered-in-error", null),
    encounter("unknown", null),
  ],
});

function row(
  status: SessionStatus,
  appointmentStatus: FhirSessionToFhirEntry["appointmentStatus"],
  needsExtension: boolean,
  encounterStatus: FhirSessionToFhirEntry["encounterStatus"],
): FhirSessionToFhirEntry {
  return {
    status,
    appointmentStatus,
    needsExtension,
    encounterStatus,
    source: `${APPOINTMENT_STATUS}; ${ENCOUNTER_STATUS}`,
  };
}

function appointment(fhirStatus: string, status: SessionStatus | null): FhirSessionFromFhirEntry {
  return { resourceType: "Appointment", fhirStatus, status, source: APPOINTMENT_STATUS };
}

function encounter(fhirStatus: string, status: SessionStatus | null): FhirSessionFromFhirEntry {
  return { resourceType: "Encounter", fhirStatus, status, source: ENCOUNTER_STATUS };
}

/**
 * One row of {@link fhirAttendanceCrosswalk}`.toFhir`: how an attendance status is written in FHIR R4.
 *
 * @example
 * fhirAttendanceCrosswalk.toFhir.find((entry) => entry.status === "excused")?.participantStatus
 * //=> "declined"
 */
export interface FhirAttendanceToFhirEntry {
  /** The library's attendance status. */
  readonly status: AttendanceStatus;
  /** The `Appointment.participant.status` written for it (with the library's attendance-status extension). */
  readonly participantStatus: "accepted" | "declined" | "needs-action";
  /** Whether the person also gets a member Encounter `partOf` the session's group Encounter (they attended). */
  readonly memberEncounter: boolean;
  /** Where the FHIR codes are defined. */
  readonly source: string;
}

/**
 * One row of {@link fhirAttendanceCrosswalk}`.fromFhir`: how a FHIR R4 status is read as attendance at a held session
 * when the library's attendance-status extension is absent.
 *
 * @example
 * fhirAttendanceCrosswalk.fromFhir.find((entry) => entry.element === "Encounter.status" && entry.fhirStatus === "cancelled")
 *   ?.status
 * //=> "absent"
 */
export interface FhirAttendanceFromFhirEntry {
  /** What the row reads: an Appointment participant's status, or the status of a member Encounter. */
  readonly element: "AppointmentParticipant.status" | "Encounter.status";
  /** The FHIR code. */
  readonly fhirStatus: string;
  /**
   * The attendance status it is read as; `"attended"` means present, late or left early as the Encounter's period
   * says; `null` means no attendance can be read from it (an import error `unsupported-code`).
   */
  readonly status: AttendanceStatus | "attended" | null;
  /**
   * For `accepted` only: the status when the session has no group Encounter, so nobody recorded who came. Accepting an
   * invitation is not attending, and with no Encounters to show who came it is not an absence either.
   */
  readonly withoutEncounters?: AttendanceStatus;
  /** Where the FHIR code is defined. */
  readonly source: string;
}

/**
 * The crosswalk between the library's attendance statuses and FHIR R4, both ways, each row with the value set it
 * comes from. Frozen.
 *
 * FHIR R4 records a group session's attendance in two places: the Appointment's participants (who accepted or declined
 * the invitation) and one Encounter per person who came, `partOf` the session's group Encounter. `toFhir` is what
 * `toFhirBundle` writes; `fromFhir` is what `fromFhirBundle` reads from a Bundle written by another system. A member
 * Encounter wins over the participant status: a person with one attended.
 *
 * @example
 * // Declining is an excused absence; a person who accepted but has no Encounter of a recorded session was absent
 * const read = (fhirStatus: string) =>
 *   fhirAttendanceCrosswalk.fromFhir.find(
 *     (entry) => entry.element === "AppointmentParticipant.status" && entry.fhirStatus === fhirStatus,
 *   );
 * [read("declined")?.status, read("accepted")?.status, read("accepted")?.withoutEncounters]
 * //=> ["excused", "absent", "not-recorded"]
 */
export const fhirAttendanceCrosswalk: {
  readonly toFhir: readonly FhirAttendanceToFhirEntry[];
  readonly fromFhir: readonly FhirAttendanceFromFhirEntry[];
} = /* @__PURE__ */ deepFreeze({
  toFhir: [
    attendanceRow("present", "accepted", true),
    attendanceRow("late", "accepted", true),
    attendanceRow("left-early", "accepted", true),
    attendanceRow("absent", "accepted", false),
    attendanceRow("excused", "declined", false),
    attendanceRow("not-recorded", "needs-action", false),
  ],
  fromFhir: [
    {
      element: "AppointmentParticipant.status",
      fhirStatus: "accepted",
      status: "absent",
      withoutEncounters: "not-recorded",
      source: PARTICIPANT_STATUS,
    },
    participant("declined", "excused"),
    participant("tentative", "not-recorded"),
    participant("needs-action", "not-recorded"),
    memberEncounter("planned", "not-recorded"),
    memberEncounter("arrived", "attended"),
    memberEncounter("triaged", "attended"),
    memberEncounter("in-progress", "attended"),
    memberEncounter("onleave", "attended"),
    memberEncounter("finished", "attended"),
    memberEncounter("cancelled", "absent"),
    memberEncounter("entered-in-error", null),
    memberEncounter("unknown", null),
  ],
});

function attendanceRow(
  status: AttendanceStatus,
  participantStatus: FhirAttendanceToFhirEntry["participantStatus"],
  attended: boolean,
): FhirAttendanceToFhirEntry {
  return {
    status,
    participantStatus,
    memberEncounter: attended,
    source: `${PARTICIPANT_STATUS}; ${ENCOUNTER_STATUS}`,
  };
}

function participant(fhirStatus: string, status: AttendanceStatus): FhirAttendanceFromFhirEntry {
  return { element: "AppointmentParticipant.status", fhirStatus, status, source: PARTICIPANT_STATUS };
}

function memberEncounter(
  fhirStatus: string,
  status: FhirAttendanceFromFhirEntry["status"],
): FhirAttendanceFromFhirEntry {
  return { element: "Encounter.status", fhirStatus, status, source: ENCOUNTER_STATUS };
}

function deepFreeze<T extends { readonly toFhir: readonly object[]; readonly fromFhir: readonly object[] }>(
  table: T,
): T {
  for (const entry of table.toFhir) Object.freeze(entry);
  for (const entry of table.fromFhir) Object.freeze(entry);
  Object.freeze(table.toFhir);
  Object.freeze(table.fromFhir);
  return Object.freeze(table);
}
