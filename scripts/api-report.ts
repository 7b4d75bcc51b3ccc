// Compares the public API of every entry in package.json "exports" (read from the built declarations in dist/) with
// the report checked in under etc/api/, and fails when they differ. `npm run api -- --local` rewrites the reports
// instead; commit them with the change that altered the API. Silent when nothing changed.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Extractor, ExtractorConfig, ExtractorLogLevel } from "@microsoft/api-extractor";

const root = fileURLToPath(new URL("..", import.meta.url));
const reportFolder = join(root, "etc/api");
const local = process.argv.includes("--local");

interface Entry {
  /** The specifier a user writes: `groupwork`, `groupwork/model`, … */
  readonly specifier: string;
  /** The ESM declaration file of the entry, relative to the package root. */
  readonly types: string;
  /** The report's base name: `groupwork`, `groupwork-model`, … */
  readonly reportName: string;
}

function publicEntries(): Entry[] {
  const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
    name: string;
    exports: Record<string, unknown>;
  };
  const entries: Entry[] = [];
  for (const [subpath, target] of Object.entries(manifest.exports)) {
    // Only code entries have declarations; "./package.json" and the JSON Schemas do not.
    const declaration =
      typeof target === "object" && target !== null
        ? (target as { import?: { types?: unknown } }).import?.types
        : undefined;
    if (typeof declaration !== "string") continue;
    const specifier = subpath === "." ? manifest.name : `${manifest.name}/${subpath.slice(2)}`;
    entries.push({ specifier, types: declaration, reportName: specifier.replace("/", "-") });
  }
  return entries;
}

const baseConfig = ExtractorConfig.loadFile(join(root, "api-extractor.json"));
const entries = publicEntries();
const problems: string[] = [];
const updated: string[] = [];

for (const entry of entries) {
  const declaration = join(root, entry.types);
  if (!existsSync(declaration)) {
    problems.push(`${entry.specifier}: ${entry.types} is missing; run \`npm run build\` first.`);
    continue;
  }
  const config = ExtractorConfig.prepare({
    configObject: {
      ...baseConfig,
      mainEntryPointFilePath: declaration,
      apiReport: { ...baseConfig.apiReport, enabled: true, reportFileName: entry.reportName },
    },
    configObjectFullPath: join(root, "api-extractor.json"),
    packageJsonFullPath: join(root, "package.json"),
  });
  const messages: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: local,
    messageCallback(message) {
      // Everything is routed here so that a clean run prints nothing; warnings and errors are shown on failure. The
      // report's own state (created, changed) is read from the result below.
      const aboutReport = message.messageId.startsWith("console-api-report");
      if (
        !aboutReport &&
        (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning)
      ) {
        messages.push(`  ${message.logLevel}: ${message.formatMessageWithLocation(root)}`);
      }
      message.handled = true;
    },
  });
  if (local && result.apiReportChanged) updated.push(`etc/api/${entry.reportName}.api.md`);
  if (!result.succeeded || (!local && result.apiReportChanged) || messages.length > 0) {
    const why = result.apiReportChanged
      ? `the public API differs from etc/api/${entry.reportName}.api.md (new report: node_modules/.cache/api-extractor/${entry.reportName}.api.md)`
      : "API Extractor reported problems";
    problems.push(`${entry.specifier}: ${why}`, ...messages);
  }
}

// A report for an entry that no longer exists is stale.
const expected = new Set(entries.map((entry) => `${entry.reportName}.api.md`));
for (const file of existsSync(reportFolder) ? readdirSync(reportFolder) : []) {
  if (!file.endsWith(".api.md") || expected.has(file)) continue;
  if (local) {
    rmSync(join(reportFolder, file));
    updated.push(`etc/api/${file} (removed)`);
  } else problems.push(`etc/api/${file}: no entry of package.json "exports" has this report.`);
}

if (updated.length > 0) console.log(`Updated API reports:\n  ${updated.join("\n  ")}`);
if (problems.length > 0) {
  console.error(problems.join("\n"));
  if (!local) console.error("If the change is intended, run `npm run api -- --local` and commit etc/api/.");
  process.exitCode = 1;
}
