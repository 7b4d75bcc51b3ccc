// Builds the package when dist/ is missing or older than src/, so `npm run demo` works right after `npm ci`.
import { execSync } from "node:child_process";
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

const built = "dist/index.js";
if (!existsSync(built) || !existsSync("dist/schemas") || statSync(built).mtimeMs < newest("src")) {
  console.log("Building groupwork first (dist/ is missing or older than src/)...");
  execSync("npm run build --silent", { stdio: "inherit" });
}
