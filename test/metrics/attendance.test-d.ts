import { describe, expectTypeOf, it } from "vitest";
import type { GcqSScore, GcqSUndefinedReason, GoalAttainmentScore } from "../../src/measures/index";
import {
  type AttendanceSource,
  type attendanceSummary,
  type DropoutRule,
  detectDropout,
  type Measured,
  type MemberAttendance,
  type Rate,
  type RateUndefinedReason,
  type StandardError,
} from "../../src/metrics/index";
import type { GroupRecord } from "../../src/model/index";

describe("attendance types", () => {
  it("takes a parsed GroupRecord, or read-only parts of one", () => {
    expectTypeOf<GroupRecord>().toMatchTypeOf<AttendanceSource>();
    expectTypeOf<Readonly<Pick<GroupRecord, "group" | "memberships" | "sessions" | "attendance">>>().toMatchTypeOf<
      Parameters<typeof attendanceSummary>[0]
    >();
  });

  it("gives a rate that is a number only when its reason is null", () => {
    expectTypeOf<MemberAttendance["rate"]>().toEqualTypeOf<Rate>();
    const narrow = (rate: Rate) => (rate.reason === null ? rate.value : rate.reason);
    expectTypeOf(narrow).returns.toEqualTypeOf<number | "no-sessions-offered" | "only-excused-absences">();
  });

  it("writes every undefined figure of metrics and measures in the one Measured shape", () => {
    expectTypeOf<Rate>().toEqualTypeOf<Measured<RateUndefinedReason>>();
    expectTypeOf<StandardError>().toEqualTypeOf<Measured<"survival-is-zero">>();
    expectTypeOf<GcqSScore["engaged"]>().toEqualTypeOf<Measured<GcqSUndefinedReason>>();
    expectTypeOf<GoalAttainmentScore["tScore"]>().toEqualTypeOf<Measured<"no-goals">>();
  });

  it("accepts only the three dropout rules, each with its own fields", () => {
    expectTypeOf<{ kind: "consecutive-misses"; k: 2 }>().toMatchTypeOf<DropoutRule>();
    expectTypeOf<{ kind: "below-fraction"; fraction: 0.5 }>().toMatchTypeOf<DropoutRule>();
    expectTypeOf<{ kind: "recorded-exit"; reasons: ["dropped-out"] }>().toMatchTypeOf<DropoutRule>();
    expectTypeOf<{ kind: "consecutive-misses"; fraction: 0.5 }>().not.toMatchTypeOf<DropoutRule>();
    expectTypeOf<{ kind: "therapist-judgment" }>().not.toMatchTypeOf<DropoutRule>();
    expectTypeOf(detectDropout).returns.toHaveProperty("evidence");
  });
});
