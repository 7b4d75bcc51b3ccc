// Builds the package when dist/ is missing or older than src/, so a program run against the built package works right
// after `npm ci`.
//   tsx scripts/ensure-built.ts          the whole package: code, declarations and JSON Schemas (`npm run build`)
//   tsx scripts/ensure-built.ts --code   only the JavaScript, quietly (a few seconds): all that a program run with tsx
//                                        needs, such as `npm run demo`; build output is shown only if the build fails
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const codeOnly = process.argv.includes("--code");
const needed = codeOnly
  ? ["dist/index.js", "dist/index.cjs"]
  : ["dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts", "dist/schemas"];
const sources = newest("src");
const fresh = needed.every((path) => existsSync(path) && statSync(path).mtimeMs >= sources);

if (!fresh && codeOnly) {
  try {
    execFileSync(process.execPath, [join("node_modules", "tsup", "dist", "cli-default.js"), "--silent"], {
      env: { ...process.env, GROUPWORK_BUILD_CODE_ONLY: "1" },
      stdio: "pipe",
    });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
    console.error(`Building groupwork's JavaScript failed:\n${stdout ?? ""}${stderr ?? ""}`);
    process.exit(1);
  }
} else if (!fresh) {
  console.log("Building groupwork first (dist/ is missing or older than src/)...");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}
