import { describe, expect, it } from "vitest";
import { type GroupRecordIssue, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
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

  it("flags the held sessions with more enrolled members than the capacity, once for the group", () => {
    // 8 clients are enrolled until Jamal leaves on 31 March, so sessions 1–4 and 6–8 had 8; sessions 9–12 had 7.
    const input = edited(change(["group"], GROUP, { capacity: 7 }));
    expect(warningsOf(input)).toEqual([{ code: "capacity-exceeded", path: ["group", "capacity"] }]);
    expect(parseGroupRecord(input).issues[0]?.message).toContain("1 (8), 2 (8), 3 (8), 4 (8), 6 (8), 7 (8), 8 (8)");
  });

  it("notices more sessions held than planned", () => {
    const input = edited(change(["group"], GROUP, { plannedSessions: 10 }));
    expect(warningsOf(input)).toEqual([{ code: "sessions-exceed-plan", path: ["sessions"] }]);
    const message = parseGroupRecord(input).issues[0]?.message;
    expect(message).toContain("11 sessions were held");
    expect(message).toContain("planned 10");
  });

  it("notices sessions and memberships outside the group's dates", () => {
    // Ending the group on 20 April leaves session 12 (23 April) and every membership that ran to 23 April outside;
    // Jamal's (memberships[6]) ended on 31 March.
    const input = edited(change(["group"], GROUP, { endDate: "2026-04-20" }));
    expect(warningsOf(input)).toEqual([
      ...[0, 1, 2, 3, 4, 5, 7, 8, 9].map((index) => ({
        code: "membership-outside-group-dates",
        path: ["memberships", index, "period"],
      })),
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

  it("notices a stage model the library does not ship, which may be a misspelling", () => {
    const input = edited(change(["group"], GROUP, { stageModel: "tukman" }));
    expect(warningsOf(input)).toEqual([{ code: "unknown-stage-model", path: ["group", "stageModel"] }]);
  });

  it("notices an exit reason on a membership that has not ended", () => {
    const input = edited(change(["memberships", 3, "period"], { start: "2026-02-05" }, { end: undefined }));
    expect(warningsOf(input)).toEqual([{ code: "exit-reason-without-end", path: ["memberships", 3, "period"] }]);
  });

  it("notices an arrival time far from the session, such as a day off", () => {
    // Grace's late arrival at session 2 (attendance[52]) moved to the next evening.
    const input = edited(
      change(["attendance", 52], { memberId: "m-grace", status: "late" }, { arrivedAt: "2026-02-13T18:12:00-06:00" }),
    );
    expect(warningsOf(input)).toEqual([{ code: "time-outside-session", path: ["attendance", 52, "arrivedAt"] }]);
  });

  it("notices a turn that responds to its own speaker and an act addressed to its own author", () => {
    const input = edited(
      change(["turns", 1], { memberId: "f-okafor", respondsTo: "f-rivera" }, { respondsTo: "f-okafor" }),
      change(["interactionActs", 1], { memberId: "m-will", addresseeId: "m-aroha" }, { addresseeId: "m-will" }),
    );
    expect(warningsOf(input)).toEqual([
      { code: "responds-to-self", path: ["turns", 1, "respondsTo"] },
      { code: "responds-to-self", path: ["interactionActs", 1, "addresseeId"] },
    ]);
  });

  it("notices an act by a member recorded absent at that session", () => {
    // Jamal was absent at session 7 (attendance[49]); the first act there is interactionActs[0].
    const input = edited(
      change(["interactionActs", 0], { memberId: "m-will", sessionId: "s-07" }, { memberId: "m-jamal" }),
    );
    expect(warningsOf(input)).toEqual([{ code: "speaker-marked-absent", path: ["interactionActs", 0, "memberId"] }]);
  });

  it("notices a signature dated before the agreement was adopted (and before the signer was enrolled)", () => {
    const input = edited(
      change(["agreements", 0, "signatures", 0], { memberId: "m-hope" }, { signedOn: "2026-02-04" }),
    );
    expect(warningsOf(input)).toEqual([
      { code: "signed-before-adoption", path: ["agreements", 0, "signatures", 0, "signedOn"] },
      { code: "signer-not-enrolled", path: ["agreements", 0, "signatures", 0, "memberId"] },
    ]);
  });

  it("notices a verbal consent where the law asks for a written one (45 CFR 164.508(c); 42 CFR 2.31)", () => {
    const input = edited(
      change(["consents", 0], { id: "c-hope-pcp", legalBasis: "hipaa-authorization" }, { form: "verbal" }),
    );
    expect(warningsOf(input)).toEqual([{ code: "consent-not-written", path: ["consents", 0, "form"] }]);
  });

  it("notices a HIPAA authorization without an expiry, except for research (45 CFR 164.508(c)(1)(v))", () => {
    // c-lena-daughter is an authorization for a family request. c-aroha-research (consents[1]) is an authorization
    // for research that has no validUntil in the sample, and draws no warning.
    expect(sampleGroupRecord.consents[1]).toMatchObject({ legalBasis: "hipaa-authorization", purposes: ["HRESCH"] });
    expect(sampleGroupRecord.consents[1]).not.toHaveProperty("validUntil");
    const input = edited(change(["consents", 2], { id: "c-lena-daughter" }, { validUntil: undefined }));
    expect(warningsOf(input)).toEqual([{ code: "authorization-without-expiry", path: ["consents", 2, "validUntil"] }]);
  });

  it("does not ask a self-help group for a facilitator", () => {
    const withoutLeaders = [
      change(["memberships", 0], { memberId: "f-rivera", role: "facilitator" }, { role: "member" }),
      change(["memberships", 1], { memberId: "f-okafor", role: "co-facilitator" }, { role: "member" }),
    ];
    const led = warningsOf(edited(...withoutLeaders)).filter((issue) => issue.code === "no-facilitator");
    const selfHelp = warningsOf(edited(change(["group"], GROUP, { kind: "self-help" }), ...withoutLeaders));
    expect(led).toEqual([{ code: "no-facilitator", path: ["memberships"] }]);
    expect(selfHelp.filter((issue) => issue.code === "no-facilitator")).toEqual([]);
  });

  it("notices session numbers that run against the calendar", () => {
    // Session 3 (19 February) moved to 10 February, before session 2 (12 February).
    const input = edited(change(["sessions", 2], { id: "s-03" }, { scheduledStart: "2026-02-10T18:00:00-06:00" }));
    // Jamal's late arrival at session 3 (attendance[46], 19 February 18:12) is now nine days off the session too.
    expect(warningsOf(input)).toEqual([
      { code: "sequence-out-of-order", path: ["sessions", 2, "sequence"] },
      { code: "time-outside-session", path: ["attendance", 46, "arrivedAt"] },
    ]);
  });

  it("notices a person signing the same agreement twice", () => {
    const input = edited(
      change(
        ["agreements", 0],
        { version: "1" },
        {
          signatures: [
            ...(sampleGroupRecord.agreements[0]?.signatures ?? []),
            { memberId: "m-hope", signedOn: "2026-02-12", form: "written" },
          ],
        },
      ),
    );
    expect(warningsOf(input)).toEqual([
      { code: "duplicate-signature", path: ["agreements", 0, "signatures", 8, "memberId"] },
    ]);
  });

  it("notices an act timed after the session's planned length", () => {
    const input = edited(change(["interactionActs", 0], { memberId: "m-will", at: 200 }, { at: 5401 }));
    expect(warningsOf(input)).toEqual([{ code: "act-beyond-session", path: ["interactionActs", 0, "at"] }]);
  });
});
