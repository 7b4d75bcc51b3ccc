import { describe, expect, it } from "vitest";
import {
  applyStageEvent,
  availableStageEvents,
  createStageMachine,
  defineStageModel,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageModel,
  type StageStep,
  stageDiagram,
  stageGuidance,
  startStages,
  suggestStage,
  timeInStage,
  tuckmanModel,
} from "../../src/stages/index";
import { circular, deep, thrown } from "../fixtures/untrusted";
import { at, hoursLater, START_INPUT } from "./helpers";

// Values no caller should send, sent anyway. Events and envelopes are data: they come back refused, with reasons or
// issues. Models, options, starts and lists are arguments: they come back as a GroupworkError naming what is wrong.
// Tables hold makers, not values: the test runner would try to print a 5,000-deep array in a test's name.

const start = startStages(tuckmanModel, START_INPUT);
const codes = <Id extends string>(step: StageStep<Id>) => (step.ok ? [] : step.blockedBy.map((r) => r.code));

describe("applyStageEvent with events that are not stage events", () => {
  it.each([
    ["xstate.stop", () => ({ type: "xstate.stop", at: hoursLater(1), by: "w" }), '"xstate.stop"'],
    ["an xstate error event", () => ({ type: "xstate.error.actor.x" }), '"xstate.error.actor.x"'],
    ["a BigInt type", () => ({ type: 1n }), "the BigInt 1n"],
    ["a 5,000-deep type", () => ({ type: deep(5000) }), "an array of 1 item"],
    ["a circular type", () => ({ type: circular() }), 'an object (keys "a", "self")'],
    ["a Symbol type", () => ({ type: Symbol("t") }), "a Symbol (t)"],
    ["a null-prototype event", () => Object.create(null), "undefined"],
  ])("refuses %s as an unknown event, and the group stays active where it was", (_, event, shown) => {
    const step = applyStageEvent(start, event() as never);
    expect(step.ok ? [] : step.blockedBy).toEqual([
      { code: "unknown-event", message: `The stage machine does not know events of type ${shown}.` },
    ]);
    expect(step.snapshot).toBe(start);
    expect(step.snapshot.status).toBe("active");
    const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(step.snapshot)));
    expect(restoreStageSnapshot(tuckmanModel, envelope).ok).toBe(true);
  });

  it("refuses an event with a 5,000-deep or BigInt time as an invalid time", () => {
    const deepAt = applyStageEvent(start, { type: "SESSION_HELD", at: deep(5000), by: "w" } as never);
    expect(deepAt.ok ? [] : deepAt.blockedBy).toEqual([
      {
        code: "invalid-time",
        message:
          "The event's time an array of 1 item is not an ISO 8601 instant with an offset, such as 2026-03-02T17:00:00-05:00.",
      },
    ]);
    expect(codes(applyStageEvent(start, { type: "SESSION_HELD", at: 1n, by: "w" } as never))).toEqual(["invalid-time"]);
  });

  it("describes a BigInt outcome, and a stage that is not text, without throwing", () => {
    const adjourn = { type: "ADJOURN", outcome: 1n, reason: "r", at: hoursLater(1), by: "w" };
    const step = applyStageEvent(start, adjourn as never);
    expect(step.ok ? [] : step.blockedBy.map((r) => r.message)).toEqual([
      'ADJOURN\'s outcome the BigInt 1n is neither "completed" nor "ended-early".',
    ]);
    const regress = { type: "REGRESS", to: deep(5000), reason: "r", at: hoursLater(1), by: "w" };
    const back = applyStageEvent(start, regress as never);
    expect(back.ok ? [] : back.blockedBy[0]?.message).toBe("an array of 1 item is not a stage of the model tuckman.");
  });

  it("refuses a reason that is not text instead of dropping it from the history", () => {
    const step = applyStageEvent(start, {
      type: "ADJOURN",
      outcome: "completed",
      reason: 5,
      at: hoursLater(1),
      by: "w",
    } as never);
    expect(step.ok ? [] : step.blockedBy).toEqual([
      { code: "invalid-reason", message: "The event's reason is 5; give it as text, or leave it out." },
    ]);
    expect(codes(applyStageEvent(start, { ...at(1, { type: "CLOSE" }), reason: { text: "x" } } as never))).toEqual([
      "invalid-reason",
      "not-final-stage",
    ]);
  });
});

