// Process (psychotherapy) notes: the facilitator's separate notes on the group's process (DOMAIN §4 rule 4).
import { allOf, anyOf } from "../truth.js";
import type { DisclosureRule } from "../types.js";
import { established, fact, purposeIs, recipientIs, writtenAuthorizationGrants } from "./conditions.js";
import { mandatedChildAbuseReport } from "./exceptions.js";

// 45 CFR 164.508(a)(2): psychotherapy notes need an authorization that names them, except for the originator's own
// treatment, supervised training, the agency's defence in a legal action the member brings, a serious threat
// (164.508(a)(2)(ii) via 164.512(j)(1)(i)), and what the law requires (164.508(a)(2)(ii) via 164.512(a)): a mandated
// child-abuse report and a court order ("required by law" includes court orders, 164.103). The exceptions are this
// forbid's `unless`; each has its own permit.
/** Rule 4: process notes need a specific authorisation for any use but those the law names. */
export const processNoteNeedsAuthorization: DisclosureRule = {
  id: "process-note-needs-authorization",
  effect: "forbid",
  description:
    "Process notes need the member's specific written authorization, except for their author's own treatment, supervised training, the agency's legal defence, a serious threat, a mandated child-abuse report or a court order.",
  source: "45 CFR 164.508(a)(2); 45 CFR 164.512(a)",
  obligations: [],
  advice:
    "Ask the member for a written authorization that names the process notes, or share the progress note instead.",
  when: (_, facts) => facts.psychotherapyNote,
  unless: (request, facts) =>
    anyOf(
      allOf(fact(request.recipient.isOriginator), purposeIs(request, "TREAT")),
      allOf(recipientIs(request, "supervisor"), fact(request.recipient.withinAgency), purposeIs(request, "TRAIN")),
      allOf(recipientIs(request, "agency-staff"), fact(request.recipient.withinAgency), purposeIs(request, "HLEGAL")),
      allOf(established(request.circumstances?.imminentThreat), purposeIs(request, "THREAT")),
      mandatedChildAbuseReport(request),
      allOf(
        established(request.circumstances?.courtOrder),
        recipientIs(request, "court"),
        purposeIs(request, "HLEGAL"),
      ),
      writtenAuthorizationGrants(facts),
    ),
};
