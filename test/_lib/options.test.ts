import { describe, expect, it } from "vitest";
import { refuseUnknownKeys } from "../../src/_lib/options";
import { GroupworkError } from "../../src/model/index";

describe("refuseUnknownKeys", () => {
  it("accepts an object whose own keys are all options, or none at all", () => {
    expect(() =>
      refuseUnknownKeys({ policy: 1, at: undefined }, ["policy", "at", "version"], "f: options"),
    ).not.toThrow();
    expect(() => refuseUnknownKeys({}, [], "f: options")).not.toThrow();
  });

  it("names a misspelt key and the options there are", () => {
    const call = () => refuseUnknownKeys({ polciy: 1 }, ["policy"], "checkDisclosure: options");
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow('checkDisclosure: options has the key "polciy", which it does not take; it takes "policy".');
  });

  it("says so when a function reads no option at all", () => {
    expect(() => refuseUnknownKeys({ extra: true }, [], "f: options")).toThrow(
      'f: options has the key "extra", which it does not take; it takes none.',
    );
  });

  it("refuses symbol and non-enumerable keys too, and ignores inherited ones", () => {
    expect(() => refuseUnknownKeys({ [Symbol("tag")]: 1 }, ["a"], "f: options")).toThrow(
      "the key a Symbol (tag), which",
    );
    const hidden = Object.defineProperty({}, "secret", { value: 1, enumerable: false });
    expect(() => refuseUnknownKeys(hidden, ["a"], "f: options")).toThrow('the key "secret"');
    const inherited = Object.create({ notMine: 1 }) as object;
    expect(() => refuseUnknownKeys(inherited, ["a"], "f: options")).not.toThrow();
  });

  it("reads keys, not values: a getter is never called", () => {
    let reads = 0;
    const options = {
      get a() {
        reads++;
        return 1;
      },
    };
    refuseUnknownKeys(options, ["a"], "f: options");
    expect(reads).toBe(0);
  });
});
