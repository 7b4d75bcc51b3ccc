// Policies as data: definePolicy checks an agency's rules once, freezes them and gives the set a version. The order
// of rules never matters (as in Cedar), so a policy keeps them sorted by id and the engine never sorts per request.
import { describeThrown, describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { listLengthProblem } from "./limits.js";
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
 * // An agency that relies on HIPAA's permission for payment (45 CFR 164.506(c)(1)) rather than the member's consent,
 * // and sends payers attendance only, never session summaries, replaces the default rule of that id.
 * const attendanceOnly: DisclosureRule = {
 *   id: "payer-payment", effect: "permit", description: "A payer may receive attendance to pay for the service, and no more.",
 *   source: "45 CFR 164.506(c)(1); 45 CFR 164.502(b)", obligations: ["MINEC", "REDACT"],
 *   when: (request) => request.recipient.kind === "payer" && request.purpose === "HPAYMT" && request.information.kind === "attendance",
 * };
 * const policy = definePolicy([attendanceOnly], { extends: defaultPolicy, version: "prairie-agency-2026-1" });
 * const toPayer = (kind: InformationKind): DisclosureRequest => ({
 *   information: { kind, memberId: "m-hope", groupId: "grp-thursday-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
 *   recipient: { kind: "payer", organisation: "Prairie Health Plan" },
 *   purpose: "HPAYMT",
 *   at: "2026-04-30T09:00:00-05:00",
 * });
 * [
 *   policy.version,
 *   policy.rules.length === defaultPolicy.rules.length,
 *   checkDisclosure(toPayer("attendance")).effect,
 *   checkDisclosure(toPayer("attendance"), { policy }).effect,
 *   checkDisclosure(toPayer("session-summary"), { policy }).effect,
 * ]
 * //=> ["prairie-agency-2026-1", true, "deny", "permit", "deny"]
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
  if (typeof value !== "string" || value.trim() === "") {
    fail(`${where}: ${what} must be a non-empty string, not ${describeValue(value)}.`);
  }
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
  if (!Array.isArray(obligations)) {
    fail(`${named}: obligations must be an array (empty for none), not ${describeValue(obligations)}.`);
  }
  const tooLong = listLengthProblem(obligations.length);
  if (tooLong !== undefined) fail(`${named}: obligations ${tooLong}.`);
  // By index, so a hole in the list is reported rather than skipped.
  for (let index = 0; index < obligations.length; index++) {
    const obligation: unknown = obligations[index];
    if (!OBLIGATION_ORDER.includes(obligation as DisclosureObligation)) {
      fail(
        `${named}: unknown obligation ${describeValue(obligation)} at obligations[${index}]; use one of ${OBLIGATION_ORDER.join(", ")}.`,
      );
    }
  }
  if (candidate["advice"] !== undefined) checkText(candidate["advice"], named, "advice");
  if (typeof candidate["when"] !== "function") {
    fail(`${named}: when must be a function of (request, facts), not ${describeValue(candidate["when"])}.`);
  }
  if (candidate["unless"] !== undefined && typeof candidate["unless"] !== "function") {
    fail(
      `${named}: unless must be a function of (request, facts) when given, not ${describeValue(candidate["unless"])}.`,
    );
  }
  // A misspelt field (`unles`) would be left out, and with it the exception it was meant to make.
  refuseUnknownKeys(candidate, RULE_FIELDS, named);
}

/** The fields of a rule, as its type names them. */
const RULE_FIELDS: readonly string[] = [
  "id",
  "effect",
  "description",
  "source",
  "obligations",
  "advice",
  "when",
  "unless",
];

// FNV-1a, 32 bits (Fowler, Noll & Vo): a short, stable fingerprint, not a security measure.
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, "0");
}

// The rule is copied before it is checked, so what was checked is what is kept: a getter cannot answer the check one
// way and the copy another, and a field read through the prototype cannot pass the check and then go missing.
function readRule(rule: unknown, where: string): DisclosureRule {
  const copy: unknown = readArgument(where, () => (typeof rule === "object" && rule !== null ? { ...rule } : rule));
  checkRule(copy, where);
  const obligations = Object.freeze(OBLIGATION_ORDER.filter((code) => copy.obligations.includes(code)));
  return Object.freeze({ ...copy, obligations });
}

// Each rule of a list by its id; by index, so a hole is reported rather than skipped, and a repeated id is refused
// rather than one of the two dropped.
function readRules(rules: readonly unknown[], where: string): Map<string, DisclosureRule> {
  const length = readArgument(`${where}.length`, () => rules.length);
  const tooLong = listLengthProblem(length);
  if (tooLong !== undefined) fail(`${where} ${tooLong}.`);
  const read = new Map<string, DisclosureRule>();
  for (let index = 0; index < length; index++) {
    const rule = readRule(
      readArgument(`${where}[${index}]`, () => rules[index]),
      `${where}[${index}]`,
    );
    if (read.has(rule.id)) {
      fail(`${where}[${index}]: the id ${describeValue(rule.id)} is used twice; ids must be unique.`);
    }
    read.set(rule.id, rule);
  }
  return read;
}

