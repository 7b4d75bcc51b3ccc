import type { GroupRecord, GroupRecordInput } from "../model/index.js";
import type {
  ScenarioAdjournOptions,
  ScenarioAgreementOptions,
  ScenarioBuildOptions,
  ScenarioConsentOptions,
  ScenarioGroupOptions,
  ScenarioJoinOptions,
  ScenarioLeaveOptions,
  ScenarioMember,
  ScenarioRegressOptions,
  ScenarioSessionsOptions,
  ScenarioStageOptions,
  ScenarioTimedOptions,
  WeeklyScheduleOptions,
} from "./builder-options.js";
import { startScenario } from "./builder-scenario.js";
import { SCENARIO_MEMBER_NAMES } from "./builder-state.js";

export type {
  ScenarioAdjournOptions,
  ScenarioAgreementOptions,
  ScenarioBuildOptions,
  ScenarioConsentOptions,
  ScenarioGroupOptions,
  ScenarioJoinOptions,
  ScenarioLeaveOptions,
  ScenarioMember,
  ScenarioRecipient,
  ScenarioRegressOptions,
  ScenarioSessionsOptions,
  ScenarioStageOptions,
  ScenarioTimedOptions,
  ScenarioWeekday,
  WeeklyScheduleOptions,
} from "./builder-options.js";

/**
 * A scenario being written as a group record, one readable call at a time; start one with {@link buildGroupRecord}.
 *
 * Every call checks its arguments, and what they say against the scenario so far, and throws a `GroupworkError`
 * (`invalid-argument`) that names the call and the argument (`absent: options.sessions[0] must be a session number
 * from 1 to 10 …`). Every call returns a new builder and leaves the one it was called on as it was, so a base
 * scenario can be branched into variants. The same calls always give deep-equal records: nothing reads the clock, the
 * machine's time zone or a random source.
 *
 * Ids: the group is `g-1` (unless given), sessions `s-1`, `s-2`, … in date order, facilitators `f-1`, `f-2`, … and
 * members (clients) `m-1`, `m-2`, … in the order they are added, consents `c-1`, `c-2`, … and agreement versions
 * `"1"`, `"2"`, … (unless given). A member is named by position (`3`) or id (`"m-3"`).
 *
 * @example
 * const record = buildGroupRecord({ name: "Thursday grief group", kind: "support", membership: "open", timeZone: "America/Chicago" })
 *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
 *   .facilitator("Ana Rivera")
 *   .members(8)
 *   .absent(3, { sessions: [4, 5, 6] })
 *   .agreementAdopted({ session: 1 })
 *   .build();
 * [record.sessions[2]?.scheduledStart, record.sessions[3]?.scheduledStart]
 * //=> ["2026-03-05T18:00:00-06:00", "2026-03-12T18:00:00-05:00"]
 */
