// An audit record of one decision (HL7 AUDTR; 45 CFR 164.528 asks for the date, the recipient, what was disclosed and
// why). It keeps ids, codes, labels and the decision's grounds, and never the information's text: the record is built
// field by field from what the request's type names, and each value is copied only when it is a known code or a
// non-empty id, so a host's own fields, and free text where a code belongs, stay out. What was left out is named.
import { isInstant, readInstantArgument } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type {
  ConfidentialityLevel,
  InformationKind,
  PrivacyLawCode,
  PurposeOfUse,
  RecipientKind,
  SensitivityCode,
} from "../model/index.js";
import type { DecisionBasis, DisclosureDecision, MatchedRules } from "./decision-types.js";
import { OBLIGATION_ORDER } from "./policy.js";
import { CIRCUMSTANCE_FACTS, KNOWN } from "./request-codes.js";
import type { DisclosureCircumstances, DisclosureRequest } from "./request-types.js";
import type { DisclosureObligation } from "./rule-types.js";

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
 * };
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
 * };
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
   * instant (`information.kind`, `information.labels.sensitivity[1]`), sorted; empty when everything was copied.
   */
  readonly omitted: readonly string[];
}

// Sorted by name, so the filtered list is sorted too.
const CIRCUMSTANCES = [...CIRCUMSTANCE_FACTS].sort() as readonly (keyof DisclosureCircumstances)[];
const EFFECTS: ReadonlySet<unknown> = /* @__PURE__ */ new Set(["permit", "deny"]);
const BASES: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "default-deny",
  "error",
  "explicit-forbid",
  "explicit-permit",
  "invalid-request",
]);
const OBLIGATIONS: ReadonlySet<unknown> = /* @__PURE__ */ new Set(OBLIGATION_ORDER);

type Fields = Readonly<Record<string, unknown>>;

function isObject(value: unknown): value is Fields {
  return typeof value === "object" && value !== null;
}

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";

// Copies what can be trusted and names the rest: a value is copied only when it is one of the known codes or a
// non-empty string id; anything else present (free text in a code's place, an object, a number) is left out.
class Copier {
  readonly omitted: string[] = [];

  code<T>(value: unknown, codes: ReadonlySet<unknown>, path: string): T | undefined {
    if (codes.has(value)) return value as T;
    this.omitted.push(path);
    return undefined;
  }

  id(value: unknown, path: string, optional: boolean): string | undefined {
    if (isId(value)) return value;
    if (!(optional && value === undefined)) this.omitted.push(path);
    return undefined;
  }

  codes<T>(value: unknown, codes: ReadonlySet<unknown>, path: string): T[] {
    if (!Array.isArray(value)) {
      this.omitted.push(path);
      return [];
    }
    const kept: T[] = [];
    value.forEach((item: unknown, index) => {
      if (codes.has(item)) kept.push(item as T);
      else this.omitted.push(`${path}[${index}]`);
    });
    return kept.sort();
  }
}

// An optional field, present only when it has a value, so the record's keys say what it holds.
function field<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

function invalidDecision(what: string, value: unknown): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `toAuditRecord: decision.${what} must be as checkDisclosure returns it, not ${describeValue(value)}; pass the decision checkDisclosure returned.`,
  );
}

function ruleIds(value: unknown, what: string): string[] {
  if (!Array.isArray(value) || !value.every(isId)) throw invalidDecision(what, value);
  return [...value];
}

// The decision is the library's own output: anything else is a programming error, thrown about with its field named.
function readDecision(
  decision: unknown,
): Pick<AuditRecord, "basis" | "determiningRules" | "effect" | "matchedRules" | "obligations" | "policyVersion"> {
  if (!isObject(decision)) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: decision must be a decision from checkDisclosure, not ${describeValue(decision)}.`,
    );
  }
  const { effect, basis, matchedRules, obligations, policyVersion } = decision;
  if (!EFFECTS.has(effect)) throw invalidDecision("effect", effect);
  if (!BASES.has(basis)) throw invalidDecision("basis", basis);
  // A permit stands only on a permit rule that held (explicit-permit), and that basis only ever gives a permit: a
  // record that says otherwise would log a disclosure the policy never allowed.
  if ((effect === "permit") !== (basis === "explicit-permit")) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: decision.effect ${describeValue(effect)} contradicts decision.basis ${describeValue(basis)}: ` +
        'only a decision with basis "explicit-permit" is a permit; pass the decision checkDisclosure returned.',
    );
  }
  const determiningRules = ruleIds(decision["determiningRules"], "determiningRules");
  if (!isObject(matchedRules)) throw invalidDecision("matchedRules", matchedRules);
  const permit = ruleIds(matchedRules["permit"], "matchedRules.permit");
  const forbid = ruleIds(matchedRules["forbid"], "matchedRules.forbid");
  if (!Array.isArray(obligations) || !obligations.every((code) => OBLIGATIONS.has(code))) {
    throw invalidDecision("obligations", obligations);
  }
  if (typeof policyVersion !== "string") throw invalidDecision("policyVersion", policyVersion);
  return {
    effect: effect as DisclosureDecision["effect"],
    basis: basis as DecisionBasis,
    determiningRules,
    matchedRules: { permit, forbid },
    obligations: [...(obligations as DisclosureObligation[])],
    policyVersion,
  };
}

