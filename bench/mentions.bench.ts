// findMemberMentions beside one regular expression per name, over 10,000 individual notes and a 12-member roster.
// Goal: ours is not slower (ratio ≤ 1.00). The baseline is the fair plain approach: for every member other
// than the note's subject, one case-insensitive, Unicode-aware regular expression per name (display, preferred and
// first name) with letter-or-digit lookarounds as a Unicode `\b`, compiled once per roster and run over each note, the
// hits sorted by position. It does less than we do: no accent folding ("Sofia" misses "Sofía"), no possessive or
// common-word rules, no longest-match resolution. Both are timed alternately and the medians compared, because
// absolute times on a shared machine mean little.
//
// Then the growth of a scan when the note doubles, for two notes that once made it grow faster than the note: one long
// line of bare possessive apostrophes ("Jamal' car was parked." over and over), and a note about one of 2,000 members
// who share a first name ("Anna came." over and over, checked with checkIndividualNote). Goal: about 2 (linear in the
// note's length; 4 would be quadratic).
import { checkIndividualNote, findMemberMentions, type MentionableMember } from "groupwork";
import { collectGarbage, median } from "./_timing.js";

const NOTES = 10_000;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 9);

const roster: MentionableMember[] = [
  ["m-hope", "Hope Lindqvist"],
  ["m-will", "William Chen", "Will"],
  ["m-sofia", "Sofía Márquez"],
  ["m-aroha", "Aroha Ngata"],
  ["m-jamal", "Jamal Price"],
  ["m-grace", "Grace O'Neill"],
  ["m-tomasz", "Tomasz Wójcik", "Tom"],
  ["m-lena", "Lena Hoffmann"],
  ["m-lukasz", "Łukasz Nowak"],
  ["m-zoe", "Zoë Adams"],
  ["m-mary-jane", "Mary-Jane Doyle"],
  ["m-sam", "Samantha Ortiz", "Sam"],
].map(([id, displayName, preferredName]) => ({
  id: id ?? "",
  displayName: displayName ?? "",
  ...(preferredName === undefined ? {} : { preferredName }),
}));

// Notes in the voice of a worker's individual record: mostly about the subject, now and then naming a peer.
const SENTENCES = [
  "{s} arrived on time and took part in the opening round.",
  "{s} spoke about the first anniversary of the death and was tearful but steady.",
  "She said {o} had helped her find words for it.",
  "{s} described cravings after the funeral and named two people to call.",
  "We will meet again on Thursday; {s} agreed to bring a photo.",
  "The group talked about guilt, and {s} said it was hard to hear {o}'s story.",
  "{s} practised the bedtime routine role-play with {o} and reported one calm evening.",
  "Worker reflected the courage it took and linked it to what was shared in week 2.",
  "Plan: {s} to write a letter before the next session and to attend two meetings.",
  "{s} was willing to try the breathing exercise; by the grace of the weather the group met outside.",
  "She hopes to return to work in the spring and will see her GP first.",
  "{s} sat beside {o} and they talked about their fathers.",
];

