import { describe, expect, it } from "vitest";
import { z } from "zod";
import { formatIssuePath, GroupworkError, isActiveMember, isMinor, parseGroupRecord } from "../../src/model/index";
import { fromZodIssues } from "../../src/model/shape-issues";
import { located } from "../fixtures/results";
import { append, change, edited } from "../fixtures/sample-edits";

// Edges of the rules, each with its expected value worked out by hand from the sample (src/sample/grief-group.ts; the
// index map is in test/fixtures/sample-edits.ts) or from the documented rule. Most were found by mutating the code and
// seeing which changes no test noticed.

const GROUP = { id: "grp-thursday-grief" };
const loc = (input: unknown) => located(parseGroupRecord(input).issues);

describe("parseGroupRecord at the edges of its rules", () => {
  it("11 held of 11 planned is not over plan", () => {
    expect(loc(edited(change(["group"], GROUP, { plannedSessions: 11 })))).toEqual([]);
  });
  it("two sessions at the same instant are not out of order", () => {
    const input = edited(change(["sessions", 2], { id: "s-03" }, { scheduledStart: "2026-02-13T00:00:00Z" }));
    expect(loc(input)).toEqual([
      { code: "time-outside-session", path: ["attendance", 46, "arrivedAt"], severity: "warning" },
    ]);
  });
  it.each(["tuckman", "boston", "relational", "toseland-rivas"])("stage model %s is known", (stageModel) => {
    expect(loc(edited(change(["group"], GROUP, { stageModel })))).toEqual([]);
  });
  it("arrival exactly an hour early is fine, a second more is not", () => {
    const at = (arrivedAt: string) =>
      loc(edited(change(["attendance", 52], { memberId: "m-grace", status: "late" }, { arrivedAt })));
    expect(at("2026-02-12T17:00:00-06:00")).toEqual([]);
    expect(at("2026-02-12T16:59:59-06:00")).toEqual([
      { code: "time-outside-session", path: ["attendance", 52, "arrivedAt"], severity: "warning" },
    ]);
    expect(at("2026-02-12T20:30:00-06:00")).toEqual([]);
    expect(at("2026-02-12T20:30:01-06:00")).toEqual([
      { code: "time-outside-session", path: ["attendance", 52, "arrivedAt"], severity: "warning" },
    ]);
  });
  it("capacity equal to the enrolled count is not exceeded; 7 lists exactly sessions 1-4, 6-8", () => {
    expect(loc(edited(change(["group"], GROUP, { capacity: 8 })))).toEqual([]);
    const message = parseGroupRecord(edited(change(["group"], GROUP, { capacity: 7 }))).issues[0]?.message;
    expect(message).toContain("session(s) 1 (8), 2 (8), 3 (8), 4 (8), 6 (8), 7 (8), 8 (8);");
  });
  it("excused counts as not there for turns and acts", () => {
    const input = edited(change(["attendance", 78], { memberId: "m-lena", sessionId: "s-07" }, { status: "excused" }));
    expect(loc(input)).toEqual([
      { code: "speaker-marked-absent", path: ["turns", 21, "memberId"], severity: "warning" },
      { code: "speaker-marked-absent", path: ["interactionActs", 3, "memberId"], severity: "warning" },
    ]);
  });
  it("a departure time alone on an absence is reported at departedAt", () => {
    const input = edited(
      change(
        ["attendance", 49],
        { memberId: "m-jamal", status: "absent" },
        { departedAt: "2026-03-19T19:00:00-05:00" },
      ),
    );
    expect(loc(input)).toEqual([
      { code: "times-for-absent-member", path: ["attendance", 49, "departedAt"], severity: "error" },
    ]);
  });
  it("a membership covering only the cancelled session's day offered nothing", () => {
    const input = edited(
      append("members", 10, { id: "m-new", displayName: "Pat Doe" }),
      append("memberships", 10, {
        groupId: GROUP.id,
        memberId: "m-new",
        role: "member",
        period: { start: "2026-03-05", end: "2026-03-05" },
        exitReason: "transferred",
      }),
    );
    expect(loc(input)).toEqual([]);
  });
  it("an authorization for research and treatment still needs an expiry", () => {
    const input = edited(change(["consents", 1], { id: "c-aroha-research" }, { purposes: ["HRESCH", "TREAT"] }));
    expect(loc(input)).toEqual([
      { code: "authorization-without-expiry", path: ["consents", 1, "validUntil"], severity: "warning" },
    ]);
  });
  it("notices a verbal 42 CFR Part 2 consent (42 CFR 2.31)", () => {
    const input = edited(
      change(["consents", 0], { id: "c-hope-pcp" }, { legalBasis: "42-cfr-part-2", form: "verbal" }),
    );
    expect(loc(input)).toEqual([{ code: "consent-not-written", path: ["consents", 0, "form"], severity: "warning" }]);
  });
  it("a consent on another basis needs no expiry", () => {
    const input = edited(
      change(["consents", 0], { id: "c-hope-pcp" }, { legalBasis: "state-law", validUntil: undefined }),
    );
    expect(loc(input)).toEqual([]);
  });
  it("a consent expiring at the instant it starts does not end before it starts", () => {
    const at = (validUntil: string) => loc(edited(change(["consents", 0], { id: "c-hope-pcp" }, { validUntil })));
    expect(at("2026-02-06T00:40:00Z")).toEqual([]);
    expect(at("2026-02-06T00:39:59Z")).toEqual([
      { code: "consent-ends-before-start", path: ["consents", 0, "validUntil"], severity: "error" },
    ]);
  });
  it("an act at exactly 90 minutes is within the session", () => {
    expect(loc(edited(change(["interactionActs", 0], { memberId: "m-will", at: 200 }, { at: 5400 })))).toEqual([]);
  });
});

