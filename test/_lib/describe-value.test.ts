import { describe, expect, it } from "vitest";
import { describeValue } from "../../src/_lib/errors";

describe("describeValue", () => {
  it("quotes text as JSON, cut to 64 characters", () => {
    expect(describeValue('say "hi"\n')).toBe('"say \\"hi\\"\\n"');
    const long = describeValue("x".repeat(1_000_000));
    expect(long).toBe(`"${"x".repeat(63)}…"`);
  });

  it("prints numbers, booleans, null and undefined as they are", () => {
    expect([1.5, Number.NaN, -Infinity, true, null, undefined].map(describeValue)).toEqual([
      "1.5",
      "NaN",
      "-Infinity",
      "true",
      "null",
      "undefined",
    ]);
  });

  it("names a BigInt, a Symbol and a function", () => {
    expect(describeValue(10n)).toBe("the BigInt 10n");
    expect(describeValue(Symbol("s"))).toBe("a Symbol (s)");
    expect(describeValue(() => 1)).toBe("a function");
  });

  it("describes arrays by length and objects by their first keys, whatever they hold", () => {
    const deep = JSON.parse(`${"[".repeat(5000)}${"]".repeat(5000)}`);
    expect(describeValue(deep)).toBe("an array of 1 item");
    const circular: Record<string, unknown> = { a: 1 };
    circular["self"] = circular;
    expect(describeValue(circular)).toBe('an object (keys "a", "self")');
    expect(describeValue(Object.create(null))).toBe("an object with no prototype (no keys)");
    expect(describeValue({ a: 1, b: 2, c: 3, d: 4 })).toBe('an object (keys "a", "b", "c", …)');
    const hostile = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error("no");
        },
      },
    );
    expect(describeValue(hostile)).toBe("an object (keys that cannot be read)");
  });
});
