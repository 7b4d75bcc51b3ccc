import { z } from "zod";
import {
  ConsentFormSchema,
  ConsentGrantorSchema,
  ConsentLegalBasisSchema,
  InformationKindSchema,
  PurposeOfUseSchema,
  RecipientKindSchema,
} from "./codes";
import { ConsentIdSchema, MemberIdSchema } from "./ids";
import { InstantSchema, TextSchema } from "./primitives";

/** Schema of a {@link Party}. */
export const PartySchema = /* @__PURE__ */ z
  .strictObject({
    kind: RecipientKindSchema,
    id: z.string().min(1).optional().meta({ description: "The party's id in the host system, when it has one." }),
    name: TextSchema.optional().meta({ description: "The person's or body's name." }),
    organisation: TextSchema.optional().meta({ description: "The organisation the party belongs to." }),
  })
  .meta({ id: "Party", description: "A person or body who may receive, or must not receive, group information." });

/** A person or body named in a consent; see {@link PartySchema}. */
export type Party = z.infer<typeof PartySchema>;

/**
 * Schema of a {@link Consent}: a member's permission to share named kinds of group information with named parties.
 *
 * Shaped after FHIR R4 `Consent` (period, actor, purpose, data class) and Primero's consent fields; `withholdFrom`
 * carries Primero's "disclosure deny details" (DOMAIN.md §4 rule 14).
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
    withholdFrom: z
      .array(PartySchema)
      .default([])
      .meta({ description: "People the member asked not to receive anything, whatever else allows it." }),
  })
  .meta({ id: "Consent", description: "A member's consent to share group information, with its scope and period." });

/** A consent on file; see {@link ConsentSchema}. */
export type Consent = z.infer<typeof ConsentSchema>;
