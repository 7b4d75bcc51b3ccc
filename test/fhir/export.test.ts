import type {
  Appointment,
  Bundle,
  Consent,
  Encounter,
  Group,
  Patient,
  Practitioner,
  Resource,
} from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import { resourceUuid } from "../../src/fhir/ids";
import { groupworkFhirUrls, HL7 } from "../../src/fhir/urls";
import { GroupworkError } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { checkFhirBundle, describeProblems } from "./_validators";

// Expected values are counted by hand from the sample (src/sample/grief-group.ts) and the mapping's rules: 2
// facilitators and 8 members; 12 sessions, session 5 cancelled; the attendance grid's P, L and E marks at held sessions
// (Hope 11, Will 10, Sofía 10, Aroha 9, Jamal 4, Grace 11, Tomasz 11, Lena 10: 76); 4 consents, Jamal's revoked.

const EXT = groupworkFhirUrls.extension;
const GROUP_ID = "grp-thursday-grief";

/** The `urn:uuid:` every fullUrl and reference uses, from the ids the mapping names the resource by. */
function urn(type: string, ...ids: string[]): string {
  return `urn:uuid:${resourceUuid(type, ...ids)}`;
}

function resources(bundle: Bundle): Resource[] {
  return (bundle.entry ?? []).map((entry) => {
    if (entry.resource === undefined) throw new Error("An entry without a resource.");
    return entry.resource;
  });
}

function ofType<T extends Resource>(bundle: Bundle, type: T["resourceType"]): T[] {
  return resources(bundle).filter((resource): resource is T => resource.resourceType === type);
}

/** The resource with this fullUrl. */
function at<T extends Resource>(bundle: Bundle, fullUrl: string): T {
  const found = bundle.entry?.find((entry) => entry.fullUrl === fullUrl)?.resource;
  if (found === undefined) throw new Error(`No entry ${fullUrl}.`);
  return found as T;
}

/** Every `reference` anywhere inside a value, with the `type` written beside it. */
function referencesIn(value: unknown, found: { reference: string; type: unknown }[] = []) {
  if (Array.isArray(value)) for (const item of value) referencesIn(item, found);
  else if (typeof value === "object" && value !== null) {
    const { reference, type } = value as { reference?: unknown; type?: unknown };
    if (typeof reference === "string") found.push({ reference, type });
    for (const item of Object.values(value)) referencesIn(item, found);
  }
  return found;
}

/** The sample with some of its parts replaced. */
function sampleWith(parts: Record<string, unknown>): unknown {
  return { ...sampleGroupRecord, ...parts };
}

function sessionsWith(index: number, change: Record<string, unknown>) {
  return sampleGroupRecord.sessions.map((session, i) => (i === index ? { ...session, ...change } : session));
}

function thrown(run: () => unknown): GroupworkError {
  try {
    run();
  } catch (error) {
    if (error instanceof GroupworkError) return error;
    throw error;
  }
  throw new Error("Expected a GroupworkError; nothing was thrown.");
}

const collection = toFhirBundle(sampleGroupRecord);
const transaction = toFhirBundle(sampleGroupRecord, { type: "transaction" });

