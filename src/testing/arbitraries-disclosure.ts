// Disclosure requests that checkDisclosure reads and decides (never `invalid-request`): the facts they state about the
// recipient are ones the request's ids confirm, as the request's type asks. Drawn from a context (a group, its members,
// the staff who write notes, the consents on file), either a given record's or one drawn at random, so recipients are
// often the very parties the consents name and both answers, permit and deny, come up. Re-exported by arbitraries.ts.
import * as fc from "fast-check";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import {
  checkDisclosure,
  type DisclosureRequest,
  type DutyToWarn,
  type MinorConsentAuthority,
} from "../confidentiality/index.js";
import {
  confidentialityLevels,
  facilitationRoles,
  formatGroupRecordIssues,
  informationKinds,
  parseGroupRecord,
  privacyLawCodes,
  purposesOfUse,
  sensitivityCodes,
} from "../model/index.js";
import { readOptions, readTimeZones } from "./arbitraries-options.js";
import { consentArbitrary, partyArbitrary } from "./arbitraries-people.js";
import {
  DEFAULT_TIME_ZONES,
  dayNumber,
  FIRST_DAY,
  LAST_DAY,
  localDay,
  writeInstant,
  zonedInstant,
} from "./arbitraries-time.js";
import { hostId, personName, pick } from "./arbitraries-values.js";

type Consent = NonNullable<DisclosureRequest["consents"]>[number];
type Party = Consent["recipients"][number];
type Recipient = DisclosureRequest["recipient"];
type Information = DisclosureRequest["information"];
/** A request part as it is built, field by field. */
type Building<T> = { -readonly [Field in keyof T]: T[Field] };

// The kinds of information that may be about the group as a whole and so name no member (a sheet, a list, a
// summary; DisclosureInformation.memberId). Every other kind is about one member and names them.
const GROUP_WIDE_KINDS: readonly string[] = ["attendance", "roster", "session-summary"];
// Who can write group information, and so be its originator (45 CFR 164.508(a)(2)): the agency's staff.
const AUTHOR_KINDS = ["facilitator", "co-facilitator", "supervisor", "agency-staff"] as const;
// Who can work inside the agency (DisclosureRecipient.withinAgency): its staff and its own evaluators.
const INSIDE_KINDS: readonly string[] = [...AUTHOR_KINDS, "researcher"];
const DUTIES: readonly DutyToWarn[] = ["mandatory", "permissive", "none"];
const MINOR_CONSENT: readonly MinorConsentAuthority[] = ["minor", "guardian"];

/** What requests are drawn about: the group, its members, who writes notes, the consents on file, the time span. */
interface Context {
  readonly groupId: string;
  readonly memberIds: readonly string[];
  readonly authorIds: readonly string[];
  readonly consents: readonly Consent[];
  readonly timeZone: string;
  /** First and last minute (since 1970) a request may be made at. */
  readonly firstMinute: number;
  readonly lastMinute: number;
}

/**
 * Options of {@link arbitraryDisclosureRequest}.
 *
 * @example
 * const options: DisclosureRequestArbitraryOptions = { record: sampleGroupRecord };
 * fc.sample(arbitraryDisclosureRequest(options), { seed: 1, numRuns: 20 })
 *   .every((request) => request.information.groupId === sampleGroupRecord.group.id)
 * //=> true
 */
export interface DisclosureRequestArbitraryOptions {
  /**
   * A group record the requests are about: its group, its members as the members the information is about and as
   * recipients, its facilitators as authors, and each member's consents on file. Anything `parseGroupRecord` accepts
   * (the input a host sends, a parsed `GroupRecord`, `sampleGroupRecord`) with at least one member. When absent, a
   * small group and its consents are drawn.
   */
  readonly record?: unknown;
  /** The IANA time zones whose offsets `at` is written with, when no record is given (then it is the group's zone). */
  readonly timeZones?: readonly string[];
}

