// Which consents on file speak to one disclosure. Shaped after FHIR R4 Consent (period, actor, purpose, data class,
// a deny provision) and Primero's consent fields (`disclosure_deny_details`); several consents combine
// deny-overrides, because any one withholding consent becomes a forbid while granting consents only ever permit.
import { GroupworkError, describeValue } from "../_lib/errors.js";
import { instantMillis } from "./instants.js";
import type { ConsentFacts, ConsentNote } from "./rule-types.js";
import type { ConsentOnFile, ConsentParty, DisclosureRecipient, DisclosureRequest } from "./types.js";

// 42 CFR 2.31(a) and 45 CFR 164.508(c) ask for a written, signed consent; an electronic signature counts. The same
// bases the model warns about (`consent-not-written`).
const WRITTEN_BASES: ReadonlySet<string> = /* @__PURE__ */ new Set(["hipaa-authorization", "42-cfr-part-2"]);

const NO_CONSENTS: ConsentFacts = /* @__PURE__ */ Object.freeze({
  granting: Object.freeze([]),
  withholding: Object.freeze([]),
  setAside: Object.freeze([]),
});

/**
 * Whether a consent is in force at a moment: taken effect, not expired, not revoked.
 *
 * It takes effect at `validFrom`, holds up to and including `validUntil`, and stops at `revokedAt` (revocation wins
 * from its moment on; FHIR R4 Consent; DOMAIN.md §4 rule 14).
 *
 * @param consent - the consent on file
 * @param at - the moment of the disclosure, an ISO 8601 instant with an offset
 * @throws {GroupworkError} `invalid-argument` when `at` is not a moment that can be read
 * @returns why it is not in force (`not-yet-valid`, `expired` or `revoked`), or `null` when it is
 * @example
 * consentOutOfForce(sampleGroupRecord.consents[0], "2027-03-01T09:00:00-06:00")
 * //=> "expired"
 */
export function consentOutOfForce(consent: ConsentOnFile, at: string): "expired" | "not-yet-valid" | "revoked" | null {
  const moment = instantMillis(at);
  if (Number.isNaN(moment)) {
    throw new GroupworkError(
      "invalid-argument",
      `consentOutOfForce: at must be an ISO 8601 instant, not ${describeValue(at)}.`,
    );
  }
  if (consent.revokedAt !== undefined && !(instantMillis(consent.revokedAt) > moment)) return "revoked";
  if (consent.validUntil !== undefined && !(instantMillis(consent.validUntil) >= moment)) return "expired";
  // Written as "not (from <= moment)" so an unreadable instant keeps the consent out of force.
  if (!(instantMillis(consent.validFrom) <= moment)) return "not-yet-valid";
  return null;
}

function sameText(a: string, b: string): boolean {
  return a === b || a.trim().normalize("NFC").toLowerCase() === b.trim().normalize("NFC").toLowerCase();
}

// A field the party names must be known on the recipient and agree: a missing attribute never grants.
function fieldGrants(named: string | undefined, actual: string | undefined, exact: boolean): boolean {
  if (named === undefined) return true;
  if (actual === undefined) return false;
  return exact ? named === actual : sameText(named, actual);
}

/**
 * Whether a party named in a consent's recipients is this recipient: the same kind, and every field the party names
 * (id exactly; name and organisation ignoring case and surrounding spaces) known on the recipient and equal.
 *
 * @param party - a recipient named in a consent
 * @param recipient - who would receive the information
 * @returns `true` when the consent's grant reaches this recipient
 * @example
 * partyIncludes(
 *   { kind: "outside-provider", organisation: "Lakeside Family Medicine" },
 *   { kind: "outside-provider", organisation: "lakeside family medicine" },
 * )
 * //=> true
 */
export function partyIncludes(party: ConsentParty, recipient: DisclosureRecipient): boolean {
  return (
    party.kind === recipient.kind &&
    fieldGrants(party.id, recipient.id, true) &&
    fieldGrants(party.name, recipient.name, false) &&
    fieldGrants(party.organisation, recipient.organisation, false)
  );
}

// A field that is known on both sides and differs tells the two apart; an unknown one does not (fail closed).
function fieldDiffers(named: string | undefined, actual: string | undefined, exact: boolean): boolean {
  if (named === undefined || actual === undefined) return false;
  return exact ? named !== actual : !sameText(named, actual);
}

