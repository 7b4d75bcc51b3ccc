// Compiles the TypeScript blocks of README.md and the guides in docs/ as a user's programs: each block is its own
// module, checked with the project's strict settings, with `groupwork` and its subpaths resolved to the sources. A
// block that goes on from the one before it (a guide that says "continuing with …") opens with a comment
// `// continues` and is compiled together with the blocks before it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { compileInMemory, projectCompilerOptions } from "./example-types";
import { repoRoot } from "./surface";

/** A TypeScript block of a guide that does not compile. */
export interface GuideExampleError {
  /** `README.md:83`: the file and the line its block starts on. */
  readonly where: string;
  /** `line N: TSxxxx message`, N counted from the block's first line. */
  readonly errors: readonly string[];
}

interface GuideBlock {
  readonly where: string;
  readonly code: string;
  /** Lines of earlier blocks compiled ahead of this one (a block that continues). */
  readonly headerLines: number;
  readonly path: string;
}

/** The guides whose TypeScript blocks are compiled. */
export function guideFiles(): string[] {
  const docs = readdirSync(join(repoRoot, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`);
  return ["README.md", ...docs.sort()];
}

function blocksOf(file: string): GuideBlock[] {
  const lines = readFileSync(join(repoRoot, file), "utf8").split("\n");
  const blocks: GuideBlock[] = [];
  let earlier = "";
  for (let index = 0; index < lines.length; index += 1) {
    const fence = /^```(ts|tsx)$/.exec(lines[index] ?? "");
    if (fence === null) continue;
    const start = index + 1;
    let end = start;
    while (end < lines.length && lines[end] !== "```") end += 1;
    const code = lines.slice(start, end).join("\n");
    const continues = code.startsWith("// continues");
    const prefix = continues ? earlier : "";
    const extension = fence[1] === "tsx" ? "tsx" : "ts";
    blocks.push({
      where: `${file}:${start}`,
      code: `${prefix}${code}\nexport {};\n`,
      headerLines: prefix === "" ? 0 : prefix.split("\n").length - 1,
      path: join(repoRoot, "test/docs/__guides__", `${file.replaceAll("/", "-")}-${start}.${extension}`),
    });
    earlier = `${prefix}${code}\n`;
    index = end;
  }
  return blocks;
}

/** Every TypeScript block of the guides that does not compile, in the order of the files. */
export function guideExampleErrors(): GuideExampleError[] {
  const blocks = guideFiles().flatMap(blocksOf);
  // React's JSX and the DOM's types, for the stage board's pattern in docs/stages.md.
  const options: ts.CompilerOptions = {
    ...projectCompilerOptions(),
    jsx: ts.JsxEmit.ReactJSX,
    lib: ["lib.es2023.d.ts", "lib.dom.d.ts"],
    types: ["node"],
  };
  const errors = compileInMemory(
    blocks.map((block) => ({ path: block.path, text: block.code, headerLines: block.headerLines })),
    options,
  );
  return blocks.flatMap((block) => {
    const found = errors.get(block.path);
    return found === undefined ? [] : [{ where: block.where, errors: found }];
  });
}
