import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import {
  type AgreementSignatureSchema,
  type AttendanceRecordSchema,
  ageOn,
  type ConsentSchema,
  type GroupRecord,
  type GroupRecordInput,
  type GroupSchema,
  type InteractionActSchema,
  isActiveMember,
  isMinor,
  type MemberId,
  type MemberSchema,
  type MembershipSchema,
  parseGroupRecord,
  type SessionSchema,
  type TurnSchema,
} from "../../src/model/index";

// Accept wide, return narrow: a host's ids are plain strings going in, and only what the library returns is branded.

declare const hostId: string;

describe("inputs take plain string ids", () => {
  it("a record built from plain strings is a GroupRecordInput, and parseGroupRecord takes it", () => {
    const input = {
      group: {
        id: hostId,
        name: "Tuesday carers' group",
        purpose: "Support for unpaid carers.",
        kind: "support",
        membership: "open",
        participation: "optional",
        timeZone: "Europe/London",
        startDate: "2026-01-06",
      },
      members: [{ id: hostId, displayName: "Siobhán Ní Bhriain" }],
      memberships: [{ groupId: hostId, memberId: hostId, role: "facilitator" }],
      sessions: [
        {
          id: hostId,
          groupId: hostId,
          sequence: 1,
          scheduledStart: "2026-01-06T10:00Z",
          durationMinutes: 90,
          status: "held",
          mode: "in-person",
        },
      ],
      attendance: [{ sessionId: hostId, memberId: hostId, status: "present" }],
      turns: [{ sessionId: hostId, memberId: hostId, start: 0, end: 30, respondsTo: hostId }],
      interactionActs: [{ sessionId: hostId, memberId: hostId, category: 3, addresseeId: hostId }],
    } satisfies GroupRecordInput;
    expectTypeOf(input).toExtend<GroupRecordInput>();
    expectTypeOf(parseGroupRecord).toBeCallableWith(input);
  });

  it("each schema's input has string ids, its output branded ones", () => {
    expectTypeOf<z.input<typeof GroupSchema>["id"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof MemberSchema>["id"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof MembershipSchema>["memberId"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof MembershipSchema>["groupId"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof SessionSchema>["id"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof AttendanceRecordSchema>["sessionId"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof TurnSchema>["respondsTo"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<z.input<typeof InteractionActSchema>["addresseeId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<z.input<typeof AgreementSignatureSchema>["memberId"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof ConsentSchema>["id"]>().toEqualTypeOf<string>();
    expectTypeOf<z.input<typeof ConsentSchema>["memberId"]>().toEqualTypeOf<string>();
    expectTypeOf<GroupRecordInput["members"][number]["id"]>().toEqualTypeOf<string>();

    expectTypeOf<GroupRecord["members"][number]["id"]>().toEqualTypeOf<MemberId>();
    expectTypeOf<z.output<typeof MembershipSchema>["memberId"]>().toEqualTypeOf<MemberId>();
  });
});

describe("a when-argument is a day, or an instant given as text or a Date with the group's time zone", () => {
  it("isActiveMember, ageOn and isMinor take a Date with a time zone", () => {
    expectTypeOf(isActiveMember).toBeCallableWith({}, new Date(), { timeZone: "America/Chicago" });
    expectTypeOf(ageOn).toBeCallableWith("2008-09-01", new Date(), { timeZone: "America/Chicago" });
    expectTypeOf(ageOn).toBeCallableWith("2008-09-01", "2026-09-01T03:00-05:00", { timeZone: "America/Chicago" });
    expectTypeOf(isMinor).toBeCallableWith({ birthDate: "2008-05-20" }, new Date(), { timeZone: "America/Chicago" });
    expectTypeOf(isMinor).toBeCallableWith({}, new Date(), { timeZone: "America/Chicago", ageOfMajority: 21 });
    expectTypeOf(isMinor).toBeCallableWith({}, "2026-05-20", { ageOfMajority: 21 });
    expectTypeOf(ageOn).returns.toEqualTypeOf<number>();
    expectTypeOf(isMinor).returns.toEqualTypeOf<boolean | null>();

    // @ts-expect-error a Date has no calendar day until a time zone is given
    ageOn("2008-09-01", new Date());
    // @ts-expect-error a Date has no calendar day until a time zone is given
    ageOn("2008-09-01", new Date(), {});
    // @ts-expect-error a Date has no calendar day until a time zone is given
    isMinor({}, new Date());
    // @ts-expect-error a Date has no calendar day until a time zone is given
    isMinor({}, new Date(), { ageOfMajority: 21 });
    // @ts-expect-error the time zone goes in the options, not after the instant
    isMinor({}, new Date(), "America/Chicago");
    // @ts-expect-error the time zone goes in the options, not after the instant
    ageOn("2008-09-01", new Date(), "America/Chicago");
  });
});
