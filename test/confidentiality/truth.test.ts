// Kleene's strong three-valued logic (Kleene 1938), checked against its truth tables written out by hand.
import { describe, expect, it } from "vitest";
import { allOf, anyOf, negate, type Truth } from "../../src/confidentiality/index";

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
});
