// The default policy: every rule of the field's confidentiality boundary as data, one file per concern.
import { definePolicy } from "../policy.js";
import type { DisclosurePolicy } from "../rule-types.js";
import {
  disclosureWithConsent,
  minorControlsDisclosure,
  referralOverride,
  withholdFromNamedPerson,
} from "./consent-rules.js";
import {
  childAbuseReport,
  coronerOrMedicalExaminer,
  courtOrder,
  dutyToWarn,
  healthOversight,
  hhsComplianceReview,
  medicalEmergency,
  seriousThreatDisclosure,
} from "./exceptions.js";
import { memberNoPeerRecords, memberOwnRecord, rosterNotConfirmed } from "./members.js";
import { payerNoProcessNotes, payerPayment, researchDeidentified } from "./payers-research.js";
import { processNoteNeedsAuthorization } from "./process-notes.js";
import {
  agencyLegalDefence,
  facilitatorTreatment,
  supervisorReview,
  trainingNeedsConsentOrDeidentified,
} from "./staff.js";
import {
  part2ConsentDisclosure,
  substanceUseNeedsPart2Consent,
  substanceUseNotForProsecution,
  sudCounselingNoteNeedsOwnConsent,
} from "./substance-use.js";

/**
 * The built-in disclosure policy: the rules a social-work group practice keeps, each with an id, an effect, a
 * sentence, its source and its obligations.
 *
 * Twenty-seven rules cover the fourteen of the field (members' records, facilitators, process notes, substance use
 * records, SUD counseling notes and rosters, serious threats and the duty to warn, child-abuse reports, minors, payers
 * with the member's consent, researchers, supervisors and training, referrals, consents and withholding) plus court
 * orders, medical emergencies, the agency's legal defence, HHS compliance reviews, health oversight, and coroners and
 * medical examiners. The duty to warn and who consents for minors come from the request's jurisdiction settings.
 * Extend it with `definePolicy(rules, { extends: defaultPolicy })`. Decision support, not legal advice: jurisdictions
 * differ.
 *
 * @example
 * [defaultPolicy.version, defaultPolicy.rules.length, defaultPolicy.rules[0]?.id]
 * //=> ["groupwork-default-2", 27, "agency-legal-defence"]
 */
export const defaultPolicy: DisclosurePolicy = /* @__PURE__ */ definePolicy(
  [
    memberNoPeerRecords,
    memberOwnRecord,
    facilitatorTreatment,
    processNoteNeedsAuthorization,
    disclosureWithConsent,
    substanceUseNeedsPart2Consent,
    part2ConsentDisclosure,
    rosterNotConfirmed,
    sudCounselingNoteNeedsOwnConsent,
    seriousThreatDisclosure,
    dutyToWarn,
    childAbuseReport,
    substanceUseNotForProsecution,
    minorControlsDisclosure,
    payerPayment,
    payerNoProcessNotes,
    researchDeidentified,
    supervisorReview,
    trainingNeedsConsentOrDeidentified,
    referralOverride,
    withholdFromNamedPerson,
    courtOrder,
    medicalEmergency,
    agencyLegalDefence,
    hhsComplianceReview,
    healthOversight,
    coronerOrMedicalExaminer,
  ],
  { version: "groupwork-default-2" },
);
