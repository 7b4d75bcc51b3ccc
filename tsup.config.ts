import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { defineConfig } from "tsup";
import ts from "typescript";

// One public entry per room (CommonJS). The `groupwork` command, src/cli/main.ts, is ESM only: Node runs a bin as
// whatever its file is, and nothing requires it.
const entry = {
  index: "src/index.ts",
  "model/index": "src/model/index.ts",
  "sample/index": "src/sample/index.ts",
  "stages/index": "src/stages/index.ts",
  "metrics/index": "src/metrics/index.ts",
  "measures/index": "src/measures/index.ts",
  "confidentiality/index": "src/confidentiality/index.ts",
  "fhir/index": "src/fhir/index.ts",
  "csv/index": "src/csv/index.ts",
  "testing/index": "src/testing/index.ts",
};

// Declarations come from tsc, one file per module as the ESM code is shipped, so each type is declared once, in the
// file named after its source. Each .d.ts gets a CommonJS twin (.d.cts) whose relative imports name .cjs files: a
// `require` user's compiler then stays within CommonJS declarations, as the CommonJS bundles do at run time. This is
// one declaration emit instead of tsup's two bundled ones (one per format), which each type-checked the whole source.
function writeDeclarations(): void {
  const configFile = "tsconfig.build.json";
  const { config, error } = ts.readConfigFile(configFile, ts.sys.readFile);
  if (error !== undefined) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, "\n"));
  const parsed = ts.parseJsonConfigFileContent(
    // The command (src/cli) is a program, not an API: it ships as JavaScript only.
    { ...config, include: ["src"], exclude: ["src/cli"] },
    ts.sys,
    ".",
    { noEmit: false, declaration: true, emitDeclarationOnly: true, rootDir: "src", outDir: "dist" },
    configFile,
  );
  const program = ts.createProgram(parsed.fileNames, parsed.options);
  const result = program.emit(undefined, (fileName, text) => {
    mkdirSync(dirname(fileName), { recursive: true });
    writeFileSync(fileName, text);
    const commonJs = text.replace(/(\bfrom\s*|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"']*)\.js\2/g, "$1$2$3.cjs$2");
    writeFileSync(fileName.replace(/\.d\.ts$/, ".d.cts"), commonJs);
  });
  const problems = [...parsed.errors, ...result.diagnostics];
  if (problems.length > 0 || result.emitSkipped) {
    const host = {
      getCanonicalFileName: (name: string) => name,
      getCurrentDirectory: () => ".",
      getNewLine: () => "\n",
    };
    throw new Error(`Declarations were not written:\n${ts.formatDiagnostics(problems, host)}`);
  }
}

export default defineConfig([
  // ESM is shipped file by file, as written: with "sideEffects": false a bundler keeps only the modules a program
  // imports, so importing a vocabulary or isActiveMember does not pull in the schemas or zod. No source maps: each
  // file is its source module with the types removed, unminified, under the same name, so a stack trace already reads
  // as the source does; maps would double the tarball to say the same.
  {
    entry: ["src/**/*.ts"],
    format: ["esm"],
    bundle: false,
    sourcemap: false,
    clean: true,
    target: "es2022",
    // `npm run demo` and `npm run bench` need only the code: scripts/ensure-built.ts sets this to skip declarations.
    onSuccess: process.env["GROUPWORK_BUILD_CODE_ONLY"] === "1" ? undefined : async () => writeDeclarations(),
  },
  // CommonJS is bundled per entry, with what the entries share split into a common chunk, so `groupwork` and
  // `groupwork/model` hand out the same objects. No source maps either.
  {
    entry,
    format: ["cjs"],
    splitting: true,
    sourcemap: false,
    target: "es2022",
    external: ["zod", "xstate"],
  },
]);
