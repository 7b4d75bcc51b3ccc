// The short tour from README.md, run as a program so the README stays true.
import assert from "node:assert/strict";
import {
  attendanceSummary,
  availableStageEvents,
  checkDisclosure,
  formatGroupRecordIssues,
  isActiveMember,
  parseGroupRecord,
  participationEquality,
  redactMemberMentions,
  replayStageEvents,
  startStages,
  tuckmanModel,
  turnAnalytics,
} from "groupwork";
import { sampleGroupRecord } from "groupwork/sample";

// Check what the host system sent: shape and references, every problem at once.
const result = parseGroupRecord(sampleGroupRecord);
if (!result.ok) throw new Error(formatGroupRecordIssues(result.issues));

const { group, memberships, sessions, attendance } = result.value;
assert.equal(sessions.filter((session) => session.status === "held").length, 11); // session 5 was cancelled

// FHIR's active-member rule; instants are read on the group's own calendar.
const jamal = memberships.find((membership) => membership.memberId === "m-jamal");
assert.ok(jamal);
assert.equal(isActiveMember(jamal, "2026-04-02T18:00:00-05:00", { timeZone: group.timeZone }), false); // he left on 31 March

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

// ── Where the group stands: replay its stage log through Tuckman's model, as a server would, with no actor. ──
const record = result.value;
const stages = replayStageEvents(
  tuckmanModel,
  { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 },
  record.stageEvents,
);
assert.equal(stages.ok, true);
assert.equal(stages.snapshot.value, "closed");
// On the first evening, before the group agreement is adopted, a screen learns why it cannot move on yet.
const firstEvening = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 });
const advance = availableStageEvents(firstEvening).find((entry) => entry.type === "ADVANCE");
assert.deepEqual(
  advance?.blockedBy.map((reason) => reason.code),
  ["too-few-sessions", "agreement-not-adopted"],
);

// ── Who came: offered = sessions held while enrolled; late counts as attended. ──
const summary = attendanceSummary(record);
const will = summary.members.find((member) => member.memberId === "m-will");
assert.deepEqual([will?.offered, will?.attended, will?.late], [11, 10, 1]); // one not recorded (session 3)

// ── How equally they spoke: speaking seconds of the seven clients present in session 7. ──
const session7 = turnAnalytics(
  record.turns.filter((turn) => turn.sessionId === "s-07"),
  record.memberships.filter((m) => m.role === "member" && m.memberId !== "m-jamal").map((m) => m.memberId),
).sessions[0];
assert.ok(session7 !== undefined && session7.talkTimeEquality.giniScaled.value !== null);
assert.ok(session7.talkTimeEquality.giniScaled.value > 0.7); // one member held the floor
assert.deepEqual(participationEquality([0, 0, 0]).gini, { value: null, reason: "nobody-spoke" });

// ── Who may know: Lena asked that Mark Hoffmann never receive her information. ──
const decision = checkDisclosure({
  information: {
    kind: "attendance",
    memberId: "m-lena",
    groupId: group.id,
    labels: { confidentiality: "N", sensitivity: ["MH"], law: [] },
  },
  recipient: { kind: "family-or-guardian", name: "Mark Hoffmann", isSubject: false, withinAgency: false },
  purpose: "FAMRQT",
  consents: record.consents,
  at: "2026-03-20T11:00:00-05:00",
  subject: { minor: false },
});
assert.deepEqual(
  [decision.effect, decision.basis, decision.determiningRules],
  ["deny", "explicit-forbid", ["withhold-from-named-person"]],
);

// ── An individual note names no other client (facilitators may be named). Ids go in as the host's plain strings. ──
const roster = record.members.filter((member) =>
  memberships.some((m) => m.memberId === member.id && m.role === "member"),
);
assert.equal(
  redactMemberMentions("Lena said Will's question stayed with her all week.", roster, { subject: "m-lena" }).text,
  "Lena said another member's question stayed with her all week.",
);
