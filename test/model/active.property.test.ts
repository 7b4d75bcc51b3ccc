import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { isActiveMember, type MembershipActivity } from "../../src/model/index";
import { TIME_ZONES } from "../fixtures/arbitraries";
import { calendarDate, dayNumberOf, daysFromCivil, formatInstant, localDayOf } from "../fixtures/calendar";

const FAST_RUNS = { numRuns: 200 };

// FHIR R4 Group.member: a member is active unless flagged inactive, and, when a period is given, only on the days it
// covers (both ends inclusive; an absent end means the membership lasts).
function activeByFhir(membership: MembershipActivity, day: number): boolean {
  if (membership.inactive === true) return false;
  const period = membership.period;
  if (period === undefined) return true;
  const end = period.end === undefined ? Number.POSITIVE_INFINITY : dayNumberOf(period.end);
  return dayNumberOf(period.start) <= day && day <= end;
}

/** A membership whose period starts near a day, and may end before it starts. */
function membershipAround(day: number): fc.Arbitrary<MembershipActivity> {
  return fc.record(
    {
      inactive: fc.boolean(),
      period: fc
        .record({ startShift: fc.integer({ min: -3, max: 3 }), length: fc.option(fc.integer({ min: -2, max: 5 })) })
        .map(({ startShift, length }) => ({
          start: calendarDate(day + startShift),
          ...(length === null ? {} : { end: calendarDate(day + startShift + length) }),
        })),
    },
    { requiredKeys: [], noNullPrototype: true },
  );
}

const anyDay = fc.integer({ min: daysFromCivil(1600, 1, 1), max: daysFromCivil(2400, 12, 31) });

describe("isActiveMember", () => {
  test.prop([anyDay.chain((day) => fc.tuple(fc.constant(day), membershipAround(day)))], FAST_RUNS)(
    "agrees with FHIR's rule on calendar dates",
    ([day, membership]) => {
      expect(isActiveMember(membership, calendarDate(day))).toBe(activeByFhir(membership, day));
    },
  );

  const instantInZone = fc.record({
    utcMs: fc.integer({ min: Date.UTC(1970, 0, 2) / 1000, max: Date.UTC(2100, 0, 1) / 1000 }).map((s) => s * 1000),
    timeZone: fc.constantFrom(...TIME_ZONES),
    // The offset the instant is written with, unrelated to the zone: only the zone decides the day.
    writtenOffset: fc.oneof(
      fc.constant("Z" as const),
      fc.integer({ min: -48, max: 56 }).map((q) => q * 15),
    ),
    asDate: fc.boolean(),
  });

  test.prop(
    [instantInZone.chain((at) => fc.tuple(fc.constant(at), membershipAround(localDayOf(at.utcMs, at.timeZone))))],
    FAST_RUNS,
  )("agrees with FHIR's rule on instants, on their day in the group's zone", ([at, membership]) => {
    const instant = at.asDate ? new Date(at.utcMs) : formatInstant(at.utcMs, at.writtenOffset);

    const active = isActiveMember(membership, instant, { timeZone: at.timeZone });

    expect(active).toBe(activeByFhir(membership, localDayOf(at.utcMs, at.timeZone)));
  });
});

/** Every path to a value inside a JSON value, and whether the value there is a leaf. */
