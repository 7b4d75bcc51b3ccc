// Payers, researchers and program reporting (DOMAIN §4 rules 10 and 11).
import { allOf } from "../truth.js";
import type { DisclosureRule } from "../types.js";
import { fact, kindIs, purposeIs, recipientIs } from "./conditions.js";

// 45 CFR 164.506(c)(1): disclosure for payment needs no consent; minimum necessary applies (164.502(b)). NASW 1.07(h)
// expects the client to have agreed to what payers see, which agencies usually settle at intake; an agency that wants
// that agreement checked adds its own forbid with definePolicy. The clinical content stays out either way, and so do
// the other members: a group's summary or attendance sheet names them, and they are not the payer's business
// (NASW 1.07(f); 45 CFR 164.502(b)), hence REDACT.
/** Rule 10: a payer may receive attendance and session summaries for payment, the minimum necessary. */
export const payerPayment: DisclosureRule = {
  id: "payer-payment",
  effect: "permit",
  description:
    "A payer may receive attendance and session summaries to pay for the service, and no more than it needs.",
  source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b); NASW Code of Ethics 1.07(h)",
  obligations: ["MINEC", "REDACT"],
  advice: "Send this member's dates and attendance, not what was said, and no other member's name.",
  when: (request) =>
    allOf(
      recipientIs(request, "payer"),
      purposeIs(request, "HPAYMT"),
      kindIs(request, "attendance", "session-summary"),
    ),
};

// Stricter than HIPAA, on purpose (DOMAIN §4 rule 10; NASW 1.07(h)): HIPAA would let process notes go to a payer on
// the member's own authorization, but a payer may not make payment depend on one (45 CFR 164.508(b)(4)) and has no
// need of them, so the default policy never sends them, even with an authorization on file.
/** Rule 10: a payer never receives process notes. */
export const payerNoProcessNotes: DisclosureRule = {
  id: "payer-no-process-notes",
  effect: "forbid",
  description: "A payer never receives process notes, whatever is on file.",
  source: "45 CFR 164.508(b)(4); NASW Code of Ethics 1.07(h)",
  obligations: [],
  advice: "Send the payer attendance or a session summary instead.",
  when: (request, facts) => allOf(recipientIs(request, "payer"), facts.psychotherapyNote),
};

// 45 CFR 164.514(a)-(b): de-identified data is not protected health information. Data a member consented to share
// for research or reporting goes under the consent rule (Primero `consent_reporting`).
/** Rule 11: researchers may receive de-identified data. */
export const researchDeidentified: DisclosureRule = {
  id: "research-deidentified",
  effect: "permit",
  description: "A researcher may receive data that has been de-identified.",
  source: "45 CFR 164.514(a)-(b)",
  obligations: [],
  advice: "Check the de-identification (safe harbour or expert determination) before you send it.",
  when: (request) =>
    allOf(
      recipientIs(request, "researcher"),
      purposeIs(request, "HRESCH", "HOPERAT"),
      fact(request.information.deidentified),
    ),
};
