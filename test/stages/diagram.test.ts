import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GroupworkError } from "../../src/_lib/errors";
import { createStageMachine, type StageModel, stageDiagram, tuckmanModel } from "../../src/stages/index";
import { BUILT_IN_MODELS } from "./helpers";

// Written by hand from the machine's rules: ADVANCE between consecutive working stages, ADJOURN from every working
// stage to the final one, CLOSE from the final stage, REGRESS from every stage to every earlier one.
const tuckmanDiagram = `stateDiagram-v2
    state "Forming" as forming
    state "Storming" as storming
    state "Norming" as norming
    state "Performing" as performing
    state "Adjourning" as adjourning
    [*] --> forming
    forming --> storming : ADVANCE
    storming --> norming : ADVANCE
    norming --> performing : ADVANCE
    forming --> adjourning : ADJOURN
    storming --> adjourning : ADJOURN
    norming --> adjourning : ADJOURN
    performing --> adjourning : ADJOURN
    adjourning --> [*] : CLOSE
    storming --> forming : REGRESS
    norming --> forming : REGRESS
    norming --> storming : REGRESS
    performing --> forming : REGRESS
    performing --> storming : REGRESS
    performing --> norming : REGRESS
    adjourning --> forming : REGRESS
    adjourning --> storming : REGRESS
    adjourning --> norming : REGRESS
    adjourning --> performing : REGRESS
`;

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly event: string;
}

function edges(diagram: string): Edge[] {
  return [...diagram.matchAll(/^ {4}(\S+) --> (\S+) : ([A-Z]+)$/gm)].map((match) => ({
    from: match[1] ?? "",
    to: match[2] ?? "",
    event: match[3] ?? "",
  }));
}

function aliases(diagram: string): Map<string, string> {
  return new Map(
    [...diagram.matchAll(/^ {4}state "([^"]*)" as (\S+)$/gm)].map((match) => [match[2] ?? "", match[1] ?? ""]),
  );
}

const blank = { summary: "s", markers: [], workerTasks: [], techniques: [], watchFor: [], readiness: {} } as const;

