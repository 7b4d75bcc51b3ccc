import { z } from "zod";
import {
  type ConsentForm,
  ConsentFormSchema,
  type ConsentGrantor,
  ConsentGrantorSchema,
  type ConsentLegalBasis,
  ConsentLegalBasisSchema,
  type InformationKind,
  InformationKindSchema,
  type PurposeOfUse,
  PurposeOfUseSchema,
  type RecipientKind,
  RecipientKindSchema,
} from "./codes.js";
import { type ConsentId, ConsentIdSchema, type MemberId, MemberIdSchema } from "./ids.js";
import { type Instant, InstantSchema, TextSchema } from "./primitives.js";

/**
 * Schema of a {@link Party}.
 *
 * @example
 * // An insurer is named as a "payer"
 * PartySchema.safeParse({ kind: "insurer", organisation: "Prairie Health Plan" }).success
 * //=> false
 */
export const PartySchema = /* @__PURE__ */ z
  .strictObject({
    kind: RecipientKindSchema,
    id: z.string().min(1).optional().meta({ description: "The party's id in the host system, when it has one." }),
    name: TextSchema.optional().meta({ description: "The person's or body's name." }),
    organisation: TextSchema.optional().meta({ description: "The organisation the party belongs to." }),
  })
  .meta({ id: "Party", description: "A person or body who may receive, or must not receive, group information." });

/**
 * A person or body named in a consent: one who may receive, or must not receive, group information.
 *
 * Parse one with {@link PartySchema}.
 *
 * @example
 * // Lena lets her daughter have her attendance, and asked that Mark Hoffmann never receive her information
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const consent = parsed.ok ? parsed.value.consents.find((entry) => entry.memberId === "m-lena") : undefined;
 * consent?.withholdFrom
 * //=> [{ kind: "family-or-guardian", name: "Mark Hoffmann" }]
 */
export interface Party {
  /** What kind of recipient the party is: `outside-provider`, `payer`, `family-or-guardian`, … */
  kind: RecipientKind;
  /** The party's id in the host system, when it has one. */
  id?: string | undefined;
  /** The person's or body's name. */
  name?: string | undefined;
  /** The organisation the party belongs to. */
  organisation?: string | undefined;
}

/**
 * Schema of a {@link Consent}: a member's permission to share named kinds of group information with named parties.
 *
 * Shaped after FHIR R4 `Consent` (period, actor, purpose, data class) and Primero's consent fields; `withholdFrom`
 * carries Primero's "disclosure deny details" (FHIR R4 Consent, a provision of type deny).
 *
 * @example
 * // A consent must say what the information may be used for
 * ConsentSchema.safeParse({
 *   id: "c-ana-school",
 *   memberId: "m-ana",
 *   grantedBy: "guardian",
 *   recipients: [{ kind: "outside-provider", organisation: "Riverside Middle School counselling office" }],
 *   purposes: [],
 *   dataClasses: ["attendance"],
 *   validFrom: "2026-09-01T09:00:00-05:00",
 *   form: "written",
 * }).success
 * //=> false
 */
export const ConsentSchema = /* @__PURE__ */ z
  .strictObject({
    id: ConsentIdSchema,
    memberId: MemberIdSchema,
    grantedBy: ConsentGrantorSchema,
    recipients: z.array(PartySchema).min(1).meta({ description: "Who may receive the information." }),
    purposes: z.array(PurposeOfUseSchema).min(1).meta({ description: "What the information may be used for." }),
    dataClasses: z.array(InformationKindSchema).min(1).meta({ description: "Which kinds of information it covers." }),
    validFrom: InstantSchema.meta({ description: "When the consent takes effect." }),
    validUntil: InstantSchema.optional().meta({ description: "When it expires; absent means until revoked." }),
    revokedAt: InstantSchema.optional().meta({
      description: "When the member revoked it; it stops applying from then on.",
    }),
    form: ConsentFormSchema,
    legalBasis: ConsentLegalBasisSchema.optional(),
    withholdFrom: z.array(PartySchema).default([]).meta({
      description:
        "People the member asked never to receive their information, even where a consent allows it. The request holds unless the law requires disclosure: a mandated child-abuse report, a duty to warn, a court order.",
    }),
  })
  .meta({ id: "Consent", description: "A member's consent to share group information, with its scope and period." });

/**
 * A member's consent to share group information, with its scope and period (FHIR R4 `Consent`; Primero).
 *
 * Parse one with {@link ConsentSchema}.
 *
 * @example
 * // Jamal revoked his consent to tell his counsellor about his attendance the day before he left the group
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const consents = parsed.ok ? parsed.value.consents : [];
 * consents.filter((consent) => consent.revokedAt !== undefined).map((consent) => [consent.id, consent.revokedAt])
 * //=> [["c-jamal-counsellor", "2026-03-30T10:15:00-05:00"]]
 */
export interface Consent {
  /** The consent's id, owned by the host system. */
  id: ConsentId;
  /** The member whose information the consent is about. */
  memberId: MemberId;
  /** Who gave the consent: the member (`self`), a `guardian` or a `legal-representative`. */
  grantedBy: ConsentGrantor;
  /** Who may receive the information; at least one. */
  recipients: Party[];
  /** What the information may be used for, as HL7 purposes of use (`TREAT`, `COC`, …); at least one. */
  purposes: PurposeOfUse[];
  /** Which kinds of information it covers (`attendance`, `progress-note`, …); at least one. */
  dataClasses: InformationKind[];
  /** When the consent takes effect. */
  validFrom: Instant;
  /** When it expires; absent means until revoked. */
  validUntil?: Instant | undefined;
  /** When the member revoked it; it stops applying from then on. */
  revokedAt?: Instant | undefined;
  /** How the consent was given: `written`, `verbal` or `electronic`. */
  form: ConsentForm;
  /** The law or policy the consent is given under, such as `hipaa-authorization` or `42-cfr-part-2`. */
  legalBasis?: ConsentLegalBasis | undefined;
  /** People the member asked never to get their information, even with consent, unless the law requires disclosure. */
  withholdFrom: Party[];
}
