// Loads the built entries that must work without zod (and, but for groupwork/stages, without xstate) in plain Node,
// and the FHIR and CSV doors, which load zod but never xstate,
// as `import` and as `require`, and calls one function of each. The package is installed into a temporary
// node_modules that holds only its runtime dependencies, so a stray `import "zod"` fails exactly as it would for a
// user who never installed the peer: ERR_MODULE_NOT_FOUND (ESM) or MODULE_NOT_FOUND (CommonJS). Silent on success.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));
const manifest = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  dependencies?: Record<string, string>;
};

interface Probe {
  /** What the probe calls, for the failure message. */
  readonly name: string;
  readonly specifier: string;
  /** The names it imports from the entry. */
  readonly imports: readonly string[];
  /** Statements ending in an expression whose value (as JSON) must equal `expected`. */
  readonly code: string;
  readonly expected: unknown;
  /** Optional peers present in the install: none but xstate for groupwork/stages, never zod. */
  readonly peers: readonly string[];
}

const probes: readonly Probe[] = [
  {
    name: "participationEquality",
    specifier: "groupwork/metrics",
    imports: ["participationEquality"],
    // Two members with equal shares: Herfindahl–Hirschman index 0.5² + 0.5² = 0.5.
    code: "participationEquality([10, 10]).hhi.value",
    expected: 0.5,
    peers: [],
  },
  {
    name: "scoreGoalAttainment",
    specifier: "groupwork/measures",
    imports: ["scoreGoalAttainment"],
    // Every goal at its expected level (0) gives T = 50 (Kiresuk & Sherman 1968).
    code: "scoreGoalAttainment([{ score: 0 }, { score: 0 }]).tScore.value",
    expected: 50,
    peers: [],
  },
  {
    name: "checkDisclosure",
    specifier: "groupwork/confidentiality",
    imports: ["checkDisclosure"],
    // A member's attendance to the public, with no consent on file: the default policy denies it.
    code: `checkDisclosure({
      information: { kind: "attendance", memberId: "m-1", groupId: "g-1", labels: { confidentiality: "N", sensitivity: [], law: [] } },
      recipient: { kind: "public" },
      purpose: "HOPERAT",
      at: "2026-03-10T10:00:00-05:00",
    }).effect`,
    expected: "deny",
    peers: [],
  },
  {
    name: "findMemberMentions",
    specifier: "groupwork/confidentiality",
    imports: ["findMemberMentions"],
    // A member named in another member's note is a mention; the note's subject is not.
    code: `findMemberMentions(
      "Hope said Sofia came late.",
      [{ id: "m-hope", displayName: "Hope Martin" }, { id: "m-sofia", displayName: "Sofia Marquez" }],
      { subject: "m-hope" },
    ).map((mention) => [mention.text, mention.memberId])`,
    expected: [["Sofia", "m-sofia"]],
    peers: [],
  },
  {
    name: "toFhirBundle, fromFhirBundle",
    specifier: "groupwork/fhir",
    imports: ["toFhirBundle", "fromFhirBundle"],
    // A group with no one in it yet is one Group resource, and reads back as the same group.
    code: `const group = { id: "g-1", name: "New group", purpose: "Support after a loss.", kind: "support",
      membership: "closed", participation: "optional", timeZone: "UTC", startDate: "2026-01-05" };
    const bundle = toFhirBundle({ group, members: [], memberships: [] });
    const back = fromFhirBundle(bundle);
    [bundle.entry.map((entry) => entry.resource.resourceType), back.ok && back.value.group.startDate]`,
    expected: [["Group"], "2026-01-05"],
    peers: ["zod"],
  },
  {
    name: "parseRosterCsv",
    specifier: "groupwork/csv",
    imports: ["parseRosterCsv"],
    // Two rows of one person: one member, two memberships.
    code: `const result = parseRosterCsv("ID,Name,From\\nc-1,Ana Souza,2026-01-08\\nc-2,Ben Ode,2026-01-08\\n", {
      groupId: "g-1", columns: { memberId: "ID", displayName: "Name", start: "From" } });
    result.ok && result.value.members.map((member) => member.displayName)`,
    expected: ["Ana Souza", "Ben Ode"],
    peers: ["zod"],
  },
  {
    name: "startStages, applyStageEvent",
    specifier: "groupwork/stages",
    imports: ["startStages", "applyStageEvent", "tuckmanModel"],
    // A first session held in the first stage: the event is applied and counted.
    code: `const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
      const step = applyStageEvent(start, { type: "SESSION_HELD", at: "2026-02-05T19:30:00-05:00", by: "worker-1" });
      [start.value, step.ok, step.snapshot.context.sessionsInStage]`,
    expected: ["forming", true, 1],
    peers: ["xstate"],
  },
];

