import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import {
  applyStageEvent,
  availableStageEvents,
  bostonModel,
  createStageMachine,
  GroupworkError,
  replayStageEvents,
  type StageEvent,
  type StageSnapshot,
  startStages,
  toselandRivasModel,
  tuckmanModel,
  tuckmanStageMachine,
} from "../../src/index";
import { at, FULL_AGREEMENT, hoursLater, START, START_INPUT, WORKER } from "./helpers";

type Tuckman = "forming" | "storming" | "norming" | "performing" | "adjourning";

function run(events: readonly StageEvent<Tuckman>[], options = {}): StageSnapshot<Tuckman> {
  const replay = replayStageEvents(tuckmanModel, START_INPUT, events, options);
  if (!replay.ok) throw new Error(`refused event ${replay.index}: ${replay.blockedBy.map((r) => r.code).join(", ")}`);
  return replay.snapshot;
}

const toStorming: StageEvent<Tuckman>[] = [
  at(1, { type: "SESSION_HELD" }),
  at(2, FULL_AGREEMENT),
  at(3, { type: "ADVANCE", reason: "members challenge the plan" }),
];

function codes(step: { ok: boolean; blockedBy?: readonly { code: string }[] }): string[] {
  return step.ok ? [] : (step.blockedBy ?? []).map((reason) => reason.code);
}

