// The exceptions the law makes to confidentiality: a serious threat (45 CFR 164.512(j); Tarasoff), a mandated
// child-abuse report (state law; 164.512(b)), a court order (164.512(e)), a medical emergency (42 CFR 2.51), and the
// reviews the law requires or allows: the Secretary of HHS (164.502(a)(2)(ii)), health oversight (164.512(d)) and
// coroners (164.512(g)(1)). Each is a permit of its own and an `unless` inside the forbids it lifts, never a permit
// that beats a forbid.

import type { DisclosureRequest } from "../request-types.js";
import type { DisclosureRule, Truth } from "../rule-types.js";
import { allOf } from "../truth.js";
import { aboutTheMember, established, kindIs, purposeIs, recipientIs } from "./conditions.js";

/** Whether a serious and imminent threat is established and the disclosure is made to prevent it. */
export function threatToPrevent(request: DisclosureRequest): Truth {
  return allOf(established(request.circumstances?.imminentThreat), purposeIs(request, "THREAT"));
}

// 45 CFR 164.512(j)(1)(i): to persons reasonably able to prevent or lessen the threat, the target included; NASW
// 1.07(c) least amount, 1.07(d) tell the client when feasible. Where the jurisdiction gives no warning exception
// (`dutyToWarn: "none"`), HIPAA's permission is "consistent with applicable law" only, so the check fails closed.
/** Rule 7: disclosure to prevent a serious and imminent threat is permitted where the jurisdiction allows it. */
export const seriousThreatDisclosure: DisclosureRule = {
  id: "serious-threat-disclosure",
  effect: "permit",
  description:
    "To prevent a serious and imminent threat, the worker may tell the person at risk, emergency services or the police the least they need.",
  source: "45 CFR 164.512(j); NASW Code of Ethics 1.07(c), 1.07(d)",
  obligations: ["MINEC", "document", "notify-client"],
  advice: "Tell only what prevents the harm, write down what you told whom and why, and tell the member when safe.",
  when: (request, facts) =>
    allOf(
      threatToPrevent(request),
      recipientIs(request, "person-at-risk", "law-enforcement", "emergency-services"),
      aboutTheMember(request),
      facts.jurisdiction.dutyToWarn !== "none",
    ),
};

// Tarasoff v. Regents of the University of California (1976) and the state statutes after it: where warning is a
// duty, the worker must warn the person at risk or tell the police.
/** Rule 7: where state law makes warning a duty, warning the person at risk or the police is required. */
export const dutyToWarn: DisclosureRule = {
  id: "duty-to-warn",
  effect: "permit",
  description:
    "State law makes it a duty to warn the person at risk or tell the police of a serious and imminent threat.",
  source: "Tarasoff v. Regents of the University of California (1976); state duty-to-warn law; 45 CFR 164.512(j)",
  obligations: ["MINEC", "document", "notify-client"],
  advice: "This jurisdiction makes warning a duty: warn the person at risk or the police now, and document it.",
  when: (request, facts) =>
    allOf(
      threatToPrevent(request),
      recipientIs(request, "person-at-risk", "law-enforcement"),
      aboutTheMember(request),
      facts.jurisdiction.dutyToWarn === "mandatory",
    ),
};

/** Whether this is the mandated report of suspected child abuse to child protective services. */
export function mandatedChildAbuseReport(request: DisclosureRequest): Truth {
  return allOf(
    established(request.circumstances?.suspectedChildAbuse),
    recipientIs(request, "child-protective-services"),
    purposeIs(request, "PUBHLTH", "HLEGAL"),
  );
}

// State reporting laws make the report a duty that overrides the group's agreement (NASW 1.01 and 1.07(c)); HIPAA
// allows it as a disclosure to an authority that receives child-abuse reports (164.512(b)(1)(ii)).
/** Rule 8: suspected child abuse is reported to child protective services, whatever the group agreed. */
export const childAbuseReport: DisclosureRule = {
  id: "mandated-child-abuse-report",
  effect: "permit",
  description: "Suspected child abuse is reported to child protective services, whatever the group agreed.",
  source: "State mandated-reporting law; 45 CFR 164.512(b)(1)(ii); NASW Code of Ethics 1.01, 1.07(c)",
  obligations: ["MINEC", "document"],
  advice: "Make the report the law requires, share what the report needs, and document it.",
  when: (request) => allOf(mandatedChildAbuseReport(request), aboutTheMember(request)),
};

