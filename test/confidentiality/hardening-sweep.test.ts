// Every argument and field of explainDecision, definePolicy, whoMayReceive and the truth helpers given values their
// types forbid: each call answers or throws a GroupworkError, never a raw TypeError or RangeError, and in bounded time.
import { describe, expect, it } from "vitest";
import {
  allOf,
  anyOf,
  checkDisclosure,
  type DisclosureRule,
  definePolicy,
  explainDecision,
  negate,
  whoMayReceive,
} from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { request, rule } from "./engine-fixtures";

const circular: Record<string, unknown> = { kind: "payer" };
circular["self"] = circular;
const strange: readonly [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a Symbol", Symbol("s")],
  ["a BigInt", 10n],
  ["an object with no prototype", Object.create(null)],
  ["a frozen object", Object.freeze({ kind: "payer" })],
  ["a circular object", circular],
  ["a megabyte string", "x".repeat(1e6)],
  ["a 5,000-deep array", JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`)],
];

// What a call did: "answered", or "refused" with a GroupworkError; anything else fails the test with the error.
function outcome(call: () => unknown): "answered" | "refused" {
  try {
    call();
    return "answered";
  } catch (error) {
    if (error instanceof GroupworkError) return "refused";
    throw error;
  }
}

const decision = checkDisclosure(request(), { policy: definePolicy([rule("a", "permit")], { version: "v" }) });
const { recipient, purpose, ...situation } = request();
const candidate = { recipient, purpose };
const goodRule = rule("a", "permit");

// Each entry: a name and a call that puts the strange value in one place.
const places: readonly [string, (value: unknown) => unknown][] = [
  ["explainDecision(value)", (value) => explainDecision(value as never)],
  ...Object.keys(decision).map((field): [string, (value: unknown) => unknown] => [
    `explainDecision({ ...decision, ${field}: value })`,
    (value) => explainDecision({ ...decision, [field]: value }),
  ]),
  ...(["reasons", "errors", "obligations", "advice"] as const).map((field): [string, (value: unknown) => unknown] => [
    `explainDecision({ ...decision, ${field}: [value] })`,
    (value) => explainDecision({ ...decision, [field]: [value] }),
  ]),
  [
    "explainDecision(a reason's message)",
    (value) => explainDecision({ ...decision, reasons: [{ code: "rule-permits", message: value as never }] }),
  ],
  [
    "explainDecision(a reason's source)",
    (value) =>
      explainDecision({ ...decision, reasons: [{ code: "rule-permits", message: "m", source: value as never }] }),
  ],
  [
    "explainDecision(an error's message)",
    (value) => explainDecision({ ...decision, errors: [{ code: "rule-failed", message: value as never }] }),
  ],
  ["definePolicy(value)", (value) => definePolicy(value as never)],
  ["definePolicy([value])", (value) => definePolicy([value] as never)],
  ["definePolicy([], value)", (value) => definePolicy([], value as never)],
  ["definePolicy([], { version: value })", (value) => definePolicy([], { version: value as never })],
  ["definePolicy([], { extends: value })", (value) => definePolicy([], { extends: value as never })],
  [
    "definePolicy([], { extends: { version: value, rules: [] } })",
    (value) => definePolicy([], { extends: { version: value as never, rules: [] } }),
  ],
  [
    "definePolicy([], { extends: { version, rules: value } })",
    (value) => definePolicy([], { extends: { version: "b", rules: value as never } }),
  ],
  [
    "definePolicy([], { extends: { version, rules: [value] } })",
    (value) => definePolicy([], { extends: { version: "b", rules: [value as never] } }),
  ],
  ...[...Object.keys(goodRule), "advice", "unless"].map((field): [string, (value: unknown) => unknown] => [
    `definePolicy([{ ...rule, ${field}: value }])`,
    (value) => definePolicy([{ ...goodRule, [field]: value } as DisclosureRule]),
  ]),
  [
    "definePolicy([{ ...rule, obligations: [value] }])",
    (value) => definePolicy([{ ...goodRule, obligations: [value as never] }]),
  ],
  ["whoMayReceive(value, candidates)", (value) => whoMayReceive(value as never, [candidate])],
  ["whoMayReceive(situation, value)", (value) => whoMayReceive(situation, value as never)],
  ["whoMayReceive(situation, [value])", (value) => whoMayReceive(situation, [value as never])],
  [
    "whoMayReceive(situation, [{ recipient: value, purpose }])",
    (value) => whoMayReceive(situation, [{ recipient: value as never, purpose }]),
  ],
  [
    "whoMayReceive(situation, [{ recipient, purpose: value }])",
    (value) => whoMayReceive(situation, [{ recipient, purpose: value as never }]),
  ],
  ["whoMayReceive(situation, candidates, value)", (value) => whoMayReceive(situation, [candidate], value as never)],
  [
    "whoMayReceive(situation, candidates, { policy: value })",
    (value) => whoMayReceive(situation, [candidate], { policy: value as never }),
  ],
  ...Object.keys(situation).map((field): [string, (value: unknown) => unknown] => [
    `whoMayReceive({ ...situation, ${field}: value }, candidates)`,
    (value) => whoMayReceive({ ...situation, [field]: value }, [candidate]),
  ]),
  ["allOf(true, value)", (value) => allOf(true, value as never)],
  ["anyOf(false, value)", (value) => anyOf(false, value as never)],
  ["negate(value)", (value) => negate(value as never)],
];

describe("no raw exception and no hang for values the types forbid", () => {
  for (const [place, call] of places) {
    it.each(strange)(`${place} with %s`, (_, value) => {
      expect(["answered", "refused"]).toContain(outcome(() => call(value)));
    });
  }

  it("explains only with sentences: whatever it answers is a list of strings", () => {
    for (const [, value] of strange) {
      for (const field of ["reasons", "errors", "obligations", "advice"]) {
        try {
          const sentences: unknown[] = explainDecision({ ...decision, [field]: [value] });
          expect(sentences.every((one) => typeof one === "string")).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(GroupworkError);
        }
      }
    }
  });

  it("answers whoMayReceive for an unreadable situation with invalid-request decisions, never a permit", () => {
    for (const [, value] of strange) {
      const answer = whoMayReceive({ ...situation, information: value as never }, [candidate]);
      expect(answer.permitted).toEqual([]);
      expect(answer.denied.map((one) => one.decision.basis)).toEqual(["invalid-request"]);
    }
  });
});
