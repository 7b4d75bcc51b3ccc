// The status crosswalks against the FHIR R4 value sets, copied here by hand from hl7.org/fhir/R4.
import { describe, expect, it } from "vitest";
import { fhirAttendanceCrosswalk, fhirSessionCrosswalk } from "../../src/fhir/crosswalk";
import { attendanceStatuses, sessionStatuses } from "../../src/model/index";

// hl7.org/fhir/R4/valueset-appointmentstatus.html
const APPOINTMENT = [
  "proposed",
  "pending",
  "booked",
  "arrived",
  "fulfilled",
  "cancelled",
  "noshow",
  "entered-in-error",
  "checked-in",
  "waitlist",
];
// hl7.org/fhir/R4/valueset-encounter-status.html
const ENCOUNTER = [
  "planned",
  "arrived",
  "triaged",
  "in-progress",
  "onleave",
  "finished",
  "cancelled",
  "entered-in-error",
  "unknown",
];
// hl7.org/fhir/R4/valueset-participationstatus.html
const PARTICIPANT = ["accepted", "declined", "tentative", "needs-action"];

describe("fhirSessionCrosswalk", () => {
  it("reads every code of Appointment.status and Encounter.status, once", () => {
    const codesOf = (type: string) =>
      fhirSessionCrosswalk.fromFhir.filter((entry) => entry.resourceType === type).map((entry) => entry.fhirStatus);
    expect([...codesOf("Appointment")].sort()).toEqual([...APPOINTMENT].sort());
    expect([...codesOf("Encounter")].sort()).toEqual([...ENCOUNTER].sort());
  });

  it("writes every session status, and reads back what it writes", () => {
    expect(fhirSessionCrosswalk.toFhir.map((entry) => entry.status)).toEqual([...sessionStatuses.codes]);
    for (const { status, appointmentStatus, needsExtension } of fhirSessionCrosswalk.toFhir) {
      const read = fhirSessionCrosswalk.fromFhir.find(
        (entry) => entry.resourceType === "Appointment" && entry.fhirStatus === appointmentStatus,
      );
      // did-not-take-place is written as cancelled plus the extension, so only it reads back differently.
      expect(read?.status === status).toBe(!needsExtension);
    }
  });

  it("is frozen", () => {
    expect(Object.isFrozen(fhirSessionCrosswalk.fromFhir[0])).toBe(true);
    expect(Object.isFrozen(fhirSessionCrosswalk.toFhir)).toBe(true);
  });
});

describe("fhirAttendanceCrosswalk", () => {
  it("reads every participant status and every Encounter status", () => {
    const codesOf = (element: string) =>
      fhirAttendanceCrosswalk.fromFhir.filter((entry) => entry.element === element).map((entry) => entry.fhirStatus);
    expect([...codesOf("AppointmentParticipant.status")].sort()).toEqual([...PARTICIPANT].sort());
    expect([...codesOf("Encounter.status")].sort()).toEqual([...ENCOUNTER].sort());
  });

  it("writes every attendance status, with a member Encounter exactly for those who attended", () => {
    expect(fhirAttendanceCrosswalk.toFhir.map((entry) => entry.status).sort()).toEqual(
      [...attendanceStatuses.codes].sort(),
    );
    const attended = new Set<string>(
      attendanceStatuses.entries.filter((entry) => entry.attended === true).map((e) => e.code),
    );
    for (const entry of fhirAttendanceCrosswalk.toFhir) expect(entry.memberEncounter).toBe(attended.has(entry.status));
  });

  it("is frozen", () => {
    expect(Object.isFrozen(fhirAttendanceCrosswalk)).toBe(true);
    expect(Object.isFrozen(fhirAttendanceCrosswalk.fromFhir[0])).toBe(true);
  });
});
