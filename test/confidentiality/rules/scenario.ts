// Builders for the named scenarios: a request about the sample group's members with every fact the rules read
// stated, and an assertion on the four things a scenario pins (effect, basis, determining rules, obligations).
import type { InformationKind, PurposeOfUse, RecipientKind } from "groupwork";
import type {
  DisclosureDecision,
  DisclosureInformation,
  DisclosureRecipient,
  DisclosureRequest,
} from "groupwork/confidentiality";
import { checkDisclosure } from "groupwork/confidentiality";
import { sampleGroupRecord } from "groupwork/sample";
import { expect } from "vitest";

/** A consent as a request carries it. */
type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];

/** The sample group's consents as plain JSON. */
export const sampleConsents: readonly ConsentOnFile[] = sampleGroupRecord.consents;

/** A moment in the sample group's life when Hope's, Aroha's and Lena's consents are in force and Jamal's is not. */
export const AT = "2026-04-10T10:00:00-05:00";

const INSIDE: readonly RecipientKind[] = ["facilitator", "co-facilitator", "supervisor", "agency-staff"];

/** A recipient with every fact stated: inside the agency for staff kinds, nobody's subject, no facilitator role. */
export function recipient(kind: RecipientKind, facts: Partial<DisclosureRecipient> = {}): DisclosureRecipient {
  return {
    kind,
    isSubject: false,
    activeFacilitator: false,
    isOriginator: false,
    withinAgency: INSIDE.includes(kind),
    ...facts,
  };
}

/** Information about a member of the sample group, unlabelled beyond HL7 "normal". */
export function information(
  kind: InformationKind,
  memberId = "m-hope",
  more: Partial<DisclosureInformation> = {},
): DisclosureInformation {
  return {
    kind,
    memberId,
    groupId: "g-grief-2026",
    authorId: "f-rivera",
    labels: { confidentiality: "N", sensitivity: [], law: [] },
    ...more,
  };
}

/** Labels of a substance use disorder record (42 CFR Part 2). */
export const SUD_LABELS = { confidentiality: "R", sensitivity: ["SUD"], law: ["42CFRPart2"] } as const;

/** A consent by the member covering exactly one recipient, purpose and kind, in force all of 2026. */
export function consentFor(
  memberId: string,
  party: { kind: RecipientKind; name?: string },
  purpose: PurposeOfUse,
  kind: InformationKind,
  more: Partial<ConsentOnFile> = {},
): ConsentOnFile {
  return {
    id: `c-${memberId}-${party.kind}`,
    memberId,
    grantedBy: "self",
    recipients: [party],
    purposes: [purpose],
    dataClasses: [kind],
    validFrom: "2026-01-01T00:00:00-06:00",
    validUntil: "2026-12-31T23:59:59-06:00",
    form: "written",
    legalBasis: "hipaa-authorization",
    ...more,
  };
}

/** A request at {@link AT} with no circumstances, no consents and the adult subject stated. */
export function request(
  info: DisclosureInformation,
  to: DisclosureRecipient,
  purpose: PurposeOfUse,
  more: Partial<DisclosureRequest> = {},
): DisclosureRequest {
  return {
    information: info,
    recipient: to,
    purpose,
    at: AT,
    consents: [],
    subject: { minor: false, consentedToOwnCare: false },
    ...more,
  };
}

/** What a scenario pins about a decision. */
export interface Expected {
  readonly effect: DisclosureDecision["effect"];
  readonly basis: DisclosureDecision["basis"];
  readonly determiningRules: readonly string[];
  readonly obligations?: readonly string[];
}

/** Decides the request with the default policy and checks effect, basis, determining rules and obligations. */
export function expectDecision(req: DisclosureRequest, expected: Expected): DisclosureDecision {
  const decision = checkDisclosure(req);
  expect({
    effect: decision.effect,
    basis: decision.basis,
    determiningRules: decision.determiningRules,
    obligations: decision.obligations,
  }).toEqual({ obligations: [], ...expected });
  // Each deciding rule gives one reason naming it; a default deny gives the single no-rule-permits reason.
  expect(decision.reasons.map((reason) => reason.ruleId ?? reason.code)).toEqual(
    expected.determiningRules.length > 0 ? expected.determiningRules : ["no-rule-permits"],
  );
  return decision;
}

/** A default deny: no rule permits and none forbids. */
export const DEFAULT_DENY: Expected = { effect: "deny", basis: "default-deny", determiningRules: [] };

/** A deny by these forbid rules. */
export function forbiddenBy(...rules: string[]): Expected {
  return { effect: "deny", basis: "explicit-forbid", determiningRules: rules };
}

/** A permit by these rules with these obligations. */
export function permittedBy(rules: string[], obligations: string[] = []): Expected {
  return { effect: "permit", basis: "explicit-permit", determiningRules: rules, obligations };
}