describe("toFhirBundle: the sample group", () => {
  it("writes the resources in the mapping's order, counted by hand", () => {
    const types = resources(collection).map((resource) => resource.resourceType);
    expect(types).toEqual([
      ...["Practitioner", "Practitioner"],
      ...Array<string>(8).fill("Patient"),
      "Group",
      "CareTeam",
      ...Array<string>(12).fill("Appointment"),
      ...Array<string>(11 + 76).fill("Encounter"),
      ...Array<string>(4).fill("Consent"),
    ]);
    expect(collection.entry).toHaveLength(115);
  });

  it("names people in members order, each by their UUID and the host's id", () => {
    const people = resources(collection).slice(0, 10) as (Patient | Practitioner)[];
    expect(people.map((person) => person.identifier?.[1]?.value)).toEqual([
      "f-rivera",
      "f-okafor",
      "m-hope",
      "m-will",
      "m-sofia",
      "m-aroha",
      "m-jamal",
      "m-grace",
      "m-tomasz",
      "m-lena",
    ]);
    const will = at<Patient>(collection, urn("Patient", "m-will"));
    expect(will.identifier).toEqual([
      { system: "urn:ietf:rfc:3986", value: urn("Patient", "m-will") },
      { system: groupworkFhirUrls.identifier.member, value: "m-will" },
    ]);
    expect(will.name).toEqual([
      { use: "official", text: "William Chen" },
      { use: "usual", text: "Will" },
    ]);
    expect(will.birthDate).toBe("1979-11-02");
    expect(will.extension).toEqual([{ url: EXT.pronouns, valueString: "he/him" }]);
  });

  it("writes languages, pronouns and accessibility needs as the mapping says", () => {
    const sofia = at<Patient>(collection, urn("Patient", "m-sofia"));
    expect(sofia.communication).toEqual([
      { language: { coding: [{ system: "urn:ietf:bcp:47", code: "es" }] }, preferred: true },
    ]);
    const tomasz = at<Patient>(collection, urn("Patient", "m-tomasz"));
    expect(tomasz.extension).toEqual([
      { url: EXT.pronouns, valueString: "he/him" },
      { url: EXT.accessibilityNeed, valueString: "Step-free access to the group room" },
    ]);
    const rivera = at<Practitioner>(collection, urn("Practitioner", "f-rivera"));
    expect(rivera.communication).toEqual([{ coding: [{ system: "urn:ietf:bcp:47", code: "en" }] }]);
    expect(rivera.name).toEqual([{ use: "official", text: "Dana Rivera" }]);
  });

  it("writes the Group with its 8 members, Jamal's exit and the settings in order", () => {
    const [group] = ofType<Group>(collection, "Group");
    expect(group).toMatchObject({ type: "person", actual: true, active: true, name: "Thursday Evening Grief Support" });
    expect(group?.code).toEqual({ coding: [{ system: groupworkFhirUrls.codeSystem.groupKind, code: "support" }] });
    expect(group?.quantity).toBe(8);
    expect(group?.member).toHaveLength(8);
    // Jamal is the fifth client (Hope, Will, Sofía, Aroha, Jamal).
    expect(group?.member?.[4]).toEqual({
      extension: [{ url: EXT.exitReason, valueCode: "dropped-out" }],
      entity: { reference: urn("Patient", "m-jamal"), type: "Patient" },
      period: { start: "2026-02-05", end: "2026-03-31" },
      inactive: false,
    });
    // 8 settings, the agreement, and the stage log: 1 agreement adopted, 11 sessions held, 4 advances, 1 regression,
    // Jamal leaving, the adjournment and the close (20 events).
    const urls = group?.extension?.map((extension) => extension.url);
    expect(urls?.slice(0, 9)).toEqual([
      EXT.groupPurpose,
      EXT.membershipType,
      EXT.participationType,
      EXT.plannedSessions,
      EXT.capacity,
      EXT.timeZone,
      EXT.groupPeriod,
      EXT.stageModel,
      EXT.agreement,
    ]);
    expect(urls?.slice(9)).toEqual(Array<string>(20).fill(EXT.stageEvent));
    expect(group?.extension?.[5]).toEqual({ url: EXT.timeZone, valueCode: "America/Chicago" });
    expect(group?.extension?.[6]).toEqual({
      url: EXT.groupPeriod,
      valuePeriod: { start: "2026-02-05", end: "2026-04-23" },
    });
  });

  it("keeps the stage log in its order, each event with the fields its type has", () => {
    const [group] = ofType<Group>(collection, "Group");
    const events = group?.extension?.filter((extension) => extension.url === EXT.stageEvent) ?? [];
    expect(events[0]?.extension?.map((part) => part.url)).toEqual([
      "type",
      "at",
      "by",
      "version",
      "includesConfidentiality",
      "limitsExplained",
    ]);
    // The 10th entry of the log is the regression after session 7; the 13th is Jamal leaving.
    expect(events[9]?.extension).toEqual([
      { url: "type", valueCode: "REGRESS" },
      { url: "at", valueDateTime: "2026-03-19T19:45:00-05:00" },
      { url: "by", valueString: "f-rivera" },
      {
        url: "reason",
        valueString:
          "One member held the floor for much of the session and another stayed silent; tension about airtime returned.",
      },
      { url: "to", valueCode: "storming" },
    ]);
    expect(events[12]?.extension).toEqual([
      { url: "type", valueCode: "MEMBER_LEFT" },
      { url: "at", valueDateTime: "2026-03-31T12:00:00-05:00" },
      { url: "by", valueString: "f-rivera" },
      { url: "member", valueString: "m-jamal" },
    ]);
    expect(events[1]?.extension?.[3]).toEqual({ url: "session", valueString: "s-01" });
  });

  it("writes the agreement with one signature per member", () => {
    const [group] = ofType<Group>(collection, "Group");
    const agreement = group?.extension?.find((extension) => extension.url === EXT.agreement);
    const parts = agreement?.extension ?? [];
    expect(parts.map((part) => part.url)).toEqual([
      "version",
      "adoptedOn",
      ...Array<string>(4).fill("norm"),
      ...Array<string>(3).fill("confidentialityTerm"),
      "limitsExplained",
      ...Array<string>(8).fill("signature"),
    ]);
    expect(parts[10]?.extension).toEqual([
      { url: "member", valueReference: { reference: urn("Patient", "m-hope"), type: "Patient" } },
      { url: "signedOn", valueDate: "2026-02-05" },
      { url: "form", valueCode: "written" },
    ]);
  });

  it("writes the facilitators into the CareTeam, with both role codings", () => {
    const [team] = ofType(collection, "CareTeam");
    expect(team).toMatchObject({
      name: "Thursday Evening Grief Support: facilitation team",
      subject: { reference: urn("Group", GROUP_ID), type: "Group" },
    });
    expect(team?.resourceType === "CareTeam" ? team.participant?.[1] : undefined).toEqual({
      extension: [
        { url: EXT.membershipInactive, valueBoolean: false },
        { url: EXT.exitReason, valueCode: "completed" },
      ],
      role: [
        {
          coding: [
            { system: HL7.participationType, code: "SPRF" },
            { system: groupworkFhirUrls.codeSystem.facilitationRole, code: "co-facilitator" },
          ],
        },
      ],
      member: { reference: urn("Practitioner", "f-okafor"), type: "Practitioner" },
      period: { start: "2026-02-05", end: "2026-04-23" },
    });
  });

  it("writes session 1 as a fulfilled Appointment of 90 minutes with its 8 attendances", () => {
    const first = at<Appointment>(collection, urn("Appointment", GROUP_ID, "s-01"));
    expect(first).toMatchObject({
      status: "fulfilled",
      description: "Welcome, purpose and our group agreement",
      start: "2026-02-05T18:00:00-06:00",
      end: "2026-02-05T19:30:00-06:00",
      minutesDuration: 90,
    });
    expect(first.extension).toEqual([
      { url: EXT.sessionSequence, valuePositiveInt: 1 },
      { url: EXT.sessionMode, valueCode: "in-person" },
      { url: EXT.intervention, valueCode: "psychoeducation" },
    ]);
    expect(first.participant).toHaveLength(8);
    expect(first.participant[0]).toEqual({
      extension: [{ url: EXT.attendanceStatus, valueCode: "present" }],
      actor: { reference: urn("Patient", "m-hope"), type: "Patient" },
      status: "accepted",
    });
  });

  it("maps excused, absent and not-recorded to the R4 participant statuses", () => {
    // Session 3: Will not recorded. Session 4: Sofía absent. Session 8: Lena excused.
    const status = (session: string, member: string) =>
      at<Appointment>(collection, urn("Appointment", GROUP_ID, session)).participant.find(
        (participant) => participant.actor?.reference === urn("Patient", member),
      );
    expect(status("s-03", "m-will")).toMatchObject({
      status: "needs-action",
      extension: [{ valueCode: "not-recorded" }],
    });
    expect(status("s-04", "m-sofia")).toMatchObject({ status: "accepted", extension: [{ valueCode: "absent" }] });
    expect(status("s-08", "m-lena")).toMatchObject({ status: "declined", extension: [{ valueCode: "excused" }] });
  });

  it("writes cancelled session 5 with a placeholder participant and no Encounter", () => {
    const fifth = at<Appointment>(collection, urn("Appointment", GROUP_ID, "s-05"));
    expect(fifth.status).toBe("cancelled");
    expect(fifth.extension?.map((extension) => extension.url)).not.toContain(EXT.sessionStatus);
    expect(fifth.participant).toEqual([
      { type: [{ coding: [{ system: HL7.participationType, code: "PART" }] }], status: "needs-action" },
    ]);
    expect(collection.entry?.some((entry) => entry.fullUrl === urn("Encounter", GROUP_ID, "s-05"))).toBe(false);
  });

  it("writes session 6, after the change to daylight saving time, at -05:00", () => {
    const sixth = at<Appointment>(collection, urn("Appointment", GROUP_ID, "s-06"));
    expect([sixth.start, sixth.end]).toEqual(["2026-03-12T18:00:00-05:00", "2026-03-12T19:30:00-05:00"]);
  });

  it("writes the group Encounter of session 7 with its 13 turns and 10 acts", () => {
    const seventh = at<Encounter>(collection, urn("Encounter", GROUP_ID, "s-07"));
    expect(seventh).toMatchObject({
      status: "finished",
      class: { system: HL7.actCode, code: "AMB" },
      subject: { reference: urn("Group", GROUP_ID), type: "Group" },
      appointment: [{ reference: urn("Appointment", GROUP_ID, "s-07"), type: "Appointment" }],
      period: { start: "2026-03-19T18:00:00-05:00", end: "2026-03-19T19:30:00-05:00" },
    });
    const urls = seventh.extension?.map((extension) => extension.url);
    expect(urls).toEqual([...Array<string>(13).fill(EXT.turn), ...Array<string>(10).fill(EXT.interactionAct)]);
    expect(seventh.extension?.[4]?.extension).toEqual([
      { url: "member", valueReference: { reference: urn("Patient", "m-aroha"), type: "Patient" } },
      { url: "start", valueDecimal: 810 },
      { url: "end", valueDecimal: 900 },
      { url: "respondsTo", valueReference: { reference: urn("Patient", "m-will"), type: "Patient" } },
    ]);
    expect(seventh.extension?.[14]?.extension).toEqual([
      { url: "member", valueReference: { reference: urn("Patient", "m-will"), type: "Patient" } },
      { url: "category", valueInteger: 12 },
      { url: "addressee", valueReference: { reference: urn("Patient", "m-aroha"), type: "Patient" } },
      { url: "at", valueDecimal: 900 },
    ]);
    // A session without turns or acts has no extension at all.
    expect(at<Encounter>(collection, urn("Encounter", GROUP_ID, "s-02")).extension).toBeUndefined();
  });

  it("writes a late member's Encounter from their arrival, and an early leaver's to their departure", () => {
    const grace = at<Encounter>(collection, urn("Encounter", GROUP_ID, "s-02", "m-grace"));
    expect(grace).toMatchObject({
      extension: [{ url: EXT.attendanceStatus, valueCode: "late" }],
      status: "finished",
      subject: { reference: urn("Patient", "m-grace"), type: "Patient" },
      partOf: { reference: urn("Encounter", GROUP_ID, "s-02"), type: "Encounter" },
      period: { start: "2026-02-12T18:12:00-06:00" },
    });
    expect(grace.identifier).toEqual([
      { system: "urn:ietf:rfc:3986", value: urn("Encounter", GROUP_ID, "s-02", "m-grace") },
    ]);
    const tomasz = at<Encounter>(collection, urn("Encounter", GROUP_ID, "s-11", "m-tomasz"));
    expect(tomasz.period).toEqual({ start: "2026-04-16T18:00:00-05:00", end: "2026-04-16T19:05:00-05:00" });
    // Present, with no times recorded: no period.
    expect(at<Encounter>(collection, urn("Encounter", GROUP_ID, "s-01", "m-hope")).period).toBeUndefined();
  });

  it("gives no Encounter to a member who was absent, excused or not recorded", () => {
    const urls = new Set(collection.entry?.map((entry) => entry.fullUrl));
    expect(urls.has(urn("Encounter", GROUP_ID, "s-04", "m-sofia"))).toBe(false);
    expect(urls.has(urn("Encounter", GROUP_ID, "s-08", "m-lena"))).toBe(false);
    expect(urls.has(urn("Encounter", GROUP_ID, "s-03", "m-will"))).toBe(false);
    expect(urls.has(urn("Encounter", GROUP_ID, "s-03", "m-sofia"))).toBe(true);
  });

  it("writes Hope's consent for her doctor as an active permit with its period, recipient and purposes", () => {
    const hope = at<Consent>(collection, urn("Consent", GROUP_ID, "c-hope-pcp"));
    expect(hope).toMatchObject({
      status: "active",
      scope: { coding: [{ system: HL7.consentScope, code: "patient-privacy" }] },
      category: [{ coding: [{ system: "http://loinc.org", code: "64292-6" }] }],
      patient: { reference: urn("Patient", "m-hope"), type: "Patient" },
      dateTime: "2026-02-05T18:40:00-06:00",
      policyRule: { coding: [{ system: groupworkFhirUrls.codeSystem.consentLegalBasis, code: "hipaa-authorization" }] },
    });
    expect(hope.extension).toEqual([
      { url: EXT.consentGrantor, valueCode: "self" },
      { url: EXT.consentForm, valueCode: "written" },
    ]);
    expect(hope.provision).toEqual({
      type: "permit",
      period: { start: "2026-02-05T18:40:00-06:00", end: "2027-02-05T23:59:59-06:00" },
      actor: [
        {
          role: { coding: [{ system: HL7.participationType, code: "IRCP" }] },
          reference: {
            extension: [
              { url: EXT.partyKind, valueCode: "outside-provider" },
              { url: EXT.partyOrganisation, valueString: "Lakeside Family Medicine" },
            ],
            display: "Dr. Amara Osei",
          },
        },
      ],
      purpose: [
        { system: HL7.actReason, code: "TREAT" },
        { system: HL7.actReason, code: "COC" },
      ],
      class: [
        { system: groupworkFhirUrls.codeSystem.informationKind, code: "attendance" },
        { system: groupworkFhirUrls.codeSystem.informationKind, code: "progress-note" },
      ],
    });
  });

  it("writes Jamal's revoked consent as inactive, with the time of revocation", () => {
    const jamal = at<Consent>(collection, urn("Consent", GROUP_ID, "c-jamal-counsellor"));
    expect(jamal.status).toBe("inactive");
    expect(jamal.extension?.[2]).toEqual({ url: EXT.consentRevoked, valueDateTime: "2026-03-30T10:15:00-05:00" });
    const statuses = ofType<Consent>(collection, "Consent").map((consent) => consent.status);
    expect(statuses).toEqual(["active", "active", "active", "inactive"]);
  });

  it("writes the party Lena asked never to receive her information as a nested deny", () => {
    const lena = at<Consent>(collection, urn("Consent", GROUP_ID, "c-lena-daughter"));
    expect(lena.provision?.provision).toEqual([
      {
        type: "deny",
        actor: [
          {
            role: { coding: [{ system: HL7.participationType, code: "IRCP" }] },
            reference: {
              extension: [{ url: EXT.partyKind, valueCode: "family-or-guardian" }],
              display: "Mark Hoffmann",
            },
          },
        ],
      },
    ]);
    // Hope asked to withhold from nobody: no nested provision.
    expect(at<Consent>(collection, urn("Consent", GROUP_ID, "c-hope-pcp")).provision?.provision).toBeUndefined();
  });

  it("passes both R4 validators", () => {
    expect(describeProblems(checkFhirBundle(collection).errors)).toEqual([]);
    expect(describeProblems(checkFhirBundle(transaction).errors)).toEqual([]);
  });
});

