import { describe, expect, it } from "vitest";
import {
  bostonModel,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  type StageEvent,
  type StageModel,
  type StageRestoreIssueCode,
  type StageSnapshotEnvelope,
  tuckmanModel,
} from "../../src/index";
import { at, FULL_AGREEMENT, hoursLater, START_INPUT } from "./helpers";

type Tuckman = "forming" | "storming" | "norming" | "performing" | "adjourning";

// forming (1 session) → storming (2 sessions, a member joins) → forming again (REGRESS) → storming → adjourning.
const log: StageEvent<Tuckman>[] = [
  at(1, { type: "SESSION_HELD" }),
  at(2, FULL_AGREEMENT),
  at(3, { type: "ADVANCE" }),
  at(4, { type: "SESSION_HELD" }),
  at(5, { type: "MEMBER_JOINED", memberId: "m7" }),
  at(6, { type: "SESSION_HELD" }),
  at(7, { type: "REGRESS", to: "forming", reason: "the new member reopened trust" }),
  at(8, { type: "SESSION_HELD" }),
  at(9, { type: "ADVANCE" }),
];

function snapshotAfter(events: readonly StageEvent<Tuckman>[]) {
  const replay = replayStageEvents(tuckmanModel, START_INPUT, events);
  if (!replay.ok) throw new Error("the log must replay");
  return replay.snapshot;
}

/** A fresh JSON copy of the envelope of the log above, as a host would read it back. */
function stored(events = log): StageSnapshotEnvelope {
  return JSON.parse(JSON.stringify(persistStageSnapshot(snapshotAfter(events))));
}

function codesOf(envelope: unknown, model: StageModel = tuckmanModel): StageRestoreIssueCode[] {
  const restored = restoreStageSnapshot(model, envelope);
  return restored.ok ? [] : restored.issues.map((issue) => issue.code);
}

