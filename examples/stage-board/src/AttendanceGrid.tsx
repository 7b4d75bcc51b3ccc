// The attendance grid: one row per client, one column per planned session, with what to follow up beside it.
import type { GroupRecord } from "groupwork/model";
import { attendanceGrid, attendanceMarks, sessionsInOrder } from "./board-data.js";

function percent(rate: number | null): string {
  return rate === null ? "–" : `${Math.round(rate * 100)}%`;
}

export function AttendanceGrid({ record }: { readonly record: GroupRecord }) {
  const sessions = sessionsInOrder(record);
  const rows = attendanceGrid(record);
  const flagged = rows.filter((row) => row.flags.length > 0);
  return (
    <section aria-labelledby="attendance-heading" className="panel wide">
      <h2 id="attendance-heading">Attendance</h2>
      <div className="scroll">
        <table className="attendance">
          <caption>
            {Object.values(attendanceMarks)
              .filter((entry) => entry.mark.trim() !== "")
              .map((entry) => `${entry.mark} ${entry.label}`)
              .join(" · ")}
          </caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              {sessions.map((session) => (
                <th scope="col" key={session.id}>
                  <abbr title={`Session ${session.sequence}, ${session.scheduledStart.slice(0, 10)}`}>
                    {session.sequence}
                  </abbr>
                </th>
              ))}
              <th scope="col">Attended</th>
              <th scope="col">Follow up</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.memberId}>
                <th scope="row">{row.name}</th>
                {row.cells.map((cell, index) => (
                  <td key={sessions[index]?.id ?? index} className={`mark ${cell}`}>
                    <span aria-hidden="true">{attendanceMarks[cell].mark}</span>
                    <span className="visually-hidden">{attendanceMarks[cell].label}</span>
                  </td>
                ))}
                <td>
                  {row.attended}/{row.offered} {percent(row.rate)}
                </td>
                <td>{row.flags.map((flag) => flag.code).join(", ")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {flagged.length > 0 && (
        <>
          <h3>To follow up</h3>
          <ul className="flags">
            {flagged.flatMap((row) =>
              row.flags.map((flag) => (
                <li key={`${row.memberId} ${flag.code}`}>
                  <strong>{row.name}</strong> ({flag.code}): {flag.message}
                </li>
              )),
            )}
          </ul>
        </>
      )}
    </section>
  );
}