/**
 * The audit record of a decision: ids, labels, recipient, purpose, circumstances, effect, basis, rules and policy
 * version. It never holds the information's text, nor any field the request's type does not name: each value is
 * copied only when it is a known code, a non-empty id or an instant, and `omitted` names where one was left out.
 *
 * @param request - the request that was checked
 * @param decision - the decision `checkDisclosure` returned for it
 * @param options - the decision's id in the host's log and the moment the record is written
 * @throws {GroupworkError} `invalid-argument` when `options` is not an object, `options.decisionId` is empty,
 *   `options.at` is neither ISO 8601 text with an offset nor a valid `Date`, the request has no information, labels or recipient
 *   object, or `decision` (or one of its fields, which the error names) is not as `checkDisclosure` returns it,
 *   including a `decision.effect` its `decision.basis` contradicts (a permit only with basis `explicit-permit`)
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
 * @example
 * // A host put a sentence where the kind of information belongs: the record leaves it out and says where.
 * const request = {
 *   information: { kind: { note: "Lena said she cannot face the anniversary." }, memberId: "m-lena", groupId: "grp-thursday-grief",
 *     labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "family-or-guardian", name: "Katrin Hoffmann" },
 *   purpose: "FAMRQT",
 *   at: "2026-03-27T16:30:00-05:00",
 * };
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
  if (!isObject(options)) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: options must be an object with decisionId and at, not ${describeValue(options)}.`,
    );
  }
  const { decisionId, at } = options;
  if (!isId(decisionId)) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: options.decisionId must be a non-empty string, not ${describeValue(decisionId)}.`,
    );
  }
  const recordedTime = readInstantArgument(at, "toAuditRecord: options.at");
  const recordedAt = typeof at === "string" ? at : new Date(recordedTime).toISOString();
  const grounds = readDecision(decision);
  const asked: unknown = request;
  const information = isObject(asked) ? asked["information"] : undefined;
  const recipient = isObject(asked) ? asked["recipient"] : undefined;
  const labels = isObject(information) ? information["labels"] : undefined;
  if (!isObject(asked) || !isObject(information) || !isObject(recipient) || !isObject(labels)) {
    throw new GroupworkError(
      "invalid-argument",
      "toAuditRecord: request must have information (with labels) and recipient objects.",
    );
  }
  const copy = new Copier();
  const requestedFor = typeof asked["at"] === "string" && isInstant(asked["at"]) ? asked["at"] : undefined;
  if (requestedFor === undefined) copy.omitted.push("at");
  const established = isObject(asked["circumstances"]) ? asked["circumstances"] : {};
  const circumstances = CIRCUMSTANCES.filter((name) => established[name] === true);
  const kind = copy.code<InformationKind>(information["kind"], KNOWN.informationKinds, "information.kind");
  const groupId = copy.id(information["groupId"], "information.groupId", false);
  const memberId = copy.id(information["memberId"], "information.memberId", true);
  const authorId = copy.id(information["authorId"], "information.authorId", true);
  const confidentiality = copy.code<ConfidentialityLevel>(
    labels["confidentiality"],
    KNOWN.levels,
    "information.labels.confidentiality",
  );
  const sensitivity = copy.codes<SensitivityCode>(
    labels["sensitivity"],
    KNOWN.sensitivity,
    "information.labels.sensitivity",
  );
  const law = copy.codes<PrivacyLawCode>(labels["law"], KNOWN.laws, "information.labels.law");
  const recipientKind = copy.code<RecipientKind>(recipient["kind"], KNOWN.recipientKinds, "recipient.kind");
  const recipientId = copy.id(recipient["id"], "recipient.id", true);
  const name = copy.id(recipient["name"], "recipient.name", true);
  const organisation = copy.id(recipient["organisation"], "recipient.organisation", true);
  const purpose = copy.code<PurposeOfUse>(asked["purpose"], KNOWN.purposes, "purpose");
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
