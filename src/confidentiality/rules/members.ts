// The members' own boundary: what one member may see of the group's records (DOMAIN §4 rules 1 and 2).
import { allOf, negate } from "../truth.js";
import type { DisclosureRule } from "../types.js";
import { fact, kindIs, purposeIs, recipientIs } from "./conditions.js";

// NASW 1.07(f): the worker keeps what each member shares from the others; between members confidentiality rests on
// the group agreement alone, so the record never goes to a peer. A member whose status is unknown counts as a peer.
/** Rule 1: a group member may not see another member's record or individual note. */
export const memberNoPeerRecords: DisclosureRule = {
  id: "member-no-peer-records",
  effect: "forbid",
  description: "A group member may not see another member's record, notes or disclosures.",
  source: "NASW Code of Ethics 1.07(f); 45 CFR 164.502(a)",
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
