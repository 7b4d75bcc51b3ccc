import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import {
  type GroupRecordInput,
  type GroupRecordIssueCode,
  type ParseGroupRecordResult,
  parseGroupRecord,
} from "../../src/model/index";
import { arbitraryGroupRecordInput } from "../fixtures/arbitraries";
import { calendarDate, dayNumberOf } from "../fixtures/calendar";
import { errorsOf, parsedValue } from "../fixtures/results";

const RECORD_RUNS = { numRuns: 150 };

/** Issues as a sorted list of `severity code`, so two results compare as multisets. */
function issueCounts(result: ParseGroupRecordResult): string[] {
  return result.issues.map((issue) => `${issue.severity} ${issue.code}`).sort();
}

// Warnings the generator rules out: every session falls within the group's dates and every membership covers it,
// every member has a membership, a facilitator, limits told, signers enrolled, turns within the session.
const RULED_OUT: ReadonlySet<GroupRecordIssueCode> = new Set([
  "session-outside-group-dates",
  "member-without-membership",
  "no-facilitator",
  "limits-not-explained",
  "signer-not-enrolled",
  "session-still-scheduled",
  "turn-beyond-session",
  "revoked-before-valid",
]);

describe("parseGroupRecord on valid records", () => {
  test.prop([arbitraryGroupRecordInput()], RECORD_RUNS)("accepts them with warnings only", (input) => {
    const result = parseGroupRecord(input);

    expect(errorsOf(result)).toEqual([]);
    expect(result.ok).toBe(true);
    // A session day read in the wrong zone would show up here as outside the group's dates.
    expect(result.issues.filter((issue) => RULED_OUT.has(issue.code))).toEqual([]);
  });

  test.prop([arbitraryGroupRecordInput()], RECORD_RUNS)("leaves the input as it was", (input) => {
    const before = structuredClone(input);

    parseGroupRecord(input);

    expect(input).toStrictEqual(before);
  });

  test.prop([arbitraryGroupRecordInput()], RECORD_RUNS)("reads back its own value after a JSON round trip", (input) => {
    const value = parsedValue(input);

    const reparsed = parsedValue(JSON.parse(JSON.stringify(value)));

    expect(reparsed).toStrictEqual(value);
  });

  test.prop([arbitraryGroupRecordInput()], RECORD_RUNS)("is idempotent", (input) => {
    const value = parsedValue(input);

    expect(parsedValue(value)).toStrictEqual(value);
  });
});

function shuffled<T>(list: readonly T[] | undefined): fc.Arbitrary<T[] | undefined> {
  if (list === undefined) return fc.constant(undefined);
  return fc.shuffledSubarray([...list], { minLength: list.length, maxLength: list.length });
}

function withLists(input: GroupRecordInput, lists: Partial<GroupRecordInput>): GroupRecordInput {
  const copy: GroupRecordInput = { ...input };
  for (const [key, list] of Object.entries(lists)) if (list !== undefined) Object.assign(copy, { [key]: list });
  return copy;
}

function repeatAt<T>(list: readonly T[] | undefined, pick: number | null): T[] | undefined {
  if (list === undefined || pick === null || list.length === 0) return list === undefined ? undefined : [...list];
  const repeated = list[pick % list.length];
  return repeated === undefined ? [...list] : [...list, structuredClone(repeated)];
}

type MembershipInput = GroupRecordInput["memberships"][number];

/** Up to three more memberships of one member, with short valid periods near the group's start (often inside the first). */
function extraMembershipsOf(input: GroupRecordInput): fc.Arbitrary<MembershipInput[]> {
  const groupStart = dayNumberOf(input.group.startDate);
  const period = fc.option(fc.record({ startShift: fc.integer({ min: -10, max: 60 }), length: fc.option(fc.nat(30)) }));
  return fc
    .tuple(fc.constantFrom(...input.members.map((member) => member.id)), fc.array(period, { maxLength: 3 }))
    .map(([memberId, periods]) =>
      periods.map((shape) => {
        const membership: MembershipInput = { groupId: input.group.id, memberId, role: "member" };
        if (shape === null) return membership;
        const start = groupStart + shape.startShift;
        membership.period = { start: calendarDate(start) };
        if (shape.length !== null) membership.period.end = calendarDate(start + shape.length);
        return membership;
      }),
    );
}

/** A valid record with faults put in: repeated entries, attendance of nobody, further memberships of one member. */
const recordWithFaults = arbitraryGroupRecordInput({ withAttendance: true }).chain((input) =>
  fc
    .record({
      repeatedMember: fc.option(fc.nat()),
      repeatedSession: fc.option(fc.nat()),
      repeatedAttendance: fc.option(fc.nat()),
      ghostAttendance: fc.boolean(),
      extraMemberships: extraMembershipsOf(input),
    })
    .map((faults) => {
      const attendance = repeatAt(input.attendance, faults.repeatedAttendance) ?? [];
      if (faults.ghostAttendance) {
        // Longer than every member id, so it names nobody.
        const longest = Math.max(...input.members.map((entry) => entry.id.length));
        const sessionId = input.sessions?.[0]?.id ?? "";
        attendance.push({ sessionId, memberId: "?".repeat(longest + 1), status: "present" });
      }
      return withLists(input, {
        members: repeatAt(input.members, faults.repeatedMember),
        memberships: [...input.memberships, ...faults.extraMemberships],
        sessions: repeatAt(input.sessions, faults.repeatedSession),
        attendance,
      });
    }),
);

