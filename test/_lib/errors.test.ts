import { describe, expect, it } from "vitest";
import { describeThrown, describeValue } from "../../src/_lib/errors";
import { GroupworkError } from "../../src/model/index";

describe("GroupworkError", () => {
  it("carries a code, a name and the message", () => {
    const error = new GroupworkError("missing-time-zone", "Pass group.timeZone.");
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: "GroupworkError", code: "missing-time-zone", message: "Pass group.timeZone." });
  });

  it("is recognised by instanceof across copies of the library, which share the registered brand", () => {
    // What another copy (the CommonJS build, say) makes: a different class with the same registered symbol.
    class OtherCopy extends Error {
      constructor() {
        super("from the other build");
        Object.defineProperty(this, Symbol.for("groupwork.error"), { value: true });
      }
    }
    expect(new OtherCopy() instanceof GroupworkError).toBe(true);
  });

  it("is not claimed by other errors or values", () => {
    expect(new Error("plain") instanceof GroupworkError).toBe(false);
    expect(new TypeError("type") instanceof GroupworkError).toBe(false);
    const notObjects: unknown[] = [null, undefined, "GroupworkError", 42];
    for (const value of notObjects) expect((value as object) instanceof GroupworkError).toBe(false);
  });
});

describe("describeValue and describeThrown on values that throw when looked at", () => {
  function revoked(target: object): object {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  }

  it("describe a revoked Proxy, of an object or of an array, as an object that cannot be read", () => {
    // A revoked Proxy throws a TypeError when asked whether it is an array (ECMA-262 IsArray).
    expect(() => Array.isArray(revoked([]))).toThrow(TypeError);
    expect(describeValue(revoked({}))).toBe("an object that cannot be read");
    expect(describeValue(revoked([1, 2]))).toBe("an object that cannot be read");
  });

  it("describe a Proxy whose traps throw, and an array Proxy whose length is not a count", () => {
    const noPrototype = new Proxy(
      {},
      {
        getPrototypeOf() {
          throw new Error("no");
        },
      },
    );
    expect(describeValue(noPrototype)).toBe("an object that cannot be read");
    const noLength = new Proxy([], {
      get() {
        throw new Error("no");
      },
    });
    expect(describeValue(noLength)).toBe("an object that cannot be read");
    const wordyLength = new Proxy([], { get: () => "x".repeat(1_000_000) });
    expect(describeValue(wordyLength)).toBe("an array");
    const endless = new Proxy([], { get: () => Number.POSITIVE_INFINITY });
    expect(describeValue(endless)).toBe("an array");
    // A well-behaved Proxy is described as what it stands for.
    expect(describeValue(new Proxy([1, 2, 3], {}))).toBe("an array of 3 items");
  });

  it("describe what was thrown: an Error's message quoted, anything else as a value, never throwing", () => {
    expect(describeThrown(new RangeError("the directory is offline"))).toBe('"the directory is offline"');
    expect(describeThrown("bad data")).toBe('"bad data"');
    expect(describeThrown(42)).toBe("42");
    expect(describeThrown(revoked({}))).toBe("an object that cannot be read");
    const unreadableMessage = new Proxy(new Error("hidden"), {
      get() {
        throw new Error("no");
      },
    });
    // Its message cannot be read, so the thrown value is described; an Error's own properties are not enumerable.
    expect(describeThrown(unreadableMessage)).toBe("an object (no keys)");
  });

  it("never claims a revoked Proxy is a GroupworkError, and does not throw when asked", () => {
    expect(revoked({}) instanceof GroupworkError).toBe(false);
  });
});
