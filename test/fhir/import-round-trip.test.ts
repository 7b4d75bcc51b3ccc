// The library's own Bundles come back as the record they were written from, up to the order of the lists whose order
// means nothing (memberships: the Group's members, then the CareTeam's; attendance, turns and acts: by session).
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import { fromFhirBundle } from "../../src/fhir/import";
import { groupworkFhirUrls } from "../../src/fhir/urls";
import { type GroupRecord, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

// toFhirBundle takes GroupRecordInput, whose lists are mutable; the frozen sample is passed as one (it is not changed).
const sample = sampleGroupRecord as unknown as Parameters<typeof toFhirBundle>[0];

function parsedSample(): GroupRecord {
  const parsed = parseGroupRecord(sampleGroupRecord);
  if (!parsed.ok) throw new Error("the sample record parses");
  return parsed.value;
}

/** The record in the order import returns, worked out from the record itself (stable sorts, not the importer's code). */
function canonical(record: GroupRecord): GroupRecord {
  const sessionIndex = new Map(record.sessions.map((session, index) => [session.id as string, index]));
  const bySession = <T extends { sessionId: string }>(items: readonly T[]) =>
    [...items].sort((a, b) => (sessionIndex.get(a.sessionId) ?? 0) - (sessionIndex.get(b.sessionId) ?? 0));
  return {
    ...record,
    memberships: [
      ...record.memberships.filter((membership) => membership.role === "member"),
      ...record.memberships.filter((membership) => membership.role !== "member"),
    ],
    attendance: bySession(record.attendance),
    turns: bySession(record.turns),
    interactionActs: bySession(record.interactionActs),
  };
}

describe("fromFhirBundle(toFhirBundle(record))", () => {
  it("gives back the sample record, as a collection", () => {
    const result = fromFhirBundle(toFhirBundle(sample));
    expect(result.ok && result.issues).toEqual([]);
    expect(result.ok && result.value).toEqual(canonical(parsedSample()));
  });

  it("gives back the sample record, as a transaction of conditional updates (no resource ids)", () => {
    const bundle = toFhirBundle(sample, { type: "transaction" });
    const result = fromFhirBundle(bundle);
    expect(result.ok && result.value).toEqual(canonical(parsedSample()));
  });

  it("returns the label it was written with: restricted by default, or the one asked for", () => {
    const plain = fromFhirBundle(toFhirBundle(sample));
    expect(plain.ok && plain.security).toEqual({ confidentiality: "R", sensitivity: [] });
    const labelled = fromFhirBundle(
      toFhirBundle(sample, { security: { confidentiality: "V", sensitivity: ["SUD", "PSY"] } }),
    );
    // Sensitivity codes come back in the order of the HL7 vocabulary: PSY before SUD.
    expect(labelled.ok && labelled.security).toEqual({ confidentiality: "V", sensitivity: ["PSY", "SUD"] });
  });

  it("keeps the sample's facts a person can check by hand", () => {
    const result = fromFhirBundle(toFhirBundle(sample));
    if (!result.ok) throw new Error("imports");
    const { value } = result;
    // Session 5 was cancelled for an ice storm; Grace came 12 minutes late to session 2; Jamal dropped out.
    expect(
      value.sessions.filter((session) => session.status === "cancelled").map((session) => session.sequence),
    ).toEqual([5]);
    expect(value.attendance.find((record) => record.memberId === "m-grace" && record.sessionId === "s-02")).toEqual({
      sessionId: "s-02",
      memberId: "m-grace",
      status: "late",
      arrivedAt: "2026-02-12T18:12:00-06:00",
    });
    expect(value.memberships.find((membership) => membership.memberId === "m-jamal")?.exitReason).toBe("dropped-out");
    expect(value.attendance).toHaveLength(84);
  });

  it("moves an issue of parseGroupRecord back to the entry the item came from", () => {
    const bundle = toFhirBundle(sample) as unknown as { entry: { resource: Record<string, unknown> }[] };
    const groupIndex = bundle.entry.findIndex((entry) => entry.resource["resourceType"] === "Group");
    const group = bundle.entry[groupIndex]?.resource as { member: { period: { start: string; end?: string } }[] };
    const first = group.member[0];
    if (first === undefined) throw new Error("the sample Group has members");
    first.period = { start: "2026-02-05", end: "2026-01-05" };
    const result = fromFhirBundle(bundle);
    expect(result.ok).toBe(false);
    const errors = result.issues.filter((issue) => issue.severity === "error");
    expect(errors.map((issue) => [issue.code, issue.path])).toEqual([
      ["period-ends-before-start", ["entry", groupIndex, "resource", "member", 0, "period"]],
    ]);
    expect(errors[0]?.message).toMatch(/^Group "urn:uuid:[0-9a-f-]{36}" \(entry \d+\): /);
  });
});

describe("extensions under the library's base url that this version does not read", () => {
  type Json = Record<string, unknown> & { extension?: Record<string, unknown>[] };
  const future = `${groupworkFhirUrls.base}/StructureDefinition/future-field`;

  it("are named with their path in a warning, and the record still reads", () => {
    const bundle = toFhirBundle(sample) as unknown as { entry: { resource: Json }[] };
    const groupIndex = bundle.entry.findIndex((entry) => entry.resource["resourceType"] === "Group");
    const group = bundle.entry[groupIndex]?.resource ?? {};
    const groupExtensions = group.extension ?? [];
    groupExtensions.push({ url: future, valueString: "written by a newer version" });
    group.extension = groupExtensions;
    const appointmentIndex = bundle.entry.findIndex((entry) => entry.resource["resourceType"] === "Appointment");
    const appointment = bundle.entry[appointmentIndex]?.resource ?? {};
    const participant = (appointment["participant"] as Json[])[0] as Json;
    // A url the library knows, but on an element where it means nothing.
    const participantExtensions = participant.extension ?? [];
    participantExtensions.push({ url: groupworkFhirUrls.extension.groupPurpose, valueString: "misplaced" });
    participant.extension = participantExtensions;

    const result = fromFhirBundle(bundle);

    expect(result.ok && result.value).toEqual(canonical(parsedSample()));
    const unread = result.issues.filter((issue) => issue.code === "unsupported-extension");
    expect(unread.map((issue) => [issue.severity, issue.path])).toEqual([
      ["warning", ["entry", groupIndex, "resource", "extension", groupExtensions.length - 1, "url"]],
      [
        "warning",
        ["entry", appointmentIndex, "resource", "participant", 0, "extension", participantExtensions.length - 1, "url"],
      ],
    ]);
    expect(unread[0]?.message).toContain(future);
    expect(unread[1]?.message).toContain(groupworkFhirUrls.extension.groupPurpose);
  });

  it("are not confused with another system's extensions, which are left alone", () => {
    const bundle = toFhirBundle(sample) as unknown as { entry: { resource: Json }[] };
    const group = bundle.entry.find((entry) => entry.resource["resourceType"] === "Group")?.resource as Json;
    group.extension = [
      ...(group.extension ?? []),
      { url: "https://ehr.example.org/fhir/StructureDefinition/ward", valueString: "B" },
    ];

    const result = fromFhirBundle(bundle);

    expect(result.ok && result.issues).toEqual([]);
  });
});
