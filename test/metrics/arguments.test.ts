import { describe, expect, it } from "vitest";
import {
  absenceStreaks,
  attendanceSummary,
  attendanceTrend,
  detectDropout,
  interactionProfile,
  participationEquality,
  participationFlags,
  responseNetwork,
  retentionCurve,
  turnAnalytics,
} from "../../src/metrics/index";
import { type GroupRecord, GroupworkError, type InteractionAct, type Turn } from "../../src/model/index";
import { parsedRecord, thursdays } from "./attendance.fixture";

// Arguments the types forbid, each refused with a GroupworkError ("invalid-argument") that names where the bad value
// sits, never a TypeError from deep inside (or, worse, an answer).

function refuses(call: () => unknown, location: string): void {
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(GroupworkError);
  expect((thrown as GroupworkError).code).toBe("invalid-argument");
  expect((thrown as Error).message).toContain(location);
}

const base = parsedRecord({
  sessions: thursdays(3),
  people: [
    { id: "a", row: "P A A" },
    { id: "b", row: "P P P", period: { start: "2026-01-01", end: "2026-02-28" }, exitReason: "completed" },
    { id: "f", row: "P P P", role: "facilitator" },
  ],
});

/** A copy of the sample record with one part replaced, as a host's bad data would come. */
function broken(change: (record: { -readonly [K in keyof GroupRecord]: unknown[] | unknown }) => void): GroupRecord {
  const record = structuredClone(base) as unknown as { -readonly [K in keyof GroupRecord]: unknown };
  change(record as never);
  return record as unknown as GroupRecord;
}

type Mutable = Record<string, unknown>;
const at = (list: unknown, index: number) => (list as Mutable[])[index] as Mutable;

const attendanceMetrics: [string, (record: GroupRecord) => unknown][] = [
  ["attendanceSummary", (record) => attendanceSummary(record)],
  ["detectDropout", (record) => detectDropout(record, "a", { kind: "consecutive-misses", k: 2 })],
  ["retentionCurve", (record) => retentionCurve(record)],
  ["attendanceTrend", (record) => attendanceTrend(record, { interval: "week" })],
  ["participationFlags", (record) => participationFlags(record)],
];

const badRecords: [string, GroupRecord, string][] = [
  ["no record", null as unknown as GroupRecord, "record must be a group record; got null"],
  ["no group", broken((r) => Object.assign(r, { group: null })), "record.group must be a group; got null"],
  [
    "planned sessions as text",
    broken((r) => Object.assign(r.group as Mutable, { plannedSessions: "12" })),
    'record.group.plannedSessions must be a whole number from 1 to 2^53 − 1, when given; got "12"',
  ],
  [
    "planned sessions past the safe integers",
    broken((r) => Object.assign(r.group as Mutable, { plannedSessions: 1e308 })),
    "record.group.plannedSessions must be a whole number from 1 to 2^53 − 1, when given; got 1e+308",
  ],
  [
    "a membership list with a hole, a billion long",
    broken((r) => {
      (r.memberships as unknown[]).length = 1e9;
    }),
    "memberships[3] must be a membership; got undefined",
  ],
  [
    "a membership that is null",
    broken((r) => {
      (r.memberships as unknown[])[1] = null;
    }),
    "memberships[1] must be a membership; got null",
  ],
  [
    "a period that is null",
    broken((r) => Object.assign(at(r.memberships, 1), { period: null })),
    "memberships[1].period must be a period",
  ],
  [
    "a period starting with a Symbol",
    broken((r) => Object.assign(at(r.memberships, 1), { period: { start: Symbol("soon") } })),
    "memberships[1].period.start is a Symbol (soon), not a calendar date",
  ],
  [
    "a membership without a person",
    broken((r) => Object.assign(at(r.memberships, 0), { memberId: "" })),
    'memberships[0].memberId must be an id, a string that is not blank; got ""',
  ],
  [
    "a role outside the vocabulary",
    broken((r) => Object.assign(at(r.memberships, 0), { role: "client" })),
    'memberships[0].role is "client", not one of',
  ],
  [
    "an exit reason that is a number",
    broken((r) => Object.assign(at(r.memberships, 1), { exitReason: 3 })),
    "memberships[1].exitReason is 3, not one of",
  ],
  [
    "a Symbol start time",
    broken((r) => Object.assign(at(r.sessions, 2), { scheduledStart: Symbol("six") })),
    "sessions[2].scheduledStart is a Symbol (six), not an ISO 8601 instant",
  ],
  [
    "a session that is null",
    broken((r) => {
      (r.sessions as unknown[])[0] = null;
    }),
    "sessions[0] must be a session; got null",
  ],
  [
    "a session id that is a number",
    broken((r) => Object.assign(at(r.sessions, 1), { id: 2 })),
    "sessions[1].id must be an id, a string that is not blank; got 2",
  ],
  [
    "a session number that is NaN",
    broken((r) => Object.assign(at(r.sessions, 1), { sequence: Number.NaN })),
    "sessions[1].sequence must be a whole number from 1 to 2^53 − 1; got NaN",
  ],
  [
    "a session number past the safe integers",
    broken((r) => Object.assign(at(r.sessions, 1), { sequence: 2 ** 53 + 2 })),
    "sessions[1].sequence must be a whole number from 1 to 2^53 − 1; got 9007199254740994",
  ],
  [
    "two sessions with the same number",
    broken((r) => Object.assign(at(r.sessions, 2), { sequence: 1 })),
    "sessions[0] and sessions[2] are both session 1; number each session once",
  ],
  [
    "a session list with a hole in the middle",
    broken((r) => {
      delete (r.sessions as unknown[])[1];
    }),
    "sessions[1] must be a session; got undefined",
  ],
  [
    "a session list with a hole, a billion long",
    broken((r) => {
      (r.sessions as unknown[]).length = 1e9;
    }),
    "sessions[3] must be a session; got undefined",
  ],
  [
    "a session status outside the vocabulary",
    broken((r) => Object.assign(at(r.sessions, 0), { status: "done" })),
    'sessions[0].status is "done", not one of',
  ],
  [
    "an attendance record without a person, late in the list",
    broken((r) => {
      const list = r.attendance as Mutable[];
      delete (list[list.length - 1] as Mutable)["memberId"];
    }),
    "attendance[8].memberId must be an id, a string that is not blank; got undefined",
  ],
  [
    "an attendance record naming its session by number",
    broken((r) => Object.assign(at(r.attendance, 4), { sessionId: 2 })),
    "attendance[4].sessionId must be an id, a string that is not blank; got 2",
  ],
  [
    "an attendance record that is a null-prototype object with no fields",
    broken((r) => {
      (r.attendance as unknown[])[3] = Object.create(null);
    }),
    "attendance[3].status is undefined, not an attendance status",
  ],
];

