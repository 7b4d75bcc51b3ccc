// attendanceSummary beside a minimal single loop over the same attendance records that only totals attended sessions
// per member. Goals: at 1,000,000 attendance records the ratio is at most 4, and 10× more records cost at
// most 12× the time (linear growth), from 100,000 to 1,000,000 and from 1,000,000 to 10,000,000 records. Runs against
// the built package. Sides are timed alternately and each ratio is the median of the rounds' own ratios, because
// absolute times on a shared machine mean little.
import { type AttendanceRecord, attendanceStatuses, type GroupRecord } from "groupwork";
import { attendanceSummary } from "groupwork/metrics";
import { median, time, verdict } from "./_timing.js";

const RECORDS_PER_MEMBER = 1_000;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

// A register as agencies keep one: a record for each client enrolled on the day of each held session, sessions in
// order, clients in roster order. A quarter of the clients join late and leave early, so offered sessions differ per
// client; one session in fifty is cancelled and has no register. Sessions are added until there are exactly
// `members` × 1,000 records. (Records that count for nobody, such as a register for a day outside someone's
// enrolment, are each listed in `notCounted`; the tests check that path, and the guide says what it costs.)
function bigRecord(members: number): GroupRecord {
  const groupId = "g-bench";
  const late = { start: "2021-06-01", end: "2023-06-30" };
  const memberships = Array.from({ length: members }, (_, i) => ({
    groupId,
    memberId: `m-${i}`,
    role: "member" as const,
    period: i % 4 === 0 ? late : { start: "2020-01-01" },
    inactive: false,
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
      const membership = memberships[m] as (typeof memberships)[number];
      if (membership.period === late && (day < late.start || day > late.end)) continue;
      attendance.push({
        sessionId: id,
        memberId: membership.memberId,
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

interface Timings {
  readonly records: number;
  readonly label: string;
  readonly loop: number[];
  readonly summary: number[];
}

// Records are built grouped by session, each session's in roster order, as attendance registers usually arrive;
// `scrambled` times the same records in a scrambled order (no goal: it shows what reading records in session order
// saves).
function prepare(members: number, scrambled = false): { record: GroupRecord; timings: Timings } {
  const record = bigRecord(members);
  if (scrambled) scramble(record.attendance as AttendanceRecord[]);
  // Warm both paths until the JIT has settled, and check they agree on attended sessions (and that every record
  // counted).
  for (let warm = 0; warm < 3; warm++) {
    minimalLoop(record);
    attendanceSummary(record);
  }
  const attended = [...minimalLoop(record).values()].reduce((sum, count) => sum + count, 0);
  const summary = attendanceSummary(record);
  if (summary.group.attended !== attended || summary.notCounted.length > 0) {
    throw new Error("the two loops disagree on attendance");
  }
  const label = `${members.toLocaleString("en")} members, ${record.sessions.length.toLocaleString("en")} sessions${scrambled ? ", scrambled order" : ""}`;
  return { record, timings: { records: record.attendance.length, label, loop: [], summary: [] } };
}

// One round of a prepared record: the loop and attendanceSummary take turns going first.
function timeRound({ record, timings }: ReturnType<typeof prepare>, round: number): void {
  if (round % 2 === 0) {
    timings.loop.push(time(() => minimalLoop(record)));
    timings.summary.push(time(() => attendanceSummary(record)));
  } else {
    timings.summary.push(time(() => attendanceSummary(record)));
    timings.loop.push(time(() => minimalLoop(record)));
  }
}

function report({ records, label, loop, summary }: Timings): void {
  console.log(`\n${records.toLocaleString("en")} attendance records (${label})`);
  console.log(`  minimal loop (attended per member)   median ${median(loop).toFixed(1)} ms over ${loop.length} rounds`);
  console.log(
    `  attendanceSummary                    median ${median(summary).toFixed(1)} ms over ${summary.length} rounds`,
  );
}

/** The median over rounds of `top[round] / bottom[round]`. */
function roundRatio(top: readonly number[], bottom: readonly number[]): number {
  return median(top.map((value, round) => value / (bottom[round] as number)));
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

// The timings of a round run back to back, so a busy moment on a shared machine touches both sizes alike, and both
// sizes run the same compiled code.
const small = prepare(100);
const large = prepare(1_000);
for (let round = 0; round < ROUNDS; round++) {
  timeRound(small, round);
  timeRound(large, round);
}
report(small.timings);
report(large.timings);
const ratio = roundRatio(large.timings.summary, large.timings.loop);
const growth = roundRatio(large.timings.summary, small.timings.summary);
console.log(
  `\n  ratio attendanceSummary / minimal loop at 1,000,000: ${ratio.toFixed(2)} (goal ≤ 4) ${verdict(ratio, 4)}`,
);
console.log(
  `  ratio attendanceSummary 1,000,000 / 100,000 records: ${growth.toFixed(2)} (goal ≤ 12) ${verdict(growth, 12)}`,
);

// The "10× more data" read from the 1,000,000 base as well: 10,000,000 records (about 1.5 GB of objects;
// scripts/run-benches.ts raises node's heap limit for it), timed in alternating rounds with the 1,000,000 set. Skip it
// with BENCH_SKIP_10M=1 on a small machine.
if (process.env["BENCH_SKIP_10M"] !== "1") {
  const huge = prepare(10_000);
  const base = { loop: [] as number[], summary: [] as number[] };
  for (let round = 0; round < ROUNDS; round++) {
    timeRound(huge, round);
    // The one-million-record runs take turns going first as well.
    if (round % 2 === 0) {
      base.summary.push(time(() => attendanceSummary(large.record)));
      base.loop.push(time(() => minimalLoop(large.record)));
    } else {
      base.loop.push(time(() => minimalLoop(large.record)));
      base.summary.push(time(() => attendanceSummary(large.record)));
    }
  }
  report(huge.timings);
  const growth10 = roundRatio(huge.timings.summary, base.summary);
  const loopGrowth10 = roundRatio(huge.timings.loop, base.loop);
  console.log(
    `\n  ratio attendanceSummary 10,000,000 / 1,000,000 records: ${growth10.toFixed(2)} (goal ≤ 12) ${verdict(growth10, 12)}`,
  );
  // The control: with ten million records alive, the one-million runs no longer find their records in the
  // processor's cache either, and the bare loop shows what that alone does to a ratio.
  console.log(
    `  the minimal loop's own ratio in the same rounds:          ${loopGrowth10.toFixed(2)} (control, no goal)`,
  );
  console.log(
    `  attendanceSummary's ratio ÷ the loop's:                  ${(growth10 / loopGrowth10).toFixed(2)} (no goal)`,
  );
}

// No goal: what the same records cost when they come in no particular order.
const scrambled = prepare(1_000, true);
for (let round = 0; round < ROUNDS; round++) timeRound(scrambled, round);
report(scrambled.timings);
console.log(
  `\n  ratio attendanceSummary / minimal loop at 1,000,000 in scrambled order: ${roundRatio(scrambled.timings.summary, scrambled.timings.loop).toFixed(2)} (no goal)`,
);
