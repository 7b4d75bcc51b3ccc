import { defineVocabulary } from "./define.js";

// HL7 v3 Confidentiality (2.16.840.1.113883.5.25), used in FHIR meta.security. The codes are ordered from least to most
// restrictive; a label is a high-water mark, so the most restrictive level present wins (HL7 v3 security labels).
/**
 * HL7 confidentiality levels in order U < L < M < N < R < V; `rank` gives the order.
 *
 * @example
 * // From least to most restrictive; a record takes the most restrictive level present
 * confidentialityLevels.entries.map((entry) => `${entry.rank} ${entry.code}`)
 * //=> ["0 U", "1 L", "2 M", "3 N", "4 R", "5 V"]
 */
export const confidentialityLevels = /* @__PURE__ */ defineVocabulary({
  id: "ConfidentialityLevel",
  name: "HL7 confidentiality levels",
  source: "HL7 v3 Confidentiality, http://terminology.hl7.org/CodeSystem/v3-Confidentiality",
  entries: [
    {
      code: "U",
      rank: 0,
      label: "Unrestricted",
      definition: "Information not considered sensitive; may be shared freely.",
    },
    { code: "L", rank: 1, label: "Low", definition: "De-identified or low-risk information." },
    {
      code: "M",
      rank: 2,
      label: "Moderate",
      definition: "Information of moderate sensitivity, such as some payment data.",
    },
    {
      code: "N",
      rank: 3,
      label: "Normal",
      definition: "Typical health and case information, shared for care under the usual rules.",
    },
    {
      code: "R",
      rank: 4,
      label: "Restricted",
      definition: "Sensitive information such as mental health or substance use records.",
    },
    {
      code: "V",
      rank: 5,
      label: "Very restricted",
      definition: "Information so sensitive it is shared only with named people.",
    },
  ],
});

// HL7 v3 ActCode, _InformationSensitivityPolicy (ActInformationSensitivityPolicy value set). ETH is the older code for
// substance use; SUD replaces it, and both are kept because host systems still send ETH.
/**
 * HL7 sensitivity codes that matter to group work.
 *
 * @example
 * sensitivityCodes.entries.find((entry) => entry.code === "PSYTHPN")?.definition
 * //=> "A psychotherapy (process) note kept apart from the record, 45 CFR 164.501."
 */
export const sensitivityCodes = /* @__PURE__ */ defineVocabulary({
  id: "SensitivityCode",
  name: "HL7 information sensitivity codes",
  source: "HL7 v3 ActCode (_InformationSensitivityPolicy), http://terminology.hl7.org/CodeSystem/v3-ActCode",
  entries: [
    { code: "PSY", label: "Psychiatry", definition: "Information about psychiatric disorders and their treatment." },
    { code: "MH", label: "Mental health", definition: "Information about mental health conditions and services." },
    {
      code: "SUD",
      label: "Substance use disorder",
      definition: "Substance use disorder information, protected by 42 CFR Part 2 in the United States.",
    },
    {
      code: "ETH",
      label: "Substance abuse (older code)",
      definition: "The older code for substance use information; treat as SUD.",
    },
    {
      code: "SDV",
      label: "Sexual assault, abuse or domestic violence",
      definition: "Information about sexual assault, abuse or domestic violence.",
    },
    { code: "HIV", label: "HIV/AIDS", definition: "Information about HIV status or AIDS." },
    {
      code: "PSYTHPN",
      label: "Psychotherapy note",
      definition: "A psychotherapy (process) note kept apart from the record, 45 CFR 164.501.",
    },
  ],
});

// HL7 v3 ActReason, _PurposeOfUse (the PurposeOfUse value set).
/**
 * HL7 purposes of use that a disclosure in group work can name.
 *
 * @example
 * purposesOfUse.entries.find((entry) => entry.code === "FAMRQT")?.definition
 * //=> "At the request of a family member or guardian whom the person has authorised to receive it."
 */
export const purposesOfUse = /* @__PURE__ */ defineVocabulary({
  id: "PurposeOfUse",
  name: "HL7 purposes of use",
  source: "HL7 v3 ActReason (_PurposeOfUse), http://terminology.hl7.org/CodeSystem/v3-ActReason",
  entries: [
    { code: "TREAT", label: "Treatment", definition: "To provide care or services to the person." },
    { code: "COC", label: "Coordination of care", definition: "To coordinate care between providers." },
    { code: "ETREAT", label: "Emergency treatment", definition: "To treat the person in an emergency." },
    {
      code: "BTG",
      label: "Break the glass",
      definition: "Emergency access that overrides the usual restrictions and is audited.",
    },
    { code: "HPAYMT", label: "Payment", definition: "To obtain or give payment for services." },
    {
      code: "HOPERAT",
      label: "Operations",
      definition: "For the agency's operations, such as quality review and supervision.",
    },
    { code: "TRAIN", label: "Training", definition: "To train staff or students." },
    { code: "HRESCH", label: "Research", definition: "For research." },
    { code: "PUBHLTH", label: "Public health", definition: "For public health reporting and activities." },
    {
      code: "THREAT",
      label: "Threat",
      definition:
        "To prevent or lessen a serious and imminent threat to the health or safety of a person or the public.",
    },
    { code: "PATRQT", label: "Patient request", definition: "At the request of the person the information is about." },
    {
      code: "FAMRQT",
      label: "Family request",
      definition: "At the request of a family member or guardian whom the person has authorised to receive it.",
    },
    { code: "HLEGAL", label: "Legal", definition: "For legal proceedings or to comply with the law." },
  ],
});
