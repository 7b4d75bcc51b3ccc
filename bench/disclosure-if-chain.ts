// The baseline for bench/disclosure.bench.ts: the default policy hand-inlined as one if-chain, deciding the same
// requests with the same decision content as checkDisclosure (effect, basis, rules, reasons, obligations, advice). It
// is what a team would write without a policy engine: fast, and impossible to audit rule by rule. It reads the rules'
// texts from defaultPolicy only to word its reasons, and matches consents with the engine's own matching (private to
// the library, read from its module), on requests already known to be well formed: it checks nothing.
import {
  type DecisionReason,
  type DisclosureDecision,
  type DisclosureObligation,
  type DisclosureRequest,
  defaultPolicy,
} from "groupwork/confidentiality";
import { consentFacts } from "../src/confidentiality/consents";

type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];

const ORDER: readonly DisclosureObligation[] = ["AUDTR", "MINEC", "NORDSCLCD", "REDACT", "document", "notify-client"];
const rules = new Map(defaultPolicy.rules.map((rule) => [rule.id, rule]));
const reasons = new Map<string, DecisionReason>(
  defaultPolicy.rules.map((rule) => [
    rule.id,
    {
      code: rule.effect === "permit" ? "rule-permits" : "rule-forbids",
      ruleId: rule.id,
      source: rule.source,
      message: rule.description,
    },
  ]),
);
const ABOUT_MEMBER = new Set(["abuse-report", "process-note", "progress-note", "risk-statement", "self-disclosure"]);
const SET_ASIDE: Record<string, string> = {
  expired: "has expired",
  "not-written": "was given only verbally, where its legal basis asks for a written, signed consent",
  "not-yet-valid": "has not taken effect yet",
  revoked: "was revoked",
};

