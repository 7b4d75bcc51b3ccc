// Compiled by `npm run typecheck` under the strictest settings a user may have (tsconfig.build.json turns on
// exactOptionalPropertyTypes and leaves out Node's types): what parsing returns must fit the documented interfaces.

import { attendanceSummary, turnAnalytics } from "../../src/metrics/index";
import {
  type AttendanceRecord,
  type Group,
  type GroupRecord,
  GroupSchema,
  type Membership,
  MembershipSchema,
  parseGroupRecord,
} from "../../src/model/index";
import { replayStageEvents, tuckmanModel } from "../../src/stages/index";

export function readGroup(input: unknown): Group {
  return GroupSchema.parse(input);
}

export function readMembership(input: unknown): Membership {
  return MembershipSchema.parse(input);
}

export function firstAttendance(input: unknown): AttendanceRecord | undefined {
  const result = parseGroupRecord(input);
  const record: GroupRecord | undefined = result.ok ? result.value : undefined;
  return record?.attendance[0];
}

// The rooms take what parsing returns as it is, with no casts: the stage log replays, attendance and turns count.
export function stageOf(record: GroupRecord): string {
  const start = { at: `${record.group.startDate}T00:00:00Z`, by: "worker", activeMembers: record.memberships.length };
  return String(replayStageEvents(tuckmanModel, start, record.stageEvents).snapshot.value);
}

export function attendanceRates(record: GroupRecord): (number | null)[] {
  return attendanceSummary(record).members.map((member) => member.rate.value);
}

export function talkShares(record: GroupRecord): (number | null)[] {
  const roster = record.memberships.map((membership) => membership.memberId);
  return turnAnalytics(record.turns, roster).members.map((member) => member.share.value);
}
