// Every name a user can import from the package's entries has TSDoc (the doc comment is the manual): a
// one-line summary for each, and an `@example` for each function, constant and class. tsdoc-examples.test.ts checks
// that each example is true and uses the library, and tsdoc-types.test.ts that it compiles; this gate checks that
// none is missing, so a new export without one fails here and names itself.
import { describe, expect, it } from "vitest";
import { publicSurface } from "./surface";

const exports = publicSurface();
const values = exports.filter((entry) => entry.kind === "value");

describe("public API documentation", () => {
  it("reads every export of the package's entries, each from its declaration", () => {
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

// The root entry is what most programs import: every function and constant, the types a call takes and returns, and
// the record's schema. The schemas of the record's parts and the types of a result's parts stay in their rooms, so
// the root stays a size a reader can take in.
// The rooms that sit on top of the others (FHIR mapping, spreadsheet import, the testing kit, the sample group) have their own subpaths
// and stay out of the root: a screen that shows a metric should not carry the FHIR mapping or a CSV parser.
const roomsOnTop = new Set(["sample", "fhir", "csv", "testing"]);

describe("the root entry", () => {
  const inRoot = exports.filter((entry) => entry.entries.includes("groupwork"));
  const inRooms = exports.filter((entry) => entry.entries.some((specifier) => specifier !== "groupwork"));

  it("exports every function and constant of the rooms, and of the schemas only the record's", () => {
    const rootNames = new Set(inRoot.map((entry) => entry.name));
    const partSchema = (name: string): boolean => name.endsWith("Schema") && name !== "GroupRecordSchema";
    const missing = inRooms
      .filter((entry) => entry.kind === "value" && !roomsOnTop.has(entry.room) && !partSchema(entry.name))
      .filter((entry) => !rootNames.has(entry.name))
      .map((entry) => entry.name);
    expect(missing, "functions and constants the root entry leaves out").toEqual([]);
    expect(inRoot.filter((entry) => partSchema(entry.name)).map((entry) => entry.name)).toEqual([]);
    expect(rootNames.has("GroupRecordSchema")).toBe(true);
  });

  it("adds nothing its rooms do not export", () => {
    expect(inRoot.filter((entry) => entry.entries.length === 1).map((entry) => entry.name)).toEqual([]);
  });

  it("stays within 260 names, so that growing it is a decision", () => {
    expect(inRoot.length).toBeLessThanOrEqual(260);
  });
});
