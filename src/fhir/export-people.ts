import type { Extension, HumanName, Patient, Practitioner } from "@medplum/fhirtypes";
import type { GroupRecord, Member } from "../model/index.js";
import { type ExportContext, identifiersOf, type PersonType, type WrittenResource } from "./export-parts.js";
import { resourceUuid } from "./ids.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Private to the FHIR export: one Patient or Practitioner per person of the record.

const EXTENSION = groupworkFhirUrls.extension;

/**
 * The resource type of every person: a Patient when they hold a membership as a member, are the subject of a consent
 * (R4 Consent.patient takes a Patient only), or hold no membership at all; otherwise (they only lead, observe or
 * interpret) a Practitioner.
 */
export function personTypesOf(record: GroupRecord): Map<string, PersonType> {
  const patients = new Set<string>();
  const withMembership = new Set<string>();
  for (const membership of record.memberships) {
    withMembership.add(membership.memberId);
    if (membership.role === "member") patients.add(membership.memberId);
  }
  for (const consent of record.consents) patients.add(consent.memberId);
  return new Map(
    record.members.map((member) => [
      member.id,
      patients.has(member.id) || !withMembership.has(member.id) ? "Patient" : "Practitioner",
    ]),
  );
}

/** The Patients and Practitioners, one per person, in `members` order. */
export function writePeople(context: ExportContext): WrittenResource[] {
  return context.record.members.map((member) =>
    context.personTypes.get(member.id) === "Practitioner" ? writePractitioner(member) : writePatient(member),
  );
}

function namesOf(member: Member): HumanName[] {
  const names: HumanName[] = [{ use: "official", text: member.displayName }];
  if (member.preferredName !== undefined) names.push({ use: "usual", text: member.preferredName });
  return names;
}

/** Pronouns, the interpreter flag (with the URL each resource type takes) and accessibility needs, each when set. */
function personExtensions(member: Member, interpreterUrl: string): Extension[] {
  const extensions: Extension[] = [];
  if (member.pronouns !== undefined) extensions.push({ url: EXTENSION.pronouns, valueString: member.pronouns });
  // Only when true: an absent flag reads as false.
  if (member.interpreterNeeded) extensions.push({ url: interpreterUrl, valueBoolean: true });
  for (const need of member.accessibilityNeeds) {
    extensions.push({ url: EXTENSION.accessibilityNeed, valueString: need });
  }
  return extensions;
}

function writePatient(member: Member): WrittenResource {
  const uuid = resourceUuid("Patient", member.id);
  // HL7's patient-interpreterRequired extension is defined on Patient only.
  const extension = personExtensions(member, HL7.interpreterRequired);
  const resource: Patient = {
    resourceType: "Patient",
    ...(extension.length > 0 ? { extension } : {}),
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.member, value: member.id }),
    name: namesOf(member),
    ...(member.birthDate !== undefined ? { birthDate: member.birthDate } : {}),
    ...(member.preferredLanguage !== undefined
      ? {
          communication: [
            { language: { coding: [{ system: HL7.bcp47, code: member.preferredLanguage }] }, preferred: true },
          ],
        }
      : {}),
  };
  return { uuid, resource };
}

function writePractitioner(member: Member): WrittenResource {
  const uuid = resourceUuid("Practitioner", member.id);
  const extension = personExtensions(member, EXTENSION.interpreterNeeded);
  const resource: Practitioner = {
    resourceType: "Practitioner",
    ...(extension.length > 0 ? { extension } : {}),
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.member, value: member.id }),
    name: namesOf(member),
    ...(member.birthDate !== undefined ? { birthDate: member.birthDate } : {}),
    // R4 Practitioner.communication is a list of CodeableConcepts, with no `preferred` flag.
    ...(member.preferredLanguage !== undefined
      ? { communication: [{ coding: [{ system: HL7.bcp47, code: member.preferredLanguage }] }] }
      : {}),
  };
  return { uuid, resource };
}
