// Arbitraries of the record's standing data, one model type each: the group, a member, a membership, a group
// agreement, a consent. Each value is the wire form a host sends (plain JSON, ids as plain strings, optional fields
// present or absent) and its own schema accepts it. Re-exported by arbitraries.ts.
import * as fc from "fast-check";
import {
  consentForms,
  consentGrantors,
  consentLegalBases,
  exitReasons,
  facilitationRoles,
  type GroupRecordInput,
  groupKinds,
  informationKinds,
  membershipTypes,
  participationTypes,
  purposesOfUse,
  recipientKinds,
  stageModelIds,
} from "../model/index.js";
import { readIds, readOptions, readTimeZones } from "./arbitraries-options.js";
import { DAY_MS, DEFAULT_TIME_ZONES, dayText, FIRST_DAY, LAST_DAY, writeInstant } from "./arbitraries-time.js";
import { idFrom, languageTag, personName, pronouns, visibleText } from "./arbitraries-values.js";

type GroupInput = GroupRecordInput["group"];
type MemberInput = GroupRecordInput["members"][number];
type MembershipInput = GroupRecordInput["memberships"][number];
type AgreementInput = NonNullable<GroupRecordInput["agreements"]>[number];
type ConsentInput = NonNullable<GroupRecordInput["consents"]>[number];
type PartyInput = ConsentInput["recipients"][number];

const GROUP_NAMES = ["Thursday Grief Support", "DBT Skills Group", "Parents Together", "Men's Recovery Circle"];
const PURPOSES = [
  "Peer support for adults in the first year after the death of someone close.",
  "Learn and practise distress tolerance and emotion regulation skills.",
  "Share what works when raising children after a separation.",
];

/** A calendar day from 2000 to 2035, as a day number. */
export const dayNumberArbitrary = fc.integer({ min: FIRST_DAY, max: LAST_DAY });

/** An instant from 2000 to 2035 to the minute, written with the offset of one of `zones` or in UTC. */
export function instantArbitrary(zones: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.integer({ min: FIRST_DAY * 1440, max: LAST_DAY * 1440 }),
      fc.oneof(fc.constant("Z"), fc.constantFrom(...zones)),
    )
    .map(([minute, zone]) => writeInstant(minute * 60_000, zone));
}

/**
 * Options of {@link arbitraryGroup}.
 *
 * @example
 * fc.sample(arbitraryGroup({ ids: ["grp-thursday-grief"] }), { seed: 1, numRuns: 5 }).map((group) => group.id)
 * //=> ["grp-thursday-grief", "grp-thursday-grief", "grp-thursday-grief", "grp-thursday-grief", "grp-thursday-grief"]
 */
export interface GroupArbitraryOptions {
  /** The group ids to draw from; any id a host might choose when absent. */
  readonly ids?: readonly string[];
  /** The IANA time zones to draw the group's zone from; zones with whole, half and 45-minute offsets when absent. */
  readonly timeZones?: readonly string[];
}

/**
 * Groups as a host sends them: every field `GroupSchema` asks for, the optional ones present or not, and an end date
 * (when there is one) on or after the start date.
 *
 * @param options - the ids and time zones to draw from (see {@link GroupArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryGroup({ timeZones: ["Europe/Dublin"] }), { seed: 1, numRuns: 30 })
 *   .every((group) => GroupSchema.safeParse(group).success && group.timeZone === "Europe/Dublin")
 * //=> true
 */
export function arbitraryGroup(options: GroupArbitraryOptions = {}): fc.Arbitrary<GroupInput> {
  const read = readOptions(options, "arbitraryGroup", ["ids", "timeZones"]);
  const ids = readIds(read.ids, "arbitraryGroup: options.ids");
  const zones = readTimeZones(read.timeZones, "arbitraryGroup: options.timeZones", DEFAULT_TIME_ZONES);
  return groupArbitrary(idFrom(ids), fc.constantFrom(...zones), fc.option(fc.integer({ min: 0, max: 400 })));
}

