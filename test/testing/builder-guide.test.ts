// Every TypeScript block of docs/testing.md runs here as a user's program, with the package's entries, fast-check and
// vitest as its imports: a block that throws fails, and a block that ends in `//=> value` must give that value. So the
// guide cannot drift from the code.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as confidentiality from "../../src/confidentiality/index";
import * as groupwork from "../../src/index";
import * as metrics from "../../src/metrics/index";
import * as model from "../../src/model/index";
import * as stages from "../../src/stages/index";
import * as testing from "../../src/testing/index";

const guide = readFileSync(new URL("../../docs/testing.md", import.meta.url), "utf8");
const blocks = [...guide.matchAll(/```ts\n([\s\S]*?)```/g)].map((match, index) => [index + 1, match[1] ?? ""] as const);

// A block's describe and it run their bodies at once, inside this test, with vitest's own expect.
const modules: Record<string, unknown> = {
  groupwork,
  "groupwork/model": model,
  "groupwork/stages": stages,
  "groupwork/metrics": metrics,
  "groupwork/confidentiality": confidentiality,
  "groupwork/testing": testing,
  "fast-check": { __esModule: true, default: fc, ...fc },
  vitest: { describe: (_: string, body: () => void) => body(), it: (_: string, body: () => void) => body(), expect },
};

function run(code: string): unknown {
  const script = ts.transpileModule(code, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true },
    reportDiagnostics: false,
  }).outputText;
  const require = (specifier: string): unknown => {
    if (!(specifier in modules)) throw new Error(`docs/testing.md imports ${specifier}, which the guide test lacks`);
    return modules[specifier];
  };
  // Direct eval returns the value of the block's last expression statement.
  const evaluate = new Function("require", "exports", "__code", "return eval(__code);") as (
    ...args: unknown[]
  ) => unknown;
  return evaluate(require, {}, script);
}

describe("the code blocks of docs/testing.md", () => {
  it("are there to check", () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  it.each(blocks)("block %i runs and gives the result it states", (_, block) => {
    const [code = "", expected] = block.split(/^\/\/=> /m);
    const value = run(code);
    if (expected !== undefined) expect(value).toEqual(run(`(${expected.trim()})`));
  });
});
