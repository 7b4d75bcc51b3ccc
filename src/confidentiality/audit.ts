// An audit record of one decision (HL7 AUDTR; 45 CFR 164.528 asks for the date, the recipient, what was disclosed and
// why). It keeps ids, labels and the decision's grounds, and never the information's text: the record is built field
// by field from what the request's type names, so anything else a host put in the request is left out.
import { isInstant } from "../_lib/dates.js";
import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { InformationKind, PurposeOfUse, RecipientKind } from "../model/index.js";
import type { DecisionBasis, DisclosureDecision, MatchedRules } from "./decision-types.js";
import type { DisclosureObligation } from "./rule-types.js";
import type { DisclosureCircumstances, DisclosureRequest, InformationLabels } from "./types.js";

/**
 * Options of {@link toAuditRecord}: the host's id for the decision and when the record is written.
 *
 * @example
 * const request = {
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-10T10:00:00-05:00",
 * };
 * // The host names the decision in its log and says when it wrote the record, a few seconds after the check.
 * const record = toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0311", at: "2026-03-10T10:00:04-05:00" });
 * [record.decisionId, record.requestedFor, record.recordedAt]
 * //=> ["disc-2026-0311", "2026-03-10T10:00:00-05:00", "2026-03-10T10:00:04-05:00"]
 */
export interface AuditRecordOptions {
  /** The id the host gives this decision in its audit log. */
  readonly decisionId: string;
  /** When the record is written, an ISO 8601 instant with an offset (the library reads no clock). */
  readonly at: string;
}

/**
 * Who the information would go to, as the audit record keeps it: kind, id, name and organisation, nothing more.
 *
 * @example
 * const request = {
 *   information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   // The host's own fields (a fax number) and the facts the rules read (withinAgency) stay out of the record.
 *   recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine", withinAgency: false, fax: "+1 312 555 0147" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-10T10:00:00-05:00",
 * };
 * toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0311", at: "2026-03-10T10:00:04-05:00" }).recipient
 * //=> { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }
 */
export interface AuditRecipient {
  /** What kind of recipient. */
  readonly kind: RecipientKind;
  /** Their id in the host system. */
  readonly id?: string;
  /** The person's or body's name. */
  readonly name?: string;
  /** Their organisation. */
  readonly organisation?: string;
}

/**
 * What the disclosure was about, as the audit record keeps it: ids and labels, never the text.
 *
 * @example
 * const request = {
 *   information: {
 *     kind: "self-disclosure", memberId: "m-jamal", groupId: "grp-thursday-grief", authorId: "f-rivera",
 *     labels: { confidentiality: "R", sensitivity: ["SUD", "MH"], law: ["42CFRPart2"] },
 *     // A host that carries the words along: the audit record leaves them out.
 *     text: "Jamal said he has been drinking again since the anniversary.",
 *   },
 *   recipient: { kind: "outside-provider", name: "Renee Carter", organisation: "Northside Counselling" },
 *   purpose: "COC",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-20T09:00:00-05:00",
 * };
 * toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0320", at: "2026-03-20T09:00:03-05:00" }).information
 * //=> {
 *   kind: "self-disclosure", groupId: "grp-thursday-grief", memberId: "m-jamal", authorId: "f-rivera",
 *   labels: { confidentiality: "R", sensitivity: ["MH", "SUD"], law: ["42CFRPart2"] },
 * }
 */
export interface AuditInformation {
  /** What kind of information. */
  readonly kind: InformationKind;
  /** The group it comes from. */
  readonly groupId: string;
  /** The member it is about. */
  readonly memberId?: string;
  /** Who wrote it. */
  readonly authorId?: string;
  /** Its labels, each list sorted. */
  readonly labels: InformationLabels;
}

/**
 * The audit record of one disclosure decision: plain JSON, ready for an append-only log.
 *
 * @example
 * // Lena asked that Mark Hoffmann never receive her information (consent c-lena-daughter); he asks for her attendance.
 * const request = {
 *   information: { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Mark Hoffmann" },
 *   purpose: "FAMRQT",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-27T16:30:00-05:00",
 * };
 * toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0327", at: "2026-03-27T16:30:02-05:00" })
 * //=> {
 *   decisionId: "disc-2026-0327",
 *   recordedAt: "2026-03-27T16:30:02-05:00",
 *   requestedFor: "2026-03-27T16:30:00-05:00",
 *   information: { kind: "attendance", groupId: "grp-thursday-grief", memberId: "m-lena", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Mark Hoffmann" },
 *   purpose: "FAMRQT",
 *   circumstances: [],
 *   effect: "deny",
 *   basis: "explicit-forbid",
 *   determiningRules: ["withhold-from-named-person"],
 *   matchedRules: { permit: [], forbid: ["withhold-from-named-person"] },
 *   obligations: [],
 *   policyVersion: "groupwork-default-1",
 * }
 */
