// The short tour from README.md, run as a program so the README stays true.
import assert from "node:assert/strict";
import { formatGroupRecordIssues, isActiveMember, parseGroupRecord } from "groupwork";
import { sampleGroupRecord } from "groupwork/sample";

// Check what the host system sent: shape and references, every problem at once.
const result = parseGroupRecord(sampleGroupRecord);
if (!result.ok) throw new Error(formatGroupRecordIssues(result.issues));

const { group, memberships, sessions, attendance } = result.value;
assert.equal(sessions.filter((session) => session.status === "held").length, 11); // session 5 was cancelled

// FHIR's active-member rule; instants are read on the group's own calendar.
const jamal = memberships.find((membership) => membership.memberId === "m-jamal");
assert.ok(jamal);
assert.equal(isActiveMember(jamal, "2026-04-02T18:00:00-05:00", group.timeZone), false); // he left on 31 March

// A host's mistake is reported, not skipped.
const broken = parseGroupRecord({
  ...sampleGroupRecord,
  attendance: [...attendance, { sessionId: "s-05", memberId: "m-hope", status: "present" }],
});
assert.equal(broken.ok, false);
assert.deepEqual(
  broken.issues.map((issue) => [issue.code, issue.path.join(".")]),
  [["session-not-held", "attendance.84.sessionId"]],
);
console.log(formatGroupRecordIssues(broken.issues));
