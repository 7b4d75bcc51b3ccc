import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

// The other rooms load, at runtime, only the model's zod-free modules, and a screen may import isActiveMember, ageOn
// or isMinor alone. This follows each module's runtime imports (everything but `import type` / `export type`, which
// are erased) through the source and lists the packages they reach.

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** Specifiers a module loads at runtime: imports and re-exports that are not type-only. */
function runtimeSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, false);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement) && statement.importClause?.isTypeOnly !== true) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
    if (ts.isExportDeclaration(statement) && !statement.isTypeOnly && statement.moduleSpecifier !== undefined) {
      if (ts.isStringLiteral(statement.moduleSpecifier)) specifiers.push(statement.moduleSpecifier.text);
    }
  }
  return specifiers;
}

/** Every package reached at runtime from a module of src/, with the source files on the way. */
function runtimeReach(entry: string): { packages: Set<string>; files: Set<string> } {
  const packages = new Set<string>();
  const files = new Set<string>();
  const pending = [resolve(root, entry)];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (files.has(file)) continue;
    files.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith(".")) pending.push(resolve(dirname(file), specifier.replace(/\.js$/, ".ts")));
      else
        packages.add(
          specifier.startsWith("@")
            ? specifier.split("/").slice(0, 2).join("/")
            : (specifier.split("/")[0] ?? specifier),
        );
    }
  }
  return { packages, files };
}

describe("the model's zod-free modules", () => {
  it.each(["src/model/vocabulary/index.ts", "src/model/active.ts", "src/model/age.ts"])(
    "%s loads no zod at runtime",
    (entry) => {
      const { packages, files } = runtimeReach(entry);
      expect(packages.has("zod")).toBe(false);
      // The walk went through the modules it imports, not only the entry.
      expect(files.size).toBeGreaterThan(1);
    },
  );

  it("sees zod where it is: the walk reaches it from the model's barrel", () => {
    // The same walk from src/model/index.ts must find zod, or the checks above could pass by not looking.
    expect(runtimeReach("src/model/index.ts").packages.has("zod")).toBe(true);
  });
});
