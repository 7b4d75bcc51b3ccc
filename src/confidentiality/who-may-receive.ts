// For a screen: one piece of information, many possible recipients and purposes, each with its decision. Each pair
// is checked exactly as checkDisclosure would check it, so the screen and the check can never disagree.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { PurposeOfUse } from "../model/index.js";
import { type CheckDisclosureOptions, checkDisclosure } from "./check.js";
import type { DisclosureDecision } from "./decision-types.js";
import type { DisclosureRecipient, DisclosureRequest } from "./request-types.js";

/**
 * The information and its situation: everything of a `DisclosureRequest` but the recipient and the purpose.
 *
 * @example
 * // Lena's attendance, with her consents on file: her daughter Katrin may have it, Mark Hoffmann may not.
 * const lenaAttendance: DisclosureSituation = {
 *   information: { kind: "attendance", memberId: "m-lena", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-03-27T16:30:00-05:00",
 * };
 * const answer = whoMayReceive(lenaAttendance, [
 *   { recipient: { kind: "family-or-guardian", name: "Katrin Hoffmann" }, purpose: "FAMRQT" },
 *   { recipient: { kind: "family-or-guardian", name: "Mark Hoffmann" }, purpose: "FAMRQT" },
 * ]);
 * [answer.permitted.map((one) => one.recipient.name), answer.denied.map((one) => one.recipient.name)]
 * //=> [["Katrin Hoffmann"], ["Mark Hoffmann"]]
 */
export type DisclosureSituation = Omit<DisclosureRequest, "recipient" | "purpose">;

/**
 * One possible recipient with the purpose they would receive the information for.
 *
 * @example
 * // Who may have Hope's progress note: her primary care provider, a payer, another member of the group.
 * const candidates: DisclosureCandidate[] = [
 *   { recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }, purpose: "COC" },
 *   { recipient: { kind: "payer", organisation: "Prairie Health Plan" }, purpose: "HPAYMT" },
 *   { recipient: { kind: "group-member", id: "m-will" }, purpose: "FAMRQT" },
 * ];
 * const answer = whoMayReceive(
 *   { information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     consents: sampleGroupRecord.consents, at: "2026-03-10T10:00:00-05:00" },
 *   candidates,
 * );
 * [answer.permitted.map((one) => one.index), answer.denied.map((one) => [one.index, one.decision.basis])]
 * //=> [[0], [[1, "default-deny"], [2, "explicit-forbid"]]]
 */
export interface DisclosureCandidate {
  /** Who would receive it. */
  readonly recipient: DisclosureRecipient;
  /** Why, as an HL7 purpose of use. */
  readonly purpose: PurposeOfUse;
}

/**
 * One candidate with its decision.
 *
 * @example
 * const { permitted: [osei] } = whoMayReceive(
 *   { information: { kind: "progress-note", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     consents: sampleGroupRecord.consents, at: "2026-03-10T10:00:00-05:00" },
 *   [{ recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }, purpose: "COC" }],
 * );
 * [osei?.index, osei?.purpose, osei?.decision.obligations, osei?.decision.advice]
 * //=> [
 *   0,
 *   "COC",
 *   ["document"],
 *   ["Share only what the consent covers, and note the consent's id with the disclosure.", 'Consent "c-hope-pcp" covers this disclosure.'],
 * ]
 */
export interface CandidateAnswer extends DisclosureCandidate {
  /** The candidate's place in the list given, from 0. */
  readonly index: number;
  /** The decision for this recipient and purpose, with its reasons. */
  readonly decision: DisclosureDecision;
}

/**
 * The answer of {@link whoMayReceive}: the candidates split by effect, each list in the order the candidates came.
 *
 * @example
 * // A payer and Grace, another member, both ask for Hope's attendance; Hope has consented to the payer having it.
 * const payerConsent = {
 *   id: "c-hope-payer", memberId: "m-hope", grantedBy: "self", recipients: [{ kind: "payer", organisation: "Prairie Health Plan" }],
 *   purposes: ["HPAYMT"], dataClasses: ["attendance"], validFrom: "2026-02-01T00:00:00-06:00", form: "written",
 * } as const;
 * const answer = whoMayReceive(
 *   { information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     consents: [payerConsent], at: "2026-04-30T09:00:00-05:00" },
 *   [
 *     { recipient: { kind: "payer", organisation: "Prairie Health Plan" }, purpose: "HPAYMT" },
 *     { recipient: { kind: "group-member", id: "m-grace" }, purpose: "FAMRQT" },
 *   ],
 * );
 * [answer.permitted.map((one) => one.decision.obligations), answer.denied.map((one) => one.decision.determiningRules)]
 * //=> [[["MINEC", "REDACT", "document"]], [["member-no-peer-records"]]]
 */
