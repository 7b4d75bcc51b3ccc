// Every `@example` in src/ is run here, and its result compared with what the comment after `//=>` says, so the
// documentation cannot drift from the code: the example is true because a test runs it.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as groupwork from "../../src/index";
import * as sample from "../../src/sample/index";

const srcDir = fileURLToPath(new URL("../../src", import.meta.url));

interface DocExample {
  readonly where: string;
  readonly code: string;
  readonly expected: string;
}

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
  const found: DocExample[] = [];
  for (const comment of text.matchAll(/\/\*\*([\s\S]*?)\*\//g)) {
    const lines = (comment[1] ?? "").split("\n").map((line) => line.replace(/^\s*\* ?/, ""));
    let current: string[] | undefined;
    const blocks: string[][] = [];
    for (const line of lines) {
      if (line.startsWith("@example")) {
        current = [];
        blocks.push(current);
      } else if (line.startsWith("@")) current = undefined;
      else current?.push(line);
    }
    for (const block of blocks) {
      const arrow = block.findIndex((line) => line.trimStart().startsWith("//=>"));
      const line = text.slice(0, comment.index).split("\n").length;
      found.push({
        where: `${relative(srcDir, file)}:${line}`,
        code: block.slice(0, Math.max(arrow, 0)).join("\n"),
        expected:
          arrow < 0 ? "" : [block[arrow]?.replace(/^\s*\/\/=>\s*/, ""), ...block.slice(arrow + 1)].join("\n").trim(),
      });
    }
  }
  return found;
}

// Direct eval inside a sloppy-mode function returns the value of the example's last expression statement and sees the
// public API as local names, as a user's program that imported it would.
function run(code: string): unknown {
  const scope: Record<string, unknown> = { ...groupwork, ...sample };
  const names = Object.keys(scope);
  const evaluate = new Function(...names, "__code", "return eval(__code);") as (...args: unknown[]) => unknown;
  return evaluate(...names.map((name) => scope[name]), code);
}

const examples = sourceFiles(srcDir).flatMap(examplesIn);

describe("TSDoc examples", () => {
  it("exist, and each states its result after //=>", () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    for (const example of examples) expect(example.expected, example.where).not.toBe("");
  });

  it.each(examples.map((example) => [example.where, example] as const))("%s", (_, example) => {
    // Parenthesised so an object literal after //=> reads as a value, not as a block of statements.
    const expected: unknown = run(`(${example.expected})`);
    expect(run(example.code)).toEqual(expected);
  });
});
