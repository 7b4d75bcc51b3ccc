// Runs every benchmark in bench/ against the built package, each in its own process so one does not warm up or
// fill the heap for the next; the heap limit is raised for the 10,000,000-item growth checks. Pass a part of a file
// name to run only matching ones: `npm run bench -- parse`.
import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";

const filter = process.argv[2] ?? "";
const benches = readdirSync("bench").filter((name) => name.endsWith(".bench.ts") && name.includes(filter));
if (benches.length === 0) throw new Error(`no benchmark in bench/ matches "${filter}"`);
for (const name of benches) {
  console.log(`\n▶ bench/${name}`);
  execFileSync("npx", ["tsx", "--tsconfig", "examples/tsconfig.json", `bench/${name}`], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_OPTIONS: `${process.env["NODE_OPTIONS"] ?? ""} --expose-gc --max-old-space-size=8192`.trim(),
    },
  });
}