export interface GroupRecordBuilder {
  /**
   * Schedules the group's sessions: one a week on `weekday` at `startTime` on the group's wall clock, from `firstDate`.
   * Each session's start carries the zone's UTC offset on its own date, so a run across a daylight saving change is
   * written right. Every session takes place (status `held`) unless cancelled; the group's start and end dates and
   * planned sessions follow from the schedule. Call it once, before the calls that name sessions.
   *
   * A start time that the clocks pass twice on some date (01:30 on the night they go back) is the first of the two;
   * one that they skip (02:30 on the night they go forward) is refused.
   *
   * @param options - weekday, start time, length in minutes, first date, number of sessions, and the mode
   * @throws `GroupworkError` for an unknown weekday, a time that is not `HH:MM` (`"25:00"`), a first date that is not
   *   a real date or not on the weekday, a length or count out of range, a start time the clocks skip, or a second call
   * @example
   * // Daylight saving time starts in Chicago on Sunday 8 March 2026
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-03-05", sessions: 2 })
   *   .facilitator("Ana Rivera")
   *   .build();
   * record.sessions.map((session) => [session.id, session.scheduledStart])
   * //=> [["s-1", "2026-03-05T18:00:00-06:00"], ["s-2", "2026-03-12T18:00:00-05:00"]]
   */
  meetsWeekly(options: WeeklyScheduleOptions): GroupRecordBuilder;
  /**
   * Adds a facilitator, `f-1` for the first facilitating person, `f-2` for the next, … They belong to the group from
   * its first day. The first facilitating person added records the stage log (`by`); a group without one has its
   * log recorded by its own id.
   *
   * @param name - the facilitator's display name
   * @throws `GroupworkError` when the name is blank
   * @example
   * const record = buildGroupRecord({ name: "Skills group", kind: "skills", membership: "closed", timeZone: "Europe/London" })
   *   .meetsWeekly({ weekday: "monday", startTime: "10:00", minutes: 60, firstDate: "2026-09-07", sessions: 4 })
   *   .facilitator("Ana Rivera")
   *   .build();
   * record.memberships.map((membership) => [membership.memberId, membership.role])
   * //=> [["f-1", "facilitator"]]
   */
  facilitator(name: string): GroupRecordBuilder;
  /**
   * Adds a co-facilitator, numbered with the facilitators (`f-2` after one facilitator).
   *
   * @param name - the co-facilitator's display name
   * @throws `GroupworkError` when the name is blank
   * @example
   * const record = buildGroupRecord({ name: "Skills group", kind: "skills", membership: "closed", timeZone: "Europe/London" })
   *   .meetsWeekly({ weekday: "monday", startTime: "10:00", minutes: 60, firstDate: "2026-09-07", sessions: 4 })
   *   .facilitator("Ana Rivera")
   *   .coFacilitator("Chidi Okafor")
   *   .build();
   * record.members.map((member) => [member.id, member.displayName])
   * //=> [["f-1", "Ana Rivera"], ["f-2", "Chidi Okafor"]]
   */
  coFacilitator(name: string): GroupRecordBuilder;
  /**
   * Adds members (clients) who belong to the group from its first session: a number of them, named from
   * {@link scenarioMemberNames} in order, or a list of their names. Ids continue from the members already added
   * (`m-1`, `m-2`, …). Each is recorded present at every session that takes place while they belong, unless marked
   * otherwise.
   *
   * @param who - how many (1 to 1000), or their display names
   * @throws `GroupworkError` for a count out of range, an empty list, or a blank name
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(2)
   *   .members(["Hope Lindqvist"])
   *   .build();
   * record.members.filter((member) => member.id !== "f-1").map((member) => `${member.id} ${member.displayName}`)
   * //=> ["m-1 Amara Okafor", "m-2 Mateo Hernández", "m-3 Hope Lindqvist"]
   */
  members(who: number | readonly string[]): GroupRecordBuilder;
  /**
   * Adds members who join an open group at a later session. Their membership starts on that session's day, and the
   * stage log records each joining (`MEMBER_JOINED`) at its start.
   *
   * @param who - how many, or their display names, as for `members`
   * @param options - the first session they belong to, from 2
   * @throws `GroupworkError` for a closed group, a session out of range, or `who` as `members` refuses it
   * @example
   * const record = buildGroupRecord({ name: "Open grief group", kind: "support", membership: "open", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .joins(1, { session: 4 })
   *   .build();
   * const newcomer = record.memberships.find((membership) => membership.memberId === "m-9");
   * [newcomer?.period?.start, record.attendance.filter((entry) => entry.memberId === "m-9").length]
   * //=> ["2026-03-12", 7]
   */
  joins(who: number | readonly string[], options: ScenarioJoinOptions): GroupRecordBuilder;
  /**
   * Ends a member's membership on the day of their last session, with the reason, and records `MEMBER_LEFT` in the
   * stage log after that session.
   *
   * @param member - the member, by position or id
   * @param options - the last session they belong to (`after`), and the exit reason from the `exitReasons` vocabulary
   * @throws `GroupworkError` for an unknown member, a session out of range or before they joined, a member who already
   *   leaves, an exit reason outside the vocabulary, or attendance already marked after that session
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .leaves(5, { after: 6, reason: "dropped-out" })
   *   .build();
   * const left = record.memberships.find((membership) => membership.memberId === "m-5");
   * [left?.period?.end, left?.exitReason]
   * //=> ["2026-03-26", "dropped-out"]
   */
  leaves(member: ScenarioMember, options: ScenarioLeaveOptions): GroupRecordBuilder;
  /**
   * Marks a member absent (a no-show) at sessions.
   *
   * @param member - the member, by position or id
   * @param options - the session numbers
   * @throws `GroupworkError` for an unknown member, a session out of range, listed twice, cancelled, one the member
   *   does not belong to, or one already marked for them
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .absent(3, { sessions: [4, 5, 6] })
   *   .build();
   * record.attendance.filter((entry) => entry.status === "absent").map((entry) => `${entry.memberId}@${entry.sessionId}`)
   * //=> ["m-3@s-4", "m-3@s-5", "m-3@s-6"]
   */
  absent(member: ScenarioMember, options: ScenarioSessionsOptions): GroupRecordBuilder;
  /**
   * Marks a member's absence excused (missed with an accepted reason) at sessions.
   *
   * @param member - the member, by position or id
   * @param options - the session numbers
   * @throws `GroupworkError` as `absent` does
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .excused("m-8", { sessions: [7] })
   *   .build();
   * record.attendance.find((entry) => entry.memberId === "m-8" && entry.sessionId === "s-7")?.status
   * //=> "excused"
   */
  excused(member: ScenarioMember, options: ScenarioSessionsOptions): GroupRecordBuilder;
  /**
   * Marks a member late at sessions, arriving `minutes` (10 by default) after the scheduled start.
   *
   * @param member - the member, by position or id
   * @param options - the session numbers, and how late
   * @throws `GroupworkError` as `absent` does, and for minutes that are not from 1 to one less than the session's length
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .late(6, { sessions: [2], minutes: 12 })
   *   .build();
   * record.attendance.find((entry) => entry.memberId === "m-6" && entry.sessionId === "s-2")?.arrivedAt
   * //=> "2026-02-26T18:12:00-06:00"
   */
  late(member: ScenarioMember, options: ScenarioTimedOptions): GroupRecordBuilder;
  /**
   * Marks a member as having left early at sessions, `minutes` (30 by default) before the scheduled end; they arrived
   * at the start.
   *
   * @param member - the member, by position or id
   * @param options - the session numbers, and how early
   * @throws `GroupworkError` as `late` does
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .leftEarly(7, { sessions: [9] })
   *   .build();
   * const entry = record.attendance.find((record) => record.memberId === "m-7" && record.sessionId === "s-9");
   * [entry?.status, entry?.arrivedAt, entry?.departedAt]
   * //=> ["left-early", "2026-04-16T18:00:00-05:00", "2026-04-16T19:00:00-05:00"]
   */
  leftEarly(member: ScenarioMember, options: ScenarioTimedOptions): GroupRecordBuilder;
  /**
   * Cancels sessions: they keep their place and number, have no attendance, and are never an absence for anyone.
   *
   * @param options - the session numbers
   * @throws `GroupworkError` for a session out of range, listed twice, already cancelled, with attendance marked, or
   *   adopting the agreement
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .cancel({ sessions: [3] })
   *   .build();
   * [record.sessions[2]?.status, record.attendance.filter((entry) => entry.sessionId === "s-3").length]
   * //=> ["cancelled", 0]
   */
  cancel(options: ScenarioSessionsOptions): GroupRecordBuilder;
  /**
   * Records the group agreement adopted at a session: fixed norms and a confidentiality term, signed in writing that
   * day by every member who belongs then, and `AGREEMENT_ADOPTED` in the stage log at the session's start.
   *
   * @param options - the session, the version label, and whether the limits of confidentiality were explained
   * @throws `GroupworkError` for a session out of range or cancelled, or a version already adopted
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .agreementAdopted({ session: 1 })
   *   .build();
   * const agreement = record.agreements[0];
   * [agreement?.version, agreement?.adoptedOn, agreement?.signatures.length, agreement?.limitsExplained]
   * //=> ["1", "2026-02-19", 8, true]
   */
  agreementAdopted(options: ScenarioAgreementOptions): GroupRecordBuilder;
  /**
   * Records a member's consent to share group information with one recipient, given at the start of a session (the
   * member's first unless `session` says otherwise), by the member (`self`) in writing unless told otherwise.
   *
   * @param member - the member, by position or id
   * @param options - recipient, purposes, kinds of information, and the consent's details
   * @throws `GroupworkError` for an unknown member, a recipient kind, purpose, kind of information, grantor, form or
   *   legal basis outside its vocabulary, an empty list, a session out of range, or a time that is not an instant
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .consent(1, { recipient: { kind: "outside-provider", organisation: "Lakeside Family Medicine" }, purposes: ["TREAT"], dataClasses: ["progress-note"] })
   *   .build();
   * const consent = record.consents[0];
   * [consent?.id, consent?.memberId, consent?.validFrom, consent?.form]
   * //=> ["c-1", "m-1", "2026-02-19T18:00:00-06:00", "written"]
   */
  consent(member: ScenarioMember, options: ScenarioConsentOptions): GroupRecordBuilder;
  /**
   * Records the worker's decision, after a session, that the group moved to its next stage (`ADVANCE`), 15 minutes
   * after the session's scheduled end. The builder records what it is told; `replayStageEvents` says whether the stage
   * machine accepts it.
   *
   * @param options - the session after which it is recorded, and the reason
   * @throws `GroupworkError` for a session out of range or a blank reason
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .members(8)
   *   .agreementAdopted({ session: 1 })
   *   .advance({ after: 2, reason: "Members question the no-advice norm." })
   *   .build();
   * record.stageEvents.slice(0, 4).map((event) => `${event.type} ${event.at}`)
   * //=> [
   *   "AGREEMENT_ADOPTED 2026-02-19T18:00:00-06:00",
   *   "SESSION_HELD 2026-02-19T19:30:00-06:00",
   *   "SESSION_HELD 2026-02-26T19:30:00-06:00",
   *   "ADVANCE 2026-02-26T19:45:00-06:00",
   * ]
   */
  advance(options: ScenarioStageOptions): GroupRecordBuilder;
  /**
   * Records the worker's judgment, after a session, that the group is back in an earlier stage (`REGRESS`). For a
   * stage model the library ships, `to` must be one of its stages.
   *
   * @param options - the session after which it is recorded, the earlier stage, and the reason
   * @throws `GroupworkError` for a session out of range, a stage the group's model lacks, or a blank reason
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .regress({ after: 7, to: "storming", reason: "Tension about airtime returned." })
   *   .build();
   * record.stageEvents.find((event) => event.type === "REGRESS")?.at
   * //=> "2026-04-02T19:45:00-05:00"
   */
  regress(options: ScenarioRegressOptions): GroupRecordBuilder;
  /**
   * Records the worker's judgment, after a session, that the group's work is ending (`ADJOURN`).
   *
   * @param options - the session after which it is recorded, the outcome (`completed` by default), and the reason
   * @throws `GroupworkError` for a session out of range, an outcome outside `adjournOutcomes`, or a blank reason
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .adjourn({ after: 9, reason: "One session is left." })
   *   .build();
   * const event = record.stageEvents.find((entry) => entry.type === "ADJOURN");
   * event?.type === "ADJOURN" && event.outcome
   * //=> "completed"
   */
  adjourn(options: ScenarioAdjournOptions): GroupRecordBuilder;
  /**
   * Records the worker's decision, after a session, that the group is closed (`CLOSE`).
   *
   * @param options - the session after which it is recorded, and the reason
   * @throws `GroupworkError` for a session out of range or a blank reason
   * @example
   * const record = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .close({ after: 10 })
   *   .build();
   * record.stageEvents.at(-1)
   * //=> { type: "CLOSE", at: "2026-04-23T19:45:00-05:00", by: "f-1" }
   */
  close(options: ScenarioStageOptions): GroupRecordBuilder;
  /**
   * The scenario as a group record, parsed by `parseGroupRecord`: ids branded, defaults filled in.
   *
   * @param options - whether warnings are allowed (`{ warnings: "allow" }`); by default they throw
   * @throws `GroupworkError` when `meetsWeekly` was not called, or when the record has errors (or warnings, unless
   *   allowed): the message lists every issue, formatted by `formatGroupRecordIssues`
   * @example
   * // An agreement without the limits of confidentiality explained is a warning a test must mean
   * const scenario = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .agreementAdopted({ session: 1, limitsExplained: false });
   * scenario.build({ warnings: "allow" }).agreements[0]?.limitsExplained
   * //=> false
   */
  build(options?: ScenarioBuildOptions): GroupRecord;
  /**
   * The scenario as a host would send it (`GroupRecordInput`: plain JSON, ids as plain strings), for testing a host's
   * own parsing or mapping. Checked as `build` checks it; each call returns new objects, which the caller may change.
   *
   * @param options - whether warnings are allowed, as for `build`
   * @throws `GroupworkError` as `build` does
   * @example
   * const input = buildGroupRecord({ name: "Grief group", kind: "support", membership: "closed", timeZone: "America/Chicago" })
   *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
   *   .facilitator("Ana Rivera")
   *   .buildInput();
   * const broken = { ...input, attendance: [{ sessionId: "s-99", memberId: "f-1", status: "present" }] };
   * const result = parseGroupRecord(broken);
   * result.ok ? [] : result.issues.map((issue) => issue.code)
   * //=> ["unknown-session"]
   */
  buildInput(options?: ScenarioBuildOptions): GroupRecordInput;
}

