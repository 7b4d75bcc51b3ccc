import type { AttendanceStatus, SessionStatus } from "../model/index.js";

// Status crosswalks between other systems' exports and the library's vocabularies, as data. Each runs both ways: how
// the system's status reads in the library (toModel) and how the library's status is written back (fromModel). Where
// the other system has no status of its own for ours, the nearest is written and `exact` is false: information is
// lost there, and reading the file back gives the nearer status, not ours.

/**
 * One of another system's statuses and the library's status it reads as, in {@link StatusCrosswalk.toModel}.
 *
 * An entry of your own needs `code`, `label`, `status` and `source`; `note` is optional. A cell reads as `status` when
 * it holds the code, the label, or both (`@ Attended`), in any case. Give `label: ""` when the system shows only the
 * code: a blank label is no spelling of its own, so it never makes a blank cell read as this status.
 *
 * @typeParam S - the library's status vocabulary
 * @example
 * openEmrAttendanceCrosswalk.toModel.find((entry) => entry.code === "~")?.status
 * //=> "late"
 */
export interface ImportedStatus<S extends string> {
  /** The value the other system stores (OpenEMR's list option id, Salesforce's picklist API name). */
  readonly code: string;
  /** The label its screens and exports show; a cell may hold the code, the label, or both (`@ Attended`). */
  readonly label: string;
  /** The library's status it reads as. */
  readonly status: S;
  /** Where the other system defines the status. */
  readonly source: string;
  /** Why the status reads as it does, where that is a judgment rather than a match of words. */
  readonly note?: string | undefined;
}

/**
 * One of the library's statuses and the other system's status it is written as, in {@link StatusCrosswalk.fromModel}.
 *
 * @typeParam S - the library's status vocabulary
 * @example
 * const entry = programManagementAttendanceCrosswalk.fromModel.find((item) => item.status === "late");
 * [entry?.code, entry?.exact]
 * //=> ["Present", false]
 */
export interface ExportedStatus<S extends string> {
  /** The library's status. */
  readonly status: S;
  /** The other system's value it is written as. */
  readonly code: string;
  /** That value's label in the other system. */
  readonly label: string;
  /** `false` when the other system has no such status and a nearer one is written: reading it back gives that one. */
  readonly exact: boolean;
  /** Where the other system defines the status written. */
  readonly source: string;
  /** What is lost, when `exact` is false. */
  readonly note?: string | undefined;
}

/**
 * A status crosswalk between another system and one of the library's vocabularies, both ways, each entry with its
 * source. Pass one as `statusCrosswalk` or `sessionStatusCrosswalk` of {@link AttendanceCsvMapping}.
 *
 * To import another system's file, write your own: the import reads only `toModel`, so `{ toModel: [...] }` is enough
 * (`system` and `fromModel` are for a full crosswalk). Each entry needs `code`, `label`, `status` (one of the library's
 * statuses) and `source` (where the system defines it); `note` is optional (see {@link ImportedStatus}). A cell the
 * crosswalk does not read is an `unknown-status` issue; a blank cell is a `missing-value` issue unless an entry has
 * `code: ""`. Two entries that read one spelling as different statuses are refused with a `GroupworkError`.
 *
 * @typeParam S - the library's status vocabulary
 * @example
 * // A sign-in sheet that writes P, A and E
 * const signInSheet: Pick<StatusCrosswalk<AttendanceStatus>, "toModel"> = {
 *   toModel: [
 *     { code: "P", label: "Present", status: "present", source: "Agency sign-in sheet, 2026 edition" },
 *     { code: "A", label: "Absent", status: "absent", source: "Agency sign-in sheet, 2026 edition" },
 *     { code: "E", label: "", status: "excused", source: "Agency sign-in sheet, 2026 edition" },
 *   ],
 * };
 * const result = parseAttendanceCsv("Client,Date,Mark\nc-1,2026-02-05,P\nc-2,2026-02-05,e\nc-3,2026-02-05,Absent\n", {
 *   groupId: "grp-1",
 *   timeZone: "America/Chicago",
 *   columns: { memberId: "Client", date: "Date", status: "Mark" },
 *   statusCrosswalk: signInSheet,
 *   startTime: "18:00",
 *   durationMinutes: 90,
 * });
 * result.ok && result.value.attendance.map((record) => record.status)
 * //=> ["present", "excused", "absent"]
 */
export interface StatusCrosswalk<S extends string> {
  /** The system and the field the statuses come from. */
  readonly system: string;
  /** The other system's statuses, each with the library's status it reads as. */
  readonly toModel: readonly ImportedStatus<S>[];
  /** The library's statuses, each with the other system's status it is written as. */
  readonly fromModel: readonly ExportedStatus<S>[];
}