describe("parseGroupRecord when parts are broken", () => {
  it("an absent sessions list still makes session refs unknown when the group is broken", () => {
    const withoutSessions = edited(change([], {}, { sessions: undefined }));
    const brokenToo = edited(change([], {}, { sessions: undefined }), change(["group"], GROUP, { name: undefined }));
    const unknown = (input: unknown) => loc(input).filter((issue) => issue.code === "unknown-session");
    // One error per list and session id, at the first entry: attendance names the 11 held sessions, turns sessions 1,
    // 7 and 12, the acts one session, and the stage log's SESSION_HELD entries the 11 held sessions.
    expect(unknown(withoutSessions)).toHaveLength(11 + 3 + 1 + 11);
    expect(unknown(withoutSessions).filter((issue) => issue.path[0] === "attendance")[1]?.path).toEqual([
      "attendance",
      1,
      "sessionId",
    ]);
    // The errors together still account for every entry: 84 attendance records, 39 turns, 10 acts and 11 log entries.
    const counted = parseGroupRecord(withoutSessions)
      .issues.filter((issue) => issue.code === "unknown-session")
      .map((issue) => Number(/^(\d+) \w+ entries/.exec(issue.message)?.[1] ?? 1));
    expect(counted.reduce((sum, count) => sum + count, 0)).toBe(84 + 39 + 10 + 11);
    expect(unknown(brokenToo)).toEqual(unknown(withoutSessions));
  });
  it.each(["", " ", "\t\n", "\u200b", "\u00ad\u2060"])(
    "a blank member id (%j) is reported once, and references are not checked",
    (id) => {
      const result = parseGroupRecord(edited(change(["members", 2], { id: "m-hope" }, { id })));
      expect(located(result.issues)).toEqual([{ code: "empty-text", path: ["members", 2, "id"], severity: "error" }]);
      expect(result.issues[0]?.message).toBe(
        "members[2].id is empty, or only white space or invisible characters; it needs a character a person can see.",
      );
    },
  );
  it("a broken group with an unknown zone", () => {
    const input = edited(change(["group"], GROUP, { timeZone: "Mars/Olympus" }));
    expect(loc(input)).toEqual([{ code: "unknown-time-zone", path: ["group", "timeZone"], severity: "error" }]);
  });
  it("one shape problem, one issue", () => {
    expect(loc(edited(change(["group"], GROUP, { capacity: -1 })))).toEqual([
      { code: "out-of-range", path: ["group", "capacity"], severity: "error" },
    ]);
  });
});

