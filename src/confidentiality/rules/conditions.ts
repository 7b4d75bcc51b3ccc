// Small conditions the default rules share. Each returns a Truth: `undefined` when a fact it needs is missing, so the
// engine can read it the safe way (a missing fact never grants, never lifts a forbid).
import type { InformationKind, PurposeOfUse, RecipientKind } from "../../model/index.js";
import type { DisclosureFacts, DisclosureRequest, Truth } from "../types.js";

/** Whether the recipient is one of these kinds. */
export function recipientIs(request: DisclosureRequest, ...kinds: readonly RecipientKind[]): boolean {
  return kinds.includes(request.recipient.kind);
}

/** Whether the purpose is one of these. */
export function purposeIs(request: DisclosureRequest, ...purposes: readonly PurposeOfUse[]): boolean {
  return purposes.includes(request.purpose);
}

/** Whether the information is one of these kinds. */
export function kindIs(request: DisclosureRequest, ...kinds: readonly InformationKind[]): boolean {
  return kinds.includes(request.information.kind);
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

/** Whether a HIPAA authorization or a Part 2 consent in force covers this exact disclosure (45 CFR 164.508). */
export function writtenAuthorizationGrants(facts: DisclosureFacts): boolean {
  return facts.consents.granting.some(
    (consent) => consent.legalBasis === "hipaa-authorization" || consent.legalBasis === "42-cfr-part-2",
  );
}
