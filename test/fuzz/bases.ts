import fc from "fast-check";
import {
  checkDisclosure,
  type DisclosureRequest,
  definePolicy,
  type InformationLabels,
} from "../../src/confidentiality/index";
import { type GroupRecord, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";
import { persistStageSnapshot, replayStageEvents, tuckmanModel } from "../../src/stages/index";
import { arbitraryGroupRecordInput } from "../fixtures/arbitraries";
import { malformedRecords } from "../fixtures/malformed-records";
import { SEED } from "./settings";

// The valid inputs the fuzz suite starts from: the bundled sample group (frozen, as it ships), the sample as
// parseGroupRecord returns it, a few generated valid records, and stage snapshots and disclosure requests built from
// the sample. Each is checked to be what it claims before any case runs.

function parsed(input: unknown): GroupRecord {
  const result = parseGroupRecord(input);
  if (!result.ok) throw new Error(`a fuzz base does not parse: ${JSON.stringify(result.issues[0])}`);
  return result.value;
}

/** The sample as it ships: frozen all the way down. */
export const sample = sampleGroupRecord;
/** The sample as the parser returns it. */
export const sampleParsed = parsed(sampleGroupRecord);

/** A few generated valid records, the same for the same seed. */
export const generatedInputs: readonly unknown[] = fc.sample(arbitraryGroupRecordInput({ withAttendance: true }), {
  numRuns: 4,
  seed: SEED,
});
export const generatedParsed: readonly GroupRecord[] = generatedInputs.map(parsed);

/** Issues of malformed records, for the issue formatters. */
export const someIssues = malformedRecords.slice(0, 12).flatMap((entry) => {
  const result = parseGroupRecord(entry.build());
  return result.ok ? [] : [result.issues];
});

export const stageInput = { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 };
export const stageLog: readonly unknown[] = sampleGroupRecord.stageEvents;

/** The sample's stage snapshot after the first `count` events of its log. */
function snapshotAfter(count: number) {
  const replay = replayStageEvents(tuckmanModel, stageInput, stageLog.slice(0, count) as never);
  if (!replay.ok) throw new Error(`the sample's stage log does not replay to event ${count}`);
  return replay.snapshot;
}

/** Snapshots along the sample's log, with the event that comes next in it. */
export const stageSteps = [0, 3, 8, stageLog.length - 2].map((count) => ({
  snapshot: snapshotAfter(count),
  next: stageLog[count],
}));
export const stageSnapshots = stageSteps.map((step) => step.snapshot);
/** Persisted envelopes as a host stores them: plain JSON. */
export const envelopes: readonly unknown[] = stageSnapshots.map((snapshot) =>
  JSON.parse(JSON.stringify(persistStageSnapshot(snapshot))),
);

const labels = (confidentiality: "N" | "R"): InformationLabels => ({ confidentiality, sensitivity: [], law: [] });

/** Requests the default policy permits, each for a different reason, as plain JSON. */
export const permittedRequests: readonly DisclosureRequest[] = [
  {
    information: {
      kind: "progress-note",
      memberId: "m-hope",
      groupId: "grp-thursday-grief",
      authorId: "f-rivera",
      labels: labels("N"),
    },
    recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
    purpose: "COC",
    consents: structuredClone(sampleGroupRecord.consents) as DisclosureRequest["consents"],
    at: "2026-03-10T10:00:00-05:00",
  },
  {
    information: { kind: "attendance", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: labels("N") },
    recipient: { kind: "payer", organisation: "Prairie Health Plan" },
    purpose: "HPAYMT",
    at: "2026-03-02T09:00:00-06:00",
    consents: [
      {
        id: "c-jamal-payer",
        memberId: "m-jamal",
        grantedBy: "self",
        recipients: [{ kind: "payer", organisation: "Prairie Health Plan" }],
        purposes: ["HPAYMT"],
        dataClasses: ["attendance"],
        validFrom: "2026-02-05T18:50:00-06:00",
        validUntil: "2026-12-31T23:59:59-06:00",
        form: "electronic",
        legalBasis: "hipaa-authorization",
      },
    ],
    circumstances: {},
    subject: { minor: false },
    jurisdiction: { dutyToWarn: "permissive", minorConsent: "minor" },
  },
  {
    information: { kind: "risk-statement", memberId: "m-jamal", groupId: "grp-thursday-grief", labels: labels("R") },
    recipient: { kind: "person-at-risk", name: "Denise Price" },
    purpose: "THREAT",
    circumstances: { imminentThreat: true },
    at: "2026-02-26T20:15:00-06:00",
  },
  {
    information: { kind: "attendance", memberId: "m-kai", groupId: "grp-teen-loss", labels: labels("N") },
    recipient: { kind: "family-or-guardian", name: "Rosa Alvarez" },
    purpose: "FAMRQT",
    at: "2026-03-04T17:00:00-06:00",
    subject: { minor: true },
    consents: [
      {
        id: "c-kai-mother",
        memberId: "m-kai",
        grantedBy: "guardian",
        recipients: [{ kind: "family-or-guardian", name: "Rosa Alvarez" }],
        purposes: ["FAMRQT"],
        dataClasses: ["attendance"],
        validFrom: "2026-01-15T12:00:00-06:00",
        form: "written",
        legalBasis: "hipaa-authorization",
      },
    ],
  },
];

/** A policy that permits everything: whatever the request check lets through, it says yes to. */
export const permitAll = definePolicy(
  [
    {
      id: "fuzz-permit-all",
      effect: "permit",
      description: "Everything may be shared (a policy for fuzzing the request check).",
      source: "fuzz suite",
      obligations: [],
      when: () => true,
    },
  ],
  { version: "fuzz-permit-all" },
);

for (const [index, request] of permittedRequests.entries()) {
  const effect = checkDisclosure(request).effect;
  if (effect !== "permit") throw new Error(`permitted request ${index} is not permitted by the default policy`);
}

/** Decisions of the permitted requests, as a host stores them. */
export const decisions: readonly unknown[] = permittedRequests.map((request) =>
  JSON.parse(JSON.stringify(checkDisclosure(request))),
);

/** A note about Hope that names other members, in the ways notes do. */
export const note =
  "Hope said Will's story about his brother helped her. Later Tom and Sofía Márquez disagreed; Grace O'Neill " +
  "stayed quiet. hope felt heard. Jamal Price was absent.";
export const roster = sampleGroupRecord.members;
