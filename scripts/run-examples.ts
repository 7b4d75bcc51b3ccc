// Runs every program in examples/ against the built package, as a user would; fails if any of them fails.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const examples = readdirSync("examples").filter((name) => name.endsWith(".ts"));
for (const name of examples) {
  console.log(`\n▶ examples/${name}`);
  execFileSync("npx", ["tsx", "--tsconfig", "examples/tsconfig.json", `examples/${name}`], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  console.log(`✓ examples/${name}`);
}
