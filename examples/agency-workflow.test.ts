// An agency's own test suite, as its engineers would write it: the agency's workflow rules, each tested against group
// records written as scenarios with groupwork/testing. It imports only the package's public entries.
//
//   npx vitest run --project unit examples/agency-workflow.test.ts
import fc from "fast-check";
import {
  availableStageEvents,
  checkDisclosure,
  type DisclosureDecision,
  type DisclosureRecipient,
  type DisclosureRequest,
  type DisclosureRule,
  defaultPolicy,
  definePolicy,
  type GroupRecord,
  type PurposeOfUse,
  participationFlags,
  replayStageEvents,
  type StageSnapshot,
  tuckmanModel,
} from "groupwork";
import { arbitraryDisclosureRequest, buildGroupRecord } from "groupwork/testing";
import { describe, expect, it } from "vitest";

// ---------------------------------------------------------------------------------------------------------------------
// The agency's code under test
// ---------------------------------------------------------------------------------------------------------------------

/**
 * Agency rule: no progress note leaves the agency without a written (or electronically signed) consent that covers it,
 * whatever else would allow it, except where the law makes its own exceptions.
 */
const progressNotesNeedWrittenConsent: DisclosureRule = {
  id: "agency-progress-note-written-consent",
  effect: "forbid",
  description: "No progress note leaves the agency without a written consent that covers it.",
  source: "Riverside Family Services disclosure policy 4.2",
  obligations: [],
  advice: "Ask the member for a written consent naming this recipient and purpose.",
  when: (request, facts) =>
    request.information.kind === "progress-note" &&
    request.recipient.withinAgency !== true &&
    request.recipient.isSubject !== true &&
    !facts.consents.granting.some((consent) => consent.form === "written" || consent.form === "electronic"),
  // The law's own exceptions (45 CFR 164.512(j), (e); state reporting laws) are not the agency's to forbid.
  unless: (request) =>
    request.circumstances?.imminentThreat === true ||
    request.circumstances?.courtOrder === true ||
    request.circumstances?.suspectedChildAbuse === true ||
    request.circumstances?.medicalEmergency === true,
};

const agencyPolicy = definePolicy([progressNotesNeedWrittenConsent], {
  extends: defaultPolicy,
  version: "riverside-2026-1",
});

/** May a member's progress note go to someone outside the agency? */
function sendProgressNote(
  record: GroupRecord,
  memberId: string,
  recipient: DisclosureRecipient,
  purpose: PurposeOfUse,
  at: string,
): DisclosureDecision {
  const request: DisclosureRequest = {
    information: {
      kind: "progress-note",
      memberId,
      groupId: record.group.id,
      labels: { confidentiality: "N", sensitivity: [], law: [] },
    },
    recipient,
    purpose,
    consents: record.consents,
    at,
  };
  return checkDisclosure(request, { policy: agencyPolicy });
}

/** The ADVANCE button on the group's screen: enabled, or disabled with the first reason as its tooltip. */
function advanceButton<Id extends string>(snapshot: StageSnapshot<Id>): { enabled: boolean; tooltip: string } {
  const advance = availableStageEvents(snapshot).find((event) => event.type === "ADVANCE");
  return advance?.allowed === true
    ? { enabled: true, tooltip: `Move the group to ${advance.to.join(", ")}` }
    : { enabled: false, tooltip: advance?.blockedBy[0]?.message ?? "Not available" };
}

/** Members to call this week: two or more unexcused absences in a row (the agency's outreach policy). */
function outreachList(record: GroupRecord): string[] {
  return participationFlags(record, { outreachAfter: 2, excused: "not-offered" })
    .filter((flag) => flag.code === "outreach")
    .map((flag) => flag.memberId);
}

// ---------------------------------------------------------------------------------------------------------------------
// The suite
// ---------------------------------------------------------------------------------------------------------------------

const primaryCare = {
  kind: "outside-provider",
  name: "Dr. Amara Osei",
  organisation: "Lakeside Family Medicine",
} as const;

