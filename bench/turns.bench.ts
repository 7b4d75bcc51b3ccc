// turnAnalytics beside a minimal single loop over the same turn objects that only totals talk time per member.
// Goals: for 1,000,000 turns the ratio turnAnalytics / minimal loop is at most 4, and 10× more turns costs at
// most 12× the time (linear growth), from 100,000 to 1,000,000 and from 1,000,000 to 10,000,000 turns. Runs against the built package; the two are timed
// alternately and the medians compared, because absolute times on a shared machine mean little.
import { type MemberId, type SessionId, type Turn, turnAnalytics } from "groupwork";
import { median, time, verdict } from "./_timing.js";

const MEMBERS = 12; // a large therapy group, facilitators included
const TURNS_PER_SESSION = 400; // about one turn every 13 s in a 90-minute session
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 11);

const roster = Array.from({ length: MEMBERS }, (_, i) => `m-${i}` as MemberId);

// Turns in start order within each session, with a sprinkling of overlaps: every 7th turn starts 2 s before the
// previous one ends (an interruption), every 11th is a 1-second backchannel inside the previous turn. One member in
// twelve never speaks.
function makeTurns(count: number): Turn[] {
  const turns: Turn[] = [];
  let clock = 0;
  let sessionNumber = -1;
  let sessionId = "" as SessionId;
  for (let i = 0; i < count; i++) {
    if (i % TURNS_PER_SESSION === 0) {
      sessionNumber++;
      sessionId = `s-${sessionNumber}` as SessionId;
      clock = 0;
    }
    const memberId = roster[(i * 5) % (MEMBERS - 1)] as MemberId;
    const length = 3 + ((i * 37) % 40);
    let start = clock + 1;
    if (i % 7 === 0 && clock > 3) start = clock - 2;
    if (i % 11 === 0 && clock > 3) {
      turns.push({ sessionId, memberId, start: clock - 3, end: clock - 2 });
      continue;
    }
    turns.push({ sessionId, memberId, start, end: start + length });
    clock = start + length;
  }
  return turns;
}

// The baseline: what any analysis must at least do, one Map update per turn.
function minimalLoop(turns: readonly Turn[]): Map<string, number> {
  const talk = new Map<string, number>();
  for (const turn of turns) talk.set(turn.memberId, (talk.get(turn.memberId) ?? 0) + (turn.end - turn.start));
  return talk;
}

interface Timings {
  readonly count: number;
  readonly sessions: number;
  readonly interruptions: number;
  readonly base: number[];
  readonly ours: number[];
}

function prepare(count: number): { turns: Turn[]; timings: Timings } {
  const turns = makeTurns(count);
  // Warm both paths until the JIT has settled, and check they agree on the total talk time.
  for (let warm = 0; warm < 4; warm++) {
    minimalLoop(turns);
    turnAnalytics(turns, roster);
  }
  const baseTotal = [...minimalLoop(turns).values()].reduce((sum, value) => sum + value, 0);
  const result = turnAnalytics(turns, roster);
  if (Math.abs(result.talkTime - baseTotal) > 1e-6 * baseTotal) throw new Error("the two loops disagree on talk time");
  const interruptions = result.sessions.reduce((sum, session) => sum + session.interruptions, 0);
  return { turns, timings: { count, sessions: result.sessions.length, interruptions, base: [], ours: [] } };
}

function report({ count, sessions, interruptions, base, ours }: Timings): void {
  const summary = { base: median(base), ours: median(ours) };
  console.log(
    `\n${count.toLocaleString("en")} turns in ${sessions.toLocaleString("en")} sessions (${interruptions.toLocaleString("en")} interruptions)`,
  );
  console.log(`  minimal loop (talk time per member)  median ${summary.base.toFixed(1)} ms over ${ROUNDS} rounds`);
  console.log(`  turnAnalytics                        median ${summary.ours.toFixed(1)} ms over ${ROUNDS} rounds`);
}

// The four timings of a round run back to back, so a busy moment on a shared machine touches both sizes alike; the
// loop and turnAnalytics take turns going first. Each ratio is the median of the rounds' own ratios (the two timings
// of a round share the machine's load at that moment), which a single busy round cannot move.
const small = prepare(100_000);
const large = prepare(1_000_000);
const ratios: number[] = [];
const growths: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const { turns, timings } of [small, large]) {
    if (round % 2 === 0) {
      timings.base.push(time(() => minimalLoop(turns)));
      timings.ours.push(time(() => turnAnalytics(turns, roster)));
    } else {
      timings.ours.push(time(() => turnAnalytics(turns, roster)));
      timings.base.push(time(() => minimalLoop(turns)));
    }
  }
  ratios.push((large.timings.ours[round] as number) / (large.timings.base[round] as number));
  growths.push((large.timings.ours[round] as number) / (small.timings.ours[round] as number));
}
report(small.timings);
report(large.timings);
const ratio = median(ratios);
const growth = median(growths);
console.log(
  `\n  ratio turnAnalytics / minimal loop at 1,000,000 turns: ${ratio.toFixed(2)} (goal ≤ 4) ${verdict(ratio, 4)}`,
);
console.log(`  ratio turnAnalytics 1,000,000 / 100,000 turns: ${growth.toFixed(2)} (goal ≤ 12) ${verdict(growth, 12)}`);

// The "10× more data" read from the 1,000,000 base as well: 10,000,000 turns (about 1 GB of objects;
// scripts/run-benches.ts raises node's heap limit for it), timed in alternating rounds with the 1,000,000 set. Skip it
// with BENCH_SKIP_10M=1 on a small machine.
if (process.env["BENCH_SKIP_10M"] !== "1") {
  const huge = makeTurns(10_000_000);
  turnAnalytics(huge, roster);
  minimalLoop(huge);
  const base = { loop: [] as number[], ours: [] as number[] };
  const grown = { loop: [] as number[], ours: [] as number[] };
  for (let round = 0; round < 5; round++) {
    // Each round runs the four timings in turn, starting one further along each round.
    const runs = [
      () => base.ours.push(time(() => turnAnalytics(large.turns, roster))),
      () => grown.ours.push(time(() => turnAnalytics(huge, roster))),
      () => base.loop.push(time(() => minimalLoop(large.turns))),
      () => grown.loop.push(time(() => minimalLoop(huge))),
    ];
    for (let step = 0; step < runs.length; step++) (runs[(round + step) % runs.length] as () => number)();
  }
  const ratioOf = (top: readonly number[], bottom: readonly number[]) =>
    median(top.map((value, round) => value / (bottom[round] as number)));
  const growth10 = ratioOf(grown.ours, base.ours);
  console.log(
    `\n10,000,000 turns: turnAnalytics median ${median(grown.ours).toFixed(1)} ms, minimal loop ${median(grown.loop).toFixed(1)} ms over 5 rounds`,
  );
  console.log(
    `  ratio turnAnalytics 10,000,000 / 1,000,000 turns: ${growth10.toFixed(2)} (goal ≤ 12) ${verdict(growth10, 12)}`,
  );
  // The control: the bare loop's own growth in the same rounds, what the machine's caches alone do to a ratio.
  const loopGrowth10 = ratioOf(grown.loop, base.loop);
  console.log(`  the minimal loop's own ratio in the same rounds:   ${loopGrowth10.toFixed(2)} (control, no goal)`);
  console.log(
    `  turnAnalytics's ratio ÷ the loop's:                 ${(growth10 / loopGrowth10).toFixed(2)} (no goal)`,
  );
}