/** Groups with the given id, zone and length in days (`null` for a group with no end date yet). */
export function groupArbitrary(
  id: fc.Arbitrary<string>,
  timeZone: fc.Arbitrary<string>,
  spanDays: fc.Arbitrary<number | null>,
): fc.Arbitrary<GroupInput> {
  return fc
    .record(
      {
        id,
        name: fc.oneof(fc.constantFrom(...GROUP_NAMES), visibleText()),
        purpose: fc.oneof(fc.constantFrom(...PURPOSES), visibleText(40)),
        kind: fc.constantFrom(...groupKinds.codes),
        membership: fc.constantFrom(...membershipTypes.codes),
        participation: fc.constantFrom(...participationTypes.codes),
        plannedSessions: fc.integer({ min: 1, max: 40 }),
        capacity: fc.integer({ min: 1, max: 20 }),
        timeZone,
        startDay: dayNumberArbitrary,
        spanDays,
        stageModel: fc.constantFrom(...stageModelIds),
      },
      {
        requiredKeys: ["id", "name", "purpose", "kind", "membership", "participation", "timeZone", "startDay"],
        noNullPrototype: true,
      },
    )
    .map(({ startDay, spanDays: span, ...fields }) => {
      const group: GroupInput = { ...fields, startDate: dayText(startDay) };
      if (span !== undefined && span !== null) group.endDate = dayText(Math.min(startDay + span, LAST_DAY));
      return group;
    });
}

/**
 * Options of {@link arbitraryMember}.
 *
 * @example
 * fc.sample(arbitraryMember({ ids: ["m-hope", "m-will"] }), { seed: 1, numRuns: 20 })
 *   .every((member) => member.id === "m-hope" || member.id === "m-will")
 * //=> true
 */
export interface MemberArbitraryOptions {
  /** The member ids to draw from; any id a host might choose when absent. */
  readonly ids?: readonly string[];
}

/**
 * Members (clients or facilitators) as a host sends them, with names in several scripts and the optional fields
 * (preferred name, pronouns, language, needs, date of birth) present or not.
 *
 * @param options - the ids to draw from (see {@link MemberArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryMember(), { seed: 1, numRuns: 30 }).every((member) => MemberSchema.safeParse(member).success)
 * //=> true
 */
export function arbitraryMember(options: MemberArbitraryOptions = {}): fc.Arbitrary<MemberInput> {
  const read = readOptions(options, "arbitraryMember", ["ids"]);
  return memberArbitrary(idFrom(readIds(read.ids, "arbitraryMember: options.ids")));
}

/** Members with ids drawn from `id`. */
export function memberArbitrary(id: fc.Arbitrary<string>): fc.Arbitrary<MemberInput> {
  return fc
    .record(
      {
        id,
        displayName: personName,
        preferredName: personName,
        pronouns,
        preferredLanguage: languageTag,
        interpreterNeeded: fc.boolean(),
        accessibilityNeeds: fc.array(fc.oneof(fc.constant("Step-free access"), visibleText()), { maxLength: 2 }),
        birthDay: fc.integer({ min: Date.UTC(1930, 0, 1) / DAY_MS, max: Date.UTC(2020, 11, 31) / DAY_MS }),
      },
      { requiredKeys: ["id", "displayName"], noNullPrototype: true },
    )
    .map(({ birthDay, ...fields }) => (birthDay === undefined ? fields : { ...fields, birthDate: dayText(birthDay) }));
}

/**
 * Options of {@link arbitraryMembership}.
 *
 * @example
 * fc.sample(arbitraryMembership({ groupIds: ["grp-1"], memberIds: ["m-1"] }), { seed: 1, numRuns: 10 })
 *   .every((membership) => membership.groupId === "grp-1" && membership.memberId === "m-1")
 * //=> true
 */
export interface MembershipArbitraryOptions {
  /** The group ids to draw from; any id a host might choose when absent. */
  readonly groupIds?: readonly string[];
  /** The member ids to draw from; any id a host might choose when absent. */
  readonly memberIds?: readonly string[];
}

/**
 * Memberships as a host sends them: a role, a period (or none, for the whole life of the group) whose end is not
 * before its start, and an exit reason exactly when the period has ended.
 *
 * @param options - the ids to draw from (see {@link MembershipArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryMembership(), { seed: 1, numRuns: 30 }).every((membership) =>
 *   MembershipSchema.safeParse(membership).success &&
 *   (membership.period?.end === undefined || membership.period.end >= membership.period.start))
 * //=> true
 */
