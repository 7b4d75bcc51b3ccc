// groupwork/stages in plain Node with zod not installed: the server path and the whole entry load and run, and only
// the model's barrel needs zod. A resolve hook makes "zod" unresolvable in a child process, as in an app that never
// installed the peer dependency.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const folder = mkdtempSync(join(tmpdir(), "groupwork-no-zod-"));
writeFileSync(
  join(folder, "hooks.mjs"),
  `export async function resolve(specifier, context, next) {
  if (specifier === "zod" || specifier.startsWith("zod/")) throw new Error("zod is not installed");
  return next(specifier, context);
}
`,
);
writeFileSync(
  join(folder, "register.mjs"),
  `import { register } from "node:module";
register(new URL("./hooks.mjs", import.meta.url));
`,
);
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs `code` (an ES module body) in plain Node with TypeScript sources and zod unresolvable; its standard output. */
function withoutZod(code: string): string {
  return execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      pathToFileURL(join(folder, "register.mjs")).href,
      "--input-type=module",
      "-e",
      code,
    ],
    { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
  );
}

const stages = pathToFileURL(join(root, "src/stages/index.ts")).href;
const serverPath = [
  "src/stages/server.ts",
  "src/stages/persist.ts",
  "src/stages/available-events.ts",
  "src/stages/models/tuckman.ts",
].map((file) => pathToFileURL(join(root, file)).href);

describe("groupwork/stages without zod", () => {
  it("loads the server path and runs it: start, apply, replay, persist, restore", () => {
    const output = withoutZod(`
      const [{ startStages, applyStageEvent, replayStageEvents }, { persistStageSnapshot, restoreStageSnapshot }, { availableStageEvents }, { tuckmanModel }] =
        await Promise.all(${JSON.stringify(serverPath)}.map((file) => import(file)));
      const input = { at: "2026-02-05T18:00-05:00", by: "w1" };
      const start = startStages(tuckmanModel, input);
      const step = applyStageEvent(start, { type: "SESSION_HELD", at: "2026-02-05T19:30-05:00", by: "w1" });
      const replay = replayStageEvents(tuckmanModel, input, [{ type: "ADVANCE", at: "2026-02-05T19:40-05:00", by: "w1" }]);
      const restored = restoreStageSnapshot(tuckmanModel, JSON.parse(JSON.stringify(persistStageSnapshot(step.snapshot))));
      const advance = availableStageEvents(start).find((entry) => entry.type === "ADVANCE");
      console.log(JSON.stringify([step.ok, replay.index, restored.ok && restored.snapshot.context.sessionsTotal, advance.allowed]));
    `);
    expect(JSON.parse(output)).toEqual([true, 0, 1, false]);
  }, 60_000);

  it("loads the whole entry", () => {
    const output = withoutZod(`
      const stages = await import(${JSON.stringify(stages)});
      console.log(JSON.stringify([Object.keys(stages).length > 10, stages.stageModels.boston.finalStage]));
    `);
    expect(JSON.parse(output)).toEqual([true, "separation"]);
  }, 60_000);

  it("is a real test: the model's barrel, which builds the schemas, does not load", () => {
    const model = pathToFileURL(join(root, "src/model/index.ts")).href;
    expect(() => withoutZod(`await import(${JSON.stringify(model)});`)).toThrow(/zod is not installed/);
  }, 60_000);

  it("imports only types from the model's barrel anywhere in the stages room", () => {
    const files = readdirSync(join(root, "src/stages"), { recursive: true, encoding: "utf8" }).filter((file) =>
      file.endsWith(".ts"),
    );
    const runtime = files.filter((file) =>
      /^(?:import|export)\s+(?!type\b)[^;]*from\s+"(?:\.\.\/)+model\/index\.js"/m.test(
        readFileSync(join(root, "src/stages", file), "utf8"),
      ),
    );
    expect(files.length).toBeGreaterThan(10);
    expect(runtime).toEqual([]);
  });
});