/**
 * Whether a person a consent withholds from may be this recipient: the same id or name whatever the kind, or the
 * same kind with no named field known to differ. Unknown fields count against disclosure (fail closed).
 *
 * @param party - a person named in a consent's `withholdFrom`
 * @param recipient - who would receive the information
 * @returns `true` when the withholding reaches this recipient
 * @example
 * [
 *   partyMayBe({ kind: "family-or-guardian", name: "Mark Hoffmann" }, { kind: "family-or-guardian", name: "Katrin Hoffmann" }),
 *   partyMayBe({ kind: "family-or-guardian", name: "Mark Hoffmann" }, { kind: "family-or-guardian" }),
 * ]
 * //=> [false, true]
 */
export function partyMayBe(party: ConsentParty, recipient: DisclosureRecipient): boolean {
  if (party.id !== undefined && party.id === recipient.id) return true;
  if (party.name !== undefined && recipient.name !== undefined && sameText(party.name, recipient.name)) return true;
  return (
    party.kind === recipient.kind &&
    !fieldDiffers(party.id, recipient.id, true) &&
    !fieldDiffers(party.name, recipient.name, false) &&
    !fieldDiffers(party.organisation, recipient.organisation, false)
  );
}

// A loop rather than `some` with a closure: this runs for every consent of every check.
function anyParty(
  parties: readonly ConsentParty[],
  recipient: DisclosureRecipient,
  reaches: (party: ConsentParty, recipient: DisclosureRecipient) => boolean,
): boolean {
  for (const party of parties) if (reaches(party, recipient)) return true;
  return false;
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What the consents on file say about one disclosure: which grant it, which withhold it from this recipient, and
 * which would grant it but do not count (expired, revoked, not yet valid, or verbal where the law asks for writing).
 *
 * Only consents of the member the information is about count; information about the whole group has none. A
 * consent grants when it is in force at `at`, names this recipient, this purpose and this kind of information, and is
 * written or electronic if it is a HIPAA authorization or a 42 CFR Part 2 consent (45 CFR 164.508(c); 42 CFR
 * 2.31(a)). A consent withholds while it is in force, in whatever form it was given.
 *
 * @param request - the disclosure request, with its consents on file
 * @throws {GroupworkError} `invalid-argument` when the request's `at` is not a moment that can be read and a consent
 *   of its member is on file
 * @returns the granting and withholding consents and the notes on those set aside, each sorted by consent id
 * @example
 * const facts = matchConsents({
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-10T10:00:00-05:00",
 * });
 * facts.granting.map((consent) => consent.id)
 * //=> ["c-hope-pcp"]
 */
export function matchConsents(request: DisclosureRequest): ConsentFacts {
  const { consents, information, recipient, purpose, at } = request;
  if (consents === undefined || consents.length === 0 || information.memberId === undefined) return NO_CONSENTS;
  const granting: ConsentOnFile[] = [];
  const withholding: ConsentOnFile[] = [];
  const setAside: ConsentNote[] = [];
  for (const consent of consents) {
    if (consent.memberId !== information.memberId) continue;
    const outOfForce = consentOutOfForce(consent, at);
    if (
      outOfForce === null &&
      consent.withholdFrom !== undefined &&
      anyParty(consent.withholdFrom, recipient, partyMayBe)
    ) {
      withholding.push(consent);
    }
    const covers =
      consent.dataClasses.includes(information.kind) &&
      consent.purposes.includes(purpose) &&
      anyParty(consent.recipients, recipient, partyIncludes);
    if (!covers) continue;
    if (outOfForce !== null) setAside.push({ consentId: consent.id, reason: outOfForce });
    else if (consent.form === "verbal" && WRITTEN_BASES.has(consent.legalBasis ?? "")) {
      setAside.push({ consentId: consent.id, reason: "not-written" });
    } else granting.push(consent);
  }
  return {
    granting: granting.sort(byId),
    withholding: withholding.sort(byId),
    setAside: setAside.sort((a, b) => (a.consentId < b.consentId ? -1 : a.consentId > b.consentId ? 1 : 0)),
  };
}