describe("issue messages", () => {
  const translate = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input);
    if (r.success) throw new Error("x");
    return fromZodIssues(r.error.issues, input);
  };
  it("words an exclusive minimum as more than", () => {
    expect(translate(z.object({ n: z.number().gt(0) }), { n: 0 })[0]?.message).toBe("n is 0; it must be more than 0.");
  });
  it("describes infinity as not a finite number", () => {
    expect(translate(z.object({ n: z.number() }), { n: Number.POSITIVE_INFINITY })[0]?.message).toBe(
      "n is not a finite number; expected a finite number.",
    );
  });
  it("shows the form an instant takes when one is malformed", () => {
    const input = edited(change(["sessions", 0], { id: "s-01" }, { scheduledStart: "2026-02-05T18:00:00" }));
    expect(parseGroupRecord(input).issues[0]?.message).toBe(
      "sessions[0].scheduledStart is text that is not a date and time with an offset, such as 2026-03-02T17:00-05:00 (seconds optional).",
    );
  });
  it("quotes a 64-character id whole and cuts a 65-character one", () => {
    const msg = (id: string) =>
      parseGroupRecord(edited(change(["attendance", 0], { memberId: "m-hope" }, { memberId: id }))).issues[0]
        ?.message ?? "";
    expect(msg("y".repeat(64))).toContain(`"${"y".repeat(64)}"`);
    expect(msg("y".repeat(65))).toContain(`"${"y".repeat(63)}…"`);
  });
  it("writes a string key that looks like an index differently from the index", () => {
    expect(formatIssuePath(["members", "0"])).toBe('members["0"]');
    expect(formatIssuePath(["members", 0])).toBe("members[0]");
  });
});

describe("the exported functions at their edges", () => {
  it("quotes a long bad argument cut to 64 characters", () => {
    const bad = `${"a".repeat(64)}ZZZ`;
    let message = "";
    try {
      isActiveMember({}, bad, { timeZone: "UTC" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain(JSON.stringify(`${"a".repeat(63)}…`));
    expect(message).not.toContain("ZZZ");
  });
  it("a calendar date with a zone is read as it is", () => {
    const spring = { period: { start: "2026-02-05", end: "2026-04-23" } };
    expect(isActiveMember(spring, "2026-04-23", { timeZone: "Pacific/Kiritimati" })).toBe(true);
    expect(isActiveMember(spring, "2026-02-05", { timeZone: "Pacific/Pago_Pago" })).toBe(true);
  });
  it("isMinor refuses a member that is a string", () => {
    expect(() => isMinor("2008-05-20" as unknown as object, "2026-05-20")).toThrow(GroupworkError);
  });
});

describe("parseGroupRecord on boundaries a property test finds only sometimes", () => {
  it("checks the speaker even when the session is unknown", () => {
    expect(
      loc(
        edited(
          change(["turns", 2], { memberId: "m-hope", sessionId: "s-01" }, { memberId: "m-nobody", sessionId: "s-99" }),
        ),
      ),
    ).toEqual([
      { code: "unknown-session", path: ["turns", 2, "sessionId"], severity: "error" },
      { code: "unknown-member", path: ["turns", 2, "memberId"], severity: "error" },
    ]);
    expect(
      loc(
        edited(
          change(
            ["interactionActs", 0],
            { memberId: "m-will", sessionId: "s-07" },
            { memberId: "m-nobody", sessionId: "s-99" },
          ),
        ),
      ),
    ).toEqual([
      { code: "unknown-session", path: ["interactionActs", 0, "sessionId"], severity: "error" },
      { code: "unknown-member", path: ["interactionActs", 0, "memberId"], severity: "error" },
    ]);
  });
  it("a membership starting on the day another ends overlaps it; the next day does not", () => {
    const second = {
      groupId: GROUP.id,
      memberId: "m-hope",
      role: "member",
      period: { start: "2026-04-23", end: "2026-04-23" },
      exitReason: "completed",
    };
    expect(loc(edited(append("memberships", 10, second)))).toEqual([
      { code: "overlapping-memberships", path: ["memberships", 10, "period"], severity: "error" },
    ]);
    expect(
      loc(
        edited(
          change(["memberships", 2, "period"], { start: "2026-02-05" }, { end: "2026-04-22" }),
          append("memberships", 10, second),
        ),
      ),
    ).toEqual([]);
  });
  it("a revocation at the instant the consent starts is not before it", () => {
    const at = (revokedAt: string) => loc(edited(change(["consents", 3], { id: "c-jamal-counsellor" }, { revokedAt })));
    expect(at("2026-02-06T00:50:00Z")).toEqual([]);
    expect(at("2026-02-06T00:49:59Z")).toEqual([
      { code: "revoked-before-valid", path: ["consents", 3, "revokedAt"], severity: "warning" },
    ]);
  });
  it("a turn ending exactly at 90 minutes is within the session", () => {
    expect(loc(edited(change(["turns", 16], { memberId: "m-will", start: 185 }, { end: 5400 })))).toEqual([]);
  });
});
