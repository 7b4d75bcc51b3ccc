import { describe, expect, it } from "vitest";
import { applyStageEvent, availableStageEvents, replayStageEvents, startStages, tuckmanModel } from "../../src/index";
import { at, FULL_AGREEMENT, START_INPUT } from "./helpers";

// What a screen shows, worked out by hand from the rules: a group just started in forming, and one in storming.
describe("availableStageEvents", () => {
  it("lists every event type at the start, with where it leads and why it is blocked", () => {
    const start = startStages(tuckmanModel, START_INPUT);
    const summary = availableStageEvents(start).map((entry) => [
      entry.type,
      entry.allowed,
      entry.to,
      entry.blockedBy.map((reason) => reason.code),
    ]);
    expect(summary).toEqual([
      ["SESSION_HELD", true, [], []],
      ["AGREEMENT_ADOPTED", true, [], []],
      ["MEMBER_JOINED", true, [], []],
      ["MEMBER_LEFT", true, [], []],
      ["ADVANCE", false, ["storming"], ["too-few-sessions", "agreement-not-adopted"]],
      ["REGRESS", false, [], ["not-earlier-stage"]],
      ["ADJOURN", true, ["adjourning"], []],
      ["CLOSE", false, [], ["not-final-stage"]],
    ]);
  });

  it("offers every earlier stage to REGRESS, and the first stage to MEMBER_JOINED when it reopens", () => {
    const options = { onMemberJoined: "reopen-first-stage" } as const;
    const events = [
      at(1, { type: "SESSION_HELD" }),
      at(2, FULL_AGREEMENT),
      at(3, { type: "ADVANCE" }),
      at(4, { type: "SESSION_HELD" }),
      at(5, { type: "ADVANCE" }),
    ] as const;
    const replay = replayStageEvents(tuckmanModel, START_INPUT, events, options);
    expect(replay.snapshot.value).toBe("norming");
    const byType = new Map(availableStageEvents(replay.snapshot).map((entry) => [entry.type, entry]));
    expect(byType.get("REGRESS")).toMatchObject({ allowed: true, to: ["forming", "storming"] });
    expect(byType.get("MEMBER_JOINED")).toMatchObject({ allowed: true, to: ["forming"] });
    expect(byType.get("ADVANCE")?.blockedBy).toEqual([
      { code: "too-few-sessions", message: "1 session is needed in norming; 0 have been held." },
    ]);
  });

  it("blocks everything, leading nowhere, once the group is closed", () => {
    const adjourned = applyStageEvent(
      startStages(tuckmanModel, START_INPUT),
      at(1, { type: "ADJOURN", outcome: "ended-early", reason: "x" }),
    );
    const closed = applyStageEvent(adjourned.snapshot, at(2, { type: "CLOSE" })).snapshot;
    for (const entry of availableStageEvents(closed)) {
      expect(entry).toEqual({
        type: entry.type,
        allowed: false,
        to: [],
        blockedBy: [{ code: "group-closed", message: "The group is closed; nothing can happen after closed." }],
      });
    }
    // In the final stage, CLOSE leads to closed and ADJOURN leads nowhere.
    const byType = new Map(availableStageEvents(adjourned.snapshot).map((entry) => [entry.type, entry]));
    expect(byType.get("CLOSE")).toMatchObject({ allowed: true, to: ["closed"] });
    expect(byType.get("ADJOURN")).toMatchObject({ allowed: false, to: [] });
  });
});
