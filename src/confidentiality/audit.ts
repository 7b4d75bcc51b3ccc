// An audit record of one decision (HL7 AUDTR; 45 CFR 164.528 asks for the date, the recipient, what was disclosed and
// why). It keeps ids, codes, labels and the decision's grounds, and never the information's text: the record is built
// field by field from what the request's type names, and each value is copied only when it is a known code or a
// non-empty id, so a host's own fields, and free text where a code belongs, stay out. What was left out is named.
import { isInstant, readInstantArgument } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type {
  ConfidentialityLevel,
  InformationKind,
  PrivacyLawCode,
  PurposeOfUse,
  RecipientKind,
  SensitivityCode,
} from "../model/index.js";
import { Copier, isId, readDecision, readFields, readOrThrow } from "./audit-read.js";
import type { DecisionBasis, DisclosureDecision, MatchedRules } from "./decision-types.js";
import { CIRCUMSTANCE_FACTS, KNOWN } from "./request-codes.js";
import type { DisclosureRequest } from "./request-types.js";
import type { DisclosureObligation } from "./rule-types.js";

/**
 * Options of {@link toAuditRecord}: the host's id for the decision and when the record is written.
 *
 * @example
 * const request: DisclosureRequest = {
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
  /**
   * When the record is written (the library reads no clock): ISO 8601 text with an offset, seconds optional
   * (`2026-03-10T10:00-05:00`), or a `Date`. The record keeps text as given and writes a `Date` in UTC
   * (`toISOString`).
   */
  readonly at: string | Date;
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
 * } as const;
 * toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0311", at: "2026-03-10T10:00:04-05:00" }).recipient
 * //=> { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }
 */
export interface AuditRecipient {
  /** What kind of recipient; left out (and named in `omitted`) when the request's is not a known code. */
  readonly kind?: RecipientKind;
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
 * } as const;
 * toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0320", at: "2026-03-20T09:00:03-05:00" }).information
 * //=> {
 *   kind: "self-disclosure", groupId: "grp-thursday-grief", memberId: "m-jamal", authorId: "f-rivera",
 *   labels: { confidentiality: "R", sensitivity: ["MH", "SUD"], law: ["42CFRPart2"] },
 * }
 */
export interface AuditInformation {
  /** What kind of information; left out (and named in `omitted`) when the request's is not a known code. */
  readonly kind?: InformationKind;
  /** The group it comes from; left out when the request's is not a non-empty string. */
  readonly groupId?: string;
  /** The member it is about. */
  readonly memberId?: string;
  /** Who wrote it. */
  readonly authorId?: string;
  /** Its labels: the confidentiality level when it is a known one, and the known codes of each list, sorted. */
  readonly labels: {
    readonly confidentiality?: ConfidentialityLevel;
    readonly sensitivity: readonly SensitivityCode[];
    readonly law: readonly PrivacyLawCode[];
  };
}

/**
 * The audit record of one disclosure decision: plain JSON, ready for an append-only log.
 *
 * @example
 * // Lena asked that Mark Hoffmann never receive her information (consent c-lena-daughter); he asks for her attendance.
 * const request: DisclosureRequest = {
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
 *   policyVersion: "groupwork-default-2",
 *   omitted: [],
 * }
 */
export interface AuditRecord {
  /** The host's id of this decision. */
  readonly decisionId: string;
  /** When the record was written. */
  readonly recordedAt: string;
  /** The moment of the disclosure the request asked about; left out when the request's is not an ISO 8601 instant. */
  readonly requestedFor?: string;
  /** What was asked about. */
  readonly information: AuditInformation;
  /** Who would receive it. */
  readonly recipient: AuditRecipient;
  /** Why, as an HL7 purpose of use; left out when the request's is not a known code. */
  readonly purpose?: PurposeOfUse;
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
  /**
   * Where the request held a value the record does not copy because it is not a known code, a non-empty id or an
   * instant (`information.kind`, `information.labels.sensitivity[1]`), sorted; empty when everything was copied. A
   * list names its first 20 such entries; at the next one its copy stops, and the rest of it is named as one range
   * (`information.labels.sensitivity[20…]`), so a list of any length gives a short record.
   */
  readonly omitted: readonly string[];
}

// Sorted by name, so the filtered list is sorted too.
const CIRCUMSTANCES = [...CIRCUMSTANCE_FACTS].sort();

