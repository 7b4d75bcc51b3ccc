// The members' own boundary: what one member may see of the group's records, and who learns who the members are.

import type { DisclosureRule } from "../rule-types.js";
import { allOf, anyOf, negate } from "../truth.js";
import { established, fact, kindIs, outsideProgram, purposeIs, recipientIs } from "./conditions.js";
import { reviewTheLawAllows } from "./exceptions.js";

// NASW Code of Ethics 1.07(g): the worker tells the members the agency's policy on the worker's disclosure of
// confidential information among the parties in group counseling; this policy discloses none. Between members,
// confidentiality rests on the group's agreement alone (1.07(f)), so the record never goes to a peer. A member whose
// status is unknown counts as a peer.
/** Rule 1: a group member may not see another member's record or individual note. */
export const memberNoPeerRecords: DisclosureRule = {
  id: "member-no-peer-records",
  effect: "forbid",
  description: "A group member may not see another member's record, notes or disclosures.",
  source: "NASW Code of Ethics 1.07(g); 45 CFR 164.502(a)",
  obligations: [],
  advice: "Do not hand over another member's record; what the group shared together stays in the group's sessions.",
  when: (request) => allOf(recipientIs(request, "group-member"), negate(fact(request.recipient.isSubject))),
};

// 45 CFR 164.524: the right of access to one's own record. Other members' identifiers come out first (REDACT). The
// process notes stay out through rule 4 (164.524(a)(1)(i) leaves psychotherapy notes out of the right of access). An
// abuse report is left to the worker's review, not granted here: it names the child and often the reporter, whom state
// reporting law keeps confidential, and 164.524(a)(3) lets access be refused where it would endanger someone.
/** Rule 2: a member may see their own record and attendance, with other members' identifiers redacted. */
export const memberOwnRecord: DisclosureRule = {
  id: "member-own-record",
  effect: "permit",
  description:
    "A member may see their own record, other than an abuse report, with other members' identifiers removed.",
  source: "45 CFR 164.524 (right of access)",
  obligations: ["REDACT"],
  advice: "Remove every other member's name and identifying detail before you hand it over.",
  when: (request) =>
    allOf(
      recipientIs(request, "group-member"),
      fact(request.recipient.isSubject),
      purposeIs(request, "PATRQT"),
      !kindIs(request, "abuse-report"),
    ),
};

// A roster names every member, and each member's membership is that member's confidential information: one member's
// consent speaks for that member alone (NASW Code of Ethics 1.07(b); a HIPAA authorization is the individual's own,
// 45 CFR 164.508(c)(1)). For a substance use group, 42 CFR 2.13(c) lets a program acknowledge an identified patient's
// presence only with that patient's written consent or a court order. The request carries one member's consents, so
// the default never lets an identified roster leave the program on them: what goes outside is a de-identified count
// (164.514), each member's own information under their own consent, what a court order covers (164.512(e); 42 CFR
// 2.64), or what a review the law allows needs (the Secretary of HHS, health oversight, a coroner: 164.502(a)(2)(ii),
// 164.512(d), (g)(1)); a substance use group's roster is also held by substance-use-needs-part2-consent, which those
// reviews do not lift. Members themselves and staff inside the agency are not outside (42 CFR 2.12(c)(3)); peers are
// kept out by member-no-peer-records.
/** Rules 6 and 1: a group's roster, which names every member, does not leave the program identified. */
export const rosterNotConfirmed: DisclosureRule = {
  id: "roster-not-confirmed",
  effect: "forbid",
  description:
    "A roster names every member, so it goes outside the program only de-identified, under a court order or to a review the law allows, never on one member's consent.",
  source:
    "NASW Code of Ethics 1.07(b); 45 CFR 164.508(c)(1); 42 CFR 2.13(c); 45 CFR 164.514; 45 CFR 164.512(d), (e), (g)(1)",
  obligations: [],
  advice:
    "Neither confirm nor deny who attends; send a de-identified count, or each member's own attendance under that member's consent.",
  when: (request) =>
    allOf(kindIs(request, "roster"), negate(fact(request.information.deidentified)), outsideProgram(request)),
  unless: (request) => anyOf(established(request.circumstances?.courtOrder), reviewTheLawAllows(request)),
};
