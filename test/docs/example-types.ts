// Compiles every `@example` of the public surface as a user's program: a module that imports the names it uses from
// `groupwork` (or, for a name the root leaves out, its room's subpath), checked with the project's strict settings plus exactOptionalPropertyTypes (the
// strictest a user may have). Each example is its own module, so their local names never meet.
import { join } from "node:path";
import ts from "typescript";
import { namesUsed, type PublicExport, publicSurface, repoRoot } from "./surface";

/** An example that does not compile, with where it is written and the compiler's first words on it. */
export interface ExampleTypeError {
  /** The exported name the example documents. */
  readonly symbol: string;
  readonly room: string;
  /** `src/<file>:<line>` of its doc comment. */
  readonly where: string;
  /** `line N: TSxxxx message` for each error, N counted from the example's first line. */
  readonly errors: readonly string[];
}

interface ExampleModule {
  readonly path: string;
  readonly text: string;
  /** Lines added above the example's code (the imports). */
  readonly headerLines: number;
  readonly owner: PublicExport;
  readonly where: string;
}

/** The project's compiler options, as tsconfig.json sets them. */
export function projectCompilerOptions(): ts.CompilerOptions {
  const configPath = join(repoRoot, "tsconfig.json");
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (parsed === undefined) throw new Error(`Cannot read ${configPath}.`);
  return { ...parsed.options, noEmit: true };
}

/** A module the compiler reads from memory: its path, its text, and how many lines were added above its code. */
export interface VirtualModule {
  readonly path: string;
  readonly text: string;
  readonly headerLines: number;
}

/**
 * Compiles modules held in memory among the project's files, and gives the errors of each module that has any, as
 * `line N: TSxxxx message` with N counted from the module's own code (below its header); one message per line and
 * code, since a call on one line can trip the same check more than once.
 */
export function compileInMemory(modules: readonly VirtualModule[], options: ts.CompilerOptions): Map<string, string[]> {
  const virtual = new Map(modules.map((module) => [module.path, module]));
  const host = ts.createCompilerHost(options, true);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (fileName, language, ...rest) => {
    const module = virtual.get(fileName);
    if (module === undefined) return getSourceFile.call(host, fileName, language, ...rest);
    const kind = fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
    return ts.createSourceFile(fileName, module.text, language, true, kind);
  };
  host.fileExists = (fileName) => virtual.has(fileName) || fileExists.call(host, fileName);
  host.readFile = (fileName) => virtual.get(fileName)?.text ?? readFile.call(host, fileName);
  const program = ts.createProgram([...virtual.keys()], options, host);
  const failures = new Map<string, string[]>();
  for (const module of modules) {
    const file = program.getSourceFile(module.path);
    if (file === undefined) throw new Error(`The compiler did not read ${module.path}.`);
    const diagnostics = [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)];
    if (diagnostics.length === 0) continue;
    const errors = diagnostics.map((diagnostic) => {
      const line = diagnostic.start === undefined ? 0 : file.getLineAndCharacterOfPosition(diagnostic.start).line + 1;
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, " ").split(" ").slice(0, 40).join(" ");
      return `line ${line - module.headerLines}: TS${diagnostic.code} ${message}`;
    });
    failures.set(
      module.path,
      errors.filter((error, index) => errors.indexOf(error) === index),
    );
  }
  return failures;
}

function exampleModules(surface: readonly PublicExport[]): ExampleModule[] {
  const byName = new Map(surface.map((entry) => [entry.name, entry]));
  const modules: ExampleModule[] = [];
  for (const owner of surface) {
    owner.examples.forEach((example, index) => {
      const { used, declared } = namesUsed(example.code);
      const imports = new Map<string, string[]>();
      for (const name of [...used].sort()) {
        const entry = byName.get(name);
        if (entry === undefined || declared.has(name)) continue;
        const names = imports.get(entry.specifier) ?? [];
        names.push(entry.kind === "value" ? name : `type ${name}`);
        imports.set(entry.specifier, names);
      }
      const header = [...imports].map(([specifier, names]) => `import { ${names.join(", ")} } from "${specifier}";`);
      if (used.has("fc") && !declared.has("fc")) header.push(`import * as fc from "fast-check";`);
      header.push("export {};");
      modules.push({
        path: join(repoRoot, "test/docs/__examples__", `${owner.name}-${index + 1}.ts`),
        text: `${header.join("\n")}\n${example.code}\n`,
        headerLines: header.length,
        owner,
        where: example.where,
      });
    });
  }
  return modules;
}

/**
 * Every example of the public surface that does not compile, in the order of the surface (by name).
 *
 * @param overrides - compiler options to set over the project's, to see which setting an example trips on
 */
export function exampleTypeErrors(overrides: ts.CompilerOptions = {}): ExampleTypeError[] {
  const modules = exampleModules(publicSurface());
  const errors = compileInMemory(modules, {
    ...projectCompilerOptions(),
    exactOptionalPropertyTypes: true,
    ...overrides,
  });
  return modules.flatMap((module) => {
    const found = errors.get(module.path);
    return found === undefined
      ? []
      : [{ symbol: module.owner.name, room: module.owner.room, where: module.where, errors: found }];
  });
}

/** The failures as text, grouped by room: one line per example, its errors indented below it. */
export function formatExampleTypeErrors(failures: readonly ExampleTypeError[]): string {
  const rooms = [...new Set(failures.map((failure) => failure.room))].sort();
  return rooms
    .map((room) => {
      const inRoom = failures.filter((failure) => failure.room === room);
      const lines = inRoom.flatMap((failure) => [
        `  ${failure.symbol} (${failure.where})`,
        ...failure.errors.map((error) => `    ${error}`),
      ]);
      return [`${room}: ${inRoom.length} example(s)`, ...lines].join("\n");
    })
    .join("\n\n");
}