describe("persistStageSnapshot and restoreStageSnapshot", () => {
  it("writes a versioned plain-JSON envelope", () => {
    const envelope = persistStageSnapshot(snapshotAfter(log));
    expect(JSON.parse(JSON.stringify(envelope))).toEqual(envelope);
    expect(envelope).toMatchObject({
      format: "groupwork.stage-snapshot",
      version: 1,
      modelId: "tuckman",
      snapshot: { status: "active", value: "storming", historyValue: {}, children: {} },
    });
    expect(envelope.snapshot.context.history.map((entry) => [entry.stage, entry.sessions])).toEqual([
      ["forming", 1],
      ["storming", 2],
      ["forming", 1],
      ["storming", 0],
    ]);
  });

  it("stores what xstate's getPersistedSnapshot gives, for an active and a closed group", () => {
    const closed = [
      ...log,
      at<Tuckman>(10, { type: "ADJOURN", outcome: "completed", reason: "planned end" }),
      at<Tuckman>(11, { type: "CLOSE" }),
    ];
    for (const snapshot of [snapshotAfter(log), snapshotAfter(closed)]) {
      const persisted = snapshot.machine.getPersistedSnapshot(snapshot) as Record<string, unknown>;
      const { status, value, context, children, historyValue } = persistStageSnapshot(snapshot).snapshot;
      expect({ status, value, context, children, historyValue }).toEqual({
        status: persisted["status"],
        value: persisted["value"],
        context: persisted["context"],
        children: persisted["children"],
        historyValue: persisted["historyValue"] ?? {},
      });
    }
  });

  it("restores an equal snapshot that carries on like the original", () => {
    const original = snapshotAfter(log);
    const restored = restoreStageSnapshot(tuckmanModel, stored());
    expect(restored.ok).toBe(true);
    if (!restored.ok) return;
    expect(restored.snapshot.value).toBe(original.value);
    expect(restored.snapshot.context).toEqual(original.context);
    expect(restored.snapshot.status).toBe("active");
    const next = at<Tuckman>(10, { type: "SESSION_HELD" });
    const fromOriginal = replayStageEvents(tuckmanModel, START_INPUT, [...log, next]);
    expect(persistStageSnapshot(restored.snapshot)).toEqual(persistStageSnapshot(original));
    expect(fromOriginal.ok).toBe(true);
  });

  it("restores a closed group as done", () => {
    const closed = [
      ...log,
      at<Tuckman>(10, { type: "ADJOURN", outcome: "completed", reason: "planned end" }),
      at<Tuckman>(11, { type: "CLOSE" }),
    ];
    const restored = restoreStageSnapshot(tuckmanModel, stored(closed));
    expect(restored.ok && [restored.snapshot.value, restored.snapshot.status]).toEqual(["closed", "done"]);
  });

  // Each tamper: a name, a change to a fresh envelope, and the issue codes it must give.
  type Path = readonly (string | number)[];
  type Tamper = [string, (envelope: StageSnapshotEnvelope) => unknown, StageRestoreIssueCode[]];

  /** A deep copy of `envelope` with the value at `path` replaced. */
  function changed(envelope: unknown, path: Path, value: unknown): unknown {
    const copy: unknown = JSON.parse(JSON.stringify(envelope));
    let node = copy as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    const last = path.at(-1);
    if (last !== undefined) node[last] = value;
    return copy;
  }
  const set =
    (path: Path, value: unknown) =>
    (envelope: StageSnapshotEnvelope): unknown =>
      changed(envelope, path, value);
  const inContext = (path: Path, value: unknown) => set(["snapshot", "context", ...path], value);

  const tampers: Tamper[] = [
    ["a string instead of an object", () => '{"format":"groupwork.stage-snapshot"}', ["not-an-object"]],
    ["null", () => null, ["not-an-object"]],
    ["an array", () => [], ["not-an-object"]],
    ["another format", set(["format"], "xstate"), ["wrong-format"]],
    ["no format", set(["format"], undefined), ["wrong-format"]],
    ["version 0", set(["version"], 0), ["invalid-version"]],
    ["version as text", set(["version"], "1"), ["invalid-version"]],
    ["a future version", set(["version"], 2), ["future-version"]],
    ["another model in the envelope", set(["modelId"], "boston"), ["wrong-model"]],
    ["another model in the context", inContext(["modelId"], "boston"), ["wrong-model"]],
    ["an extra top-level field", set(["savedBy"], "host"), ["invalid-shape"]],
    ["no snapshot", set(["snapshot"], undefined), ["invalid-shape"]],
    ["a negative count", inContext(["activeMembers"], -1), ["invalid-shape"]],
    ["a time without offset", inContext(["lastEventAt"], "2026-02-06T03:00:00"), ["invalid-shape"]],
    ["an unknown event in history", inContext(["history", 1, "event"], "PROMOTE"), ["invalid-shape"]],
    ["a child actor", set(["snapshot", "children"], { timer: {} }), ["invalid-shape"]],
    ["an unknown current stage", set(["snapshot", "value"], "dormant"), ["unknown-stage", "history-not-current"]],
    ["an unknown stage in history", inContext(["history", 2, "stage"], "dormant"), ["unknown-stage"]],
    ["done while active", set(["snapshot", "status"], "done"), ["status-mismatch"]],
    ["an empty history", inContext(["history"], []), ["history-empty", "counts-inconsistent"]],
    ["a history that does not start with START", inContext(["history", 0, "event"], "ADVANCE"), ["history-start"]],
    ["a skipped stage", inContext(["history", 1, "stage"], "norming"), ["history-not-contiguous"]],
    [
      "a REGRESS that goes forward",
      inContext(["history", 2, "stage"], "norming"),
      ["history-not-contiguous", "history-not-contiguous"],
    ],
    ["a REGRESS without reason", inContext(["history", 2, "reason"], ""), ["history-missing-reason"]],
    [
      "a reopening the options do not allow",
      inContext(["history", 2, "event"], "MEMBER_JOINED"),
      ["history-not-contiguous"],
    ],
    ["a last entry that is not the current stage", set(["snapshot", "value"], "norming"), ["history-not-current"]],
    ["dates going backwards", inContext(["history", 2, "enteredAt"], hoursLater(1)), ["history-out-of-order"]],
    ["an entry after the last event", inContext(["lastEventAt"], hoursLater(8)), ["history-out-of-order"]],
    [
      "an agreement after the last event",
      inContext(["agreement", "adoptedAt"], hoursLater(20)),
      ["history-out-of-order"],
    ],
    [
      "a stage left before its sessions were held",
      inContext(["history", 0, "sessions"], 0),
      ["history-not-ready", "counts-inconsistent"],
    ],
    [
      "stages left without an agreement ever adopted",
      inContext(["agreement"], { status: "none" }),
      ["history-not-ready", "history-not-ready"],
    ],
    ["sessions in stage not matching history", inContext(["sessionsInStage"], 3), ["counts-inconsistent"]],
    ["a total not matching history", inContext(["sessionsTotal"], 9), ["counts-inconsistent"]],
    ["an outcome in a working stage", inContext(["outcome"], "completed"), ["outcome-inconsistent"]],
  ];

  it.each(tampers)("refuses %s", (_, tamper, expected) => {
    expect(codesOf(tamper(stored()))).toEqual(expected);
  });

  it("has more than 20 kinds of tampering covered", () => {
    expect(tampers.length).toBeGreaterThan(20);
  });

  it("refuses an adjourned group without an outcome, and gives paths and sentences", () => {
    const adjourned = stored([at<Tuckman>(1, { type: "ADJOURN", outcome: "ended-early", reason: "too few members" })]);
    const restored = restoreStageSnapshot(tuckmanModel, changed(adjourned, ["snapshot", "context", "outcome"], null));
    expect(restored.ok ? [] : restored.issues).toEqual([
      {
        code: "outcome-inconsistent",
        path: ["snapshot", "context", "outcome"],
        message: "The group was adjourned but has no outcome.",
      },
    ]);
    const out = restoreStageSnapshot(
      tuckmanModel,
      changed(stored(), ["snapshot", "context", "history", 3, "enteredAt"], hoursLater(2)),
    );
    expect(out.ok ? [] : out.issues).toEqual([
      {
        code: "history-out-of-order",
        path: ["snapshot", "context", "history", 3, "enteredAt"],
        message: `History entry 3 is dated ${hoursLater(2)}, before the entry before it (${hoursLater(7)}).`,
      },
    ]);
  });

  it("says which move was not ready, and why", () => {
    const early = restoreStageSnapshot(
      tuckmanModel,
      changed(stored(), ["snapshot", "context", "agreement"], { status: "none" }),
    );
    expect(early.ok ? [] : early.issues.map((found) => [found.path.join("."), found.message])).toEqual([
      [
        "snapshot.context.history.1",
        "History entry 1 leaves forming by ADVANCE, but no group agreement was ever adopted.",
      ],
      [
        "snapshot.context.history.3",
        "History entry 3 leaves forming by ADVANCE, but no group agreement was ever adopted.",
      ],
    ]);
    const strict = restoreStageSnapshot(tuckmanModel, stored(), {
      readiness: { storming: { minSessions: 3 } },
      minSessions: 2,
    });
    expect(strict.ok ? [] : strict.issues.map((found) => found.message)).toEqual([
      "History entry 1 leaves forming by ADVANCE after 1 of the 2 sessions it needs.",
      "History entry 3 leaves forming by ADVANCE after 1 of the 2 sessions it needs.",
    ]);
  });

  it("refuses sessions counted after the group was closed", () => {
    const closed = stored([
      at<Tuckman>(1, { type: "ADJOURN", outcome: "completed", reason: "planned end" }),
      at<Tuckman>(2, { type: "CLOSE" }),
    ]);
    // Three sessions in the closed entry, added to both counts so that only the closed entry is at fault.
    let tampered = changed(closed, ["snapshot", "context", "history", 2, "sessions"], 3);
    tampered = changed(tampered, ["snapshot", "context", "sessionsInStage"], 3);
    tampered = changed(tampered, ["snapshot", "context", "sessionsTotal"], 3);
    const restored = restoreStageSnapshot(tuckmanModel, tampered);
    expect(restored.ok ? [] : restored.issues).toEqual([
      {
        code: "counts-inconsistent",
        path: ["snapshot", "context", "history", 2, "sessions"],
        message: "History entry 2 counts sessions after the group was closed; nothing happens after closed.",
      },
    ]);
  });

  it("refuses a Tuckman snapshot restored into the Boston model", () => {
    expect(codesOf(stored(), bostonModel)).toEqual(["wrong-model"]);
  });

  it("accepts a reopening when the options allow it", () => {
    const options = { onMemberJoined: "reopen-first-stage" } as const;
    const replay = replayStageEvents(
      tuckmanModel,
      START_INPUT,
      [...log.slice(0, 4), at<Tuckman>(5, { type: "MEMBER_JOINED" })],
      options,
    );
    expect(replay.ok && replay.snapshot.value).toBe("forming");
    if (!replay.ok) return;
    const envelope = JSON.parse(JSON.stringify(persistStageSnapshot(replay.snapshot)));
    expect(restoreStageSnapshot(tuckmanModel, envelope, options).ok).toBe(true);
    expect(codesOf(envelope)).toEqual(["history-not-contiguous"]);
  });
});

describe("restoreStageSnapshot's sentences for a missing version or model", () => {
  it("says what is missing", () => {
    const missingVersion = restoreStageSnapshot(tuckmanModel, { format: "groupwork.stage-snapshot" });
    expect(missingVersion.ok ? [] : missingVersion.issues.map((issue) => issue.message)).toEqual([
      "The envelope's version is missing; expected a whole number from 1.",
    ]);
    const missingModel = restoreStageSnapshot(tuckmanModel, { format: "groupwork.stage-snapshot", version: 1 });
    expect(missingModel.ok ? [] : missingModel.issues.map((issue) => issue.message)).toEqual([
      'The snapshot was stored for stage model (none), not "tuckman".',
    ]);
  });
});
