import type { AttendanceStatus, GroupRecordInput } from "../model/index.js";
import { GRIEF_GROUP_STAGE_LOG } from "./grief-group-stages.js";

// A fictional, realistic 12-session closed grief support group. Every person here is invented.
// Facts a test can count by hand from the grid below:
// - 12 sessions planned on Thursdays at 18:00 in America/Chicago; session 5 (5 March) was cancelled for an ice storm,
//   so 11 were held. Daylight saving time starts on 8 March 2026, between sessions 5 and 6: the offset changes from
//   -06:00 to -05:00.
// - The stage log (grief-group-stages.ts) walks Tuckman's stages, with one regression to storming after session 7.
// - 2 facilitators and 8 members. Jamal stopped coming after session 4 and left on 31 March (dropped out); every other
//   member completed the group.

const GROUP_ID = "grp-thursday-grief";

/**
 * A value and everything inside it, read-only.
 *
 * @example
 * // Frozen all the way down: build a changed copy by spreading the parts that change
 * const renamed = { ...sampleGroupRecord, group: { ...sampleGroupRecord.group, name: "Tuesday Grief Support" } };
 * const first = sampleGroupRecord.sessions[0];
 * [Object.isFrozen(first?.interventions), parseGroupRecord(renamed).ok, sampleGroupRecord.group.name]
 * //=> [true, true, "Thursday Evening Grief Support"]
 */
export type DeepReadonly<T> = T extends readonly (infer E)[]
  ? readonly DeepReadonly<E>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/**
 * The type of {@link sampleGroupRecord}: a group record as a host sends it (ids as plain strings), with every list
 * present (never `undefined`, even under `exactOptionalPropertyTypes`), frozen.
 *
 * @example
 * // Every list is present, so a program reads it without checking for `undefined` first
 * [sampleGroupRecord.attendance.length, sampleGroupRecord.consents.length]
 * //=> [84, 4]
 */
export type SampleGroupRecord = DeepReadonly<{
  [K in keyof GroupRecordInput]-?: NonNullable<GroupRecordInput[K]>;
}>;

/** Session dates, their UTC offsets and statuses, in sequence order. */
const SESSION_PLAN: readonly { day: string; offset: string; topic: string; status: "held" | "cancelled" }[] = [
  { day: "2026-02-05", offset: "-06:00", topic: "Welcome, purpose and our group agreement", status: "held" },
  { day: "2026-02-12", offset: "-06:00", topic: "Telling the story of our loss", status: "held" },
  { day: "2026-02-19", offset: "-06:00", topic: "What grief does to the body", status: "held" },
  { day: "2026-02-26", offset: "-06:00", topic: "Anger, guilt and the questions without answers", status: "held" },
  { day: "2026-03-05", offset: "-06:00", topic: "Secondary losses", status: "cancelled" },
  { day: "2026-03-12", offset: "-05:00", topic: "Secondary losses", status: "held" },
  { day: "2026-03-19", offset: "-05:00", topic: "When family grieves differently", status: "held" },
  { day: "2026-03-26", offset: "-05:00", topic: "Anniversaries, holidays and triggers", status: "held" },
  { day: "2026-04-02", offset: "-05:00", topic: "Continuing bonds: memory and ritual", status: "held" },
  { day: "2026-04-09", offset: "-05:00", topic: "Self-care and asking for help", status: "held" },
  { day: "2026-04-16", offset: "-05:00", topic: "Who am I now?", status: "held" },
  { day: "2026-04-23", offset: "-05:00", topic: "Looking back, looking ahead: our last session", status: "held" },
];

// Attendance grid, one column per session 1–12. P present, L late, E left early, X excused, A absent,
// N not recorded, "-" session cancelled, "." not enrolled that day.
const ATTENDANCE_GRID: Readonly<Record<string, string>> = {
  "m-hope": "P P P P - P P P P P P P",
  "m-will": "P P N P - P P P L P P P",
  "m-sofia": "P P P A - P P P P P P P",
  "m-aroha": "P P P P - P P P P A A P",
  "m-jamal": "P P L P - A A A . . . .",
  "m-grace": "P L P P - P L P P L P P",
  "m-tomasz": "P P P P - P P P P P E P",
  "m-lena": "P P P P - P P X P P P P",
};

