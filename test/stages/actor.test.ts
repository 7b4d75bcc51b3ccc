// The stage machine in an xstate actor, as a screen in a browser would run it: started with its input, stopped and
// persisted, restored from the stored envelope, and asked why an event it ignored was refused.
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  applyStageEvent,
  availableStageEvents,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageIdOf,
  tuckmanModel,
  tuckmanStageMachine,
} from "../../src/stages/index";
import { at, FULL_AGREEMENT, START_INPUT } from "./helpers";

type Tuckman = StageIdOf<typeof tuckmanModel>;

const toStorming = [
  at<Tuckman>(1, { type: "SESSION_HELD" }),
  at<Tuckman>(2, FULL_AGREEMENT),
  at<Tuckman>(3, { type: "ADVANCE", reason: "members challenge the plan" }),
] as const;

describe("the stage machine in an actor", () => {
  it("starts from its input and moves with the events it accepts, like the server functions", () => {
    const actor = createActor(tuckmanStageMachine, { input: START_INPUT }).start();
    for (const event of toStorming) actor.send(event);
    const replay = replayStageEvents(tuckmanModel, START_INPUT, toStorming);
    expect(actor.getSnapshot().value).toBe("storming");
    expect(replay.ok && actor.getSnapshot().context).toEqual(replay.snapshot.context);
    actor.stop();
  });

  it("restores from a stored envelope and carries on", () => {
    const first = createActor(tuckmanStageMachine, { input: START_INPUT }).start();
    for (const event of toStorming) first.send(event);
    const stored = JSON.stringify(persistStageSnapshot(first.getSnapshot()));
    first.stop();

    const restored = restoreStageSnapshot(tuckmanModel, JSON.parse(stored));
    if (!restored.ok) throw new Error(restored.issues.map((issue) => issue.message).join(" "));
    const again = createActor(restored.snapshot.machine, { snapshot: restored.snapshot }).start();
    expect(again.getSnapshot().value).toBe("storming");
    expect(again.getSnapshot().context.history.map((entry) => entry.stage)).toEqual(["forming", "storming"]);
    again.send(at<Tuckman>(4, { type: "SESSION_HELD" }));
    again.send(at<Tuckman>(5, { type: "ADVANCE" }));
    expect(again.getSnapshot().value).toBe("norming");
    expect(again.getSnapshot().context.sessionsTotal).toBe(2);
    again.stop();
  });

  it("restores into a machine built with the group's options", () => {
    const options = { minSessions: 2 };
    const replay = replayStageEvents(tuckmanModel, START_INPUT, [at<Tuckman>(1, { type: "SESSION_HELD" })], options);
    if (!replay.ok) throw new Error("the log must replay");
    const restored = restoreStageSnapshot(
      tuckmanModel,
      JSON.parse(JSON.stringify(persistStageSnapshot(replay.snapshot))),
      options,
    );
    if (!restored.ok) throw new Error("the envelope must restore");
    // The restored snapshot carries the machine built for the model and these options.
    const actor = createActor(restored.snapshot.machine, { snapshot: restored.snapshot }).start();
    actor.send(at<Tuckman>(2, FULL_AGREEMENT));
    actor.send(at<Tuckman>(3, { type: "ADVANCE" }));
    // Two sessions are needed in forming under these options; one was held, so the actor stays.
    expect(actor.getSnapshot().value).toBe("forming");
    expect(availableStageEvents(actor.getSnapshot()).find((entry) => entry.type === "ADVANCE")?.blockedBy).toEqual([
      { code: "too-few-sessions", message: "2 sessions are needed in forming; 1 has been held." },
    ]);
    actor.stop();
  });

  it("ignores a refused event, and applyStageEvent on its snapshot says why", () => {
    const actor = createActor(tuckmanStageMachine, { input: START_INPUT }).start();
    const eager = at<Tuckman>(1, { type: "ADVANCE" });
    const before = actor.getSnapshot();
    const step = applyStageEvent(before, eager);
    actor.send(eager);
    expect(actor.getSnapshot()).toBe(before);
    expect(actor.getSnapshot().can(eager)).toBe(false);
    expect(step.ok ? [] : step.blockedBy.map((reason) => reason.code)).toEqual([
      "too-few-sessions",
      "agreement-not-adopted",
    ]);
    actor.stop();
  });
});
