// Properties of the fast-check arbitraries of groupwork/testing: every value passes the library's own validators
// (the schemas, parseGroupRecord, replayStageEvents, checkDisclosure) and facts computed here independently (calendar
// days and offsets from test/fixtures/calendar.ts, the attended statuses written out by hand), and shrinking keeps
// values valid.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkDisclosure } from "../../src/confidentiality/index";
import {
  AttendanceRecordSchema,
  ConsentSchema,
  GroupAgreementSchema,
  type GroupRecordInput,
  GroupSchema,
  InteractionActSchema,
  MemberSchema,
  MembershipSchema,
  parseGroupRecord,
  RecordedStageEventSchema,
  SessionSchema,
  TurnSchema,
} from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import {
  bostonModel,
  relationalModel,
  replayStageEvents,
  type StageModel,
  stageModels,
  toselandRivasModel,
  tuckmanModel,
} from "../../src/stages/index";
import {
  arbitraryAttendanceRecord,
  arbitraryConsent,
  arbitraryDisclosureRequest,
  arbitraryGroup,
  arbitraryGroupAgreement,
  arbitraryGroupRecord,
  arbitraryInteractionAct,
  arbitraryMember,
  arbitraryMembership,
  arbitrarySession,
  arbitraryStageEvent,
  arbitraryStageEventSequence,
  arbitraryTurn,
} from "../../src/testing/arbitraries";
import { calendarDate, dayNumberOf, localDayOf, offsetMinutesAt, zonedInstant } from "../fixtures/calendar";

const RUNS = { numRuns: 100 };
const RECORD_RUNS = { numRuns: 60 };

// Late arrivals and early leavers attended (OpenEMR, SimplePractice); written out here, not read from the library.
const ATTENDED = new Set(["present", "late", "left-early"]);

function noErrors(input: GroupRecordInput): string[] {
  const result = parseGroupRecord(input);
  return result.issues.filter((issue) => issue.severity === "error").map((issue) => `${issue.code} ${issue.message}`);
}

/** The calendar date an instant falls on in a zone, by the tests' own arithmetic. */
function dayIn(instant: string, timeZone: string): string {
  return calendarDate(localDayOf(Date.parse(instant), timeZone));
}

/** Whether some membership of the member covers the day (both ends inclusive, absent period for the whole group). */
function enrolled(input: GroupRecordInput, memberId: string, day: string): boolean {
  return input.memberships.some(
    (membership) =>
      membership.memberId === memberId &&
      (membership.period === undefined ||
        (dayNumberOf(membership.period.start) <= dayNumberOf(day) &&
          (membership.period.end === undefined || dayNumberOf(day) <= dayNumberOf(membership.period.end)))),
  );
}

