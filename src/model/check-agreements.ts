import { describeValue } from "../_lib/errors.js";
import { type CheckContext, error, isEnrolledOn, isKnownMember, warning } from "./check-context.js";
import { writtenConsentBases } from "./vocabulary/privacy-laws.js";

// Checks of what members agreed to and consented to: group agreements and consents.

/** Agreements: unique versions, known signers who were members when they signed, limits of confidentiality told. */
export function checkAgreements(context: CheckContext): void {
  const versions = new Map<string, number>();
  context.record.agreements.forEach((agreement, index) => {
    if (agreement === undefined) return;
    const first = versions.get(agreement.version);
    if (first === undefined) versions.set(agreement.version, index);
    else {
      error(
        context,
        "duplicate-agreement-version",
        ["agreements", index, "version"],
        `agreements[${index}] repeats version ${describeValue(agreement.version)} of agreements[${first}]; give each version its own label.`,
      );
    }
    if (!agreement.limitsExplained) {
      // NASW Code of Ethics 1.07(f): members must be told that confidentiality among them cannot be guaranteed.
      warning(
        context,
        "limits-not-explained",
        ["agreements", index, "limitsExplained"],
        `Agreement version ${describeValue(agreement.version)} does not record that members were told confidentiality among them cannot be guaranteed (NASW 1.07(f)).`,
      );
    }
    const signers = new Map<string, number>();
    agreement.signatures.forEach((signature, signatureIndex) => {
      const earlier = signers.get(signature.memberId);
      if (earlier === undefined) signers.set(signature.memberId, signatureIndex);
      else {
        warning(
          context,
          "duplicate-signature",
          ["agreements", index, "signatures", signatureIndex, "memberId"],
          `Person ${describeValue(signature.memberId)} signs agreement ${describeValue(agreement.version)} again (first at signatures[${earlier}]); keep one signature per person and version.`,
        );
      }
      const path = ["agreements", index, "signatures", signatureIndex, "memberId"] as const;
      if (signature.signedOn < agreement.adoptedOn) {
        warning(
          context,
          "signed-before-adoption",
          ["agreements", index, "signatures", signatureIndex, "signedOn"],
          `A signature on agreement ${describeValue(agreement.version)} is dated ${signature.signedOn}, before the group adopted it on ${agreement.adoptedOn}.`,
        );
      }
      if (!isKnownMember(context, signature.memberId)) {
        error(
          context,
          "unknown-member",
          path,
          `A signature on agreement ${describeValue(agreement.version)} names person ${describeValue(signature.memberId)}, who is not in members.`,
        );
      } else if (
        context.memberIndex.has(signature.memberId) &&
        !isEnrolledOn(context, signature.memberId, signature.signedOn)
      ) {
        warning(
          context,
          "signer-not-enrolled",
          path,
          `Person ${describeValue(signature.memberId)} signed agreement ${describeValue(agreement.version)} on ${signature.signedOn}, when no membership of theirs covered that day.`,
        );
      }
    });
  });
}

/** Consents: unique ids, known members, a validity period that makes sense. */
export function checkConsents(context: CheckContext): void {
  const ids = new Map<string, number>();
  context.record.consents.forEach((consent, index) => {
    if (consent === undefined) return;
    const path = ["consents", index] as const;
    const first = ids.get(consent.id);
    if (first === undefined) ids.set(consent.id, index);
    else {
      error(
        context,
        "duplicate-id",
        [...path, "id"],
        `consents[${index}] repeats the id ${describeValue(consent.id)} of consents[${first}]; each consent needs its own id.`,
      );
    }
    if (!isKnownMember(context, consent.memberId)) {
      error(
        context,
        "unknown-member",
        [...path, "memberId"],
        `Consent ${describeValue(consent.id)} is for member ${describeValue(consent.memberId)}, who is not in members.`,
      );
    }
    const from = Date.parse(consent.validFrom);
    if (consent.validUntil !== undefined && Date.parse(consent.validUntil) < from) {
      error(
        context,
        "consent-ends-before-start",
        [...path, "validUntil"],
        `Consent ${describeValue(consent.id)} expires at ${consent.validUntil}, before it takes effect at ${consent.validFrom}.`,
      );
    }
    const basis = consent.legalBasis;
    if (consent.form === "verbal" && basis !== undefined && writtenConsentBases.includes(basis)) {
      // 42 CFR 2.31(a) and 45 CFR 164.508(c) ask for a written, signed consent; an electronic signature counts.
      warning(
        context,
        "consent-not-written",
        [...path, "form"],
        `Consent ${describeValue(consent.id)} is verbal, but its legal basis (${consent.legalBasis}) requires a written, signed consent; record a written or electronic one.`,
      );
    }
    // 45 CFR 164.508(c)(1)(v): an authorization names an expiration date or event; research may say "none".
    if (
      consent.legalBasis === "hipaa-authorization" &&
      consent.validUntil === undefined &&
      consent.purposes.some((purpose) => purpose !== "HRESCH")
    ) {
      warning(
        context,
        "authorization-without-expiry",
        [...path, "validUntil"],
        `Consent ${describeValue(consent.id)} is a HIPAA authorization without an expiry; 45 CFR 164.508(c) asks for an expiration date or event outside research. Record validUntil.`,
      );
    }
    if (consent.revokedAt !== undefined && Date.parse(consent.revokedAt) < from) {
      warning(
        context,
        "revoked-before-valid",
        [...path, "revokedAt"],
        `Consent ${describeValue(consent.id)} was revoked at ${consent.revokedAt}, before it took effect; it never applies.`,
      );
    }
  });
}