function nextRandom(seed: number): number {
  return (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
}

function makeNotes(): { text: string; subject: string }[] {
  const notes: { text: string; subject: string }[] = [];
  let seed = 20_261_128;
  for (let n = 0; n < NOTES; n++) {
    seed = nextRandom(seed);
    const subject = roster[seed % roster.length] ?? roster[0];
    const sentences: string[] = [];
    for (let k = 0; k < 6; k++) {
      seed = nextRandom(seed);
      const other = roster[(seed >>> 8) % roster.length] ?? roster[0];
      const template = SENTENCES[(seed >>> 16) % SENTENCES.length] ?? "";
      // Written the way notes write names: the first name, or (one time in four) the preferred or full name.
      const otherName = (seed >>> 4) % 4 === 0 ? (other?.preferredName ?? other?.displayName) : other?.displayName;
      sentences.push(
        template
          .replaceAll("{s}", subject?.preferredName ?? subject?.displayName.split(" ")[0] ?? "")
          .replaceAll("{o}", (seed >>> 4) % 4 === 1 ? (otherName ?? "") : (otherName?.split(" ")[0] ?? "")),
      );
    }
    notes.push({ text: sentences.join(" "), subject: (subject ?? roster[0])?.id ?? "" });
  }
  return notes;
}

interface Hit {
  start: number;
  end: number;
  memberId: string;
}

/** One compiled regular expression per name of each member, built once per roster. */
function regexPerName(members: readonly MentionableMember[]): { memberId: string; pattern: RegExp }[] {
  const escapeName = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return members.flatMap((member) => {
    const names = new Set([member.displayName, member.preferredName, member.displayName.split(/\s+/u)[0]]);
    return [...names]
      .filter((name): name is string => name !== undefined && name !== "")
      .map((name) => ({
        memberId: member.id,
        pattern: new RegExp(`(?<![\\p{L}\\p{N}])${escapeName(name)}(?![\\p{L}\\p{N}])`, "giu"),
      }));
  });
}

function baselineScan(text: string, subject: string, patterns: { memberId: string; pattern: RegExp }[]): Hit[] {
  const hits: Hit[] = [];
  for (const { memberId, pattern } of patterns) {
    if (memberId === subject) continue;
    for (const match of text.matchAll(pattern)) {
      hits.push({ start: match.index, end: match.index + match[0].length, memberId });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

function time(run: () => number): { ms: number; found: number } {
  collectGarbage();
  const start = performance.now();
  const found = run();
  return { ms: performance.now() - start, found };
}

const notes = makeNotes();
const patterns = regexPerName(roster);
const ours = () => {
  let found = 0;
  for (const note of notes) found += findMemberMentions(note.text, roster, { subject: note.subject }).length;
  return found;
};
const baseline = () => {
  let found = 0;
  for (const note of notes) found += baselineScan(note.text, note.subject, patterns).length;
  return found;
};

// Warm both paths before timing.
ours();
baseline();
const oursTimes: number[] = [];
const baseTimes: number[] = [];
let oursFound = 0;
let baseFound = 0;
for (let round = 0; round < ROUNDS; round++) {
  const b = time(baseline);
  const o = time(ours);
  baseTimes.push(b.ms);
  oursTimes.push(o.ms);
  baseFound = b.found;
  oursFound = o.found;
}
const characters = notes.reduce((sum, note) => sum + note.text.length, 0);
const ratio = median(oursTimes) / median(baseTimes);
console.log(
  `${NOTES.toLocaleString("en")} notes (${Math.round(characters / NOTES)} characters on average), ${roster.length} members, ${patterns.length} names`,
);
console.log(
  `  one regular expression per name   median ${median(baseTimes).toFixed(1)} ms over ${ROUNDS} rounds (${baseFound} hits)`,
);
console.log(
  `  findMemberMentions                median ${median(oursTimes).toFixed(1)} ms over ${ROUNDS} rounds (${oursFound} mentions)`,
);
console.log(
  `  ratio findMemberMentions / regex per name: ${ratio.toFixed(2)} (goal ≤ 1.00) ${ratio <= 1 ? "OK" : "OVER GOAL"}`,
);

/** The median time of `run` on a note of `size` units and on one twice as long, timed alternately, and their ratio. */
function growth(run: (size: number) => number, size: number): { small: number; large: number; ratio: number } {
  run(size);
  run(size * 2);
  const small: number[] = [];
  const large: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    small.push(time(() => run(size)).ms);
    large.push(time(() => run(size * 2)).ms);
  }
  return { small: median(small), large: median(large), ratio: median(large) / median(small) };
}

const twoMembers: MentionableMember[] = [
  { id: "m-ana", displayName: "Ana Lee" },
  { id: "m-jamal", displayName: "Jamal Price" },
];
const annas: MentionableMember[] = Array.from({ length: 2_000 }, (_, i) => ({
  id: `m-anna-${i}`,
  displayName: `Anna Surname${i}`,
}));
const cases: [string, (size: number) => number, number][] = [
  [
    "bare possessives on one line, findMemberMentions",
    (size) => findMemberMentions("Jamal' car was parked. ".repeat(size), twoMembers, { subject: "m-ana" }).length,
    20_000,
  ],
  [
    "2,000 members named Anna, checkIndividualNote",
    (size) => checkIndividualNote("Anna came. ".repeat(size), annas, { subject: "m-anna-0" }).advice.length,
    20_000,
  ],
];
console.log("growth when the note doubles (goal about 2; 4 would be quadratic):");
for (const [label, run, size] of cases) {
  const { small, large, ratio } = growth(run, size);
  console.log(
    `  ${label}: ${size.toLocaleString("en")} → ${(size * 2).toLocaleString("en")} sentences, median ${small.toFixed(1)} → ${large.toFixed(1)} ms, ratio ${ratio.toFixed(2)} ${ratio <= 2.5 ? "OK" : "OVER GOAL"}`,
  );
}