export function arbitraryMembership(options: MembershipArbitraryOptions = {}): fc.Arbitrary<MembershipInput> {
  const read = readOptions(options, "arbitraryMembership", ["groupIds", "memberIds"]);
  const groupId = idFrom(readIds(read.groupIds, "arbitraryMembership: options.groupIds"));
  const memberId = idFrom(readIds(read.memberIds, "arbitraryMembership: options.memberIds"));
  return fc
    .record({
      groupId,
      memberId,
      role: fc.constantFrom(...facilitationRoles.codes),
      period: fc.option(fc.tuple(dayNumberArbitrary, fc.option(fc.integer({ min: 0, max: 400 })))),
      inactive: fc.option(fc.boolean(), { nil: undefined }),
      exitReason: fc.constantFrom(...exitReasons.codes),
    })
    .map(({ period, inactive, exitReason, ...fields }) => {
      const membership: MembershipInput = { ...fields };
      if (period !== null) {
        const [start, length] = period;
        membership.period = { start: dayText(start) };
        if (length !== null) {
          membership.period.end = dayText(Math.min(start + length, LAST_DAY));
          membership.exitReason = exitReason;
        }
      }
      if (inactive !== undefined) membership.inactive = inactive;
      return membership;
    });
}

/**
 * Options of {@link arbitraryGroupAgreement}.
 *
 * @example
 * fc.sample(arbitraryGroupAgreement({ memberIds: ["m-1", "m-2"] }), { seed: 1, numRuns: 20 })
 *   .every((agreement) => (agreement.signatures ?? []).every((signature) => ["m-1", "m-2"].includes(signature.memberId)))
 * //=> true
 */
export interface GroupAgreementArbitraryOptions {
  /** The member ids signatures are drawn from; any id a host might choose when absent. */
  readonly memberIds?: readonly string[];
}

/**
 * Versions of a group agreement as a host sends them: at least one norm and one confidentiality term (NASW Code of
 * Ethics 1.07(f)), and signatures, one per member, dated on or after the day the group adopted it.
 *
 * @param options - the member ids to draw signers from (see {@link GroupAgreementArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryGroupAgreement(), { seed: 1, numRuns: 30 })
 *   .every((agreement) => GroupAgreementSchema.safeParse(agreement).success)
 * //=> true
 */
export function arbitraryGroupAgreement(options: GroupAgreementArbitraryOptions = {}): fc.Arbitrary<AgreementInput> {
  const read = readOptions(options, "arbitraryGroupAgreement", ["memberIds"]);
  const memberId = idFrom(readIds(read.memberIds, "arbitraryGroupAgreement: options.memberIds"));
  return agreementArbitrary(
    fc.oneof(fc.stringMatching(/^[1-9]$/), visibleText()),
    dayNumberArbitrary,
    memberId,
    dayText,
  );
}

const NORMS = ["Speak from your own experience.", "Let others finish.", "Phones away during the session."];
const TERMS = ["What members share stays in the group.", "We do not talk about other members outside the group."];

/**
 * Agreements with the given version label and adoption day (a day number). A signature names a member from
 * `memberId` (none are signed when it is absent) and is dated some days after adoption; `signedOn` turns that day into
 * the text, or into `undefined` to leave the signature out.
 */
export function agreementArbitrary(
  version: fc.Arbitrary<string>,
  adoptedOn: fc.Arbitrary<number>,
  memberId: fc.Arbitrary<string> | undefined,
  signedOn: (day: number, memberId: string) => string | undefined,
): fc.Arbitrary<AgreementInput> {
  const signature = fc.record({
    memberId: memberId ?? fc.constant(""),
    daysAfter: fc.integer({ min: 0, max: 30 }),
    form: fc.constantFrom(...consentForms.codes),
  });
  return fc
    .record({
      version,
      adoptedOn,
      norms: fc.array(fc.oneof(fc.constantFrom(...NORMS), visibleText(30)), { minLength: 1, maxLength: 3 }),
      confidentialityTerms: fc.array(fc.oneof(fc.constantFrom(...TERMS), visibleText(30)), {
        minLength: 1,
        maxLength: 2,
      }),
      limitsExplained: fc.boolean(),
      signatures:
        memberId === undefined
          ? fc.constant(undefined)
          : fc.option(fc.uniqueArray(signature, { maxLength: 8, selector: (entry) => entry.memberId }), {
              nil: undefined,
            }),
    })
    .map(({ adoptedOn: day, signatures, ...fields }) => {
      const agreement: AgreementInput = { ...fields, adoptedOn: dayText(day) };
      if (signatures === undefined) return agreement;
      agreement.signatures = signatures.flatMap(({ memberId: signer, daysAfter, form }) => {
        const signed = signedOn(Math.min(day + daysAfter, LAST_DAY), signer);
        return signed === undefined ? [] : [{ memberId: signer, signedOn: signed, form }];
      });
      return agreement;
    });
}