const STATUS_OF: Readonly<Record<string, AttendanceStatus>> = {
  P: "present",
  L: "late",
  E: "left-early",
  X: "excused",
  A: "absent",
  N: "not-recorded",
};

function sessionId(sequence: number): string {
  return `s-${String(sequence).padStart(2, "0")}`;
}

function at(sequence: number, time: string): string {
  const plan = SESSION_PLAN[sequence - 1];
  if (plan === undefined) throw new Error(`sample: no session ${sequence}`);
  return `${plan.day}T${time}${plan.offset}`;
}

function attendanceFromGrid(): NonNullable<GroupRecordInput["attendance"]> {
  const records: NonNullable<GroupRecordInput["attendance"]> = [];
  for (const [memberId, row] of Object.entries(ATTENDANCE_GRID)) {
    row.split(" ").forEach((mark, column) => {
      const status = STATUS_OF[mark];
      if (status === undefined) return;
      const sequence = column + 1;
      const record: NonNullable<GroupRecordInput["attendance"]>[number] = {
        sessionId: sessionId(sequence),
        memberId,
        status,
      };
      // Late arrivals came 12 minutes after the start; the early leaver left at 19:05 of a 90-minute session.
      if (status === "late") record.arrivedAt = at(sequence, "18:12:00");
      if (status === "left-early") {
        record.arrivedAt = at(sequence, "18:00:00");
        record.departedAt = at(sequence, "19:05:00");
      }
      records.push(record);
    });
  }
  return records;
}

type TurnRow = readonly [memberId: string, start: number, end: number, respondsTo?: string];

// Speaking turns, in seconds from each session's start, for sessions 1 (forming), 7 (conflict about grieving "right")
// and 12 (ending). Session 7 is lopsided on purpose: Will holds the floor, Sofía does not speak.
const TURNS: Readonly<Record<number, readonly TurnRow[]>> = {
  1: [
    ["f-rivera", 0, 240],
    ["f-okafor", 245, 400, "f-rivera"],
    ["m-hope", 410, 500, "f-rivera"],
    ["m-will", 505, 590],
    ["m-sofia", 600, 650],
    ["m-aroha", 655, 730],
    ["m-jamal", 735, 790],
    ["m-grace", 795, 880],
    ["m-tomasz", 885, 940],
    ["m-lena", 945, 1040],
    ["f-rivera", 1045, 1300],
    ["m-grace", 1310, 1380, "f-rivera"],
    ["f-okafor", 1385, 1500, "m-grace"],
    ["m-hope", 1505, 1620],
    ["m-will", 1625, 1700, "m-hope"],
  ],
  7: [
    ["f-rivera", 0, 180],
    ["m-will", 185, 520],
    ["m-grace", 510, 515],
    ["m-will", 520, 800],
    ["m-aroha", 810, 900, "m-will"],
    ["m-will", 880, 1100, "m-aroha"],
    ["m-lena", 1110, 1190, "m-will"],
    ["f-okafor", 1195, 1330, "m-lena"],
    ["m-hope", 1340, 1420, "m-lena"],
    ["m-will", 1425, 1700, "m-hope"],
    ["m-tomasz", 1710, 1760],
    ["f-rivera", 1765, 1980],
    ["m-grace", 1990, 2100, "f-rivera"],
  ],
  12: [
    ["f-rivera", 0, 200],
    ["m-hope", 210, 360],
    ["m-will", 365, 480, "m-hope"],
    ["m-sofia", 490, 640],
    ["m-aroha", 650, 790, "m-sofia"],
    ["m-grace", 800, 930],
    ["m-tomasz", 940, 1060],
    ["m-lena", 1070, 1230],
    ["f-okafor", 1240, 1420],
    ["m-sofia", 1430, 1510, "f-okafor"],
    ["f-rivera", 1520, 1700],
  ],
};

function turnsFromRows(): NonNullable<GroupRecordInput["turns"]> {
  return Object.entries(TURNS).flatMap(([sequence, rows]) =>
    rows.map(([memberId, start, end, respondsTo]) => ({
      sessionId: sessionId(Number(sequence)),
      memberId,
      start,
      end,
      ...(respondsTo === undefined ? {} : { respondsTo }),
    })),
  );
}

const MEMBER_IDS = Object.keys(ATTENDANCE_GRID);

