import type { StageModel } from "../types.js";

// Schiller 1995: for women's groups (and groups for survivors of violence), connection comes before conflict. The
// model keeps the first and last stages of the Boston model (Garland, Jones & Kolodny 1965) and replaces its middle.
// The guidance below is ours, written from those sources; it is a map for the worker's judgment, not a law.

/**
 * Schiller's relational model of group development (1995), written for women's groups and domestic-violence groups:
 * pre-affiliation, establishing a relational base, mutuality and interpersonal empathy, challenge and change, and
 * separation. Connection is built first; challenge comes once the relationships can hold it.
 *
 * @example
 * relationalModel.stages.map((stage) => stage.id)
 * //=> ["pre-affiliation", "relational-base", "mutuality-and-empathy", "challenge-and-change", "separation"]
 */
export const relationalModel: StageModel<
  "pre-affiliation" | "relational-base" | "mutuality-and-empathy" | "challenge-and-change" | "separation"
> = {
  id: "relational",
  name: "Relational model (Schiller)",
  citation: [
    "Schiller, L. Y. (1995). Stages of development in women's groups: a relational model. In R. Kurland & R. Salmon (Eds.), Group work practice in a troubled society: problems and opportunities (pp. 117–138). Haworth Press.",
    "Garland, J. A., Jones, H. E., & Kolodny, R. L. (1965). A model for stages of development in social work groups. In S. Bernstein (Ed.), Explorations in group work (pp. 17–71). Boston University School of Social Work.",
  ],
  stages: [
    {
      id: "pre-affiliation",
      label: "Pre-affiliation",
      summary:
        "Members decide whether the group is safe enough to join; they hold back, watch and look to the worker for structure.",
      markers: [
        "Cautious, watchful participation",
        "Reliance on the worker for direction",
        "Concern about safety and about who will hear what is said",
      ],
      workerTasks: [
        "Create safety: a predictable structure and a warm, steady presence",
        "Agree the group's purpose and agreement with members, including confidentiality and its limits",
        "Lead introductions that let each member be heard",
      ],
      techniques: ["Active listening", "Open-ended questions", "Paraphrasing", "Summarising"],
      watchFor: [
        "Safety concerns outside the group that make attending risky",
        "Members who come once and do not return",
      ],
      readiness: { requiresAgreement: true },
    },
    {
      id: "relational-base",
      label: "Establishing a relational base",
      summary:
        "Members look for what they share and build connection with one another and with the worker before differences are faced.",
      markers: [
        "Members point out what they have in common",
        "Growing warmth and a wish to be liked and to connect",
        "Differences are noticed but not yet voiced",
      ],
      workerTasks: [
        "Help members find and name what they have in common",
        "Encourage members to speak to one another directly",
        "Keep the space safe while connections form",
      ],
      techniques: ["Linking members' experiences", "Active listening", "Summarising common themes"],
      watchFor: ["A member whose experience seems not to fit and who pulls away", "Pressure to agree"],
      readiness: {},
    },
    {
      id: "mutuality-and-empathy",
      label: "Mutuality and interpersonal empathy",
      summary:
        "Members share more deeply and stay with one another's differences with empathy; the group becomes a place of mutual help.",
      markers: [
        "Deeper disclosure and empathic responses",
        "Differences between members are explored with respect",
        "Members help one another between sessions or in the group's work",
      ],
      workerTasks: [
        "Support deeper sharing while keeping its pace safe",
        "Help members explore their differences with empathy",
        "Let members lead more of the mutual aid",
      ],
      techniques: ["Paraphrasing feelings", "Active listening", "Open-ended questions", "Summarising"],
      watchFor: ["Members overwhelmed by what others share", "A member left outside the group's mutual aid"],
      readiness: {},
    },
    {
      id: "challenge-and-change",
      label: "Challenge and change",
      summary:
        "With relationships strong enough to hold it, members challenge one another and the worker, and use the conflict to change.",
      markers: [
        "Members disagree openly and stay connected",
        "Challenges to the worker and to the group's ways of working",
        "Members try new ways of acting inside and outside the group",
      ],
      workerTasks: [
        "Normalise conflict as a sign that relationships are strong enough to hold it",
        "Model non-defensive responses when challenged",
        "Protect members who become the target of criticism, and revisit norms with the group",
      ],
      techniques: [
        "Active listening",
        "Paraphrasing each side of a disagreement",
        "Summarising differences without judging them",
      ],
      watchFor: ["Conflict that echoes abuse members have lived through", "Members withdrawing after a challenge"],
      readiness: {},
    },
    {
      id: "separation",
      label: "Separation",
      summary:
        "The group ends: members review what they gained, grieve the ending and plan the support they will keep.",
      markers: [
        "Sadness or anxiety about losing the group",
        "Members looking back on how they changed",
        "Old difficulties returning as the end nears",
      ],
      workerTasks: [
        "Prepare members for the ending early",
        "Review and evaluate each member's progress",
        "Plan safety and support after the group, with referrals where needed",
      ],
      techniques: ["Summarising the group's work", "Active listening", "Open-ended questions about what comes next"],
      watchFor: ["Members without support or a safety plan after the group ends"],
      // Closing the record needs no further session: a group that ended early may never meet again.
      readiness: { minSessions: 0 },
    },
  ],
  finalStage: "separation",
};