describe("arbitraries of the model types", () => {
  const cases = [
    ["arbitraryGroup", arbitraryGroup(), GroupSchema],
    ["arbitraryMember", arbitraryMember(), MemberSchema],
    ["arbitraryMembership", arbitraryMembership(), MembershipSchema],
    ["arbitrarySession", arbitrarySession(), SessionSchema],
    ["arbitraryAttendanceRecord", arbitraryAttendanceRecord(), AttendanceRecordSchema],
    ["arbitraryTurn", arbitraryTurn(), TurnSchema],
    ["arbitraryInteractionAct", arbitraryInteractionAct(), InteractionActSchema],
    ["arbitraryGroupAgreement", arbitraryGroupAgreement(), GroupAgreementSchema],
    ["arbitraryConsent", arbitraryConsent(), ConsentSchema],
    ["arbitraryStageEvent", arbitraryStageEvent(), RecordedStageEventSchema],
  ] as const;

  it.each(cases)("%s gives values its schema accepts", (_, arbitrary, schema) => {
    fc.assert(
      fc.property(arbitrary as fc.Arbitrary<unknown>, (value) => {
        const result = schema.safeParse(value);
        expect(result.error?.issues ?? []).toEqual([]);
      }),
      RUNS,
    );
  });

  it("gives plain JSON: a value survives JSON unchanged", () => {
    fc.assert(
      fc.property(fc.tuple(arbitraryConsent(), arbitraryStageEvent(), arbitraryMember()), (values) => {
        expect(JSON.parse(JSON.stringify(values))).toStrictEqual(values);
      }),
      RUNS,
    );
  });

  it("keeps times in order: a turn ends after it starts, a departure after the arrival, a consent expires after it starts", () => {
    fc.assert(
      fc.property(arbitraryTurn(), arbitraryAttendanceRecord(), arbitraryConsent(), (turn, record, consent) => {
        expect(turn.end).toBeGreaterThanOrEqual(turn.start);
        if (record.arrivedAt !== undefined || record.departedAt !== undefined)
          expect(ATTENDED).toContain(record.status);
        if (record.arrivedAt !== undefined && record.departedAt !== undefined) {
          expect(Date.parse(record.departedAt)).toBeGreaterThanOrEqual(Date.parse(record.arrivedAt));
        }
        for (const later of [consent.validUntil, consent.revokedAt]) {
          if (later !== undefined) expect(Date.parse(later)).toBeGreaterThanOrEqual(Date.parse(consent.validFrom));
        }
      }),
      RUNS,
    );
  });

  it("starts sessions between 08:00 and 21:59 in the zone asked for", () => {
    const zones = ["Pacific/Chatham", "America/Chicago"];
    fc.assert(
      fc.property(arbitrarySession({ timeZones: zones }), (session) => {
        const ms = Date.parse(session.scheduledStart);
        const localMinutes = zones.map((zone) => {
          const wall = ms + offsetMinutesAt(zone, ms) * 60_000;
          return Math.floor((wall % 86_400_000) / 60_000);
        });
        expect(localMinutes.some((minute) => minute >= 8 * 60 && minute < 22 * 60)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("arbitraryGroupRecord", () => {
  it("gives records parseGroupRecord accepts with no error", () => {
    fc.assert(
      fc.property(arbitraryGroupRecord(), (input) => {
        expect(noErrors(input)).toEqual([]);
        expect(parseGroupRecord(input).ok).toBe(true);
      }),
      RECORD_RUNS,
    );
  });

  it("holds every reference, checked with the tests' own calendar", () => {
    fc.assert(
      fc.property(arbitraryGroupRecord({ sessions: { min: 1, max: 5 } }), (input) => {
        const zone = input.group.timeZone;
        const sessions = new Map((input.sessions ?? []).map((session) => [session.id, session]));
        const memberIds = new Set(input.members.map((member) => member.id));
        for (const membership of input.memberships) {
          expect(membership.groupId).toBe(input.group.id);
          expect(memberIds).toContain(membership.memberId);
        }
        for (const session of sessions.values()) {
          const minute = Math.floor(
            ((Date.parse(session.scheduledStart) + offsetMinutesAt(zone, Date.parse(session.scheduledStart)) * 60_000) %
              86_400_000) /
              60_000,
          );
          expect(minute).toBeGreaterThanOrEqual(8 * 60);
          expect(minute).toBeLessThan(22 * 60);
        }
        // Numbered 1, 2, … in the order they start.
        const byStart = [...sessions.values()].sort(
          (a, b) => Date.parse(a.scheduledStart) - Date.parse(b.scheduledStart) || a.sequence - b.sequence,
        );
        expect(byStart.map((session) => session.sequence)).toEqual(byStart.map((_, index) => index + 1));
        const attendedAt = new Map<string, Set<string>>();
        for (const record of input.attendance ?? []) {
          const session = sessions.get(record.sessionId);
          expect(session?.status).toBe("held");
          if (session === undefined) continue;
          expect(enrolled(input, record.memberId, dayIn(session.scheduledStart, zone))).toBe(true);
          if (ATTENDED.has(record.status)) {
            const attended = attendedAt.get(record.sessionId) ?? new Set();
            attended.add(record.memberId);
            attendedAt.set(record.sessionId, attended);
          }
        }
        for (const { sessionId, memberId } of [...(input.turns ?? []), ...(input.interactionActs ?? [])]) {
          expect(attendedAt.get(sessionId)).toContain(memberId);
        }
        for (const consent of input.consents ?? []) expect(memberIds).toContain(consent.memberId);
        for (const agreement of input.agreements ?? []) {
          for (const signature of agreement.signatures ?? []) {
            expect(enrolled(input, signature.memberId, signature.signedOn)).toBe(true);
          }
        }
      }),
      RECORD_RUNS,
    );
  });

  it("gives a stage log that replays from the first moment of the group's start date", () => {
    fc.assert(
      fc.property(arbitraryGroupRecord(), (input) => {
        const model = stageModels[input.group.stageModel ?? "tuckman"] as StageModel;
        const at = new Date(zonedInstant(dayNumberOf(input.group.startDate), 0, input.group.timeZone)).toISOString();
        const replay = replayStageEvents(model, { at, by: "worker" }, input.stageEvents ?? []);
        expect(replay.ok ? [] : replay.blockedBy).toEqual([]);
        const held = new Set((input.sessions ?? []).filter((s) => s.status === "held").map((s) => s.id));
        const named = (input.stageEvents ?? []).flatMap((event) =>
          event.type === "SESSION_HELD" && event.sessionId !== undefined ? [event.sessionId] : [],
        );
        expect(new Set(named).size).toBe(named.length);
        for (const id of named) expect(held).toContain(id);
      }),
      RECORD_RUNS,
    );
  });

  it("keeps to its options", () => {
    const options = {
      members: { min: 2, max: 3 },
      sessions: { min: 4, max: 4 },
      timeZones: ["Asia/Kathmandu"],
      turns: false,
      consents: false,
    } as const;
    fc.assert(
      fc.property(arbitraryGroupRecord(options), (input) => {
        expect(input.members.length).toBeGreaterThanOrEqual(2);
        expect(input.members.length).toBeLessThanOrEqual(3);
        expect(input.sessions).toHaveLength(4);
        expect(input.group.timeZone).toBe("Asia/Kathmandu");
        // Nepal keeps UTC+05:45 all year and has no daylight saving time.
        for (const session of input.sessions ?? []) expect(session.scheduledStart).toMatch(/(\+05:45|Z)$/);
        expect(input.turns).toBeUndefined();
        expect(input.consents).toBeUndefined();
        expect(input.interactionActs).toBeDefined();
        expect(noErrors(input)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("arbitraryStageEventSequence", () => {
  const models: readonly StageModel[] = [tuckmanModel, bostonModel, relationalModel, toselandRivasModel];

  it.each(models.map((model) => [model.id, model] as const))("gives %s logs that replay event by event", (_, model) => {
    fc.assert(
      fc.property(arbitraryStageEventSequence(model), ({ start, events }) => {
        const replay = replayStageEvents(model, start, events);
        expect(replay.ok ? [] : replay.blockedBy).toEqual([]);
        const times = [start.at, ...events.map((event) => event.at)].map((at) => Date.parse(at));
        times.slice(1).forEach((time, index) => {
          expect(time).toBeGreaterThan(times[index] as number);
        });
        for (const event of events) expect(RecordedStageEventSchema.safeParse(event).success).toBe(true);
      }),
      RUNS,
    );
  });

  it("gives logs valid under the machine options given, naming sessions in order and once", () => {
    const machineOptions = { minSessions: 2, requireAgreement: false, onMemberJoined: "reopen-first-stage" } as const;
    const sessionIds = ["s-01", "s-02", "s-03"];
    fc.assert(
      fc.property(arbitraryStageEventSequence(tuckmanModel, { machineOptions, sessionIds }), ({ start, events }) => {
        expect(replayStageEvents(tuckmanModel, start, events, machineOptions).ok).toBe(true);
        const named = events.flatMap((event) => (event.type === "SESSION_HELD" ? [event.sessionId] : []));
        expect(named).toEqual(sessionIds.slice(0, named.length));
      }),
      RUNS,
    );
  });

  it("reaches the later stages and closes, not only the first stage", () => {
    const ends = fc
      .sample(arbitraryStageEventSequence(tuckmanModel), { seed: 42, numRuns: 200 })
      .map(({ start, events }) => replayStageEvents(tuckmanModel, start, events).snapshot.value);
    expect(new Set(ends)).toEqual(new Set(["forming", "storming", "norming", "performing", "adjourning", "closed"]));
  });
});

describe("arbitraryDisclosureRequest", () => {
  it("gives requests checkDisclosure reads and decides", () => {
    fc.assert(
      fc.property(arbitraryDisclosureRequest(), (request) => {
        const decision = checkDisclosure(request);
        expect(decision.errors).toEqual([]);
        expect(decision.basis).not.toBe("invalid-request");
      }),
      RUNS,
    );
  });

  it("asks about a given record's members, with their own consents", () => {
    const memberIds = new Set(sampleGroupRecord.members.map((member) => member.id));
    fc.assert(
      fc.property(arbitraryDisclosureRequest({ record: sampleGroupRecord }), (request) => {
        expect(checkDisclosure(request).basis).not.toBe("invalid-request");
        expect(request.information.groupId).toBe(sampleGroupRecord.group.id);
        if (request.information.memberId !== undefined) expect(memberIds).toContain(request.information.memberId);
        for (const consent of request.consents ?? []) expect(consent.memberId).toBe(request.information.memberId);
      }),
      RUNS,
    );
  });

  it("gives both answers about a record's members", () => {
    const effects = fc
      .sample(arbitraryDisclosureRequest({ record: sampleGroupRecord }), { seed: 3, numRuns: 300 })
      .map((request) => checkDisclosure(request).effect);
    expect(new Set(effects)).toEqual(new Set(["permit", "deny"]));
  });
});

describe("shrinking", () => {
  // A property that fails on purpose for big values: the counterexample fast-check shrinks to must still be valid.
  it("shrinks a record to a smaller record that parseGroupRecord still accepts", () => {
    const big = (input: GroupRecordInput) => input.members.length >= 3 && (input.attendance ?? []).length >= 2;
    const details = fc.check(
      fc.property(
        arbitraryGroupRecord({ members: { min: 1, max: 10 }, sessions: { min: 1, max: 6 } }),
        (input) => !big(input),
      ),
      { seed: 20_240_601, numRuns: 200 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample ?? [];
    if (shrunk === undefined) throw new Error("no counterexample");
    expect(noErrors(shrunk)).toEqual([]);
    expect(big(shrunk)).toBe(true);
    // Shrunk as far as the property allows: one fewer member or attendance entry would pass it.
    expect(shrunk.members).toHaveLength(3);
    expect(shrunk.attendance).toHaveLength(2);
  });

  it("shrinks a stage log to a shorter log that still replays", () => {
    const details = fc.check(
      fc.property(arbitraryStageEventSequence(tuckmanModel), ({ start, events }) => {
        return replayStageEvents(tuckmanModel, start, events).snapshot.value !== "closed";
      }),
      { seed: 7, numRuns: 200 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample ?? [];
    if (shrunk === undefined) throw new Error("no counterexample");
    const replay = replayStageEvents(tuckmanModel, shrunk.start, shrunk.events);
    expect(replay.ok).toBe(true);
    expect(replay.snapshot.value).toBe("closed");
    // The shortest way to close: ADJOURN from the first stage, then CLOSE (the final stage asks for no session).
    expect(shrunk.events.map((event) => event.type)).toEqual(["ADJOURN", "CLOSE"]);
  });

  it("shrinks a disclosure request to one checkDisclosure still reads", () => {
    const details = fc.check(
      fc.property(arbitraryDisclosureRequest({ record: sampleGroupRecord }), (request) => {
        return checkDisclosure(request).effect !== "permit";
      }),
      { seed: 11, numRuns: 300 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample ?? [];
    if (shrunk === undefined) throw new Error("no counterexample");
    const decision = checkDisclosure(shrunk);
    expect(decision.errors).toEqual([]);
    expect(decision.effect).toBe("permit");
  });
});
