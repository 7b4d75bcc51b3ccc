// The public surface as a user sees it (every name the package's entries export, read from its declaration) and the
// TSDoc `@example` blocks written on it, for the documentation gates in this folder.
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

export const repoRoot = fileURLToPath(new URL("../..", import.meta.url));

/**
 * The package's entries, root first: a name exported by several is read once, from the first that exports it, so a
 * user's example imports it from there. The rooms' subpaths also export names the root leaves out (the schemas of
 * the record's parts, the types of a result's parts).
 */
export const publicEntries = [
  { specifier: "groupwork", file: fileURLToPath(new URL("../../src/index.ts", import.meta.url)) },
  ...(["model", "stages", "metrics", "measures", "confidentiality", "fhir", "csv", "testing", "sample"] as const).map(
    (room) => ({
      specifier: `groupwork/${room}`,
      file: fileURLToPath(new URL(`../../src/${room}/index.ts`, import.meta.url)),
    }),
  ),
] as const;

/** One `@example` block: the code before its `//=>` line and the expected value after it. */
export interface DocExample {
  /** `src/<file>:<line>` of the doc comment. */
  readonly where: string;
  readonly code: string;
  readonly expected: string;
}

/** An exported name, with what its documentation holds. */
export interface PublicExport {
  readonly name: string;
  /** The entry a user imports it from: the first of `publicEntries` that exports it. */
  readonly specifier: string;
  /** Every entry that exports it. */
  readonly entries: readonly string[];
  /** A value (function, constant, class) needs an example; a type only a summary. */
  readonly kind: "value" | "type";
  /** `src/<room>/<file>.ts` of its first declaration, or "(unresolved)". */
  readonly declaredIn: string;
  /** The room: the folder under src/ it is declared in. */
  readonly room: string;
  readonly hasSummary: boolean;
  readonly examples: readonly DocExample[];
}

/**
 * Splits the text of one doc comment into its `@example` blocks. A block runs from its tag to the next tag; the
 * first line starting with `//=>` ends the code and starts the expected value.
 */
export function examplesInComment(comment: string, where: string): DocExample[] {
  const lines = comment
    .replace(/^\/\*\*/, "")
    .replace(/\*\/$/, "")
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""));
  const blocks: string[][] = [];
  let current: string[] | undefined;
  for (const line of lines) {
    if (line.startsWith("@example")) {
      current = [];
      blocks.push(current);
    } else if (line.startsWith("@")) current = undefined;
    else current?.push(line);
  }
  return blocks.map((block) => {
    const arrow = block.findIndex((line) => line.trimStart().startsWith("//=>"));
    return {
      where,
      code: block.slice(0, Math.max(arrow, 0)).join("\n"),
      expected:
        arrow < 0 ? "" : [block[arrow]?.replace(/^\s*\/\/=>\s*/, ""), ...block.slice(arrow + 1)].join("\n").trim(),
    };
  });
}

function roomOf(declaredIn: string): string {
  const parts = declaredIn.split("/");
  return parts[0] === "src" && parts.length > 2 ? (parts[1] ?? "(root)") : "(root)";
}

/** Every name the public entries export, each read from its declaration, sorted by name. */
export function publicSurface(): PublicExport[] {
  const program = ts.createProgram(
    publicEntries.map((entry) => entry.file),
    {
      strict: true,
      noEmit: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
    },
  );
  const checker = program.getTypeChecker();
  const found = new Map<string, PublicExport>();
  for (const entry of publicEntries) {
    const source = program.getSourceFile(entry.file);
    const module = source === undefined ? undefined : checker.getSymbolAtLocation(source);
    if (module === undefined) throw new Error(`Cannot read the exports of ${entry.file}.`);
    for (const exported of checker.getExportsOfModule(module)) {
      const known = found.get(exported.name);
      if (known !== undefined) {
        (known.entries as string[]).push(entry.specifier);
        continue;
      }
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = symbol.declarations ?? [];
      const first = declarations[0];
      const declaredIn = first === undefined ? "(unresolved)" : relative(repoRoot, first.getSourceFile().fileName);
      const docs = declarations.flatMap((declaration) =>
        ts
          .getJSDocCommentsAndTags(declaration)
          .filter(ts.isJSDoc)
          .map((doc) => ({ doc, file: declaration.getSourceFile() })),
      );
      // The same comment can be reached from several declarations (a `const` and its statement); read it once.
      const comments = new Map(docs.map(({ doc, file }) => [`${file.fileName}:${doc.pos}`, { doc, file }]));
      found.set(exported.name, {
        name: exported.name,
        specifier: entry.specifier,
        entries: [entry.specifier],
        kind: symbol.flags & ts.SymbolFlags.Value ? "value" : "type",
        declaredIn,
        room: roomOf(declaredIn),
        // An overloaded function counts as documented when any of its signatures is.
        hasSummary: docs.some(({ doc }) => Boolean(ts.getTextOfJSDocComment(doc.comment)?.trim())),
        examples: [...comments.values()].flatMap(({ doc, file }) =>
          examplesInComment(
            file.text.slice(doc.getStart(file), doc.end),
            `${relative(repoRoot, file.fileName)}:${file.getLineAndCharacterOfPosition(doc.getStart(file)).line + 1}`,
          ),
        ),
      });
    }
  }
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The names an example's code uses as values or types, leaving out property names (`x.name`, `{ name: … }`) and
 * the names it declares itself at its top level.
 */
export function namesUsed(code: string): { used: Set<string>; declared: Set<string> } {
  const file = ts.createSourceFile("example.ts", code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const used = new Set<string>();
  const declared = new Set<string>();
  for (const statement of file.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) collectBindingNames(declaration.name, declared);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isInterfaceDeclaration(statement) ||
        ts.isTypeAliasDeclaration(statement)) &&
      statement.name !== undefined
    ) {
      declared.add(statement.name.text);
    }
  }
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && !isPropertyName(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { used, declared };
}

function collectBindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) into.add(name.text);
  else
    for (const element of name.elements) if (!ts.isOmittedExpression(element)) collectBindingNames(element.name, into);
}

function isPropertyName(node: ts.Identifier): boolean {
  const parent = node.parent;
  return (
    (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
    (ts.isPropertyAssignment(parent) && parent.name === node) ||
    (ts.isPropertySignature(parent) && parent.name === node) ||
    (ts.isQualifiedName(parent) && parent.right === node) ||
    (ts.isBindingElement(parent) && parent.propertyName === node)
  );
}
