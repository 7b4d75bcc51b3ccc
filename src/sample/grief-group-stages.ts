import type { GroupRecordInput } from "../model/index.js";

/** One entry of a stage log as a host sends it (ids are plain strings). */
type StageLogEntry = NonNullable<GroupRecordInput["stageEvents"]>[number];

// The sample group's stage log, as its facilitator recorded it in Tuckman's model: the agreement adopted in the first
// session, every session held, the worker's stage decisions with their reasons, and Jamal leaving. Session 5 was
// cancelled, so it has no event. Times are read on the group's calendar (America/Chicago; CST until 8 March, then CDT).

const BY = "f-rivera";

/** A session held, recorded as it ended (each runs 18:00 to 19:30). */
function held(sequence: number, day: string, offset: string): StageLogEntry {
  return {
    type: "SESSION_HELD",
    at: `${day}T19:30:00${offset}`,
    by: BY,
    sessionId: `s-${String(sequence).padStart(2, "0")}`,
  };
}

/** The sample group's stage log, in the order things happened. */
export const GRIEF_GROUP_STAGE_LOG: StageLogEntry[] = [
  {
    type: "AGREEMENT_ADOPTED",
    at: "2026-02-05T18:40:00-06:00",
    by: BY,
    version: "1",
    includesConfidentiality: true,
    limitsExplained: true,
  },
  held(1, "2026-02-05", "-06:00"),
  held(2, "2026-02-12", "-06:00"),
  {
    type: "ADVANCE",
    at: "2026-02-12T19:45:00-06:00",
    by: BY,
    reason: "Members began to question the no-advice norm and disagreed openly about it.",
  },
  held(3, "2026-02-19", "-06:00"),
  held(4, "2026-02-26", "-06:00"),
  {
    type: "ADVANCE",
    at: "2026-02-26T19:45:00-06:00",
    by: BY,
    reason: "The group settled how to offer support without advice; members now answer each other.",
  },
  held(6, "2026-03-12", "-05:00"),
  held(7, "2026-03-19", "-05:00"),
  {
    type: "REGRESS",
    at: "2026-03-19T19:45:00-05:00",
    by: BY,
    to: "storming",
    reason:
      "One member held the floor for much of the session and another stayed silent; tension about airtime returned.",
  },
  held(8, "2026-03-26", "-05:00"),
  {
    type: "ADVANCE",
    at: "2026-03-26T19:45:00-05:00",
    by: BY,
    reason: "The group agreed to open with a round, and airtime evened out.",
  },
  { type: "MEMBER_LEFT", at: "2026-03-31T12:00:00-05:00", by: BY, memberId: "m-jamal" },
  held(9, "2026-04-02", "-05:00"),
  {
    type: "ADVANCE",
    at: "2026-04-02T19:45:00-05:00",
    by: BY,
    reason: "Members work on their own goals and use each other's experience without prompting.",
  },
  held(10, "2026-04-09", "-05:00"),
  held(11, "2026-04-16", "-05:00"),
  {
    type: "ADJOURN",
    at: "2026-04-16T19:45:00-05:00",
    by: BY,
    outcome: "completed",
    reason: "One planned session is left; the group begins to review its gains and say goodbye.",
  },
  held(12, "2026-04-23", "-05:00"),
  { type: "CLOSE", at: "2026-04-23T20:00:00-05:00", by: BY, reason: "Final session held and evaluations collected." },
];
