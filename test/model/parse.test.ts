import { describe, expect, it } from "vitest";
import {
  formatGroupRecordIssues,
  type GroupRecordIssue,
  type GroupRecordIssueCode,
  GroupworkError,
  type IssuePath,
  type ParseGroupRecordResult,
  parseGroupRecord,
} from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import {
  append,
  change,
  type Edit,
  edited,
  type MalformedRecordCase,
  malformedRecords,
} from "../fixtures/malformed-records";
import { errorsOf, located, okValue } from "../fixtures/results";

// Indexes into the sample are read off its construction; see the header of test/fixtures/malformed-records.ts.

const SHAPE_CODES: ReadonlySet<GroupRecordIssueCode> = new Set([
  "missing-field",
  "wrong-type",
  "invalid-value",
  "invalid-format",
  "out-of-range",
  "empty-text",
  "unknown-field",
  "unknown-time-zone",
  "invalid-language-tag",
  "invalid-shape",
]);

/** A path the way a person writes it, `attendance[84].memberId`; written here, not borrowed from the library. */
function written(path: IssuePath): string {
  return path
    .map((segment, index) => (typeof segment === "number" ? `[${segment}]` : index === 0 ? segment : `.${segment}`))
    .join("");
}

function valueIn(input: unknown, path: IssuePath): unknown {
  let current = input;
  for (const segment of path) {
    if (typeof current !== "object" || current === null) return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/**
 * The ways a message may say where its problem is: the whole path (`consents[1].id`), the entry that holds it
 * (`consents[1]`), or the offending value itself (`"m-nobody"`, `2026-01-31`).
 */
function placesOf(path: IssuePath, input: unknown): string[] {
  const places = [written(path)];
  const entryEnd = path.findIndex((segment) => typeof segment === "number");
  if (entryEnd >= 0) places.push(written(path.slice(0, entryEnd + 1)));
  const value = valueIn(input, path);
  if (typeof value === "string" || typeof value === "number") places.push(String(value));
  return places;
}

function mentionsItsPlace(issue: GroupRecordIssue, input: unknown): boolean {
  return placesOf(issue.path, input).some((place) => issue.message.includes(place));
}

function withoutAttendanceOf(memberId: string): Edit {
  return (record) => {
    const attendance = record["attendance"];
    if (!Array.isArray(attendance)) throw new Error("the sample has an attendance list");
    record["attendance"] = attendance.filter((entry: unknown) => valueIn(entry, ["memberId"]) !== memberId);
  };
}

describe("parseGroupRecord on the bundled sample", () => {
  it("accepts it with no issues at all, not even warnings", () => {
    const result = parseGroupRecord(sampleGroupRecord);
    expect(result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it("fills in defaults: interpreterNeeded false where the sample leaves it out", () => {
    const value = okValue(parseGroupRecord(sampleGroupRecord));
    expect(value.members[0]).toMatchObject({ id: "f-rivera", interpreterNeeded: false, accessibilityNeeds: [] });
  });
});

describe("the malformed-record fixtures", () => {
  it("hold at least 40 cases with distinct names", () => {
    const names = malformedRecords.map((entry) => entry.name);
    expect(names.length).toBeGreaterThanOrEqual(40);
    expect(new Set(names).size).toBe(names.length);
  });

  it("build a fresh record on every call", () => {
    for (const entry of malformedRecords) expect(entry.build()).not.toBe(entry.build());
  });
});

function expectReported(entry: MalformedRecordCase): void {
  const input = entry.build();
  const before = structuredClone(input);
  const result = parseGroupRecord(input);

  expect(result.ok).toBe(false);
  // Exactly these errors: one mistake gives one issue, so nothing else may be reported.
  expect(located(errorsOf(result))).toEqual(entry.expected);
  // A shape case is caught by the shape check; a reference case has a valid shape, so no shape code may appear.
  const shapeCodes = result.issues.filter((issue) => SHAPE_CODES.has(issue.code));
  if (entry.shape) expect(shapeCodes.length).toBeGreaterThan(0);
  else expect(located(shapeCodes)).toEqual([]);

  for (const issue of result.issues) expect(issue.message.trim()).not.toBe("");
  const unplaced = errorsOf(result).filter((issue) => !mentionsItsPlace(issue, input));
  expect(located(unplaced)).toEqual([]);
  expect(input).toEqual(before);
}

describe("parseGroupRecord on each malformed record", () => {
  for (const entry of malformedRecords) it(entry.name, () => expectReported(entry));
});

describe("parseGroupRecord with several problems at once", () => {
  it("reports every one: a shape error in one attendance entry and reference errors elsewhere", () => {
    const input = edited(
      change(["attendance", 52], { memberId: "m-grace", sessionId: "s-02" }, { status: "tardy" }),
      change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-nobody" }),
      change(["consents", 1], { id: "c-aroha-research" }, { id: "c-hope-pcp" }),
      append("attendance", 84, { sessionId: "s-10", memberId: "m-jamal", status: "present" }),
    );
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(false);
    const errors = located(errorsOf(result));
    expect(errors).toHaveLength(4);
    expect(errors).toEqual(
      expect.arrayContaining([
        { code: "invalid-value", path: ["attendance", 52, "status"], severity: "error" },
        { code: "unknown-member", path: ["attendance", 0, "memberId"], severity: "error" },
        { code: "duplicate-id", path: ["consents", 1, "id"], severity: "error" },
        { code: "member-not-enrolled", path: ["attendance", 84, "memberId"], severity: "error" },
      ]),
    );
  });

  it("reports shape errors in two entries of the same list separately", () => {
    const input = edited(
      change(["members", 3], { id: "m-will" }, { displayName: "   " }),
      change(["members", 4], { id: "m-sofia" }, { preferredLanguage: "es_MX" }),
    );
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "empty-text", path: ["members", 3, "displayName"], severity: "error" },
      { code: "invalid-language-tag", path: ["members", 4, "preferredLanguage"], severity: "error" },
    ]);
  });
});

const GROUP_NAME = { name: "Thursday Evening Grief Support" };

describe("parseGroupRecord does not cascade", () => {
  it("reports a broken member entry once, not again at each attendance, turn, act or signature naming that member", () => {
    const input = edited(change(["members", 3], { id: "m-will" }, { displayName: "   " }));
    // Will is named throughout the record, so a cascade would be visible.
    expect(valueIn(input, ["attendance", 11, "memberId"])).toBe("m-will");
    expect(valueIn(input, ["turns", 3, "memberId"])).toBe("m-will");
    expect(valueIn(input, ["agreements", 0, "signatures", 1, "memberId"])).toBe("m-will");

    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "empty-text", path: ["members", 3, "displayName"], severity: "error" },
    ]);
  });

  it("reports a missing members list once, without an unknown-member error for every reference", () => {
    const input = edited(change([], {}, { members: undefined }));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "missing-field", path: ["members"], severity: "error" },
    ]);
  });

  it("reports a broken membership once, not again as every attendance of that member being outside enrollment", () => {
    const input = edited(change(["memberships", 2], { memberId: "m-hope" }, { role: "boss" }));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "invalid-value", path: ["memberships", 2, "role"], severity: "error" },
    ]);
  });

  it("still checks enrollment days when the group is broken but its time zone is readable", () => {
    const input = edited(
      change(["group"], GROUP_NAME, { name: undefined }),
      append("attendance", 84, { sessionId: "s-10", memberId: "m-jamal", status: "absent" }),
    );
    expect(located(errorsOf(parseGroupRecord(input)))).toEqual([
      { code: "missing-field", path: ["group", "name"], severity: "error" },
      { code: "member-not-enrolled", path: ["attendance", 84, "memberId"], severity: "error" },
    ]);
  });

  it("reports a broken session entry once, not again at each attendance record, turn and act in that session", () => {
    const input = edited(change(["sessions", 6], { id: "s-07" }, { status: "postponed" }));
    expect(valueIn(input, ["attendance", 5, "sessionId"])).toBe("s-07");
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "invalid-value", path: ["sessions", 6, "status"], severity: "error" },
    ]);
  });
});

