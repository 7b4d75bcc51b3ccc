// Equality of participation per session as a small bar chart (plain SVG), with the figures as a table for anyone
// who does not read the picture.
import type { GroupRecord } from "groupwork/model";
import { equalityBySession } from "./board-data.js";

const CHART = { barWidth: 40, gap: 16, height: 160, left: 34, bottom: 22, top: 8 };

export function EqualityChart({ record }: { readonly record: GroupRecord }) {
  const rows = equalityBySession(record);
  const width = CHART.left + rows.length * (CHART.barWidth + CHART.gap) + 4;
  const height = CHART.top + CHART.height + CHART.bottom;
  const y = (value: number) => CHART.top + CHART.height * (1 - value);
  const highest = rows.reduce<(typeof rows)[number] | null>(
    (best, row) => (row.gini !== null && (best === null || (best.gini ?? 0) < row.gini) ? row : best),
    null,
  );
  return (
    <section aria-labelledby="equality-heading" className="panel">
      <h2 id="equality-heading">Equality of participation</h2>
      <p>
        Gini of talk time among the members present, scaled so that 0 means everyone spoke equally and 1 means one
        person did all the talking. Sessions without recorded turns are left out.
      </p>
      {rows.length === 0 ? (
        <p>No session has recorded speaking turns.</p>
      ) : (
        <>
          <svg
            className="chart"
            viewBox={`0 0 ${width} ${height}`}
            width={width}
            height={height}
            role="img"
            aria-labelledby="equality-title equality-desc"
          >
            <title id="equality-title">Scaled Gini of talk time per session</title>
            <desc id="equality-desc">
              {highest === null
                ? "No session has a value."
                : `${rows.length} sessions; the least equal was session ${highest.sequence}, at ${highest.gini?.toFixed(2)}.`}
            </desc>
            {[0, 0.5, 1].map((tick) => (
              <g key={tick} className="tick">
                <line x1={CHART.left - 4} x2={width} y1={y(tick)} y2={y(tick)} />
                <text x={CHART.left - 8} y={y(tick) + 4} textAnchor="end">
                  {tick}
                </text>
              </g>
            ))}
            {rows.map((row, index) => {
              const x = CHART.left + index * (CHART.barWidth + CHART.gap) + CHART.gap / 2;
              const value = row.gini ?? 0;
              return (
                <g key={row.sessionId} className={row.gini === null ? "bar missing" : "bar"}>
                  <rect x={x} y={y(value)} width={CHART.barWidth} height={CHART.height * value} />
                  <text x={x + CHART.barWidth / 2} y={height - 6} textAnchor="middle">
                    {row.sequence}
                  </text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary>The figures</summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">Session</th>
                  <th scope="col">Scaled Gini</th>
                  <th scope="col">Present</th>
                  <th scope="col">Did not speak</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.sessionId}>
                    <th scope="row">{row.sequence}</th>
                    <td>{row.gini === null ? `– (${row.reason})` : row.gini.toFixed(2)}</td>
                    <td>{row.present}</td>
                    <td>{row.silent.join(", ") || "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
