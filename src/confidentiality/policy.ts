// Policies as data: definePolicy checks an agency's rules once, freezes them and gives the set a version. The order
// of rules never matters (as in Cedar), so a policy keeps them sorted by id and the engine never sorts per request.
import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { DisclosureObligation, DisclosurePolicy, DisclosureRule } from "./rule-types.js";

/** The obligation codes a rule may carry, in the order decisions list them (code order). */
export const OBLIGATION_ORDER: readonly DisclosureObligation[] = /* @__PURE__ */ Object.freeze([
  "AUDTR",
  "MINEC",
  "NORDSCLCD",
  "REDACT",
  "document",
  "notify-client",
]);

/**
 * Options of {@link definePolicy}: the policy to extend and the version to give the result.
 *
 * @example
 * // An agency that sends payers attendance only, never session summaries, replaces the default rule of that id.
 * const attendanceOnly = {
 *   id: "payer-payment", effect: "permit", description: "A payer may receive attendance to pay for the service, and no more.",
 *   source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b)", obligations: ["MINEC", "REDACT"],
 *   when: (request) => request.recipient.kind === "payer" && request.purpose === "HPAYMT" && request.information.kind === "attendance",
 * };
 * const policy = definePolicy([attendanceOnly], { extends: defaultPolicy, version: "prairie-agency-2026-1" });
 * const summaryToPayer = {
 *   information: { kind: "session-summary", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "payer", organisation: "Prairie Health Plan" },
 *   purpose: "HPAYMT",
 *   at: "2026-04-30T09:00:00-05:00",
 * };
 * [policy.version, policy.rules.length, checkDisclosure(summaryToPayer).effect, checkDisclosure(summaryToPayer, { policy }).effect]
 * //=> ["prairie-agency-2026-1", 22, "permit", "deny"]
 */
export interface DefinePolicyOptions {
  /**
   * The policy to build on: its rules are kept, except those whose id a new rule repeats, which the new rule
   * replaces. Absent means the new rules are the whole policy.
   */
  readonly extends?: DisclosurePolicy | undefined;
  /**
   * The version decisions and audit records will name. Absent means one derived from the rules' content (ids,
   * effects, texts, obligations and conditions) and the base version, so any change to a rule changes it.
   */
  readonly version?: string | undefined;
}

function fail(message: string): never {
  throw new GroupworkError("invalid-argument", message);
}

function checkText(value: unknown, where: string, what: string): void {
  if (typeof value !== "string" || value.trim() === "") fail(`${where}: ${what} must be a non-empty string.`);
}

/** Checks one rule's shape; the message names the rule by index and id. Not exported from the package. */
export function checkRule(rule: unknown, where: string): asserts rule is DisclosureRule {
  if (typeof rule !== "object" || rule === null) fail(`${where} must be a rule object, not ${describeValue(rule)}.`);
  const candidate = rule as Record<string, unknown>;
  checkText(candidate["id"], where, "id");
  const named = `${where} (${describeValue(candidate["id"])})`;
  if (candidate["effect"] !== "permit" && candidate["effect"] !== "forbid") {
    fail(`${named}: effect must be "permit" or "forbid", not ${describeValue(candidate["effect"])}.`);
  }
  checkText(candidate["description"], named, "description");
  checkText(candidate["source"], named, "source");
  const obligations = candidate["obligations"];
  if (!Array.isArray(obligations)) fail(`${named}: obligations must be an array (empty for none).`);
  for (const obligation of obligations) {
    if (!OBLIGATION_ORDER.includes(obligation)) {
      fail(`${named}: unknown obligation ${describeValue(obligation)}; use one of ${OBLIGATION_ORDER.join(", ")}.`);
    }
  }
  if (candidate["advice"] !== undefined) checkText(candidate["advice"], named, "advice");
  if (typeof candidate["when"] !== "function") fail(`${named}: when must be a function of (request, facts).`);
  if (candidate["unless"] !== undefined && typeof candidate["unless"] !== "function") {
    fail(`${named}: unless must be a function of (request, facts) when given.`);
  }
}

// FNV-1a, 32 bits (Fowler, Noll & Vo): a short, stable fingerprint, not a security measure.
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

function freezeRule(rule: DisclosureRule): DisclosureRule {
  const obligations = Object.freeze(OBLIGATION_ORDER.filter((code) => rule.obligations.includes(code)));
  return Object.freeze({ ...rule, obligations });
}

const byId = (a: DisclosureRule, b: DisclosureRule): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Builds a disclosure policy from rules: checks each rule, freezes a copy of each, sorts them by id and gives the
 * policy a version.
 *
 * An agency adds or replaces rules by extending a policy (`{ extends: defaultPolicy }`): a new rule with the id of a
 * base rule replaces it, others are added. Rule order never matters. The rules given are not changed.
 *
 * @param rules - the rules, each with a unique, non-empty id, an effect, a description, a source, obligations and a
 *   `when` condition (see `DisclosureRule`)
 * @param options - the policy to extend and the version to use (see {@link DefinePolicyOptions})
 * @throws {GroupworkError} `invalid-argument` when `rules` is not an array, a rule is malformed or two of the given rules
 *   share an id, or `options.version` is an empty string
 * @returns a frozen policy with its rules sorted by id
 * @example
 * const policy = definePolicy(
 *   [{ id: "summaries-for-treatment", effect: "permit", description: "Session summaries may be used for treatment.",
 *      source: "45 CFR 164.506", obligations: [], when: (request) => request.information.kind === "session-summary" }],
 *   { version: "agency-2026-1" },
 * );
 * [policy.version, policy.rules.map((rule) => rule.id)]
 * //=> ["agency-2026-1", ["summaries-for-treatment"]]
 */
export function definePolicy(rules: readonly DisclosureRule[], options: DefinePolicyOptions = {}): DisclosurePolicy {
  if (!Array.isArray(rules)) fail(`definePolicy: rules must be an array, not ${describeValue(rules)}.`);
  const given = new Map<string, DisclosureRule>();
  rules.forEach((rule: unknown, index) => {
    checkRule(rule, `rules[${index}]`);
    if (given.has(rule.id))
      fail(`rules[${index}]: the id ${describeValue(rule.id)} is used twice; ids must be unique.`);
    given.set(rule.id, rule);
  });
  const { extends: base, version } = options;
  if (version !== undefined) checkText(version, "definePolicy", "options.version");
  const merged = new Map<string, DisclosureRule>();
  for (const rule of base?.rules ?? []) merged.set(rule.id, rule);
  for (const [id, rule] of given) merged.set(id, rule);
  const sorted = Object.freeze([...merged.values()].map(freezeRule).sort(byId));
  const content = JSON.stringify([
    base?.version ?? null,
    sorted.map((rule) => [
      rule.id,
      rule.effect,
      rule.description,
      rule.source,
      rule.obligations,
      rule.advice ?? null,
      String(rule.when),
      rule.unless === undefined ? null : String(rule.unless),
    ]),
  ]);
  return Object.freeze({ version: version ?? `policy-${fingerprint(content)}`, rules: sorted });
}
