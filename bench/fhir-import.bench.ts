// fromFhirBundle beside JSON.parse of the same Bundle's text: what a host pays to turn a FHIR R4 Bundle it has already
// parsed into a checked group record, compared with what it paid to parse the text. Goal: the import at most 1×
// JSON.parse. The Bundle is a large open group a year long: 500 clients and 2 facilitators, 52 weekly sessions (one
// cancelled), a register for every held session, so 25,500 attendance records and some 19,000 member Encounters.
// `npm run bench` runs it against the built package. Sides are timed alternately and the ratio is the median of the
// rounds' own ratios, because absolute times on a shared machine mean little; the import reads a freshly parsed copy
// each round, parsed outside its timing, as a host's request handler would.
import type { AttendanceRecord, GroupRecordInput } from "groupwork";
import { fromFhirBundle, toFhirBundle } from "groupwork/fhir";
import { median, roundRatio, time } from "./_timing.js";

const MEMBERS = 500;
const SESSIONS = 52;
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 7);

function yearOfSessions(): GroupRecordInput {
  const groupId = "g-bench";
  const members = Array.from({ length: MEMBERS + 2 }, (_, i) => ({
    id: i < 2 ? `f-${i}` : `m-${i}`,
    displayName: i < 2 ? `Facilitator ${i}` : `Member ${i}`,
    preferredLanguage: "en",
  }));
  const memberships = members.map((member, i) => ({
    groupId,
    memberId: member.id,
    role: i === 0 ? ("facilitator" as const) : i === 1 ? ("co-facilitator" as const) : ("member" as const),
    period: { start: "2025-01-01", end: "2025-12-31" },
  }));
  const statuses = ["present", "late", "present", "excused", "present", "absent", "left-early", "present"] as const;
  const sessions = [];
  const attendance: AttendanceRecord[] = [];
  for (let s = 0; s < SESSIONS; s++) {
    // Thursdays at 18:00 in New York (23:00 UTC in winter, 22:00 in summer: written in UTC, the same day there).
    const start = new Date(Date.UTC(2025, 0, 2 + 7 * s, 23));
    const held = s !== 20;
    const id = `s-${s}`;
    sessions.push({
      id,
      groupId,
      sequence: s + 1,
      scheduledStart: start.toISOString(),
      durationMinutes: 90,
      status: held ? ("held" as const) : ("cancelled" as const),
      mode: s % 4 === 3 ? ("virtual" as const) : ("in-person" as const),
    });
    if (!held) continue;
    for (let m = 2; m < MEMBERS + 2; m++) {
      attendance.push({
        sessionId: id,
        memberId: `m-${m}`,
        status: statuses[(s * 3 + m) % statuses.length] ?? "present",
      } as AttendanceRecord);
    }
  }
  return {
    group: {
      id: groupId,
      name: "Benchmark group",
      purpose: "Measure FHIR import",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "America/New_York",
      startDate: "2025-01-01",
      endDate: "2025-12-31",
    },
    members,
    memberships,
    sessions,
    attendance,
  };
}

const bundle = toFhirBundle(yearOfSessions());
const text = JSON.stringify(bundle);
const check = fromFhirBundle(JSON.parse(text));
if (!check.ok) throw new Error(`bench Bundle did not import: ${check.issues[0]?.message}`);
console.log(
  `Bundle: ${bundle.entry?.length.toLocaleString("en")} entries, ${(text.length / 1e6).toFixed(1)} MB of JSON; ${check.value.attendance.length.toLocaleString("en")} attendance records read back`,
);

// Warm both sides before timing.
JSON.parse(text);
fromFhirBundle(JSON.parse(text));
const parse: number[] = [];
const importing: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  parse.push(time(() => JSON.parse(text)));
  const parsed: unknown = JSON.parse(text);
  importing.push(time(() => fromFhirBundle(parsed)));
}
const ratio = roundRatio(importing, parse);
console.log(`  JSON.parse of the text        median ${median(parse).toFixed(0)} ms over ${ROUNDS} rounds`);
console.log(`  fromFhirBundle of the parsed  median ${median(importing).toFixed(0)} ms over ${ROUNDS} rounds`);
console.log(
  `  ratio fromFhirBundle / JSON.parse: ${ratio.toFixed(2)} (goal ≤ 1.00) ${ratio <= 1 ? "OK" : "OVER GOAL"}`,
);