describe("counts that enter the context stay exact, so what is accepted always restores", () => {
  it.each([
    ["1e21", () => 1e21],
    ["-1", () => -1],
    ["Infinity", () => Number.POSITIVE_INFINITY],
    ["NaN", () => Number.NaN],
    ["2 ** 53", () => 2 ** 53],
    ["null", () => null],
    ["a BigInt", () => 3n],
  ])("startStages and replayStageEvents refuse %s active members", (_, count) => {
    const input = { ...START_INPUT, activeMembers: count() as number };
    expect(thrown(() => startStages(tuckmanModel, input)).message).toMatch(
      /^startStages: the start has .* active members \(input\.activeMembers\); use a whole number from 0 to 9007199254740991\.$/,
    );
    expect(thrown(() => replayStageEvents(tuckmanModel, input, [])).message).toMatch(
      /^replayStageEvents: the start has/,
    );
  });

  it("accepts Number.MAX_SAFE_INTEGER members, which restores, and refuses one more joining", () => {
    const full = startStages(tuckmanModel, { ...START_INPUT, activeMembers: Number.MAX_SAFE_INTEGER });
    const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(full)));
    expect(restoreStageSnapshot(tuckmanModel, envelope).ok).toBe(true);
    const step = applyStageEvent(full, at(1, { type: "MEMBER_JOINED" }));
    expect(step.ok ? [] : step.blockedBy).toEqual([
      {
        code: "count-too-large",
        message: "The group already counts 9007199254740991 active members, the most a count can hold exactly.",
      },
    ]);
  });

  it("refuses a session beyond Number.MAX_SAFE_INTEGER in a restored snapshot", () => {
    const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(start)));
    const context = envelope.snapshot.context;
    context.sessionsTotal = Number.MAX_SAFE_INTEGER;
    context.sessionsInStage = Number.MAX_SAFE_INTEGER;
    context.history[0].sessions = Number.MAX_SAFE_INTEGER;
    const restored = restoreStageSnapshot(tuckmanModel, envelope);
    if (!restored.ok) throw new Error("the envelope should restore");
    expect(codes(applyStageEvent(restored.snapshot, at(1, { type: "SESSION_HELD" })))).toEqual(["count-too-large"]);
  });
});

