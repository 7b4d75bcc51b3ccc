import { checkStageModel } from "./define.js";
import type { StageModel } from "./types.js";

// Words Mermaid's state-diagram grammar reads as syntax where a state's name should be (found by parsing each with
// mermaid 11); a stage whose id is one of them gets a trailing underscore so the diagram still parses. Syntax used:
// `state "Label" as name`, `a --> b : text`, `[*]` for start and end (Mermaid docs, stateDiagram-v2).
const MERMAID_WORDS: ReadonlySet<string> = new Set([
  "class",
  "classdef",
  "click",
  "default",
  "note",
  "scale",
  "state",
  "statediagram",
  "style",
]);

/**
 * The name a stage has inside the Mermaid text: its id with hyphens as underscores (`power-and-control` becomes
 * `power_and_control`: Mermaid does not accept `-` in a state's name), with an underscore after it when the id is a
 * Mermaid keyword (`note` becomes `note_`). No stage id ends in a hyphen, so no two stages get the same name.
 */
function mermaidName(id: string): string {
  const name = id.replaceAll("-", "_");
  return MERMAID_WORDS.has(name) ? `${name}_` : name;
}

/** A label inside `"…"`: Mermaid has no backslash escapes, so quotes become its `#quot;` entity. */
function mermaidLabel(label: string): string {
  return label.replace(/\s+/g, " ").trim().replaceAll('"', "#quot;");
}

/**
 * A Mermaid `stateDiagram-v2` of a stage model, for docs and user interfaces: every stage with its label, the start,
 * and the moves the stage machine allows.
 *
 * - `ADVANCE` from each working stage to the next one (not into the final stage);
 * - `ADJOURN` from each working stage to the final stage;
 * - `CLOSE` from the final stage to the end (`[*]`, the machine's `closed`);
 * - `REGRESS` from each stage back to each earlier one, drawn last so the forward path sets the layout.
 *
 * The diagram is of the model, not of one group's options: the move back that `onMemberJoined: "reopen-first-stage"`
 * adds runs along a `REGRESS` arrow that is already drawn.
 *
 * Stage ids become Mermaid names with underscores for hyphens (`state "Power and control" as power_and_control`), and
 * a stage whose id is a Mermaid keyword gets an underscore after it (`note_`).
 *
 * @param model - the stage model, such as `tuckman` or an agency's own
 * @throws {GroupworkError} `invalid-argument` when the model is malformed (see `defineStageModel`)
 * @returns the diagram's text, one statement a line, ending with a newline; paste it in a ```` ```mermaid ```` block
 * @example
 * stageDiagram(toselandRivas).split("\n").slice(0, 7)
 * //=> [
 *   "stateDiagram-v2",
 *   '    state "Planning" as planning',
 *   '    state "Beginning" as beginning',
 *   '    state "Middle" as middle',
 *   '    state "Ending" as ending',
 *   "    [*] --> planning",
 *   "    planning --> beginning : ADVANCE",
 * ]
 */
export function stageDiagram(model: StageModel): string {
  checkStageModel(model, "stageDiagram");
  const names = model.stages.map((stage) => mermaidName(stage.id));
  const final = names.length - 1;
  // defineStageModel has checked there are at least two stages, so the first and the final one exist.
  const first = names[0] ?? "";
  const finalName = names[final] ?? "";
  const lines = ["stateDiagram-v2"];
  model.stages.forEach((stage, index) => {
    lines.push(`    state "${mermaidLabel(stage.label)}" as ${names[index]}`);
  });
  lines.push(`    [*] --> ${first}`);
  for (let index = 0; index + 1 < final; index++) lines.push(`    ${names[index]} --> ${names[index + 1]} : ADVANCE`);
  for (let index = 0; index < final; index++) lines.push(`    ${names[index]} --> ${finalName} : ADJOURN`);
  lines.push(`    ${finalName} --> [*] : CLOSE`);
  names.forEach((from, index) => {
    for (const to of names.slice(0, index)) lines.push(`    ${from} --> ${to} : REGRESS`);
  });
  return `${lines.join("\n")}\n`;
}
