import type { Assembly } from "./import-assembly.js";
import { type Entry, type ImportContext, identifierIn } from "./read-context.js";
import { codingsOf, type Extensions, Reader } from "./read-fields.js";
import { codeOrKind } from "./read-json.js";
import { PERSON_TYPES, recordId } from "./read-people.js";
import { groupworkFhirUrls, HL7 } from "./urls.js";

// Consent resources become the record's consents: who may receive which kinds of group information, for what, when.

const EXTENSION = groupworkFhirUrls.extension;
const CODE_SYSTEM = groupworkFhirUrls.codeSystem;

const CONSENT_EXTENSIONS = [EXTENSION.consentGrantor, EXTENSION.consentForm, EXTENSION.consentRevoked];
const PARTY_EXTENSIONS = [EXTENSION.partyKind, EXTENSION.partyOrganisation];

/** Where a consent's fields are in its Consent. */
const CONSENT_FIELDS = {
  memberId: ["patient"],
  validFrom: ["dateTime"],
  validUntil: ["provision", "period", "end"],
  revokedAt: ["extension"],
  recipients: ["provision", "actor"],
  purposes: ["provision", "purpose"],
  dataClasses: ["provision", "class"],
  withholdFrom: ["provision", "provision"],
  legalBasis: ["policyRule"],
};

/** Reads every Consent. */
export function readConsents(context: ImportContext, assembly: Assembly, people: ReadonlyMap<Entry, string>): void {
  for (const entry of context.ofType("Consent")) {
    const consent = Reader.of(context, entry);
    const patient = consent.reference("patient", PERSON_TYPES);
    const extensions = consent.extensions(CONSENT_EXTENSIONS);
    const item: Record<string, unknown> = {
      id: recordId(consent, groupworkFhirUrls.identifier.consent),
      memberId: patient === undefined ? undefined : people.get(patient),
      grantedBy: required(
        consent,
        extensions,
        EXTENSION.consentGrantor,
        "the consent-grantor extension (self, guardian or legal-representative)",
      ),
      form: required(
        consent,
        extensions,
        EXTENSION.consentForm,
        "the consent-form extension (written, verbal or electronic)",
      ),
    };
    readStatus(consent, extensions, item);
    const legalBasis = readLegalBasis(consent);
    if (legalBasis !== undefined) item["legalBasis"] = legalBasis;
    const provision = consent.object("provision", true);
    const period = provision?.object("period");
    const validFrom = consent.instant("dateTime") ?? period?.instant("start");
    if (validFrom === undefined) consent.missing("dateTime", "a consent needs the time it takes effect.");
    item["validFrom"] = validFrom;
    const validUntil = period?.instant("end");
    if (validUntil !== undefined) item["validUntil"] = validUntil;
    if (provision !== undefined) readProvision(provision, item);
    assembly.add("consents", item as never, consent, CONSENT_FIELDS);
  }
}

function required(consent: Reader, extensions: Extensions, url: string, what: string): string | undefined {
  const extension = extensions.first(url);
  if (extension === undefined) {
    consent.missing("extension", `${what} is missing; FHIR R4 Consent has no element for it.`);
    return undefined;
  }
  return extension.text("valueCode", true);
}

/** `active` is in force; `inactive` was revoked, at the time the consent-revoked extension gives. */
function readStatus(consent: Reader, extensions: Extensions, item: Record<string, unknown>): void {
  const status = consent.text("status", true);
  const revokedExtension = extensions.first(EXTENSION.consentRevoked);
  const revoked = revokedExtension?.instant("valueDateTime", true);
  if (revoked !== undefined) item["revokedAt"] = revoked;
  if (status === "inactive" && revokedExtension === undefined) {
    consent.missing(
      "extension",
      "an inactive Consent needs the consent-revoked extension, saying when it was revoked.",
    );
  } else if (status !== undefined && status !== "active" && status !== "inactive") {
    consent.error(
      "unsupported-code",
      consent.at("status"),
      `Consent.status is ${codeOrKind(status)}; only a consent in force ("active") or revoked ("inactive") is a group member's consent.`,
    );
  }
}

