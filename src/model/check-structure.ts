import { describeValue } from "../_lib/errors.js";
import { type CheckContext, error, isKnownMember, warning } from "./check-context.js";
import { facilitationRoles, stageModelIds } from "./vocabulary/index.js";

// Checks of the group's standing data: the group itself, memberships, sessions, agreements and consents.

// Built on first use, not at load, so importing a vocabulary alone does not keep this module's code in a bundle.
let facilitatingRoles: ReadonlySet<string> | undefined;
function isFacilitatingRole(role: string): boolean {
  facilitatingRoles ??= new Set(
    facilitationRoles.entries.filter((entry) => entry.facilitates).map((entry) => entry.code),
  );
  return facilitatingRoles.has(role);
}

/** The group's own dates and stage model. */
export function checkGroup(context: CheckContext): void {
  const group = context.record.group;
  // The stage models groupwork/stages ships; an agency may bring its own under another id.
  if (group !== undefined && !(stageModelIds as readonly string[]).includes(group.stageModel)) {
    warning(
      context,
      "unknown-stage-model",
      ["group", "stageModel"],
      `The group follows stage model ${describeValue(group.stageModel)}, which is not one the library ships (${stageModelIds.join(", ")}); check the spelling, or make sure your own model has this id.`,
    );
  }
  if (group !== undefined && endsBeforeStart(group)) {
    error(
      context,
      "group-ends-before-start",
      ["group", "endDate"],
      `The group ends on ${group.endDate}, before it starts on ${group.startDate}; correct one of the dates.`,
    );
  }
}

function endsBeforeStart(group: { readonly startDate: string; readonly endDate?: string | undefined }): boolean {
  // YYYY-MM-DD strings order the same way as the days they name.
  return group.endDate !== undefined && group.endDate < group.startDate;
}

/**
 * The group's first and last days, for the checks that compare other dates with them; `undefined` when the group is
 * broken or ends before it starts, which is already its own error: comparing every session and membership with dates
 * known to be wrong would turn that one mistake into a warning for each.
 */
function groupDates(context: CheckContext): { readonly start: string; readonly end: string | undefined } | undefined {
  const group = context.record.group;
  if (group === undefined || endsBeforeStart(group)) return undefined;
  return { start: group.startDate, end: group.endDate };
}

/** Memberships: right group, known member, sane period, no overlaps; members and facilitators accounted for. */
export function checkMemberships(context: CheckContext): void {
  const { record } = context;
  const groupId = record.group?.id;
  const dates = groupDates(context);
  const byMember = new Map<string, number[]>();
  let hasFacilitator = false;

  record.memberships.forEach((membership, index) => {
    if (membership === undefined) return;
    const path = ["memberships", index] as const;
    if (groupId !== undefined && membership.groupId !== groupId) {
      error(
        context,
        "wrong-group",
        [...path, "groupId"],
        `memberships[${index}] belongs to group ${describeValue(membership.groupId)}, but this record is for group ${describeValue(groupId)}.`,
      );
    }
    if (!isKnownMember(context, membership.memberId)) {
      error(
        context,
        "unknown-member",
        [...path, "memberId"],
        `memberships[${index}] names member ${describeValue(membership.memberId)}, who is not in members; add the member or fix the id.`,
      );
    }
    const period = membership.period;
    const inverted = period?.end !== undefined && period.end < period.start;
    if (inverted) {
      error(
        context,
        "period-ends-before-start",
        [...path, "period", "end"],
        `memberships[${index}] ends on ${period.end}, before it starts on ${period.start}.`,
      );
    }
    if (period?.end !== undefined && membership.exitReason === undefined) {
      warning(
        context,
        "missing-exit-reason",
        [...path, "exitReason"],
        `memberships[${index}] ended on ${period.end} without an exit reason; record whether they completed, dropped out, transferred or were removed.`,
      );
    }
    if (period?.end === undefined && membership.exitReason !== undefined) {
      warning(
        context,
        "exit-reason-without-end",
        [...path, "period"],
        `memberships[${index}] has the exit reason ${describeValue(membership.exitReason)} but no end date; record the last day of the membership.`,
      );
    }
    // A period that ends before it starts is already an error; which of its dates is wrong is not known, so it is not
    // compared with the group's as well.
    if (
      dates !== undefined &&
      period !== undefined &&
      !inverted &&
      (period.start < dates.start || (dates.end !== undefined && period.end !== undefined && period.end > dates.end))
    ) {
      warning(
        context,
        "membership-outside-group-dates",
        [...path, "period"],
        `memberships[${index}] runs ${period.start} to ${period.end ?? "open"}, outside the group's dates (${dates.start} to ${dates.end ?? "open"}).`,
      );
    }
    if (isFacilitatingRole(membership.role)) hasFacilitator = true;
    // A period that ends before it starts is already an error; it takes no part in the overlap check, so the answer
    // does not depend on where it sits in the list.
    if (inverted) {
      if (!byMember.has(membership.memberId)) byMember.set(membership.memberId, []);
      return;
    }
    const list = byMember.get(membership.memberId);
    if (list === undefined) byMember.set(membership.memberId, [index]);
    else list.push(index);
  });

  for (const [memberId, indexes] of byMember) {
    if (indexes.length < 2) continue;
    const sorted = [...indexes].sort((a, b) => startOf(context, a).localeCompare(startOf(context, b)));
    // Sweep in start order, remembering the membership that reaches furthest so far: a later one overlaps it when it
    // starts on or before that end, even if its immediate neighbour ended earlier.
    let furthest = sorted[0] as number;
    for (const later of sorted.slice(1)) {
      const furthestEnd = endOf(context, furthest);
      if (furthestEnd === undefined || furthestEnd >= startOf(context, later)) {
        error(
          context,
          "overlapping-memberships",
          ["memberships", later, "period"],
          `memberships[${later}] overlaps memberships[${furthest}] for member ${describeValue(memberId)}; a person holds one membership of a group at a time, so end the first before the second starts.`,
        );
      }
      const laterEnd = endOf(context, later);
      if (furthestEnd !== undefined && (laterEnd === undefined || laterEnd > furthestEnd)) furthest = later;
    }
  }

  record.members.forEach((member, index) => {
    if (
      member !== undefined &&
      !byMember.has(member.id) &&
      !record.brokenMembershipMemberIds.has(member.id) &&
      !record.membershipsUnreadable
    ) {
      warning(
        context,
        "member-without-membership",
        ["members", index],
        `Person ${describeValue(member.id)} has no membership; add one with their role and period, or remove them from members.`,
      );
    }
  });
  // Self-help groups are led by their members, so no facilitator is what they should look like.
  if (!hasFacilitator && record.memberships.length > 0 && record.group?.kind !== "self-help") {
    warning(
      context,
      "no-facilitator",
      ["memberships"],
      "No membership has a facilitating role (facilitator, co-facilitator or peer facilitator); self-help groups may run this way, otherwise add the worker.",
    );
  }
}