function readBase(base: unknown): { readonly version: string; readonly rules: readonly unknown[] } {
  const { version, rules } = readArgument("definePolicy: options.extends", () => {
    if (typeof base !== "object" || base === null || Array.isArray(base)) {
      fail(`definePolicy: options.extends must be a policy (build one with definePolicy), not ${describeValue(base)}.`);
    }
    const { version: named, rules: listed } = base as Record<string, unknown>;
    if (!Array.isArray(listed)) {
      fail(`definePolicy: options.extends.rules must be an array of rules, not ${describeValue(listed)}.`);
    }
    return { version: named, rules: listed as readonly unknown[] };
  });
  checkText(version, "definePolicy", "options.extends.version");
  return { version: version as string, rules };
}

// The policies definePolicy made. Each is frozen, with a frozen list of frozen rules, so what definePolicy checked
// stays true and the engine may compile it once and remember it. Any other object with a version and rules (a policy
// built by hand) can change between two calls (a rule pushed, an effect changed), so it is read and checked on every
// call: remembering it would decide by the policy as it was, not as it is.
const defined = /* @__PURE__ */ new WeakSet<object>();

/** Whether `definePolicy` made this policy, so it cannot have changed since it was checked. Not exported from the package. */
export function isDefinedPolicy(policy: unknown): policy is DisclosurePolicy {
  return typeof policy === "object" && policy !== null && defined.has(policy);
}

/**
 * Reads a policy that `definePolicy` did not make into a frozen, checked copy: its version (a non-empty string) and a
 * copy of each rule, checked as `definePolicy` checks them. Unlike `definePolicy` it keeps the rules' order and a
 * repeated rule, which never change a decision (Cedar). `where` names the policy in messages (`options.policy`);
 * a rule is named as `policy.rules[index]`. Throws `GroupworkError` `invalid-argument`. Not exported from the package.
 */
export function readPolicy(policy: unknown, where: string): DisclosurePolicy {
  let version: unknown;
  let rules: unknown;
  let length: unknown = 0;
  try {
    if (typeof policy === "object" && policy !== null && !Array.isArray(policy)) {
      ({ version, rules } = policy as Record<string, unknown>);
      if (Array.isArray(rules)) length = (rules as { length: number }).length;
    }
  } catch (thrown) {
    fail(`${where} could not be read (reading it threw ${describeThrown(thrown)}); build it with definePolicy.`);
  }
  if (typeof version !== "string" || version.trim() === "" || !Array.isArray(rules)) {
    fail(
      `${where} must be a policy with a version (a non-empty string) and rules (an array); build one with ` +
        `definePolicy, not ${describeValue(policy)}.`,
    );
  }
  const tooLong = listLengthProblem(length);
  if (tooLong !== undefined) fail(`${where}.rules ${tooLong}.`);
  const count = length as number; // listLengthProblem found it a count
  const copy: DisclosureRule[] = [];
  // By index, so a hole is reported rather than skipped.
  for (let index = 0; index < count; index++) {
    const place = `policy.rules[${index}]`;
    copy.push(
      readRule(
        readArgument(place, () => rules[index]),
        place,
      ),
    );
  }
  return Object.freeze({ version, rules: Object.freeze(copy) });
}

// The source text of a condition, read with Function.prototype.toString so a function's own toString cannot throw or
// answer something else.
const sourceOf = (condition: (...args: never[]) => unknown): string => Function.prototype.toString.call(condition);

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
 * @throws {GroupworkError} `invalid-argument` when `rules` is not an array or holds more than 10,000 rules, a rule is
 *   malformed (the message names it by place and id, and the field), two rules of the same list share an id,
 *   `options` is not an object or holds a key other than `extends` and `version`, `options.version` is not a
 *   non-empty string, `options.extends` is not a policy with a version and well-formed rules, or reading an argument
 *   throws (a getter, or a Proxy, a revoked one among them)
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
  const { extends: extended, version } = readArgument("definePolicy: rules and options", () => {
    if (!Array.isArray(rules)) fail(`definePolicy: rules must be an array, not ${describeValue(rules)}.`);
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      fail(`definePolicy: options must be an object, not ${describeValue(options)}.`);
    }
    refuseUnknownKeys(options, ["extends", "version"], "definePolicy: options");
    const { extends: base, version: named } = options;
    return { extends: base, version: named };
  });
  if (version !== undefined) checkText(version, "definePolicy", "options.version");
  const base = extended === undefined ? undefined : readBase(extended);
  const merged =
    base === undefined ? new Map<string, DisclosureRule>() : readRules(base.rules, "options.extends.rules");
  for (const [id, rule] of readRules(rules, "rules")) merged.set(id, rule);
  const sorted = Object.freeze([...merged.values()].sort(byId));
  const content = JSON.stringify([
    base?.version ?? null,
    sorted.map((rule) => [
      rule.id,
      rule.effect,
      rule.description,
      rule.source,
      rule.obligations,
      rule.advice ?? null,
      sourceOf(rule.when),
      rule.unless === undefined ? null : sourceOf(rule.unless),
    ]),
  ]);
  const policy = Object.freeze({ version: version ?? `policy-${fingerprint(content)}`, rules: sorted });
  defined.add(policy);
  return policy;
}
