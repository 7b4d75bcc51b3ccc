// For a screen: one piece of information, many possible recipients and purposes, each with its decision. Each pair
// is checked exactly as checkDisclosure would check it, so the screen and the check can never disagree.
import { GroupworkError } from "../_lib/errors.js";
import type { PurposeOfUse } from "../model/index.js";
import { type CheckDisclosureOptions, checkDisclosure } from "./check.js";
import type { DisclosureDecision } from "./decision-types.js";
import type { DisclosureRecipient, DisclosureRequest } from "./types.js";

/** The information and its situation: everything of a `DisclosureRequest` but the recipient and the purpose. */
export type DisclosureSituation = Omit<DisclosureRequest, "recipient" | "purpose">;

/** One possible recipient with the purpose they would receive the information for. */
export interface DisclosureCandidate {
  /** Who would receive it. */
  readonly recipient: DisclosureRecipient;
  /** Why, as an HL7 purpose of use. */
  readonly purpose: PurposeOfUse;
}

/** One candidate with its decision. */
export interface CandidateAnswer extends DisclosureCandidate {
  /** The candidate's place in the list given, from 0. */
  readonly index: number;
  /** The decision for this recipient and purpose, with its reasons. */
  readonly decision: DisclosureDecision;
}

/** The answer of {@link whoMayReceive}: the candidates split by effect, each list in the order the candidates came. */
export interface WhoMayReceive {
  /** Candidates who may receive the information, with the obligations in their decisions. */
  readonly permitted: readonly CandidateAnswer[];
  /** Candidates who may not, with the reasons in their decisions. */
  readonly denied: readonly CandidateAnswer[];
}

/**
 * Which of several recipient and purpose pairs may receive one piece of information, and why the others may not.
 *
 * @param situation - the information, circumstances, consents, moment and jurisdiction, as in a `DisclosureRequest`
 * @param candidates - the recipients and purposes to ask about
 * @param options - the policy to use, as for `checkDisclosure`
 * @throws {GroupworkError} `invalid-argument` when `candidates` is not an array, or as `checkDisclosure` throws
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
  if (!Array.isArray(candidates)) {
    throw new GroupworkError(
      "invalid-argument",
      "whoMayReceive: candidates must be an array of { recipient, purpose }.",
    );
  }
  const permitted: CandidateAnswer[] = [];
  const denied: CandidateAnswer[] = [];
  candidates.forEach((candidate: DisclosureCandidate, index) => {
    const decision = checkDisclosure(
      { ...situation, recipient: candidate?.recipient, purpose: candidate?.purpose },
      options,
    );
    const answer = { recipient: candidate?.recipient, purpose: candidate?.purpose, index, decision };
    (decision.effect === "permit" ? permitted : denied).push(answer);
  });
  return { permitted, denied };
}
