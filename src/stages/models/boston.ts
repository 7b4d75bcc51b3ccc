import type { StageModel } from "../types.js";

// Garland, Jones & Kolodny 1965, the "Boston model" of social-work groups: its thread is how close members let
// themselves come to one another. The guidance below is ours, written from that source; it is a map for the worker's
// judgment, not a law groups obey.

/**
 * The Boston model of group development (Garland, Jones & Kolodny 1965), the classic social-work model: pre-affiliation,
 * power and control, intimacy, differentiation and separation, with guidance for the worker in each.
 *
 * @example
 * bostonModel.stages.map((stage) => stage.id)
 * //=> ["pre-affiliation", "power-and-control", "intimacy", "differentiation", "separation"]
 */
export const bostonModel: StageModel<
  "pre-affiliation" | "power-and-control" | "intimacy" | "differentiation" | "separation"
> = {
  id: "boston",
  name: "Boston model (Garland, Jones & Kolodny)",
  citation: [
    "Garland, J. A., Jones, H. E., & Kolodny, R. L. (1965). A model for stages of development in social work groups. In S. Bernstein (Ed.), Explorations in group work (pp. 17–71). Boston University School of Social Work.",
  ],
  stages: [
    {
      id: "pre-affiliation",
      label: "Pre-affiliation",
      summary:
        "Members are drawn to the group and wary of it at once: they come close and pull back while they decide whether it is safe to belong.",
      markers: [
        "Members keep their distance and join activities tentatively",
        "Approach and avoidance: coming to sessions but holding back",
        "Reliance on the worker to say what will happen",
        "Questions about what the group will ask of them",
      ],
      workerTasks: [
        "Be warm and directive: offer structure members can lean on",
        "Allow members to keep their distance while inviting trust",
        "Agree the group's purpose and agreement with members, including confidentiality and its limits",
        "Lead introductions and activities that let members join at their own pace",
      ],
      techniques: ["Active listening", "Open-ended questions", "Paraphrasing", "Summarising"],
      watchFor: ["Members who come once and do not return", "Pressure on members to disclose before they are ready"],
      readiness: { requiresAgreement: true },
    },
    {
      id: "power-and-control",
      label: "Power and control",
      summary:
        "Members work out status, influence and who decides, and test the worker's authority; struggles over power are how the group finds its shape.",
      markers: [
        "Struggles over rank, influence and who speaks for the group",
        "Testing the worker's limits and authority",
        "Rebellion against rules, or anxious demands for more of them",
        "Members dropping out when the struggle feels unsafe",
      ],
      workerTasks: [
        "Name power struggles as a normal part of a group's growth",
        "Model non-defensive responses when members challenge the worker",
        "Hold the limits that keep every member safe, and protect scapegoats",
        "Revisit the group's norms and help members find fair ways to decide",
      ],
      techniques: [
        "Active listening",
        "Paraphrasing each side of a struggle",
        "Summarising what members disagree about",
        "Open-ended questions about how the group wants to decide",
      ],
      watchFor: ["Scapegoating of one member", "Members leaving after a confrontation", "Rigid leaders emerging"],
      readiness: {},
    },
    {
      id: "intimacy",
      label: "Intimacy",
      summary:
        "Members become more personally involved: the group can feel like a family, with its warmth and its rivalries, and members share more of themselves.",
      markers: [
        "More personal sharing and concern for one another",
        "Family-like feelings, including rivalry for the worker's attention",
        "Members comparing the group with their own families",
        "Growing commitment to the group and its tasks",
      ],
      workerTasks: [
        "Support members' sharing and help them understand their feelings",
        "Let the group take more responsibility for its work",
        "Notice rivalries and help members talk about them",
      ],
      techniques: ["Active listening", "Paraphrasing feelings", "Open-ended questions", "Summarising"],
      watchFor: ["Members left outside a close inner circle", "Rivalry that turns into exclusion"],
      readiness: {},
    },
    {
      id: "differentiation",
      label: "Differentiation",
      summary:
        "Members accept one another as distinct people and the group runs itself: roles are clear, differences are welcome and the work goes forward.",
      markers: [
        "Members value each other's differences",
        "The group governs itself and solves its own problems",
        "Members see the group as having its own identity",
        "Relationships feel freer and less tied to the worker",
      ],
      workerTasks: [
        "Step back as the group becomes autonomous",
        "Help the group evaluate its own work",
        "Help members connect what they do in the group with life outside it",
      ],
      techniques: ["Summarising progress", "Open-ended questions", "Active listening"],
      watchFor: ["The group turning inward and shutting out new members", "Members drifting from their goals"],
      readiness: {},
    },
    {
      id: "separation",
      label: "Separation",
      summary:
        "The group ends: members may deny it, slip back into earlier ways or pull away, and need help to review their gains and take them with them.",
      markers: [
        "Denial of the ending, or old problems returning as it nears",
        "Members pulling away or missing sessions",
        "Looking back on what the group achieved",
      ],
      workerTasks: [
        "Prepare members for the ending early",
        "Help members say how they feel about the ending",
        "Review and evaluate each member's progress",
        "Make referrals for support after the group",
      ],
      techniques: ["Summarising the group's work", "Active listening", "Open-ended questions about what comes next"],
      watchFor: ["A member who leaves without saying goodbye", "Members who need a referral and have none"],
      // Closing the record needs no further session: a group that ended early may never meet again.
      readiness: { minSessions: 0 },
    },
  ],
  finalStage: "separation",
};
