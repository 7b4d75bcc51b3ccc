// The canonical URLs the library defines for FHIR R4: its code systems, its extensions, and the identifier systems
// that carry a host's own ids. They are stable: a Bundle written by one version of the library is read by the next.

/** Where every canonical URL of the library starts. */
const BASE = "https://groupwork.dev/fhir";

/**
 * The canonical URLs of the code systems, extensions and identifier systems the library writes into FHIR R4
 * resources, for a host that reads or profiles them.
 *
 * Code systems hold the library's own vocabularies (a facilitation role, an attendance status, a kind of group
 * information) where HL7 has none. Extensions carry what R4 has no element for, such as a group's time zone or a
 * member's arrival status. Identifier systems hold the host's own ids, so a Bundle can be matched to the record it
 * came from.
 *
 * @example
 * // A facilitation role is coded in the library's own code system
 * groupworkFhirUrls.codeSystem.facilitationRole
 * //=> "https://groupwork.dev/fhir/CodeSystem/facilitation-role"
 */
export const groupworkFhirUrls = /* @__PURE__ */ Object.freeze({
  base: BASE,
  codeSystem: Object.freeze({
    facilitationRole: `${BASE}/CodeSystem/facilitation-role`,
    groupKind: `${BASE}/CodeSystem/group-kind`,
    attendanceStatus: `${BASE}/CodeSystem/attendance-status`,
    informationKind: `${BASE}/CodeSystem/information-kind`,
    consentLegalBasis: `${BASE}/CodeSystem/consent-legal-basis`,
  }),
  extension: Object.freeze({
    groupPurpose: `${BASE}/StructureDefinition/group-purpose`,
    membershipType: `${BASE}/StructureDefinition/membership-type`,
    participationType: `${BASE}/StructureDefinition/participation-type`,
    plannedSessions: `${BASE}/StructureDefinition/planned-sessions`,
    capacity: `${BASE}/StructureDefinition/capacity`,
    timeZone: `${BASE}/StructureDefinition/time-zone`,
    groupPeriod: `${BASE}/StructureDefinition/group-period`,
    stageModel: `${BASE}/StructureDefinition/stage-model`,
    agreement: `${BASE}/StructureDefinition/agreement`,
    stageEvent: `${BASE}/StructureDefinition/stage-event`,
    membershipInactive: `${BASE}/StructureDefinition/membership-inactive`,
    exitReason: `${BASE}/StructureDefinition/exit-reason`,
    pronouns: `${BASE}/StructureDefinition/pronouns`,
    interpreterNeeded: `${BASE}/StructureDefinition/interpreter-needed`,
    accessibilityNeed: `${BASE}/StructureDefinition/accessibility-need`,
    sessionSequence: `${BASE}/StructureDefinition/session-sequence`,
    sessionMode: `${BASE}/StructureDefinition/session-mode`,
    sessionStatus: `${BASE}/StructureDefinition/session-status`,
    intervention: `${BASE}/StructureDefinition/intervention`,
    attendanceStatus: `${BASE}/StructureDefinition/attendance-status`,
    turn: `${BASE}/StructureDefinition/turn`,
    interactionAct: `${BASE}/StructureDefinition/interaction-act`,
    consentGrantor: `${BASE}/StructureDefinition/consent-grantor`,
    consentForm: `${BASE}/StructureDefinition/consent-form`,
    consentRevoked: `${BASE}/StructureDefinition/consent-revoked`,
    partyKind: `${BASE}/StructureDefinition/party-kind`,
    partyOrganisation: `${BASE}/StructureDefinition/party-organisation`,
  }),
  identifier: Object.freeze({
    member: `${BASE}/NamingSystem/member-id`,
    group: `${BASE}/NamingSystem/group-id`,
    session: `${BASE}/NamingSystem/session-id`,
    consent: `${BASE}/NamingSystem/consent-id`,
    party: `${BASE}/NamingSystem/party-id`,
  }),
});

/** HL7 and other published systems the mapping uses, written once. */
export const HL7 = Object.freeze({
  participationType: "http://terminology.hl7.org/CodeSystem/v3-ParticipationType",
  confidentiality: "http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
  actCode: "http://terminology.hl7.org/CodeSystem/v3-ActCode",
  actReason: "http://terminology.hl7.org/CodeSystem/v3-ActReason",
  observationValue: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
  consentScope: "http://terminology.hl7.org/CodeSystem/consentscope",
  loinc: "http://loinc.org",
  bcp47: "urn:ietf:bcp:47",
  uri: "urn:ietf:rfc:3986",
  interpreterRequired: "http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired",
});
