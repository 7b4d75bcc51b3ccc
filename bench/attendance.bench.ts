// attendanceSummary beside a minimal single loop over the same attendance records that only totals attended sessions
// per member. Goal (issue 4): at 1,000,000 attendance records the ratio is at most 4, and 10× more data costs at most
// 12× the time (linear growth), measured both from 100,000 to 1,000,000 and from 1,000,000 to 10,000,000 records. The two are timed alternately and the medians
// compared, because absolute times on a shared machine mean little.
import { type AttendanceRecord, attendanceStatuses, type GroupRecord } from "groupwork";
import { attendanceSummary } from "groupwork/metrics";
import { median, time } from "./_timing.js";

const SESSIONS = 1_000;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

function bigRecord(members: number): GroupRecord {
  const groupId = "g-bench";
  const memberships = Array.from({ length: members }, (_, i) => ({
    groupId,
    memberId: `m-${i}`,
    role: "member" as const,
    // A quarter of the members join late or leave early, so offered sessions differ per member.
    period: i % 4 === 0 ? { start: "2021-06-01", end: "2023-06-30" } : { start: "2020-01-01" },
    inactive: false,
  }));
  const sessions = Array.from({ length: SESSIONS }, (_, i) => ({
    id: `s-${i}`,
    groupId,
    sequence: i + 1,
    scheduledStart: new Date(Date.UTC(2021, 0, 1 + i, 23)).toISOString(),
    durationMinutes: 90,
    status: i % 50 === 7 ? ("cancelled" as const) : ("held" as const),
    mode: "in-person" as const,
    interventions: [],
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
  const attendance: AttendanceRecord[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    for (let m = 0; m < members; m++) {
      attendance.push({
        sessionId: sessions[s]?.id ?? "",
        memberId: memberships[m]?.memberId ?? "",
        status: statuses[(s * 7 + m) % statuses.length] ?? "present",
      } as AttendanceRecord);
    }
  }
  // Benchmark data built to the model's shape; parsing it is timed by bench/parse-group-record.bench.ts.
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
    members: [],
    memberships,
    sessions,
    attendance,
    turns: [],
    interactionActs: [],
    agreements: [],
    consents: [],
  } as unknown as GroupRecord;
}

// The baseline: one loop that totals attended sessions per member, reading the rule from the vocabulary.
const ATTENDED = new Set<string>(
  attendanceStatuses.entries.filter((entry) => entry.attended === true).map((entry) => entry.code),
);
function minimalLoop(record: GroupRecord): Map<string, number> {
  const totals = new Map<string, number>();
  for (const entry of record.attendance) {
    if (ATTENDED.has(entry.status)) totals.set(entry.memberId, (totals.get(entry.memberId) ?? 0) + 1);
  }
  return totals;
}

// Records are built grouped by session, each session's in roster order, as attendance registers usually arrive;
// `shuffled` times the same records in a scrambled order (no goal: it shows what the one-pass reading's guess saves).
function measure(members: number, shuffled = false): { loop: number; summary: number } {
  const record = bigRecord(members);
  if (shuffled) scramble(record.attendance as AttendanceRecord[]);
  // Warm both paths before timing.
  minimalLoop(record);
  attendanceSummary(record);
  const loop: number[] = [];
  const summary: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    loop.push(time(() => minimalLoop(record)));
    summary.push(time(() => attendanceSummary(record)));
  }
  const result = { loop: median(loop), summary: median(summary) };
  console.log(
    `\n${record.attendance.length.toLocaleString("en")} attendance records (${members} members × ${SESSIONS} sessions${shuffled ? ", scrambled order" : ""})`,
  );
  console.log(`  minimal loop (attended per member)   median ${result.loop.toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`  attendanceSummary                    median ${result.summary.toFixed(1)} ms over ${ROUNDS} rounds`);
  return result;
}

// A fixed permutation (a linear congruential sequence), so every run times the same order.
function scramble(list: AttendanceRecord[]): void {
  let seed = 12345;
  for (let index = list.length - 1; index > 0; index--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const other = seed % (index + 1);
    const kept = list[index] as AttendanceRecord;
    list[index] = list[other] as AttendanceRecord;
    list[other] = kept;
  }
}

const base = measure(100);
const large = measure(1_000);
const ratio = large.summary / large.loop;
const growth = large.summary / base.summary;
console.log(
  `\n  ratio attendanceSummary / minimal loop at 1,000,000: ${ratio.toFixed(2)} (goal ≤ 4.00) ${ratio <= 4 ? "OK" : "OVER GOAL"}`,
);
console.log(
  `  ratio 1,000,000 / 100,000 records for attendanceSummary: ${growth.toFixed(2)} (goal ≤ 12.00) ${growth <= 12 ? "OK" : "OVER GOAL"}`,
);
// The "10× more data" read from the 1,000,000 base as well: 10,000,000 records (about 1.5 GB of objects;
// scripts/run-benches.ts raises node's heap limit for it). Skip it with BENCH_SKIP_10M=1 on a small machine.
if (process.env["BENCH_SKIP_10M"] !== "1") {
  const huge = measure(10_000);
  const growth10 = huge.summary / large.summary;
  console.log(
    `\n  ratio 10,000,000 / 1,000,000 records for attendanceSummary: ${growth10.toFixed(2)} (goal ≤ 12.00) ${growth10 <= 12 ? "OK" : "OVER GOAL"}`,
  );
}
const scrambled = measure(1_000, true);
console.log(
  `\n  ratio attendanceSummary / minimal loop at 1,000,000 in scrambled order: ${(scrambled.summary / scrambled.loop).toFixed(2)} (no goal)`,
);
