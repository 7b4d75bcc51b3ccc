// The room's private readers of instants and sentences, given what no caller should pass: each answers or throws a
// GroupworkError, never a raw exception, never a hang, and never remembers what it read.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { isWordAt } from "../../src/confidentiality/fold";
import { checkDisclosure, findMemberMentions } from "../../src/confidentiality/index";
import { insideSingleQuotes, startsSentence } from "../../src/confidentiality/sentences";
import { GroupworkError, type MemberId } from "../../src/model/index";
import { consent, request } from "./engine-fixtures";

const circular: Record<string, unknown> = {};
circular["self"] = circular;
const strange: readonly [string, unknown][] = [
  ["null", null],
  ["undefined", undefined],
  ["a Symbol", Symbol("s")],
  ["a BigInt", 10n],
  ["an object with no prototype", Object.create(null)],
  ["a frozen object", Object.freeze({})],
  ["a circular object", circular],
  ["a 5,000-deep array", JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`)],
];

describe("the moments of a disclosure request", () => {
  it.each(strange)("make checkDisclosure deny a request whose `at` is %s as unreadable", (_, value) => {
    const decision = checkDisclosure(request({ at: value as never, consents: [consent()] }));
    expect([decision.basis, decision.errors.map((error) => error.path)]).toEqual(["invalid-request", ["at"]]);
  });

  it("refuse text longer than any instant, and accept the longest one allowed", () => {
    const longest = `2026-03-10T10:00:00.${"1".repeat(38)}-05:00`;
    expect(longest).toHaveLength(64);
    expect(checkDisclosure(request({ at: longest, consents: [consent()] })).basis).toBe("explicit-permit");
    const decision = checkDisclosure(request({ at: `2026-03-10T10:00:00.${"0".repeat(60)}Z` }));
    expect([decision.basis, decision.errors.map((error) => error.path)]).toEqual(["invalid-request", ["at"]]);
  });

  it("refuse a consent period that is a Symbol or a megabyte, at its path", () => {
    const consents = [consent({ validUntil: Symbol("until") as never, revokedAt: "x".repeat(1e6) })];
    expect(checkDisclosure(request({ consents })).errors.map((error) => error.path)).toEqual([
      "consents[0].validUntil",
      "consents[0].revokedAt",
    ]);
  });

  it("deny checks with distinct megabyte instants as unreadable, one after another", () => {
    // Nothing is remembered between checks: each is refused by its length.
    for (let index = 0; index < 10; index++) {
      const at = `${"9".repeat(1e6)}${index}`;
      expect(checkDisclosure(request({ at })).basis).toBe("invalid-request");
    }
  });
});

describe("startsSentence and insideSingleQuotes", () => {
  it.each(strange)("throw invalid-argument for text that is %s", (_, value) => {
    expect(() => startsSentence(value as never, 0)).toThrow(/startsSentence: text must be a string/);
    expect(() => insideSingleQuotes(value as never, 0)).toThrow(/insideSingleQuotes: text must be a string/);
  });

  it.each<[string, unknown]>([
    ["Infinity, which would never stop reading", Number.POSITIVE_INFINITY],
    ["past the end", 6],
    ["negative", -1],
    ["not whole", 1.5],
    ["NaN", Number.NaN],
    ["a BigInt", 1n],
    ["a Symbol", Symbol("start")],
  ])("throw invalid-argument for a start that is %s", (_, start) => {
    expect(() => startsSentence("Hope.", start as never)).toThrow(GroupworkError);
    expect(() => insideSingleQuotes("hope'", start as never)).toThrow(
      /start must be a position in the text, from 0 to 5/,
    );
  });

  it("read the start and the end of the text as positions", () => {
    expect([startsSentence("Hope", 0), startsSentence("Hope", 4)]).toEqual([true, false]);
    expect([insideSingleQuotes("'hope", 0), insideSingleQuotes("'hope", 5)]).toEqual([false, true]);
  });

  // The reading forward from the start of the line, as it was written first: the last opening- or closing-shaped
  // quote before `start` decides.
  function forward(folded: string, start: number): boolean {
    let lineStart = start;
    while (lineStart > 0 && folded.charCodeAt(lineStart - 1) !== 10 && folded.charCodeAt(lineStart - 1) !== 13)
      lineStart--;
    let open = false;
    for (let i = lineStart; i < start; i++) {
      if (folded.charCodeAt(i) !== 39) continue;
      const letterBefore = i > 0 && isWordAt(folded, i - 1);
      const letterAfter = isWordAt(folded, i + 1);
      if (!letterBefore && letterAfter) open = true;
      else if (letterBefore && !letterAfter) open = false;
    }
    return open;
  }

  test.prop([
    fc
      .array(fc.constantFrom("a", "b", " ", "'", "\n", "\r", ".", "1", "é"), { maxLength: 40 })
      .map((parts) => parts.join(""))
      .chain((text) => fc.tuple(fc.constant(text), fc.nat({ max: text.length }))),
  ])("insideSingleQuotes answers as reading the line forward would", ([text, start]) => {
    expect(insideSingleQuotes(text, start)).toBe(forward(text, start));
  });

  it("let findMemberMentions read one long line of 20,000 possessives", () => {
    const roster = [
      { id: "m1" as MemberId, displayName: "Ana Lee" },
      { id: "m2" as MemberId, displayName: "Jamal Price" },
    ];
    // 20,000 names on one line: read from the line's start for each, this took about 20 s.
    const mentions = findMemberMentions("Jamal' car was parked. ".repeat(20_000), roster, {
      subject: "m1" as MemberId,
    });
    expect(mentions).toHaveLength(20_000);
  });
});