/** Installs the built package, its runtime dependencies and the given peers into a fresh node_modules. */
function install(home: string, peers: readonly string[]): string {
  const project = join(home, peers.length === 0 ? "no-peers" : `with-${peers.join("-")}`);
  const modules = join(project, "node_modules");
  // Copied, not linked: a link would resolve back into the repository, whose node_modules holds zod.
  const installed = join(modules, "groupwork");
  mkdirSync(installed, { recursive: true });
  cpSync(join(root, "package.json"), join(installed, "package.json"));
  cpSync(join(root, "dist"), join(installed, "dist"), { recursive: true });
  // Dependencies are linked: they resolve their own imports from the repository, and none of them imports zod.
  for (const name of [...Object.keys(manifest.dependencies ?? {}), ...peers]) {
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(join(root, "node_modules", name), join(modules, name), "dir");
  }
  return project;
}

interface Outcome {
  readonly ok: boolean;
  readonly output: string;
}

const run = promisify(execFile);

async function runNode(project: string, file: string, source: string): Promise<Outcome> {
  const path = join(project, file);
  writeFileSync(path, source);
  try {
    const { stdout } = await run(process.execPath, [path], { cwd: project, encoding: "utf8" });
    return { ok: true, output: stdout.trim() };
  } catch (error) {
    const { stderr } = error as { stderr?: string };
    // The first line naming the error code is the one a reader needs (ERR_MODULE_NOT_FOUND / MODULE_NOT_FOUND).
    const lines = (stderr ?? String(error)).split("\n").filter((line) => line.trim() !== "");
    // Node prints the throwing source line first; the line that starts with the error's name says what happened.
    const cause = lines.find((line) => /^\w*Error\b/.test(line)) ?? lines[0] ?? "failed";
    return { ok: false, output: cause.trim() };
  }
}

function esm(probe: Probe): string {
  return `import { ${probe.imports.join(", ")} } from "${probe.specifier}";\nconst value = eval(${JSON.stringify(probe.code)});\nconsole.log(JSON.stringify(value));\n`;
}

function cjs(probe: Probe): string {
  return `const { ${probe.imports.join(", ")} } = require("${probe.specifier}");\nconst value = eval(${JSON.stringify(probe.code)});\nconsole.log(JSON.stringify(value));\n`;
}

/** Proves the install lacks a peer: loading it must fail with the not-found code of each module system. */
function absenceCheck(peer: string): { esm: string; cjs: string } {
  return {
    esm: `await import("${peer}").then(() => { throw new Error("${peer} was found"); }, (error) => { if (error.code !== "ERR_MODULE_NOT_FOUND") throw error; });\n`,
    cjs: `try { require("${peer}"); throw new Error("${peer} was found"); } catch (error) { if (error.code !== "MODULE_NOT_FOUND") throw error; }\n`,
  };
}

/** Each check: where it runs, its file and source, and what a failure is called. */
interface Check {
  readonly project: string;
  readonly file: string;
  readonly source: string;
  readonly label: string;
  readonly expected?: string;
}

const home = mkdtempSync(join(tmpdir(), "groupwork-load-"));
const checks: Check[] = [];
try {
  const projects = new Map<string, string>();
  for (const peers of new Set(probes.map((probe) => probe.peers.join(",")))) {
    const list = peers === "" ? [] : peers.split(",");
    const project = install(home, list);
    projects.set(peers, project);
    for (const missing of ["zod", "xstate"].filter((peer) => !list.includes(peer))) {
      const absence = absenceCheck(missing);
      const label = `test install with ${peers || "no peers"}: ${missing} must be absent`;
      checks.push({ project, file: `absent-${missing}.mjs`, source: absence.esm, label: `${label} (import)` });
      checks.push({ project, file: `absent-${missing}.cjs`, source: absence.cjs, label: `${label} (require)` });
    }
  }
  probes.forEach((probe, index) => {
    const project = projects.get(probe.peers.join(",")) ?? "";
    const expected = JSON.stringify(probe.expected);
    const label = `${probe.specifier} (${probe.name})`;
    checks.push({ project, file: `probe-${index}.mjs`, source: esm(probe), label: `import ${label}`, expected });
    checks.push({ project, file: `probe-${index}.cjs`, source: cjs(probe), label: `require ${label}`, expected });
  });
  const outcomes = await Promise.all(checks.map((check) => runNode(check.project, check.file, check.source)));
  const failures = checks.flatMap((check, index) => {
    const outcome = outcomes[index] ?? { ok: false, output: "not run" };
    if (!outcome.ok) return [`${check.label}: ${outcome.output}`];
    if (check.expected !== undefined && outcome.output !== check.expected) {
      return [`${check.label}: printed ${outcome.output}, expected ${check.expected}`];
    }
    return [];
  });
  if (failures.length > 0) {
    console.error(`Built entries that fail to load without their absent peers:\n  ${failures.join("\n  ")}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(home, { recursive: true, force: true });
}
