// Every `@example` in src/ is run here, and its result compared with what the comment after `//=>` says, so the
// documentation cannot drift from the code: the example is true because a test runs it. An example must also use the
// library: one that computes its result from plain JavaScript alone documents nothing. Examples are TypeScript (a
// user's program, which tsdoc-types.test.ts compiles): their types are stripped before they run.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import * as fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as confidentiality from "../../src/confidentiality/index";
import * as csv from "../../src/csv/index";
import * as fhir from "../../src/fhir/index";
import * as groupwork from "../../src/index";
import * as measures from "../../src/measures/index";
import * as metrics from "../../src/metrics/index";
import * as model from "../../src/model/index";
import * as sample from "../../src/sample/index";
import * as stages from "../../src/stages/index";
import * as testing from "../../src/testing/index";
import { type DocExample, examplesInComment, namesUsed, repoRoot } from "./surface";

const srcDir = join(repoRoot, "src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(dir, entry.name)]
        : [],
  );
}

function examplesIn(file: string): DocExample[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/\/\*\*[\s\S]*?\*\//g)].flatMap((comment) =>
    examplesInComment(comment[0], `${relative(repoRoot, file)}:${text.slice(0, comment.index).split("\n").length}`),
  );
}

// Every entry's names: an example may use a name the root leaves out (a part's schema), as a user would import it from
// its room.
const scope: Record<string, unknown> = {
  ...model,
  ...stages,
  ...metrics,
  ...measures,
  ...confidentiality,
  ...fhir,
  ...csv,
  ...testing,
  ...sample,
  // The testing kit's examples draw samples from its arbitraries, as a user's property test would.
  fc,
};
for (const [name, value] of Object.entries(groupwork)) {
  if (scope[name] !== value) throw new Error(`The root exports ${name} but no room exports the same value.`);
}

// Direct eval inside a sloppy-mode function returns the value of the example's last expression statement and sees the
// public API as local names, as a user's program that imported it would. Only the types are removed from the code
// (annotations, `as const`): the statements run as written.
function run(code: string): unknown {
  const names = Object.keys(scope);
  const evaluate = new Function(...names, "__code", "return eval(__code);") as (...args: unknown[]) => unknown;
  const script = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.Preserve, removeComments: false },
    reportDiagnostics: false,
  }).outputText;
  return evaluate(...names.map((name) => scope[name]), script);
}

const examples = sourceFiles(srcDir).flatMap(examplesIn);

describe("TSDoc examples", () => {
  it("exist, and each states its result after //=>", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const withoutResult = examples.filter((example) => example.expected === "").map((example) => example.where);
    expect(withoutResult, "examples without a //=> result").toEqual([]);
  });

  it("each use a function or constant of the library", () => {
    const plain = examples
      .filter((example) => {
        const { used, declared } = namesUsed(example.code);
        return ![...used].some((name) => Object.hasOwn(scope, name) && !declared.has(name));
      })
      .map((example) => example.where);
    expect(plain, "examples that call no library code").toEqual([]);
  });

  it.each(examples.map((example) => [example.where, example] as const))("%s", (_, example) => {
    // Parenthesised so an object literal after //=> reads as a value, not as a block of statements.
    const expected: unknown = run(`(${example.expected})`);
    expect(run(example.code)).toEqual(expected);
  });
});
