// The public check: read the request, decide with the policy, return a decision that says why. Never throws for a bad
// request (untrusted data); throws only for options its types forbid.
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type { DisclosureDecision } from "./decision-types.js";
import { compilePolicy, evaluateDisclosure } from "./engine.js";
import { readRequest } from "./read-request.js";
import type { DisclosureRequest } from "./request-types.js";
import type { DisclosurePolicy } from "./rule-types.js";
import { defaultPolicy } from "./rules/index.js";

/**
 * Options of {@link checkDisclosure}: the policy to decide with.
 *
 * @example
 * const payerAsks: DisclosureRequest = {
 *   information: { kind: "attendance", memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "payer", organisation: "Prairie Health Plan" },
 *   purpose: "HPAYMT",
 *   consents: sampleGroupRecord.consents,
 *   at: "2026-04-30T09:00:00-05:00",
 * };
 * // The default keeps NASW 1.07(h): no consent covers the payer, so nothing goes. An agency that relies on HIPAA's
 * // wider permission for payment (45 CFR 164.506(c)(1)) replaces the default rule of the same id.
 * const agencyPolicy = definePolicy(
 *   [{ id: "payer-payment", effect: "permit", source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b)", obligations: ["MINEC", "REDACT"],
 *      description: "A payer may receive attendance and session summaries to pay for the service, and no more than it needs.",
 *      when: (request) => request.recipient.kind === "payer" && request.purpose === "HPAYMT"
 *        && (request.information.kind === "attendance" || request.information.kind === "session-summary") }],
 *   { extends: defaultPolicy, version: "prairie-agency-2026-1" },
 * );
 * const agency = checkDisclosure(payerAsks, { policy: agencyPolicy });
 * [checkDisclosure(payerAsks).basis, agency.effect, agency.obligations]
 * //=> ["default-deny", "permit", ["MINEC", "REDACT"]]
 */
export interface CheckDisclosureOptions {
  /**
   * The policy to decide with; absent means `defaultPolicy`. Build an agency's own with `definePolicy`: its policies
   * are frozen, so each is checked once and remembered. Any other object with a `version` and `rules` is read and
   * checked again on every call, so a change to it is seen at the next call (and a malformed rule refused).
   */
  readonly policy?: DisclosurePolicy | undefined;
}

const EMPTY: readonly never[] = Object.freeze([]);
const INVALID_ADVICE: readonly string[] = Object.freeze([
  "Correct the request where the errors point and check again; until then the answer is no.",
]);

/**
 * Whether a piece of group information may go to a recipient for a purpose, why, and on what conditions.
 *
 * Semantics as Cedar's: no rule permitting means no (`default-deny`); any forbid that holds overrides every permit
 * (`explicit-forbid`); otherwise a permit that holds says yes (`explicit-permit`), with the obligations of the permits
 * that hold. Rule order and duplicates never matter. Two deliberate differences: a rule that throws makes the answer
 * no with basis `error`, naming the rule; and a missing attribute never satisfies a permit and never lifts a forbid.
 * The request is read once into a frozen copy of the fields its type names, and only that copy reaches the rules. A
 * request that is not what its type says (a getter or a Proxy that throws included) gets no with basis
 * `invalid-request` and every problem in `errors`, each with its path; it is never thrown about. This is decision support, not legal advice: jurisdictions differ.
 *
 * @param request - the information, the recipient, the purpose, the circumstances, the consents on file and the
 *   moment `at` (see `DisclosureRequest`)
 * @param options - the policy to use (see {@link CheckDisclosureOptions})
 * @throws {GroupworkError} `invalid-argument` when `options` is not an object (an array included), holds a key other
 *   than `policy` (a misspelt `polciy` is refused, never read as "use the default policy"), or cannot be read; or
 *   when its policy has no version (a non-empty string), no list of rules, more than 10,000 rules, or a malformed
 *   rule (the message names it)
 * @returns the decision: effect, basis, deciding and matched rules, reasons, obligations, advice, errors, policy version
 * @example
 * const decision = checkDisclosure(
 *   {
 *     information: { kind: "attendance", memberId: "m-hope", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *     recipient: { kind: "public" },
 *     purpose: "HOPERAT",
 *     at: "2026-03-10T10:00:00-05:00",
 *   },
 *   { policy: definePolicy([], { version: "empty" }) },
 * );
 * [decision.effect, decision.basis, decision.reasons[0]?.code]
 * //=> ["deny", "default-deny", "no-rule-permits"]
 */
export function checkDisclosure(request: DisclosureRequest, options: CheckDisclosureOptions = {}): DisclosureDecision {
  const policy = compilePolicy(readPolicyOption(options, "checkDisclosure"), "checkDisclosure: options.policy");
  // The request is read once, into a frozen copy: the rules see exactly what was checked.
  const read = readRequest(request);
  if (!read.ok) {
    return {
      effect: "deny",
      basis: "invalid-request",
      determiningRules: EMPTY,
      matchedRules: { permit: EMPTY, forbid: EMPTY },
      reasons: [{ code: "invalid-request", message: "The request could not be read, so the disclosure is denied." }],
      obligations: EMPTY,
      advice: INVALID_ADVICE,
      errors: read.problems,
      policyVersion: policy.version,
    };
  }
  return evaluateDisclosure(policy, read.request);
}

/**
 * The policy named by options of `checkDisclosure`'s shape, read once: `defaultPolicy` when it is absent. Throws
 * `GroupworkError` `invalid-argument`, naming `caller`, for options that are not an object, hold a key other than
 * `policy` (so a misspelt `polciy` never falls back to the default policy), or cannot be read. Not exported from the
 * package.
 */
export function readPolicyOption(options: unknown, caller: string): unknown {
  return readArgument(`${caller}: options`, () => {
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: options must be an object, not ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, ["policy"], `${caller}: options`);
    const { policy } = options as CheckDisclosureOptions;
    return policy === undefined ? defaultPolicy : policy;
  });
}