/** Our Thursday grief group, as every test starts from it. */
const thursdayGroup = buildGroupRecord({
  name: "Thursday grief group",
  kind: "support",
  membership: "open",
  timeZone: "America/Chicago",
})
  .meetsWeekly({ weekday: "thursday", startTime: "18:00", minutes: 90, firstDate: "2026-02-19", sessions: 10 })
  .facilitator("Ana Rivera")
  .members(8);

describe("no progress note leaves the agency without a written consent", () => {
  const afterSession3 = "2026-03-06T10:00:00-06:00";

  it("sends a note to the primary care provider the member consented to in writing, for treatment", () => {
    const record = thursdayGroup
      .consent(1, { recipient: primaryCare, purposes: ["TREAT"], dataClasses: ["progress-note"] })
      .build();
    const decision = sendProgressNote(record, "m-1", primaryCare, "TREAT", afterSession3);
    expect([decision.effect, decision.determiningRules]).toEqual(["permit", ["disclosure-with-consent"]]);
  });

  it("keeps the note when the consent is for another purpose or another provider", () => {
    const record = thursdayGroup
      .consent(1, { recipient: primaryCare, purposes: ["TREAT"], dataClasses: ["progress-note"] })
      .build();
    const otherDoctor = { kind: "outside-provider", name: "Dr. Paul Berg" } as const;
    expect(sendProgressNote(record, "m-1", primaryCare, "HPAYMT", afterSession3).effect).toBe("deny");
    expect(sendProgressNote(record, "m-1", otherDoctor, "TREAT", afterSession3).effect).toBe("deny");
    // Member 2 never consented.
    expect(sendProgressNote(record, "m-2", primaryCare, "TREAT", afterSession3).effect).toBe("deny");
  });

  it("keeps the note without any consent on file", () => {
    const decision = sendProgressNote(thursdayGroup.build(), "m-1", primaryCare, "TREAT", afterSession3);
    expect([decision.effect, decision.basis]).toEqual(["deny", "explicit-forbid"]);
    expect(decision.determiningRules).toEqual(["agency-progress-note-written-consent"]);
  });

  it("keeps the note under a verbal consent, which the library alone would accept", () => {
    const record = thursdayGroup
      .consent(1, { recipient: primaryCare, purposes: ["TREAT"], dataClasses: ["progress-note"], form: "verbal" })
      .build();
    const request: DisclosureRequest = {
      information: {
        kind: "progress-note",
        memberId: "m-1",
        groupId: record.group.id,
        labels: { confidentiality: "N", sensitivity: [], law: [] },
      },
      recipient: primaryCare,
      purpose: "TREAT",
      consents: record.consents,
      at: afterSession3,
    };
    expect(checkDisclosure(request).effect).toBe("permit");
    const ours = checkDisclosure(request, { policy: agencyPolicy });
    expect([ours.effect, ours.determiningRules]).toEqual(["deny", ["agency-progress-note-written-consent"]]);
  });

  it("keeps the note once the member revokes the consent", () => {
    const record = thursdayGroup
      .consent(1, {
        recipient: primaryCare,
        purposes: ["TREAT"],
        dataClasses: ["progress-note"],
        revokedAt: "2026-03-20T09:00:00-05:00",
      })
      .build();
    expect(sendProgressNote(record, "m-1", primaryCare, "TREAT", afterSession3).effect).toBe("permit");
    expect(sendProgressNote(record, "m-1", primaryCare, "TREAT", "2026-03-27T10:00:00-05:00").effect).toBe("deny");
  });

  it("never lets a progress note out without a written consent, whatever is asked (property)", () => {
    const record = thursdayGroup
      .consent(1, { recipient: primaryCare, purposes: ["TREAT", "COC"], dataClasses: ["progress-note"] })
      .consent(2, { recipient: primaryCare, purposes: ["TREAT"], dataClasses: ["progress-note"], form: "verbal" })
      .consent(3, {
        recipient: { kind: "payer", organisation: "Prairie Health Plan" },
        purposes: ["HPAYMT"],
        dataClasses: ["attendance"],
      })
      .build();
    fc.assert(
      fc.property(arbitraryDisclosureRequest({ record }), (request) => {
        const leaves =
          request.information.kind === "progress-note" &&
          request.recipient.withinAgency !== true &&
          request.recipient.isSubject !== true &&
          request.circumstances === undefined;
        if (!leaves || checkDisclosure(request, { policy: agencyPolicy }).effect !== "permit") return;
        // A permitted note had a written consent of this member, for this purpose, covering progress notes.
        const written = (request.consents ?? []).filter(
          (consent) =>
            consent.memberId === request.information.memberId &&
            consent.form !== "verbal" &&
            consent.purposes.includes(request.purpose) &&
            consent.dataClasses.includes("progress-note"),
        );
        expect(written).not.toEqual([]);
      }),
      { seed: 20_260_219, numRuns: 300 },
    );
  });
});

