import type { StageModel } from "../types.js";

// Toseland & Rivas, An Introduction to Group Work Practice: the worker's view of a group's life, from planning before
// members meet to ending. The book treats assessment as its own phase; here it is part of the middle stage. The
// guidance below is ours, written from that source; it is a map for the worker's judgment, not a law.

/**
 * Toseland and Rivas' stages of group work: planning, beginning, middle and ending, seen from what the worker does in
 * each. Planning comes before members meet, so the group agreement is adopted in the beginning stage.
 *
 * @example
 * toselandRivasModel.stages.map((stage) => stage.id)
 * //=> ["planning", "beginning", "middle", "ending"]
 */
export const toselandRivasModel: StageModel<"planning" | "beginning" | "middle" | "ending"> = {
  id: "toseland-rivas",
  name: "Toseland & Rivas (planning, beginning, middle, ending)",
  citation: ["Toseland, R. W., & Rivas, R. F. (2017). An introduction to group work practice (8th ed.). Pearson."],
  stages: [
    {
      id: "planning",
      label: "Planning",
      summary:
        "Before members meet, the worker decides what the group is for, who it is for and how it will run, and prepares members to join.",
      markers: [
        "The group's purpose and the agency's support are being settled",
        "Members are being recruited, screened and oriented",
        "Practical arrangements (place, time, length, format) are being made",
      ],
      workerTasks: [
        "Set the group's purpose and assess the agency's support for it",
        "Decide the group's composition and recruit and orient members",
        "Arrange the setting, schedule and number of sessions",
        "Write a proposal or plan for the group",
      ],
      techniques: ["Open-ended questions in orientation interviews", "Active listening"],
      watchFor: ["Members recruited without a clear fit with the group's purpose", "Too few members to start"],
      // Planning happens before members meet: no session is held in it, and the agreement is made in the beginning.
      readiness: { minSessions: 0, requiresAgreement: false },
    },
    {
      id: "beginning",
      label: "Beginning",
      summary:
        "Members meet, learn the group's purpose and agree how they will work together; the worker builds trust and a working contract.",
      markers: [
        "Introductions and first questions about purpose and rules",
        "Members testing whether the group can help them",
        "Ambivalence about being in the group",
      ],
      workerTasks: [
        "Introduce members and define the group's purpose with them",
        "Agree the group agreement, including confidentiality and its limits",
        "Contract with members on goals and ways of working",
        "Build members' motivation and anticipate obstacles",
      ],
      techniques: ["Active listening", "Open-ended questions", "Paraphrasing", "Summarising"],
      watchFor: ["Members unclear about why they are there", "Early absences"],
      readiness: { requiresAgreement: true },
    },
    {
      id: "middle",
      label: "Middle",
      summary:
        "The group does its work: members pursue their goals through the group, and the worker structures, supports and monitors that work.",
      markers: [
        "Members work on their goals in and between sessions",
        "Members take more responsibility for the group's process",
        "Conflict and resistance surface and are worked through",
      ],
      workerTasks: [
        "Prepare each session and give it a purposeful structure",
        "Involve every member and help members reach their goals",
        "Normalise conflict and resistance as part of the work, and revisit the group's norms when needed",
        "Monitor and evaluate progress with members",
      ],
      techniques: [
        "Active listening",
        "Summarising progress",
        "Paraphrasing",
        "Open-ended questions",
        "Interventions such as psychoeducation, cognitive-behavioural work and skills practice",
      ],
      watchFor: ["Members who do not take part", "Subgroups and scapegoating", "Loss of focus on goals"],
      readiness: {},
    },
    {
      id: "ending",
      label: "Ending",
      summary:
        "The group ends: members consolidate their gains, deal with feelings about ending and plan for afterwards, and the group is evaluated.",
      markers: [
        "Feelings about ending, from relief to loss",
        "Members reviewing what they have achieved",
        "Attention turning to life after the group",
      ],
      workerTasks: [
        "Help members keep and generalise the changes they made",
        "Help members with their feelings about ending",
        "Plan for the future and make referrals",
        "Evaluate the group's work",
      ],
      techniques: ["Summarising the group's work", "Active listening", "Open-ended questions about what comes next"],
      watchFor: ["Members who leave without a plan", "Unfinished work that needs a referral"],
      // Closing the record needs no further session: a group that ended early may never meet again.
      readiness: { minSessions: 0 },
    },
  ],
  finalStage: "ending",
  // Members first meet in the beginning stage, so an open group that takes in a new member forms again there.
  reformingStage: "beginning",
};
