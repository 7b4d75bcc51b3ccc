// What each field of a disclosure request accepts, in one place: the codes (from the model's vocabularies) and the
// names of the facts a request may state. The request reader checks against them and the audit record copies only
// what they hold. Private to the room.
import {
  confidentialityLevels,
  consentForms,
  consentGrantors,
  consentLegalBases,
  informationKinds,
  privacyLawCodes,
  purposesOfUse,
  recipientKinds,
  sensitivityCodes,
} from "../model/vocabulary/index.js";
import type { DutyToWarn, MinorConsentAuthority } from "./jurisdiction.js";
import type { DisclosureCircumstances, DisclosureRecipient } from "./request-types.js";

const codeSet = (codes: readonly (string | number)[]): ReadonlySet<unknown> => new Set<unknown>(codes);

/** The codes each coded field of a request accepts. */
export const KNOWN = /* @__PURE__ */ Object.freeze({
  informationKinds: codeSet(informationKinds.codes),
  recipientKinds: codeSet(recipientKinds.codes),
  purposes: codeSet(purposesOfUse.codes),
  levels: codeSet(confidentialityLevels.codes),
  sensitivity: codeSet(sensitivityCodes.codes),
  laws: codeSet(privacyLawCodes),
  grantors: codeSet(consentGrantors.codes),
  forms: codeSet(consentForms.codes),
  bases: codeSet(consentLegalBases.codes),
  duties: codeSet(["mandatory", "permissive", "none"] satisfies DutyToWarn[]),
  minorConsent: codeSet(["minor", "guardian"] satisfies MinorConsentAuthority[]),
});

/** The circumstances a request may establish, in the order problems with them are listed. */
export const CIRCUMSTANCE_FACTS = /* @__PURE__ */ Object.freeze([
  "imminentThreat",
  "suspectedChildAbuse",
  "courtOrder",
  "medicalEmergency",
  "consentOverridden",
  "oversightOfOriginator",
] as const) satisfies readonly (keyof DisclosureCircumstances)[];

/** The facts a request may state about its recipient, in the order problems with them are listed. */
export const RECIPIENT_FACTS = /* @__PURE__ */ Object.freeze([
  "isSubject",
  "activeFacilitator",
  "isOriginator",
  "withinAgency",
  "mayOverride",
] as const) satisfies readonly (keyof DisclosureRecipient)[];
