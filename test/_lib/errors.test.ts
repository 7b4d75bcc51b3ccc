import { describe, expect, it } from "vitest";
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
