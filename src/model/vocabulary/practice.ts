import { defineVocabulary } from "./define.js";

// Toseland & Rivas, An Introduction to Group Work Practice (treatment vs task groups); OpenEMR therapy groups.
/**
 * Kinds of group a social worker runs (Toseland & Rivas' treatment and task groups, plus self-help).
 *
 * @example
 * groupKinds.entries.find((entry) => entry.code === "self-help")?.definition
 * //=> "A peer-led group in which members, not a professional, run the meetings."
 */
export const groupKinds = /* @__PURE__ */ defineVocabulary({
  id: "GroupKind",
  name: "Group kinds",
  source:
    "Toseland & Rivas, An Introduction to Group Work Practice (treatment and task groups); OpenEMR therapy groups",
  entries: [
    { code: "support", label: "Support", definition: "Members help one another cope with a shared life stressor." },
    {
      code: "therapy",
      label: "Therapy",
      definition: "Members work on personal problems and change with a clinically trained worker.",
    },
    {
      code: "psychoeducation",
      label: "Psychoeducation",
      definition: "Members learn about a condition or situation and how to manage it.",
    },
    { code: "skills", label: "Skills", definition: "Members practise specific behaviours, such as parenting skills." },
    {
      code: "socialisation",
      label: "Socialisation",
      definition: "Members build social and relationship skills through shared activity.",
    },
    {
      code: "growth",
      label: "Growth",
      definition: "Members develop their potential and self-awareness rather than remedy a problem.",
    },
    {
      code: "task",
      label: "Task",
      definition: "A group formed to achieve an outcome outside its members, such as a team or committee.",
    },
    {
      code: "self-help",
      label: "Self-help",
      definition: "A peer-led group in which members, not a professional, run the meetings.",
    },
  ],
});

/**
 * Whether a group admits new members after it starts (Toseland & Rivas).
 *
 * @example
 * membershipTypes.entries.find((entry) => entry.code === "closed")?.definition
 * //=> "A fixed cohort that starts together and meets for a planned number of sessions."
 */
export const membershipTypes = /* @__PURE__ */ defineVocabulary({
  id: "MembershipType",
  name: "Membership types",
  source: "Toseland & Rivas; OpenEMR therapy groups",
  entries: [
    {
      code: "closed",
      label: "Closed",
      definition: "A fixed cohort that starts together and meets for a planned number of sessions.",
    },
    { code: "open", label: "Open", definition: "Members join and leave on a rolling basis." },
  ],
});

/**
 * Whether members attend by choice or by requirement (court, school, employer).
 *
 * @example
 * participationTypes.entries.find((entry) => entry.code === "mandatory")?.definition
 * //=> "Members are required to attend, for example by a court or an agency plan."
 */
export const participationTypes = /* @__PURE__ */ defineVocabulary({
  id: "ParticipationType",
  name: "Participation types",
  source: "OpenEMR therapy groups (mandatory and optional participation)",
  entries: [
    {
      code: "mandatory",
      label: "Mandatory",
      definition: "Members are required to attend, for example by a court or an agency plan.",
    },
    { code: "optional", label: "Optional", definition: "Members attend by their own choice." },
  ],
});

/**
 * How a session stands: planned, held, or not held (FHIR Appointment/Encounter; OpenEMR).
 *
 * @example
 * // Neither a cancelled session nor one that did not take place is ever an absence
 * sessionStatuses.entries.find((entry) => entry.code === "cancelled")?.definition
 * //=> "Called off in advance; it is never an absence for members."
 */
export const sessionStatuses = /* @__PURE__ */ defineVocabulary({
  id: "SessionStatus",
  name: "Session statuses",
  source: "FHIR R4 Appointment and Encounter; OpenEMR therapy groups (Took Place / Did Not Take Place)",
  entries: [
    { code: "scheduled", label: "Scheduled", definition: "Planned and not yet recorded as held." },
    { code: "held", label: "Held", definition: "The session took place." },
    { code: "cancelled", label: "Cancelled", definition: "Called off in advance; it is never an absence for members." },
    {
      code: "did-not-take-place",
      label: "Did not take place",
      definition: "Planned but not held (for example, the facilitator was ill); never an absence for members.",
    },
  ],
});

/**
 * How members meet in a session.
 *
 * @example
 * sessionModes.entries.find((entry) => entry.code === "hybrid")?.definition
 * //=> "Some members are in the room and some join remotely."
 */