/** The default policy decided by hand, rule by rule, for a request that is already known to be well formed. */
export function ifChainDecision(request: DisclosureRequest): DisclosureDecision {
  const { information: info, recipient: to, purpose } = request;
  const kind = info.kind;
  const who = to.kind;
  const c = request.circumstances ?? {};
  const duty = request.jurisdiction?.dutyToWarn ?? "permissive";
  const minorConsent = request.jurisdiction?.minorConsent ?? "minor";
  // An SUD counseling note is a substance use record by its kind, labelled or not.
  const sud =
    kind === "sud-counseling-note" ||
    info.labels.law.includes("42CFRPart2") ||
    info.labels.sensitivity.includes("SUD") ||
    info.labels.sensitivity.includes("ETH");
  const psyNote =
    kind === "process-note" || info.labels.sensitivity.includes("PSYTHPN") || info.labels.law.includes("HIPAAPsyNotes");
  const consents = consentFacts(request);
  const granting = consents.granting.length > 0;
  const part2 = consents.granting.some((consent) => consent.legalBasis === "42-cfr-part-2");
  const ownConsent = consents.granting.some((consent) => consent.grantedBy === "self");
  // A consent that names this kind of information and no other: process notes and SUD counseling notes need one.
  const alone = (consent: ConsentOnFile) => consent.dataClasses.every((dataClass) => dataClass === kind);
  const separateAuthorization = consents.granting.some(
    (consent) =>
      (consent.legalBasis === "hipaa-authorization" || consent.legalBasis === "42-cfr-part-2") && alone(consent),
  );
  const separatePart2 = consents.granting.some((consent) => consent.legalBasis === "42-cfr-part-2" && alone(consent));
  // Unknown facts read the safe way: a forbid holds on unknown, a permit needs true.
  const outside =
    to.withinAgency === true || to.isSubject === true
      ? false
      : !(to.withinAgency === false && to.isSubject === false)
        ? undefined
        : true;
  const threat = c.imminentThreat === true && purpose === "THREAT";
  const abuseReport =
    c.suspectedChildAbuse === true &&
    who === "child-protective-services" &&
    (purpose === "PUBHLTH" || purpose === "HLEGAL");
  const courtOrdered = c.courtOrder === true && who === "court" && purpose === "HLEGAL";
  const hhs = who === "hhs-secretary" && purpose === "HLEGAL";
  const oversight = who === "health-oversight" && purpose === "HLEGAL";
  const coroner = who === "coroner-or-medical-examiner" && purpose === "HLEGAL";
  const ownTreatment = to.isOriginator === true && purpose === "TREAT";
  const training = who === "supervisor" && to.withinAgency === true && purpose === "TRAIN";
  const legalDefence = who === "agency-staff" && to.withinAgency === true && purpose === "HLEGAL";
  const warning = threat && (who === "person-at-risk" || who === "law-enforcement" || who === "emergency-services");

  // Forbids, by id.
  const forbids: string[] = [];
  if (who === "group-member" && to.isSubject !== true) forbids.push("member-no-peer-records");
  if (
    who === "family-or-guardian" &&
    request.subject?.minor === true &&
    request.subject?.consentedToOwnCare === true &&
    minorConsent === "minor" &&
    !ownConsent
  )
    forbids.push("minor-controls-disclosure");
  if (who === "payer" && psyNote) forbids.push("payer-no-process-notes");
  if (
    psyNote &&
    !(
      ownTreatment ||
      training ||
      legalDefence ||
      hhs ||
      (oversight && c.oversightOfOriginator === true) ||
      coroner ||
      threat ||
      abuseReport ||
      courtOrdered ||
      separateAuthorization
    )
  )
    forbids.push("process-note-needs-authorization");
  if (
    kind === "roster" &&
    info.deidentified !== true &&
    outside !== false &&
    !(c.courtOrder === true || hhs || oversight || coroner)
  )
    forbids.push("roster-not-confirmed");
  if (
    sud &&
    outside !== false &&
    !(
      part2 ||
      c.courtOrder === true ||
      (c.medicalEmergency === true && who === "emergency-services") ||
      (c.suspectedChildAbuse === true && who === "child-protective-services" && kind === "abuse-report")
    )
  )
    forbids.push("substance-use-needs-part2-consent");
  if (sud && who === "law-enforcement" && c.courtOrder !== true) forbids.push("substance-use-not-for-prosecution");
  if (kind === "sud-counseling-note" && !(ownTreatment || training || legalDefence || separatePart2))
    forbids.push("sud-counseling-note-needs-own-consent");
  if (purpose === "TRAIN" && info.deidentified !== true && !granting)
    forbids.push("training-needs-consent-or-deidentified");
  if (
    consents.withholding.length > 0 &&
    !(
      abuseReport ||
      (warning && duty !== "none") ||
      (c.medicalEmergency === true && who === "emergency-services" && purpose === "ETREAT") ||
      (c.courtOrder === true && who === "court") ||
      hhs ||
      oversight ||
      coroner
    )
  )
    forbids.push("withhold-from-named-person");

  // Permits, by id.
  const permits: string[] = [];
  if (legalDefence) permits.push("agency-legal-defence");
  if (coroner) permits.push("coroner-or-medical-examiner");
  if (courtOrdered) permits.push("court-order");
  if (granting) permits.push("disclosure-with-consent");
  if (
    threat &&
    (who === "person-at-risk" || who === "law-enforcement") &&
    ABOUT_MEMBER.has(kind) &&
    duty === "mandatory"
  )
    permits.push("duty-to-warn");
  if ((who === "facilitator" || who === "co-facilitator") && to.activeFacilitator === true && purpose === "TREAT")
    permits.push("facilitator-treatment");
  if (oversight) permits.push("health-oversight");
  if (hhs) permits.push("hhs-compliance-review");
  if (abuseReport && ABOUT_MEMBER.has(kind)) permits.push("mandated-child-abuse-report");
  if (
    c.medicalEmergency === true &&
    who === "emergency-services" &&
    purpose === "ETREAT" &&
    (kind === "attendance" || kind === "progress-note" || kind === "risk-statement" || kind === "self-disclosure")
  )
    permits.push("medical-emergency");
  if (who === "group-member" && to.isSubject === true && purpose === "PATRQT" && kind !== "abuse-report")
    permits.push("member-own-record");
  if (sud && part2) permits.push("part2-consent-disclosure");
  if (who === "payer" && purpose === "HPAYMT" && (kind === "attendance" || kind === "session-summary") && granting)
    permits.push("payer-payment");
  if (
    c.consentOverridden === true &&
    who === "outside-provider" &&
    (purpose === "TREAT" || purpose === "COC") &&
    (kind === "attendance" || kind === "progress-note")
  )
    permits.push("referral-override");
  if (who === "researcher" && (purpose === "HRESCH" || purpose === "HOPERAT") && info.deidentified === true)
    permits.push("research-deidentified");
  if (warning && ABOUT_MEMBER.has(kind) && duty !== "none") permits.push("serious-threat-disclosure");
  if (who === "supervisor" && to.withinAgency === true && (purpose === "HOPERAT" || purpose === "TRAIN"))
    permits.push("supervisor-review");

  const matchedRules = { permit: permits, forbid: forbids };
  const setAside = consents.setAside.map(
    (note) => `Consent "${note.consentId}" would cover this disclosure but ${SET_ASIDE[note.reason]}.`,
  );
  const adviceOf = (ids: readonly string[]) => ids.flatMap((id) => rules.get(id)?.advice ?? []);
  const reasonsOf = (ids: readonly string[]) => ids.flatMap((id) => reasons.get(id) ?? []);
  if (forbids.length > 0 || permits.length === 0) {
    // When a forbid decides, a recipient who only may be a withheld person is asked about.
    const confirm =
      forbids.length === 0
        ? []
        : consents.partialMatches.map(
            (match) =>
              `Confirm the recipient is not ${match.withheldName}: consent "${match.consentId}" withholds from that ` +
              (match.why === "partial-name"
                ? "person, and the recipient's name only partly matches it."
                : "person, and the request gives no name to tell them apart; add the recipient's name and ask again."),
          );
    return {
      effect: "deny",
      basis: forbids.length > 0 ? "explicit-forbid" : "default-deny",
      determiningRules: forbids,
      matchedRules,
      reasons:
        forbids.length > 0
          ? reasonsOf(forbids)
          : [{ code: "no-rule-permits", message: "No rule permits this disclosure, so it is denied by default." }],
      obligations: [],
      advice: [...adviceOf(forbids), ...confirm, ...setAside],
      errors: [],
      policyVersion: defaultPolicy.version,
    };
  }
  const obligations = new Set(permits.flatMap((id) => rules.get(id)?.obligations ?? []));
  return {
    effect: "permit",
    basis: "explicit-permit",
    determiningRules: permits,
    matchedRules,
    reasons: reasonsOf(permits),
    obligations: ORDER.filter((code) => obligations.has(code)),
    advice: [
      ...adviceOf(permits),
      ...consents.granting.map((consent) => `Consent "${consent.id}" covers this disclosure.`),
    ],
    errors: [],
    policyVersion: defaultPolicy.version,
  };
}
