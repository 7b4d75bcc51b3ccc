// The package as npm installs it, for the tests in test/installed/: `npm pack` of the built dist/ (scripts ignored,
// so packing never rebuilds dist/ under another run's feet), then `npm install` of that tarball and its peer
// dependencies into a scratch project in a temp directory, as a user's project would get it.
//
// Packing and installing take a few seconds, so a vitest run does it once and every test file reuses the project:
//   - as the `installed` project's globalSetup (`globalSetup: ["test/installed/_pack.ts"]` in vitest.config.ts), the
//     default export below packs and installs before any file runs, hands the result to the files through vitest's
//     `provide`/`inject`, and deletes the scratch directory when the run ends;
//   - a test file calls `installedGroupworkProject()` at its top level and reads the project in its tests. Without the
//     globalSetup (or when a file runs on its own some other way) that file packs and installs for itself in
//     beforeAll and cleans up in afterAll, so every file works either way.
// Test files share the project, and vitest may run them at once: each writes its programs under names of its own
// (package.test.ts uses check-*.mjs, check-*.cjs and consumer-*/), and none changes what is installed.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, inject } from "vitest";
import type { TestProject } from "vitest/node";

/** The repository's root, where package.json and the built dist/ are. */
export const repoRoot: string = fileURLToPath(new URL("../../", import.meta.url));

/** The repository's package.json, as the tarball carries it. */
export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly main?: string;
  readonly module?: string;
  readonly types?: string;
  readonly bin?: string | Readonly<Record<string, string>>;
  readonly exports?: unknown;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

/** The repository's package.json. */
export const manifest: PackageManifest = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8"));

/** The repository's own TypeScript compiler (its tsc script), so a consumer compiles with the version the repo pins. */
export const tscPath: string = createRequire(join(repoRoot, "package.json")).resolve("typescript/bin/tsc");

/** What `npm pack --json` says about the tarball it wrote. */
export interface PackedGroupwork {
  /** Absolute path of the .tgz. */
  readonly tarball: string;
  /** Bytes of the gzipped tarball. */
  readonly size: number;
  /** Bytes of its files once unpacked. */
  readonly unpackedSize: number;
  /** Every file in it, relative to the package root (`dist/index.js`, `package.json`, …). */
  readonly files: readonly string[];
}

/** A scratch project with the packed package and its peers installed; the value shared by the test files. */
export interface InstalledGroupwork {
  /** The scratch project's directory (it has package.json and node_modules/groupwork). */
  readonly projectDir: string;
  /** The tarball that was installed. */
  readonly packed: PackedGroupwork;
  /** The peer dependencies installed beside it, name to exact version (the versions the repo itself uses). */
  readonly peers: Readonly<Record<string, string>>;
  /** Seconds spent packing and installing. */
  readonly seconds: { readonly pack: number; readonly install: number };
  /** The temp directory that holds the tarball and the project; deleting it removes both. */
  readonly scratchDir: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    installedGroupwork: InstalledGroupwork | undefined;
  }
}

/** How a child process ended: its exit code (`null` when a signal ended it) and what it wrote. */
export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs a program to its end without throwing on a non-zero exit, so a test can show what it wrote.
 * A program that cannot be started at all (not found, not executable) ends with code `null` and the reason in stderr.
 */
export function run(
  file: string,
  args: readonly string[],
  options: { readonly cwd: string; readonly timeoutMs?: number },
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(
      file,
      args,
      { cwd: options.cwd, timeout: options.timeoutMs ?? 120_000, maxBuffer: 64 * 1024 * 1024, encoding: "utf8" },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === "number" ? error.code : null;
        const reason = error !== null && typeof error.code !== "number" ? `${error.message}\n` : "";
        resolve({ code, stdout, stderr: `${reason}${stderr}` });
      },
    );
  });
}

/** A message for a process that did not do what a test expected: the command, its exit code and all it wrote. */
export function describeProcess(command: string, result: ProcessResult): string {
  return [
    `${command} exited with ${result.code ?? "no code (it did not start, or a signal ended it)"}`,
    `--- stderr ---\n${result.stderr.trimEnd() || "(empty)"}`,
    `--- stdout ---\n${result.stdout.trimEnd() || "(empty)"}`,
  ].join("\n");
}