describe("models, options, starts and lists outside their types", () => {
  it("says to pass the model itself when given its id", () => {
    const message =
      'must be a stage model; got "tuckman", which is a model\'s id. Pass the model itself (such as tuckmanModel), or look a built-in one up with stageModels[id].';
    expect(thrown(() => startStages("tuckman" as never, START_INPUT)).message).toBe(
      `startStages: the model ${message}`,
    );
    expect(thrown(() => replayStageEvents("tuckman" as never, START_INPUT, [])).message).toBe(
      `replayStageEvents: the model ${message}`,
    );
    expect(thrown(() => restoreStageSnapshot("tuckman" as never, {})).message).toBe(
      `restoreStageSnapshot: the model ${message}`,
    );
    expect(thrown(() => createStageMachine("tuckman" as never)).message).toBe(
      `createStageMachine: the model ${message}`,
    );
  });

  it.each([
    ["null", () => null, "the model must be a stage model; got null."],
    ["an empty object", () => ({}), "model.id must be non-empty text; got undefined."],
    ["a Symbol id", () => ({ ...tuckmanModel, id: Symbol("i") }), "model.id must be non-empty text; got a Symbol (i)."],
    [
      "a null-prototype id",
      () => ({ ...tuckmanModel, id: Object.create(null) }),
      "model.id must be non-empty text; got an object with no prototype (no keys).",
    ],
    [
      "a 5,000-deep id",
      () => ({ ...tuckmanModel, id: deep(5000) }),
      "model.id must be non-empty text; got an array of 1 item.",
    ],
    [
      "stages that are text",
      () => ({ ...tuckmanModel, stages: "x".repeat(1_000_000) }),
      'model.stages of the stage model "tuckman" must be a list; got "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…".',
    ],
    [
      "a null stage",
      () => ({ ...tuckmanModel, stages: [null, ...tuckmanModel.stages] }),
      'model.stages[0] of the stage model "tuckman" must be a stage object; got null.',
    ],
    [
      "a stage id that is true",
      () => ({ ...tuckmanModel, stages: [{ ...tuckmanModel.stages[0], id: true }, ...tuckmanModel.stages.slice(1)] }),
      'the stage model "tuckman" has stage id true; use lower-case words joined by hyphens, other than "closed".',
    ],
    [
      "a null label",
      () => ({
        ...tuckmanModel,
        stages: [{ ...tuckmanModel.stages[0], label: null }, ...tuckmanModel.stages.slice(1)],
      }),
      'model.stages[0].label of the stage model "tuckman" must be text; got null.',
    ],
    [
      "null markers",
      () => ({
        ...tuckmanModel,
        stages: [{ ...tuckmanModel.stages[0], markers: null }, ...tuckmanModel.stages.slice(1)],
      }),
      "model.stages[0].markers must be a list of texts; got null.",
    ],
    [
      "a null readiness",
      () => ({
        ...tuckmanModel,
        stages: [{ ...tuckmanModel.stages[0], readiness: null }, ...tuckmanModel.stages.slice(1)],
      }),
      'model.stages[0].readiness of the stage model "tuckman" must be an object such as { minSessions: 1 }; got null.',
    ],
    [
      "a text requiresAgreement",
      () => ({
        ...tuckmanModel,
        stages: [
          { ...tuckmanModel.stages[0], readiness: { requiresAgreement: "yes" } },
          ...tuckmanModel.stages.slice(1),
        ],
      }),
      'model.stages[0].readiness.requiresAgreement of the stage model "tuckman" must be true, false or left out; got "yes".',
    ],
    [
      "null citations",
      () => ({ ...tuckmanModel, citation: null }),
      "model.citation must be a list of texts; got null.",
    ],
  ])("every function that takes a model refuses %s, naming the field", (_, model, message) => {
    const calls: [string, (m: StageModel) => unknown][] = [
      ["defineStageModel", (m) => defineStageModel(m)],
      ["createStageMachine", (m) => createStageMachine(m)],
      ["startStages", (m) => startStages(m, START_INPUT)],
      ["replayStageEvents", (m) => replayStageEvents(m, START_INPUT, [])],
      ["restoreStageSnapshot", (m) => restoreStageSnapshot(m, persistStageSnapshot(start))],
      ["stageDiagram", (m) => stageDiagram(m)],
      ["stageGuidance", (m) => stageGuidance(m, "forming")],
    ];
    for (const [name, call] of calls) {
      const error = thrown(() => call(model() as StageModel));
      expect([error.code, error.message]).toEqual(["invalid-argument", `${name}: ${message}`]);
    }
    expect(thrown(() => suggestStage({ model: model() as StageModel })).message).toBe(
      `suggestStage: ${message.replace(/^the model/, "evidence.model")}`,
    );
  });

  it.each([
    ["a BigInt", () => 1n, "options must be an object such as { minSessions: 2 }; got the BigInt 1n."],
    ["null", () => null, "options must be an object such as { minSessions: 2 }; got null."],
    ["a circular minSessions", () => ({ minSessions: circular() }), /^options\.minSessions is an object/],
    [
      "a huge text as readiness",
      () => ({ readiness: "x".repeat(1_000_000) }),
      /^options\.readiness must be an object of stage ids, such as \{ storming: \{ minSessions: 2 \} \}; got "x{63}…"\.$/,
    ],
    ["a list as readiness", () => ({ readiness: [] }), /^options\.readiness must be an object of stage ids/],
    [
      "a null rule",
      () => ({ readiness: { storming: null } }),
      "options.readiness.storming must be an object such as { minSessions: 2 }; got null.",
    ],
    [
      "a text requiresAgreement",
      () => ({ readiness: { storming: { requiresAgreement: "no" } } }),
      'options.readiness.storming.requiresAgreement is "no"; use true, false or leave it out.',
    ],
    [
      "a number requireAgreement",
      () => ({ requireAgreement: 0 }),
      "options.requireAgreement is 0; use true, false or leave it out.",
    ],
    [
      "1e21 sessions",
      () => ({ minSessions: 1e21 }),
      "options.minSessions is 1e+21; use a whole number of sessions, 0 or more.",
    ],
    [
      "a null onMemberJoined",
      () => ({ onMemberJoined: null }),
      'options.onMemberJoined is null; use "suggest" or "reopen-first-stage".',
    ],
  ])(
    "startStages, replayStageEvents, restoreStageSnapshot and createStageMachine refuse options with %s",
    (_, options, message) => {
      const calls: [string, () => unknown][] = [
        ["startStages", () => startStages(tuckmanModel, START_INPUT, options() as never)],
        ["replayStageEvents", () => replayStageEvents(tuckmanModel, START_INPUT, [], options() as never)],
        [
          "restoreStageSnapshot",
          () => restoreStageSnapshot(tuckmanModel, persistStageSnapshot(start), options() as never),
        ],
        ["createStageMachine", () => createStageMachine(tuckmanModel, options() as never)],
      ];
      for (const [name, call] of calls) {
        const error = thrown(call);
        expect(error.code).toBe("invalid-argument");
        if (typeof message === "string") expect(error.message).toBe(`${name}: ${message}`);
        else expect(error.message.slice(name.length + 2)).toMatch(message);
      }
    },
  );

  it.each([
    ["null", () => null, "null"],
    ["text", () => "abc", '"abc"'],
    ["a Symbol", () => Symbol("e"), "a Symbol (e)"],
    ["an object", () => ({ 0: at(1, { type: "SESSION_HELD" }), length: 1 }), 'an object (keys "0", "length")'],
  ])("replayStageEvents refuses %s as the event log", (_, events, shown) => {
    expect(thrown(() => replayStageEvents(tuckmanModel, START_INPUT, events() as never)).message).toBe(
      `replayStageEvents: events must be a list of stage events, oldest first; got ${shown}.`,
    );
  });

  it("replayStageEvents refuses a hole or a foreign event in the log at its index", () => {
    // biome-ignore lint/suspicious/noSparseArray: a log with a hole is what this test sends
    const replay = replayStageEvents(tuckmanModel, START_INPUT, [
      at(1, { type: "SESSION_HELD" }),
      ,
      at(2, { type: "SESSION_HELD" }),
    ] as never);
    expect(
      replay.ok ? [] : [replay.index, replay.blockedBy.map((r) => r.code), replay.snapshot.context.sessionsTotal],
    ).toEqual([1, ["unknown-event"], 1]);
    const stop = replayStageEvents(tuckmanModel, START_INPUT, [{ type: "xstate.stop" } as never]);
    expect(stop.ok ? [] : [stop.index, stop.snapshot.status]).toEqual([0, "active"]);
  });

  it.each([
    ["null", () => null, "the start (input) must be an object { at, by, activeMembers }; got null."],
    [
      "text",
      () => "2026-02-05T18:00:00-05:00",
      'the start (input) must be an object { at, by, activeMembers }; got "2026-02-05T18:00:00-05:00".',
    ],
    [
      "a 5,000-deep time",
      () => ({ at: deep(5000), by: "w" }),
      'the start\'s time (input.at) must be an ISO 8601 instant with an offset, such as "2026-03-02T17:00-05:00", or a valid Date; got an array of 1 item.',
    ],
    ["a BigInt actor", () => ({ at: START_INPUT.at, by: 1n }), "the start does not say who recorded it (input.by)."],
  ])("startStages refuses %s as the start", (_, input, message) => {
    expect(thrown(() => startStages(tuckmanModel, input() as never)).message).toBe(`startStages: ${message}`);
  });
});

