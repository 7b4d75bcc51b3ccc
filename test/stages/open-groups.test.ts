// Open groups: members join and leave while the group works. Expected sentences and stages are written out by hand
// from the rules (a member joining after the stage members first met in may mean the group is re-forming).
import { describe, expect, it } from "vitest";
import {
  applyStageEvent,
  availableStageEvents,
  bostonModel,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageEvent,
  type StageMachineOptions,
  type StageModel,
  type StageSnapshot,
  startStages,
  toselandRivasModel,
  tuckmanModel,
} from "../../src/index";
import { at, FULL_AGREEMENT, hoursLater, START, START_INPUT, WORKER } from "./helpers";

const REOPEN: StageMachineOptions = { onMemberJoined: "reopen-first-stage" };

function run(model: StageModel, events: readonly StageEvent[], options: StageMachineOptions = {}): StageSnapshot {
  const replay = replayStageEvents(model, START_INPUT, events, options);
  if (!replay.ok) throw new Error(`refused event ${replay.index}: ${replay.blockedBy.map((r) => r.code).join(", ")}`);
  return replay.snapshot;
}

const toStorming: StageEvent[] = [
  at(1, { type: "SESSION_HELD" }),
  at(2, FULL_AGREEMENT),
  at(3, { type: "ADVANCE", reason: "members challenge the plan" }),
];

describe("a member joining an open group", () => {
  it("in a later stage, by default, is recorded with a suggestion and leaves the stage to the worker", () => {
    const joined = applyStageEvent(run(tuckmanModel, toStorming), at(4, { type: "MEMBER_JOINED", memberId: "m7" }));
    expect(joined.ok).toBe(true);
    expect(joined.snapshot.value).toBe("storming");
    expect(joined.snapshot.context.activeMembers).toBe(7);
    expect(joined.snapshot.context.history).toHaveLength(2);
    expect(joined.snapshot.context.suggestions).toEqual([
      {
        code: "may-be-re-forming",
        at: hoursLater(4),
        message:
          "A member joined while the group was in storming; the group may be back in forming. Go over the group agreement, confidentiality and its limits included, with the new member.",
      },
    ]);
  });

  it("in the first stage or the final one gives no suggestion", () => {
    const inForming = applyStageEvent(startStages(tuckmanModel, START_INPUT), at(1, { type: "MEMBER_JOINED" }));
    expect([inForming.snapshot.value, inForming.snapshot.context.suggestions]).toEqual(["forming", []]);
    const adjourning = run(
      tuckmanModel,
      [at(1, { type: "ADJOURN", outcome: "completed", reason: "planned end" })],
      REOPEN,
    );
    const late = applyStageEvent(adjourning, at(2, { type: "MEMBER_JOINED" }));
    expect([late.snapshot.value, late.snapshot.context.suggestions]).toEqual(["adjourning", []]);
  });

  it("with reopen-first-stage moves the group back, with the reason in its history", () => {
    const reopened = applyStageEvent(run(tuckmanModel, toStorming, REOPEN), at(4, { type: "MEMBER_JOINED" }));
    expect(reopened.snapshot.value).toBe("forming");
    expect(reopened.snapshot.context.activeMembers).toBe(7);
    expect(reopened.snapshot.context.suggestions).toEqual([]);
    expect(reopened.snapshot.context.sessionsInStage).toBe(0);
    expect(reopened.snapshot.context.history.at(-1)).toEqual({
      stage: "forming",
      enteredAt: hoursLater(4),
      event: "MEMBER_JOINED",
      by: WORKER,
      reason: "A member joined while the group was in storming; the group is in forming again.",
      sessions: 0,
    });
    // The agreement stays adopted, so one more session is all forming asks before the group moves on again.
    const advance = applyStageEvent(reopened.snapshot, at(5, { type: "ADVANCE" }));
    expect(advance.ok ? [] : advance.blockedBy.map((reason) => reason.code)).toEqual(["too-few-sessions"]);
  });

  it("names Boston stages by their labels in its sentences", () => {
    const events: StageEvent[] = [
      at(1, { type: "SESSION_HELD" }),
      at(2, FULL_AGREEMENT),
      at(3, { type: "ADVANCE" }),
      at(4, { type: "MEMBER_JOINED" }),
    ];
    expect(run(bostonModel, events).context.suggestions[0]?.message).toBe(
      "A member joined while the group was in power and control; the group may be back in pre-affiliation. Go over the group agreement, confidentiality and its limits included, with the new member.",
    );
  });

  // Toseland & Rivas: planning comes before members meet, so the group forms again in the beginning stage.
  describe("in Toseland & Rivas' model", () => {
    const toMiddle: StageEvent[] = [
      at(1, { type: "ADVANCE" }),
      at(2, { type: "SESSION_HELD" }),
      at(3, FULL_AGREEMENT),
      at(4, { type: "ADVANCE" }),
    ];

    it("is no news in the beginning stage, in either mode", () => {
      for (const options of [{}, REOPEN]) {
        const beginning = run(toselandRivasModel, [at(1, { type: "ADVANCE" })], options);
        const joined = applyStageEvent(beginning, at(2, { type: "MEMBER_JOINED" }));
        expect([joined.snapshot.value, joined.snapshot.context.suggestions]).toEqual(["beginning", []]);
        expect(availableStageEvents(beginning).find((entry) => entry.type === "MEMBER_JOINED")?.to).toEqual([]);
      }
    });

    it("in the middle stage suggests the beginning, or goes back to it, never to planning", () => {
      const joined = applyStageEvent(run(toselandRivasModel, toMiddle), at(5, { type: "MEMBER_JOINED" }));
      expect(joined.snapshot.context.suggestions[0]?.message).toMatch(
        /^A member joined while the group was in middle; /,
      );
      expect(joined.snapshot.context.suggestions[0]?.message).toContain("the group may be back in beginning.");
      const middle = run(toselandRivasModel, toMiddle, REOPEN);
      expect(availableStageEvents(middle).find((entry) => entry.type === "MEMBER_JOINED")?.to).toEqual(["beginning"]);
      const reopened = applyStageEvent(middle, at(5, { type: "MEMBER_JOINED" }));
      expect(reopened.snapshot.value).toBe("beginning");
      // The reopened snapshot restores under the same options, and not under the default ones.
      const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(reopened.snapshot)));
      expect(restoreStageSnapshot(toselandRivasModel, envelope, REOPEN).ok).toBe(true);
      const strict = restoreStageSnapshot(toselandRivasModel, envelope);
      expect(strict.ok ? [] : strict.issues.map((issue) => issue.code)).toEqual(["history-not-contiguous"]);
    });
  });
});

describe("a member leaving", () => {
  it("is counted, and refused when nobody is active", () => {
    const alone = startStages(tuckmanModel, { at: START, by: WORKER, activeMembers: 1 });
    const left = applyStageEvent(alone, at(1, { type: "MEMBER_LEFT" }));
    expect(left.snapshot.context.activeMembers).toBe(0);
    const again = applyStageEvent(left.snapshot, at(2, { type: "MEMBER_LEFT" }));
    expect(again.ok ? [] : again.blockedBy).toEqual([
      { code: "no-active-members", message: "No member is active, so none can leave." },
    ]);
  });
});