describe("parseGroupRecord warnings", () => {
  it("accepts a group without a facilitator, with a no-facilitator warning", () => {
    const input = edited(
      change(["memberships", 0], { memberId: "f-rivera", role: "facilitator" }, { role: "observer" }),
      change(["memberships", 1], { memberId: "f-okafor", role: "co-facilitator" }, { role: "observer" }),
    );
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(true);
    expect(located(result.issues)).toEqual([{ code: "no-facilitator", path: ["memberships"], severity: "warning" }]);
  });

  it("warns about a member with no attendance at all (Lena's 11 records removed)", () => {
    const input = edited(withoutAttendanceOf("m-lena"));
    expect(valueIn(input, ["attendance"])).toHaveLength(73);
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(true);
    expect(located(result.issues)).toEqual([
      { code: "member-without-attendance", path: ["members", 9], severity: "warning" },
    ]);
    expect(result.issues[0]?.message).toContain("m-lena");
  });

  it("warns once about a session that has attendance but is still scheduled", () => {
    const input = edited(change(["sessions", 11], { id: "s-12", status: "held" }, { status: "scheduled" }));
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(true);
    // Eight people have attendance at s-12, but the session is reported once.
    expect(located(result.issues)).toEqual([
      { code: "session-still-scheduled", path: ["sessions", 11, "status"], severity: "warning" },
    ]);
  });

  it("warns when the agreement does not record that the limits of confidentiality were explained (NASW 1.07(f))", () => {
    const input = edited(
      change(["agreements", 0], { version: "1", limitsExplained: true }, { limitsExplained: false }),
    );
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(true);
    expect(located(result.issues)).toEqual([
      { code: "limits-not-explained", path: ["agreements", 0, "limitsExplained"], severity: "warning" },
    ]);
  });

  it("warns about a turn and an act by a member marked absent (Hope at s-07: turns[23], interactionActs[5])", () => {
    const input = edited(change(["attendance", 5], { memberId: "m-hope", sessionId: "s-07" }, { status: "absent" }));
    expect(valueIn(input, ["turns", 23])).toMatchObject({ sessionId: "s-07", memberId: "m-hope" });
    const result = parseGroupRecord(input);
    expect(result.ok).toBe(true);
    expect(located(result.issues)).toEqual([
      { code: "speaker-marked-absent", path: ["turns", 23, "memberId"], severity: "warning" },
      // Her two acts in session 7 are interactionActs[5] and [6]; the warning comes once, at the first.
      { code: "speaker-marked-absent", path: ["interactionActs", 5, "memberId"], severity: "warning" },
    ]);
  });
});

