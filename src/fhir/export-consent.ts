import type {
  CodeableConcept,
  ConsentProvisionActor,
  Extension,
  Consent as FhirConsent,
  Patient,
} from "@medplum/fhirtypes";
import type { Consent, Party } from "../model/index.js";
import { withSeconds } from "./export-instants.js";
import { type ExportContext, identifiersOf, referenceTo, type WrittenResource } from "./export-parts.js";
import { resourceUuid } from "./ids.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Private to the FHIR export: one R4 Consent per consent of the record.

const EXTENSION = groupworkFhirUrls.extension;

/** The role of a party who may receive, or must not receive, the information: HL7 v3 IRCP, information recipient. */
function recipientRole(): CodeableConcept {
  return { coding: [{ system: HL7.participationType, code: "IRCP" }] };
}

/**
 * A party as an R4 Reference with no `reference` (a logical one): their name as `display`, the host's id for them as
 * `identifier`, their kind and organisation in extensions.
 */
function partyReference(party: Party): ConsentProvisionActor["reference"] {
  const extension: Extension[] = [{ url: EXTENSION.partyKind, valueCode: party.kind }];
  if (party.organisation !== undefined) {
    extension.push({ url: EXTENSION.partyOrganisation, valueString: party.organisation });
  }
  return {
    extension,
    ...(party.id !== undefined ? { identifier: { system: groupworkFhirUrls.identifier.party, value: party.id } } : {}),
    ...(party.name !== undefined ? { display: party.name } : {}),
  };
}

function actorsOf(parties: readonly Party[]): ConsentProvisionActor[] {
  return parties.map((party) => ({ role: recipientRole(), reference: partyReference(party) }));
}

/** Every consent, in record order. */
export function writeConsents(context: ExportContext): WrittenResource[] {
  return context.record.consents.map((consent) => writeConsent(context, consent));
}

function writeConsent(context: ExportContext, consent: Consent): WrittenResource {
  const uuid = resourceUuid("Consent", context.record.group.id, consent.id);
  const extension: Extension[] = [
    { url: EXTENSION.consentGrantor, valueCode: consent.grantedBy },
    { url: EXTENSION.consentForm, valueCode: consent.form },
  ];
  if (consent.revokedAt !== undefined) {
    extension.push({ url: EXTENSION.consentRevoked, valueDateTime: withSeconds(consent.revokedAt) });
  }
  const validFrom = withSeconds(consent.validFrom);
  const resource: FhirConsent = {
    resourceType: "Consent",
    extension,
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.consent, value: consent.id }),
    status: consent.revokedAt !== undefined ? "inactive" : "active",
    scope: { coding: [{ system: HL7.consentScope, code: "patient-privacy" }] },
    // LOINC 64292-6, "Release of information consent".
    category: [{ coding: [{ system: HL7.loinc, code: "64292-6" }] }],
    // The subject of a consent is always written as a Patient (see personTypesOf).
    patient: referenceTo<Patient>("Patient", resourceUuid("Patient", consent.memberId)),
    dateTime: validFrom,
    // R4 needs a policy or a policy rule (ppc-1); OPTIN ("opt-in") stands for a consent given under no stated law.
    policyRule: {
      coding: [
        consent.legalBasis !== undefined
          ? { system: groupworkFhirUrls.codeSystem.consentLegalBasis, code: consent.legalBasis }
          : { system: HL7.actCode, code: "OPTIN" },
      ],
    },
    provision: {
      type: "permit",
      period: {
        start: validFrom,
        ...(consent.validUntil !== undefined ? { end: withSeconds(consent.validUntil) } : {}),
      },
      actor: actorsOf(consent.recipients),
      purpose: consent.purposes.map((code) => ({ system: HL7.actReason, code })),
      class: consent.dataClasses.map((code) => ({ system: groupworkFhirUrls.codeSystem.informationKind, code })),
      // A party the member asked never to receive their information: a nested deny (R4 Consent.provision.provision).
      ...(consent.withholdFrom.length > 0
        ? { provision: [{ type: "deny", actor: actorsOf(consent.withholdFrom) }] }
        : {}),
    },
  };
  return { uuid, resource };
}
