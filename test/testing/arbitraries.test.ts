// Examples for the options of the fast-check arbitraries of groupwork/testing: what each option does, and the
// GroupworkError each malformed option gets, when the arbitrary is built rather than in the middle of a run.
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GroupworkError, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { defineStageModel, tuckmanModel } from "../../src/stages/index";
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

/** The message of the GroupworkError `build` throws, after checking it is one with the code `invalid-argument`. */
function refusal(build: () => unknown): string {
  try {
    build();
  } catch (error) {
    expect(error).toBeInstanceOf(GroupworkError);
    expect((error as GroupworkError).code).toBe("invalid-argument");
    return (error as GroupworkError).message;
  }
  throw new Error("expected a GroupworkError, but nothing was thrown");
}

describe("options the arbitraries refuse", () => {
  const builders: readonly (readonly [string, (options: never) => unknown])[] = [
    ["arbitraryGroup", arbitraryGroup],
    ["arbitraryMember", arbitraryMember],
    ["arbitraryMembership", arbitraryMembership],
    ["arbitrarySession", arbitrarySession],
    ["arbitraryAttendanceRecord", arbitraryAttendanceRecord],
    ["arbitraryTurn", arbitraryTurn],
    ["arbitraryInteractionAct", arbitraryInteractionAct],
    ["arbitraryGroupAgreement", arbitraryGroupAgreement],
    ["arbitraryConsent", arbitraryConsent],
    ["arbitraryStageEvent", arbitraryStageEvent],
    ["arbitraryGroupRecord", arbitraryGroupRecord],
    ["arbitraryDisclosureRequest", arbitraryDisclosureRequest],
  ];

  it.each(builders)("%s refuses a key it does not take, naming it", (name, build) => {
    const message = refusal(() => build({ timeZone: "UTC" } as never));
    expect(message).toContain(`${name}: options`);
    expect(message).toContain('"timeZone"');
  });

  it.each(builders)("%s refuses options that are not an object", (name, build) => {
    expect(refusal(() => build([] as never))).toContain(`${name}: options must be an object`);
  });

  it("refuses a misspelt key of the stage log arbitrary, and of a range", () => {
    expect(refusal(() => arbitraryStageEventSequence(tuckmanModel, { maxEvent: 5 } as never))).toContain('"maxEvent"');
    expect(refusal(() => arbitraryGroupRecord({ members: { minimum: 2 } as never }))).toContain(
      'arbitraryGroupRecord: options.members has the key "minimum"',
    );
  });

  it("refuses ranges that are not whole numbers from 0 to the cap, or that end before they start", () => {
    expect(refusal(() => arbitraryGroupRecord({ members: { min: 5, max: 2 } }))).toBe(
      "arbitraryGroupRecord: options.members.min (5) must not be more than arbitraryGroupRecord: options.members.max (2).",
    );
    expect(refusal(() => arbitraryGroupRecord({ sessions: { max: 51 } }))).toContain(
      "options.sessions.max must be a whole number from 0 to 50; got 51",
    );
    expect(refusal(() => arbitraryGroupRecord({ members: { min: 1.5 } }))).toContain("options.members.min");
    expect(refusal(() => arbitraryStageEventSequence(tuckmanModel, { maxEvents: -1 }))).toContain(
      "options.maxEvents must be a whole number from 0 to 200",
    );
    expect(refusal(() => arbitraryTurn({ maxSeconds: Number.NaN }))).toContain("options.maxSeconds");
  });

  it("refuses offsets and unknown names as time zones, and lists that are empty", () => {
    expect(refusal(() => arbitraryGroupRecord({ timeZones: ["+05:00"] }))).toBe(
      'arbitraryGroupRecord: options.timeZones[0] must be an IANA time zone name such as America/Chicago; got "+05:00".',
    );
    expect(refusal(() => arbitrarySession({ timeZones: ["UTC", "Mars/Olympus_Mons"] }))).toContain("timeZones[1]");
    expect(refusal(() => arbitraryGroup({ timeZones: [] }))).toContain("must be a list of 1 to 10000");
  });

  it("refuses ids a person cannot see, as the model does", () => {
    expect(refusal(() => arbitraryMember({ ids: ["m-1", " "] }))).toContain("arbitraryMember: options.ids[1]");
    expect(refusal(() => arbitraryConsent({ memberIds: ["\u200b"] }))).toContain("options.memberIds[0]");
    expect(refusal(() => arbitraryStageEvent({ recordedBy: [7] as never }))).toContain("options.recordedBy[0]");
  });

  it("refuses flags that are not true or false", () => {
    expect(refusal(() => arbitraryGroupRecord({ turns: "no" as never }))).toBe(
      'arbitraryGroupRecord: options.turns must be true or false; got "no".',
    );
  });

  it("refuses a malformed stage model or machine options, naming the arbitrary", () => {
    const notAModel = { id: "ours", stages: [] } as never;
    expect(refusal(() => arbitraryStageEventSequence(notAModel))).toMatch(/^arbitraryStageEventSequence: /);
    expect(
      refusal(() => arbitraryStageEventSequence(tuckmanModel, { machineOptions: { minSession: 2 } as never })),
    ).toContain("minSession");
  });

  it("refuses a record that parseGroupRecord refuses, or that has no members", () => {
    const broken = { ...sampleGroupRecord, attendance: [{ sessionId: "nope", memberId: "m-hope", status: "present" }] };
    expect(refusal(() => arbitraryDisclosureRequest({ record: broken }))).toContain("unknown-session");
    const empty = { group: sampleGroupRecord.group, members: [], memberships: [] };
    expect(refusal(() => arbitraryDisclosureRequest({ record: empty }))).toBe(
      "arbitraryDisclosureRequest: options.record has no members to ask about.",
    );
  });

  it("refuses a record whose consent names a party by an id nobody can see", () => {
    const consent = { ...sampleGroupRecord.consents[0], recipients: [{ kind: "outside-provider", id: " " }] };
    const record = { ...sampleGroupRecord, consents: [consent] };
    // The model lets a party's id be any non-empty text; a disclosure request asks for a visible one.
    expect(parseGroupRecord(record).ok).toBe(true);
    expect(refusal(() => arbitraryDisclosureRequest({ record }))).toContain("options.record.consents[0]");
  });
});