// An optional field, present only when it has a value, so the record's keys say what it holds.
function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/**
 * The audit record of a decision: ids, labels, recipient, purpose, circumstances, effect, basis, rules and policy
 * version. It never holds the information's text, nor any field the request's type does not name: each value is
 * copied only when it is a known code, a non-empty id or an instant, and `omitted` names where one was left out.
 *
 * @param request - the request that was checked
 * @param decision - the decision `checkDisclosure` returned for it
 * @param options - the decision's id in the host's log and the moment the record is written
 * @throws {GroupworkError} `invalid-argument` when `options` is not an object (an array included) or holds a key
 *   other than `decisionId` and `at`, `options.decisionId` is empty or only whitespace, a list of the request or the
 *   decision has more than 10,000 entries (refused before any is read),
 *   `options.at` is neither ISO 8601 text with an offset nor a valid `Date`, the request has no information, labels or recipient
 *   object, or `decision` (or one of its fields, which the error names) is not as `checkDisclosure` returns it,
 *   including a `decision.effect` its `decision.basis` contradicts (a permit only with basis `explicit-permit`); also
 *   when reading a field of any argument throws (a getter, or a Proxy, a revoked one among them), naming the field:
 *   each field is read once, so the record holds what was checked
 * @returns a plain record; lists sorted, so records of the same decision compare deep-equal
 * @example
 * const request: DisclosureRequest = {
 *   information: { kind: "attendance", memberId: "m-aroha", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "researcher", organisation: "Midwest Bereavement Support Study" },
 *   purpose: "HRESCH",
 *   at: "2026-03-10T10:00:00-05:00",
 * };
 * const decision = checkDisclosure(request, { policy: definePolicy([], { version: "empty" }) });
 * const record = toAuditRecord(request, decision, { decisionId: "d-1", at: "2026-03-10T10:00:02-05:00" });
 * [record.recipient, record.effect, record.basis, record.policyVersion]
 * //=> [{ kind: "researcher", organisation: "Midwest Bereavement Support Study" }, "deny", "default-deny", "empty"]
 * @example
 * // A host stored a request with a sentence where the kind of information belongs; read back from its JSON, the
 * // record leaves the sentence out and says where.
 * const stored = JSON.stringify({
 *   information: { kind: { note: "Lena said she cannot face the anniversary." }, memberId: "m-lena", groupId: "grp-thursday-grief",
 *     labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Katrin Hoffmann" },
 *   purpose: "FAMRQT",
 *   at: "2026-03-27T16:30:00-05:00",
 * });
 * const request: DisclosureRequest = JSON.parse(stored);
 * const record = toAuditRecord(request, checkDisclosure(request), { decisionId: "disc-2026-0328", at: "2026-03-27T16:30:02-05:00" });
 * [record.information, record.basis, record.omitted]
 * //=> [
 *   { groupId: "grp-thursday-grief", memberId: "m-lena", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   "invalid-request",
 *   ["information.kind"],
 * ]
 */
export function toAuditRecord(
  request: DisclosureRequest,
  decision: DisclosureDecision,
  options: AuditRecordOptions,
): AuditRecord {
  const given = readOrThrow("options", () => Array.isArray(options))
    ? undefined
    : readFields(options, ["decisionId", "at"], "options");
  if (given === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: options must be an object with decisionId and at, not ${describeValue(options)}.`,
    );
  }
  readOrThrow("options", () => refuseUnknownKeys(options, ["decisionId", "at"], "toAuditRecord: options"));
  const { decisionId, at } = given;
  if (!isId(decisionId)) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: options.decisionId must be a non-empty string${typeof decisionId === "string" && decisionId !== "" ? " with more than whitespace" : ""}, not ${describeValue(decisionId)}.`,
    );
  }
  // A Date is asked for its time, which a Proxy standing for one answers with an exception.
  const recordedTime = readOrThrow("options.at", () => readInstantArgument(at, "toAuditRecord: options.at"));
  const recordedAt = typeof at === "string" ? at : new Date(recordedTime).toISOString();
  const grounds = readDecision(decision);
  const asked = readFields(request, ["information", "recipient", "purpose", "at", "circumstances"], "request");
  const information = readFields(
    asked?.information,
    ["kind", "groupId", "memberId", "authorId", "labels"],
    "request.information",
  );
  const labels = readFields(
    information?.labels,
    ["confidentiality", "sensitivity", "law"],
    "request.information.labels",
  );
  const recipient = readFields(asked?.recipient, ["kind", "id", "name", "organisation"], "request.recipient");
  if (asked === undefined || information === undefined || labels === undefined || recipient === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      "toAuditRecord: request must have information (with labels) and recipient objects.",
    );
  }
  const copy = new Copier();
  const requestedFor = typeof asked.at === "string" && isInstant(asked.at) ? asked.at : undefined;
  if (requestedFor === undefined) copy.omitted.push("at");
  const established = readFields(asked.circumstances, CIRCUMSTANCES, "request.circumstances");
  const circumstances = CIRCUMSTANCES.filter((name) => established?.[name] === true);
  const kind = copy.code<InformationKind>(information.kind, KNOWN.informationKinds, "information.kind");
  const groupId = copy.id(information.groupId, "information.groupId", false);
  const memberId = copy.id(information.memberId, "information.memberId", true);
  const authorId = copy.id(information.authorId, "information.authorId", true);
  const confidentiality = copy.code<ConfidentialityLevel>(
    labels.confidentiality,
    KNOWN.levels,
    "information.labels.confidentiality",
  );
  const sensitivity = copy.codes<SensitivityCode>(
    labels.sensitivity,
    KNOWN.sensitivity,
    "information.labels.sensitivity",
  );
  const law = copy.codes<PrivacyLawCode>(labels.law, KNOWN.laws, "information.labels.law");
  const recipientKind = copy.code<RecipientKind>(recipient.kind, KNOWN.recipientKinds, "recipient.kind");
  const recipientId = copy.id(recipient.id, "recipient.id", true);
  const name = copy.id(recipient.name, "recipient.name", true);
  const organisation = copy.id(recipient.organisation, "recipient.organisation", true);
  const purpose = copy.code<PurposeOfUse>(asked.purpose, KNOWN.purposes, "purpose");
  return {
    decisionId,
    recordedAt,
    ...field("requestedFor", requestedFor),
    information: {
      ...field("kind", kind),
      ...field("groupId", groupId),
      ...field("memberId", memberId),
      ...field("authorId", authorId),
      labels: { ...field("confidentiality", confidentiality), sensitivity, law },
    },
    recipient: {
      ...field("kind", recipientKind),
      ...field("id", recipientId),
      ...field("name", name),
      ...field("organisation", organisation),
    },
    ...field("purpose", purpose),
    circumstances,
    ...grounds,
    omitted: copy.omitted.sort(),
  };
}
