import type { StageModel } from "../types.js";

// Tuckman 1965 (forming, storming, norming, performing); Tuckman & Jensen 1977 added adjourning; Bonebright 2010
// reviews the model's history and limits. The guidance below is ours, written from those sources and from
// social-work group practice (Toseland & Rivas); it is a map for the worker's judgment, not a law groups obey.

/**
 * Tuckman's five stages of small-group development, the library's default stage model: forming, storming, norming,
 * performing and adjourning, with guidance for the worker in each.
 *
 * Groups do not march through the stages in order: conflict returns, an open group takes in new members and forms
 * again. The worker decides where the group stands; this is the map.
 *
 * @example
 * tuckmanModel.stages.map((stage) => stage.id)
 * //=> ["forming", "storming", "norming", "performing", "adjourning"]
 */
export const tuckmanModel: StageModel<"forming" | "storming" | "norming" | "performing" | "adjourning"> = {
  id: "tuckman",
  name: "Tuckman (forming, storming, norming, performing, adjourning)",
  citation: [
    "Tuckman, B. W. (1965). Developmental sequence in small groups. Psychological Bulletin, 63(6), 384–399.",
    "Tuckman, B. W., & Jensen, M. A. C. (1977). Stages of small-group development revisited. Group & Organization Studies, 2(4), 419–427.",
    "Bonebright, D. A. (2010). 40 years of storming: a historical review of Tuckman's model of small group development. Human Resource Development International, 13(1), 111–120.",
  ],
  stages: [
    {
      id: "forming",
      label: "Forming",
      summary:
        "Members find out what the group is for and whether they belong in it; they are polite, careful and look to the worker to lead.",
      markers: [
        "Polite, guarded talk that stays on safe topics",
        "Members direct remarks and questions to the worker rather than to each other",
        "Questions about purpose, rules, time and what is expected",
        "Testing which behaviour and how much disclosure the group will accept",
      ],
      workerTasks: [
        "Explain the group's purpose and agree a contract with members",
        "Work out the group agreement with members, including confidentiality, and explain that confidentiality among members cannot be guaranteed",
        "Give the sessions a clear, predictable structure",
        "Lead introductions so that each member is heard early",
      ],
      techniques: ["Active listening", "Open-ended questions", "Paraphrasing", "Summarising"],
      watchFor: [
        "A member who has not spoken by the end of a session",
        "Disclosure that comes too fast, before trust exists",
        "Early absences, which often come before dropping out",
      ],
      readiness: { requiresAgreement: true },
    },
    {
      id: "storming",
      label: "Storming",
      summary:
        "Members push back against the worker, the task and each other as they work out influence and differences; conflict is part of the work.",
      markers: [
        "Open disagreement with the worker or between members",
        "Resistance to the task or to the agreed norms",
        "Members taking sides or forming subgroups",
        "Criticism that settles on one member or on the worker",
      ],
      workerTasks: [
        "Normalise conflict: name it as an expected part of a group's growth",
        "Model non-defensive responses when members challenge the worker",
        "Protect a member who is being made a scapegoat",
        "Revisit the group's norms and agreement with members",
      ],
      techniques: [
        "Active listening",
        "Paraphrasing each side of a disagreement",
        "Summarising differences without judging them",
        "Open-ended questions that invite quieter members in",
      ],
      watchFor: [
        "Scapegoating of one member",
        "Members dropping out after a conflict",
        "Conflict going underground: silence and absences instead of open disagreement",
      ],
      readiness: {},
    },
    {
      id: "norming",
      label: "Norming",
      summary:
        "The group settles on shared norms and roles; members feel they belong, speak openly and begin to rely on each other.",
      markers: [
        "Members speak to each other, not only to the worker",
        "Norms and roles are accepted and defended by members",
        "Open exchange of feelings and opinions",
        "A sense of 'we' in how members talk about the group",
      ],
      workerTasks: [
        "Step back and let members carry more of the work",
        "Reinforce the norms that help the group work",
        "Encourage members to respond to one another directly",
      ],
      techniques: ["Summarising", "Open-ended questions", "Linking members' experiences", "Active listening"],
      watchFor: [
        "Harmony kept at any price, with disagreement no longer voiced",
        "A new member arriving, which can send the group back to forming",
      ],
      readiness: {},
    },
    {
      id: "performing",
      label: "Performing",
      summary:
        "Members use the group to work on their goals: roles are flexible, problems are solved together and insight deepens.",
      markers: [
        "Members take the task and maintenance roles the group needs",
        "Problems are worked through together",
        "Members show insight into their own and others' patterns",
        "Sessions stay on members' goals with little prompting",
      ],
      workerTasks: [
        "Take a consultative stance and offer resources when asked",
        "Deepen the work on members' goals",
        "Keep an eye on subgroups and on members left on the edge",
      ],
      techniques: ["Active listening", "Open-ended questions that deepen reflection", "Summarising progress"],
      watchFor: [
        "Subgroups that shut other members out",
        "Members drifting from their goals",
        "Burn-out or fatigue late in a long group",
      ],
      readiness: {},
    },
    {
      id: "adjourning",
      label: "Adjourning",
      summary:
        "The group prepares to end: members review what they gained, say goodbye and plan how to carry the work on without the group.",
      markers: [
        "Anxiety or sadness about the group ending",
        "Members looking back on what has changed for them",
        "Missed sessions or withdrawal as the end approaches",
      ],
      workerTasks: [
        "Plan the ending early and remind members how many sessions remain",
        "Review each member's progress with the group",
        "Make referrals for support after the group",
        "Evaluate the group with members",
      ],
      techniques: ["Summarising the group's work", "Active listening", "Open-ended questions about what comes next"],
      watchFor: [
        "Denial of the ending, or a return of old problems as it approaches",
        "Members who need a referral and have none",
      ],
      // Closing the record needs no further session: a group that ended early may never meet again.
      readiness: { minSessions: 0 },
    },
  ],
  finalStage: "adjourning",
};
