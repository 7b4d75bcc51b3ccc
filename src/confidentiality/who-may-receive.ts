// For a screen: one piece of information, many possible recipients and purposes, each with its decision. Each pair
// is checked exactly as checkDisclosure would check it, so the screen and the check can never disagree.
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import type { PurposeOfUse } from "../model/index.js";
import { type CheckDisclosureOptions, checkDisclosure, readPolicyOption } from "./check.js";
import type { DisclosureDecision } from "./decision-types.js";
import { listLengthProblem } from "./limits.js";
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

/** Reads part of the arguments; what it throws other than a GroupworkError becomes one naming `path`. */
const readable = <T>(path: string, read: () => T): T => readArgument(`whoMayReceive: ${path}`, read);

/**
 * Which of several recipient and purpose pairs may receive one piece of information, and why the others may not.
 *
 * The situation's fields are read once, as `checkDisclosure` reads a request's (by name, a getter or an inherited
 * field included), and each candidate's request is built from those values, so a situation `checkDisclosure` would
 * read one way is read the same way here.
 *
 * @param situation - the information, circumstances, consents, moment and jurisdiction, as in a `DisclosureRequest`
 * @param candidates - the recipients and purposes to ask about, at most 10,000
 * @param options - the policy to use, as for `checkDisclosure`
 * @throws {GroupworkError} `invalid-argument` when `situation` is not an object, `candidates` is not an array of
 *   objects each with an object `recipient` and a string `purpose` or holds more than 10,000 of them, reading
 *   `situation`, `candidates` or `options` throws (a getter, or a Proxy, a revoked one among them; the message names
 *   the field), or `options` is not as `checkDisclosure` takes it (an object whose only key is `policy`, a policy it
 *   accepts); a situation or candidate that is an object but says something
 *   unreadable (an unknown recipient kind or purpose, a bad `at`) is not thrown about: its candidate is denied with
 *   basis `invalid-request`
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
  const given = readable("situation", () => {
    if (!isFields(situation)) {
      fail(
        `situation must be an object (a disclosure request without recipient and purpose), not ${describeValue(situation)}.`,
      );
    }
    // Read by name, as checkDisclosure reads a request, never spread: a spread drops getters on a prototype and
    // inherited fields, which checkDisclosure reads.
    const { information, circumstances, subject, jurisdiction, consents, at } = situation;
    return { information, circumstances, subject, jurisdiction, consents, at };
  });
  const count = readable("candidates", () => {
    if (!Array.isArray(candidates)) {
      fail(`candidates must be an array of { recipient, purpose }, not ${describeValue(candidates)}.`);
    }
    const { length } = candidates;
    const tooLong = listLengthProblem(length);
    if (tooLong !== undefined) fail(`candidates ${tooLong}.`);
    return length;
  });
  const policy = readPolicyOption(options, "whoMayReceive");
  const read: DisclosureCandidate[] = [];
  for (let index = 0; index < count; index++) {
    const where = `candidates[${index}]`;
    read.push(
      readable(where, () => {
        const candidate: unknown = candidates[index];
        if (!isFields(candidate)) {
          fail(`${where} must be an object with a recipient and a purpose, not ${describeValue(candidate)}.`);
        }
        const { recipient, purpose } = candidate;
        if (!isObject(recipient)) fail(`${where}.recipient must be an object, not ${describeValue(recipient)}.`);
        if (typeof purpose !== "string") {
          fail(`${where}.purpose must be a purpose-of-use code, not ${describeValue(purpose)}.`);
        }
        // Only their shape is known here; checkDisclosure reads what they say, as it reads any request.
        return { recipient: recipient as DisclosureRecipient, purpose: purpose as PurposeOfUse };
      }),
    );
  }
  const permitted: CandidateAnswer[] = [];
  const denied: CandidateAnswer[] = [];
  read.forEach(({ recipient, purpose }, index) => {
    const request = { ...given, recipient, purpose } as DisclosureRequest;
    const decision = checkDisclosure(request, { policy: policy as CheckDisclosureOptions["policy"] });
    (decision.effect === "permit" ? permitted : denied).push({ recipient, purpose, index, decision });
  });
  return { permitted, denied };
}