describe("snapshots and envelopes outside their types", () => {
  const envelope = () => JSON.parse(JSON.stringify(persistStageSnapshot(start)));

  it.each([
    [
      "a 5,000-deep format",
      { format: deep(5000) },
      "wrong-format",
      'The envelope\'s format is an array of 1 item, not "groupwork.stage-snapshot".',
    ],
    [
      "a BigInt format",
      { format: 1n },
      "wrong-format",
      'The envelope\'s format is the BigInt 1n, not "groupwork.stage-snapshot".',
    ],
    [
      "a circular version",
      { version: circular() },
      "invalid-version",
      'The envelope\'s version is an object (keys "a", "self"); expected a whole number from 1.',
    ],
    [
      "a 5,000-deep model id",
      { modelId: deep(5000) },
      "wrong-model",
      'The snapshot was stored for stage model an array of 1 item, not "tuckman".',
    ],
  ])("restoreStageSnapshot describes %s", (_, change, code, message) => {
    const restored = restoreStageSnapshot(tuckmanModel, { ...envelope(), ...change });
    expect(restored.ok ? [] : restored.issues).toEqual([{ code, path: [Object.keys(change)[0]], message }]);
  });

  it("bounds the message about unknown fields, however many and however long", () => {
    const stored = envelope();
    for (let index = 0; index < 10_000; index++) stored[`k${index}`] = 1;
    stored["y".repeat(1_000_000)] = 1;
    const restored = restoreStageSnapshot(tuckmanModel, stored);
    expect(restored.ok ? [] : restored.issues.map((found) => [found.code, found.message])).toEqual([
      ["invalid-shape", 'Unknown fields "k0", "k1", "k2" and 9998 more; remove them.'],
    ]);
  });

  it("lists 20 issues about a stored history of 9,000 unknown stages and names the rest as one issue, with bounded messages", () => {
    const stored = envelope();
    const first = stored.snapshot.context.history[0];
    const stage = "x".repeat(100_000);
    stored.snapshot.context.history = Array.from({ length: 9_000 }, () => ({ ...first, stage }));
    const restored = restoreStageSnapshot(tuckmanModel, stored);
    const issues = restored.ok ? [] : restored.issues;
    // 20 issues are listed: history-start at entry 0, then unknown-stage at entries 0–18. The rest, unknown-stage at
    // entries 19–8,999 (8,981) and history-not-current at 8,999 (its stage is not the group's), are one issue.
    expect(issues.map((found) => [found.code, found.path[3]])).toEqual([
      ["history-start", 0],
      ...Array.from({ length: 19 }, (_, index) => ["unknown-stage", index]),
      ["unknown-stage", undefined],
    ]);
    expect(issues[20]).toEqual({
      code: "unknown-stage",
      path: ["snapshot", "context", "history"],
      message:
        "… and 8982 more issues about history entries 19–8999, not listed: only the first 20 issues about a list are.",
    });
    expect(Math.max(...issues.map((found) => found.message.length))).toBeLessThan(300);
  }, 60_000);

  it.each([
    ["2 ** 32 - 1", 2 ** 32 - 1],
    ["1e6", 1e6],
  ])("refuses a sparse stored history of length %s at once, as one issue", (_, length) => {
    const stored = envelope();
    stored.snapshot.context.history.length = length;
    const began = performance.now();
    const restored = restoreStageSnapshot(tuckmanModel, stored);
    expect(performance.now() - began).toBeLessThan(1_000);
    expect(restored.ok ? [] : restored.issues).toEqual([
      {
        code: "invalid-shape",
        path: ["snapshot", "context", "history"],
        message: `snapshot.context.history has ${length} entries; a stored snapshot holds at most 10000, far more than any group records.`,
      },
    ]);
  });

  it("lists the first 20 malformed entries of a stored list and says how many were left unchecked", () => {
    const stored = envelope();
    // 10,000 entries, the most a stored list may hold, every one a hole: 20 listed, then 9,980 left from [20] on.
    stored.snapshot.context.suggestions = new Array(10_000);
    const restored = restoreStageSnapshot(tuckmanModel, stored);
    const issues = restored.ok ? [] : restored.issues;
    expect(issues).toHaveLength(21);
    expect(issues[19]?.path).toEqual(["snapshot", "context", "suggestions", 19]);
    expect(issues[20]).toEqual({
      code: "invalid-shape",
      path: ["snapshot", "context", "suggestions"],
      message:
        "… and 9980 more entries from snapshot.context.suggestions[20] on, not checked: only the first 20 entries with problems are listed.",
    });
  });

  it("accepts a stored list of exactly 10,000 entries as far as its length goes, and refuses 10,001", () => {
    const stored = envelope();
    const suggestion = { code: "may-be-re-forming", at: stored.snapshot.context.lastEventAt, message: "m" };
    stored.snapshot.context.suggestions = Array.from({ length: 10_000 }, () => suggestion);
    expect(restoreStageSnapshot(tuckmanModel, stored).ok).toBe(true);
    stored.snapshot.context.suggestions.push(suggestion);
    const restored = restoreStageSnapshot(tuckmanModel, stored);
    expect(restored.ok ? [] : restored.issues.map((found) => found.path)).toEqual([
      ["snapshot", "context", "suggestions"],
    ]);
  });

  it.each([
    ["a null context", () => ({ ...start, context: null })],
    ["a context without a history", () => ({ ...start, context: { ...start.context, history: null } })],
    ["a null-prototype object", () => Object.create(null)],
    ["a machine alone", () => ({ machine: start.machine })],
  ])("the snapshot functions refuse %s with a GroupworkError", (_, snapshot) => {
    const event = at(1, { type: "SESSION_HELD" });
    for (const call of [
      () => applyStageEvent(snapshot() as never, event),
      () => availableStageEvents(snapshot() as never),
      () => persistStageSnapshot(snapshot() as never),
    ]) {
      expect(thrown(call).message).toMatch(
        /needs a snapshot of a machine from createStageMachine|is not what a stage machine writes/,
      );
    }
  });
});