/**
 * Starts a scenario builder for a group: chain calls that say what happened, then `build()` a valid group record.
 *
 * For users' own tests of their agency's workflows. The group is `g-1` unless `id` is given, follows Tuckman's stage
 * model unless `stageModel` says otherwise, and takes part by choice (`optional`) unless `participation` says
 * otherwise. See {@link GroupRecordBuilder} for the calls, the ids they give and what they check.
 *
 * @param group - name, kind, membership type and IANA time zone, and optionally id, purpose, participation, capacity
 *   and stage model
 * @returns a builder with no sessions and no people yet
 * @throws `GroupworkError` (`invalid-argument`) for a blank name, a kind or membership type outside its vocabulary, a
 *   time zone that is not an IANA name (`"CST"`, `"-06:00"`), or an option that is not one of these
 * @example
 * const record = buildGroupRecord({ name: "Thursday grief group", kind: "support", membership: "open", timeZone: "America/Chicago" })
 *   .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
 *   .facilitator("Ana Rivera")
 *   .members(8)
 *   .absent(3, { sessions: [4, 5, 6] })
 *   .agreementAdopted({ session: 1 })
 *   .consent(1, { recipient: { kind: "outside-provider", name: "Dr. Amara Osei" }, purposes: ["TREAT"], dataClasses: ["progress-note"] })
 *   .build();
 * attendanceSummary(record).members.find((member) => member.memberId === "m-3")?.absent
 * //=> 3
 */
export function buildGroupRecord(group: ScenarioGroupOptions): GroupRecordBuilder {
  return startScenario(group);
}

/**
 * The names `members` and `joins` give members when told only how many: member n gets the n-th, and past the end of
 * the list it starts again with a number (member 25 is "Amara Okafor 2"). Invented names from many languages, with
 * accents, an apostrophe and a family-name particle, so a test meets them from the first members on.
 *
 * @example
 * [scenarioMemberNames.length, scenarioMemberNames[2]]
 * //=> [24, "Mei Lin Chen"]
 */
export const scenarioMemberNames: readonly string[] = SCENARIO_MEMBER_NAMES;
