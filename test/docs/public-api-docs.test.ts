// Every symbol a user can import from `groupwork` or `groupwork/sample` has TSDoc with a summary and an `@example`
// (the doc comment is the manual). tsdoc-examples.test.ts checks that each example is true; this gate
// checks that none is missing, so a new export without one fails here and names itself.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const repoRoot = fileURLToPath(new URL("../..", import.meta.url));
const entryPoints = ["../../src/index.ts", "../../src/sample/index.ts"].map((path) =>
  fileURLToPath(new URL(path, import.meta.url)),
);

interface ExportDocs {
  readonly name: string;
  readonly declaredIn: string;
  readonly hasSummary: boolean;
  readonly hasExample: boolean;
}

function publicExports(): ExportDocs[] {
  const program = ts.createProgram(entryPoints, {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
  });
  const checker = program.getTypeChecker();
  const found = new Map<string, ExportDocs>();
  for (const entry of entryPoints) {
    const source = program.getSourceFile(entry);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`Cannot read the exports of ${entry}.`);
    for (const exported of checker.getExportsOfModule(module)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      const first = declarations[0];
      found.set(exported.name, {
        name: exported.name,
        declaredIn: first === undefined ? "(unresolved)" : relative(repoRoot, first.getSourceFile().fileName),
        // An overloaded function counts as documented when any of its signatures is.
        hasSummary: declarations.some((declaration) =>
          ts
            .getJSDocCommentsAndTags(declaration)
            .some((doc) => ts.isJSDoc(doc) && ts.getTextOfJSDocComment(doc.comment)),
        ),
        hasExample: declarations.some((declaration) =>
          ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === "example"),
        ),
      });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

const exports = publicExports();

describe("public API documentation", () => {
  it("reads every export of groupwork and groupwork/sample, each from its declaration", () => {
    // The package exports a few hundred names; far fewer means an `export *` stopped resolving.
    expect(exports.length).toBeGreaterThan(300);
    expect(exports.map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["parseGroupRecord", "sampleGroupRecord"]),
    );
    expect(exports.filter((entry) => entry.declaredIn === "(unresolved)").map((entry) => entry.name)).toEqual([]);
  });

  it("gives every export a one-line summary", () => {
    const missing = exports.filter((entry) => !entry.hasSummary).map((entry) => `${entry.name} (${entry.declaredIn})`);
    expect(missing, "exports without a TSDoc summary").toEqual([]);
  });

  it("gives every export an @example", () => {
    const missing = exports.filter((entry) => !entry.hasExample).map((entry) => `${entry.name} (${entry.declaredIn})`);
    expect(missing, "exports without an @example").toEqual([]);
  });
});