function endOf(context: CheckContext, membershipIndex: number): string | undefined {
  return context.record.memberships[membershipIndex]?.period?.end;
}

function startOf(context: CheckContext, membershipIndex: number): string {
  // An absent period covers the whole life of the group, so it sorts first.
  return context.record.memberships[membershipIndex]?.period?.start ?? "";
}

/** Sessions: right group, unique sequence numbers, within the plan and the group's dates. */
export function checkSessions(context: CheckContext): void {
  const group = context.record.group;
  const dates = groupDates(context);
  const sequences = new Map<number, number>();
  let held = 0;
  for (const { session, index, day } of context.sessionsById.values()) {
    const path = ["sessions", index] as const;
    if (group !== undefined && session.groupId !== group.id) {
      error(
        context,
        "wrong-group",
        [...path, "groupId"],
        `sessions[${index}] belongs to group ${describeValue(session.groupId)}, but this record is for group ${describeValue(group.id)}.`,
      );
    }
    const first = sequences.get(session.sequence);
    if (first === undefined) sequences.set(session.sequence, index);
    else {
      error(
        context,
        "duplicate-sequence",
        [...path, "sequence"],
        `sessions[${index}] and sessions[${first}] are both session ${session.sequence}; number each session once.`,
      );
    }
    if (session.status === "held") held++;
    if (
      dates !== undefined &&
      day !== undefined &&
      (day < dates.start || (dates.end !== undefined && day > dates.end))
    ) {
      warning(
        context,
        "session-outside-group-dates",
        [...path, "scheduledStart"],
        `Session ${session.sequence} falls on ${day}, outside the group's dates (${dates.start} to ${dates.end ?? "open"}).`,
      );
    }
  }
  checkSequenceOrder(context);
  if (group?.plannedSessions !== undefined && held > group.plannedSessions) {
    warning(
      context,
      "sessions-exceed-plan",
      ["sessions"],
      `${held} sessions were held but the group planned ${group.plannedSessions}; update plannedSessions if the group was extended.`,
    );
  }
}

/** Sessions numbered against the calendar: a later number scheduled before an earlier one. Odd, and often a typo. */
function checkSequenceOrder(context: CheckContext): void {
  const bySequence = [...context.sessionsById.values()].sort((a, b) => a.session.sequence - b.session.sequence);
  for (let i = 1; i < bySequence.length; i++) {
    const earlier = bySequence[i - 1];
    const later = bySequence[i];
    if (earlier === undefined || later === undefined || later.startMs >= earlier.startMs) continue;
    warning(
      context,
      "sequence-out-of-order",
      ["sessions", later.index, "sequence"],
      `Session ${later.session.sequence} is scheduled (${later.session.scheduledStart}) before session ${earlier.session.sequence} (${earlier.session.scheduledStart}); check the numbers or the dates.`,
    );
  }
}
