// A decision in sentences a social worker can read: the answer first, then why, then what the disclosure requires
// and what to do next. Built from the decision alone, so a stored decision can be explained later.
import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { DisclosureDecision } from "./decision-types.js";
import type { DisclosureObligation } from "./rule-types.js";

const HEADLINE: Readonly<Partial<Record<string, string>>> & Readonly<Record<DisclosureDecision["basis"], string>> = {
  "explicit-permit": "This may be shared.",
  "explicit-forbid": "This must not be shared.",
  "default-deny": "This must not be shared: no rule allows it.",
  error: "This must not be shared for now: the check could not finish, and it fails closed.",
  "invalid-request": "This must not be shared for now: the request could not be read.",
};

// What each obligation asks, in the field's words, with its source.
const OBLIGATION_SENTENCE: Readonly<Record<DisclosureObligation, string>> = {
  AUDTR: "Keep an audit trail of this disclosure (HL7 AUDTR).",
  MINEC: "Share only the minimum necessary for the purpose (45 CFR 164.502(b); HL7 MINEC).",
  NORDSCLCD:
    "Attach the notice that the recipient may not disclose it further without consent (42 CFR 2.32; HL7 NORDSCLCD).",
  REDACT: "Remove other members' names and identifying details first (NASW 1.07(f); HL7 REDACT).",
  document: "Write the disclosure, its purpose and its basis in the record.",
  "notify-client": "Tell the client about the disclosure when it is feasible and safe (NASW 1.07(d)).",
};

function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

function cited(message: string, source: string | undefined): string {
  const body = message.trim().replace(/[.!?]$/, "");
  return source === undefined ? sentence(body) : `${body} (${source}).`;
}

/**
 * A decision as sentences a social worker can read: the answer, the reasons with their sources, what went wrong,
 * what the disclosure requires, what to do next, and the policy version.
 *
 * @param decision - a decision from `checkDisclosure`
 * @throws {GroupworkError} `invalid-argument` when `decision` is not a decision (no known basis)
 * @returns the sentences, in that order; join them with spaces or show them as a list
 * @example
 * explainDecision({
 *   effect: "permit", basis: "explicit-permit", determiningRules: ["payer-payment"],
 *   matchedRules: { permit: ["payer-payment"], forbid: [] },
 *   reasons: [{ code: "rule-permits", ruleId: "payer-payment", source: "45 CFR 164.506", message: "A payer may receive attendance for payment" }],
 *   obligations: ["MINEC"], advice: [], errors: [], policyVersion: "agency-1",
 * })
 * //=> [
 *   "This may be shared.",
 *   "A payer may receive attendance for payment (45 CFR 164.506).",
 *   "Share only the minimum necessary for the purpose (45 CFR 164.502(b); HL7 MINEC).",
 *   "Decided under policy agency-1.",
 * ]
 */
export function explainDecision(decision: DisclosureDecision): string[] {
  const headline = typeof decision === "object" && decision !== null ? HEADLINE[decision.basis] : undefined;
  if (headline === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `explainDecision: decision must be a decision from checkDisclosure, not ${describeValue(decision)}.`,
    );
  }
  const sentences = [headline];
  const failed = new Set<string>();
  for (const error of decision.errors) {
    sentences.push(sentence(error.message));
    failed.add(error.message);
  }
  for (const reason of decision.reasons) {
    if (!failed.has(reason.message)) sentences.push(cited(reason.message, reason.source));
  }
  for (const obligation of decision.obligations) sentences.push(OBLIGATION_SENTENCE[obligation]);
  for (const advice of decision.advice) sentences.push(sentence(advice));
  sentences.push(`Decided under policy ${decision.policyVersion}.`);
  return sentences;
}