export interface AuditRecord {
  /** The host's id of this decision. */
  readonly decisionId: string;
  /** When the record was written. */
  readonly recordedAt: string;
  /** The moment of the disclosure the request asked about. */
  readonly requestedFor: string;
  /** What was asked about. */
  readonly information: AuditInformation;
  /** Who would receive it. */
  readonly recipient: AuditRecipient;
  /** Why, as an HL7 purpose of use. */
  readonly purpose: PurposeOfUse;
  /** The circumstances established, by name, sorted (`courtOrder`, `imminentThreat`, …). */
  readonly circumstances: readonly string[];
  /** `permit` or `deny`. */
  readonly effect: "permit" | "deny";
  /** Why. */
  readonly basis: DecisionBasis;
  /** The rules that decided. */
  readonly determiningRules: readonly string[];
  /** Every rule that held, by effect. */
  readonly matchedRules: MatchedRules;
  /** What the disclosure requires. */
  readonly obligations: readonly DisclosureObligation[];
  /** The version of the policy that decided. */
  readonly policyVersion: string;
}

// Sorted by name, so the filtered list is sorted too.
const CIRCUMSTANCES = [
  "consentOverridden",
  "courtOrder",
  "imminentThreat",
  "medicalEmergency",
  "suspectedChildAbuse",
] as const satisfies readonly (keyof DisclosureCircumstances)[];

function isObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function sorted<T extends string>(values: readonly T[] | undefined): T[] {
  return Array.isArray(values) ? [...values].sort() : [];
}

// Copies an optional string field only when it is one, so exactOptionalPropertyTypes holds and nothing else leaks.
function optional<K extends string>(key: K, value: unknown): { [P in K]?: string } {
  return typeof value === "string" ? ({ [key]: value } as { [P in K]?: string }) : {};
}

/**
 * The audit record of a decision: ids, labels, recipient, purpose, circumstances, effect, basis, rules and policy
 * version. It never holds the information's text, nor any field the request's type does not name.
 *
 * @param request - the request that was checked
 * @param decision - the decision `checkDisclosure` returned for it
 * @param options - the decision's id in the host's log and the moment the record is written
 * @throws {GroupworkError} `invalid-argument` when `decisionId` is empty, `at` is not an ISO 8601 instant with an
 *   offset, the request has no information, labels or recipient object, or `decision` is not a decision
 * @returns a plain record; lists sorted, so records of the same decision compare deep-equal
 * @example
 * const request = {
 *   information: { kind: "attendance", memberId: "m-aroha", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "researcher", organisation: "Midwest Bereavement Support Study" },
 *   purpose: "HRESCH",
 *   at: "2026-03-10T10:00:00-05:00",
 * };
 * const decision = checkDisclosure(request, { policy: definePolicy([], { version: "empty" }) });
 * const record = toAuditRecord(request, decision, { decisionId: "d-1", at: "2026-03-10T10:00:02-05:00" });
 * [record.recipient, record.effect, record.basis, record.policyVersion]
 * //=> [{ kind: "researcher", organisation: "Midwest Bereavement Support Study" }, "deny", "default-deny", "empty"]
 */
export function toAuditRecord(
  request: DisclosureRequest,
  decision: DisclosureDecision,
  options: AuditRecordOptions,
): AuditRecord {
  const { decisionId, at } = options ?? {};
  if (typeof decisionId !== "string" || decisionId === "") {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: decisionId must be a non-empty string, not ${describeValue(decisionId)}.`,
    );
  }
  if (typeof at !== "string" || !isInstant(at)) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: at must be an ISO 8601 instant with an offset, not ${describeValue(at)}.`,
    );
  }
  if (typeof decision !== "object" || decision === null || !Array.isArray(decision.determiningRules)) {
    throw new GroupworkError("invalid-argument", "toAuditRecord: decision must be a decision from checkDisclosure.");
  }
  const { information, recipient } = request ?? {};
  if (!isObject(information) || !isObject(recipient) || !isObject(information.labels)) {
    throw new GroupworkError(
      "invalid-argument",
      "toAuditRecord: request must have information (with labels) and recipient objects.",
    );
  }
  const established = request.circumstances ?? {};
  const circumstances = CIRCUMSTANCES.filter((name) => established[name] === true);
  return {
    decisionId,
    recordedAt: at,
    requestedFor: request.at,
    information: {
      kind: information.kind,
      groupId: information.groupId,
      ...optional("memberId", information.memberId),
      ...optional("authorId", information.authorId),
      labels: {
        confidentiality: information.labels.confidentiality,
        sensitivity: sorted(information.labels.sensitivity),
        law: sorted(information.labels.law),
      },
    },
    recipient: {
      kind: recipient.kind,
      ...optional("id", recipient.id),
      ...optional("name", recipient.name),
      ...optional("organisation", recipient.organisation),
    },
    purpose: request.purpose,
    circumstances,
    effect: decision.effect,
    basis: decision.basis,
    determiningRules: [...decision.determiningRules],
    matchedRules: { permit: [...decision.matchedRules.permit], forbid: [...decision.matchedRules.forbid] },
    obligations: [...decision.obligations],
    policyVersion: decision.policyVersion,
  };
}
