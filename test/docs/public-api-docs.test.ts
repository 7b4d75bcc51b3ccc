// Every name a user can import from `groupwork` or `groupwork/sample` has TSDoc (the doc comment is the manual): a
// one-line summary for each, and an `@example` for each function, constant and class. tsdoc-examples.test.ts checks
// that each example is true and uses the library, and tsdoc-types.test.ts that it compiles; this gate checks that
// none is missing, so a new export without one fails here and names itself.
import { describe, expect, it } from "vitest";
import { publicSurface } from "./surface";

const exports = publicSurface();
const values = exports.filter((entry) => entry.kind === "value");

describe("public API documentation", () => {
  it("reads every export of groupwork and groupwork/sample, each from its declaration", () => {
    // The package exports a few hundred names; far fewer means an `export *` stopped resolving.
    expect(exports.length).toBeGreaterThan(300);
    expect(exports.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["parseGroupRecord", "sampleGroupRecord", "GroupRecord"]),
    );
    expect(exports.filter((entry) => entry.declaredIn === "(unresolved)").map((entry) => entry.name)).toEqual([]);
    // Functions and constants are told apart from types, or the example rule below would ask nothing.
    expect(exports.find((entry) => entry.name === "parseGroupRecord")?.kind).toBe("value");
    expect(exports.find((entry) => entry.name === "GroupRecord")?.kind).toBe("type");
  });

  it("gives every export, value or type, a one-line summary", () => {
    const missing = exports.filter((entry) => !entry.hasSummary).map((entry) => `${entry.name} (${entry.declaredIn})`);
    expect(missing, "exports without a TSDoc summary").toEqual([]);
  });

  it("gives every exported function, constant and class an @example that states its result", () => {
    const missing = values
      .filter((entry) => !entry.examples.some((example) => example.code.trim() !== "" && example.expected !== ""))
      .map((entry) => `${entry.name} (${entry.declaredIn})`);
    expect(missing, "functions and constants without an @example ending in //=>").toEqual([]);
  });
});
