import { describe, expectTypeOf, it } from "vitest";
import {
  type AttendanceStatus,
  attendanceStatuses,
  type BalesCategory,
  balesCategories,
  type ConsentId,
  facilitationRoles,
  type GroupId,
  type GroupRecord,
  type GroupRecordInput,
  isActiveMember,
  type MemberId,
  type ParseGroupRecordResult,
  parseGroupRecord,
  type SessionId,
  sessionStatuses,
} from "../../src/model/index";

declare const memberId: MemberId;
declare const sessionId: SessionId;
declare const result: ParseGroupRecordResult;

describe("branded ids", () => {
  it("keeps ids of different entities apart", () => {
    expectTypeOf<MemberId>().not.toExtend<SessionId>();
    expectTypeOf<SessionId>().not.toExtend<MemberId>();
    expectTypeOf<GroupId>().not.toExtend<ConsentId>();

    // @ts-expect-error a MemberId is not a SessionId
    const asSession: SessionId = memberId;
    // @ts-expect-error a SessionId is not a MemberId
    const asMember: MemberId = sessionId;
    expectTypeOf(asSession).toEqualTypeOf<SessionId>();
    expectTypeOf(asMember).toEqualTypeOf<MemberId>();
  });

  it("needs a parse to turn a plain string into an id, but reads as a string", () => {
    expectTypeOf<string>().not.toExtend<MemberId>();
    // @ts-expect-error a plain string is not a MemberId
    const fromText: MemberId = "m-hope";
    expectTypeOf(fromText).toEqualTypeOf<MemberId>();

    expectTypeOf<MemberId>().toExtend<string>();
    const asText: string = memberId;
    expectTypeOf(asText).toBeString();
  });
});

describe("GroupRecord", () => {
  it("types its fields from the vocabularies and the id brands", () => {
    expectTypeOf<GroupRecord["attendance"][number]["status"]>().toEqualTypeOf<
      "present" | "late" | "left-early" | "excused" | "absent" | "not-recorded"
    >();
    expectTypeOf<GroupRecord["attendance"][number]["status"]>().toEqualTypeOf<AttendanceStatus>();
    expectTypeOf<GroupRecord["sessions"][number]["status"]>().toEqualTypeOf<
      "scheduled" | "held" | "cancelled" | "did-not-take-place"
    >();
    expectTypeOf<GroupRecord["members"][number]["id"]>().toEqualTypeOf<MemberId>();
    expectTypeOf<GroupRecord["attendance"][number]["sessionId"]>().toEqualTypeOf<SessionId>();
    expectTypeOf<GroupRecord["turns"][number]["respondsTo"]>().toEqualTypeOf<MemberId | undefined>();
    expectTypeOf<GroupRecord["interactionActs"][number]["category"]>().toEqualTypeOf<BalesCategory>();
    expectTypeOf<GroupRecord["group"]["stageModel"]>().toEqualTypeOf<string>();
    expectTypeOf<GroupRecord["group"]["endDate"]>().toEqualTypeOf<string | undefined>();
  });

  it("lets a host leave out the optional lists, but always has them after parsing", () => {
    type Optional = "sessions" | "attendance" | "turns" | "interactionActs" | "agreements" | "consents";
    expectTypeOf<Omit<GroupRecordInput, Optional>>().toExtend<GroupRecordInput>();
    expectTypeOf<Omit<GroupRecord, "turns">>().not.toExtend<GroupRecord>();
    expectTypeOf<Omit<GroupRecord, "attendance">>().not.toExtend<GroupRecord>();

    expectTypeOf<undefined>().toExtend<GroupRecordInput["turns"]>();
    expectTypeOf<undefined>().toExtend<GroupRecordInput["attendance"]>();
    expectTypeOf<undefined>().not.toExtend<GroupRecord["turns"]>();
    expectTypeOf<undefined>().not.toExtend<GroupRecord["attendance"]>();

    const minimal: GroupRecordInput = {
      group: {
        id: "g-1",
        name: "Tuesday carers' group",
        purpose: "Support for unpaid carers.",
        kind: "support",
        membership: "open",
        participation: "optional",
        timeZone: "Europe/London",
        startDate: "2026-01-06",
      },
      members: [{ id: "f-1", displayName: "Siobhán Ní Bhriain" }],
      memberships: [{ groupId: "g-1", memberId: "f-1", role: "facilitator" }],
    };
    expectTypeOf(minimal.turns).toEqualTypeOf<GroupRecordInput["turns"]>();
  });
});