describe("toFhirBundle: references, ids and Bundle types", () => {
  it("resolves every reference to an entry's fullUrl of the type written beside it", () => {
    for (const bundle of [collection, transaction]) {
      const typeOf = new Map(bundle.entry?.map((entry) => [entry.fullUrl, entry.resource?.resourceType]));
      const references = referencesIn(bundle.entry?.map((entry) => entry.resource));
      // At least the Group's 8 members, the Appointments' 84 participants and the member Encounters' subjects.
      expect(references.length).toBeGreaterThan(8 + 84 + 76);
      const unresolved = references.filter(({ reference, type }) => typeOf.get(reference) !== type);
      expect(unresolved).toEqual([]);
    }
  });

  it("writes each resource's id as its fullUrl's UUID in a collection", () => {
    expect(collection.type).toBe("collection");
    for (const entry of collection.entry ?? []) {
      expect(entry.fullUrl).toBe(`urn:uuid:${entry.resource?.id}`);
      expect(entry.request).toBeUndefined();
    }
  });

  it("writes conditional updates on the UUID identifier, without ids, in a transaction", () => {
    expect(transaction.type).toBe("transaction");
    expect(transaction.entry?.[2]).toMatchObject({
      fullUrl: urn("Patient", "m-hope"),
      request: { method: "PUT", url: `Patient?identifier=urn:ietf:rfc:3986|${urn("Patient", "m-hope")}` },
    });
    expect(transaction.entry?.[10]?.request?.url).toBe(`Group?identifier=urn:ietf:rfc:3986|${urn("Group", GROUP_ID)}`);
    for (const entry of transaction.entry ?? []) {
      expect(entry.resource?.id).toBeUndefined();
      expect(entry.request).toEqual({
        method: "PUT",
        url: `${entry.resource?.resourceType}?identifier=urn:ietf:rfc:3986|${entry.fullUrl}`,
      });
    }
  });

  it("writes the same Bundle for the same record, and the same resources in both types but for ids", () => {
    expect(toFhirBundle(sampleGroupRecord)).toEqual(collection);
    expect(toFhirBundle(sampleGroupRecord, { type: "transaction" })).toEqual(transaction);
    const withoutId = resources(collection).map(({ id: _id, ...rest }) => rest);
    expect(resources(transaction)).toEqual(withoutId);
  });

  it("labels every resource restricted by default, and with the labels asked for", () => {
    for (const resource of resources(collection)) {
      expect(resource.meta).toEqual({ security: [{ system: HL7.confidentiality, code: "R" }] });
    }
    const labelled = toFhirBundle(sampleGroupRecord, {
      security: { confidentiality: "V", sensitivity: ["SUD", "PSYTHPN"] },
    });
    for (const resource of resources(labelled)) {
      expect(resource.meta?.security).toEqual([
        { system: HL7.confidentiality, code: "V" },
        { system: HL7.actCode, code: "SUD" },
        { system: HL7.actCode, code: "PSYTHPN" },
      ]);
    }
  });
});