/**
 * Disclosure requests that `checkDisclosure` reads and decides: every field is what the request's type asks, and
 * every fact stated about the recipient is one the request confirms (a subject is a group member whose id is the
 * information's member; an originator is staff whose id is the author's; only staff and researchers work inside the
 * agency). So the decision's basis is never `invalid-request`, and it never throws.
 *
 * The recipient is often a party a consent on file names, or a member, facilitator or author of the group, so
 * properties meet permits as well as denies. With `options.record`, the requests are about that record's members,
 * with their own consents, at moments during the group.
 *
 * @param options - a record to draw from, and time zones (see {@link DisclosureRequestArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes, or the
 *   record fails `parseGroupRecord`, has no members, or holds a consent a request cannot carry
 * @example
 * fc.sample(arbitraryDisclosureRequest(), { seed: 1, numRuns: 50 })
 *   .every((request) => checkDisclosure(request).basis !== "invalid-request")
 * //=> true
 * @example
 * // About the sample group's members, with their consents: some requests are permitted
 * fc.sample(arbitraryDisclosureRequest({ record: sampleGroupRecord }), { seed: 1, numRuns: 200 })
 *   .some((request) => checkDisclosure(request).effect === "permit")
 * //=> true
 */
export function arbitraryDisclosureRequest(
  options: DisclosureRequestArbitraryOptions = {},
): fc.Arbitrary<DisclosureRequest> {
  const caller = "arbitraryDisclosureRequest";
  const read = readOptions(options, caller, ["record", "timeZones"]);
  const zones = readTimeZones(read.timeZones, `${caller}: options.timeZones`, DEFAULT_TIME_ZONES);
  const context = read.record === undefined ? drawnContext(zones) : fc.constant(contextOf(read.record, caller));
  return context.chain((given) => requestArbitrary(given));
}

/** The context of a record: checked with parseGroupRecord, and each consent with the request reader. */
function contextOf(record: unknown, caller: string): Context {
  const parsed = parseGroupRecord(record);
  if (!parsed.ok) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: options.record must pass parseGroupRecord:\n${formatGroupRecordIssues(parsed.issues)}`,
    );
  }
  const { group, members, memberships, consents, sessions } = parsed.value;
  if (members.length === 0) {
    throw new GroupworkError("invalid-argument", `${caller}: options.record has no members to ask about.`);
  }
  consents.forEach((consent, index) => {
    // The model lets a party's id be blank; a request cannot name a party by an id nobody can see, so such a consent
    // would make every request that carries it invalid.
    const probe = checkDisclosure({
      information: {
        kind: "attendance",
        groupId: group.id,
        labels: { confidentiality: "N", sensitivity: [], law: [] },
      },
      recipient: { kind: "public" },
      purpose: "TREAT",
      at: consent.validFrom,
      consents: [consent],
    });
    if (probe.basis === "invalid-request") {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: options.record.consents[${index}] (${describeValue(consent.id)}) cannot be carried by a request: ${probe.errors.map((error) => error.message).join("; ")}`,
      );
    }
  });
  const leading = new Set<string>(
    facilitationRoles.entries.filter((entry) => entry.facilitates).map((entry) => entry.code),
  );
  const leaders = memberships
    .filter((membership) => leading.has(membership.role))
    .map((membership) => membership.memberId);
  // Requests come during the group: from the start of its first day to the end of its last, or, while it has no end
  // date, to a year past its last session.
  const firstDay = dayNumber(group.startDate);
  const lastSession = Math.max(
    firstDay,
    ...sessions.map((session) => localDay(Date.parse(session.scheduledStart), group.timeZone)),
  );
  const lastDay = group.endDate === undefined ? lastSession + 365 : dayNumber(group.endDate);
  return {
    groupId: group.id,
    memberIds: members.map((member) => member.id),
    authorIds: leaders.length > 0 ? leaders : members.map((member) => member.id),
    consents,
    timeZone: group.timeZone,
    firstMinute: Math.ceil(zonedInstant(firstDay, 0, group.timeZone) / 60_000),
    lastMinute: Math.floor(zonedInstant(lastDay, 24 * 60 - 1, group.timeZone) / 60_000),
  };
}

