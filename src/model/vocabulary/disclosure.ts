import { defineVocabulary } from "./define.js";

/**
 * Kinds of information that come out of a group, used as consent data classes and as what a disclosure is about.
 *
 * @example
 * informationKinds.entries.find((entry) => entry.code === "roster")?.definition
 * //=> "Who belongs to the group; for a substance use group this alone is protected."
 */
export const informationKinds = /* @__PURE__ */ defineVocabulary({
  id: "InformationKind",
  name: "Kinds of group information",
  source:
    "45 CFR 164.501 (psychotherapy notes); NASW Code of Ethics 1.07; 42 CFR 2.13 (patient identity in substance use programs); 42 CFR 2.11 (SUD counseling notes)",
  entries: [
    {
      code: "attendance",
      label: "Attendance",
      definition: "Whether and when a member attended; never a psychotherapy note.",
    },
    {
      code: "roster",
      label: "Roster",
      definition: "Who belongs to the group; for a substance use group this alone is protected.",
    },
    {
      code: "session-summary",
      label: "Session summary",
      definition: "The shared summary of a session, which identifies no member.",
    },
    {
      code: "progress-note",
      label: "Progress note",
      definition: "The individual note in one member's own record, naming no other member.",
    },
    {
      code: "process-note",
      label: "Process note",
      definition: "The facilitator's separate notes on the group's process: psychotherapy notes under HIPAA.",
    },
    {
      code: "self-disclosure",
      label: "Member's self-disclosure",
      definition: "Something a member said about themselves in the group.",
    },
    {
      code: "risk-statement",
      label: "Risk statement",
      definition: "A statement that suggests a risk of serious harm to the member or others.",
    },
    {
      code: "abuse-report",
      label: "Abuse report",
      definition: "A report of suspected abuse or neglect of a child or vulnerable adult.",
    },
    {
      code: "sud-counseling-note",
      label: "SUD counseling note",
      definition:
        "A Part 2 program counselor's separate notes on a private or group substance use disorder counseling session (42 CFR 2.11).",
    },
  ],
});

/**
 * The kinds of people and bodies that may ask for, or be named to receive, group information.
 *
 * @example
 * recipientKinds.entries.find((entry) => entry.code === "payer")?.definition
 * //=> "An insurer, funder or other body that pays for the service."
 */
export const recipientKinds = /* @__PURE__ */ defineVocabulary({
  id: "RecipientKind",
  name: "Recipient kinds",
  source:
    "45 CFR 164.502(a)(2)(ii), 164.506 and 164.512; NASW Code of Ethics 1.07; Tarasoff v. Regents of the University of California (1976)",
  entries: [
    { code: "group-member", label: "Group member", definition: "Another member of the same group." },
    { code: "facilitator", label: "Facilitator", definition: "The group's facilitator." },
    { code: "co-facilitator", label: "Co-facilitator", definition: "The group's co-facilitator." },
    { code: "supervisor", label: "Supervisor", definition: "The worker's clinical supervisor inside the agency." },
    { code: "agency-staff", label: "Agency staff", definition: "Other staff of the agency that runs the group." },
    {
      code: "outside-provider",
      label: "Outside provider",
      definition: "A clinician or service in another organisation.",
    },
    { code: "payer", label: "Payer", definition: "An insurer, funder or other body that pays for the service." },
    { code: "researcher", label: "Researcher", definition: "A person doing research or program evaluation." },
    {
      code: "family-or-guardian",
      label: "Family or guardian",
      definition: "A member's family, parent or legal guardian.",
    },
    {
      code: "child-protective-services",
      label: "Child protective services",
      definition: "The body that receives reports of suspected child abuse.",
    },
    { code: "law-enforcement", label: "Law enforcement", definition: "Police or another law enforcement body." },
    {
      code: "emergency-services",
      label: "Emergency services",
      definition: "Ambulance, crisis team or emergency department.",
    },
    {
      code: "person-at-risk",
      label: "Person at risk",
      definition: "A person a member has threatened, who may need to be warned.",
    },
    { code: "court", label: "Court", definition: "A court or tribunal." },
    {
      code: "hhs-secretary",
      label: "HHS Secretary",
      definition:
        "The Secretary of Health and Human Services (the Office for Civil Rights) reviewing or investigating the agency's compliance with HIPAA.",
    },
    {
      code: "health-oversight",
      label: "Health oversight agency",
      definition: "A public agency or licensing board that oversees the health care system or its professionals.",
    },
    {
      code: "coroner-or-medical-examiner",
      label: "Coroner or medical examiner",
      definition: "A coroner or medical examiner identifying a deceased person or determining a cause of death.",
    },
    { code: "public", label: "Public", definition: "Anyone outside the agency and the people above." },
  ],
});

/**
 * Who gave a consent (FHIR R4 Consent; 45 CFR 164.502(g) on personal representatives).
 *
 * @example
 * consentGrantors.entries.find((entry) => entry.code === "guardian")?.definition
 * //=> "A parent or guardian consented for a minor or a person under guardianship."
 */
export const consentGrantors = /* @__PURE__ */ defineVocabulary({
  id: "ConsentGrantor",
  name: "Consent grantors",
  source: "FHIR R4 Consent; 45 CFR 164.502(g) (personal representatives)",
  entries: [
    { code: "self", label: "The member", definition: "The member consented for themselves." },
    {
      code: "guardian",
      label: "Guardian",
      definition: "A parent or guardian consented for a minor or a person under guardianship.",
    },
    {
      code: "legal-representative",
      label: "Legal representative",
      definition: "A person with legal authority to act for the member.",
    },
  ],
});

/**
 * How a consent or signature was given.
 *
 * @example
 * consentForms.entries.find((entry) => entry.code === "verbal")?.definition
 * //=> "Given aloud and documented by the worker."
 */
export const consentForms = /* @__PURE__ */ defineVocabulary({
  id: "ConsentForm",
  name: "Consent forms",
  source: "FHIR R4 Consent; 42 CFR 2.31 (written consent)",
  entries: [
    { code: "written", label: "Written", definition: "Signed on paper." },
    { code: "verbal", label: "Verbal", definition: "Given aloud and documented by the worker." },
    { code: "electronic", label: "Electronic", definition: "Given or signed electronically." },
  ],
});

/**
 * The legal basis a consent is given under.
 *
 * @example
 * consentLegalBases.entries.find((entry) => entry.code === "hipaa-authorization")?.definition
 * //=> "A written, signed authorization under 45 CFR 164.508, with an expiration date or event."
 */
export const consentLegalBases = /* @__PURE__ */ defineVocabulary({
  id: "ConsentLegalBasis",
  name: "Consent legal bases",
  source: "45 CFR 164.508; 42 CFR 2.31",
  entries: [
    {
      code: "hipaa-authorization",
      label: "HIPAA authorization",
      definition: "A written, signed authorization under 45 CFR 164.508, with an expiration date or event.",
    },
    {
      code: "42-cfr-part-2",
      label: "42 CFR Part 2 consent",
      definition: "A consent to disclose substance use disorder records under 42 CFR 2.31.",
    },
    { code: "state-law", label: "State law", definition: "A consent required or defined by state law." },
    {
      code: "agency-policy",
      label: "Agency policy",
      definition: "A consent the agency asks for under its own policy.",
    },
    { code: "other", label: "Other", definition: "Another basis; describe it in the host system." },
  ],
});
