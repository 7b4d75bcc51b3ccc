import { describe, expect, it } from "vitest";
import { type GroupRecordIssue, parseGroupRecord } from "../../src/model/index";
import { change, edited } from "../fixtures/sample-edits";

// Odd but legal things: each is a warning with its own code and place, and none of them fails the parse.
// Indexes are read off src/sample/grief-group.ts (see test/fixtures/sample-edits.ts for the map).

function warningsOf(input: unknown): Pick<GroupRecordIssue, "code" | "path">[] {
  const result = parseGroupRecord(input);
  expect(result.ok).toBe(true);
  return result.issues.map(({ code, path }) => ({ code, path }));
}

const GROUP = { id: "grp-thursday-grief" };

describe("parseGroupRecord warnings", () => {
  it("names a membership that ended without an exit reason", () => {
    const input = edited(change(["memberships", 2], { memberId: "m-hope" }, { exitReason: undefined }));
    expect(warningsOf(input)).toEqual([{ code: "missing-exit-reason", path: ["memberships", 2, "exitReason"] }]);
  });

  it("flags each held session with more enrolled members than the capacity", () => {
    // 8 clients are enrolled until Jamal leaves on 31 March, so sessions 1–4 and 6–8 had 8; sessions 9–12 had 7.
    const input = edited(change(["group"], GROUP, { capacity: 7 }));
    expect(warningsOf(input)).toEqual(
      [0, 1, 2, 3, 5, 6, 7].map((index) => ({ code: "capacity-exceeded", path: ["sessions", index] })),
    );
  });

  it("notices more sessions held than planned", () => {
    const input = edited(change(["group"], GROUP, { plannedSessions: 10 }));
    expect(warningsOf(input)).toEqual([{ code: "sessions-exceed-plan", path: ["sessions"] }]);
    const message = parseGroupRecord(input).issues[0]?.message;
    expect(message).toContain("11 sessions were held");
    expect(message).toContain("planned 10");
  });

  it("notices a session outside the group's dates", () => {
    const input = edited(change(["group"], GROUP, { endDate: "2026-04-20" }));
    expect(warningsOf(input)).toEqual([
      { code: "session-outside-group-dates", path: ["sessions", 11, "scheduledStart"] },
    ]);
  });

  it("reports turns that run past the session's length once per session, counting them", () => {
    const input = edited(
      change(["turns", 16], { memberId: "m-will", start: 185 }, { end: 6000 }),
      change(["turns", 20], { memberId: "m-will", start: 880 }, { end: 5401 }),
    );
    expect(warningsOf(input)).toEqual([{ code: "turn-beyond-session", path: ["turns", 16, "end"] }]);
    expect(parseGroupRecord(input).issues[0]?.message).toContain("2 turn(s)");
  });

  it("reports a speaker recorded absent once per member and session, at their first turn", () => {
    // Sofía speaks twice in session 12 (turns 31 and 37); her attendance there is attendance[32].
    const input = edited(change(["attendance", 32], { memberId: "m-sofia", sessionId: "s-12" }, { status: "absent" }));
    expect(warningsOf(input)).toEqual([{ code: "speaker-marked-absent", path: ["turns", 31, "memberId"] }]);
  });

  it("notices a consent revoked before it took effect", () => {
    const input = edited(
      change(["consents", 3], { id: "c-jamal-counsellor" }, { revokedAt: "2026-02-01T09:00:00-06:00" }),
    );
    expect(warningsOf(input)).toEqual([{ code: "revoked-before-valid", path: ["consents", 3, "revokedAt"] }]);
  });

  it("notices a signature given on a day the signer was not enrolled", () => {
    // Jamal (signature 4) left on 31 March.
    const input = edited(
      change(["agreements", 0, "signatures", 4], { memberId: "m-jamal" }, { signedOn: "2026-04-02" }),
    );
    expect(warningsOf(input)).toEqual([
      { code: "signer-not-enrolled", path: ["agreements", 0, "signatures", 4, "memberId"] },
    ]);
  });
});
