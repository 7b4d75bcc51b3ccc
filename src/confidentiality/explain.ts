// A decision in sentences a social worker can read: the answer first, then why, then what the disclosure requires
// and what to do next. Built from the decision alone, so a stored decision can be explained later.
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import type { DecisionReason, DisclosureDecision } from "./decision-types.js";
import type { DisclosureObligation } from "./rule-types.js";

const HEADLINE: Readonly<Record<DisclosureDecision["basis"], string>> = {
  "explicit-permit": "This may be shared.",
  "explicit-forbid": "This must not be shared.",
  "default-deny": "This must not be shared: no rule allows it.",
  error: "This must not be shared for now: the check could not finish, and it fails closed.",
  "invalid-request": "This must not be shared for now: the request could not be read.",
};

// The code of every reason a decision of each basis gives (see DecisionReason).
const REASON_CODE: Readonly<Record<DisclosureDecision["basis"], DecisionReason["code"]>> = {
  "explicit-permit": "rule-permits",
  "explicit-forbid": "rule-forbids",
  "default-deny": "no-rule-permits",
  error: "rule-failed",
  "invalid-request": "invalid-request",
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

function fail(message: string): never {
  throw new GroupworkError("invalid-argument", `explainDecision: ${message}`);
}

type Fields = Readonly<Record<string, unknown>>;

const isFields = (value: unknown): value is Fields =>
  typeof value === "object" && value !== null && !Array.isArray(value);

// Own keys only, so "constructor" or "toString" is no basis and no obligation.
const known = <T extends string>(table: Readonly<Record<T, string>>, value: unknown): value is T =>
  typeof value === "string" && Object.hasOwn(table, value);

function text(value: unknown, path: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    fail(`${path} must be a non-empty string, not ${describeValue(value)}.`);
  }
  return value;
}

function list(decision: Fields, field: string): readonly unknown[] {
  const value = decision[field];
  if (!Array.isArray(value)) fail(`decision.${field} must be an array (empty for none), not ${describeValue(value)}.`);
  return value;
}

function entry(value: unknown, path: string): Fields {
  if (!isFields(value)) fail(`${path} must be an object with a message, not ${describeValue(value)}.`);
  return value;
}

/**
 * A decision as sentences a social worker can read: the answer, the reasons with their sources, what went wrong,
 * what the disclosure requires, what to do next, and the policy version.
 *
 * @param decision - a decision from `checkDisclosure`
 * @throws {GroupworkError} `invalid-argument` when `decision` is not a decision: no known basis, an effect that does
 *   not go with it, a list (`reasons`, `errors`, `obligations`, `advice`) that is not an array, an entry without its
 *   sentence, an obligation code it does not know, or no policy version; when it contradicts itself: errors with a
 *   basis other than `error` or `invalid-request` (a permit that carries errors), or a reason whose code does not go
 *   with the basis (a deny whose reason says a rule permits it); or when reading it throws (a getter, or a Proxy, a
 *   revoked one among them); the message names the field
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
  return readArgument("explainDecision: decision", () => explain(decision));
}

function explain(decision: DisclosureDecision): string[] {
  const given: unknown = decision;
  const basis = isFields(given) ? given["basis"] : undefined;
  if (!isFields(given) || !known(HEADLINE, basis)) {
    fail(`decision must be a decision from checkDisclosure, not ${describeValue(given)}.`);
  }
  const effect = basis === "explicit-permit" ? "permit" : "deny";
  if (given["effect"] !== effect) {
    fail(`decision.effect must be "${effect}" for basis "${basis}", not ${describeValue(given["effect"])}.`);
  }
  const sentences = [HEADLINE[basis]];
  const failed = new Set<string>();
  // By index, so a hole in a list is reported rather than skipped.
  const errors = list(given, "errors");
  // Only a check that could not finish carries errors: a permit or a rule's deny with errors was not made by
  // checkDisclosure, and explaining it would read as a decision that stands.
  if (errors.length > 0 && basis !== "error" && basis !== "invalid-request") {
    fail(`decision.errors must be empty for basis "${basis}", not ${describeValue(errors)}.`);
  }
  for (let index = 0; index < errors.length; index++) {
    const path = `decision.errors[${index}]`;
    const message = text(entry(errors[index], path)["message"], `${path}.message`);
    sentences.push(sentence(message));
    failed.add(message);
  }
  const reasons = list(given, "reasons");
  for (let index = 0; index < reasons.length; index++) {
    const path = `decision.reasons[${index}]`;
    const reason = entry(reasons[index], path);
    // Each basis has its one kind of reason: a deny whose reason says a rule permits it contradicts itself.
    if (reason["code"] !== REASON_CODE[basis]) {
      fail(`${path}.code must be "${REASON_CODE[basis]}" for basis "${basis}", not ${describeValue(reason["code"])}.`);
    }
    const message = text(reason["message"], `${path}.message`);
    const source = reason["source"] === undefined ? undefined : text(reason["source"], `${path}.source`);
    if (!failed.has(message)) sentences.push(cited(message, source));
  }
  const obligations = list(given, "obligations");
  for (let index = 0; index < obligations.length; index++) {
    const obligation = obligations[index];
    if (!known(OBLIGATION_SENTENCE, obligation)) {
      fail(
        `decision.obligations[${index}] must be one of ${Object.keys(OBLIGATION_SENTENCE).join(", ")}, not ${describeValue(obligation)}.`,
      );
    }
    sentences.push(OBLIGATION_SENTENCE[obligation]);
  }
  const advice = list(given, "advice");
  for (let index = 0; index < advice.length; index++) {
    sentences.push(sentence(text(advice[index], `decision.advice[${index}]`)));
  }
  sentences.push(`Decided under policy ${text(given["policyVersion"], "decision.policyVersion")}.`);
  return sentences;
}