describe("the ADVANCE button waits for the group agreement", () => {
  const start = { at: "2026-02-19T18:00:00-06:00", by: "f-1", activeMembers: 8 };
  const snapshotBefore = (record: GroupRecord, before: string) => {
    const replay = replayStageEvents(
      tuckmanModel,
      start,
      record.stageEvents.filter((event) => Date.parse(event.at) < Date.parse(before)),
    );
    if (!replay.ok) throw new Error(`the stage log stops at ${replay.index}`);
    return replay.snapshot;
  };

  it("is disabled, saying why, while the agreement is not adopted", () => {
    const record = thursdayGroup.agreementAdopted({ session: 3 }).build();
    // After sessions 1 and 2, before session 3 adopts the agreement.
    expect(advanceButton(snapshotBefore(record, "2026-03-05T18:00:00-06:00"))).toEqual({
      enabled: false,
      tooltip: "The group agreement must be adopted before the group leaves forming (NASW 1.07(e)(f)).",
    });
  });

  it("is enabled once the agreement is adopted with its confidentiality limits explained", () => {
    const record = thursdayGroup.agreementAdopted({ session: 3 }).build();
    expect(advanceButton(snapshotBefore(record, "2026-03-06T00:00:00-06:00"))).toEqual({
      enabled: true,
      tooltip: "Move the group to storming",
    });
  });

  it("stays disabled when the limits of confidentiality were not explained", () => {
    const record = thursdayGroup.agreementAdopted({ session: 1, limitsExplained: false }).build({ warnings: "allow" });
    expect(advanceButton(snapshotBefore(record, "2026-02-27T00:00:00-06:00"))).toEqual({
      enabled: false,
      tooltip:
        "Members must be told that confidentiality among members cannot be guaranteed before the group leaves forming (NASW 1.07(e)(f)).",
    });
  });
});

describe("dropout outreach", () => {
  it("calls members with two or more unexcused absences in a row, and nobody else", () => {
    const record = thursdayGroup
      .absent(3, { sessions: [4, 5, 6] }) // three in a row: call
      .absent(5, { sessions: [2, 7] }) // two, but not in a row: no call
      .excused(6, { sessions: [8, 9] }) // excused, so not counted: no call
      .absent(7, { sessions: [9, 10] }) // the last two: call
      .build();
    expect(outreachList(record)).toEqual(["m-3", "m-7"]);
  });

  it("counts absences on either side of a cancelled week as in a row", () => {
    const record = thursdayGroup
      .cancel({ sessions: [5] })
      .absent(4, { sessions: [4, 6] })
      .build();
    expect(outreachList(record)).toEqual(["m-4"]);
  });

  it("does not call a member who left the group", () => {
    const record = thursdayGroup
      .absent(2, { sessions: [5] })
      .leaves(2, { after: 5, reason: "transferred" })
      .build();
    expect(outreachList(record)).toEqual([]);
  });
});
