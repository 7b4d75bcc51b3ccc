import { defineVocabulary } from "./define.js";

const PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
const PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/participant-type";

// No standard code system exists for facilitation roles, so the library defines its own and maps each to the code a
// FHIR R4 Encounter.participant.type takes (the encounter-participant-type value set): PPRF primary performer and SPRF
// secondary performer for those who lead, PART (a participant, unqualified) for members and observers, and translator
// for interpreters. ATND ("attender") is not used: in HL7 it is the practitioner responsible for the patient's care.
/**
 * Roles a person holds in a group's membership, with the FHIR Encounter participant type each maps to.
 *
 * @example
 * // Who leads the group, and the FHIR Encounter participant type a facilitator maps to
 * const leads = facilitationRoles.entries.filter((entry) => entry.facilitates).map((entry) => entry.code);
 * [leads, facilitationRoles.entries[0].encounterParticipantType.code]
 * //=> [["facilitator", "co-facilitator", "peer-facilitator"], "PPRF"]
 */
export const facilitationRoles = /* @__PURE__ */ defineVocabulary({
  id: "FacilitationRole",
  name: "Facilitation roles",
  source:
    "groupwork's own list (no standard exists); mapped to FHIR R4 encounter-participant-type (HL7 v3 ParticipationType and participant-type)",
  entries: [
    {
      code: "facilitator",
      label: "Facilitator",
      definition: "The trained worker who leads the group and holds clinical responsibility for it.",
      facilitates: true,
      encounterParticipantType: { system: PARTICIPATION_TYPE, code: "PPRF" },
    },
    {
      code: "co-facilitator",
      label: "Co-facilitator",
      definition: "A second worker who shares the leading of the group.",
      facilitates: true,
      encounterParticipantType: { system: PARTICIPATION_TYPE, code: "SPRF" },
    },
    {
      code: "peer-facilitator",
      label: "Peer facilitator",
      definition: "A person with lived experience who helps lead the group alongside or instead of a professional.",
      facilitates: true,
      encounterParticipantType: { system: PARTICIPATION_TYPE, code: "SPRF" },
    },
    {
      code: "member",
      label: "Member",
      definition: "A client who takes part in the group.",
      facilitates: false,
      encounterParticipantType: { system: PARTICIPATION_TYPE, code: "PART" },
    },
    {
      code: "observer",
      label: "Observer or trainee",
      definition: "A person present to learn or observe, with the group's agreement, who does not lead.",
      facilitates: false,
      encounterParticipantType: { system: PARTICIPATION_TYPE, code: "PART" },
    },
    {
      code: "interpreter",
      label: "Interpreter",
      definition: "A person who interprets for one or more members and is bound by the group's confidentiality.",
      facilitates: false,
      encounterParticipantType: { system: PARTICIPANT_TYPE, code: "translator" },
    },
  ],
});

// Benne, K. D. & Sheats, P. (1948). Functional roles of group members. Journal of Social Issues 4(2):41–49.
// Definitions below are our own summaries. In therapy groups self-confessor and help-seeker can be clinically
// appropriate, so the third family keeps Benne & Sheats's own name, "individual roles", never "bad" roles.
/**
 * The 27 functional roles of Benne & Sheats (1948), each with its family.
 *
 * @example
 * // 27 roles: 12 task, 7 building-and-maintenance and 8 individual
 * const perFamily = functionalRoleFamilies.codes.map(
 *   (family) => functionalRoles.entries.filter((entry) => entry.family === family).length,
 * );
 * [functionalRoles.codes.length, perFamily]
 * //=> [27, [12, 7, 8]]
 */
