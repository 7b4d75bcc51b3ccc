// `groupwork report` as text for a terminal (80 columns, colour only when asked for) and as Markdown.
import { type CommandIo, paint } from "./io.js";
import type { GroupReport } from "./report-data.js";
import { plural, visibleStrings, WIDTH, wrap } from "./text.js";

const percent = (value: number | null): string => (value === null ? "—" : `${Math.round(value * 100)}%`);
const fixed = (value: number | null, digits: number): string => (value === null ? "—" : value.toFixed(digits));

const LEGEND =
  "P present, L late, E left early, X excused, A absent, ? recorded as not known, blank: no record, - not held, . not enrolled";

/** The sessions of the grid per block of lines, so a long group still fits 80 columns. */
const NAME_WIDTH = 16;
const SESSIONS_PER_BLOCK = Math.floor((WIDTH - 2 - NAME_WIDTH - 12) / 3);

function stageLines(report: GroupReport, io: CommandIo): string[] {
  const { stage } = report;
  if (!stage.known) {
    return [
      wrap(`The group follows "${stage.model}", which is not a stage model the library ships: not replayed.`, 2, "  "),
    ];
  }
  const now =
    stage.current === "closed"
      ? `${paint(io, "bold", "Closed")} on ${stage.since}.`
      : `Now ${paint(io, "bold", stage.label)} since ${stage.since}: ${plural(stage.days, "day")} and ${plural(stage.sessions, "session")} up to the log's last event.`;
  const lines = [wrap(now, 2, "  ")];
  for (const move of stage.moves) {
    lines.push(`  ${move.on}  ${move.event.padEnd(12)} ${move.from} → ${move.to}`);
  }
  if (stage.refused !== null) {
    lines.push(
      wrap(
        `${paint(io, "red", "Refused")}: event ${stage.refused.index + 1} of the log (${stage.refused.event}): ${stage.refused.reasons.join(" ")} The replay stops there.`,
        4,
        "  ",
      ),
    );
  }
  if (stage.guidance !== null) {
    lines.push(wrap(stage.guidance.summary, 4, "  "));
    for (const task of stage.guidance.workerTasks.slice(0, 3)) lines.push(wrap(task, 6, "    • "));
    const watch = stage.guidance.watchFor[0];
    if (watch !== undefined) lines.push(wrap(`Watch for: ${watch}`, 4, "  "));
  }
  return lines;
}

function gridLines(report: GroupReport): string[] {
  const { sessions } = report;
  const lines: string[] = [];
  for (let from = 0; from < Math.max(sessions.length, 1); from += SESSIONS_PER_BLOCK) {
    const block = sessions.slice(from, from + SESSIONS_PER_BLOCK);
    const last = from + SESSIONS_PER_BLOCK >= sessions.length;
    lines.push(
      `  ${"".padEnd(NAME_WIDTH)}${block.map((session) => String(session.sequence).padStart(3)).join("")}${last ? "  attended" : ""}`,
    );
    for (const member of report.attendance.members) {
      const marks = [...member.marks.slice(from, from + SESSIONS_PER_BLOCK)].map((mark) => mark.padStart(3)).join("");
      const tally = last ? `  ${member.attended}/${member.offered} ${percent(member.rate)}` : "";
      lines.push(`  ${member.name.slice(0, NAME_WIDTH - 1).padEnd(NAME_WIDTH)}${marks}${tally}`);
    }
  }
  return lines;
}

