// What the member decided: consents that send information (45 CFR 164.508; 42 CFR 2.31), people it is withheld from
// (Primero disclosure_deny_details; FHIR R4 Consent), referrals (Primero consent_overridden), and minors who control
// their own information (45 CFR 164.502(g)(3); 42 CFR 2.14).

import type { DisclosureRule } from "../rule-types.js";
import { allOf, anyOf } from "../truth.js";
import { consentGrants, established, kindIs, ownConsentGrants, purposeIs, recipientIs } from "./conditions.js";
import { mandatedChildAbuseReport, reviewTheLawAllows, threatToPrevent } from "./exceptions.js";

// 45 CFR 164.508(a)(1) and NASW 1.07(b): with the member's valid consent, the worker may share what it covers. The
// engine's consent matching (period, revocation, recipient, purpose, data class, written form) decides what counts.
/** A consent in force that covers this recipient, purpose and kind of information permits it (45 CFR 164.508(a)(1)). */
export const disclosureWithConsent: DisclosureRule = {
  id: "disclosure-with-consent",
  effect: "permit",
  description:
    "The member's consent, in force and covering this recipient, purpose and kind of information, permits it.",
  source: "45 CFR 164.508(a)(1); NASW Code of Ethics 1.07(b); FHIR R4 Consent; Primero consent_reporting",
  obligations: ["document"],
  advice: "Share only what the consent covers, and note the consent's id with the disclosure.",
  when: (_, facts) => consentGrants(facts),
};

// Primero's `disclosure_deny_details` and a FHIR Consent deny provision; 45 CFR 164.522(a) lets a member ask for a
// restriction. A restriction never stops what 164.512 permits or requires (164.522(a)(1)(v)) nor emergency treatment
// (164.522(a)(1)(iii)), and NASW 1.07(c) lets the worker disclose to prevent serious, imminent harm: so the request
// gives way to a mandated child-abuse report, a warning to those able to prevent a serious threat where the
// jurisdiction allows one, emergency services in a medical emergency, a court order, and the reviews HHS, health
// oversight agencies and coroners make.
/**
 * Information is never given to a person the member asked to withhold it from, nor to anyone who may be that person
 * (a recipient whose name is not known, or only partly matches), unless the law allows (45 CFR 164.522(a)).
 */
export const withholdFromNamedPerson: DisclosureRule = {
  id: "withhold-from-named-person",
  effect: "forbid",
  description: "The member asked that this person never receive their information.",
  source: "Primero disclosure_deny_details; FHIR R4 Consent (deny provision); 45 CFR 164.522(a)",
  obligations: [],
  advice:
    "Do not share with this person; only a mandated report, a warning to prevent serious harm, a medical emergency, a court order or a review the law requires overrides it.",
  when: (_, facts) => facts.consents.withholding.length > 0,
  unless: (request, facts) =>
    anyOf(
      mandatedChildAbuseReport(request),
      allOf(
        threatToPrevent(request),
        recipientIs(request, "person-at-risk", "law-enforcement", "emergency-services"),
        facts.jurisdiction.dutyToWarn !== "none",
      ),
      allOf(
        established(request.circumstances?.medicalEmergency),
        recipientIs(request, "emergency-services"),
        purposeIs(request, "ETREAT"),
      ),
      allOf(established(request.circumstances?.courtOrder), recipientIs(request, "court")),
      // 164.522(a)(1)(v): nor a disclosure 164.502(a)(2)(ii) requires (the Secretary of HHS) or 164.512 permits
      // (health oversight, coroners and medical examiners).
      reviewTheLawAllows(request),
    ),
};

// Primero: a referral goes with `consent_given` or `consent_overridden`, the override recorded by a person whose role
// allows it. HIPAA itself allows provider-to-provider treatment disclosures (164.506(c)(2)); the override keeps the
// agency's own consent policy honest and audited.
/** A referral to another organisation's provider may go on a recorded consent override (Primero consent_overridden). */
export const referralOverride: DisclosureRule = {
  id: "referral-override",
  effect: "permit",
  description:
    "A referral to another organisation may go without consent when someone permitted to has recorded an override.",
  source: "Primero consent_overridden; 45 CFR 164.506(c)(2)",
  obligations: ["AUDTR", "MINEC", "document", "notify-client"],
  advice: "Send only what the referral needs, and tell the member that it was sent without their consent and why.",
  when: (request) =>
    allOf(
      established(request.circumstances?.consentOverridden),
      recipientIs(request, "outside-provider"),
      purposeIs(request, "TREAT", "COC"),
      kindIs(request, "attendance", "progress-note"),
    ),
};

// 45 CFR 164.502(g)(3) and 42 CFR 2.14: a minor who lawfully consented to their own care controls its disclosure, so a
// parent's or guardian's consent does not open it; only the minor's own does. Applies only to a minor known to have
// consented to their own care, and only where the jurisdiction gives the minor that control.
/** A minor who consented to their own care controls disclosure to parents and guardians (45 CFR 164.502(g)(3)). */
export const minorControlsDisclosure: DisclosureRule = {
  id: "minor-controls-disclosure",
  effect: "forbid",
  description:
    "This member is a minor who consented to their own care, so only their own consent opens it to family or guardians.",
  source: "45 CFR 164.502(g)(3); 42 CFR 2.14",
  obligations: [],
  advice: "Ask the young person whether they agree to share it with their family.",
  when: (request, facts) =>
    allOf(
      recipientIs(request, "family-or-guardian"),
      request.subject?.minor === true,
      request.subject?.consentedToOwnCare === true,
      facts.jurisdiction.minorConsent === "minor",
    ),
  unless: (_, facts) => ownConsentGrants(facts),
};
