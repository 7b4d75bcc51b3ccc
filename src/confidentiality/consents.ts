// Which consents on file speak to one disclosure. Shaped after FHIR R4 Consent (period, actor, purpose, data class,
// a deny provision) and Primero's consent fields (`disclosure_deny_details`); several consents combine
// deny-overrides, because any one withholding consent becomes a forbid while granting consents only ever permit.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { instantMillis } from "./instants.js";
import { compareNames, type NameComparison } from "./party-names.js";
import { requestProblems } from "./request-check.js";
import type { ConsentFacts, ConsentNote, PartialMatch } from "./rule-types.js";
import type { ConsentOnFile, ConsentParty, DisclosureRecipient, DisclosureRequest } from "./types.js";
import { isWellFormedConsent, isWellFormedParty } from "./well-formed.js";

// 42 CFR 2.31(a) and 45 CFR 164.508(c) ask for a written, signed consent; an electronic signature counts. The same
// bases the model warns about (`consent-not-written`).
const WRITTEN_BASES: ReadonlySet<string> = /* @__PURE__ */ new Set(["hipaa-authorization", "42-cfr-part-2"]);

const NO_CONSENTS: ConsentFacts = /* @__PURE__ */ Object.freeze({
  granting: Object.freeze([]),
  withholding: Object.freeze([]),
  setAside: Object.freeze([]),
  partialMatches: Object.freeze([]),
});

/**
 * Whether a consent is in force at a moment: taken effect, not expired, not revoked.
 *
 * It takes effect at `validFrom`, holds up to and including `validUntil`, and stops at `revokedAt` (revocation wins
 * from its moment on: FHIR R4 Consent.provision.period; Primero's consent revocation).
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
  if (!isWellFormedConsent(consent)) {
    throw new GroupworkError(
      "invalid-argument",
      `consentOutOfForce: consent must be a consent on file as ConsentOnFile describes it; got ${describeValue(consent)}.`,
    );
  }
  return whyOutOfForce(consent, at, "consentOutOfForce");
}

type OutOfForce = "expired" | "not-yet-valid" | "revoked" | null;

// The reading behind consentOutOfForce, for a consent already known to be well formed.
function whyOutOfForce(consent: ConsentOnFile, at: string, caller: string): OutOfForce {
  const moment = instantMillis(at);
  if (Number.isNaN(moment)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: at must be an ISO 8601 instant, not ${describeValue(at)}.`,
    );
  }
  if (consent.revokedAt !== undefined && !(instantMillis(consent.revokedAt) > moment)) return "revoked";
  if (consent.validUntil !== undefined && !(instantMillis(consent.validUntil) >= moment)) return "expired";
  // Written as "not (from <= moment)" so an unreadable instant keeps the consent out of force.
  if (!(instantMillis(consent.validFrom) <= moment)) return "not-yet-valid";
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
 * aside. A partial name ("H. Delgado") is not enough: a
 * grant reaches only a recipient known to be the party.
 *
 * @param party - a recipient named in a consent
 * @param recipient - who would receive the information
 * @returns `true` when the consent's grant reaches this recipient
 * @example
 * const osei = { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" };
 * [
 *   partyIncludes(osei, { kind: "outside-provider", name: "Osei, Amara (Dr)", organisation: "lakeside family medicine" }),
 *   partyIncludes(osei, { kind: "outside-provider", name: "Dr. A. Osei", organisation: "Lakeside Family Medicine" }),
 * ]
 * //=> [true, false]
 */
export function partyIncludes(party: ConsentParty, recipient: DisclosureRecipient): boolean {
  checkParties("partyIncludes", party, recipient);
  return includes(party, recipient);
}

// Whether a party is a recipient or a person withheld from, named as a party is (kind, id, name, organisation).
function checkParties(caller: string, party: unknown, recipient: unknown): void {
  if (!isWellFormedParty(party)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: party must be a party with a known recipient kind and text id, name and organisation; got ${describeValue(party)}.`,
    );
  }
  if (!isWellFormedParty(recipient)) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: recipient must be a recipient with a known kind and text id, name and organisation; got ${describeValue(recipient)}.`,
    );
  }
}

function includes(party: ConsentParty, recipient: DisclosureRecipient): boolean {
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

function withholdingReach(party: ConsentParty, recipient: DisclosureRecipient): Reach {
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
 *
 * @param party - a person named in a consent's `withholdFrom`
 * @param recipient - who would receive the information
 * @returns `true` when the withholding reaches this recipient
 * @example
 * const hector = { kind: "family-or-guardian", name: "Hector Delgado" };
 * [
 *   partyMayBe(hector, { kind: "family-or-guardian", name: "Delgado,\u00a0Héctor." }),
 *   partyMayBe(hector, { kind: "public", name: "H. Delgado" }),
 *   partyMayBe(hector, { kind: "payer" }),
 *   partyMayBe(hector, { kind: "family-or-guardian", name: "Maria Delgado" }),
 * ]
 * //=> [true, true, true, false]
 */
export function partyMayBe(party: ConsentParty, recipient: DisclosureRecipient): boolean {
  checkParties("partyMayBe", party, recipient);
  return withholdingReach(party, recipient) !== null;
}

// A loop rather than `some` with a closure: this runs for every consent of every check.
function anyParty(parties: readonly ConsentParty[], recipient: DisclosureRecipient): boolean {
  for (const party of parties) if (includes(party, recipient)) return true;
  return false;
}

/**
 * How a consent's withholding reaches the recipient: `certain` when any party it names certainly is them, else the
 * parties the check cannot tell apart from them and why, or `null` when it does not reach them.
 */
function withholdingOf(
  parties: readonly ConsentParty[],
  recipient: DisclosureRecipient,
): "certain" | UnconfirmedWithholding[] | null {
  const unconfirmed: UnconfirmedWithholding[] = [];
  for (const party of parties) {
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
 *
 * @param request - the disclosure request, with its consents on file
 * @throws {GroupworkError} `invalid-argument` when the request's `at` is not a moment that can be read and a consent
 *   of its member is on file
 * @returns the granting and withholding consents, the notes on those set aside and the partial name matches, each
 *   sorted by consent id
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
  const [problem] = requestProblems(request);
  if (problem !== undefined) {
    throw new GroupworkError("invalid-argument", `matchConsents: the request is not well formed: ${problem.message}`);
  }
  return consentFacts(request);
}

/** What the consents on file say about a request already known to be well formed. Not exported from the package. */
export function consentFacts(request: DisclosureRequest): ConsentFacts {
  const { consents, information, recipient, purpose, at } = request;
  if (consents === undefined || consents.length === 0 || information.memberId === undefined) return NO_CONSENTS;
  const granting: ConsentOnFile[] = [];
  const withholding: ConsentOnFile[] = [];
  const setAside: ConsentNote[] = [];
  const partialMatches: PartialMatch[] = [];
  for (const consent of consents) {
    if (consent.memberId !== information.memberId) continue;
    const outOfForce = whyOutOfForce(consent, at, "matchConsents");
    const withholds =
      outOfForce === null && consent.withholdFrom !== undefined ? withholdingOf(consent.withholdFrom, recipient) : null;
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
    if (outOfForce !== null) setAside.push({ consentId: consent.id, reason: outOfForce });
    else if (consent.form === "verbal" && WRITTEN_BASES.has(consent.legalBasis ?? "")) {
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
