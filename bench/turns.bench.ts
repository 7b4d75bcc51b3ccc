// turnAnalytics beside JSON.parse of the same record's JSON text: what a host pays to read a group's talk compared
// with what it pays to analyse it. Goals: at most 0.5× JSON.parse at 100,000 turns, at most 0.25× at 1,000,000, and
// 10× more turns cost at most 12× the time (linear growth). `npm run bench` runs it against the built package; run
// directly (`npx tsx bench/turns.bench.ts`) it reads src/ through tsconfig's paths. Sides are timed alternately and
// each ratio is the median of the rounds' own ratios, because absolute times on a shared machine mean little.
import { type GroupRecord, type GroupRecordInput, parseGroupRecord } from "groupwork";
import { turnAnalytics } from "groupwork/metrics";
import { median, reportParseGoal, time } from "./_timing.js";

const MEMBERS = 12; // a large therapy group, facilitators included
const TURNS_PER_SESSION = 400; // about one turn every 13 s in a 90-minute session
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

const roster = Array.from({ length: MEMBERS }, (_, i) => `m-${i}`);

// A record whose talk was recorded turn by turn: each session's turns together and in start order, as recording tools
// export them, with a sprinkling of overlaps. Every 7th turn starts 2 s before the previous one ends (an interruption),
// every 11th is a 1-second backchannel inside the previous turn; one member in twelve never speaks.
function bigRecord(count: number): GroupRecordInput {
  const groupId = "g-bench";
  const turns: NonNullable<GroupRecordInput["turns"]> = [];
  let clock = 0;
  let sessionId = "";
  for (let i = 0; i < count; i++) {
    if (i % TURNS_PER_SESSION === 0) {
      sessionId = `s-${i / TURNS_PER_SESSION}`;
      clock = 0;
    }
    const memberId = roster[(i * 5) % (MEMBERS - 1)] as string;
    if (i % 11 === 0 && clock > 3) {
      turns.push({ sessionId, memberId, start: clock - 3, end: clock - 2 });
      continue;
    }
    const start = i % 7 === 0 && clock > 3 ? clock - 2 : clock + 1;
    const end = start + 3 + ((i * 37) % 19);
    turns.push({ sessionId, memberId, start, end });
    clock = end;
  }
  const sessions = Array.from({ length: Math.ceil(count / TURNS_PER_SESSION) }, (_, i) => ({
    id: `s-${i}`,
    groupId,
    sequence: i + 1,
    scheduledStart: new Date(Date.UTC(2021, 0, 1) + i * 86_400_000).toISOString(),
    durationMinutes: 90,
    status: "held" as const,
    mode: "in-person" as const,
  }));
  return {
    group: {
      id: groupId,
      name: "Benchmark group",
      purpose: "Measure turn analytics",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "America/New_York",
      startDate: "2020-01-01",
    },
    members: roster.map((id) => ({ id, displayName: `Member ${id}` })),
    memberships: roster.map((memberId, i) => ({
      groupId,
      memberId,
      role: i === 0 ? ("facilitator" as const) : ("member" as const),
      period: { start: "2020-01-01" },
    })),
    sessions,
    attendance: [],
    turns,
  };
}

interface Prepared {
  readonly count: number;
  readonly text: string;
  readonly record: GroupRecord;
  readonly parse: number[];
  readonly analytics: number[];
}

/** The record's JSON text, the record as JSON.parse gives it (what a host receives), and empty timings. */
function prepare(count: number): Prepared {
  const text = JSON.stringify(bigRecord(count));
  const record = JSON.parse(text) as GroupRecord;
  for (let warm = 0; warm < 3; warm++) {
    JSON.parse(text);
    turnAnalytics(record.turns, roster);
  }
  const result = turnAnalytics(record.turns, roster);
  const interruptions = result.sessions.reduce((sum, session) => sum + session.interruptions, 0);
  const backchannels = result.sessions.reduce((sum, session) => sum + session.backchannels, 0);
  if (result.turns !== count || interruptions === 0 || backchannels === 0 || result.didNotSpeak.length !== 1) {
    throw new Error("the benchmark's turns must hold interruptions, backchannels and one silent member");
  }
  console.log(
    `  ${count.toLocaleString("en")} turns in ${result.sessions.length.toLocaleString("en")} sessions (${interruptions.toLocaleString("en")} interruptions, ${backchannels.toLocaleString("en")} backchannels), ${(text.length / 1e6).toFixed(0)} MB of JSON`,
  );
  return { count, text, record, parse: [], analytics: [] };
}

/** One round: JSON.parse and turnAnalytics, the first going first in even rounds. */
function timeRound(prepared: Prepared, round: number): void {
  const parse = () => prepared.parse.push(time(() => JSON.parse(prepared.text)));
  const analyse = () => prepared.analytics.push(time(() => turnAnalytics(prepared.record.turns, roster)));
  const sides = round % 2 === 0 ? [parse, analyse] : [analyse, parse];
  for (const side of sides) side();
}

// The generated record is clean: the parser finds nothing wrong with a smaller one built the same way.
const check = parseGroupRecord(bigRecord(4_000));
if (!check.ok) throw new Error(`the benchmark record does not parse: ${check.issues[0]?.message}`);
console.log("Speaking turns (JSON text, then the record as JSON.parse gives it)");
const small = prepare(100_000);
const large = prepare(1_000_000);
// Both sizes in every round, so a busy moment on a shared machine touches both alike.
for (let round = 0; round < ROUNDS; round++) {
  timeRound(small, round);
  timeRound(large, round);
}
console.log(
  `\n  JSON.parse: median ${median(small.parse).toFixed(1)} ms at 100,000, ${median(large.parse).toFixed(1)} ms at 1,000,000`,
);
const met = reportParseGoal(
  "turnAnalytics",
  { small: small.analytics, large: large.analytics },
  { small: small.parse, large: large.parse },
);
console.log(`\n  Goal: ${met ? "PASS" : "MISS"}`);
