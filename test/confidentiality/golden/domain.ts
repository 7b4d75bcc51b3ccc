// The enumerated request domain of the golden decision table: every information kind × every recipient (facilitators
// and members split by what the rules ask of them) × every HL7 purpose × nineteen situations (consent state, SUD label,
// circumstance, duty to warn). Shared by the generator script, the golden test, the leave-one-out test, the Cedar
// differential test and the bench, so they all speak of the same rows.
import type { InformationKind, PurposeOfUse, RecipientKind } from "groupwork";
import {
  type DisclosureRecipient,
  type DisclosureRequest,
  type DutyToWarn,
  informationKinds,
  purposesOfUse,
} from "groupwork";

type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];

/** A recipient of the table: a code for the CSV and the facts the request states about them. */
export interface GoldenRecipient {
  readonly code: string;
  readonly kind: RecipientKind;
  readonly isSubject: boolean;
  readonly activeFacilitator: boolean;
  readonly isOriginator: boolean;
  readonly withinAgency: boolean;
}

const person = (code: string, kind: RecipientKind, facts: Partial<GoldenRecipient> = {}): GoldenRecipient => ({
  code,
  kind,
  isSubject: false,
  activeFacilitator: false,
  isOriginator: false,
  withinAgency: false,
  ...facts,
});

/** Every recipient kind once, and the ones whose facts matter split: the member themselves or a peer, and so on. */
export const goldenRecipients: readonly GoldenRecipient[] = [
  person("group-member/self", "group-member", { isSubject: true }),
  person("group-member/peer", "group-member"),
  person("facilitator/author", "facilitator", { activeFacilitator: true, isOriginator: true, withinAgency: true }),
  person("co-facilitator/active", "co-facilitator", { activeFacilitator: true, withinAgency: true }),
  person("facilitator/former", "facilitator", { withinAgency: true }),
  person("supervisor", "supervisor", { withinAgency: true }),
  person("agency-staff", "agency-staff", { withinAgency: true }),
  person("outside-provider", "outside-provider"),
  person("payer", "payer"),
  person("researcher", "researcher"),
  person("family-or-guardian", "family-or-guardian"),
  person("child-protective-services", "child-protective-services"),
  person("law-enforcement", "law-enforcement"),
  person("emergency-services", "emergency-services"),
  person("person-at-risk", "person-at-risk"),
  person("court", "court"),
  person("hhs-secretary", "hhs-secretary"),
  person("health-oversight", "health-oversight"),
  person("coroner-or-medical-examiner", "coroner-or-medical-examiner"),
  person("public", "public"),
];

/**
 * The consent on file: none; one that covers the row's recipient, purpose and kind alone (by the member, a Part 2 one,
 * by a guardian); a general Part 2 consent that covers every kind of information (`part2-general`); one out of force;
 * or one withholding from the recipient: by id (`withhold`), or by the name Hector Delgado while the recipient gives
 * another spelling of it (`withhold-variant`: "delgado, HÉCTOR." with a non-breaking space), part of it
 * (`withhold-partial`: "H. Delgado"), or someone else's name of the same family (`withhold-other`: "Maria Delgado",
 * whom the withholding does not reach).
 */
export type GoldenConsent =
  | "expired"
  | "guardian"
  | "none"
  | "part2"
  | "part2-general"
  | "revoked"
  | "valid"
  | "withhold"
  | "withhold-variant"
  | "withhold-partial"
  | "withhold-other";

/** The circumstance of the row; `minor` and `deidentified` describe the subject and the information. */
export type GoldenCircumstance =
  | "-"
  | "abuse"
  | "court"
  | "deidentified"
  | "emergency"
  | "minor"
  | "override"
  | "oversight"
  | "threat";

/** One situation: consent state, SUD label, circumstance and duty to warn. */
export interface GoldenSituation {
  readonly consent: GoldenConsent;
  readonly sud: boolean;
  readonly circumstance: GoldenCircumstance;
  readonly dutyToWarn: DutyToWarn;
}

const situation = (
  consent: GoldenConsent,
  sud: boolean,
  circumstance: GoldenCircumstance = "-",
  dutyToWarn: DutyToWarn = "permissive",
): GoldenSituation => ({ consent, sud, circumstance, dutyToWarn });

/**
 * The twenty-two situations: every consent state with no circumstance (SUD off, and on where Part 2 decides), then each
 * circumstance with the consent state and label that put its exceptions to work; a child-abuse report both with and
 * without Part 2, since Part 2 lets only the initial report out.
 */
export const goldenSituations: readonly GoldenSituation[] = [
  situation("none", false),
  situation("valid", false),
  situation("valid", true),
  situation("part2", true),
  situation("part2-general", true),
  situation("revoked", false),
  situation("expired", false),
  situation("withhold", false),
  situation("withhold-variant", false),
  situation("withhold-partial", false),
  situation("withhold-other", false),
  situation("none", false, "threat", "permissive"),
  situation("withhold", false, "threat", "mandatory"),
  situation("none", false, "threat", "none"),
  situation("none", false, "abuse"),
  situation("withhold", true, "abuse"),
  situation("withhold", true, "court"),
  situation("none", true, "emergency"),
  situation("none", false, "override"),
  situation("guardian", false, "minor"),
  situation("none", false, "deidentified"),
  situation("none", false, "oversight"),
];