export const functionalRoles = /* @__PURE__ */ defineVocabulary({
  id: "FunctionalRole",
  name: "Functional roles (Benne & Sheats)",
  source: "Benne & Sheats, Functional roles of group members, Journal of Social Issues 4(2), 1948",
  entries: [
    {
      code: "initiator-contributor",
      family: "task",
      label: "Initiator-contributor",
      definition: "Proposes new ideas, goals or ways of approaching the group's problem.",
    },
    {
      code: "information-seeker",
      family: "task",
      label: "Information seeker",
      definition: "Asks for facts and clarification relevant to the problem.",
    },
    {
      code: "opinion-seeker",
      family: "task",
      label: "Opinion seeker",
      definition: "Asks for the values and views behind what is suggested.",
    },
    {
      code: "information-giver",
      family: "task",
      label: "Information giver",
      definition: "Offers facts or relates their own experience to the problem.",
    },
    {
      code: "opinion-giver",
      family: "task",
      label: "Opinion giver",
      definition: "States a belief or view about what the group should value or do.",
    },
    {
      code: "elaborator",
      family: "task",
      label: "Elaborator",
      definition: "Develops suggestions with examples and works out how they would play out.",
    },
    {
      code: "coordinator",
      family: "task",
      label: "Coordinator",
      definition: "Shows how ideas relate and pulls contributions together.",
    },
    {
      code: "orienter",
      family: "task",
      label: "Orienter",
      definition: "Summarises where the group is relative to its goals.",
    },
    {
      code: "evaluator-critic",
      family: "task",
      label: "Evaluator-critic",
      definition: "Weighs the group's work against a standard.",
    },
    {
      code: "energizer",
      family: "task",
      label: "Energizer",
      definition: "Prods the group towards action or a decision.",
    },
    {
      code: "procedural-technician",
      family: "task",
      label: "Procedural technician",
      definition: "Handles logistics such as materials, seating and scheduling.",
    },
    {
      code: "recorder",
      family: "task",
      label: "Recorder",
      definition: "Writes down suggestions and decisions: the group's memory.",
    },
    {
      code: "encourager",
      family: "building-and-maintenance",
      label: "Encourager",
      definition: "Praises and accepts others' contributions warmly.",
    },
    {
      code: "harmonizer",
      family: "building-and-maintenance",
      label: "Harmonizer",
      definition: "Mediates differences and eases tension between members.",
    },
    {
      code: "compromiser",
      family: "building-and-maintenance",
      label: "Compromiser",
      definition: "Yields status or admits error to keep the group together.",
    },
    {
      code: "gatekeeper-and-expediter",
      family: "building-and-maintenance",
      label: "Gatekeeper and expediter",
      definition: "Keeps channels open and invites quieter members in.",
    },
    {
      code: "standard-setter",
      family: "building-and-maintenance",
      label: "Standard setter",
      definition: "Names standards for the group to aim at or to judge its process by.",
    },
    {
      code: "group-observer-and-commentator",
      family: "building-and-maintenance",
      label: "Group observer and commentator",
      definition: "Notices the group's process and feeds it back to the group.",
    },
    {
      code: "follower",
      family: "building-and-maintenance",
      label: "Follower",
      definition: "Goes along with the group and serves as an audience.",
    },
    {
      code: "aggressor",
      family: "individual",
      label: "Aggressor",
      definition: "Deflates others' status or attacks the group or its work.",
    },
    {
      code: "blocker",
      family: "individual",
      label: "Blocker",
      definition: "Resists beyond reason or returns to issues the group has settled.",
    },
    {
      code: "recognition-seeker",
      family: "individual",
      label: "Recognition-seeker",
      definition: "Draws attention to themselves.",
    },
    {
      code: "self-confessor",
      family: "individual",
      label: "Self-confessor",
      definition:
        "Uses the group to express personal feelings unrelated to its task; in therapy groups this can be the work itself.",
    },
    {
      code: "playboy",
      family: "individual",
      label: "Playboy",
      definition: "Displays detachment or play that signals non-involvement (the 1948 term).",
    },
    {
      code: "dominator",
      family: "individual",
      label: "Dominator",
      definition: "Tries to assert authority or control over others.",
    },
    {
      code: "help-seeker",
      family: "individual",
      label: "Help-seeker",
      definition: "Seeks sympathy or reassurance; in therapy groups this can be clinically appropriate.",
    },
    {
      code: "special-interest-pleader",
      family: "individual",
      label: "Special interest pleader",
      definition: "Speaks for an outside group or interest to cover their own concerns.",
    },
  ],
});

/**
 * The three families of Benne & Sheats' functional roles.
 *
 * @example
 * // "individual", never "bad": in a therapy group a self-confessor may be doing the work itself
 * functionalRoleFamilies.codes
 * //=> ["task", "building-and-maintenance", "individual"]
 */
export const functionalRoleFamilies = /* @__PURE__ */ defineVocabulary({
  id: "FunctionalRoleFamily",
  name: "Functional role families (Benne & Sheats)",
  source: "Benne & Sheats, Journal of Social Issues 4(2), 1948",
  entries: [
    {
      code: "task",
      label: "Task roles",
      definition: "Roles that help the group select, define and solve its problem.",
    },
    {
      code: "building-and-maintenance",
      label: "Building and maintenance roles",
      definition: "Roles that strengthen and sustain the group as a group.",
    },
    {
      code: "individual",
      label: "Individual roles",
      definition: "Roles that meet a member's own needs rather than the group's task or maintenance.",
    },
  ],
});