describe("toFhirBundle: records unlike the sample", () => {
  it("writes a session that did not take place as cancelled, with the library's status", () => {
    const bundle = toFhirBundle(sampleWith({ sessions: sessionsWith(4, { status: "did-not-take-place" }) }));
    const fifth = at<Appointment>(bundle, urn("Appointment", GROUP_ID, "s-05"));
    expect(fifth.status).toBe("cancelled");
    expect(fifth.extension?.at(-1)).toEqual({ url: EXT.sessionStatus, valueCode: "did-not-take-place" });
  });

  it("writes a scheduled session as booked, and a virtual one's Encounter as VR", () => {
    const sessions = sampleGroupRecord.sessions.map((session, index) =>
      index === 4 ? { ...session, status: "scheduled" } : index === 1 ? { ...session, mode: "virtual" } : session,
    );
    const bundle = toFhirBundle(sampleWith({ sessions }));
    expect(at<Appointment>(bundle, urn("Appointment", GROUP_ID, "s-05")).status).toBe("booked");
    expect(at<Encounter>(bundle, urn("Encounter", GROUP_ID, "s-02")).class).toEqual({
      system: HL7.actCode,
      code: "VR",
    });
    expect(at<Encounter>(bundle, urn("Encounter", GROUP_ID, "s-02", "m-grace")).class.code).toBe("VR");
  });

  it("adds :00 to instants written without seconds, and ends the session in the start's offset", () => {
    const bundle = toFhirBundle(
      sampleWith({ sessions: sessionsWith(0, { scheduledStart: "2026-02-05T18:00-06:00" }) }),
    );
    const first = at<Appointment>(bundle, urn("Appointment", GROUP_ID, "s-01"));
    expect([first.start, first.end]).toEqual(["2026-02-05T18:00:00-06:00", "2026-02-05T19:30:00-06:00"]);
  });

  it("writes a consent under no stated law with the OPTIN rule", () => {
    const consents = sampleGroupRecord.consents.map(({ legalBasis: _basis, ...consent }) => consent);
    const bundle = toFhirBundle(sampleWith({ consents }));
    const hope = at<Consent>(bundle, urn("Consent", GROUP_ID, "c-hope-pcp"));
    expect(hope.policyRule).toEqual({ coding: [{ system: HL7.actCode, code: "OPTIN" }] });
  });

  it("writes a party's host id as the reference's identifier", () => {
    const consents = sampleGroupRecord.consents.map((consent, index) =>
      index === 2 ? { ...consent, withholdFrom: [{ kind: "family-or-guardian", id: "rp-77" }] } : consent,
    );
    const bundle = toFhirBundle(sampleWith({ consents }));
    const lena = at<Consent>(bundle, urn("Consent", GROUP_ID, "c-lena-daughter"));
    expect(lena.provision?.provision?.[0]?.actor?.[0]?.reference).toEqual({
      extension: [{ url: EXT.partyKind, valueCode: "family-or-guardian" }],
      identifier: { system: groupworkFhirUrls.identifier.party, value: "rp-77" },
    });
  });

  it("writes interpreter needs with HL7's extension on a Patient and the library's on a Practitioner", () => {
    const members = sampleGroupRecord.members.map((member) =>
      member.id === "m-sofia" || member.id === "f-okafor" ? { ...member, interpreterNeeded: true } : member,
    );
    const bundle = toFhirBundle(sampleWith({ members }));
    expect(at<Patient>(bundle, urn("Patient", "m-sofia")).extension).toContainEqual({
      url: HL7.interpreterRequired,
      valueBoolean: true,
    });
    expect(at<Practitioner>(bundle, urn("Practitioner", "f-okafor")).extension).toContainEqual({
      url: EXT.interpreterNeeded,
      valueBoolean: true,
    });
  });

  it("writes a facilitator who consented, or a person with no membership, as a Patient", () => {
    const consent = { ...sampleGroupRecord.consents[0], id: "c-okafor", memberId: "f-okafor", withholdFrom: [] };
    const visitor = { id: "v-guest", displayName: "Guest Speaker" };
    const bundle = toFhirBundle(
      sampleWith({
        consents: [...sampleGroupRecord.consents, consent],
        members: [...sampleGroupRecord.members, visitor],
      }),
    );
    const types = resources(bundle)
      .slice(0, 11)
      .map((resource) => resource.resourceType);
    expect(types).toEqual(["Practitioner", "Patient", ...Array<string>(9).fill("Patient")]);
    expect(bundle.entry?.[10]?.fullUrl).toBe(urn("Patient", "v-guest"));
  });

  it("names a facilitator who attended as the member Encounter's participant, not its subject", () => {
    const attendance = [
      ...sampleGroupRecord.attendance,
      { sessionId: "s-01", memberId: "f-rivera", status: "present" as const },
    ];
    const bundle = toFhirBundle(sampleWith({ attendance }));
    const rivera = at<Encounter>(bundle, urn("Encounter", GROUP_ID, "s-01", "f-rivera"));
    expect(rivera.subject).toBeUndefined();
    expect(rivera.participant).toEqual([
      { individual: { reference: urn("Practitioner", "f-rivera"), type: "Practitioner" } },
    ]);
    const first = at<Appointment>(bundle, urn("Appointment", GROUP_ID, "s-01"));
    expect(first.participant.at(-1)?.actor).toEqual({
      reference: urn("Practitioner", "f-rivera"),
      type: "Practitioner",
    });
    expect(describeProblems(checkFhirBundle(bundle).errors)).toEqual([]);
  });

  it("writes a membership with no period (the whole life of the group) and no exit without either", () => {
    const memberships = sampleGroupRecord.memberships.map((membership) =>
      membership.memberId === "m-will" || membership.memberId === "f-okafor"
        ? { groupId: GROUP_ID, memberId: membership.memberId, role: membership.role, inactive: true }
        : membership,
    );
    const bundle = toFhirBundle(sampleWith({ memberships }));
    const [group] = ofType<Group>(bundle, "Group");
    expect(group?.member?.[1]).toEqual({
      entity: { reference: urn("Patient", "m-will"), type: "Patient" },
      inactive: true,
    });
    const [team] = ofType(bundle, "CareTeam");
    const okafor = team?.resourceType === "CareTeam" ? team.participant?.[1] : undefined;
    expect(okafor?.period).toBeUndefined();
    expect(okafor?.extension).toEqual([{ url: EXT.membershipInactive, valueBoolean: true }]);
  });

  it("writes no CareTeam when nobody leads, observes or interprets", () => {
    const memberships = sampleGroupRecord.memberships.filter((membership) => membership.role === "member");
    const members = sampleGroupRecord.members.filter((member) => member.id.startsWith("m-"));
    const turns = sampleGroupRecord.turns.filter(
      (turn) => turn.memberId.startsWith("m-") && !turn.respondsTo?.startsWith("f-"),
    );
    const interactionActs = sampleGroupRecord.interactionActs.filter((act) => act.memberId.startsWith("m-"));
    const bundle = toFhirBundle(sampleWith({ members, memberships, turns, interactionActs }));
    expect(ofType(bundle, "CareTeam")).toEqual([]);
    expect(resources(bundle)[8]?.resourceType).toBe("Group");
    expect(resources(bundle)[9]?.resourceType).toBe("Appointment");
  });
});