describe("the attendance metrics refuse a record that is not what its types say, naming the part", () => {
  it("reads the base record", () => {
    // The base record is sound: every metric answers, so each failure below is the change's doing.
    for (const [, metric] of attendanceMetrics) expect(() => metric(base)).not.toThrow();
    expect(base.attendance).toHaveLength(9);
  });

  for (const [name, metric] of attendanceMetrics) {
    it.each(badRecords)(`${name}: %s`, (_, record, location) => {
      refuses(() => metric(record), `${name}: ${location}`);
    });
  }

  it("refuses a billion-long sparse list at its first hole, without walking the rest", () => {
    const memberships: unknown[] = [...base.memberships];
    memberships.length = 1e9;
    const sparse = { ...base, memberships } as unknown as GroupRecord;
    for (const [name, metric] of attendanceMetrics) {
      const started = performance.now();
      refuses(() => metric(sparse), `${name}: memberships[3] must be a membership; got undefined`);
      // Walking a billion empty positions takes seconds; refusing at position 3 takes well under a millisecond.
      expect(performance.now() - started).toBeLessThan(500);
    }
  });

  it("detectDropout: a member id that is not a string", () => {
    refuses(
      () => detectDropout(base, 7 as unknown as string, { kind: "consecutive-misses", k: 2 }),
      "detectDropout: memberId must be an id, a string that is not blank; got 7",
    );
  });

  it("participationFlags: turns that are not turns", () => {
    const withTurns = (turns: unknown[]) => ({ ...base, turns: turns as Turn[] });
    const good = { sessionId: "s1", memberId: "a", start: 0, end: 10 };
    refuses(
      () => participationFlags(withTurns([good, null])),
      "participationFlags: record.turns[1] must be a speaking turn",
    );
    refuses(
      () => participationFlags(withTurns([good, { ...good, memberId: Number.NaN }])),
      "participationFlags: record.turns[1].memberId must be an id, a string that is not blank; got NaN",
    );
    const sparse = [good];
    sparse.length = 1e9;
    refuses(() => participationFlags(withTurns(sparse)), "participationFlags: record.turns[1] must be a speaking turn");
  });

  it("absenceStreaks: statuses and options that are not what their types say", () => {
    refuses(() => absenceStreaks(["present", Symbol("late") as never]), "statuses[1] is a Symbol (late)");
    refuses(
      () => absenceStreaks([], Symbol("o") as never),
      "absenceStreaks: options must be an object; got a Symbol (o)",
    );
  });
});

const turn = { sessionId: "s-1", memberId: "m-ana", start: 0, end: 1 } as unknown as Turn;

