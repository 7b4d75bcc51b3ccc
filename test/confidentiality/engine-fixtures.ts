// Requests and rules for the engine's tests, written out by hand so each test says exactly what it relies on.
import { consentFacts } from "../../src/confidentiality/consents";
import type { ConsentFacts, DisclosureRequest, DisclosureRule, RuleCondition } from "../../src/confidentiality/index";
import { readRequest } from "../../src/confidentiality/read-request";

/** A consent as a request carries it: the model's wire form of a consent. */
export type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];

/** A plain, valid request: Hope's attendance, to an outside provider, for coordination of care. */
export function request(overrides: Partial<DisclosureRequest> = {}): DisclosureRequest {
  return {
    information: {
      kind: "attendance",
      memberId: "m-hope",
      groupId: "g-grief",
      labels: { confidentiality: "N", sensitivity: [], law: [] },
    },
    recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
    purpose: "COC",
    at: "2026-03-10T10:00:00-05:00",
    ...overrides,
  };
}

/** A written consent from Hope to Dr. Osei for attendance and coordination of care, in force all of 2026. */
export function consent(overrides: Partial<ConsentOnFile> = {}): ConsentOnFile {
  return {
    id: "c-1",
    memberId: "m-hope",
    grantedBy: "self",
    recipients: [{ kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }],
    purposes: ["COC", "TREAT"],
    dataClasses: ["attendance", "progress-note"],
    validFrom: "2026-01-01T00:00:00-05:00",
    validUntil: "2026-12-31T23:59:59-05:00",
    form: "written",
    legalBasis: "hipaa-authorization",
    ...overrides,
  };
}

const always: RuleCondition = () => true;

/** A rule with the given id and effect that holds always, unless the overrides say otherwise. */
export function rule(id: string, effect: "permit" | "forbid", overrides: Partial<DisclosureRule> = {}): DisclosureRule {
  return {
    id,
    effect,
    description: `Rule ${id} ${effect}s.`,
    source: `Test source ${id}`,
    obligations: [],
    when: always,
    ...overrides,
  };
}

/** Freezes a value and everything it holds, so a test can prove nothing was changed. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<PropertyKey, unknown>)[key]);
  }
  return value;
}

/**
 * What the consents on file say about a request, as the engine hands it to rules (`facts.consents`): the request read
 * as checkDisclosure reads it, then matched. Throws when the request is not well formed, so a test cannot pass on one.
 */
export function matchConsents(asked: DisclosureRequest): ConsentFacts {
  const read = readRequest(asked);
  if (!read.ok) throw new Error(`not a well-formed request: ${read.problems[0]?.message}`);
  return consentFacts(read.request);
}