export const sessionModes = /* @__PURE__ */ defineVocabulary({
  id: "SessionMode",
  name: "Session modes",
  source: "Case-management practice; FHIR R4 Encounter.class (VR, virtual) for remote sessions",
  entries: [
    { code: "in-person", label: "In person", definition: "Everyone meets in the same room." },
    { code: "virtual", label: "Virtual", definition: "Everyone joins by video or telephone." },
    { code: "hybrid", label: "Hybrid", definition: "Some members are in the room and some join remotely." },
  ],
});

/**
 * Interventions a worker uses inside a session (Toseland & Rivas, the middle stage of treatment groups).
 *
 * @example
 * interventions.entries.find((entry) => entry.code === "experiential")?.definition
 * //=> "Activities such as role play, art or movement that work through experience."
 */
export const interventions = /* @__PURE__ */ defineVocabulary({
  id: "Intervention",
  name: "Interventions",
  source: "Toseland & Rivas, An Introduction to Group Work Practice (interventions in treatment groups)",
  entries: [
    {
      code: "cognitive-behavioural",
      label: "Cognitive-behavioural",
      definition: "Work on the links between thoughts, feelings and behaviour.",
    },
    {
      code: "psychoeducation",
      label: "Psychoeducation",
      definition: "Teaching about a condition, its course and ways to cope.",
    },
    {
      code: "mindfulness",
      label: "Mindfulness",
      definition: "Practices of present-moment, non-judging attention.",
    },
    {
      code: "experiential",
      label: "Experiential",
      definition: "Activities such as role play, art or movement that work through experience.",
    },
    {
      code: "skills-practice",
      label: "Skills practice",
      definition: "Rehearsing a concrete skill with feedback from the group.",
    },
    { code: "other", label: "Other", definition: "An intervention not in this list; describe it in the topic." },
  ],
});

/**
 * Whether a member was there, as recorded per session; `attended` says how each status counts.
 *
 * @example
 * // Late arrivals and early leavers attended; "not-recorded" counts as neither attended nor absent
 * const counted = (attended: boolean | null) =>
 *   attendanceStatuses.entries.filter((entry) => entry.attended === attended);
 * [counted(true).map((entry) => entry.code), counted(null).map((entry) => entry.code)]
 * //=> [["present", "late", "left-early"], ["not-recorded"]]
 */
export const attendanceStatuses = /* @__PURE__ */ defineVocabulary({
  id: "AttendanceStatus",
  name: "Attendance statuses",
  source:
    "OpenEMR therapy groups, Salesforce Program Management Module, SimplePractice, FHIR R4 Appointment; late arrivals count as attended",
  entries: [
    { code: "present", label: "Present", definition: "Attended the session.", attended: true },
    {
      code: "late",
      label: "Late",
      definition: "Attended, arriving after the start; counts as attended and is also counted on its own.",
      attended: true,
    },
    {
      code: "left-early",
      label: "Left early",
      definition: "Attended, leaving before the end; counts as attended.",
      attended: true,
    },
    {
      code: "excused",
      label: "Excused",
      definition: "Absent with notice or a reason the group accepts; whether it counts as offered is a choice.",
      attended: false,
    },
    { code: "absent", label: "Absent", definition: "Did not attend and gave no notice (a no-show).", attended: false },
    {
      code: "not-recorded",
      label: "Not recorded",
      definition: "Nobody recorded whether the member attended; neither attended nor absent.",
      attended: null,
    },
  ],
});

/**
 * Why a membership ended.
 *
 * @example
 * // Planned and unplanned exits (Swift & Greenberg 2012)
 * exitReasons.codes
 * //=> ["completed", "dropped-out", "transferred", "removed", "other"]
 */
export const exitReasons = /* @__PURE__ */ defineVocabulary({
  id: "ExitReason",
  name: "Exit reasons",
  source: "Swift & Greenberg, J Consult Clin Psychol 80(4), 2012 (planned and unplanned exits)",
  entries: [
    {
      code: "completed",
      label: "Completed",
      definition:
        "Finished as planned: stayed to the group's planned end or, in an open group, to the end of their own plan.",
    },
    {
      code: "dropped-out",
      label: "Dropped out",
      definition: "Left before the planned end without an agreed plan (an unplanned exit).",
    },
    { code: "transferred", label: "Transferred", definition: "Moved to another group or service by plan." },
    { code: "removed", label: "Removed", definition: "Asked to leave by the worker or agency." },
    { code: "other", label: "Other", definition: "Any other reason; record it in the host system." },
  ],
});
