import { describe, expect, it } from "vitest";
import {
  applyStageEvent,
  createStageMachine,
  persistStageSnapshot,
  replayStageEvents,
  restoreStageSnapshot,
  startStages,
  timeInStage,
  tuckmanModel,
} from "../../src/stages/index";
import { thrown } from "../fixtures/untrusted";
import { START, START_INPUT, WORKER } from "./helpers";

// The stage functions' argument readers: instants the wire format cannot write, misspelt options, arguments that
// cannot be read, and getters that answer differently the second time.

const revoked = (): object => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
};
const start = startStages(tuckmanModel, START_INPUT);
const chicago = { timeZone: "America/Chicago" };

describe("instants outside the years 0000–9999", () => {
  it.each([
    ["startStages", () => startStages(tuckmanModel, { at: new Date("+010000-01-01T00:00Z"), by: WORKER })],
    [
      "replayStageEvents",
      () => replayStageEvents(tuckmanModel, { at: new Date("+010000-01-01T00:00Z"), by: WORKER }, []),
    ],
  ])("%s refuses a start Date in the year 10000", (caller, call) => {
    expect(thrown(call).message).toBe(
      `${caller}: the start's time (input.at) is the Date +010000-01-01T00:00:00.000Z, outside the years 0000–9999 that ISO 8601 text can carry.`,
    );
  });

  it("keeps a start Date at the last millisecond of 9999 as four-digit text that restores", () => {
    const last = startStages(tuckmanModel, { at: new Date("9999-12-31T23:59:59.999Z"), by: WORKER });
    expect(last.context.lastEventAt).toBe("9999-12-31T23:59:59.999Z");
    const restored = restoreStageSnapshot(tuckmanModel, JSON.parse(JSON.stringify(persistStageSnapshot(last))));
    expect(restored.ok).toBe(true);
  });

  it("timeInStage refuses the last Date there is, and an at whose day in the zone is in the year 10000", () => {
    expect(thrown(() => timeInStage(start, new Date(8.64e15), { timeZone: "Pacific/Kiritimati" })).message).toBe(
      "timeInStage: at is the Date +275760-09-13T00:00:00.000Z, outside the years 0000–9999 that ISO 8601 text can carry.",
    );
    // Kiritimati is UTC+14: 12:00Z on the last day of 9999 is 02:00 on 1 January 10000 there.
    expect(thrown(() => timeInStage(start, "9999-12-31T12:00Z", { timeZone: "Pacific/Kiritimati" })).message).toBe(
      'timeInStage: at "9999-12-31T12:00Z" falls on a day in the year 10000 in Pacific/Kiritimati, outside the years 0000–9999 that a calendar date YYYY-MM-DD can carry.',
    );
  });

  it("timeInStage refuses a stage entered on a day before the year 0000 in the zone", () => {
    // Midnight at UTC+01:00 on 1 January of year 0 is 23:00Z on 31 December of year −1.
    const early = startStages(tuckmanModel, { at: "0000-01-01T00:00+01:00", by: WORKER });
    expect(thrown(() => timeInStage(early, "2026-01-01T00:00Z", { timeZone: "UTC" })).message).toBe(
      'timeInStage: the stage\'s entry time "0000-01-01T00:00+01:00" falls on a day in the year -1 in UTC, outside the years 0000–9999 that a calendar date YYYY-MM-DD can carry.',
    );
  });

  it("an event's at is text, so a Date of any year is refused as an invalid time", () => {
    const step = applyStageEvent(start, { type: "SESSION_HELD", at: new Date(8.64e15) as never, by: WORKER });
    expect(step.ok ? [] : step.blockedBy.map((reason) => reason.code)).toEqual(["invalid-time"]);
  });
});

