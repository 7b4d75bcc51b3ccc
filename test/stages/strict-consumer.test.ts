// A user's code compiled under the strictest settings a user may have (exactOptionalPropertyTypes, no Node types),
// which the type-test project does not use: a parsed group record's stage log goes to replayStageEvents as it is.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const FIXTURE = `${root}test/stages/__strict-consumer__.ts`;

const source = `
import { parseGroupRecord, type GroupRecord } from "${root}src/model/index";
import { replayStageEvents, bostonModel, tuckmanModel, type StageReplay } from "${root}src/stages/index";

const input = { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 };

export function replayed(record: GroupRecord): StageReplay<"forming" | "storming" | "norming" | "performing" | "adjourning"> {
  return replayStageEvents(tuckmanModel, input, record.stageEvents);
}

export function fromJson(json: unknown) {
  const parsed = parseGroupRecord(json);
  return parsed.ok ? replayStageEvents(bostonModel, input, parsed.value.stageEvents).ok : false;
}

// The control: under exactOptionalPropertyTypes an optional field without "| undefined" refuses undefined.
export const control: { readonly reason?: string } = { reason: undefined };
`;

const options: ts.CompilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  target: ts.ScriptTarget.ES2022,
  lib: ["lib.es2023.d.ts"],
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
  noEmit: true,
  skipLibCheck: true,
};

function diagnostics(): { line: number; code: number; text: string }[] {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError, create) =>
    name === FIXTURE ? ts.createSourceFile(name, source, version) : read(name, version, onError, create);
  const original = host.fileExists.bind(host);
  host.fileExists = (name) => name === FIXTURE || original(name);
  const program = ts.createProgram([FIXTURE], options, host);
  const file = program.getSourceFile(FIXTURE);
  return ts.getPreEmitDiagnostics(program, file).map((found) => ({
    line: file && found.start !== undefined ? file.getLineAndCharacterOfPosition(found.start).line : -1,
    code: found.code,
    text: ts.flattenDiagnosticMessageText(found.messageText, "\n"),
  }));
}

describe("a parsed record's stage log under exactOptionalPropertyTypes", () => {
  it("goes to replayStageEvents without a cast; only the control line is refused", () => {
    const found = diagnostics();
    const controlLine = source.split("\n").findIndex((line) => line.startsWith("export const control"));
    // TS2375: not assignable with exactOptionalPropertyTypes: true; proves the setting is on.
    expect(found.map(({ line, code }) => [line, code])).toEqual([[controlLine, 2375]]);
  }, 60_000);
});
