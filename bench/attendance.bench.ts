// The attendance metrics beside JSON.parse of the same record's JSON text: what a host pays to read the register
// compared with what it pays to compute from it. Goals, for each of attendanceSummary, detectDropout and
// retentionCurve: at most 0.5× JSON.parse at 100,000 attendance records, at most 0.25× at 1,000,000, and 10× more
// records cost at most 12× the time (linear growth). `npm run bench` runs it against the built package; run directly
// (`npx tsx bench/attendance.bench.ts`) it reads src/ through tsconfig's paths. Sides are timed alternately and each
// ratio is the median of the rounds' own ratios, because absolute times on a shared machine mean little.
import { type AttendanceRecord, type GroupRecord, parseGroupRecord } from "groupwork";
import { attendanceSummary, detectDropout, retentionCurve } from "groupwork/metrics";
import { median, reportParseGoal, time } from "./_timing.js";

const RECORDS_PER_MEMBER = 1_000;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

// A register as agencies keep one: a record for each client enrolled on the day of each held session, sessions in
// order, clients in roster order. A quarter of the clients join late and leave early (with a recorded exit), so
// offered sessions differ per client; one session in fifty is cancelled and has no register. Sessions are added until
// there are exactly `members` × 1,000 records.
function bigRecord(members: number): GroupRecord {
  const groupId = "g-bench";
  const late = { start: "2021-06-01", end: "2023-06-30" };
  const joinsLate = (i: number) => i % 4 === 0;
  const memberships = Array.from({ length: members }, (_, i) => ({
    groupId,
    memberId: `m-${i}`,
    role: "member" as const,
    inactive: false,
    // A quarter join late and leave (half of them dropping out), a quarter have no period, the rest no end.
    ...(joinsLate(i)
      ? { period: late, exitReason: i % 8 === 0 ? "dropped-out" : "completed" }
      : i % 4 === 1
        ? {}
        : { period: { start: "2020-01-01" } }),
  }));
  const statuses = [
    "present",
    "late",
    "present",
    "excused",
    "present",
    "absent",
    "left-early",
    "not-recorded",
  ] as const;
  const wanted = members * RECORDS_PER_MEMBER;
  const sessions = [];
  const attendance: AttendanceRecord[] = [];
  for (let s = 0; attendance.length < wanted; s++) {
    const start = new Date(Date.UTC(2021, 0, 1 + s, 23)); // 6 or 7 pm in New York, the same calendar day
    const day = start.toISOString().slice(0, 10);
    const held = s % 50 !== 7;
    const id = `s-${s}`;
    sessions.push({
      id,
      groupId,
      sequence: s + 1,
      scheduledStart: start.toISOString(),
      durationMinutes: 90,
      status: held ? ("held" as const) : ("cancelled" as const),
      mode: "in-person" as const,
      interventions: [],
    });
    if (!held) continue;
    for (let m = 0; m < members && attendance.length < wanted; m++) {
      if (joinsLate(m) && (day < late.start || day > late.end)) continue;
      attendance.push({
        sessionId: id,
        memberId: `m-${m}`,
        status: statuses[(s * 7 + m) % statuses.length] ?? "present",
      } as AttendanceRecord);
    }
  }
  return {
    group: {
      id: groupId,
      name: "Benchmark group",
      purpose: "Measure attendance",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "America/New_York",
      startDate: "2020-01-01",
      stageModel: "tuckman",
    },
    members: memberships.map((membership) => ({
      id: membership.memberId,
      displayName: membership.memberId,
      interpreterNeeded: false,
      accessibilityNeeds: [],
    })),
    memberships,
    sessions,
    attendance,
    turns: [],
    interactionActs: [],
    agreements: [],
    consents: [],
  } as unknown as GroupRecord;
}

const metrics = {
  attendanceSummary: (record: GroupRecord) => attendanceSummary(record),
  // A client who joined late and dropped out, judged by two misses in a row.
  detectDropout: (record: GroupRecord) => detectDropout(record, "m-0", { kind: "consecutive-misses", k: 2 }),
  retentionCurve: (record: GroupRecord) => retentionCurve(record),
} as const;
type Metric = keyof typeof metrics;
const names = Object.keys(metrics) as Metric[];

interface Prepared {
  readonly text: string;
  readonly record: GroupRecord;
  readonly parse: number[];
  readonly metric: Record<Metric, number[]>;
}

/** The record's JSON text, the record as JSON.parse gives it (what a host receives), and empty timings. */
function prepare(members: number): Prepared {
  const text = JSON.stringify(bigRecord(members));
  const record = JSON.parse(text) as GroupRecord;
  // The generated record is clean (the parser finds nothing), so every record counts; the metrics run until warm.
  if (members <= 100 && !parseGroupRecord(record).ok) throw new Error("the benchmark record does not parse");
  for (let warm = 0; warm < 3; warm++) {
    JSON.parse(text);
    for (const name of names) metrics[name](record);
  }
  // Every record counts, and only the last session's register may stop short of the roster.
  const summary = attendanceSummary(record);
  const missing = summary.members.reduce((sum, member) => sum + member.missingRecords, 0);
  if (summary.notCounted.length > 0 || summary.group.offered - missing !== record.attendance.length) {
    throw new Error("every attendance record of the benchmark must count");
  }
  if (missing >= members) throw new Error("only the last session's register may stop short");
  const sessions = record.sessions.length.toLocaleString("en");
  console.log(
    `  ${record.attendance.length.toLocaleString("en")} records: ${members} members, ${sessions} sessions, ${(text.length / 1e6).toFixed(0)} MB of JSON`,
  );
  return { text, record, parse: [], metric: { attendanceSummary: [], detectDropout: [], retentionCurve: [] } };
}

/** One round: JSON.parse and each metric, in an order that turns with the round. */
function timeRound(prepared: Prepared, round: number): void {
  const sides: (() => void)[] = [
    () => prepared.parse.push(time(() => JSON.parse(prepared.text))),
    ...names.map((name) => () => prepared.metric[name].push(time(() => metrics[name](prepared.record)))),
  ];
  for (let turn = 0; turn < sides.length; turn++) (sides[(turn + round) % sides.length] as () => void)();
}

console.log("Attendance registers (JSON text, then the record as JSON.parse gives it)");
const small = prepare(100);
const large = prepare(1_000);
// Both sizes in every round, so a busy moment on a shared machine touches both alike.
for (let round = 0; round < ROUNDS; round++) {
  timeRound(small, round);
  timeRound(large, round);
}
console.log(
  `\n  JSON.parse: median ${median(small.parse).toFixed(1)} ms at 100,000, ${median(large.parse).toFixed(1)} ms at 1,000,000`,
);
const missed = names.filter(
  (name) =>
    !reportParseGoal(
      name,
      { small: small.metric[name], large: large.metric[name] },
      { small: small.parse, large: large.parse },
    ),
);
console.log(`\n  Goal for every metric: ${missed.length === 0 ? "PASS" : `MISS (${missed.join(", ")})`}`);
