import { z } from "zod";
import { ConsentFormSchema } from "./codes";
import { MemberIdSchema } from "./ids";
import { CalendarDateSchema, TextSchema } from "./primitives";

/** Schema of an {@link AgreementSignature}. */
export const AgreementSignatureSchema = /* @__PURE__ */ z
  .strictObject({
    memberId: MemberIdSchema,
    signedOn: CalendarDateSchema,
    form: ConsentFormSchema,
  })
  .meta({ id: "AgreementSignature", description: "A member's acceptance of a version of the group agreement." });

/** A member's signature on a group agreement; see {@link AgreementSignatureSchema}. */
export type AgreementSignature = z.infer<typeof AgreementSignatureSchema>;

/**
 * Schema of a {@link GroupAgreement}: the norms and confidentiality terms a group adopts, usually while forming.
 *
 * NASW Code of Ethics 1.07(f): the worker seeks agreement that members keep each other's confidences, and tells them
 * that this cannot be guaranteed; `limitsExplained` records that the second half happened.
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

/** A version of the group agreement; see {@link GroupAgreementSchema}. */
export type GroupAgreement = z.infer<typeof GroupAgreementSchema>;