/** The report as text for a terminal: at most 80 columns, colour only when `io.color` says so. */
export function reportAsText(data: GroupReport, io: CommandIo): string {
  // Names and other text from the record show their control characters as signs: a record cannot drive the terminal.
  const report = visibleStrings(data);
  const { group, attendance, dropout } = report;
  const heading = (text: string): string => `\n${paint(io, "cyan", text)}`;
  const out: string[] = [
    wrap(paint(io, "bold", group.name), 0),
    wrap(
      `${group.kind} group · ${group.membership} membership · ${group.timeZone} · ${group.startDate} to ${group.endDate ?? "open"}${group.plannedSessions === null ? "" : ` · ${group.plannedSessions} sessions planned`}`,
      0,
    ),
    wrap(`From ${report.source}; parsed with ${plural(report.warnings, "warning")}.`, 2),
  ];

  out.push(heading(report.stage.known ? `Stage: ${report.stage.modelName}` : "Stage"), ...stageLines(report, io));

  out.push(heading("Attendance"), wrap(LEGEND, 2, "  "), ...gridLines(report));
  out.push(
    wrap(
      `${attendance.sessionsHeld} held, ${attendance.sessionsCancelled} cancelled; ${attendance.attended} of ${attendance.offered} offered sessions attended; mean rate ${percent(attendance.meanRate)}.`,
      2,
      "  ",
    ),
  );

  out.push(heading("Dropout and retention"));
  const who = dropout.droppedOut.map((entry) => `${entry.name} (${entry.date ?? "?"})`).join(", ");
  out.push(
    wrap(
      `${dropout.droppedOut.length} of ${plural(dropout.clients, "client")} dropped out or were removed${who === "" ? "." : `: ${who}.`}`,
      2,
      "  ",
    ),
  );
  const steps = report.retention.steps;
  const changes = steps.filter((step, index) => step.droppedOut > 0 || step.censored > 0 || index === steps.length - 1);
  if (changes.length > 0) {
    out.push("  session  at risk  dropped out  left otherwise  still coming (Kaplan–Meier)");
    for (const step of changes) {
      out.push(
        `  ${String(step.session).padStart(7)}  ${String(step.atRisk).padStart(7)}  ${String(step.droppedOut).padStart(11)}  ${String(step.censored).padStart(14)}  ${`${(step.retained * 100).toFixed(1)}%`.padStart(12)}`,
      );
    }
  }

  out.push(heading("Equality of participation (talk time among the clients present)"));
  if (report.equality.length === 0) out.push("  No speaking turns are recorded.");
  else {
    out.push("  session  turns  present  Gini (0 equal)  as balanced as");
    for (const row of report.equality) {
      out.push(
        `  ${String(row.session).padStart(7)}  ${String(row.turns).padStart(5)}  ${String(row.present).padStart(7)}  ${fixed(row.gini, 2).padStart(14)}  ${`${fixed(row.effectiveParticipants, 1)} of ${row.present}`.padStart(14)}`,
      );
    }
    // Who came and did not speak, after the table, so long names wrap within 80 columns.
    for (const row of report.equality.filter((entry) => entry.silent.length > 0)) {
      out.push(wrap(`Silent in session ${row.session}: ${row.silent.join(", ")}.`, 4, "  "));
    }
  }

  out.push(heading("Flags to follow up"));
  if (report.flags.length === 0) out.push("  None.");
  for (const flag of report.flags) {
    out.push(wrap(flag.message, 4, `  ${paint(io, "yellow", flag.code)} ${flag.name}:`));
  }
  return `${out.join("\n")}\n`;
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");
const row = (cells: readonly string[]): string => `| ${cells.map(cell).join(" | ")} |`;
const table = (header: readonly string[], rows: readonly (readonly string[])[]): string[] => [
  row(header),
  row(header.map(() => "---")),
  ...rows.map(row),
];

/** The report as Markdown: headings and tables, for a case conference or a pull request. */
export function reportAsMarkdown(data: GroupReport): string {
  // As in text: a line break in a name would end a heading or a table's row, and a control character drive a terminal.
  const report = visibleStrings(data);
  const { group, stage, attendance, dropout } = report;
  const out: string[] = [
    `# ${group.name}`,
    "",
    `${group.kind} group · ${group.membership} membership · ${group.timeZone} · ${group.startDate} to ${group.endDate ?? "open"}`,
    "",
    `From ${report.source}; parsed with ${plural(report.warnings, "warning")}.`,
    "",
    "## Stage",
    "",
  ];
  if (!stage.known) out.push(`The group follows "${stage.model}", which is not a stage model the library ships.`);
  else {
    out.push(
      stage.current === "closed"
        ? `${stage.modelName}: **closed** on ${stage.since}.`
        : `${stage.modelName}: now **${stage.label}** since ${stage.since} (${plural(stage.days, "day")}, ${plural(stage.sessions, "session")} up to the log's last event).`,
      "",
      ...(stage.moves.length === 0 ? ["", "No stage moves are logged yet."] : [""]),
      ...table(
        ["Day", "Event", "From", "To"],
        stage.moves.map((move) => [move.on, move.event, move.from, move.to]),
      ),
    );
    if (stage.refused !== null) {
      out.push(
        "",
        `**Refused:** event ${stage.refused.index + 1} (${stage.refused.event}): ${stage.refused.reasons.join(" ")}`,
      );
    }
    if (stage.guidance !== null) {
      out.push("", stage.guidance.summary, "", ...stage.guidance.workerTasks.map((task) => `- ${task}`));
    }
  }
  out.push(
    "",
    "## Attendance",
    "",
    LEGEND,
    "",
    ...table(
      ["Client", ...report.sessions.map((session) => String(session.sequence)), "Attended"],
      attendance.members.map((member) => [
        member.name,
        ...[...member.marks].map((mark) => mark.trim()),
        `${member.attended}/${member.offered} ${percent(member.rate)}`,
      ]),
    ),
    "",
    `${attendance.sessionsHeld} held, ${attendance.sessionsCancelled} cancelled; ${attendance.attended} of ${attendance.offered} offered sessions attended; mean rate ${percent(attendance.meanRate)}.`,
    "",
    "## Dropout and retention",
    "",
    `${dropout.droppedOut.length} of ${plural(dropout.clients, "client")} dropped out or were removed.`,
    "",
    ...table(
      ["Session", "At risk", "Dropped out", "Left otherwise", "Still coming"],
      report.retention.steps.map((step) => [
        String(step.session),
        String(step.atRisk),
        String(step.droppedOut),
        String(step.censored),
        `${(step.retained * 100).toFixed(1)}%`,
      ]),
    ),
    "",
    "## Equality of participation",
    "",
  );
  if (report.equality.length === 0) out.push("No speaking turns are recorded.");
  else {
    out.push(
      ...table(
        ["Session", "Turns", "Present", "Gini (0 equal)", "As balanced as", "Silent"],
        report.equality.map((entry) => [
          String(entry.session),
          String(entry.turns),
          String(entry.present),
          fixed(entry.gini, 2),
          `${fixed(entry.effectiveParticipants, 1)} of ${entry.present}`,
          entry.silent.join(", ") || "—",
        ]),
      ),
    );
  }
  out.push("", "## Flags to follow up", "");
  if (report.flags.length === 0) out.push("None.");
  for (const flag of report.flags) out.push(`- **${flag.code}** ${flag.name}: ${flag.message}`);
  return `${out.join("\n")}\n`;
}