/**
 * The bundled sample: a fictional 12-session closed grief support group, as a host system would send it.
 *
 * Two facilitators and eight members; session 5 was cancelled (an ice storm), so 11 sessions were held; Jamal dropped
 * out after session 4; Grace often arrives late; Lena has one excused absence; speaking turns are recorded for sessions
 * 1, 7 and 12; the group agreement is signed and four consents are on file (one revoked). Sessions straddle the start of
 * daylight saving time in the group's zone, America/Chicago.
 *
 * It is plain wire data (ids are plain strings): pass it to `parseGroupRecord` as a host's data would be. It is frozen,
 * and typed read-only to match: build a changed copy by spreading the parts that change
 * (`{ ...sampleGroupRecord, group: { ...sampleGroupRecord.group, name } }`).
 *
 * @example
 * const result = parseGroupRecord(sampleGroupRecord);
 * result.ok && result.value.sessions.filter((session) => session.status === "held").length
 * //=> 11
 */
export const sampleGroupRecord: SampleGroupRecord = deepFreeze({
  group: {
    id: GROUP_ID,
    name: "Thursday Evening Grief Support",
    purpose:
      "A closed, 12-week group for adults in the first two years after the death of someone close, to share the experience of grief, learn about it and build support.",
    kind: "support",
    membership: "closed",
    participation: "optional",
    plannedSessions: 12,
    capacity: 10,
    timeZone: "America/Chicago",
    startDate: "2026-02-05",
    endDate: "2026-04-23",
    stageModel: "tuckman",
  },
  members: [
    { id: "f-rivera", displayName: "Dana Rivera", pronouns: "she/her", preferredLanguage: "en" },
    { id: "f-okafor", displayName: "Chidi Okafor", pronouns: "he/him", preferredLanguage: "en" },
    { id: "m-hope", displayName: "Hope Lindqvist", pronouns: "she/her", birthDate: "1961-07-14" },
    { id: "m-will", displayName: "William Chen", preferredName: "Will", pronouns: "he/him", birthDate: "1979-11-02" },
    {
      id: "m-sofia",
      displayName: "Sofía Márquez",
      pronouns: "she/her",
      preferredLanguage: "es",
      birthDate: "1990-03-30",
    },
    { id: "m-aroha", displayName: "Aroha Ngata", pronouns: "she/her", birthDate: "1985-01-19" },
    { id: "m-jamal", displayName: "Jamal Price", pronouns: "he/him", birthDate: "1972-05-08" },
    { id: "m-grace", displayName: "Grace O'Neill", pronouns: "she/her", birthDate: "1958-09-23" },
    {
      id: "m-tomasz",
      displayName: "Tomasz Wójcik",
      preferredName: "Tom",
      pronouns: "he/him",
      accessibilityNeeds: ["Step-free access to the group room"],
      birthDate: "1949-12-01",
    },
    {
      id: "m-lena",
      displayName: "Lena Hoffmann",
      pronouns: "she/her",
      accessibilityNeeds: ["Hearing loop in the group room"],
      birthDate: "1966-04-11",
    },
  ],
  memberships: [
    {
      groupId: GROUP_ID,
      memberId: "f-rivera",
      role: "facilitator",
      period: { start: "2026-02-05", end: "2026-04-23" },
      exitReason: "completed",
    },
    {
      groupId: GROUP_ID,
      memberId: "f-okafor",
      role: "co-facilitator",
      period: { start: "2026-02-05", end: "2026-04-23" },
      exitReason: "completed",
    },
    ...MEMBER_IDS.map((memberId) =>
      memberId === "m-jamal"
        ? {
            groupId: GROUP_ID,
            memberId,
            role: "member" as const,
            period: { start: "2026-02-05", end: "2026-03-31" },
            exitReason: "dropped-out" as const,
          }
        : {
            groupId: GROUP_ID,
            memberId,
            role: "member" as const,
            period: { start: "2026-02-05", end: "2026-04-23" },
            exitReason: "completed" as const,
          },
    ),
  ],
  sessions: SESSION_PLAN.map((plan, index) => ({
    id: sessionId(index + 1),
    groupId: GROUP_ID,
    sequence: index + 1,
    scheduledStart: at(index + 1, "18:00:00"),
    durationMinutes: 90,
    status: plan.status,
    mode: "in-person" as const,
    topic: plan.topic,
    interventions:
      index === 2 || index === 9 ? ["psychoeducation" as const, "mindfulness" as const] : ["psychoeducation" as const],
  })),
  attendance: attendanceFromGrid(),
  turns: turnsFromRows(),
  interactionActs: [
    { sessionId: "s-07", memberId: "m-will", category: 5, at: 200 },
    { sessionId: "s-07", memberId: "m-will", category: 12, addresseeId: "m-aroha", at: 900 },
    { sessionId: "s-07", memberId: "m-aroha", category: 10, addresseeId: "m-will", at: 820 },
    { sessionId: "s-07", memberId: "m-lena", category: 11, at: 1120 },
    { sessionId: "s-07", memberId: "f-okafor", category: 6, at: 1200 },
    { sessionId: "s-07", memberId: "m-hope", category: 1, addresseeId: "m-lena", at: 1350 },
    { sessionId: "s-07", memberId: "m-hope", category: 3, addresseeId: "m-lena", at: 1400 },
    { sessionId: "s-07", memberId: "m-grace", category: 8, at: 2000 },
    { sessionId: "s-07", memberId: "m-tomasz", category: 2, at: 1720 },
    { sessionId: "s-07", memberId: "f-rivera", category: 7, at: 1800 },
  ],
  agreements: [
    {
      version: "1",
      adoptedOn: "2026-02-05",
      norms: [
        "Start and end on time; let the facilitators know if you cannot come.",
        "Speak from your own experience and let others finish.",
        "There is no right way to grieve: no advice unless it is asked for.",
        "You may pass on any question.",
      ],
      confidentialityTerms: [
        "What members share stays in the group; we may talk about what we learned, never about who said it.",
        "We do not greet each other in public unless the other person greets first.",
        "Facilitators keep records as the agency's privacy notice describes and must act if someone is at risk of serious harm.",
      ],
      limitsExplained: true,
      signatures: MEMBER_IDS.map((memberId) => ({ memberId, signedOn: "2026-02-05", form: "written" as const })),
    },
  ],
  consents: [
    {
      id: "c-hope-pcp",
      memberId: "m-hope",
      grantedBy: "self",
      recipients: [{ kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" }],
      purposes: ["TREAT", "COC"],
      dataClasses: ["attendance", "progress-note"],
      validFrom: "2026-02-05T18:40:00-06:00",
      validUntil: "2027-02-05T23:59:59-06:00",
      form: "written",
      legalBasis: "hipaa-authorization",
    },
    {
      id: "c-aroha-research",
      memberId: "m-aroha",
      grantedBy: "self",
      recipients: [{ kind: "researcher", organisation: "Midwest Bereavement Support Study" }],
      purposes: ["HRESCH"],
      dataClasses: ["attendance"],
      validFrom: "2026-02-05T18:45:00-06:00",
      form: "electronic",
      legalBasis: "hipaa-authorization",
    },
    {
      id: "c-lena-daughter",
      memberId: "m-lena",
      grantedBy: "self",
      recipients: [{ kind: "family-or-guardian", name: "Katrin Hoffmann" }],
      purposes: ["FAMRQT"],
      dataClasses: ["attendance"],
      validFrom: "2026-02-12T19:30:00-06:00",
      validUntil: "2027-02-12T23:59:59-06:00",
      form: "written",
      legalBasis: "hipaa-authorization",
      withholdFrom: [{ kind: "family-or-guardian", name: "Mark Hoffmann" }],
    },
    {
      id: "c-jamal-counsellor",
      memberId: "m-jamal",
      grantedBy: "self",
      recipients: [{ kind: "outside-provider", name: "Renee Carter", organisation: "Northside Counselling" }],
      purposes: ["COC"],
      dataClasses: ["attendance"],
      validFrom: "2026-02-05T18:50:00-06:00",
      validUntil: "2026-12-31T23:59:59-06:00",
      revokedAt: "2026-03-30T10:15:00-05:00",
      form: "written",
      legalBasis: "hipaa-authorization",
    },
  ],
  stageEvents: GRIEF_GROUP_STAGE_LOG,
});

function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === "object" && value !== null) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  // Every object inside was frozen just above, which is what DeepReadonly says.
  return value as DeepReadonly<T>;
}