describe("what the options do", () => {
  it("draws ids from the lists given", () => {
    const [group] = fc.sample(arbitraryGroup({ ids: ["grp-thursday-grief"] }), { seed: 1, numRuns: 1 });
    expect(group?.id).toBe("grp-thursday-grief");
    const acts = fc.sample(arbitraryInteractionAct({ sessionIds: ["s-07"], memberIds: ["m-will", "m-aroha"] }), {
      seed: 1,
      numRuns: 30,
    });
    for (const act of acts) {
      expect(act.sessionId).toBe("s-07");
      expect(["m-will", "m-aroha"]).toContain(act.memberId);
      if (act.addresseeId !== undefined) expect(["m-will", "m-aroha"]).toContain(act.addresseeId);
    }
  });

  it("gives a record with no people when asked for none", () => {
    for (const input of fc.sample(arbitraryGroupRecord({ members: { max: 0 } }), { seed: 5, numRuns: 10 })) {
      expect(input.members).toEqual([]);
      expect(input.memberships).toEqual([]);
      expect(input.attendance).toEqual([]);
      expect(parseGroupRecord(input).ok).toBe(true);
    }
  });

  it("leaves out every list a host may leave out when asked to", () => {
    const options = { turns: false, interactionActs: false, agreements: false, consents: false, stageEvents: false };
    const [input] = fc.sample(arbitraryGroupRecord(options), { seed: 9, numRuns: 1 });
    expect(Object.keys(input ?? {}).sort()).toEqual(["attendance", "group", "members", "memberships", "sessions"]);
  });

  it("keeps a stage log within maxEvents, and empty at 0", () => {
    for (const { events } of fc.sample(arbitraryStageEventSequence(tuckmanModel, { maxEvents: 3 }), 30)) {
      expect(events.length).toBeLessThanOrEqual(3);
    }
    const [empty] = fc.sample(arbitraryStageEventSequence(tuckmanModel, { maxEvents: 0 }), { seed: 1, numRuns: 1 });
    expect(empty?.events).toEqual([]);
  });

  it("starts a stage log with the active members and recorders asked for", () => {
    const options = { activeMembers: { min: 6, max: 6 }, recordedBy: ["f-rivera"], memberIds: ["m-hope"] };
    for (const { start, events } of fc.sample(arbitraryStageEventSequence(tuckmanModel, options), 20)) {
      expect(start).toMatchObject({ by: "f-rivera", activeMembers: 6 });
      for (const event of events) {
        expect(event.by).toBe("f-rivera");
        if (event.type === "MEMBER_JOINED" || event.type === "MEMBER_LEFT") expect(event.memberId).toBe("m-hope");
      }
    }
  });

  it("works with an agency's own stage model", () => {
    const model = defineStageModel({
      id: "two-step",
      name: "Two steps",
      citation: ["An agency's own model"],
      stages: ["working", "ending"].map((id) => ({
        id,
        label: id,
        summary: id,
        markers: [],
        workerTasks: [],
        techniques: [],
        watchFor: [],
        readiness: {},
      })),
      finalStage: "ending",
    });
    const values = fc.sample(arbitraryStageEventSequence(model), { seed: 4, numRuns: 20 });
    expect(values.some(({ events }) => events.some((event) => event.type === "CLOSE"))).toBe(true);
  });

  it("gives the same values for the same seed, whatever the machine's time zone", () => {
    const draw = () => fc.sample(arbitraryGroupRecord(), { seed: 123, numRuns: 5 });
    expect(draw()).toEqual(draw());
  });
});
