import type {
  ConsentForm,
  ConsentGrantor,
  ConsentLegalBasis,
  InformationKind,
  PurposeOfUse,
  RecipientKind,
} from "../model/index.js";

// A consent as the disclosure check reads it: structural, so both a parsed `Consent` and a host's plain JSON fit.

/**
 * A person or body named in a consent, as plain JSON (the model's `Party`).
 *
 * @example
 * const lena = sampleGroupRecord.consents.find((consent) => consent.id === "c-lena-daughter");
 * const [katrin] = lena.recipients;
 * const [mark] = lena.withholdFrom;
 * // A grant reaches only a recipient known to be the party; a withholding reaches anyone who may be the party.
 * [
 *   partyIncludes(katrin, { kind: "family-or-guardian", name: "katrin hoffmann" }),
 *   partyIncludes(katrin, { kind: "family-or-guardian" }),
 *   partyMayBe(mark, { kind: "family-or-guardian" }),
 * ]
 * //=> [true, false, true]
 */
export interface ConsentParty {
  /** What kind of recipient the party is. */
  readonly kind: RecipientKind;
  /** The party's id in the host system. */
  readonly id?: string | undefined;
  /**
   * The person's or body's name. It is compared with a recipient's name as folded words in any order (case, accents,
   * whitespace, invisible characters and punctuation aside): see `partyIncludes` and `partyMayBe`.
   */
  readonly name?: string | undefined;
  /** The organisation the party belongs to, compared the same way as the name. */
  readonly organisation?: string | undefined;
}

/**
 * A consent on file, as plain JSON: the model's `Consent` with plain-string ids and `withholdFrom` optional, so both a
 * parsed `Consent` and a host's wire data fit.
 *
 * @example
 * const consent = sampleGroupRecord.consents.find((entry) => entry.id === "c-hope-pcp");
 * [consent.memberId, consent.purposes, consent.form]
 * //=> ["m-hope", ["TREAT", "COC"], "written"]
 */
export interface ConsentOnFile {
  /** The consent's id. */
  readonly id: string;
  /** The member whose information it is about. */
  readonly memberId: string;
  /** Who gave it: `self`, `guardian` or `legal-representative`. */
  readonly grantedBy: ConsentGrantor;
  /** Who may receive the information. */
  readonly recipients: readonly ConsentParty[];
  /** What the information may be used for. */
  readonly purposes: readonly PurposeOfUse[];
  /** Which kinds of information it covers. */
  readonly dataClasses: readonly InformationKind[];
  /** When it takes effect. */
  readonly validFrom: string;
  /** When it expires; absent means until revoked. */
  readonly validUntil?: string | undefined;
  /** When the member revoked it. */
  readonly revokedAt?: string | undefined;
  /** How it was given: `written`, `verbal` or `electronic`. */
  readonly form: ConsentForm;
  /** The law or policy it is given under. */
  readonly legalBasis?: ConsentLegalBasis | undefined;
  /** People the member asked never to receive their information. */
  readonly withholdFrom?: readonly ConsentParty[] | undefined;
}