describe("parseGroupRecord membership days", () => {
  // Jamal is absent at s-08. Moving s-08 to 19:30 CDT puts it at 00:30 UTC on 27 March, still 26 March in Chicago.
  const lateSession = change(["sessions", 7], { id: "s-08" }, { scheduledStart: "2026-03-26T19:30:00-05:00" });

  it("counts a session on its day in the group's time zone, not in UTC: a membership ending that day covers it", () => {
    const input = edited(
      lateSession,
      change(["memberships", 6], { memberId: "m-jamal" }, { period: { start: "2026-02-05", end: "2026-03-26" } }),
    );
    expect(valueIn(input, ["attendance", 50])).toMatchObject({ sessionId: "s-08", memberId: "m-jamal" });
    expect(parseGroupRecord(input)).toMatchObject({ ok: true, issues: [] });
  });

  it("rejects attendance the day after a membership ended", () => {
    const input = edited(
      lateSession,
      change(["memberships", 6], { memberId: "m-jamal" }, { period: { start: "2026-02-05", end: "2026-03-25" } }),
    );
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "member-not-enrolled", path: ["attendance", 50, "memberId"], severity: "error" },
    ]);
  });
});

describe("parseGroupRecord on overlapping memberships", () => {
  // Rivera's own membership runs 2026-02-05 to 2026-04-23; both extra ones lie inside it, and not inside each other.
  const riveraAgain = (start: string, end: string) => ({
    groupId: "grp-thursday-grief",
    memberId: "f-rivera",
    role: "facilitator",
    period: { start, end },
    exitReason: "completed",
  });

  it("reports a membership lying inside another", () => {
    const input = edited(append("memberships", 10, riveraAgain("2026-02-10", "2026-02-20")));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "overlapping-memberships", path: ["memberships", 10, "period"], severity: "error" },
    ]);
  });

  // Neighbours in start order are not enough: [11] follows [10], which ended earlier, but it still lies inside [0].
  it("reports each of two memberships lying inside a third", () => {
    const input = edited(
      append("memberships", 10, riveraAgain("2026-02-10", "2026-02-20")),
      append("memberships", 11, riveraAgain("2026-03-01", "2026-03-05")),
    );
    expect(located(errorsOf(parseGroupRecord(input)))).toEqual([
      { code: "overlapping-memberships", path: ["memberships", 10, "period"], severity: "error" },
      { code: "overlapping-memberships", path: ["memberships", 11, "period"], severity: "error" },
    ]);
  });
});

