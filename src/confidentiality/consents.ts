// Which consents on file speak to one disclosure. Shaped after FHIR R4 Consent (period, actor, purpose, data class,
// a deny provision) and Primero's consent fields (`disclosure_deny_details`); several consents combine
// deny-overrides, because any one withholding consent becomes a forbid while granting consents only ever permit.
// Private to the room: rules read what it finds as `facts.consents`, worked out once per request by the engine.
import type { Party } from "../model/index.js";
import { writtenConsentBases } from "../model/vocabulary/privacy-laws.js";
import { compareNames, type NameComparison } from "./party-names.js";
import type { DisclosureRecipient, DisclosureRequest } from "./request-types.js";
import type { ConsentFacts, ConsentNote, PartialMatch } from "./rule-types.js";

type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];

// 42 CFR 2.31(a) and 45 CFR 164.508(c) ask for a written, signed consent; an electronic signature counts.
const WRITTEN_BASES: ReadonlySet<unknown> = /* @__PURE__ */ new Set<unknown>(writtenConsentBases);

const NO_CONSENTS: ConsentFacts = /* @__PURE__ */ Object.freeze({
  granting: Object.freeze([]),
  withholding: Object.freeze([]),
  setAside: Object.freeze([]),
  partialMatches: Object.freeze([]),
});

/**
 * Why a consent is not in force at a moment (milliseconds since the epoch), or `null` when it is: it takes effect at
 * `validFrom`, holds up to and including `validUntil`, and stops at `revokedAt` (revocation wins from its moment on:
 * FHIR R4 Consent.provision.period; Primero's consent revocation). Its instants were checked when the request was read.
 */
export function outOfForce(consent: ConsentOnFile, moment: number): "expired" | "not-yet-valid" | "revoked" | null {
  if (consent.revokedAt !== undefined && !(Date.parse(consent.revokedAt) > moment)) return "revoked";
  if (consent.validUntil !== undefined && !(Date.parse(consent.validUntil) >= moment)) return "expired";
  if (!(Date.parse(consent.validFrom) <= moment)) return "not-yet-valid";
  return null;
}

// A field the party names must be known on the recipient and the same: a missing attribute never grants. Ids compare
// exactly, names and organisations as folded words in any order.
function fieldGrants(named: string | undefined, actual: string | undefined, exact: boolean): boolean {
  if (named === undefined) return true;
  if (actual === undefined) return false;
  return exact ? named === actual : compareNames(named, actual) === "same";
}

/**
 * Whether a party named in a consent's recipients is this recipient: the same kind, and every field the party names
 * known on the recipient and the same. Ids compare exactly. Names and organisations compare as their folded words, in
 * any order: case, accents, whitespace of any kind (tab, non-breaking or zero-width space), apostrophes and other
 * punctuation do not matter, so "delgado,  HÉCTOR" is Héctor Delgado, and titles and credentials ("Dr.", "MD") are set
 * aside. A partial name ("H. Delgado") is not enough: a grant reaches only a recipient known to be the party.
 */
export function partyIncludes(party: Readonly<Party>, recipient: DisclosureRecipient): boolean {
  return (
    party.kind === recipient.kind &&
    fieldGrants(party.id, recipient.id, true) &&
    fieldGrants(party.name, recipient.name, false) &&
    fieldGrants(party.organisation, recipient.organisation, false)
  );
}

/**
 * How a withholding reaches a recipient: `certain` (the same id or name), `partial-name` (only a partial name: "H.
 * Delgado" for Hector Delgado), `no-name` (no name or id on one side to compare, so the recipient may be anyone), or
 * `null` when the recipient is known to be someone else.
 */
type Reach = "certain" | "partial-name" | "no-name" | null;

function reachOf(comparison: NameComparison): Reach {
  return comparison === "same" ? "certain" : comparison === "partial" ? "partial-name" : null;
}

function withholdingReach(party: Readonly<Party>, recipient: DisclosureRecipient): Reach {
  // Ids known on both sides decide: the host knows its people.
  if (party.id !== undefined && recipient.id !== undefined) return party.id === recipient.id ? "certain" : null;
  if (party.id !== undefined || party.name !== undefined) {
    // A person (or body) named by name or id: only their names can tell them apart, under any kind, because the kind a
    // worker gives a person varies (a father is family, and may also be the person at risk).
    if (party.name === undefined || recipient.name === undefined) return "no-name";
    return reachOf(compareNames(party.name, recipient.name));
  }
  // A class of recipients ("any court", "Prairie Health Plan's staff"): the same kind, and the organisation not known
  // to be another.
  if (party.kind !== recipient.kind) return null;
  if (party.organisation === undefined || recipient.organisation === undefined) return "certain";
  return reachOf(compareNames(party.organisation, recipient.organisation));
}