async function npm(args: readonly string[], cwd: string): Promise<string> {
  const result = await run("npm", args, { cwd, timeoutMs: 280_000 });
  if (result.code !== 0) throw new Error(describeProcess(`npm ${args.join(" ")} (in ${cwd})`, result));
  return result.stdout;
}

/** The exact version of a package in the repository's node_modules. */
export function installedVersion(name: string): string {
  const path = join(repoRoot, "node_modules", name, "package.json");
  if (!existsSync(path)) throw new Error(`${name} is not installed in ${repoRoot}node_modules: run \`npm ci\` first`);
  const { version } = JSON.parse(readFileSync(path, "utf8")) as { version: string };
  return version;
}

/**
 * Packs the built package into `destination` with `npm pack --ignore-scripts` (so its prepack build does not run).
 * Throws when dist/ has not been built, since the tarball would then hold no code.
 */
export async function packGroupwork(destination: string): Promise<PackedGroupwork> {
  if (!existsSync(join(repoRoot, "dist", "index.js"))) {
    throw new Error(`${repoRoot}dist/ is not built: run \`npm run build\` before the installed-package tests`);
  }
  const stdout = await npm(["pack", "--ignore-scripts", "--json", "--pack-destination", destination], repoRoot);
  const [report] = JSON.parse(stdout) as {
    filename: string;
    size: number;
    unpackedSize: number;
    files: { path: string }[];
  }[];
  if (report === undefined) throw new Error(`npm pack --json printed no tarball:\n${stdout}`);
  return {
    tarball: join(destination, report.filename),
    size: report.size,
    unpackedSize: report.unpackedSize,
    files: report.files.map((file) => file.path),
  };
}

/**
 * Packs the package and installs the tarball with its peer dependencies into a new scratch project in a temp
 * directory. The peers are the exact versions in the repository's node_modules, so after `npm ci` npm's cache serves
 * them (`--prefer-offline`); on a machine with an empty cache npm fetches them. The caller deletes `scratchDir`.
 */
export async function installGroupwork(): Promise<InstalledGroupwork> {
  const scratchDir = await mkdtemp(join(tmpdir(), "groupwork-installed-"));
  try {
    const started = performance.now();
    const packed = await packGroupwork(scratchDir);
    const packedAt = performance.now();
    const projectDir = join(scratchDir, "project");
    await mkdir(projectDir);
    // A package.json of its own, so npm installs here and not into a project above the temp directory.
    await writeFile(
      join(projectDir, "package.json"),
      `${JSON.stringify({ name: "scratch", private: true }, null, 2)}\n`,
    );
    const peers = Object.fromEntries(
      Object.keys(manifest.peerDependencies ?? {}).map((name) => [name, installedVersion(name)]),
    );
    const specs = Object.entries(peers).map(([name, version]) => `${name}@${version}`);
    await npm(["install", packed.tarball, ...specs, "--no-audit", "--no-fund", "--prefer-offline"], projectDir);
    const installedAt = performance.now();
    return {
      projectDir,
      packed,
      peers,
      seconds: { pack: (packedAt - started) / 1000, install: (installedAt - packedAt) / 1000 },
      scratchDir,
    };
  } catch (error) {
    await rm(scratchDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * The `installed` project's globalSetup: packs and installs once per vitest run, provides the result to every test
 * file as `installedGroupwork`, and returns the teardown that deletes the scratch directory.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const installed = await installGroupwork();
  project.provide("installedGroupwork", installed);
  return () => rm(installed.scratchDir, { recursive: true, force: true });
}

/**
 * For a test file (call it at the top level): the installed package, read inside tests as `installed()`. It is the
 * project the globalSetup provided or, without one, a project this file installs in beforeAll and deletes in afterAll.
 */
export function installedGroupworkProject(): () => InstalledGroupwork {
  let current: InstalledGroupwork | undefined;
  let own = false;
  beforeAll(async () => {
    current = inject("installedGroupwork");
    if (current === undefined) {
      current = await installGroupwork();
      own = true;
    }
  });
  afterAll(async () => {
    if (own && current !== undefined) await rm(current.scratchDir, { recursive: true, force: true });
  });
  return () => {
    if (current === undefined) throw new Error("The installed package is read before beforeAll installed it");
    return current;
  };
}