function freezeCrosswalk<S extends string>(crosswalk: StatusCrosswalk<S>): StatusCrosswalk<S> {
  for (const entry of crosswalk.toModel) Object.freeze(entry);
  for (const entry of crosswalk.fromModel) Object.freeze(entry);
  Object.freeze(crosswalk.toModel);
  Object.freeze(crosswalk.fromModel);
  return Object.freeze(crosswalk);
}

const OPENEMR_ATTENDANCE =
  'OpenEMR 5.0.1 therapy groups: list "attendstat" (Group Attendance Statuses), sql/5_0_0-to-5_0_1_upgrade.sql';
const OPENEMR_SESSION =
  'OpenEMR 5.0.1 therapy groups: list "groupstat" (Group Statuses), sql/5_0_0-to-5_0_1_upgrade.sql';
const PMM_ATTENDANCE =
  "Salesforce Program Management Module (PMM): ServiceDelivery__c.AttendanceStatus__c picklist (restricted)";
const PMM_SESSION = "Salesforce Program Management Module (PMM): ServiceSession__c.Status__c picklist (restricted)";

/**
 * OpenEMR therapy groups' attendance statuses (the Group Attendance form, list `attendstat`) and the library's
 * {@link AttendanceStatus}, both ways.
 *
 * A member's `x Cancelled` reads as `excused`: the member called off their place in advance. OpenEMR has no status
 * for leaving early, so `left-early` is written as `@ Attended` (the member attended), and reads back as `present`.
 *
 * @example
 * openEmrAttendanceCrosswalk.toModel.map((entry) => [entry.code, entry.status])
 * //=> [["-", "not-recorded"], ["@", "present"], ["?", "absent"], ["~", "late"], ["x", "excused"]]
 */
export const openEmrAttendanceCrosswalk: StatusCrosswalk<AttendanceStatus> = /* @__PURE__ */ freezeCrosswalk({
  system: 'OpenEMR therapy groups: participant attendance status (list "attendstat")',
  toModel: [
    { code: "-", label: "Not Reported", status: "not-recorded", source: OPENEMR_ATTENDANCE },
    { code: "@", label: "Attended", status: "present", source: OPENEMR_ATTENDANCE },
    { code: "?", label: "Did Not Attend", status: "absent", source: OPENEMR_ATTENDANCE },
    { code: "~", label: "Late Arrival", status: "late", source: OPENEMR_ATTENDANCE },
    {
      code: "x",
      label: "Cancelled",
      status: "excused",
      source: OPENEMR_ATTENDANCE,
      note: "A member's cancellation is notice given in advance: an excused absence, never a no-show.",
    },
  ],
  fromModel: [
    { status: "present", code: "@", label: "Attended", exact: true, source: OPENEMR_ATTENDANCE },
    { status: "late", code: "~", label: "Late Arrival", exact: true, source: OPENEMR_ATTENDANCE },
    {
      status: "left-early",
      code: "@",
      label: "Attended",
      exact: false,
      source: OPENEMR_ATTENDANCE,
      note: "OpenEMR has no status for leaving early; the member attended, so it reads back as present.",
    },
    { status: "excused", code: "x", label: "Cancelled", exact: true, source: OPENEMR_ATTENDANCE },
    { status: "absent", code: "?", label: "Did Not Attend", exact: true, source: OPENEMR_ATTENDANCE },
    { status: "not-recorded", code: "-", label: "Not Reported", exact: true, source: OPENEMR_ATTENDANCE },
  ],
});

/**
 * OpenEMR therapy groups' session statuses (a group encounter "took place" or "did not take place", list
 * `groupstat`) and the library's {@link SessionStatus}, both ways.
 *
 * `- None` and `< Not Reported` both read as `scheduled` (nobody has said the session was held). OpenEMR has one status
 * for a session that was not held, so `cancelled` is written as `> Did Not Take Place` and reads back as
 * `did-not-take-place`: both mean no attendance is due.
 *
 * @example
 * openEmrSessionCrosswalk.toModel.map((entry) => [entry.code, entry.status])
 * //=> [["-", "scheduled"], ["=", "held"], [">", "did-not-take-place"], ["<", "scheduled"]]
 */