/**
 * Whether a person a consent withholds from may be this recipient. Unknown facts count against disclosure (fail
 * closed):
 *
 * - when both carry an id, the ids decide;
 * - otherwise a person named in the consent may be any recipient whose name is not known, and any recipient whose name
 *   is consistent with theirs, whatever the recipient's kind: the same name folded (case, accents, whitespace of any
 *   kind, punctuation, word order: "Delgado,  Héctor."), or part of it ("Hector", "Delgado", "H. Delgado", "H D",
 *   "Hector J. Delgado"); a name with another word ("Maria Delgado", "Hector Smith") is someone else;
 * - a party named only by kind (and perhaps organisation) reaches every recipient of that kind whose organisation is
 *   not known to be another.
 */
export function partyMayBe(party: Readonly<Party>, recipient: DisclosureRecipient): boolean {
  return withholdingReach(party, recipient) !== null;
}

// Loops by index, here and below: this runs for every consent of every check, and the request's lists are frozen
// copies, which V8 walks far faster by index than with an iterator or a callback.
function anyParty(parties: readonly Readonly<Party>[], recipient: DisclosureRecipient): boolean {
  for (let index = 0; index < parties.length; index++) {
    if (partyIncludes(parties[index] as Readonly<Party>, recipient)) return true;
  }
  return false;
}

/**
 * How a consent's withholding reaches the recipient: `certain` when any party it names certainly is them, else the
 * parties the check cannot tell apart from them and why, or `null` when it does not reach them.
 */
function withholdingOf(
  parties: readonly Readonly<Party>[],
  recipient: DisclosureRecipient,
): "certain" | UnconfirmedWithholding[] | null {
  const unconfirmed: UnconfirmedWithholding[] = [];
  for (let index = 0; index < parties.length; index++) {
    const party = parties[index] as Readonly<Party>; // index < length
    const reach = withholdingReach(party, recipient);
    if (reach === "certain") return "certain";
    if (reach !== null) {
      // A party that reaches without certainty is named by name, id or (for a class of recipients) organisation.
      unconfirmed.push({ withheldName: party.name ?? party.id ?? party.organisation ?? party.kind, why: reach });
    }
  }
  return unconfirmed.length === 0 ? null : unconfirmed;
}

interface UnconfirmedWithholding {
  readonly withheldName: string;
  readonly why: "partial-name" | "no-name";
}

function byId(a: { readonly id: string }, b: { readonly id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function byConsentId(a: { readonly consentId: string }, b: { readonly consentId: string }): number {
  return a.consentId < b.consentId ? -1 : a.consentId > b.consentId ? 1 : 0;
}

/**
 * What the consents on file say about one disclosure: which grant it, which withhold it from this recipient, and
 * which would grant it but do not count (expired, revoked, not yet valid, or verbal where the law asks for writing).
 *
 * Only consents of the member the information is about count; information about the whole group has none. A
 * consent grants when it is in force at `at`, names this recipient, this purpose and this kind of information, and is
 * written or electronic if it is a HIPAA authorization or a 42 CFR Part 2 consent (45 CFR 164.508(c); 42 CFR
 * 2.31(a)). A consent withholds while it is in force, in whatever form it was given, from every recipient who may be
 * a person it names (see {@link partyMayBe}); where a recipient only partly matches a withheld name ("H. Delgado" for
 * Hector Delgado), `partialMatches` says so, so that the refusal can ask the worker to confirm who the recipient is.
 * The request is one read by readRequest, so its instants can be read.
 */
export function consentFacts(request: DisclosureRequest): ConsentFacts {
  const { consents, information, recipient, purpose, at } = request;
  if (consents === undefined || consents.length === 0 || information.memberId === undefined) return NO_CONSENTS;
  const moment = Date.parse(at);
  const granting: ConsentOnFile[] = [];
  const withholding: ConsentOnFile[] = [];
  const setAside: ConsentNote[] = [];
  const partialMatches: PartialMatch[] = [];
  for (let index = 0; index < consents.length; index++) {
    const consent = consents[index] as ConsentOnFile; // index < length
    if (consent.memberId !== information.memberId) continue;
    const notInForce = outOfForce(consent, moment);
    const withholds =
      notInForce === null && consent.withholdFrom !== undefined ? withholdingOf(consent.withholdFrom, recipient) : null;
    if (withholds !== null) {
      withholding.push(consent);
      if (withholds !== "certain") {
        for (const party of withholds) partialMatches.push({ consentId: consent.id, ...party });
      }
    }
    const covers =
      consent.dataClasses.includes(information.kind) &&
      consent.purposes.includes(purpose) &&
      anyParty(consent.recipients, recipient);
    if (!covers) continue;
    if (notInForce !== null) setAside.push({ consentId: consent.id, reason: notInForce });
    else if (consent.form === "verbal" && WRITTEN_BASES.has(consent.legalBasis)) {
      setAside.push({ consentId: consent.id, reason: "not-written" });
    } else granting.push(consent);
  }
  return {
    granting: granting.sort(byId),
    withholding: withholding.sort(byId),
    setAside: setAside.sort(byConsentId),
    // A stable sort: a consent's parties stay in the order the consent lists them.
    partialMatches: partialMatches.sort(byConsentId),
  };
}