describe("options with a key that is not an option", () => {
  const known = '"minSessions", "requireAgreement", "readiness", "onMemberJoined"';
  it.each([
    ["createStageMachine", () => createStageMachine(tuckmanModel, { minSession: 2 } as never), "minSession"],
    ["startStages", () => startStages(tuckmanModel, START_INPUT, { onMemberJoin: "suggest" } as never), "onMemberJoin"],
    [
      "replayStageEvents",
      () => replayStageEvents(tuckmanModel, START_INPUT, [], { requireAgreemnt: false } as never),
      "requireAgreemnt",
    ],
    [
      "restoreStageSnapshot",
      () => restoreStageSnapshot(tuckmanModel, persistStageSnapshot(start), { foo: 1 } as never),
      "foo",
    ],
  ])("%s refuses it, naming it and the options", (caller, call, key) => {
    expect(thrown(call)).toMatchObject({
      code: "invalid-argument",
      message: `${caller}: options has the key "${key}", which it does not take; it takes ${known}.`,
    });
  });

  it("refuses a misspelt key in a stage's readiness rule", () => {
    const options = { readiness: { storming: { minSession: 2 } } } as never;
    expect(thrown(() => createStageMachine(tuckmanModel, options)).message).toBe(
      'createStageMachine: options.readiness.storming has the key "minSession", which it does not take; it takes "minSessions", "requiresAgreement".',
    );
  });

  it("timeInStage refuses one, and still says options must be an object when given text", () => {
    expect(thrown(() => timeInStage(start, START, { timezone: "UTC" } as never)).message).toBe(
      'timeInStage: options has the key "timezone", which it does not take; it takes "timeZone".',
    );
    expect(thrown(() => timeInStage(start, START, "America/Chicago" as never)).message).toBe(
      'timeInStage: options must be an object such as { timeZone: "America/Chicago" }; got "America/Chicago".',
    );
  });
});