describe("toFhirBundle: errors", () => {
  it("refuses options that are not an object, and keys it does not take", () => {
    expect(thrown(() => toFhirBundle(sampleGroupRecord, "transaction" as never)).message).toBe(
      'toFhirBundle: options must be an object such as { type: "transaction" }; got "transaction".',
    );
    const misspelt = thrown(() => toFhirBundle(sampleGroupRecord, { typ: "transaction" } as never));
    expect(misspelt.code).toBe("invalid-argument");
    expect(misspelt.message).toMatch(/toFhirBundle: options has the key "typ".*"type", "security"/);
  });

  it("names the option and the allowed values for a bad type", () => {
    expect(thrown(() => toFhirBundle(sampleGroupRecord, { type: "batch" as never })).message).toBe(
      'toFhirBundle: options.type must be "collection" or "transaction"; got "batch".',
    );
  });

  it("names the option and the allowed values for bad security labels", () => {
    const security = (value: unknown) =>
      thrown(() => toFhirBundle(sampleGroupRecord, { security: value as never })).message;
    expect(security("R")).toMatch(/^toFhirBundle: options\.security must be an object/);
    expect(security({ confidentiality: "restricted", sensitivity: [] })).toBe(
      'toFhirBundle: options.security.confidentiality must be one of "U", "L", "M", "N", "R", "V"; got "restricted".',
    );
    expect(security({ confidentiality: "R" })).toMatch(
      /options\.security\.sensitivity must be a list .*"SUD".*got undefined/,
    );
    expect(security({ confidentiality: "R", sensitivity: ["SUD", "substance use"] })).toMatch(
      /^toFhirBundle: options\.security\.sensitivity\[1\] must be one of .*; got "substance use"\.$/,
    );
    expect(security({ confidentiality: "R", sensitivity: ["SUD", "SUD"] })).toBe(
      'toFhirBundle: options.security.sensitivity[1] repeats "SUD"; list it once.',
    );
    expect(security({ confidentiality: "R", sensitivity: [], level: "V" })).toMatch(
      /^toFhirBundle: options\.security has the key "level"/,
    );
  });

  it("refuses options that cannot be read, naming them", () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(thrown(() => toFhirBundle(sampleGroupRecord, proxy)).message).toMatch(
      /^toFhirBundle: options could not be read/,
    );
  });

  it("refuses a sensitivity list longer than the vocabulary before reading its items, and a hole in a list", () => {
    const security = (sensitivity: unknown) =>
      thrown(() =>
        toFhirBundle(sampleGroupRecord, { security: { confidentiality: "R", sensitivity: sensitivity as never } }),
      ).message;
    // The vocabulary holds 7 codes (PSY, MH, SUD, ETH, SDV, HIV, PSYTHPN): a list of 8 must repeat one.
    expect(security(Array.from({ length: 8 }, () => "SUD"))).toMatch(
      /^toFhirBundle: options\.security\.sensitivity lists 8 codes, more than the 7 HL7 sensitivity codes there are/,
    );
    const huge: string[] = [];
    huge.length = 2 ** 32 - 1;
    // Refused by its length alone: walking 2^32 - 1 holes would take minutes (the fuzz suite counts the reads).
    expect(security(huge)).toMatch(/sensitivity lists 4294967295 codes/);
    // A hole is read as undefined and refused, not skipped.
    const holed = ["SUD"];
    holed[2] = "MH";
    expect(security(holed)).toMatch(
      /^toFhirBundle: options\.security\.sensitivity\[1\] must be one of .*; got undefined\.$/,
    );
  });

  it("names the option whose getter throws", () => {
    const failing = (field: string) =>
      Object.defineProperty({}, field, {
        enumerable: true,
        get: () => {
          throw new RangeError("host getter");
        },
      });
    expect(thrown(() => toFhirBundle(sampleGroupRecord, failing("type"))).message).toBe(
      'toFhirBundle: options.type could not be read (reading it threw "host getter"); pass it as plain data.',
    );
    const security = Object.assign(failing("sensitivity"), { confidentiality: "R" });
    expect(thrown(() => toFhirBundle(sampleGroupRecord, { security: security as never })).message).toMatch(
      /^toFhirBundle: options\.security\.sensitivity could not be read \(reading it threw "host getter"\)/,
    );
    const { proxy, revoke } = Proxy.revocable<string[]>([], {});
    revoke();
    const revoked = thrown(() =>
      toFhirBundle(sampleGroupRecord, { security: { confidentiality: "R", sensitivity: proxy as never } }),
    );
    expect(revoked.code).toBe("invalid-argument");
    expect(revoked.message).toMatch(/^toFhirBundle: options\.security\.sensitivity could not be read/);
  });

  it("lists the errors of a record that does not parse", () => {
    const attendance = [
      ...sampleGroupRecord.attendance,
      { sessionId: "s-99", memberId: "m-hope", status: "present" as const },
    ];
    const error = thrown(() => toFhirBundle(sampleWith({ attendance })));
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(/^toFhirBundle: the record is not a valid group record \(1 error\)/);
    expect(error.message).toContain("error unknown-session at attendance[84].sessionId");
    expect(thrown(() => toFhirBundle(null)).message).toMatch(/not a valid group record/);
  });

  it("names the field of text with a control character FHIR R4 cannot carry", () => {
    const members = sampleGroupRecord.members.map((member) =>
      member.id === "m-hope" ? { ...member, displayName: "Hope\u0007 Lindqvist" } : member,
    );
    const error = thrown(() => toFhirBundle(sampleWith({ members })));
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(/^toFhirBundle: the record holds a value FHIR R4 cannot carry/);
    expect(error.message).toContain("members[2].displayName holds the control character U+0007 (character 5)");
  });

  it("names the field of text with a lone surrogate, which JSON in UTF-8 cannot carry, and allows a full pair", () => {
    // U+D800 is a high surrogate and U+DC00 a low one (Unicode 15, section 3.8); alone, neither is a character.
    const members = sampleGroupRecord.members.map((member) => {
      if (member.id === "m-hope") return { ...member, displayName: "Hope \uD800Lindqvist" };
      if (member.id === "m-lena") return { ...member, accessibilityNeeds: ["Hearing loop \uDC00"] };
      return member;
    });
    const error = thrown(() => toFhirBundle(sampleWith({ members })));
    expect(error.code).toBe("invalid-argument");
    expect(error.message).toMatch(/^toFhirBundle: the record holds 2 values FHIR R4 cannot carry/);
    expect(error.message).toContain("members[2].displayName holds the lone surrogate U+D800 (character 6)");
    expect(error.message).toContain("members[9].accessibilityNeeds[0] holds the lone surrogate U+DC00 (character 14)");
    // U+1F33B SUNFLOWER is the pair D83C DF3B: one character, written as it is.
    const sunflower = sampleGroupRecord.members.map((member) =>
      member.id === "m-hope" ? { ...member, displayName: "Hope \uD83C\uDF3B" } : member,
    );
    const patients = ofType<Patient>(toFhirBundle(sampleWith({ members: sunflower })), "Patient");
    expect(patients.some((patient) => patient.name?.[0]?.text === "Hope 🌻")).toBe(true);
  });

  it("allows tab, line feed and carriage return, and finds control characters in ids and parties", () => {
    const norms = ["Speak from your own experience.\r\n\tLet others finish."];
    const agreements = [{ ...sampleGroupRecord.agreements[0], norms }];
    expect(() => toFhirBundle(sampleWith({ agreements }))).not.toThrow();
    const consents = sampleGroupRecord.consents.map((consent, index) =>
      index === 0
        ? { ...consent, id: "c-hope\u0000pcp", recipients: [{ kind: "outside-provider", id: "\u001f1" }] }
        : consent,
    );
    const message = thrown(() => toFhirBundle(sampleWith({ consents }))).message;
    expect(message).toMatch(/^toFhirBundle: the record holds 2 values FHIR R4 cannot carry/);
    expect(message).toContain("consents[0].id holds the control character U+0000 (character 7)");
    expect(message).toContain("consents[0].recipients[0].id holds the control character U+001F (character 1)");
  });

  it("names a stage a REGRESS goes back to that is not a FHIR code", () => {
    const stageEvents = sampleGroupRecord.stageEvents.map((event, index) =>
      index === 9 ? { ...event, to: "storming  again" } : event,
    );
    expect(thrown(() => toFhirBundle(sampleWith({ stageEvents }))).message).toContain(
      'stageEvents[9].to is "storming  again", written as a FHIR R4 code',
    );
  });

  it("names dates in the year 0000, offsets past ±14:00 and integers past 2,147,483,647", () => {
    const members = sampleGroupRecord.members.map((member) =>
      member.id === "m-hope" ? { ...member, birthDate: "0000-07-14" } : member,
    );
    const consents = sampleGroupRecord.consents.map((consent, index) =>
      index === 1 ? { ...consent, validFrom: "2026-02-06T00:45:00+14:45" } : consent,
    );
    const group = { ...sampleGroupRecord.group, capacity: 2_147_483_648 };
    const message = thrown(() => toFhirBundle(sampleWith({ group, members, consents }))).message;
    expect(message).toContain("group.capacity is 2147483648, more than 2147483647");
    expect(message).toContain("members[2].birthDate is in the year 0000");
    expect(message).toContain("consents[1].validFrom has the UTC offset +14:45");
  });

  it("refuses what a session still scheduled could not keep: turns, acts and arrival times", () => {
    // Session 7 has 13 turns, 10 acts and Grace's late arrival; marked scheduled, none of them has an Encounter.
    const error = thrown(() => toFhirBundle(sampleWith({ sessions: sessionsWith(6, { status: "scheduled" }) })));
    expect(error.message).toMatch(/^toFhirBundle: the record holds 24 values FHIR R4 cannot carry/);
    expect(error.message).toContain('turns[15] is a turn in session 7 ("s-07"), which is still "scheduled"');
    expect(error.message).toContain("… and 4 more.");
  });
});