describe("ParseGroupRecordResult", () => {
  it("has a value only when ok is true", () => {
    expectTypeOf<Extract<ParseGroupRecordResult, { ok: true }>>().toHaveProperty("value");
    expectTypeOf<Extract<ParseGroupRecordResult, { ok: false }>>().not.toHaveProperty("value");
    // @ts-expect-error value exists only once ok has been checked
    void result.value;

    if (result.ok) {
      expectTypeOf(result.value).toEqualTypeOf<GroupRecord>();
      expectTypeOf(result.ok).toEqualTypeOf<true>();
    } else {
      // @ts-expect-error a failed parse has no value
      void result.value;
      expectTypeOf(result.ok).toEqualTypeOf<false>();
    }
    expectTypeOf(result.issues[0]).toExtend<{ readonly code: string; readonly message: string } | undefined>();
    expectTypeOf(parseGroupRecord).returns.toEqualTypeOf<ParseGroupRecordResult>();
    expectTypeOf(parseGroupRecord).parameter(0).toBeUnknown();
  });
});

describe("vocabularies", () => {
  it("numbers Bales' categories 1 to 12", () => {
    expectTypeOf<BalesCategory>().toEqualTypeOf<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 | 10 | 11 | 12>();
    expectTypeOf<13>().not.toExtend<BalesCategory>();
    expectTypeOf(balesCategories.codes[0]).toEqualTypeOf<1>();
  });

  it("keeps codes as literal tuples in the source's order", () => {
    expectTypeOf(facilitationRoles.codes[0]).toEqualTypeOf<"facilitator">();
    expectTypeOf(facilitationRoles.codes[1]).toEqualTypeOf<"co-facilitator">();
    expectTypeOf(attendanceStatuses.codes[0]).toEqualTypeOf<"present">();
    expectTypeOf(sessionStatuses.codes[1]).toEqualTypeOf<"held">();
    expectTypeOf<(typeof attendanceStatuses.codes)[number]>().toEqualTypeOf<AttendanceStatus>();
    // @ts-expect-error codes are read-only
    facilitationRoles.codes[0] = "member";
  });
});

describe("isActiveMember", () => {
  it("takes a day alone, or an instant with the time zone that decides its day, and answers yes or no", () => {
    expectTypeOf(isActiveMember).returns.toEqualTypeOf<boolean>();
    expectTypeOf(isActiveMember).toBeCallableWith({ period: { start: "2026-02-05" } }, "2026-03-02");
    expectTypeOf(isActiveMember).toBeCallableWith({ inactive: true }, new Date(), { timeZone: "America/Chicago" });
    expectTypeOf(isActiveMember).toBeCallableWith({}, "2026-03-02T18:00:00-06:00", { timeZone: "America/Chicago" });

    // @ts-expect-error a Date has no calendar day until a time zone is given
    isActiveMember({}, new Date());
    // @ts-expect-error a day is a string or a Date, not a number of milliseconds
    isActiveMember({}, 1_772_409_600_000);
    // @ts-expect-error the time zone is a name, not an offset in minutes
    isActiveMember({}, new Date(), { timeZone: -300 });
    // @ts-expect-error the time zone goes in the options, not after the instant
    isActiveMember({}, new Date(), "America/Chicago");
  });
});
