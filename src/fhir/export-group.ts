import type { CareTeam, CareTeamParticipant, Extension, Group, GroupMember, Period } from "@medplum/fhirtypes";
import { facilitationRoles, type Membership } from "../model/index.js";
import { writeAgreement, writeStageEvent } from "./export-group-log.js";
import {
  type ExportContext,
  groupReference,
  identifiersOf,
  personReference,
  type WrittenResource,
} from "./export-parts.js";
import { resourceUuid } from "./ids.js";
import { groupworkFhirUrls } from "./urls.js";

// Private to the FHIR export: the Group (its members, its settings, its agreement and stage log as extensions) and the
// CareTeam of those who lead, observe or interpret.

const EXTENSION = groupworkFhirUrls.extension;

/** A membership's days as an R4 Period of calendar dates, or nothing when it has none (the whole life of the group). */
function periodOf(membership: Membership): { period?: Period } {
  const { period } = membership;
  if (period === undefined) return {};
  return { period: { start: period.start, ...(period.end !== undefined ? { end: period.end } : {}) } };
}

function exitReasonOf(membership: Membership): Extension[] {
  return membership.exitReason === undefined ? [] : [{ url: EXTENSION.exitReason, valueCode: membership.exitReason }];
}

/** The Group: one `member` per membership with the role `member`, in record order. */
export function writeGroup(context: ExportContext): WrittenResource {
  const { group, memberships, agreements, stageEvents } = context.record;
  const uuid = resourceUuid("Group", group.id);
  const members = memberships
    .filter((membership) => membership.role === "member")
    .map((membership): GroupMember => {
      const extension = exitReasonOf(membership);
      return {
        ...(extension.length > 0 ? { extension } : {}),
        entity: personReference(context, membership.memberId),
        ...periodOf(membership),
        inactive: membership.inactive,
      };
    });
  const extension: Extension[] = [
    { url: EXTENSION.groupPurpose, valueString: group.purpose },
    { url: EXTENSION.membershipType, valueCode: group.membership },
    { url: EXTENSION.participationType, valueCode: group.participation },
  ];
  if (group.plannedSessions !== undefined) {
    extension.push({ url: EXTENSION.plannedSessions, valuePositiveInt: group.plannedSessions });
  }
  if (group.capacity !== undefined) extension.push({ url: EXTENSION.capacity, valuePositiveInt: group.capacity });
  extension.push(
    { url: EXTENSION.timeZone, valueCode: group.timeZone },
    {
      url: EXTENSION.groupPeriod,
      valuePeriod: { start: group.startDate, ...(group.endDate !== undefined ? { end: group.endDate } : {}) },
    },
    { url: EXTENSION.stageModel, valueString: group.stageModel },
  );
  for (const agreement of agreements) extension.push(writeAgreement(context, agreement));
  // The log's order is part of the record, so the events keep it.
  for (const event of stageEvents) extension.push(writeStageEvent(event));
  const resource: Group = {
    resourceType: "Group",
    extension,
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.group, value: group.id }),
    active: true,
    type: "person",
    actual: true,
    code: { coding: [{ system: groupworkFhirUrls.codeSystem.groupKind, code: group.kind }] },
    name: group.name,
    quantity: members.length,
    ...(members.length > 0 ? { member: members } : {}),
  };
  return { uuid, resource };
}

/** The CareTeam of the memberships in another role than `member`, in record order; none when there are none. */
export function writeCareTeam(context: ExportContext): WrittenResource[] {
  const { group, memberships } = context.record;
  const participants = memberships
    .filter((membership) => membership.role !== "member")
    .map((membership): CareTeamParticipant => {
      // Every role is in the vocabulary, which gives the R4 encounter-participant-type code each maps to.
      const mapped = facilitationRoles.entries.find((entry) => entry.code === membership.role);
      const coding = mapped === undefined ? [] : [{ ...mapped.encounterParticipantType }];
      return {
        extension: [
          { url: EXTENSION.membershipInactive, valueBoolean: membership.inactive },
          ...exitReasonOf(membership),
        ],
        role: [
          {
            coding: [...coding, { system: groupworkFhirUrls.codeSystem.facilitationRole, code: membership.role }],
          },
        ],
        member: personReference(context, membership.memberId),
        ...periodOf(membership),
      };
    });
  if (participants.length === 0) return [];
  const uuid = resourceUuid("CareTeam", group.id);
  const resource: CareTeam = {
    resourceType: "CareTeam",
    identifier: identifiersOf(uuid, { system: groupworkFhirUrls.identifier.group, value: group.id }),
    name: `${group.name}: facilitation team`,
    subject: groupReference(context),
    participant: participants,
  };
  return [{ uuid, resource }];
}