// 45 CFR 164.512(e)(1)(i): an order of a court, disclosing only what it expressly authorises; 42 CFR 2.64 for Part 2.
/** A court order that covers the disclosure permits it to the court. */
export const courtOrder: DisclosureRule = {
  id: "court-order",
  effect: "permit",
  description: "A court order permits disclosing to the court exactly what the order covers.",
  source: "45 CFR 164.512(e)(1)(i); 42 CFR 2.64",
  obligations: ["MINEC", "document", "notify-client"],
  advice: "Disclose only what the order expressly covers; ask counsel about privilege first.",
  when: (request) =>
    allOf(established(request.circumstances?.courtOrder), recipientIs(request, "court"), purposeIs(request, "HLEGAL")),
};

// 42 CFR 2.51: in a medical emergency, medical personnel may receive what they need to treat; for other records this
// is treatment (45 CFR 164.506(c)(2)).
/** In a medical emergency, emergency services may receive what they need to treat the member. */
export const medicalEmergency: DisclosureRule = {
  id: "medical-emergency",
  effect: "permit",
  description: "In a medical emergency, emergency services may receive what they need to treat the member.",
  source: "42 CFR 2.51; 45 CFR 164.506(c)(2)",
  obligations: ["MINEC", "document", "notify-client"],
  advice: "Give the responders what they need to treat, and record who received what.",
  when: (request) =>
    allOf(
      established(request.circumstances?.medicalEmergency),
      recipientIs(request, "emergency-services"),
      purposeIs(request, "ETREAT"),
      kindIs(request, "attendance", "progress-note", "risk-statement", "self-disclosure"),
    ),
};

/**
 * Whether this is a review the law requires or allows without consent: the Secretary of HHS, a health oversight agency
 * or a coroner or medical examiner, for HLEGAL (45 CFR 164.502(a)(2)(ii); 164.512(d), (g)(1)).
 */
export function reviewTheLawAllows(request: DisclosureRequest): Truth {
  return allOf(
    recipientIs(request, "hhs-secretary", "health-oversight", "coroner-or-medical-examiner"),
    purposeIs(request, "HLEGAL"),
  );
}

// 45 CFR 164.502(a)(2)(ii) and 160.310(c): the agency must give the Secretary of HHS what a compliance review or a
// complaint investigation needs; minimum necessary does not apply (164.502(b)(2)(iv)). A disclosure "to comply with
// the law", so HLEGAL.
/** The Secretary of HHS receives what a review of the agency's HIPAA compliance needs. */
export const hhsComplianceReview: DisclosureRule = {
  id: "hhs-compliance-review",
  effect: "permit",
  description:
    "The Secretary of Health and Human Services receives what a review or investigation of the agency's compliance needs.",
  source: "45 CFR 164.502(a)(2)(ii); 45 CFR 160.310(c)",
  obligations: ["document"],
  advice: "Give the Office for Civil Rights what its review asks for, and record what went.",
  when: (request) => allOf(recipientIs(request, "hhs-secretary"), purposeIs(request, "HLEGAL")),
};

// 45 CFR 164.512(d)(1): a health oversight agency (a licensing board, a state agency) may receive what its oversight
// activities, authorised by law, need; minimum necessary applies. Psychotherapy notes only where the oversight is of
// their originator (164.508(a)(2)(ii)), which process-note-needs-authorization holds.
/** A health oversight agency may receive what its oversight, authorised by law, needs. */
export const healthOversight: DisclosureRule = {
  id: "health-oversight",
  effect: "permit",
  description:
    "A health oversight agency may receive what an audit, inspection or licensing review authorised by law needs.",
  source: "45 CFR 164.512(d)(1)",
  obligations: ["MINEC", "document"],
  advice: "Share only what the oversight activity needs, and record the disclosure for the member's accounting.",
  when: (request) => allOf(recipientIs(request, "health-oversight"), purposeIs(request, "HLEGAL")),
};

// 45 CFR 164.512(g)(1): a coroner or medical examiner may receive what identifying a deceased person, determining a
// cause of death or their other duties under law need.
/** A coroner or medical examiner may receive what their duties under law need. */
export const coronerOrMedicalExaminer: DisclosureRule = {
  id: "coroner-or-medical-examiner",
  effect: "permit",
  description:
    "A coroner or medical examiner may receive what identifying a deceased person or determining a cause of death needs.",
  source: "45 CFR 164.512(g)(1)",
  obligations: ["MINEC", "document"],
  advice: "Share only what the coroner's inquiry needs, and record the disclosure.",
  when: (request) => allOf(recipientIs(request, "coroner-or-medical-examiner"), purposeIs(request, "HLEGAL")),
};
