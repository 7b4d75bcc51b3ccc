import { z } from "zod";
import {
  type GroupKind,
  GroupKindSchema,
  type MembershipType,
  MembershipTypeSchema,
  type ParticipationType,
  ParticipationTypeSchema,
} from "./codes.js";
import { type GroupId, GroupIdSchema } from "./ids.js";
import { type CalendarDate, CalendarDateSchema, TextSchema, TimeZoneSchema } from "./primitives.js";
import { stageModelIds } from "./vocabulary/index.js";

/**
 * Schema of a {@link Group}: one support, therapy or task group as a case-management system describes it.
 *
 * @example
 * // A group that leaves out its stage model follows Tuckman's
 * const group = GroupSchema.parse({
 *   id: "grp-dbt-skills",
 *   name: "DBT Skills Group",
 *   purpose: "Learn and practise distress tolerance and emotion regulation skills.",
 *   kind: "skills",
 *   membership: "open",
 *   participation: "optional",
 *   timeZone: "Europe/London",
 *   startDate: "2026-09-07",
 * });
 * group.stageModel
 * //=> "tuckman"
 */
export const GroupSchema = /* @__PURE__ */ z
  .strictObject({
    id: GroupIdSchema,
    name: TextSchema.meta({ description: "The name members and staff use for the group." }),
    purpose: TextSchema.meta({ description: "Why the group exists, in a sentence or two (the worker's contract)." }),
    kind: GroupKindSchema,
    membership: MembershipTypeSchema,
    participation: ParticipationTypeSchema,
    plannedSessions: z
      .int()
      .positive()
      .optional()
      .meta({ description: "How many sessions are planned; usual for closed groups, often absent for open ones." }),
    capacity: z.int().positive().optional().meta({
      description: "Most clients the group takes at once: memberships with the role member, not facilitators.",
    }),
    timeZone: TimeZoneSchema,
    startDate: CalendarDateSchema.meta({ description: "First day of the group, in its own time zone." }),
    endDate: CalendarDateSchema.optional().meta({ description: "Last day of the group, if known." }),
    stageModel: TextSchema.default(stageModelIds[0]).meta({
      description: `Id of the stage model the group follows: one the library ships (${stageModelIds.join(", ")}; the first is the default), or an agency's own.`,
    }),
  })
  .meta({
    id: "Group",
    description: "A social-work group: its purpose, kind, membership rules, calendar and time zone.",
  });

/**
 * A social-work group as the library reads it: its purpose, kind, membership rules, calendar and time zone.
 *
 * Parse one with {@link GroupSchema} (or a whole record with `parseGroupRecord`).
 *
 * @example
 * const parsed = parseGroupRecord(sampleGroupRecord);
 * if (!parsed.ok) throw new Error(formatGroupRecordIssues(parsed.issues));
 * const { kind, membership, plannedSessions, timeZone } = parsed.value.group;
 * [kind, membership, plannedSessions, timeZone]
 * //=> ["support", "closed", 12, "America/Chicago"]
 */
export interface Group {
  /** The group's id, owned by the host system (any string that is not blank). */
  id: GroupId;
  /** The name members and staff use for the group. */
  name: string;
  /** Why the group exists, in a sentence or two (the worker's contract). */
  purpose: string;
  /** Kind of group: `support`, `therapy`, `psychoeducation`, `skills`, `task`, … (see {@link groupKinds}). */
  kind: GroupKind;
  /** `closed` (a fixed cohort) or `open` (rolling admission). */
  membership: MembershipType;
  /** Whether members attend by requirement (`mandatory`, e.g. court-ordered) or by choice (`optional`). */
  participation: ParticipationType;
  /** How many sessions are planned; usual for closed groups, often absent for open ones. */
  plannedSessions?: number | undefined;
  /** Most clients the group takes at once: memberships with the role `member`, not facilitators. */
  capacity?: number | undefined;
  /** The group's IANA time zone, e.g. `America/Chicago`; calendar dates and questions are read in it. */
  timeZone: string;
  /** First day of the group, in its own time zone. */
  startDate: CalendarDate;
  /** Last day of the group, if known. */
  endDate?: CalendarDate | undefined;
  /** The group's stage model: one of {@link stageModelIds} (`tuckman` by default), or an agency's own id. */
  stageModel: string;
}
