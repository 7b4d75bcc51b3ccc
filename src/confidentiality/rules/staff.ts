// Uses inside the agency: the facilitators' treatment (45 CFR 164.506(c)(1)), supervision and training (164.501,
// health care operations; NASW Code of Ethics 1.07(u) on teaching and training), and the agency's legal defence
// (164.508(a)(2)(i)(C)).

import type { DisclosureRule } from "../rule-types.js";
import { allOf, negate } from "../truth.js";
import { consentGrants, fact, purposeIs, recipientIs } from "./conditions.js";

// 45 CFR 164.506(c)(1) lets a provider use its own records for treatment, and 164.502(b)(2)(i) exempts treatment
// from minimum necessary: the facilitators need the whole picture of the group they run. Only those active in the
// group at the moment of the disclosure.
/** The group's active facilitators may use group data for treatment; minimum necessary does not apply. */
export const facilitatorTreatment: DisclosureRule = {
  id: "facilitator-treatment",
  effect: "permit",
  description: "The group's active facilitators may use its records to treat its members.",
  source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b)(2)(i)",
  obligations: [],
  when: (request) =>
    allOf(
      recipientIs(request, "facilitator", "co-facilitator"),
      fact(request.recipient.activeFacilitator),
      purposeIs(request, "TREAT"),
    ),
};

// Supervision and training are health care operations (45 CFR 164.501, "conducting training programs under
// supervision"); 164.506(c)(1) allows them inside the agency with minimum necessary, and an audit trail keeps the
// review visible (Primero's supervisor roles log what they open). Training is held further by
// training-needs-consent-or-deidentified.
/** A supervisor inside the agency may review for supervision, quality and training. */
export const supervisorReview: DisclosureRule = {
  id: "supervisor-review",
  effect: "permit",
  description: "A supervisor inside the agency may review the group's records for supervision, quality and training.",
  source: "45 CFR 164.501 (health care operations); 45 CFR 164.506(c)(1); Primero supervisor roles",
  obligations: ["AUDTR", "MINEC"],
  when: (request) =>
    allOf(
      recipientIs(request, "supervisor"),
      fact(request.recipient.withinAgency),
      purposeIs(request, "HOPERAT", "TRAIN"),
    ),
};

// NASW Code of Ethics 1.07(u) (2021): "Social workers should not disclose identifying information when discussing
// clients for teaching or training purposes unless the client has consented to disclosure of confidential
// information." HIPAA would allow training as an operation (164.501); the professional standard is stricter, so
// whatever permits it, information used for teaching or training is de-identified (164.514) or covered by a consent.
// Clinical supervision of the worker's own cases is HOPERAT and unaffected.
/** Teaching or training uses de-identified information, or information the member consented to share for it. */
export const trainingNeedsConsentOrDeidentified: DisclosureRule = {
  id: "training-needs-consent-or-deidentified",
  effect: "forbid",
  description: "Teaching or training uses no information that identifies a member, unless the member consented to it.",
  source: "NASW Code of Ethics 1.07(u); 45 CFR 164.514(a)-(b)",
  obligations: [],
  advice: "De-identify the material before it is used for teaching or training, or ask the member for a consent.",
  when: (request) => allOf(purposeIs(request, "TRAIN"), negate(fact(request.information.deidentified))),
  unless: (_, facts) => consentGrants(facts),
};

// 45 CFR 164.508(a)(2)(i)(C): an agency may use even psychotherapy notes to defend itself in a legal action the
// member brings; legal services are also health care operations (164.501).
/** The agency's own staff (its counsel) may use the records for the agency's legal defence. */
export const agencyLegalDefence: DisclosureRule = {
  id: "agency-legal-defence",
  effect: "permit",
  description: "The agency's own staff may use the records to defend the agency in a legal action.",
  source: "45 CFR 164.508(a)(2)(i)(C); 45 CFR 164.501 (health care operations)",
  obligations: ["AUDTR", "MINEC"],
  when: (request) =>
    allOf(recipientIs(request, "agency-staff"), fact(request.recipient.withinAgency), purposeIs(request, "HLEGAL")),
};
