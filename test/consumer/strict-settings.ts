// Compiled by `npm run typecheck` under the strictest settings a user may have (tsconfig.build.json turns on
// exactOptionalPropertyTypes and leaves out Node's types): what parsing returns must fit the documented interfaces.
import {
  type AttendanceRecord,
  type Group,
  type GroupRecord,
  GroupSchema,
  type Membership,
  MembershipSchema,
  parseGroupRecord,
} from "../../src/model/index";

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