/** Parties named in a consent: a kind, and an id, a name and an organisation or not. */
export const partyArbitrary: fc.Arbitrary<PartyInput> = fc.record(
  {
    kind: fc.constantFrom(...recipientKinds.codes),
    id: fc.stringMatching(/^[a-z]{1,3}-\d{1,4}$/),
    name: personName,
    organisation: fc.oneof(fc.constantFrom("Lakeside Family Medicine", "Prairie Health Plan"), visibleText()),
  },
  { requiredKeys: ["kind"], noNullPrototype: true },
);

/**
 * Options of {@link arbitraryConsent}.
 *
 * @example
 * fc.sample(arbitraryConsent({ memberIds: ["m-lena"] }), { seed: 1, numRuns: 10 }).every((consent) => consent.memberId === "m-lena")
 * //=> true
 */
export interface ConsentArbitraryOptions {
  /** The consent ids to draw from; any id a host might choose when absent. */
  readonly ids?: readonly string[];
  /** The member ids to draw from; any id a host might choose when absent. */
  readonly memberIds?: readonly string[];
  /** The IANA time zones whose offsets the instants are written with (or UTC); several zones when absent. */
  readonly timeZones?: readonly string[];
}

/**
 * Consents as a host sends them: at least one recipient, purpose and kind of information; an expiry and a revocation
 * (when given) not before the consent takes effect; people to withhold from, or not.
 *
 * @param options - the ids and zones to draw from (see {@link ConsentArbitraryOptions})
 * @throws `GroupworkError` (from `groupwork`) `invalid-argument` when an option is malformed or not one this function takes
 * @example
 * fc.sample(arbitraryConsent(), { seed: 1, numRuns: 30 }).every((consent) =>
 *   ConsentSchema.safeParse(consent).success &&
 *   (consent.validUntil === undefined || Date.parse(consent.validUntil) >= Date.parse(consent.validFrom)))
 * //=> true
 */
export function arbitraryConsent(options: ConsentArbitraryOptions = {}): fc.Arbitrary<ConsentInput> {
  const read = readOptions(options, "arbitraryConsent", ["ids", "memberIds", "timeZones"]);
  const id = idFrom(readIds(read.ids, "arbitraryConsent: options.ids"));
  const memberId = idFrom(readIds(read.memberIds, "arbitraryConsent: options.memberIds"));
  const zones = readTimeZones(read.timeZones, "arbitraryConsent: options.timeZones", DEFAULT_TIME_ZONES);
  return consentArbitrary(id, memberId, fc.integer({ min: FIRST_DAY * 1440, max: LAST_DAY * 1440 }), zones);
}

/** Consents taking effect at a minute drawn from `validFromMinute` (minutes since 1970), written in one of `zones`. */
export function consentArbitrary(
  id: fc.Arbitrary<string>,
  memberId: fc.Arbitrary<string>,
  validFromMinute: fc.Arbitrary<number>,
  zones: readonly string[],
): fc.Arbitrary<ConsentInput> {
  return fc
    .record({
      id,
      memberId,
      grantedBy: fc.constantFrom(...consentGrantors.codes),
      recipients: fc.array(partyArbitrary, { minLength: 1, maxLength: 2 }),
      purposes: fc.uniqueArray(fc.constantFrom(...purposesOfUse.codes), { minLength: 1, maxLength: 3 }),
      dataClasses: fc.uniqueArray(fc.constantFrom(...informationKinds.codes), { minLength: 1, maxLength: 3 }),
      validFromMinute,
      validForMinutes: fc.option(fc.integer({ min: 0, max: 2 * 366 * 1440 }), { nil: undefined }),
      revokedAfterMinutes: fc.option(fc.integer({ min: 0, max: 366 * 1440 }), { nil: undefined }),
      zone: fc.oneof(fc.constant("Z"), fc.constantFrom(...zones)),
      form: fc.constantFrom(...consentForms.codes),
      legalBasis: fc.option(fc.constantFrom(...consentLegalBases.codes), { nil: undefined }),
      withholdFrom: fc.option(fc.array(partyArbitrary, { maxLength: 2 }), { nil: undefined }),
    })
    .map(({ validFromMinute: from, validForMinutes, revokedAfterMinutes, zone, legalBasis, withholdFrom, ...rest }) => {
      const at = (minutes: number) => writeInstant((from + minutes) * 60_000, zone);
      const consent: ConsentInput = { ...rest, validFrom: at(0) };
      if (validForMinutes !== undefined) consent.validUntil = at(validForMinutes);
      if (revokedAfterMinutes !== undefined) consent.revokedAt = at(revokedAfterMinutes);
      if (legalBasis !== undefined) consent.legalBasis = legalBasis;
      if (withholdFrom !== undefined) consent.withholdFrom = withholdFrom;
      return consent;
    });
}