describe("the stage machine", () => {
  it("has the model's stages plus closed as states, in order", () => {
    expect(Object.keys(tuckmanStageMachine.states)).toEqual([
      "forming",
      "storming",
      "norming",
      "performing",
      "adjourning",
      "closed",
    ]);
    expect(Object.keys(createStageMachine(bostonModel).states)).toEqual([
      "pre-affiliation",
      "power-and-control",
      "intimacy",
      "differentiation",
      "separation",
      "closed",
    ]);
  });

  it("starts in the first stage with a START entry and nothing counted", () => {
    const start = startStages(tuckmanModel, START_INPUT);
    expect(start.value).toBe("forming");
    expect(start.context).toEqual({
      modelId: "tuckman",
      history: [{ stage: "forming", enteredAt: START, event: "START", by: WORKER, reason: null, sessions: 0 }],
      sessionsInStage: 0,
      sessionsTotal: 0,
      agreement: { status: "none" },
      activeMembers: 6,
      suggestions: [],
      outcome: null,
      lastEventAt: START,
    });
  });

  it("leaves forming only after a session and the agreement with confidentiality (NASW 1.07(e)(f))", () => {
    const start = startStages(tuckmanModel, START_INPUT);
    const early = applyStageEvent(start, at(1, { type: "ADVANCE" }));
    expect(early.ok).toBe(false);
    expect(early.snapshot).toBe(start);
    expect(codes(early)).toEqual(["too-few-sessions", "agreement-not-adopted"]);
    const partial = run([
      at(1, { type: "SESSION_HELD" }),
      at(2, { ...FULL_AGREEMENT, includesConfidentiality: false, limitsExplained: false }),
    ]);
    expect(codes(applyStageEvent(partial, at(3, { type: "ADVANCE" })))).toEqual([
      "agreement-without-confidentiality",
      "confidentiality-limits-not-explained",
    ]);
    const storming = run(toStorming);
    expect(storming.value).toBe("storming");
    expect(storming.context.history.map((entry) => [entry.stage, entry.event, entry.reason])).toEqual([
      ["forming", "START", null],
      ["storming", "ADVANCE", "members challenge the plan"],
    ]);
    expect(storming.context.history[0]?.sessions).toBe(1);
    expect([storming.context.sessionsInStage, storming.context.sessionsTotal]).toEqual([0, 1]);
  });

  it("explains too few sessions in the issue's words", () => {
    const storming = run([...toStorming, at(4, { type: "SESSION_HELD" })]);
    expect(applyStageEvent(storming, at(5, { type: "ADVANCE" })).ok).toBe(true);
    const strict = run([...toStorming, at(4, { type: "SESSION_HELD" })], {
      readiness: { storming: { minSessions: 2 } },
    });
    const blocked = applyStageEvent(strict, at(5, { type: "ADVANCE" }));
    expect(blocked.ok ? [] : blocked.blockedBy).toEqual([
      { code: "too-few-sessions", message: "2 sessions are needed in storming; 1 has been held." },
    ]);
  });

  it("takes minSessions from readiness, then the model, then options, then 1", () => {
    // Toseland & Rivas planning asks for 0 sessions in the model and beginning asks for the agreement.
    const planning = startStages(toselandRivasModel, START_INPUT, { minSessions: 3 });
    const step = applyStageEvent(planning, at(1, { type: "ADVANCE" }));
    expect(step.ok).toBe(true);
    const beginning = step.ok ? step.snapshot : planning;
    expect(beginning.value).toBe("beginning");
    const blocked = applyStageEvent(beginning, at(2, { type: "ADVANCE" }));
    expect(blocked.ok ? [] : blocked.blockedBy.map((r) => r.message)).toEqual([
      "3 sessions are needed in beginning; 0 have been held.",
      "The group agreement must be adopted before the group leaves beginning (NASW 1.07(e)(f)).",
    ]);
    const relaxed = startStages(toselandRivasModel, START_INPUT, {
      requireAgreement: false,
      readiness: { beginning: { minSessions: 0 } },
    });
    const moved = replayStageEvents(
      toselandRivasModel,
      START_INPUT,
      [at(1, { type: "ADVANCE" }), at(2, { type: "ADVANCE" })],
      {
        requireAgreement: false,
        readiness: { beginning: { minSessions: 0 } },
      },
    );
    expect(relaxed.value).toBe("planning");
    expect(moved.ok && moved.snapshot.value).toBe("middle");
  });

  it("ADVANCE stops at the last working stage; ADJOURN enters the final stage with its outcome", () => {
    const performing = run([
      ...toStorming,
      at(4, { type: "SESSION_HELD" }),
      at(5, { type: "ADVANCE" }),
      at(6, { type: "SESSION_HELD" }),
      at(7, { type: "ADVANCE" }),
      at(8, { type: "SESSION_HELD" }),
    ]);
    expect(performing.value).toBe("performing");
    expect(codes(applyStageEvent(performing, at(9, { type: "ADVANCE" })))).toEqual(["no-next-working-stage"]);
    const adjourned = applyStageEvent(
      performing,
      at(9, { type: "ADJOURN", outcome: "completed", reason: "all planned sessions held" }),
    );
    expect(adjourned.ok && adjourned.snapshot.value).toBe("adjourning");
    expect(adjourned.snapshot.context.outcome).toBe("completed");
    expect(codes(applyStageEvent(adjourned.snapshot, at(10, { type: "ADVANCE" })))).toEqual(["already-final-stage"]);
    const closed = applyStageEvent(adjourned.snapshot, at(10, { type: "CLOSE" }));
    expect(closed.ok && closed.snapshot.value).toBe("closed");
    expect(closed.snapshot.status).toBe("done");
    expect(closed.snapshot.context.outcome).toBe("completed");
  });

  it("ends a group early from forming, with the reason in its history", () => {
    const start = startStages(tuckmanModel, START_INPUT);
    const missing = applyStageEvent(start, at(1, { type: "ADJOURN", outcome: "ended-early", reason: " " }));
    expect(codes(missing)).toEqual(["reason-required"]);
    const bad = applyStageEvent(start, at(1, { type: "ADJOURN", outcome: "paused", reason: "x" } as never));
    expect(codes(bad)).toEqual(["invalid-outcome"]);
    const step = applyStageEvent(start, at(1, { type: "ADJOURN", outcome: "ended-early", reason: "two members left" }));
    expect(step.snapshot.value).toBe("adjourning");
    expect(step.snapshot.context.history.at(-1)).toEqual({
      stage: "adjourning",
      enteredAt: hoursLater(1),
      event: "ADJOURN",
      by: WORKER,
      reason: "two members left",
      sessions: 0,
    });
    expect(step.snapshot.context.outcome).toBe("ended-early");
  });

  it("refuses CLOSE before the final stage and everything after closed", () => {
    const start = startStages(tuckmanModel, START_INPUT);
    expect(codes(applyStageEvent(start, at(1, { type: "CLOSE" })))).toEqual(["not-final-stage"]);
    const closed = run([at(1, { type: "ADJOURN", outcome: "ended-early", reason: "x" }), at(2, { type: "CLOSE" })]);
    for (const event of [
      at(3, { type: "SESSION_HELD" }),
      at(3, { type: "REGRESS", to: "forming", reason: "x" }),
      at(3, { type: "MEMBER_JOINED" }),
    ] as StageEvent<Tuckman>[]) {
      const step = applyStageEvent(closed, event);
      expect(step.snapshot).toBe(closed);
      expect(codes(step)).toEqual(["group-closed"]);
    }
  });

  it("REGRESS goes back only, to a stage of the model, with a reason; leaving the final stage clears the outcome", () => {
    const storming = run(toStorming);
    expect(codes(applyStageEvent(storming, at(4, { type: "REGRESS", to: "norming", reason: "x" })))).toEqual([
      "not-earlier-stage",
    ]);
    expect(codes(applyStageEvent(storming, at(4, { type: "REGRESS", to: "storming", reason: "x" })))).toEqual([
      "not-earlier-stage",
    ]);
    expect(codes(applyStageEvent(storming, at(4, { type: "REGRESS", to: "dormant", reason: "" } as never)))).toEqual([
      "unknown-stage",
      "reason-required",
    ]);
    const untargeted = applyStageEvent(storming, at(4, { type: "REGRESS", reason: "x" } as never));
    expect(untargeted.ok ? [] : untargeted.blockedBy).toEqual([
      { code: "unknown-stage", message: "REGRESS does not say which earlier stage the group is back in (to)." },
    ]);
    const back = applyStageEvent(
      storming,
      at(4, { type: "REGRESS", to: "forming", reason: "conflict frightened members" }),
    );
    expect(back.snapshot.value).toBe("forming");
    const adjourned = run([at(1, { type: "ADJOURN", outcome: "ended-early", reason: "x" })]);
    const reopened = applyStageEvent(adjourned, at(2, { type: "REGRESS", to: "forming", reason: "funding renewed" }));
    expect(reopened.snapshot.value).toBe("forming");
    expect(reopened.snapshot.context.outcome).toBeNull();
  });

  it("refuses events out of order, with a bad time, without an author, or of an unknown type", () => {
    const storming = run(toStorming);
    const backwards = applyStageEvent(storming, at(2, { type: "SESSION_HELD" }));
    expect(backwards.ok ? [] : backwards.blockedBy).toEqual([
      {
        code: "time-goes-backwards",
        message: `The event happened at ${hoursLater(2)}, before the group's last event at ${hoursLater(3)}; record events in order.`,
      },
    ]);
    expect(codes(applyStageEvent(storming, { type: "SESSION_HELD", at: "2026-02-31T10:00:00Z", by: WORKER }))).toEqual([
      "invalid-time",
    ]);
    expect(codes(applyStageEvent(storming, { type: "SESSION_HELD", at: "2026-03-01", by: "" }))).toEqual([
      "invalid-time",
      "missing-actor",
    ]);
    expect(codes(applyStageEvent(storming, { type: "PAUSE", at: hoursLater(9), by: WORKER } as never))).toEqual([
      "unknown-event",
    ]);
    expect(codes(applyStageEvent(storming, null as never))).toEqual(["unknown-event"]);
    const untyped = applyStageEvent(storming, {} as never);
    expect(untyped.ok ? [] : untyped.blockedBy).toEqual([
      { code: "unknown-event", message: "The stage machine does not know events of type undefined." },
    ]);
    expect(
      codes(
        applyStageEvent(storming, { type: "AGREEMENT_ADOPTED", version: "", at: hoursLater(9), by: WORKER } as never),
      ),
    ).toEqual(["invalid-agreement"]);
    // The same instant as the last event is in order: a session and the agreement may be recorded together.
    expect(applyStageEvent(storming, at(3, { type: "SESSION_HELD" })).ok).toBe(true);
  });

  it("throws GroupworkError for a snapshot that is not a stage machine's, and for a malformed start", () => {
    expect(() => applyStageEvent({ value: "forming" } as never, at(1, { type: "SESSION_HELD" }))).toThrow(
      GroupworkError,
    );
    expect(() => availableStageEvents({} as never)).toThrow(/snapshot of a machine from createStageMachine/);
    expect(() => startStages(tuckmanModel, undefined as never)).toThrow(
      /^startStages: the start \(input\) must be an object \{ at, by, activeMembers \}; got undefined\.$/,
    );
    // @ts-expect-error: the machine's input is required; a JavaScript caller may still leave it out
    const inputless = createActor(tuckmanStageMachine).getSnapshot();
    expect(inputless.status).toBe("error");
    expect(inputless.error).toBeInstanceOf(GroupworkError);
    expect(() => startStages(tuckmanModel, { at: "yesterday", by: WORKER })).toThrow(/must be an ISO 8601 instant/);
    expect(() => startStages(tuckmanModel, { at: START, by: " " })).toThrow(/who recorded it/);
    expect(() => startStages(tuckmanModel, { at: START, by: WORKER, activeMembers: -1 })).toThrow(/active members/);
    expect(() => createStageMachine(tuckmanModel, { minSessions: 1.5 })).toThrow(/whole number/);
    expect(() => createStageMachine(tuckmanModel, { readiness: { dormant: {} } as never })).toThrow(
      /not in the stage model/,
    );
    expect(() => createStageMachine(tuckmanModel, { readiness: { storming: { minSessions: -1 } } })).toThrow(
      /whole number/,
    );
    expect(() => createStageMachine(tuckmanModel, { onMemberJoined: "ignore" as never })).toThrow(/onMemberJoined/);
  });

  it("runs in an actor too, where refused events change nothing", () => {
    const actor = createActor(tuckmanStageMachine, { input: START_INPUT }).start();
    actor.send(at(1, { type: "ADVANCE" }));
    expect(actor.getSnapshot().value).toBe("forming");
    for (const event of toStorming) actor.send(event);
    expect(actor.getSnapshot().value).toBe("storming");
    actor.stop();
  });
});