describe("turnAnalytics and responseNetwork refuse turns whose ids or times are not what their types say", () => {
  const badTurns: [string, unknown[], string][] = [
    [
      "a member id that is NaN",
      [{ ...turn, memberId: Number.NaN }],
      "turns[0].memberId must be an id, a string that is not blank; got NaN",
    ],
    [
      "an empty session id",
      [turn, { ...turn, sessionId: "" }],
      'turns[1].sessionId must be an id, a string that is not blank; got ""',
    ],
    [
      "a session id of a zero-width space",
      [turn, { ...turn, sessionId: "\u200b" }],
      'turns[1].sessionId must be an id, a string that is not blank; got "\u200b"',
    ],
    [
      "a session id of white space only",
      [turn, { ...turn, sessionId: " \t" }],
      'turns[1].sessionId must be an id, a string that is not blank; got " \\t"',
    ],
    [
      "respondsTo a number",
      [turn, { ...turn, respondsTo: 5 }],
      "turns[1].respondsTo must be an id, a string that is not blank; got 5",
    ],
    ["a Symbol start", [turn, { ...turn, start: Symbol("t") }], "turns[1] runs from a Symbol (t) to 1 s"],
    ["BigInt times", [{ ...turn, start: 0n, end: 1n }], "turns[0] runs from the BigInt 0n to the BigInt 1n s"],
    ["a null-prototype object", [Object.create(null)], "turns[0].sessionId must be an id"],
    ["null late in the list", [turn, turn, null], "turns[2] must be a speaking turn; got null"],
  ];

  it.each(badTurns)("turnAnalytics: %s", (_, turns, location) => {
    refuses(() => turnAnalytics(turns as Turn[], []), `turnAnalytics: ${location}`);
  });

  it.each(badTurns)("responseNetwork: %s", (_, turns, location) => {
    refuses(() => responseNetwork(turns as Turn[]), `responseNetwork: ${location}`);
  });

  it("turnAnalytics: a roster entry that is not an id", () => {
    refuses(() => turnAnalytics([turn], ["m-ana", 3] as never), "turnAnalytics: roster[1] must be an id");
  });

  it("turnAnalytics: times that add up past the largest number, rather than a talk time of Infinity", () => {
    // Each turn is finite (1.7e308 s), but two of them add up to more than a double holds (about 1.8e308).
    const long = [
      { ...turn, start: 0, end: 1.7e308 },
      { ...turn, memberId: "m-ben", start: 0, end: 1.7e308 },
    ];
    refuses(() => turnAnalytics(long as Turn[], []), 'turnAnalytics: the turns of session "s-1" add up to more');
    const apart = [
      { ...turn, start: 0, end: 1.7e308 },
      { ...turn, sessionId: "s-2", start: 0, end: 1.7e308 },
    ];
    refuses(() => turnAnalytics(apart as Turn[], []), "turnAnalytics: the turns add up to more");
  });
});

describe("interactionProfile and participationEquality refuse entries that are not what their types say", () => {
  const act = { sessionId: "s-1", memberId: "m-ana", category: 3 };
  it.each([
    ["null", [act, null], "acts[1] must be a scored act; got null"],
    [
      "a member id that is a number",
      [act, { ...act, memberId: 4 }],
      "acts[1].memberId must be an id, a string that is not blank; got 4",
    ],
    ["no session", [{ ...act, sessionId: undefined }], "acts[0].sessionId must be an id"],
    ["an empty addressee", [{ ...act, addresseeId: "" }], "acts[0].addresseeId must be an id"],
    ["a negative time", [{ ...act, at: -1 }], "acts[0].at is -1"],
    ["a Symbol category", [{ ...act, category: Symbol("c") }], "acts[0].category is a Symbol (c)"],
  ])("interactionProfile: %s", (_, acts, location) => {
    refuses(() => interactionProfile(acts as InteractionAct[]), `interactionProfile: ${location}`);
  });

  it("participationEquality: a null-prototype object or a BigInt as a value", () => {
    refuses(
      () => participationEquality([Object.create(null)]),
      "participationEquality: values[0] is an object with no prototype (no keys)",
    );
    refuses(() => participationEquality([1, 2n as never]), "participationEquality: values[1] is the BigInt 2n");
  });
});

describe("a record or turn that throws when read (a revoked Proxy, a throwing getter)", () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };

  it("is a GroupworkError naming the record, for every attendance metric", () => {
    const record = { ...base, group: revoked() } as unknown as GroupRecord;
    const message = "record could not be read (reading it threw \"Cannot perform 'IsArray' on a proxy";
    refuses(() => attendanceSummary(record), `attendanceSummary: ${message}`);
    refuses(() => detectDropout(record, "m-a", { kind: "consecutive-misses", k: 2 }), `detectDropout: ${message}`);
    refuses(() => retentionCurve(record), `retentionCurve: ${message}`);
    refuses(() => attendanceTrend(record, { interval: "week" }), `attendanceTrend: ${message}`);
    refuses(() => participationFlags(record), `participationFlags: ${message}`);
  });

  it("is a GroupworkError naming the record when a field's getter throws", () => {
    const group = Object.defineProperty({ ...base.group }, "timeZone", {
      enumerable: true,
      get() {
        throw new Error("the host's store is closed");
      },
    });
    refuses(
      () => attendanceSummary({ ...base, group } as GroupRecord),
      'attendanceSummary: record could not be read (reading it threw "the host\'s store is closed")',
    );
  });

  it("is a GroupworkError naming the turns in turnAnalytics", () => {
    refuses(
      () => turnAnalytics([revoked() as Turn], ["m-a"]),
      "turnAnalytics: turns could not be read (reading it threw \"Cannot perform 'IsArray' on a proxy",
    );
  });
});
