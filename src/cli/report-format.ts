// `groupwork report` as text for a terminal (80 columns, colour only when asked for) and as Markdown.
import { type CommandIo, paint } from "./io.js";
import type { GroupReport } from "./report-data.js";
import { plural, visibleStrings, WIDTH, wrap } from "./text.js";

const percent = (value: number | null): string => (value === null ? "—" : `${Math.round(value * 100)}%`);
/** The group's dates: "2026-02-05 to 2026-04-23", or "2026-02-05, no end date". */
const dates = (group: GroupReport["group"]): string =>
  `${group.startDate}${group.endDate === null ? ", no end date" : ` to ${group.endDate}`}`;
/** What the retention table's session column means, said under the table. */
const RETENTION_NOTE = "session = the last session attended (dropouts) or offered (the others)";
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
      : stage.logEntries === 0
        ? `Now ${paint(io, "bold", stage.label)} since ${stage.since}; the record has no stage log entries.`
        : `Now ${paint(io, "bold", stage.label)} since ${stage.since}: ${plural(stage.days, "day")} and ${plural(stage.sessions, "session")} up to the log's last event.`;
  const lines = [wrap(now, 2, "  ")];
  for (const move of stage.moves) {
    lines.push(`  ${move.on}  ${move.event.padEnd(12)} ${move.from} → ${move.to}`);
  }
  if (stage.refused !== null) {
    lines.push(
      wrap(
        `${paint(io, "red", "Refused")}: stageEvents[${stage.refused.index}] (${stage.refused.event}): ${stage.refused.reasons.join(" ")} The replay stops there.`,
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
      `${group.kind} group · ${group.membership} membership · ${group.timeZone} · ${dates(group)}${group.plannedSessions === null ? "" : ` · ${group.plannedSessions} sessions planned`}`,
      0,
    ),
    wrap(`From ${report.source}; parsed with ${plural(report.warnings, "warning")}.`, 2),
  ];

  out.push(heading(report.stage.known ? `Stage: ${report.stage.modelName}` : "Stage"), ...stageLines(report, io));

  out.push(heading("Attendance"), wrap(LEGEND, 2, "  "), ...gridLines(report));
  // The mean on a line of its own: the sentence is longer than 80 columns, and its figure should not wrap alone.
  out.push(
    wrap(
      `${attendance.sessionsHeld} held, ${attendance.sessionsCancelled} cancelled; ${attendance.attended} of ${attendance.offered} offered sessions attended;`,
      2,
      "  ",
    ),
    wrap(`mean of members' rates ${percent(attendance.meanRate)}.`, 2, "  "),
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
    // Two lines of headings, so that "finished or still coming" fits 80 columns; every column is right-aligned.
    out.push(
      `  ${"session".padStart(7)}  ${"at risk".padStart(7)}  ${"dropped out".padStart(11)}  ${"finished or".padStart(12)}  ${"still coming".padStart(14)}`,
      `  ${"".padStart(7)}  ${"".padStart(7)}  ${"".padStart(11)}  ${"still coming".padStart(12)}  ${"(Kaplan–Meier)".padStart(14)}`,
    );
    for (const step of changes) {
      out.push(
        `  ${String(step.session).padStart(7)}  ${String(step.atRisk).padStart(7)}  ${String(step.droppedOut).padStart(11)}  ${String(step.censored).padStart(12)}  ${`${(step.retained * 100).toFixed(1)}%`.padStart(14)}`,
      );
    }
    out.push(wrap(RETENTION_NOTE, 2, "  "));
  }

  out.push(heading("Equality of participation (talk time among the clients present)"));
  if (report.equality.length === 0) out.push("  No speaking turns are recorded.");
  else {
    out.push("  session  turns  present  Gini (0 equal)  effective speakers");
    for (const row of report.equality) {
      out.push(
        `  ${String(row.session).padStart(7)}  ${String(row.turns).padStart(5)}  ${String(row.present).padStart(7)}  ${fixed(row.gini, 2).padStart(14)}  ${`${fixed(row.effectiveParticipants, 1)} of ${row.present}`.padStart(18)}`,
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
    `${group.kind} group · ${group.membership} membership · ${group.timeZone} · ${dates(group)}`,
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
        : stage.logEntries === 0
          ? `${stage.modelName}: now **${stage.label}** since ${stage.since}; the record has no stage log entries.`
          : `${stage.modelName}: now **${stage.label}** since ${stage.since} (${plural(stage.days, "day")}, ${plural(stage.sessions, "session")} up to the log's last event).`,
    );
    // The moves as a table; a log with entries but no move says so, and an empty log is said in the line above.
    if (stage.moves.length > 0) {
      out.push(
        "",
        ...table(
          ["Day", "Event", "From", "To"],
          stage.moves.map((move) => [move.on, move.event, move.from, move.to]),
        ),
      );
    } else if (stage.logEntries > 0) out.push("", "No stage moves are logged yet.");
    if (stage.refused !== null) {
      out.push(
        "",
        `**Refused:** stageEvents[${stage.refused.index}] (${stage.refused.event}): ${stage.refused.reasons.join(" ")} The replay stops there.`,
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
    `${attendance.sessionsHeld} held, ${attendance.sessionsCancelled} cancelled; ${attendance.attended} of ${attendance.offered} offered sessions attended; mean of members' rates ${percent(attendance.meanRate)}.`,
    "",
    "## Dropout and retention",
    "",
    `${dropout.droppedOut.length} of ${plural(dropout.clients, "client")} dropped out or were removed.`,
  );
  // As in text, no table when no session was held.
  const steps = report.retention.steps;
  if (steps.length > 0) {
    out.push(
      "",
      ...table(
        ["Session", "At risk", "Dropped out", "Finished or still coming", "Still coming (Kaplan–Meier)"],
        steps.map((step) => [
          String(step.session),
          String(step.atRisk),
          String(step.droppedOut),
          String(step.censored),
          `${(step.retained * 100).toFixed(1)}%`,
        ]),
      ),
      "",
      RETENTION_NOTE,
    );
  }
  out.push("", "## Equality of participation", "");
  if (report.equality.length === 0) out.push("No speaking turns are recorded.");
  else {
    out.push(
      ...table(
        ["Session", "Turns", "Present", "Gini (0 equal)", "Effective speakers", "Silent"],
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
