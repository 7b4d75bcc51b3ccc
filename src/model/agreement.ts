import { z } from "zod";
import { type ConsentForm, ConsentFormSchema } from "./codes.js";
import { type MemberId, MemberIdSchema } from "./ids.js";
import { type CalendarDate, CalendarDateSchema, TextSchema } from "./primitives.js";

/**
 * Schema of an {@link AgreementSignature}.
 *
 * @example
 * // A signature needs a real calendar day: there is no 30 February
 * AgreementSignatureSchema.safeParse({ memberId: "m-hope", signedOn: "2026-02-30", form: "verbal" }).success
 * //=> false
 */
export const AgreementSignatureSchema = /* @__PURE__ */ z
  .strictObject({
    memberId: MemberIdSchema,
    signedOn: CalendarDateSchema,
    form: ConsentFormSchema,
  })
  .meta({ id: "AgreementSignature", description: "A member's acceptance of a version of the group agreement." });

/**
 * A member's acceptance of a version of the group agreement.
 *
 * Parse one with {@link AgreementSignatureSchema}.
 *
 * @example
 * // All eight members signed the agreement in the first session
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * const signatures = parsed.ok ? (parsed.value.agreements[0]?.signatures ?? []) : [];
 * signatures.filter((signature) => signature.signedOn === "2026-02-05").length
 * //=> 8
 */
export interface AgreementSignature {
  /** The member who accepted the agreement. */
  memberId: MemberId;
  /** The day the member accepted it, in the group's time zone. */
  signedOn: CalendarDate;
  /** How the member accepted it: `written`, `verbal` or `electronic`. */
  form: ConsentForm;
}

/**
 * Schema of a {@link GroupAgreement}: the norms and confidentiality terms a group adopts, usually while forming.
 *
 * NASW Code of Ethics 1.07(f): the worker seeks agreement that members keep each other's confidences, and tells them
 * that this cannot be guaranteed; `limitsExplained` records that the second half happened.
 *
 * @example
 * // An agreement needs at least one term on keeping each other's confidences (NASW 1.07(f))
 * GroupAgreementSchema.safeParse({
 *   version: "1",
 *   adoptedOn: "2026-02-05",
 *   norms: ["Speak from your own experience and let others finish."],
 *   confidentialityTerms: [],
 *   limitsExplained: true,
 * }).success
 * //=> false
 */
export const GroupAgreementSchema = /* @__PURE__ */ z
  .strictObject({
    version: TextSchema.meta({ description: "Version label, unique within the group, e.g. '1' or '2026-03'." }),
    adoptedOn: CalendarDateSchema.meta({ description: "The day the group adopted this version." }),
    norms: z.array(TextSchema).min(1).meta({ description: "The group's ground rules, one per entry." }),
    confidentialityTerms: z
      .array(TextSchema)
      .min(1)
      .meta({ description: "What members agree about keeping what is said in the group (NASW 1.07(f))." }),
    limitsExplained: z.boolean().meta({
      description:
        "Whether the worker explained that confidentiality among members cannot be guaranteed (NASW 1.07(f)).",
    }),
    signatures: z.array(AgreementSignatureSchema).default([]),
  })
  .meta({
    id: "GroupAgreement",
    description: "A version of the group's agreement: norms, confidentiality, signatures.",
  });

/**
 * A version of the group's agreement: the norms and confidentiality terms a group adopts, usually while forming.
 *
 * Parse one with {@link GroupAgreementSchema}.
 *
 * @example
 * // Adopted in the session, signed later: the parsed agreement starts with no signatures
 * const agreement = GroupAgreementSchema.parse({
 *   version: "2026-03",
 *   adoptedOn: "2026-03-26",
 *   norms: ["Open each session with a round so everyone gets airtime."],
 *   confidentialityTerms: ["What members share stays in the group."],
 *   limitsExplained: true,
 * });
 * agreement.signatures
 * //=> []
 */
export interface GroupAgreement {
  /** Version label, unique within the group, e.g. "1" or "2026-03". */
  version: string;
  /** The day the group adopted this version. */
  adoptedOn: CalendarDate;
  /** The group's ground rules, one per entry; at least one. */
  norms: string[];
  /** What members agree about keeping what is said in the group (NASW 1.07(f)); at least one. */
  confidentialityTerms: string[];
  /** Whether the worker explained that confidentiality among members cannot be guaranteed (NASW 1.07(f)). */
  limitsExplained: boolean;
  /** Members' acceptances of this version; empty when nobody has signed yet. */
  signatures: AgreementSignature[];
}