export const openEmrSessionCrosswalk: StatusCrosswalk<SessionStatus> = /* @__PURE__ */ freezeCrosswalk({
  system: 'OpenEMR therapy groups: group appointment status (list "groupstat")',
  toModel: [
    { code: "-", label: "None", status: "scheduled", source: OPENEMR_SESSION },
    { code: "=", label: "Took Place", status: "held", source: OPENEMR_SESSION },
    { code: ">", label: "Did Not Take Place", status: "did-not-take-place", source: OPENEMR_SESSION },
    {
      code: "<",
      label: "Not Reported",
      status: "scheduled",
      source: OPENEMR_SESSION,
      note: "Nobody has recorded whether it took place: still scheduled, which parseGroupRecord warns about once past.",
    },
  ],
  fromModel: [
    { status: "scheduled", code: "-", label: "None", exact: true, source: OPENEMR_SESSION },
    { status: "held", code: "=", label: "Took Place", exact: true, source: OPENEMR_SESSION },
    {
      status: "cancelled",
      code: ">",
      label: "Did Not Take Place",
      exact: false,
      source: OPENEMR_SESSION,
      note: "OpenEMR does not tell a session called off in advance from one that did not take place.",
    },
    {
      status: "did-not-take-place",
      code: ">",
      label: "Did Not Take Place",
      exact: true,
      source: OPENEMR_SESSION,
    },
  ],
});

/**
 * The Salesforce Program Management Module's service delivery attendance statuses (`Present`, `Unexcused Absence`,
 * `Excused Absence`) and the library's {@link AttendanceStatus}, both ways.
 *
 * The picklist is optional, so a blank cell reads as `not-recorded` and `not-recorded` is written as a blank. The
 * module has no late or left-early status: both are written as `Present` and read back as `present`.
 *
 * @example
 * programManagementAttendanceCrosswalk.toModel.map((entry) => [entry.code, entry.status])
 * //=> [["Present", "present"], ["Unexcused Absence", "absent"], ["Excused Absence", "excused"], ["", "not-recorded"]]
 */
export const programManagementAttendanceCrosswalk: StatusCrosswalk<AttendanceStatus> = /* @__PURE__ */ freezeCrosswalk({
  system: "Salesforce Program Management Module: Service Delivery attendance status",
  toModel: [
    { code: "Present", label: "Present", status: "present", source: PMM_ATTENDANCE },
    { code: "Unexcused Absence", label: "Unexcused Absence", status: "absent", source: PMM_ATTENDANCE },
    { code: "Excused Absence", label: "Excused Absence", status: "excused", source: PMM_ATTENDANCE },
    {
      code: "",
      label: "",
      status: "not-recorded",
      source: PMM_ATTENDANCE,
      note: "The picklist is not required: a service delivery without a status has no attendance recorded.",
    },
  ],
  fromModel: [
    { status: "present", code: "Present", label: "Present", exact: true, source: PMM_ATTENDANCE },
    {
      status: "late",
      code: "Present",
      label: "Present",
      exact: false,
      source: PMM_ATTENDANCE,
      note: "The module has no late status; the member attended, so it reads back as present.",
    },
    {
      status: "left-early",
      code: "Present",
      label: "Present",
      exact: false,
      source: PMM_ATTENDANCE,
      note: "The module has no left-early status; the member attended, so it reads back as present.",
    },
    { status: "excused", code: "Excused Absence", label: "Excused Absence", exact: true, source: PMM_ATTENDANCE },
    {
      status: "absent",
      code: "Unexcused Absence",
      label: "Unexcused Absence",
      exact: true,
      source: PMM_ATTENDANCE,
    },
    { status: "not-recorded", code: "", label: "", exact: true, source: PMM_ATTENDANCE },
  ],
});

/**
 * The Salesforce Program Management Module's service session statuses (`Pending`, `Complete`, `Canceled`) and the
 * library's {@link SessionStatus}, both ways.
 *
 * The module has one status for a session that was not held, so `did-not-take-place` is written as `Canceled` and
 * reads back as `cancelled`.
 *
 * @example
 * programManagementSessionCrosswalk.toModel.map((entry) => [entry.code, entry.status])
 * //=> [["Pending", "scheduled"], ["Complete", "held"], ["Canceled", "cancelled"]]
 */
export const programManagementSessionCrosswalk: StatusCrosswalk<SessionStatus> = /* @__PURE__ */ freezeCrosswalk({
  system: "Salesforce Program Management Module: Service Session status",
  toModel: [
    { code: "Pending", label: "Pending", status: "scheduled", source: PMM_SESSION },
    { code: "Complete", label: "Complete", status: "held", source: PMM_SESSION },
    { code: "Canceled", label: "Canceled", status: "cancelled", source: PMM_SESSION },
  ],
  fromModel: [
    { status: "scheduled", code: "Pending", label: "Pending", exact: true, source: PMM_SESSION },
    { status: "held", code: "Complete", label: "Complete", exact: true, source: PMM_SESSION },
    { status: "cancelled", code: "Canceled", label: "Canceled", exact: true, source: PMM_SESSION },
    {
      status: "did-not-take-place",
      code: "Canceled",
      label: "Canceled",
      exact: false,
      source: PMM_SESSION,
      note: "The module does not tell a session that did not take place from one called off in advance.",
    },
  ],
});
