// Kleene's strong three-valued logic (Kleene 1938), checked against its truth tables written out by hand.
import { describe, expect, it } from "vitest";
import { allOf, anyOf, checkDisclosure, definePolicy, negate, type Truth } from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { request, rule } from "./engine-fixtures";

const T = true;
const F = false;
const U = undefined;

describe("Kleene logic for conditions", () => {
  it.each<[Truth, Truth, Truth, Truth]>([
    // a, b, a AND b, a OR b
    [T, T, T, T],
    [T, F, F, T],
    [T, U, U, T],
    [F, T, F, T],
    [F, F, F, F],
    [F, U, F, U],
    [U, T, U, T],
    [U, F, F, U],
    [U, U, U, U],
  ])("%s and %s: all %s, any %s", (a, b, and, or) => {
    expect(allOf(a, b)).toBe(and);
    expect(anyOf(a, b)).toBe(or);
  });

  it("gives the identities for no conditions, and negates unknown to unknown", () => {
    expect(allOf()).toBe(true);
    expect(anyOf()).toBe(false);
    expect([negate(T), negate(F), negate(U)]).toEqual([F, T, U]);
  });

  it("settles as soon as a known value decides, whatever follows", () => {
    expect(allOf(U, F, U)).toBe(false);
    expect(anyOf(U, T, U)).toBe(true);
  });

  it.each<[string, () => Truth, RegExp]>([
    ["negate(null), which would read as true", () => negate(null as never), /negate: truth must be .* not null/],
    ["a string in allOf", () => allOf(true, "yes" as never), /allOf: truths\[1\] must be .* not "yes"/],
    ["a number in anyOf", () => anyOf(0 as never), /anyOf: truths\[0\] must be .* not 0/],
    ["null after a deciding false", () => allOf(false, null as never), /allOf: truths\[1\]/],
    ["null after a deciding true", () => anyOf(true, null as never), /anyOf: truths\[1\]/],
  ])("throws invalid-argument for %s, never a silent answer", (_, action, message) => {
    expect(action).toThrow(GroupworkError);
    expect(action).toThrow(message);
  });

  it("makes a condition written wrongly fail closed: the decision is a deny with basis error", () => {
    // request.subject is absent: `?.minor` is undefined, but `?? null` makes it null, which is no truth.
    const wrong = rule("minor-permit", "permit", { when: (asked) => negate((asked.subject?.minor ?? null) as never) });
    const decision = checkDisclosure(request(), { policy: definePolicy([wrong], { version: "v" }) });
    expect([decision.effect, decision.basis, decision.errors.map((error) => error.ruleId)]).toEqual([
      "deny",
      "error",
      ["minor-permit"],
    ]);
    expect(decision.errors[0]?.message).toMatch(/negate: truth must be true, false or undefined/);
  });
});
