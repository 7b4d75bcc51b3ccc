// Process (psychotherapy) notes: the facilitator's separate notes on the group's process. 45 CFR 164.501 counts notes
// on "a group, joint, or family counseling session" kept apart from the record as psychotherapy notes, and
// 164.508(a)(2) asks for an authorization that names them for almost every use.

import type { DisclosureRule } from "../rule-types.js";
import { allOf, anyOf } from "../truth.js";
import { established, fact, purposeIs, recipientIs, separateAuthorizationGrants } from "./conditions.js";
import { mandatedChildAbuseReport } from "./exceptions.js";

// 45 CFR 164.508(a)(2): psychotherapy notes need an authorization that names them, except for the originator's own
// treatment, supervised training, the agency's defence in a legal action the member brings (164.508(a)(2)(i)); and
// (164.508(a)(2)(ii)) what the Secretary of HHS needs to review compliance (164.502(a)(2)(ii)), health oversight of the
// notes' originator (164.512(d)), coroners and medical examiners (164.512(g)(1)), a serious threat (164.512(j)(1)(i)),
// and what the law requires (164.512(a)): a mandated child-abuse report and a court order ("required by law" includes
// court orders, 164.103). The exceptions are this forbid's `unless`; each has its own permit. The authorization must
// name the notes alone (164.508(b)(3)(ii)).
/** Process notes need a specific authorisation for any use but those the law names. */
export const processNoteNeedsAuthorization: DisclosureRule = {
  id: "process-note-needs-authorization",
  effect: "forbid",
  description:
    "Process notes need the member's written authorization for them alone, except for their author's own treatment, supervised training, the agency's legal defence, an HHS compliance review, oversight of their author, a coroner or medical examiner, a serious threat, a mandated child-abuse report or a court order.",
  source: "45 CFR 164.508(a)(2); 45 CFR 164.508(b)(3)(ii); 45 CFR 164.502(a)(2)(ii); 45 CFR 164.512(a), (d), (g)(1)",
  obligations: [],
  advice:
    "Ask the member for a written authorization that names the process notes and nothing else, or share the progress note instead.",
  when: (_, facts) => facts.psychotherapyNote,
  unless: (request, facts) =>
    anyOf(
      allOf(fact(request.recipient.isOriginator), purposeIs(request, "TREAT")),
      allOf(recipientIs(request, "supervisor"), fact(request.recipient.withinAgency), purposeIs(request, "TRAIN")),
      allOf(recipientIs(request, "agency-staff"), fact(request.recipient.withinAgency), purposeIs(request, "HLEGAL")),
      allOf(recipientIs(request, "hhs-secretary"), purposeIs(request, "HLEGAL")),
      allOf(
        recipientIs(request, "health-oversight"),
        purposeIs(request, "HLEGAL"),
        established(request.circumstances?.oversightOfOriginator),
      ),
      allOf(recipientIs(request, "coroner-or-medical-examiner"), purposeIs(request, "HLEGAL")),
      allOf(established(request.circumstances?.imminentThreat), purposeIs(request, "THREAT")),
      mandatedChildAbuseReport(request),
      allOf(
        established(request.circumstances?.courtOrder),
        recipientIs(request, "court"),
        purposeIs(request, "HLEGAL"),
      ),
      separateAuthorizationGrants(request, facts),
    ),
};