describe("arguments that cannot be read", () => {
  it.each([
    ["timeInStage's snapshot", () => timeInStage(revoked() as never, START, chicago), "timeInStage: snapshot"],
    ["timeInStage's options", () => timeInStage(start, START, revoked() as never), "timeInStage: options"],
    ["startStages' input", () => startStages(tuckmanModel, revoked() as never), "startStages: the start \\(input\\)"],
    [
      "createStageMachine's options",
      () => createStageMachine(tuckmanModel, revoked() as never),
      "createStageMachine: options",
    ],
    [
      "applyStageEvent's snapshot",
      () => applyStageEvent(revoked() as never, { type: "CLOSE", at: START, by: WORKER }),
      "applyStageEvent: snapshot",
    ],
  ])("%s, revoked, is a GroupworkError that says so", (_, call, where) => {
    const error = thrown(call);
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(
      new RegExp(`^${where} could not be read \\(reading it threw ".*revoked.*"\\); pass it as plain data\\.$`),
    );
  });

  it("applyStageEvent refuses an event that cannot be read, with a reason", () => {
    const step = applyStageEvent(start, revoked() as never);
    expect(step.ok ? [] : step.blockedBy.map((reason) => reason.code)).toEqual(["unknown-event"]);
    expect(step.ok ? "" : step.blockedBy[0]?.message).toMatch(
      /^The event could not be read \(reading it threw ".*revoked/,
    );
    const throwing = {
      type: "SESSION_HELD" as const,
      at: START,
      get by(): string {
        throw new Error("boom");
      },
    };
    expect(applyStageEvent(start, throwing)).toEqual({
      ok: false,
      snapshot: start,
      blockedBy: [
        {
          code: "unknown-event",
          message: 'The event could not be read (reading it threw "boom"); send it as plain data.',
        },
      ],
    });
  });

  it("restoreStageSnapshot gives an issue, not an exception, for an envelope that cannot be read", () => {
    expect(restoreStageSnapshot(tuckmanModel, revoked())).toMatchObject({
      ok: false,
      issues: [{ code: "invalid-shape", path: [], message: expect.stringMatching(/^The envelope could not be read/) }],
    });
    const envelope = {
      ...JSON.parse(JSON.stringify(persistStageSnapshot(start))),
      get snapshot(): never {
        throw new Error("boom");
      },
    };
    expect(restoreStageSnapshot(tuckmanModel, envelope)).toEqual({
      ok: false,
      issues: [
        {
          code: "invalid-shape",
          path: [],
          message: 'The envelope could not be read (reading it threw "boom"); store it as plain JSON.',
        },
      ],
    });
  });
});

describe("fields read once", () => {
  it("applyStageEvent keeps the time that was checked", () => {
    let reads = 0;
    const event = {
      type: "SESSION_HELD" as const,
      by: WORKER,
      get at() {
        reads++;
        return reads === 1 ? "2026-02-05T19:30:00-05:00" : "garbage";
      },
    };
    const step = applyStageEvent(start, event);
    expect([step.ok, step.snapshot.context.lastEventAt, reads]).toEqual([true, "2026-02-05T19:30:00-05:00", 1]);
  });

  it("timeInStage refuses a stage entry time that turns to nonsense after the snapshot was checked", () => {
    const [entry] = start.context.history;
    let reads = 0;
    const changing = {
      ...entry,
      get enteredAt() {
        reads++;
        return reads === 1 ? START : "nonsense";
      },
    };
    const snapshot = { ...start, machine: start.machine, context: { ...start.context, history: [changing] } };
    expect(thrown(() => timeInStage(snapshot as never, "2026-02-19T18:00:00-05:00", chicago)).message).toBe(
      'timeInStage: the snapshot\'s stage was entered at "nonsense", not an ISO 8601 instant; use the snapshot startStages, applyStageEvent or restoreStageSnapshot gave back.',
    );
  });

  it("refuses a live snapshot whose history is a sparse list of length 2 ** 32 - 1, at once", () => {
    const history = [...start.context.history];
    history.length = 2 ** 32 - 1;
    const snapshot = { ...start, machine: start.machine, context: { ...start.context, history } };
    expect(thrown(() => timeInStage(snapshot as never, START, chicago)).message).toBe(
      "timeInStage: the snapshot's context.history is not what a stage machine writes; use the snapshot startStages, applyStageEvent or restoreStageSnapshot gave back.",
    );
  });
});

describe("lists at the most a stored snapshot holds", () => {
  // A group in storming with its agreement adopted, stored and edited into a snapshot whose list is full.
  const when = "2026-02-05T19:00:00-05:00";
  const storming = replayStageEvents(tuckmanModel, START_INPUT, [
    { type: "SESSION_HELD", at: when, by: WORKER },
    {
      type: "AGREEMENT_ADOPTED",
      at: when,
      by: WORKER,
      version: "1",
      includesConfidentiality: true,
      limitsExplained: true,
    },
    { type: "ADVANCE", at: when, by: WORKER },
  ]);
  const stored = () => JSON.parse(JSON.stringify(persistStageSnapshot(storming.snapshot)));
  const restored = (envelope: unknown) => {
    const result = restoreStageSnapshot(tuckmanModel, envelope);
    if (!result.ok) throw new Error(JSON.stringify(result.issues.slice(0, 3)));
    return result.snapshot;
  };

  it("refuses a member joining in storming when the suggestions already hold 10,000", () => {
    const envelope = stored();
    const suggestion = { code: "may-be-re-forming", at: when, message: "A member joined." };
    envelope.snapshot.context.suggestions = Array.from({ length: 10_000 }, () => suggestion);
    const step = applyStageEvent(restored(envelope), { type: "MEMBER_JOINED", at: when, by: WORKER });
    expect(step.ok ? [] : step.blockedBy).toEqual([
      {
        code: "count-too-large",
        message: "The group's list of suggestions already holds 10000 entries, the most a stored snapshot holds.",
      },
    ]);
    // A member leaving adds nothing to either list.
    expect(applyStageEvent(restored(envelope), { type: "MEMBER_LEFT", at: when, by: WORKER }).ok).toBe(true);
  });

  it("refuses a change of stage when the history already holds 10,000 entries", () => {
    const envelope = stored();
    const [start, advance] = envelope.snapshot.context.history;
    const back = {
      stage: "forming",
      enteredAt: when,
      event: "REGRESS",
      by: WORKER,
      reason: "trust is low",
      sessions: 1,
    };
    // START in forming (1 session), then 4,999 times ADVANCE to storming and REGRESS to forming (1 session each), and a
    // last ADVANCE: 1 + 2 × 4,999 + 1 = 10,000 entries, 5,000 sessions, in storming.
    const history = [start];
    for (let index = 0; index < 4_999; index++) history.push(advance, back);
    history.push(advance);
    envelope.snapshot.context.history = history;
    envelope.snapshot.context.sessionsTotal = 5_000;
    const snapshot = restored(envelope);
    expect(snapshot.context.history).toHaveLength(10_000);
    const step = applyStageEvent(snapshot, { type: "REGRESS", to: "forming", reason: "r", at: when, by: WORKER });
    expect(step.ok ? [] : step.blockedBy.map((reason) => [reason.code, reason.message])).toEqual([
      ["count-too-large", "The group's history already holds 10000 entries, the most a stored snapshot holds."],
    ]);
    expect(applyStageEvent(snapshot, { type: "SESSION_HELD", at: when, by: WORKER }).ok).toBe(true);
  });
});
