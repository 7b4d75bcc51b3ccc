// parseGroupRecord (shape + references) beside the shape-only GroupRecordSchema.safeParse of the same record.
// Goal: the reference checks keep the ratio at or below 1.5 for 100,000 attendance records and 1,000,000
// turns. Runs against the built package; the two are timed alternately and the medians compared, because absolute
// times on a shared machine mean little.
import { type GroupRecordInput, GroupRecordSchema, parseGroupRecord } from "groupwork";
import { median, time } from "./_timing.js";

const SESSIONS = 200;
const MEMBERS = 500; // 200 sessions × 500 members = 100,000 attendance records
const TURNS = 1_000_000;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

function bigRecord(): GroupRecordInput {
  const groupId = "g-bench";
  const members = Array.from({ length: MEMBERS }, (_, i) => ({ id: `m-${i}`, displayName: `Member ${i}` }));
  const memberships = members.map((member, i) => ({
    groupId,
    memberId: member.id,
    role: i === 0 ? ("facilitator" as const) : ("member" as const),
    period: { start: "2020-01-01", end: "2030-12-31" },
    exitReason: "completed" as const,
  }));
  const sessions = Array.from({ length: SESSIONS }, (_, i) => ({
    id: `s-${i}`,
    groupId,
    sequence: i + 1,
    scheduledStart: new Date(Date.UTC(2021, 0, 1 + i, 17)).toISOString(),
    durationMinutes: 90,
    status: "held" as const,
    mode: "in-person" as const,
  }));
  const statuses = ["present", "late", "present", "excused", "present", "absent"] as const;
  const attendance = sessions.flatMap((session, s) =>
    members.map((member, m) => ({
      sessionId: session.id,
      memberId: member.id,
      status: statuses[(s + m) % 6] ?? "present",
    })),
  );
  const turnsPerSession = TURNS / SESSIONS;
  const turns = Array.from({ length: TURNS }, (_, i) => {
    const session = Math.floor(i / turnsPerSession);
    let member = (i * 7) % MEMBERS;
    // Only members who attended speak (statuses 3 and 5 above are excused and absent), so the record is clean.
    if ((session + member) % 6 === 3 || (session + member) % 6 === 5) member = member === 0 ? 1 : member - 1;
    const offset = i % turnsPerSession;
    return { sessionId: `s-${session}`, memberId: `m-${member}`, start: offset, end: offset + 0.8 };
  });
  return {
    group: {
      id: groupId,
      name: "Benchmark group",
      purpose: "Measure parsing",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "America/New_York",
      startDate: "2020-01-01",
    },
    members,
    memberships,
    sessions,
    attendance,
    turns,
  };
}

function compare(label: string, record: unknown, expectOk: boolean): number {
  const check = parseGroupRecord(record);
  if (check.ok !== expectOk) throw new Error(`bench record (${label}) parsed with ok: ${check.ok}`);
  // Warm both paths before timing.
  GroupRecordSchema.safeParse(record);
  parseGroupRecord(record);
  const shapeOnly: number[] = [];
  const full: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    shapeOnly.push(time(() => GroupRecordSchema.safeParse(record)));
    full.push(time(() => parseGroupRecord(record)));
  }
  const base = median(shapeOnly);
  const ours = median(full);
  const ratio = ours / base;
  console.log(`\n${label} (${check.issues.length} issues)`);
  console.log(`  GroupRecordSchema.safeParse (shape only)  median ${base.toFixed(0)} ms over ${ROUNDS} rounds`);
  console.log(`  parseGroupRecord (shape + references)     median ${ours.toFixed(0)} ms over ${ROUNDS} rounds`);
  console.log(
    `  ratio parseGroupRecord / safeParse: ${ratio.toFixed(2)} (goal ≤ 1.50) ${ratio <= 1.5 ? "OK" : "OVER GOAL"}`,
  );
  return ratio;
}

const record = bigRecord();
console.log(
  `record: ${MEMBERS} members, ${SESSIONS} sessions, 100,000 attendance records, ${TURNS.toLocaleString("en")} turns`,
);
compare("a valid record", record, true);
// One attendance status outside the vocabulary: the shape check fails, and parseGroupRecord still checks every
// reference of the rest, re-reading only the attendance list entry by entry.
const attendance = [...(record.attendance ?? [])];
attendance[12_345] = { ...(attendance[12_345] ?? { sessionId: "s-0", memberId: "m-0" }), status: "tardy" as "late" };
compare("the same record with one bad attendance status", { ...record, attendance }, false);
