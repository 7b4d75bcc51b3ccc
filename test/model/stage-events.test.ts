import { describe, expect, it } from "vitest";
import {
  type GroupRecordIssue,
  parseGroupRecord,
  RecordedStageEventSchema,
  stageEventTypes,
} from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { change, edited } from "../fixtures/sample-edits";

// The stage log inside a group record: its shape, and the checks that keep it replayable. Indexes come from the map
// in test/fixtures/sample-edits.ts.

const located = (issues: readonly GroupRecordIssue[]) =>
  issues.map(({ code, path, severity }) => ({ code, path, severity }));

describe("the stage log of a group record", () => {
  it("has one shape per kind of stage event, in the order of stageEventTypes", () => {
    const kinds = RecordedStageEventSchema.options.map((option) => option.shape.type.value);
    expect(kinds).toEqual([...stageEventTypes]);
    expect(kinds).toEqual([
      "SESSION_HELD",
      "AGREEMENT_ADOPTED",
      "MEMBER_JOINED",
      "MEMBER_LEFT",
      "ADVANCE",
      "REGRESS",
      "ADJOURN",
      "CLOSE",
    ]);
  });

  it("is read with the rest of the sample, 20 entries from the agreement to CLOSE", () => {
    const result = parseGroupRecord(sampleGroupRecord);
    expect(result.ok && result.value.stageEvents.map((event) => event.type)).toEqual([
      "AGREEMENT_ADOPTED",
      "SESSION_HELD",
      "SESSION_HELD",
      "ADVANCE",
      "SESSION_HELD",
      "SESSION_HELD",
      "ADVANCE",
      "SESSION_HELD",
      "SESSION_HELD",
      "REGRESS",
      "SESSION_HELD",
      "ADVANCE",
      "MEMBER_LEFT",
      "SESSION_HELD",
      "ADVANCE",
      "SESSION_HELD",
      "SESSION_HELD",
      "ADJOURN",
      "SESSION_HELD",
      "CLOSE",
    ]);
  });

  it("defaults to an empty log when the host sends none", () => {
    const result = parseGroupRecord(edited(change([], {}, { stageEvents: undefined })));
    expect(result.ok && result.value.stageEvents).toEqual([]);
  });

  it("must be in the order things happened", () => {
    // Moving the first ADVANCE (stageEvents[3], 12 February) before the agreement (5 February 18:40) breaks the order
    // at entry 3 only: entry 4 (19 February) is later than the last entry in order, entry 2.
    const input = edited(change(["stageEvents", 3], { type: "ADVANCE" }, { at: "2026-02-05T18:00:00-06:00" }));
    const result = parseGroupRecord(input);
    expect(located(result.issues)).toEqual([
      { code: "stage-event-out-of-order", path: ["stageEvents", 3, "at"], severity: "error" },
    ]);
    expect(result.issues[0]?.message).toBe(
      "stageEvents[3] happened before stageEvents[2]; the stage log must list events in the order they happened.",
    );
  });

  it("compares instants, not text, so a change of offset is not a step back", () => {
    // 19:30 at -06:00 is 01:30Z the next day; 18:00 at -05:00 on the same day is 23:00Z, earlier, though its text is
    // later. Moving s-02's entry (stageEvents[2]) to 2026-02-12T20:00:00-05:00 (01:00Z on the 13th) keeps it before
    // the ADVANCE at 19:45-06:00 (01:45Z) and after s-01.
    const input = edited(change(["stageEvents", 2], { sessionId: "s-02" }, { at: "2026-02-12T20:00:00-05:00" }));
    expect(parseGroupRecord(input).issues).toEqual([]);
  });

  it("counts each session once", () => {
    const input = edited(change(["stageEvents", 2], { sessionId: "s-02" }, { sessionId: "s-01" }));
    const result = parseGroupRecord(input);
    expect(located(result.issues)).toEqual([
      { code: "session-held-twice", path: ["stageEvents", 2, "sessionId"], severity: "error" },
    ]);
    expect(result.issues[0]?.message).toBe(
      'stageEvents[2] records session "s-01" as held again (first at stageEvents[1]); each session counts once.',
    );
  });

  it("names sessions and people of the record, and only sessions that took place", () => {
    const input = edited(
      change(["stageEvents", 2], { sessionId: "s-02" }, { sessionId: "s-99" }),
      change(["stageEvents", 5], { sessionId: "s-04" }, { sessionId: "s-05" }),
      change(["stageEvents", 12], { memberId: "m-jamal" }, { memberId: "m-nobody" }),
    );
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "unknown-session", path: ["stageEvents", 2, "sessionId"], severity: "error" },
      { code: "session-not-held", path: ["stageEvents", 5, "sessionId"], severity: "error" },
      { code: "unknown-member", path: ["stageEvents", 12, "memberId"], severity: "error" },
    ]);
  });

  it("checks each kind of event's shape: a regression needs a stage and a reason, an adjournment an outcome", () => {
    const input = edited(
      change(["stageEvents", 9], { type: "REGRESS" }, { reason: undefined }),
      change(["stageEvents", 17], { type: "ADJOURN" }, { outcome: "finished" }),
      change(["stageEvents", 19], { type: "CLOSE" }, { type: "REOPEN" }),
    );
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "missing-field", path: ["stageEvents", 9, "reason"], severity: "error" },
      { code: "invalid-value", path: ["stageEvents", 17, "outcome"], severity: "error" },
      { code: "invalid-value", path: ["stageEvents", 19, "type"], severity: "error" },
    ]);
    const [, , unknownKind] = parseGroupRecord(input).issues;
    expect(unknownKind?.message).toMatch(/^stageEvents\[19\]\.type is "REOPEN"\. .*'SESSION_HELD'/);
  });

  it("reports a stage event with no type as missing its type", () => {
    const input = edited(change(["stageEvents", 19], { type: "CLOSE" }, { type: undefined }));
    expect(located(parseGroupRecord(input).issues)).toEqual([
      { code: "missing-field", path: ["stageEvents", 19, "type"], severity: "error" },
    ]);
  });
});