/** A small group of one to three members and one or two authors, with consents by its members. */
function drawnContext(zones: readonly string[]): fc.Arbitrary<Context> {
  return fc
    .record(
      {
        groupId: hostId,
        memberIds: fc.uniqueArray(hostId, { minLength: 1, maxLength: 3 }),
        authorIds: fc.uniqueArray(hostId, { minLength: 1, maxLength: 2 }),
        timeZone: fc.constantFrom(...zones),
        firstDay: fc.integer({ min: FIRST_DAY, max: LAST_DAY - 365 }),
      },
      { noNullPrototype: true },
    )
    .chain(({ firstDay, ...fields }) =>
      fc
        .uniqueArray(
          consentArbitrary(
            hostId,
            fc.constantFrom(...fields.memberIds),
            fc.integer({ min: firstDay * 1440, max: (firstDay + 180) * 1440 }),
            [fields.timeZone],
          ),
          { maxLength: 4, selector: (consent) => consent.id },
        )
        .map((consents) => ({
          ...fields,
          consents,
          firstMinute: firstDay * 1440,
          lastMinute: (firstDay + 365) * 1440,
        })),
    );
}

const optionalFlag = fc.option(fc.boolean(), { nil: undefined });

const NO_LABELS = { confidentiality: "N" as const, sensitivity: [], law: [] };

/** Requests about a context, read from independent choices so that every choice gives a request the check decides. */
function requestArbitrary(context: Context): fc.Arbitrary<DisclosureRequest> {
  return requestChoiceArbitrary(context).map((choice) => requestOf(context, choice));
}

/** The choices one request is read from. */
type RequestChoice = ReturnType<typeof requestChoiceArbitrary> extends fc.Arbitrary<infer C> ? C : never;

function requestChoiceArbitrary(context: Context) {
  return fc.record(
    {
      member: fc.nat(99),
      // One time in three the request is what a consent on file covers: its kind, purpose and recipient, when valid.
      followConsent: fc.nat(2),
      kind: fc.constantFrom(...informationKinds.codes),
      groupWide: fc.boolean(),
      author: fc.option(fc.nat(99)),
      // Mostly normal information with no sensitivity; sometimes any labels (substance use, psychotherapy notes, …).
      labels: fc.oneof(
        { weight: 2, arbitrary: fc.constant(NO_LABELS) },
        {
          weight: 1,
          arbitrary: fc.record({
            confidentiality: fc.constantFrom(...confidentialityLevels.codes),
            sensitivity: fc.uniqueArray(fc.constantFrom(...sensitivityCodes.codes), { maxLength: 2 }),
            law: fc.uniqueArray(fc.constantFrom(...privacyLawCodes), { maxLength: 2 }),
          }),
        },
      ),
      deidentified: optionalFlag,
      recipient: recipientChoice,
      purpose: fc.constantFrom(...purposesOfUse.codes),
      circumstances: fc.option(
        fc.record(
          {
            imminentThreat: fc.boolean(),
            suspectedChildAbuse: fc.boolean(),
            courtOrder: fc.boolean(),
            medicalEmergency: fc.boolean(),
            consentOverridden: fc.boolean(),
            oversightOfOriginator: fc.boolean(),
          },
          { requiredKeys: [], noNullPrototype: true },
        ),
        { nil: undefined, freq: 2 },
      ),
      subject: fc.option(
        fc.record(
          { minor: fc.boolean(), consentedToOwnCare: fc.boolean() },
          { requiredKeys: [], noNullPrototype: true },
        ),
        { nil: undefined, freq: 2 },
      ),
      jurisdiction: fc.option(
        fc.record(
          { dutyToWarn: fc.constantFrom(...DUTIES), minorConsent: fc.constantFrom(...MINOR_CONSENT) },
          { requiredKeys: [], noNullPrototype: true },
        ),
        { nil: undefined, freq: 2 },
      ),
      withConsents: fc.nat(3),
      atMinute: fc.integer({ min: context.firstMinute, max: context.lastMinute }),
      writtenInUtc: fc.boolean(),
    },
    { noNullPrototype: true },
  );
}