describe("parseGroupRecord on what people did in sessions", () => {
  it("rejects a turn and an act by a member on a day they were not enrolled", () => {
    // Jamal's membership ended on 31 March; session 12 was on 23 April. turns[29] is Hope's first turn there.
    const input = edited(
      change(["turns", 29], { memberId: "m-hope", sessionId: "s-12" }, { memberId: "m-jamal" }),
      change(
        ["interactionActs", 0],
        { memberId: "m-will", sessionId: "s-07" },
        { memberId: "m-jamal", sessionId: "s-12" },
      ),
    );
    expect(located(errorsOf(parseGroupRecord(input)))).toEqual([
      { code: "member-not-enrolled", path: ["turns", 29, "memberId"], severity: "error" },
      { code: "member-not-enrolled", path: ["interactionActs", 0, "memberId"], severity: "error" },
    ]);
  });

  it("rejects arrival or departure times on a record of someone who was not there", () => {
    // attendance[49] is Jamal's absence at session 7.
    const input = edited(
      change(["attendance", 49], { memberId: "m-jamal", status: "absent" }, { arrivedAt: "2026-03-19T18:05:00-05:00" }),
    );
    expect(located(errorsOf(parseGroupRecord(input)))).toEqual([
      { code: "times-for-absent-member", path: ["attendance", 49, "arrivedAt"], severity: "error" },
    ]);
  });
});

describe("parseGroupRecord keeps one mistake to one issue", () => {
  it("does not check member references against a list with an entry whose id cannot be read", () => {
    const input = edited(change(["members", 2], { id: "m-hope" }, { id: undefined }));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "missing-field", path: ["members", 2, "id"], severity: "error" },
    ]);
  });

  it("does not judge enrollment by a membership that ends before it starts", () => {
    const input = edited(change(["memberships", 2, "period"], { start: "2026-02-05" }, { end: "2026-01-01" }));
    expect(located(errorsOf(parseGroupRecord(input)))).toEqual([
      { code: "period-ends-before-start", path: ["memberships", 2, "period", "end"], severity: "error" },
    ]);
  });

  it("does not judge enrollment when a membership entry is too broken to say whose it is", () => {
    const input = edited(change(["memberships", 2], { memberId: "m-hope" }, { memberId: null }));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "wrong-type", path: ["memberships", 2, "memberId"], severity: "error" },
    ]);
  });

  it("reports a session wrongly marked as not held once per list, counting its entries", () => {
    // Session 1 has 8 attendance records (attendance[0] first), 15 turns (turns[0] first), no acts, and one
    // SESSION_HELD entry in the stage log (stageEvents[1], after the agreement was adopted).
    const input = edited(change(["sessions", 0], { id: "s-01" }, { status: "did-not-take-place" }));
    const issues = errorsOf(parseGroupRecord(input));
    expect(located(issues)).toEqual([
      { code: "session-not-held", path: ["attendance", 0, "sessionId"], severity: "error" },
      { code: "session-not-held", path: ["turns", 0, "sessionId"], severity: "error" },
      { code: "session-not-held", path: ["stageEvents", 1, "sessionId"], severity: "error" },
    ]);
    expect(issues[2]?.message).toMatch(/^stageEvents\[1\] is for session 1 \("s-01"\)/);
    expect(issues[0]?.message).toMatch(
      /^8 attendance entries, the first attendance\[0\], are for session 1 \("s-01"\), which did not take place/,
    );
    expect(issues[1]?.message).toMatch(/^15 turns entries/);
  });
});

describe("parseGroupRecord messages", () => {
  it("quote ids as JSON and cut long ones, so an id cannot forge a line of formatted output", () => {
    const forged = "ghost\nerror unknown-member at attendance[1].memberId: fake";
    const input = edited(change(["attendance", 0], { memberId: "m-hope" }, { memberId: forged }));
    const formatted = formatGroupRecordIssues(parseGroupRecord(input).issues);
    expect(formatted.split("\n")).toHaveLength(1);
    expect(formatted).toContain(JSON.stringify(forged));

    const long = "x".repeat(1_000);
    const message = parseGroupRecord(edited(change(["attendance", 0], { memberId: "m-hope" }, { memberId: long })))
      .issues[0]?.message;
    expect(message?.length).toBeLessThan(200);
    expect(message).toContain(`"${"x".repeat(63)}…"`);
  });

  it("describe a sentence typed into a coded field instead of repeating it", () => {
    const input = edited(change(["attendance", 0], { memberId: "m-hope" }, { status: "Hope cried all session" }));
    const [issue] = parseGroupRecord(input).issues;
    expect(issue?.message).toBe(
      "attendance[0].status is text, which is not one of: present, late, left-early, excused, absent, not-recorded.",
    );
  });
});

