// Substance use disorder records under 42 CFR Part 2, as amended by the 2024 Final Rule (89 FR 12472). A record counts
// as one when it is labelled SUD, ETH or 42CFRPart2, or is an SUD counseling note (the engine's `facts.substanceUse`).
// A substance use group's roster is a Part 2 record too, and roster-not-confirmed also holds it
// (42 CFR 2.13(c)).

import type { DisclosureRule } from "../rule-types.js";
import { allOf, anyOf } from "../truth.js";
import {
  established,
  fact,
  kindIs,
  outsideProgram,
  part2ConsentGrants,
  purposeIs,
  recipientIs,
  separatePart2ConsentGrants,
} from "./conditions.js";

// 42 CFR 2.13(a) and 2.31-2.33: outside the program a Part 2 record goes only with a Part 2 consent. The regulation's
// own exceptions are this forbid's `unless`: a court order under 2.64, a medical emergency to medical personnel
// (2.51), and the initial report of suspected child abuse required by state law (2.12(c)(6)).
/** Rule 5: a substance use record leaves the program only with a Part 2 consent or a Part 2 exception. */
export const substanceUseNeedsPart2Consent: DisclosureRule = {
  id: "substance-use-needs-part2-consent",
  effect: "forbid",
  description:
    "A substance use disorder record leaves the program only with a 42 CFR Part 2 consent, a court order, a medical emergency or a mandated child-abuse report.",
  source: "42 CFR 2.13(a); 42 CFR 2.31-2.33; 42 CFR 2.12(c)(6); 42 CFR 2.51; 42 CFR 2.64",
  obligations: [],
  advice:
    "Ask the member for a written 42 CFR Part 2 consent that names this recipient and purpose; to prevent a serious threat, warn without revealing the substance use record.",
  when: (request, facts) => allOf(facts.substanceUse, outsideProgram(request)),
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
/** Rule 5: a substance use record may go where a Part 2 consent sends it, with the no-redisclosure notice. */
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

// 42 CFR 2.31(b), added by the 2024 Final Rule (89 FR 12472): SUD counseling notes (2.11) need a consent of their own,
// which may be combined only with another consent for SUD counseling notes, so a general Part 2 consent for treatment,
// payment and operations does not reach them. Without one they serve only their originator's treatment, the
// program's supervised training and its defence in a legal action the patient brings (2.31(b)(1)(i)). They are
// forbidden whatever their labels: the kind alone makes them Part 2 notes.
/** SUD counseling notes need a Part 2 consent that names them alone. */
export const sudCounselingNoteNeedsOwnConsent: DisclosureRule = {
  id: "sud-counseling-note-needs-own-consent",
  effect: "forbid",
  description:
    "SUD counseling notes need the member's written 42 CFR Part 2 consent for them alone, except for their author's own treatment, the program's supervised training and its legal defence.",
  source: "42 CFR 2.31(b); 42 CFR 2.11; 89 FR 12472 (2024)",
  obligations: [],
  advice:
    "Ask the member for a separate written Part 2 consent that names the SUD counseling notes and nothing else; a general Part 2 consent does not cover them.",
  when: (request) => kindIs(request, "sud-counseling-note"),
  unless: (request, facts) =>
    anyOf(
      allOf(fact(request.recipient.isOriginator), purposeIs(request, "TREAT")),
      allOf(recipientIs(request, "supervisor"), fact(request.recipient.withinAgency), purposeIs(request, "TRAIN")),
      allOf(recipientIs(request, "agency-staff"), fact(request.recipient.withinAgency), purposeIs(request, "HLEGAL")),
      separatePart2ConsentGrants(request, facts),
    ),
};

// 42 CFR 2.12(d)(1) and 2.65: Part 2 records may not be used to investigate or prosecute the patient without a court
// order, whatever consent or report brought them out; so nothing labelled Part 2 goes to law enforcement without one.
/** Rule 8: a substance use record does not go to law enforcement without a court order. */
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