/** The request the choices make about the context. */
function requestOf(context: Context, choice: RequestChoice): DisclosureRequest {
  const memberId = pick(context.memberIds, choice.member);
  const onFile = context.consents.filter((consent) => consent.memberId === memberId);
  const followed = choice.followConsent === 0 && onFile.length > 0 ? pick(onFile, choice.recipient.pick) : undefined;
  const kind = followed === undefined ? choice.kind : pick(followed.dataClasses, choice.member);
  const information: Building<Information> = { kind, groupId: context.groupId, labels: choice.labels };
  // Information about the group as a whole names no member, and so carries no member's consents.
  const groupWide = followed === undefined && choice.groupWide && GROUP_WIDE_KINDS.includes(kind);
  if (!groupWide) information.memberId = memberId;
  if (choice.author !== null) information.authorId = pick(context.authorIds, choice.author);
  if (choice.deidentified !== undefined) information.deidentified = choice.deidentified;
  // A followed consent is asked about on the day it takes effect, within its first day.
  const atMs =
    followed === undefined
      ? choice.atMinute * 60_000
      : Date.parse(followed.validFrom) + ((choice.atMinute - context.firstMinute) % 1440) * 60_000;
  const zone = choice.writtenInUtc ? "Z" : context.timeZone;
  return {
    information,
    recipient:
      followed === undefined
        ? recipientOf(
            choice.recipient,
            context,
            information,
            onFile.flatMap((consent) => [...consent.recipients]),
          )
        : recipientOf({ ...choice.recipient, source: "consent" }, context, information, followed.recipients),
    purpose: followed === undefined ? choice.purpose : pick(followed.purposes, choice.member),
    at: writeInstant(atMs, zone),
    ...(choice.circumstances === undefined ? {} : { circumstances: choice.circumstances }),
    ...(choice.subject === undefined ? {} : { subject: choice.subject }),
    ...(choice.jurisdiction === undefined ? {} : { jurisdiction: choice.jurisdiction }),
    // Three times in four the consents on file travel with the request, as a host that keeps them sends them.
    ...(choice.withConsents === 0 || groupWide ? {} : { consents: onFile }),
  };
}

const recipientChoice = fc.record(
  {
    // Who: a party a consent on file names, a member of the group, a member of staff, or anyone else.
    source: fc.constantFrom("consent", "member", "staff", "other" as const),
    pick: fc.nat(99),
    staffKind: fc.constantFrom(...AUTHOR_KINDS),
    other: partyArbitrary,
    name: fc.option(personName, { nil: undefined }),
    isSubject: optionalFlag,
    isOriginator: optionalFlag,
    activeFacilitator: optionalFlag,
    withinAgency: optionalFlag,
    mayOverride: optionalFlag,
  },
  { noNullPrototype: true },
);

/**
 * The recipient a choice names, with only the facts the request confirms: the subject only as the group member the
 * information is about, the originator only as staff whose id is the author's, inside the agency only as staff or a
 * researcher.
 */
function recipientOf(
  choice: typeof recipientChoice extends fc.Arbitrary<infer C> ? C : never,
  context: Context,
  information: Information,
  named: readonly Party[],
): Recipient {
  let party: Party;
  if (choice.source === "consent" && named.length > 0) party = { ...pick(named, choice.pick) };
  else if (choice.source === "member") party = { kind: "group-member", id: pick(context.memberIds, choice.pick) };
  else if (choice.source === "staff") party = { kind: choice.staffKind, id: pick(context.authorIds, choice.pick) };
  else party = { ...choice.other };
  if (choice.name !== undefined && party.name === undefined && choice.source !== "consent") party.name = choice.name;
  const recipient: Building<Recipient> = { ...party };
  const sameId = (other: string | undefined) => party.id !== undefined && party.id === other;
  if (choice.isSubject !== undefined && party.kind === "group-member" && sameId(information.memberId)) {
    recipient.isSubject = choice.isSubject;
  } else if (choice.isSubject === false) recipient.isSubject = false;
  if (
    choice.isOriginator !== undefined &&
    AUTHOR_KINDS.some((kind) => kind === party.kind) &&
    sameId(information.authorId)
  ) {
    recipient.isOriginator = choice.isOriginator;
  } else if (choice.isOriginator === false) recipient.isOriginator = false;
  if (choice.withinAgency !== undefined && (INSIDE_KINDS.includes(party.kind) || !choice.withinAgency)) {
    recipient.withinAgency = choice.withinAgency;
  }
  if (choice.activeFacilitator !== undefined) recipient.activeFacilitator = choice.activeFacilitator;
  if (choice.mayOverride !== undefined) recipient.mayOverride = choice.mayOverride;
  return recipient;
}
