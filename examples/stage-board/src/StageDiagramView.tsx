// The stage model as a picture: the working stages in order, the final stage, and closed; the stages the group has
// been in are marked and the current one is filled. REGRESS (back to any earlier stage) is said in words, since an
// arrow for each pair would hide the rest. The Mermaid text of stageDiagram is offered for documents.
import { closedStage, type StageModel, type StageSnapshot, stageDiagram } from "groupwork/stages";
import { stageLabel } from "./board-data.js";

const BOX = { width: 118, height: 54, gap: 34, top: 12 };

/** A label split into lines of at most 14 characters, at spaces. */
function lines(label: string): string[] {
  const result: string[] = [];
  for (const word of label.split(" ")) {
    const last = result.at(-1);
    if (last !== undefined && `${last} ${word}`.length <= 14) result[result.length - 1] = `${last} ${word}`;
    else result.push(word);
  }
  return result;
}

export function StageDiagramView({
  model,
  snapshot,
}: {
  readonly model: StageModel;
  readonly snapshot: StageSnapshot;
}) {
  const stages = [...model.stages.map((stage) => stage.id), closedStage];
  const current = String(snapshot.value);
  const visited = new Set(snapshot.context.history.map((entry) => String(entry.stage)));
  const width = stages.length * BOX.width + (stages.length - 1) * BOX.gap + 8;
  const height = BOX.top + BOX.height + 40;
  const arrowLabel = (index: number): string => {
    if (index === stages.length - 2) return "CLOSE";
    if (index === stages.length - 3) return "ADJOURN";
    return "ADVANCE";
  };
  const words = stages.map((stage) => stageLabel(model, stage)).join(", then ");
  return (
    <section aria-labelledby="diagram-heading" className="panel wide">
      <h2 id="diagram-heading">Stage diagram</h2>
      <svg
        className="diagram"
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-labelledby="diagram-title diagram-desc"
      >
        <title id="diagram-title">{model.name}</title>
        <desc id="diagram-desc">
          {`${words}. The group is in ${stageLabel(model, current)}. Any working stage may also adjourn early.`}
        </desc>
        <defs>
          <marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto">
            <path d="M 0 0 L 10 5 L 0 10 z" className="arrow-head" />
          </marker>
        </defs>
        {stages.map((stage, index) => {
          const x = 4 + index * (BOX.width + BOX.gap);
          const state = stage === current ? "current" : visited.has(stage) ? "visited" : "ahead";
          const text = lines(stageLabel(model, stage));
          return (
            <g key={stage} className={`stage ${state}`} data-stage={stage}>
              <rect x={x} y={BOX.top} width={BOX.width} height={BOX.height} rx={8} />
              {text.map((line, row) => (
                <text
                  key={line}
                  x={x + BOX.width / 2}
                  y={BOX.top + BOX.height / 2 + (row - (text.length - 1) / 2) * 16 + 5}
                  textAnchor="middle"
                >
                  {line}
                </text>
              ))}
              {index < stages.length - 1 && (
                <>
                  <line
                    x1={x + BOX.width}
                    y1={BOX.top + BOX.height / 2}
                    x2={x + BOX.width + BOX.gap - 2}
                    y2={BOX.top + BOX.height / 2}
                    markerEnd="url(#arrow)"
                  />
                  <text
                    x={x + BOX.width + BOX.gap / 2}
                    y={BOX.top + BOX.height + 22}
                    textAnchor="middle"
                    className="move"
                  >
                    {arrowLabel(index)}
                  </text>
                </>
              )}
            </g>
          );
        })}
      </svg>
      <p>
        Filled: the current stage; outlined in bold: stages the group has been in. REGRESS goes back to any earlier
        stage, with a reason; ADJOURN ends the work from any working stage.
      </p>
      <details>
        <summary>Mermaid source of this diagram</summary>
        <pre>{stageDiagram(model)}</pre>
      </details>
    </section>
  );
}