/** One row's inputs. */
export interface GoldenInput {
  readonly kind: InformationKind;
  readonly recipient: GoldenRecipient;
  readonly purpose: PurposeOfUse;
  readonly situation: GoldenSituation;
}

/** Every row's inputs, in table order: kind, recipient, purpose, situation. */
export function goldenInputs(): GoldenInput[] {
  const inputs: GoldenInput[] = [];
  for (const { code: kind } of informationKinds.entries) {
    for (const recipient of goldenRecipients) {
      for (const { code: purpose } of purposesOfUse.entries) {
        for (const item of goldenSituations) inputs.push({ kind, recipient, purpose, situation: item });
      }
    }
  }
  return inputs;
}

/** The moment every golden request is made at; consents run through 2026, the out-of-force ones stop on 1 May. */
export const GOLDEN_AT = "2026-06-01T12:00:00Z";

// Each consent is written out as one literal of one shape (no conditional spreads), as a host's parsed JSON would be.
function consentsFor(input: GoldenInput, party: { kind: RecipientKind; id: string }): ConsentOnFile[] {
  const { consent } = input.situation;
  if (consent === "none") return [];
  const withhold = consent.startsWith("withhold");
  return [
    {
      id: "c-golden",
      memberId: "m-subject",
      grantedBy: consent === "guardian" ? "guardian" : "self",
      recipients: [withhold ? { kind: "outside-provider", id: "someone-else" } : party],
      purposes: [input.purpose],
      dataClasses: consent === "part2-general" ? [...informationKinds.codes] : [input.kind],
      validFrom: "2026-01-01T00:00:00Z",
      validUntil: consent === "expired" ? "2026-05-01T00:00:00Z" : "2026-12-31T23:59:59Z",
      revokedAt: consent === "revoked" ? "2026-05-01T00:00:00Z" : undefined,
      form: "written",
      legalBasis: consent === "part2" || consent === "part2-general" ? "42-cfr-part-2" : "hipaa-authorization",
      withholdFrom: !withhold
        ? undefined
        : consent === "withhold"
          ? [party]
          : [{ kind: party.kind, name: WITHHELD_NAME }],
    },
  ];
}

/** The person the by-name withholdings name, and the name each by-name state gives the recipient. */
const WITHHELD_NAME = "Hector Delgado";
const RECIPIENT_NAMES: Partial<Record<GoldenConsent, string>> = {
  "withhold-variant": "delgado,\u00a0HÉCTOR.",
  "withhold-partial": "H. Delgado",
  "withhold-other": "Maria Delgado",
};

/** The request a row stands for: every fact the rules read is stated, so nothing is unknown. */
export function goldenRequest(input: GoldenInput): DisclosureRequest {
  const { kind, recipient, purpose, situation: s } = input;
  // The member themselves carries the member's id, and the author the author's: the check refuses a request whose
  // facts contradict its ids.
  const id = recipient.isSubject ? "m-subject" : recipient.code.replace("/", "-");
  const party = { kind: recipient.kind, id };
  const to: DisclosureRecipient = {
    kind: recipient.kind,
    id,
    name: RECIPIENT_NAMES[s.consent],
    isSubject: recipient.isSubject,
    activeFacilitator: recipient.activeFacilitator,
    isOriginator: recipient.isOriginator,
    withinAgency: recipient.withinAgency,
  };
  return {
    information: {
      kind,
      memberId: "m-subject",
      groupId: "g-golden",
      authorId: "facilitator-author",
      deidentified: s.circumstance === "deidentified",
      labels: s.sud
        ? { confidentiality: "R", sensitivity: ["SUD"], law: ["42CFRPart2"] }
        : { confidentiality: "N", sensitivity: [], law: [] },
    },
    recipient: to,
    purpose,
    circumstances: {
      imminentThreat: s.circumstance === "threat",
      suspectedChildAbuse: s.circumstance === "abuse",
      courtOrder: s.circumstance === "court",
      medicalEmergency: s.circumstance === "emergency",
      consentOverridden: s.circumstance === "override",
      oversightOfOriginator: s.circumstance === "oversight",
    },
    consents: consentsFor(input, party),
    at: GOLDEN_AT,
    subject: { minor: s.circumstance === "minor", consentedToOwnCare: s.circumstance === "minor" },
    jurisdiction: { dutyToWarn: s.dutyToWarn, minorConsent: "minor" },
  };
}

/** The CSV header: inputs first, then the decision. */
export const GOLDEN_HEADER =
  "kind,recipient,purpose,consent,sud,circumstance,duty_to_warn,effect,basis,determining_rules,obligations";

/** The inputs of a row as CSV cells. */
export function inputCells(input: GoldenInput): string[] {
  const { kind, recipient, purpose, situation: s } = input;
  return [kind, recipient.code, purpose, s.consent, s.sud ? "SUD" : "-", s.circumstance, s.dutyToWarn];
}

/** What the table writes of a decision. */
export interface DecisionContent {
  readonly effect: string;
  readonly basis: string;
  readonly determiningRules: readonly string[];
  readonly obligations: readonly string[];
}

/** A decision as CSV cells; lists are space-separated, `-` for none. */
export function decisionCells(decision: DecisionContent): string[] {
  const list = (items: readonly string[]) => (items.length === 0 ? "-" : items.join(" "));
  return [decision.effect, decision.basis, list(decision.determiningRules), list(decision.obligations)];
}

/** One CSV line. No cell holds a comma, so none is quoted. */
export function csvLine(cells: readonly string[]): string {
  return cells.join(",");
}