describe("snapshots edited by hand", () => {
  it("refuses a state that is not a stage of the model", () => {
    const edited = { ...start, value: " " } as unknown as typeof start;
    expect(
      thrown(() => applyStageEvent(edited, { type: "SESSION_HELD", at: "2026-02-12T18:00:00-06:00", by: "w" })).message,
    ).toMatch(/applyStageEvent: the snapshot's value is not what a stage machine writes/);
  });

  it("refuses a history entry whose time cannot be read, instead of answering NaN days", () => {
    const [first] = start.context.history;
    const edited = {
      ...start,
      context: { ...start.context, history: [{ ...first, enteredAt: "2026-02-30T18:00:00-06:00" }] },
    } as typeof start;
    expect(
      thrown(() => timeInStage(edited, "2026-03-01T18:00:00-06:00", { timeZone: "America/Chicago" })).message,
    ).toMatch(/timeInStage: the snapshot's context.history\[0\] is not what a stage machine writes/);
  });
});

describe("suggestStage with long evidence", () => {
  it("reads 300,000 readings per list without overflowing the stack", () => {
    const advice = suggestStage({
      climate: Array.from({ length: 300_000 }, (_, index) => ({ conflict: index === 299_999 ? 6 : 1 })),
      conflictNotes: Array.from({ length: 300_000 }, (_, index) => (index === 299_999 ? 3 : 0)),
    });
    expect(advice.signals.map((signal) => signal.code)).toEqual(["climate-conflict-rising", "conflict-notes-rising"]);
  });
});