describe("parseGroupRecord on keys that name prototypes", () => {
  // JSON.parse makes "__proto__" an own key; copying it by assignment would turn it into the copy's prototype.
  const withProtoKey = () =>
    JSON.parse(
      JSON.stringify(sampleGroupRecord).replace(
        '"displayName":"Dana Rivera"',
        '"displayName":"Dana Rivera","__proto__":{"polluted":true}',
      ),
    ) as unknown;

  it("reports them as unknown fields, and leaves them out without touching any prototype", () => {
    expect(located(parseGroupRecord(withProtoKey()).issues)).toEqual([
      { code: "unknown-field", path: ["members", 0, "__proto__"], severity: "error" },
    ]);
    const result = parseGroupRecord(withProtoKey(), { unknownFields: "warn" });
    expect(located(result.issues)).toEqual([
      { code: "unknown-field", path: ["members", 0, "__proto__"], severity: "warning" },
    ]);
    const member = okValue(result).members[0];
    expect(Object.getPrototypeOf(member)).toBe(Object.prototype);
    expect(member).not.toHaveProperty("polluted");
    expect({}).not.toHaveProperty("polluted");
  });

  it("never lets such a key supply a field that is missing", () => {
    const withoutName = structuredClone(sampleGroupRecord) as unknown as { members: Record<string, unknown>[] };
    delete withoutName.members[0]?.["displayName"];
    const input: unknown = JSON.parse(
      JSON.stringify(withoutName).replace(
        '"id":"f-rivera"',
        '"id":"f-rivera","__proto__":{"displayName":"Dana Rivera"}',
      ),
    );
    expect(located(parseGroupRecord(input, { unknownFields: "warn" }).issues)).toEqual([
      { code: "unknown-field", path: ["members", 0, "__proto__"], severity: "warning" },
      { code: "missing-field", path: ["members", 0, "displayName"], severity: "error" },
    ]);
  });
});

describe('parseGroupRecord with unknownFields: "warn" on awkward input', () => {
  it("leaves out a deeply nested unknown field without walking into it", () => {
    const input = {
      ...structuredClone(sampleGroupRecord),
      extra: JSON.parse(`${"[".repeat(20_000)}${"]".repeat(20_000)}`),
    };
    expect(located(parseGroupRecord(input, { unknownFields: "warn" }).issues)).toEqual([
      { code: "unknown-field", path: ["extra"], severity: "warning" },
    ]);
  });

  it("still leaves out unknown fields when another value is not JSON, which is reported on its own", () => {
    const input = structuredClone(sampleGroupRecord) as unknown as {
      members: Record<string, unknown>[];
      extra?: number;
    };
    input.extra = 1;
    if (input.members[2]) input.members[2]["birthDate"] = new Date(Date.UTC(1961, 6, 14));
    expect(located(parseGroupRecord(input, { unknownFields: "warn" }).issues)).toEqual([
      { code: "wrong-type", path: ["members", 2, "birthDate"], severity: "error" },
      { code: "unknown-field", path: ["extra"], severity: "warning" },
    ]);
  });

  it("refuses options its types forbid with a GroupworkError", () => {
    expect(() => parseGroupRecord(sampleGroupRecord, { unknownFields: "ignore" as "warn" })).toThrow(
      /unknownFields must be "error" or "warn"/,
    );
    expect(() => parseGroupRecord(sampleGroupRecord, null as unknown as object)).toThrow(GroupworkError);
  });
});

describe("parseGroupRecord on a membership that ends before it starts", () => {
  const minimal = (memberships: readonly unknown[]) => ({
    group: {
      id: "g",
      name: "Parenting group",
      purpose: "Support for new parents",
      kind: "support",
      membership: "open",
      participation: "optional",
      timeZone: "UTC",
      startDate: "2026-03-01",
    },
    members: [{ id: "f", displayName: "Robin Ash" }],
    memberships,
  });
  const inverted = {
    groupId: "g",
    memberId: "f",
    role: "facilitator",
    period: { start: "2026-03-05", end: "2026-03-01" },
    exitReason: "other",
  };
  const valid = {
    groupId: "g",
    memberId: "f",
    role: "facilitator",
    period: { start: "2026-03-05", end: "2026-03-10" },
    exitReason: "other",
  };

  it("reports the inverted period alone, whichever comes first in the list", () => {
    expect(located(parseGroupRecord(minimal([inverted, valid])).issues)).toEqual([
      { code: "period-ends-before-start", path: ["memberships", 0, "period", "end"], severity: "error" },
    ]);
    expect(located(parseGroupRecord(minimal([valid, inverted])).issues)).toEqual([
      { code: "period-ends-before-start", path: ["memberships", 1, "period", "end"], severity: "error" },
    ]);
  });
});

