import type { CodeOf } from "./define.js";
import type { consentLegalBases } from "./disclosure.js";

/**
 * HL7 privacy law codes (ActCode `_ActPrivacyLaw`) a piece of group information can be labelled with.
 *
 * `42CFRPart2` marks substance use disorder records (42 CFR Part 2); `HIPAAPsyNotes` marks psychotherapy notes
 * (45 CFR 164.501); `CommonRule` marks human-subjects research data (45 CFR 46).
 *
 * @example
 * [privacyLawCodes.includes("42CFRPart2"), Object.isFrozen(privacyLawCodes)]
 * //=> [true, true]
 */
export const privacyLawCodes = /* @__PURE__ */ Object.freeze(["42CFRPart2", "CommonRule", "HIPAAPsyNotes"] as const);

/**
 * An HL7 privacy law code such as `42CFRPart2`; see {@link privacyLawCodes}.
 *
 * @example
 * // The codes a label may carry for a psychotherapy note under HIPAA
 * privacyLawCodes.filter((code) => code.startsWith("HIPAA"))
 * //=> ["HIPAAPsyNotes"]
 */
export type PrivacyLawCode = (typeof privacyLawCodes)[number];

/**
 * The consent legal bases whose law asks for a written, signed consent, an electronic signature counting as one:
 * a HIPAA authorization (45 CFR 164.508(c)) and a 42 CFR Part 2 consent (42 CFR 2.31(a)). A verbal consent under
 * either does not count. Read by the record's checks (`consent-not-written`) and by the disclosure check; not
 * exported from the package.
 */
export const writtenConsentBases: readonly CodeOf<typeof consentLegalBases>[] = /* @__PURE__ */ Object.freeze([
  "hipaa-authorization",
  "42-cfr-part-2",
]);
