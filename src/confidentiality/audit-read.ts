// Reading what toAuditRecord is given. The request, the decision and the options are read once, field by field, into
// plain values, and only those are looked at after: a getter cannot show one value when checked and another when
// copied. A getter or a Proxy that throws (a revoked Proxy among them) is a GroupworkError naming the field, since a
// record of a request that could not be read would not say what was asked. Private to the room.

import { describeValue, GroupworkError, readArgument, unreadableArgument } from "../_lib/errors.js";
import { hasVisibleCharacter } from "../_lib/text.js";
import type { DecisionBasis, DisclosureDecision, MatchedRules } from "./decision-types.js";
import { listLengthProblem } from "./limits.js";
import { OBLIGATION_ORDER } from "./policy.js";
import type { DisclosureObligation } from "./rule-types.js";

// How many bad entries of one list `omitted` names one by one. A list can be as long as its sender likes (a sparse
// array of length 2 ** 32 - 1 is one line of code), so at the next bad entry the copy of that list stops and `omitted`
// names the rest of it as one range: the record stays small, and no work is done per remaining entry.
const OMITTED_PER_LIST = 20;

const EFFECTS: ReadonlySet<unknown> = /* @__PURE__ */ new Set(["permit", "deny"]);
const BASES: ReadonlySet<unknown> = /* @__PURE__ */ new Set([
  "default-deny",
  "error",
  "explicit-forbid",
  "explicit-permit",
  "invalid-request",
]);
const OBLIGATIONS: ReadonlySet<unknown> = /* @__PURE__ */ new Set(OBLIGATION_ORDER);

/** The GroupworkError saying that `path` of toAuditRecord's input could not be read. */
const unreadable = (path: string, thrown: unknown): GroupworkError =>
  unreadableArgument(`toAuditRecord: ${path}`, thrown);

/** Runs `read`; anything it throws other than a GroupworkError becomes one saying that `path` could not be read. */
export const readOrThrow = <T>(path: string, read: () => T): T => readArgument(`toAuditRecord: ${path}`, read);

/**
 * The named fields of an object, each read once, or `undefined` when the value is not an object. `path` names the
 * object in messages (`request.information`).
 */
export function readFields<const K extends string>(
  value: unknown,
  keys: readonly K[],
  path: string,
): { readonly [P in K]: unknown } | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const copy = {} as { [P in K]: unknown };
  for (const key of keys) {
    try {
      copy[key] = (value as Record<K, unknown>)[key];
    } catch (thrown) {
      throw unreadable(`${path}.${key}`, thrown);
    }
  }
  return copy;
}

/**
 * Reads a list's entries in order, each once, handing each to `entry` until it returns `false`. Returns the list's
 * length, or `undefined` when the value is not a list.
 */
function readList(value: unknown, path: string, entry: (item: unknown, index: number) => boolean): number | undefined {
  if (!readOrThrow(path, () => Array.isArray(value))) return undefined;
  const list = value as readonly unknown[];
  // A Proxy's length is whatever its trap returns: only a count is walked.
  const length: unknown = readOrThrow(`${path}.length`, () => list.length);
  // Refused before any entry is read: walking and copying 2 ** 32 - 1 entries would abort the process.
  const problem = listLengthProblem(length);
  if (problem !== undefined) {
    throw new GroupworkError("invalid-argument", `toAuditRecord: ${path} ${problem}; pass it as plain data.`);
  }
  const count = length as number; // listLengthProblem found it a count
  for (let index = 0; index < count; index++) {
    let item: unknown;
    try {
      item = list[index];
    } catch (thrown) {
      throw unreadable(`${path}[${index}]`, thrown);
    }
    if (!entry(item, index)) break;
  }
  return count;
}

/**
 * Copies what can be trusted and names the rest in `omitted`: a value is copied only when it is one of the known codes
 * or a non-empty string id; anything else present (free text in a code's place, an object, a number) is left out.
 */
export class Copier {
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

  /** The known codes of a list, sorted; past OMITTED_PER_LIST bad entries the rest is named as one range. */
  codes<T>(value: unknown, codes: ReadonlySet<unknown>, path: string): T[] {
    const kept: T[] = [];
    let left = OMITTED_PER_LIST;
    const length = readList(value, `request.${path}`, (item, index) => {
      if (codes.has(item)) kept.push(item as T);
      else if (left-- > 0) this.omitted.push(`${path}[${index}]`);
      else {
        this.omitted.push(`${path}[${index}…]`);
        return false;
      }
      return true;
    });
    if (length === undefined) this.omitted.push(path);
    return kept.sort();
  }
}

/** Whether a value is an id: a string with something other than whitespace in it (an id of spaces names no one). */
export const isId = (value: unknown): value is string => typeof value === "string" && hasVisibleCharacter(value);

function invalidDecision(what: string, value: unknown): GroupworkError {
  return new GroupworkError(
    "invalid-argument",
    `toAuditRecord: decision.${what} must be as checkDisclosure returns it, not ${describeValue(value)}; pass the decision checkDisclosure returned.`,
  );
}

// A list of the decision's, copied entry by entry; the copy stops at the first entry `accepts` refuses.
function decisionList<T>(value: unknown, what: string, accepts: (item: unknown) => item is T): T[] {
  const copy: T[] = [];
  let valid = true;
  const length = readList(value, `decision.${what}`, (item) => {
    if (accepts(item)) copy.push(item);
    else valid = false;
    return valid;
  });
  if (length === undefined || !valid) throw invalidDecision(what, value);
  return copy;
}

const isObligation = (code: unknown): code is DisclosureObligation => OBLIGATIONS.has(code);

/** The grounds of a decision, as the audit record keeps them. */
export type DecisionGrounds = Pick<
  DisclosureDecision,
  "basis" | "determiningRules" | "effect" | "matchedRules" | "obligations" | "policyVersion"
>;

/**
 * Reads a decision: the library's own output, so anything else is a programming error, thrown about with its field
 * named. Returns copies of its lists, so changing the record cannot change the decision.
 */
export function readDecision(decision: unknown): DecisionGrounds {
  const read = readFields(
    decision,
    ["effect", "basis", "determiningRules", "matchedRules", "obligations", "policyVersion"],
    "decision",
  );
  if (read === undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `toAuditRecord: decision must be a decision from checkDisclosure, not ${describeValue(decision)}.`,
    );
  }
  const { effect, basis, policyVersion } = read;
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
  const determiningRules = decisionList(read.determiningRules, "determiningRules", isId);
  const matched = readFields(read.matchedRules, ["permit", "forbid"], "decision.matchedRules");
  if (matched === undefined) throw invalidDecision("matchedRules", read.matchedRules);
  const matchedRules: MatchedRules = {
    permit: decisionList(matched.permit, "matchedRules.permit", isId),
    forbid: decisionList(matched.forbid, "matchedRules.forbid", isId),
  };
  const obligations = decisionList(read.obligations, "obligations", isObligation);
  if (typeof policyVersion !== "string") throw invalidDecision("policyVersion", policyVersion);
  return {
    effect: effect as DisclosureDecision["effect"],
    basis: basis as DecisionBasis,
    determiningRules,
    matchedRules,
    obligations,
    policyVersion,
  };
}