describe("toFhirBundle: the last years FHIR R4 can write", () => {
  const group = {
    id: "grp-far",
    name: "Far future",
    purpose: "A test of the last year FHIR R4 can write.",
    kind: "support",
    membership: "open",
    participation: "optional",
    timeZone: "America/Chicago",
    startDate: "9999-12-01",
  };
  const session = (durationMinutes: number) => ({
    id: "s-last",
    groupId: "grp-far",
    sequence: 1,
    scheduledStart: "9999-12-31T22:00-06:00",
    durationMinutes,
    status: "scheduled",
    mode: "in-person",
  });

  it("writes a session that ends at 23:59 on 31 December 9999", () => {
    const bundle = toFhirBundle({ group, members: [], memberships: [], sessions: [session(119)] });
    const [appointment] = ofType<Appointment>(bundle, "Appointment");
    expect([appointment?.start, appointment?.end]).toEqual(["9999-12-31T22:00:00-06:00", "9999-12-31T23:59:00-06:00"]);
  });

  it("refuses a session that would end in the year 10000", () => {
    const record = { group, members: [], memberships: [], sessions: [session(120)] };
    expect(thrown(() => toFhirBundle(record)).message).toContain(
      "sessions[0].durationMinutes makes the session end after the year 9999",
    );
  });
});
