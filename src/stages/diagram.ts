import type { StageEventType } from "../model/index.js";
import { checkStageModel } from "./define.js";
import { destinations, modelRules } from "./rules.js";
import { closedStage, type StageModel } from "./types.js";

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

// The events that move a group, in the order they are drawn. MEMBER_JOINED moves one only with an option of one
// group's, and then along a REGRESS arrow; the model's own rules (the default options) give it no move.
const DRAWN: readonly StageEventType[] = ["ADVANCE", "ADJOURN", "CLOSE", "REGRESS"];

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
 * @param model - the stage model, such as `tuckmanModel` or an agency's own
 * @throws {GroupworkError} `invalid-argument` when the model is malformed (see `defineStageModel`)
 * @returns the diagram's text, one statement a line, ending with a newline; paste it in a ```` ```mermaid ```` block
 * @example
 * stageDiagram(toselandRivasModel).split("\n").slice(0, 7)
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
  const rules = modelRules(model, "stageDiagram");
  const names = new Map(model.stages.map((stage) => [stage.id, mermaidName(stage.id)]));
  // `closed` is the diagram's end, [*]; every other target is a stage of the model.
  const name = (stage: string) => (stage === closedStage ? "[*]" : (names.get(stage) ?? stage));
  const lines = ["stateDiagram-v2"];
  for (const stage of model.stages) lines.push(`    state "${mermaidLabel(stage.label)}" as ${name(stage.id)}`);
  lines.push(`    [*] --> ${name(rules.first)}`);
  // The moves of the model (rules.ts), event by event so the forward path comes first and sets the layout.
  for (const event of DRAWN) {
    for (const from of rules.order) {
      for (const to of destinations(rules, from, event)) lines.push(`    ${name(from)} --> ${name(to)} : ${event}`);
    }
  }
  return `${lines.join("\n")}\n`;
}
