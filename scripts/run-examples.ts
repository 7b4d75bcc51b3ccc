// Runs every program in examples/ against the built package, as a user would; fails if any of them fails.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

// tsx's own command-line entry, run by this Node: the same as `npx tsx` without npx's start-up on every example.
const tsx = join("node_modules", "tsx", "dist", "cli.mjs");
// A *.test.ts file is a user's own vitest suite (examples/agency-workflow.test.ts): `npm run test:unit` runs it.
const examples = readdirSync("examples").filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));
for (const name of examples) {
  console.log(`\n▶ examples/${name}`);
  execFileSync(process.execPath, [tsx, "--tsconfig", "examples/tsconfig.json", `examples/${name}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`✓ examples/${name}`);
}