describe('parseGroupRecord with unknownFields: "warn"', () => {
  const withExtras = () =>
    edited(
      change(["members", 3], { id: "m-will" }, { nickname: "Bill" }),
      change([], {}, { notes: "exported from the old system" }),
    );

  it("turns unknown fields into warnings and leaves them out of the value", () => {
    const result = parseGroupRecord(withExtras(), { unknownFields: "warn" });
    const value = okValue(result);
    expect(located(result.issues)).toEqual([
      { code: "unknown-field", path: ["members", 3, "nickname"], severity: "warning" },
      { code: "unknown-field", path: ["notes"], severity: "warning" },
    ]);
    expect(value.members[3]).toMatchObject({ id: "m-will", displayName: "William Chen" });
    expect(value.members[3]).not.toHaveProperty("nickname");
    expect(value).not.toHaveProperty("notes");
  });

  it("does not change the caller's input while leaving the fields out", () => {
    const input = withExtras();
    const before = structuredClone(input);
    parseGroupRecord(input, { unknownFields: "warn" });
    expect(input).toEqual(before);
    expect(valueIn(input, ["members", 3, "nickname"])).toBe("Bill");
    expect(valueIn(input, ["notes"])).toBe("exported from the old system");
  });

  it("still fails on other errors, with the unknown field as a warning beside them", () => {
    const input = edited(
      change(["members", 3], { id: "m-will" }, { nickname: "Bill" }),
      change(["attendance", 0], { memberId: "m-hope", sessionId: "s-01" }, { sessionId: "s-99" }),
    );
    const result = parseGroupRecord(input, { unknownFields: "warn" });
    expect(result.ok).toBe(false);
    expect(located(result.issues)).toEqual([
      { code: "unknown-field", path: ["members", 3, "nickname"], severity: "warning" },
      { code: "unknown-session", path: ["attendance", 0, "sessionId"], severity: "error" },
    ]);
  });

  it("is an error by default", () => {
    expect(located(parseGroupRecord(withExtras()).issues)).toEqual([
      { code: "unknown-field", path: ["members", 3, "nickname"], severity: "error" },
      { code: "unknown-field", path: ["notes"], severity: "error" },
    ]);
  });
});

describe("parseGroupRecord on input that is not a record at all", () => {
  it.each([
    { input: null, expected: [{ code: "wrong-type", path: [], severity: "error" }] },
    { input: 42, expected: [{ code: "wrong-type", path: [], severity: "error" }] },
    { input: "text", expected: [{ code: "wrong-type", path: [], severity: "error" }] },
    { input: [], expected: [{ code: "wrong-type", path: [], severity: "error" }] },
    { input: undefined, expected: [{ code: "missing-field", path: [], severity: "error" }] },
    {
      input: { group: null },
      expected: [
        { code: "wrong-type", path: ["group"], severity: "error" },
        { code: "missing-field", path: ["members"], severity: "error" },
        { code: "missing-field", path: ["memberships"], severity: "error" },
      ],
    },
  ])("returns ok: false with issues for $input, without throwing", ({ input, expected }) => {
    let result: ParseGroupRecordResult | undefined;
    expect(() => {
      result = parseGroupRecord(input);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    expect(located(result?.issues ?? [])).toEqual(expected);
    for (const issue of result?.issues ?? []) expect(issue.message.trim()).not.toBe("");
  });
});

describe("parseGroupRecord never changes its input", () => {
  it("leaves an unfrozen copy of the sample as it was, in either unknownFields mode", () => {
    const input = edited();
    const before = structuredClone(input);
    parseGroupRecord(input);
    parseGroupRecord(input, { unknownFields: "warn" });
    expect(input).toEqual(before);
  });

  for (const entry of malformedRecords) {
    it(`leaves "${entry.name}" as it was with unknownFields: "warn"`, () => {
      const input = entry.build();
      const before = structuredClone(input);
      parseGroupRecord(input, { unknownFields: "warn" });
      expect(input).toEqual(before);
    });
  }
});