describe("stageDiagram", () => {
  it("draws Tuckman's model exactly", () => {
    expect(stageDiagram(tuckmanModel)).toBe(tuckmanDiagram);
  });

  it("aliases hyphenated ids with underscores and keeps the label a person reads", () => {
    const boston = BUILT_IN_MODELS.find((model) => model.id === "boston");
    const diagram = stageDiagram(boston as StageModel);
    expect(diagram).toContain('    state "Power and control" as power_and_control\n');
    expect(diagram).toContain("    power_and_control --> intimacy : ADVANCE\n");
    // Mermaid does not accept a hyphen in a state's name (checked against mermaid 11's parser).
    for (const edge of edges(diagram)) expect(`${edge.from} ${edge.to}`).not.toMatch(/-/);
  });

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s: every stage once, the machine's moves and nothing else",
    (_, model) => {
      const diagram = stageDiagram(model);
      const lines = diagram.split("\n");
      expect(lines[0]).toBe("stateDiagram-v2");
      expect(diagram.endsWith("\n")).toBe(true);
      const named = aliases(diagram);
      const names = [...named.keys()];
      expect([...named.values()]).toEqual(model.stages.map((stage) => stage.label));
      expect(names).toEqual(model.stages.map((stage) => stage.id.replaceAll("-", "_")));
      const n = model.stages.length;
      const [first, final] = [names[0], names[n - 1]];
      expect(lines).toContain(`    [*] --> ${first}`);
      const found = edges(diagram);
      const count = (event: string) => found.filter((edge) => edge.event === event).length;
      // n − 2 ADVANCE edges (not into the final stage), n − 1 ADJOURN edges, one CLOSE, n(n − 1)/2 REGRESS edges.
      expect([count("ADVANCE"), count("ADJOURN"), count("CLOSE"), count("REGRESS")]).toEqual([
        n - 2,
        n - 1,
        1,
        (n * (n - 1)) / 2,
      ]);
      expect(lines).toContain(`    ${final} --> [*] : CLOSE`);
      const index = (name: string) => names.indexOf(name);
      for (const edge of found) {
        if (edge.event === "ADVANCE") expect(index(edge.to)).toBe(index(edge.from) + 1);
        if (edge.event === "ADVANCE") expect(edge.to).not.toBe(final);
        if (edge.event === "ADJOURN") expect([edge.to, index(edge.from) < n - 1]).toEqual([final, true]);
        if (edge.event === "REGRESS") expect(index(edge.to)).toBeLessThan(index(edge.from));
      }
      // Every line is a declaration, the start, or an edge: nothing else sneaks in.
      expect(lines.length).toBe(1 + n + 1 + (n - 2) + (n - 1) + 1 + (n * (n - 1)) / 2 + 1);
    },
  );

  it.each(BUILT_IN_MODELS.map((model) => [model.id, model] as const))(
    "%s: draws exactly the moves of the machine createStageMachine builds",
    (_, model) => {
      const moves = new Set(["ADVANCE", "REGRESS", "ADJOURN", "CLOSE"]);
      const fromMachine: string[] = [];
      for (const [stage, node] of Object.entries(createStageMachine(model).states)) {
        for (const [event, definitions] of node.transitions) {
          if (!moves.has(event)) continue;
          for (const definition of definitions) {
            for (const target of definition.target ?? []) fromMachine.push(`${stage} ${event} ${target.key}`);
          }
        }
      }
      const byName = new Map(model.stages.map((stage) => [stage.id.replaceAll("-", "_"), stage.id]));
      const fromDiagram = edges(stageDiagram(model)).map(
        (edge) => `${byName.get(edge.from)} ${edge.event} ${edge.to === "[*]" ? "closed" : byName.get(edge.to)}`,
      );
      expect(fromDiagram.toSorted()).toEqual(fromMachine.toSorted());
    },
  );

  it("keeps a stage whose id is a Mermaid keyword, and a label with quotes, parseable", () => {
    const model: StageModel = {
      id: "agency",
      name: "Agency",
      citation: [],
      stages: [
        { ...blank, id: "note", label: 'The "note" stage' },
        { ...blank, id: "state", label: "State:\n one" },
        { ...blank, id: "stage-note", label: "Stage note" },
        { ...blank, id: "wrap-up", label: "Wrap-up" },
      ],
      finalStage: "wrap-up",
    };
    const diagram = stageDiagram(model);
    expect(diagram).toContain('    state "The #quot;note#quot; stage" as note_\n');
    expect(diagram).toContain('    state "State: one" as state_\n');
    expect(diagram).toContain('    state "Stage note" as stage_note\n');
    expect(diagram).toContain("    [*] --> note_\n");
    expect(diagram).toContain("    note_ --> state_ : ADVANCE\n");
    expect(diagram).toContain("    wrap_up --> [*] : CLOSE\n");
  });

  it("refuses what is not a stage model, naming the problem", () => {
    expect(() => stageDiagram(null as unknown as StageModel)).toThrow(GroupworkError);
    expect(() => stageDiagram("tuckman" as unknown as StageModel)).toThrow(/must be a stage model; got "tuckman"/);
    const single = {
      id: "one",
      name: "One",
      citation: [],
      stages: [{ ...blank, id: "only", label: "Only" }],
      finalStage: "only",
    };
    expect(() => stageDiagram(single)).toThrow(/at least two stages/);
  });
});

describe("docs/stages.md", () => {
  const guide = readFileSync(new URL("../../docs/stages.md", import.meta.url), "utf8");

  it("shows exactly the diagram stageDiagram(tuckmanModel) draws", () => {
    const blocks = [...guide.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(blocks).toEqual([stageDiagram(tuckmanModel)]);
  });

  it("has a table for each built-in model, its stages in order", () => {
    for (const model of BUILT_IN_MODELS) {
      const heading = guide.indexOf(`### \`${model.id}\``);
      expect(heading, model.id).toBeGreaterThan(0);
      const section = guide.slice(heading).split(/\n##+ /)[0] ?? "";
      const rows = [...section.matchAll(/^\| `([a-z-]+)` +\|/gm)].map((match) => match[1]);
      expect(rows, model.id).toEqual(model.stages.map((stage) => stage.id));
    }
  });

  it("says that stages are a model and that the worker decides", () => {
    expect(guide).toContain("**Stages are a model, not a law.**");
    expect(guide).toContain("## The worker decides");
  });
});
