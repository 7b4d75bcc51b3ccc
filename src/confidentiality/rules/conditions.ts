// Small conditions the default rules share. Each returns a Truth: `undefined` when a fact it needs is missing, so the
// engine can read it the safe way (a missing fact never grants, never lifts a forbid).
import type { InformationKind, PurposeOfUse, RecipientKind } from "../../model/index.js";
import type { DisclosureRequest } from "../request-types.js";
import type { ConsentFacts, DisclosureFacts, Truth } from "../rule-types.js";

// The three helpers below take up to four codes as separate parameters rather than a rest array: they run for every
// rule on every check, and a rest parameter would build an array each time.

/** Whether the recipient is one of these kinds (up to four). */
export function recipientIs(
  request: DisclosureRequest,
  a: RecipientKind,
  b?: RecipientKind,
  c?: RecipientKind,
  d?: RecipientKind,
): boolean {
  const kind = request.recipient.kind;
  return kind === a || (b !== undefined && (kind === b || kind === c || kind === d));
}

/** Whether the purpose is one of these (up to four). */
export function purposeIs(
  request: DisclosureRequest,
  a: PurposeOfUse,
  b?: PurposeOfUse,
  c?: PurposeOfUse,
  d?: PurposeOfUse,
): boolean {
  const purpose = request.purpose;
  return purpose === a || (b !== undefined && (purpose === b || purpose === c || purpose === d));
}

/** Whether the information is one of these kinds (up to four; see {@link aboutTheMember} for the usual five). */
export function kindIs(
  request: DisclosureRequest,
  a: InformationKind,
  b?: InformationKind,
  c?: InformationKind,
  d?: InformationKind,
): boolean {
  const kind = request.information.kind;
  return kind === a || (b !== undefined && (kind === b || kind === c || kind === d));
}

// What a warning or a report may carry: what the member said and what was written about them; never the roster or
// the group's attendance, which would tell the recipient about other members (least amount, NASW 1.07(c)).
const ABOUT_THE_MEMBER: ReadonlySet<InformationKind> = /* @__PURE__ */ new Set<InformationKind>([
  "abuse-report",
  "process-note",
  "progress-note",
  "risk-statement",
  "self-disclosure",
]);

/** Whether the information is about the member alone: a note, a disclosure, a risk statement or an abuse report. */
export function aboutTheMember(request: DisclosureRequest): boolean {
  return ABOUT_THE_MEMBER.has(request.information.kind);
}

/** A fact that is `true`, `false` or not known. */
export function fact(value: boolean | undefined): Truth {
  return value;
}

/**
 * Whether the recipient stands outside the program: not agency staff and not the member the information is about.
 * 42 CFR 2.12(c)(3) lets the program's own staff share among themselves; 2.23 lets a patient see their own record.
 * Unknown when either fact is missing and the other does not settle it.
 */
export function outsideProgram(request: DisclosureRequest): Truth {
  const { withinAgency, isSubject } = request.recipient;
  if (withinAgency === true || isSubject === true) return false;
  if (withinAgency === false && isSubject === false) return true;
  return undefined;
}

/** Whether a consent in force covers this exact disclosure. */
export function consentGrants(facts: DisclosureFacts): boolean {
  return facts.consents.granting.length > 0;
}

/** Whether a 42 CFR Part 2 consent in force covers this exact disclosure (the engine checked it is written). */
export function part2ConsentGrants(facts: DisclosureFacts): boolean {
  return facts.consents.granting.some((consent) => consent.legalBasis === "42-cfr-part-2");
}

/** Whether a consent given by the member themselves covers this exact disclosure. */
export function ownConsentGrants(facts: DisclosureFacts): boolean {
  return facts.consents.granting.some((consent) => consent.grantedBy === "self");
}

/** Whether a circumstance is established; absent means not established. */
export function established(value: boolean | undefined): boolean {
  return value === true;
}

/** Whether a consent names this kind of information and no other. */
function namesOnly(consent: ConsentFacts["granting"][number], kind: InformationKind): boolean {
  // By index: a consent's lists are frozen copies, which V8 walks far faster by index than with a callback.
  for (let index = 0; index < consent.dataClasses.length; index++)
    if (consent.dataClasses[index] !== kind) return false;
  return true;
}

/**
 * Whether a HIPAA authorization or a Part 2 consent in force covers this exact disclosure and names process notes
 * alone: an authorization for psychotherapy notes may be combined only with another authorization for them (45 CFR
 * 164.508(b)(3)(ii)), so one that also covers the rest of the record does not open them. A note labelled a
 * psychotherapy note but filed under another kind is opened by no authorization: file it as a `process-note`.
 */
export function separateAuthorizationGrants(_: DisclosureRequest, facts: DisclosureFacts): boolean {
  return facts.consents.granting.some(
    (consent) =>
      (consent.legalBasis === "hipaa-authorization" || consent.legalBasis === "42-cfr-part-2") &&
      namesOnly(consent, "process-note"),
  );
}

/**
 * Whether a Part 2 consent in force covers this exact disclosure and names this kind of information alone: a consent
 * for SUD counseling notes may be combined only with another consent for them (42 CFR 2.31(b)), so a general Part 2
 * consent for treatment, payment and operations does not reach them.
 */
export function separatePart2ConsentGrants(request: DisclosureRequest, facts: DisclosureFacts): boolean {
  return facts.consents.granting.some(
    (consent) => consent.legalBasis === "42-cfr-part-2" && namesOnly(consent, request.information.kind),
  );
}