/** The legal basis in the library's code system; the HL7 OPTIN rule alone says that none was stated. */
function readLegalBasis(consent: Reader): string | undefined {
  for (const rule of [consent.object("policyRule")]) {
    for (const coding of codingsOf(rule)) {
      if (coding.node["system"] === CODE_SYSTEM.consentLegalBasis) return coding.text("code", true);
      if (coding.node["system"] === HL7.actCode && coding.node["code"] === "OPTIN") continue;
      coding.error(
        "unsupported-code",
        coding.path,
        `Consent.policyRule has a code the library does not read; use a legal basis of ${CODE_SYSTEM.consentLegalBasis}, or ${HL7.actCode} OPTIN for none.`,
      );
    }
  }
  return undefined;
}

function readProvision(provision: Reader, item: Record<string, unknown>): void {
  const type = provision.text("type");
  if (type !== undefined && type !== "permit") {
    provision.error(
      "invalid-value",
      provision.at("type"),
      'Consent.provision.type must be "permit": a group member\'s consent permits; those it must never reach are a nested "deny" provision.',
    );
  }
  item["recipients"] = provision.list("actor").map(party);
  item["purposes"] = codes(provision, "purpose", HL7.actReason);
  item["dataClasses"] = codes(provision, "class", CODE_SYSTEM.informationKind);
  item["withholdFrom"] = provision.list("provision").flatMap(withheld);
  unkept(provision, PERMIT_KEYS, "a group member's consent");
}

// The elements of a provision the reader keeps (FHIR R4 Consent.provision); any other (action, securityLabel, code,
// dataPeriod, data) limits the provision, and read without it the consent would differ from the source: broader, for
// a permit. A modifierExtension is reported with the resource's others.
const PERMIT_KEYS = [
  "id",
  "extension",
  "modifierExtension",
  "type",
  "period",
  "actor",
  "purpose",
  "class",
  "provision",
];
const DENY_KEYS = ["id", "extension", "modifierExtension", "type", "actor"];

/**
 * The parties a nested provision withholds from: a nested provision is an exception to its parent (FHIR R4
 * Consent.provision.provision), and the one the reader keeps is a "deny" to named actors, as the library writes for
 * those who must never receive the member's information. Any other is reported.
 */
function withheld(nested: Reader): Record<string, unknown>[] {
  const actors = nested.list("actor");
  if (nested.node["type"] !== "deny" || actors.length === 0) {
    nested.error(
      "invalid-value",
      nested.path,
      `${nested.element} is not a "deny" to named actors, the only exception the library keeps (for those who must never receive the member's information); read without it, the consent would permit more than the source.`,
    );
    return [];
  }
  if (!unkept(nested, DENY_KEYS, 'a "deny" to named actors')) return [];
  return actors.map(party);
}

/** Reports each element of `provision` outside `keys`; whether there was none. */
function unkept(provision: Reader, keys: readonly string[], kept: string): boolean {
  const others = Object.keys(provision.node).filter((key) => !keys.includes(key));
  for (const key of others) {
    provision.error(
      "invalid-value",
      provision.at(key),
      `${provision.name(key)} is not kept in ${kept}; read without it, the consent would not say whom it reaches, or for what, as the source does.`,
    );
  }
  return others.length === 0;
}

/** The codes of a list of Codings in `system`; a coding in another system is reported. */
function codes(provision: Reader, key: string, system: string): (string | undefined)[] {
  return provision.list(key).map((coding) => {
    if (coding.node["system"] === system) return coding.text("code", true);
    coding.error(
      "unsupported-code",
      coding.path,
      `${coding.element} is not coded in ${system}, the code system the library reads there.`,
    );
    return undefined;
  });
}

/** A party from a provision actor's Reference: kind (extension), id (identifier), name (display), organisation. */
function party(actor: Reader): Record<string, unknown> {
  const reference = actor.object("reference", true);
  const result: Record<string, unknown> = {};
  if (reference === undefined) return result;
  const extensions = reference.extensions(PARTY_EXTENSIONS);
  const kind = extensions.first(EXTENSION.partyKind);
  if (kind === undefined)
    reference.missing("extension", "the party-kind extension says what kind of recipient this is.");
  else result["kind"] = kind.text("valueCode", true);
  const identifier = reference.object("identifier");
  if (identifier !== undefined) {
    const id = identifierIn({ identifier: [identifier.node] }, groupworkFhirUrls.identifier.party);
    if (id !== undefined) result["id"] = id;
  }
  const name = reference.text("display");
  if (name !== undefined) result["name"] = name;
  const organisation = extensions.first(EXTENSION.partyOrganisation)?.text("valueString", true);
  if (organisation !== undefined) result["organisation"] = organisation;
  return result;
}
