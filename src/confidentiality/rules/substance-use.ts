// Substance use disorder records under 42 CFR Part 2 (DOMAIN §4 rules 5, 6 and 8). A record counts as one when it is
// labelled SUD, ETH or 42CFRPart2 (the engine's `facts.substanceUse`).
import { allOf, anyOf, negate } from "../truth.js";
import type { DisclosureRule } from "../types.js";
import { established, kindIs, outsideProgram, part2ConsentGrants, recipientIs } from "./conditions.js";

// 42 CFR 2.13(a) and 2.31-2.33: outside the program a Part 2 record goes only with a Part 2 consent. The regulation's
// own exceptions are this forbid's `unless`: a court order under 2.64, a medical emergency to medical personnel
// (2.51), and the initial report of suspected child abuse required by state law (2.12(c)(6)).
/** Rule 5 (Part 2): a substance use record leaves the program only with a Part 2 consent or a Part 2 exception. */
export const substanceUseNeedsPart2Consent: DisclosureRule = {
  id: "substance-use-needs-part2-consent",
  effect: "forbid",
  description:
    "A substance use disorder record leaves the program only with a 42 CFR Part 2 consent, a court order, a medical emergency or a mandated child-abuse report.",
  source: "42 CFR 2.13(a); 42 CFR 2.31-2.33; 42 CFR 2.12(c)(6); 42 CFR 2.51; 42 CFR 2.64",
  obligations: [],
  advice:
    "Ask the member for a written 42 CFR Part 2 consent that names this recipient and purpose; to prevent a serious threat, warn without revealing the substance use record.",
  when: (request, facts) => allOf(facts.substanceUse, negate(kindIs(request, "roster")), outsideProgram(request)),
  unless: (request, facts) =>
    anyOf(
      part2ConsentGrants(facts),
      established(request.circumstances?.courtOrder),
      allOf(established(request.circumstances?.medicalEmergency), recipientIs(request, "emergency-services")),
      allOf(
        established(request.circumstances?.suspectedChildAbuse),
        recipientIs(request, "child-protective-services"),
        kindIs(request, "abuse-report"),
      ),
    ),
};

// 42 CFR 2.32: every disclosure made with a Part 2 consent carries the notice that forbids redisclosure.
/** Rule 5 (Part 2): a substance use record may go where a Part 2 consent sends it, with the no-redisclosure notice. */
export const part2ConsentDisclosure: DisclosureRule = {
  id: "part2-consent-disclosure",
  effect: "permit",
  description:
    "A substance use disorder record may go where the member's 42 CFR Part 2 consent sends it, with the notice forbidding redisclosure.",
  source: "42 CFR 2.31; 42 CFR 2.32",
  obligations: ["NORDSCLCD"],
  advice: "Attach the 42 CFR 2.32 notice: the recipient may not disclose it again without the member's consent.",
  when: (_, facts) => allOf(facts.substanceUse, part2ConsentGrants(facts)),
};

// 42 CFR 2.13(c): a program may not confirm that a person is or was a patient. A roster of a substance use group does
// exactly that, so it goes outside only with written consent (Part 2 consents are written, 2.31(a)) or a court order
// (2.64); no emergency or abuse report needs the whole roster.
/** Rule 6: the roster of a substance use group is not confirmed outside without written consent or a court order. */
export const substanceUseRosterNotConfirmed: DisclosureRule = {
  id: "substance-use-roster-not-confirmed",
  effect: "forbid",
  description:
    "Who belongs to a substance use group is not confirmed to anyone outside the program without a written Part 2 consent or a court order.",
  source: "42 CFR 2.13(c)",
  obligations: [],
  advice: "Neither confirm nor deny that the person attends; ask for a written Part 2 consent.",
  when: (request, facts) => allOf(facts.substanceUse, kindIs(request, "roster"), outsideProgram(request)),
  unless: (request, facts) => anyOf(part2ConsentGrants(facts), established(request.circumstances?.courtOrder)),
};

// 42 CFR 2.12(d)(1) and 2.65: Part 2 records may not be used to investigate or prosecute the patient without a court
// order, whatever consent or report brought them out; so nothing labelled Part 2 goes to law enforcement without one.
/** Rule 8 (Part 2): a substance use record does not go to law enforcement without a court order. */
export const substanceUseNotForProsecution: DisclosureRule = {
  id: "substance-use-not-for-prosecution",
  effect: "forbid",
  description: "A substance use disorder record does not go to law enforcement without a court order.",
  source: "42 CFR 2.12(d)(1); 42 CFR 2.65",
  obligations: [],
  advice: "Law enforcement needs a court order under 42 CFR 2.65 for substance use records.",
  when: (request, facts) => allOf(facts.substanceUse, recipientIs(request, "law-enforcement")),
  unless: (request) => established(request.circumstances?.courtOrder),
};