describe("parseGroupRecord and the order of entries", () => {
  test.prop(
    [
      recordWithFaults.chain((input) =>
        fc.tuple(
          fc.constant(input),
          fc.record({
            members: shuffled(input.members),
            memberships: shuffled(input.memberships),
            sessions: shuffled(input.sessions),
            attendance: shuffled(input.attendance),
            turns: shuffled(input.turns),
            interactionActs: shuffled(input.interactionActs),
          }),
        ),
      ),
    ],
    RECORD_RUNS,
  )("reports the same issues whatever the order of members, memberships, sessions and events", ([input, lists]) => {
    const original = parseGroupRecord(input);

    const reordered = parseGroupRecord(withLists(input, lists));

    expect(issueCounts(reordered)).toEqual(issueCounts(original));
    expect(reordered.ok).toBe(original.ok);
  });
});

/** A valid record with attendance, and one attendance entry picked at random. */
const recordAndAttendance = arbitraryGroupRecordInput({ withAttendance: true }).chain((input) => {
  const attendance = input.attendance ?? [];
  return fc.tuple(fc.constant(input), fc.constantFrom(...attendance));
});

describe("parseGroupRecord on broken references", () => {
  test.prop([recordAndAttendance], RECORD_RUNS)(
    "reports unknown-member once per list for a removed member, at their first entry, counting their entries",
    ([input, picked]) => {
      const removed = picked.memberId;
      const result = parseGroupRecord({
        ...input,
        members: input.members.filter((member) => member.id !== removed),
      });

      expect(result.ok).toBe(false);
      const indexes = (input.attendance ?? []).flatMap((entry, index) => (entry.memberId === removed ? [index] : []));
      expect(indexes.length).toBeGreaterThan(0);
      const reported = errorsOf(result).filter(
        (issue) => issue.code === "unknown-member" && issue.path[0] === "attendance",
      );
      expect(reported.map((issue) => issue.path)).toEqual([["attendance", indexes[0], "memberId"]]);
      expect(reported[0]?.message).toMatch(
        indexes.length === 1 ? / names person / : new RegExp(`^${indexes.length} attendance entries, the first `),
      );
    },
  );

  test.prop([recordAndAttendance, fc.constantFrom("cancelled", "did-not-take-place" as const)], RECORD_RUNS)(
    "reports session-not-held once per list for a held session that is then called off, counting its entries",
    ([input, picked], status) => {
      const calledOff = picked.sessionId;
      const result = parseGroupRecord({
        ...input,
        sessions: (input.sessions ?? []).map((session) =>
          session.id === calledOff ? { ...session, status } : session,
        ),
      });

      expect(result.ok).toBe(false);
      // One error per list that has entries for the session: at the first of them, saying how many there are.
      const firstOf = (list: string, entries: readonly { sessionId: string }[] | undefined) => {
        const indexes = (entries ?? []).flatMap((entry, index) => (entry.sessionId === calledOff ? [index] : []));
        return indexes.length === 0 ? [] : [{ path: [list, indexes[0], "sessionId"], count: indexes.length }];
      };
      const expected = [
        ...firstOf("attendance", input.attendance),
        ...firstOf("turns", input.turns),
        ...firstOf("interactionActs", input.interactionActs),
      ];
      const reported = errorsOf(result).filter((issue) => issue.code === "session-not-held");
      expect(reported.map((issue) => issue.path)).toEqual(expected.map((entry) => entry.path));
      reported.forEach((issue, at) => {
        const count = expected[at]?.count ?? 0;
        expect(issue.message).toMatch(count === 1 ? / is for session / : new RegExp(`^${count} \\w+ entries`));
      });
      // Everything else about the record was valid, so nothing else is an error.
      expect(errorsOf(result).filter((issue) => issue.code !== "session-not-held")).toEqual([]);
    },
  );
});

/** First and last day of a membership as day numbers; an absent period or end is unbounded. */
function daysOf(membership: MembershipInput): [number, number] {
  const period = membership.period;
  if (period === undefined) return [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  const end = period.end === undefined ? Number.POSITIVE_INFINITY : dayNumberOf(period.end);
  return [dayNumberOf(period.start), end];
}

// A person holds one membership of a group at a time: a membership is at fault when it starts on a day covered by
// another of the same person that starts earlier (or on the same day and comes first in the list). Checked pair by
// pair, not by a sweep.
function overlappingMemberships(memberships: readonly MembershipInput[]): number[] {
  return memberships.flatMap((membership, later) => {
    const [start] = daysOf(membership);
    const overlaps = memberships.some((other, earlier) => {
      if (earlier === later || other.memberId !== membership.memberId) return false;
      const [otherStart, otherEnd] = daysOf(other);
      const startsFirst = otherStart < start || (otherStart === start && earlier < later);
      return startsFirst && otherEnd >= start;
    });
    return overlaps ? [later] : [];
  });
}

const recordWithExtraMemberships = arbitraryGroupRecordInput().chain((input) =>
  extraMembershipsOf(input).map((extra) => ({ ...input, memberships: [...input.memberships, ...extra] })),
);

describe("parseGroupRecord and overlapping memberships", () => {
  test.prop([recordWithExtraMemberships], RECORD_RUNS)(
    "reports every membership that starts while an earlier one of the same person lasts, and no other",
    (input) => {
      const result = parseGroupRecord(input);

      const reported = errorsOf(result)
        .filter((issue) => issue.code === "overlapping-memberships")
        .map((issue) => issue.path)
        .sort((a, b) => Number(a[1]) - Number(b[1]));
      const expected = overlappingMemberships(input.memberships).map((index) => ["memberships", index, "period"]);
      expect(reported).toEqual(expected);
      expect(errorsOf(result).filter((issue) => issue.code !== "overlapping-memberships")).toEqual([]);
    },
  );
});