export interface WhoMayReceive {
  /** Candidates who may receive the information, with the obligations in their decisions. */
  readonly permitted: readonly CandidateAnswer[];
  /** Candidates who may not, with the reasons in their decisions. */
  readonly denied: readonly CandidateAnswer[];
}

const isObject = (value: unknown): value is object =>
  typeof value === "object" && value !== null && !Array.isArray(value);
const isFields = (value: unknown): value is Readonly<Record<string, unknown>> => isObject(value);

function fail(message: string): never {
  throw new GroupworkError("invalid-argument", `whoMayReceive: ${message}`);
}

/**
 * Which of several recipient and purpose pairs may receive one piece of information, and why the others may not.
 *
 * @param situation - the information, circumstances, consents, moment and jurisdiction, as in a `DisclosureRequest`
 * @param candidates - the recipients and purposes to ask about
 * @param options - the policy to use, as for `checkDisclosure`
 * @throws {GroupworkError} `invalid-argument` when `situation` is not an object, `candidates` is not an array of
 *   objects each with an object `recipient` and a string `purpose`, `options` is not an object, or as
 *   `checkDisclosure` throws; a situation or candidate that is an object but says something unreadable (an unknown
 *   recipient kind or purpose, a bad `at`) is not thrown about: its candidate is denied with basis `invalid-request`
 * @returns the permitted and the denied candidates, each with its index in `candidates` and its decision
 * @example
 * const policy = definePolicy([
 *   { id: "facilitators-treat", effect: "permit", description: "Active facilitators may use group data for treatment.",
 *     source: "45 CFR 164.502(b)", obligations: [],
 *     when: (request) => request.recipient.activeFacilitator === true && request.purpose === "TREAT" },
 * ], { version: "demo" });
 * const answer = whoMayReceive(
 *   { information: { kind: "attendance", memberId: "m-hope", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     at: "2026-03-10T10:00:00-05:00" },
 *   [{ recipient: { kind: "payer" }, purpose: "HPAYMT" }, { recipient: { kind: "facilitator", activeFacilitator: true }, purpose: "TREAT" }],
 *   { policy },
 * );
 * [answer.permitted.map((one) => one.index), answer.denied.map((one) => one.decision.basis)]
 * //=> [[1], ["default-deny"]]
 */
export function whoMayReceive(
  situation: DisclosureSituation,
  candidates: readonly DisclosureCandidate[],
  options: CheckDisclosureOptions = {},
): WhoMayReceive {
  // The arguments' shape is checked before any candidate, so a bad call fails at once whatever the list holds (an
  // empty list included); what the situation and each candidate say is read by checkDisclosure, as for one request.
  if (!isFields(situation)) {
    fail(
      `situation must be an object (a disclosure request without recipient and purpose), not ${describeValue(situation)}.`,
    );
  }
  if (!Array.isArray(candidates)) {
    fail(`candidates must be an array of { recipient, purpose }, not ${describeValue(candidates)}.`);
  }
  if (!isFields(options)) fail(`options must be an object, not ${describeValue(options)}.`);
  const read: DisclosureCandidate[] = [];
  for (let index = 0; index < candidates.length; index++) {
    const candidate: unknown = candidates[index];
    const where = `candidates[${index}]`;
    if (!isFields(candidate))
      fail(`${where} must be an object with a recipient and a purpose, not ${describeValue(candidate)}.`);
    const { recipient, purpose } = candidate;
    if (!isObject(recipient)) fail(`${where}.recipient must be an object, not ${describeValue(recipient)}.`);
    if (typeof purpose !== "string")
      fail(`${where}.purpose must be a purpose-of-use code, not ${describeValue(purpose)}.`);
    // Only their shape is known here; checkDisclosure reads what they say, as it reads any request.
    read.push({ recipient: recipient as DisclosureRecipient, purpose: purpose as PurposeOfUse });
  }
  const permitted: CandidateAnswer[] = [];
  const denied: CandidateAnswer[] = [];
  read.forEach(({ recipient, purpose }, index) => {
    const decision = checkDisclosure({ ...situation, recipient, purpose }, options);
    (decision.effect === "permit" ? permitted : denied).push({ recipient, purpose, index, decision });
  });
  return { permitted, denied };
}
