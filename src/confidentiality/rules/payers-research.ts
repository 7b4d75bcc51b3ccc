// Payers, researchers and program reporting: NASW Code of Ethics 1.07(h) on third-party payers, 45 CFR 164.514 on
// de-identified data.

import type { DisclosureRule } from "../rule-types.js";
import { allOf } from "../truth.js";
import { consentGrants, fact, kindIs, purposeIs, recipientIs } from "./conditions.js";

// NASW 1.07(h): "Social workers should not disclose confidential information to third-party payers unless clients have
// authorized such disclosure." HIPAA alone would allow disclosure for payment without one (45 CFR 164.506(c)(1)); the
// default keeps the stricter professional standard, so a consent covering the payer, HPAYMT and this kind of
// information must be in force. An agency that relies on HIPAA's wider permission replaces this rule (same id) with
// definePolicy. Minimum necessary applies (164.502(b)), and so does REDACT: a group's summary or attendance sheet names
// the other members, who did not authorize the payer to see them (1.07(h) again).
/** A payer may receive attendance and session summaries for payment, with the member's consent, the minimum necessary. */
export const payerPayment: DisclosureRule = {
  id: "payer-payment",
  effect: "permit",
  description:
    "With the member's consent, a payer may receive attendance and session summaries to pay for the service, and no more than it needs.",
  source: "NASW Code of Ethics 1.07(h); 45 CFR 164.506(c)(1); 45 CFR 164.502(b)",
  obligations: ["MINEC", "REDACT"],
  advice: "Send this member's dates and attendance, not what was said, and no other member's name.",
  when: (request, facts) =>
    allOf(
      recipientIs(request, "payer"),
      purposeIs(request, "HPAYMT"),
      kindIs(request, "attendance", "session-summary"),
      consentGrants(facts),
    ),
};

// Stricter than HIPAA, on purpose (NASW 1.07(h)): HIPAA would let process notes go to a payer on the member's own
// authorization, but a payer may not make payment depend on one (45 CFR 164.508(b)(4)) and has no need of them, so the
// default policy never sends them, even with an authorization on file.
/** A payer never receives process notes. */
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
/** Researchers may receive de-identified data. */
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
