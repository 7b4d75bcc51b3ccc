import type { Bundle, Resource } from "@medplum/fhirtypes";
import { describe, expect, it } from "vitest";
import { toFhirBundle } from "../../src/fhir/export";
import type { GroupRecordInput } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

// A transaction Bundle is a list of conditional updates (PUT Type?identifier=system|value), so a host that sends the
// same record twice, or sends it again after a session is added, must end with each resource stored once. A small
// in-memory FHIR server below applies transactions by the R4 rules, and the tests send Bundles to it.

/** A stored resource: its type, the id the server gave it, and its content as last written. */
interface Stored {
  readonly type: string;
  readonly id: string;
  readonly resource: Resource & { id: string };
}

/** Why the server refused a whole transaction, with the HTTP status R4 gives for it. */
class TransactionRefused extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The resources carrying an identifier with this system and value (an R4 token search, `system|value`). */
function matching(store: readonly Stored[], type: string, system: string, value: string): Stored[] {
  return store.filter(
    (stored) =>
      stored.type === type &&
      ((stored.resource as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).some(
        (identifier) => identifier.system === system && identifier.value === value,
      ),
  );
}

/** A copy of a value with every `reference` that names a Bundle entry's fullUrl replaced by `Type/id`. */
function resolved<T>(value: T, targets: ReadonlyMap<string, string>): T {
  if (Array.isArray(value)) return value.map((item) => resolved(item, targets)) as T;
  if (value === null || typeof value !== "object") return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === "reference" && typeof entry === "string" && entry.startsWith("urn:")) {
      const target = targets.get(entry);
      // R4: a transaction that refers to a fullUrl it does not hold fails as a whole.
      if (target === undefined) throw new TransactionRefused(404, `reference ${entry} names no entry`);
      copy[key] = target;
    } else {
      copy[key] = resolved(entry, targets);
    }
  }
  return copy as T;
}

/**
 * Applies a transaction Bundle to a store, all or nothing, by the R4 rules for conditional update
 * (https://hl7.org/fhir/R4/http.html#cond-update): no match creates the resource with a new server id, one match
 * replaces it keeping its id, more than one refuses with 412 Precondition Failed. References to entries' fullUrls are
 * rewritten to the ids the server gave (https://hl7.org/fhir/R4/http.html#trules). Returns the new store.
 */
function applyTransaction(store: readonly Stored[], bundle: Bundle, newId: () => string): Stored[] {
  if (bundle.type !== "transaction") throw new TransactionRefused(400, `Bundle.type is ${bundle.type}`);
  const targets = new Map<string, string>();
  const planned = (bundle.entry ?? []).map((entry, index) => {
    const { request, resource, fullUrl } = entry;
    const parts = /^(\w+)\?identifier=([^|]*)\|(.+)$/.exec(request?.url ?? "");
    if (request?.method !== "PUT" || parts === null || resource === undefined || fullUrl === undefined) {
      throw new TransactionRefused(400, `entry ${index} is not a conditional update by identifier`);
    }
    const [, type = "", system = "", value = ""] = parts;
    if (type !== resource.resourceType) throw new TransactionRefused(400, `entry ${index}: ${type} is not the type`);
    const found = matching(store, type, system, value);
    if (found.length > 1) throw new TransactionRefused(412, `entry ${index}: ${found.length} ${type} match`);
    const id = found[0]?.id ?? newId();
    targets.set(fullUrl, `${type}/${id}`);
    return { type, id, resource };
  });
  const written = planned.map(({ type, id, resource }) => ({
    type,
    id,
    resource: { ...resolved(resource, targets), id },
  }));
  const replaced = new Set(written.map((stored) => `${stored.type}/${stored.id}`));
  return [...store.filter((stored) => !replaced.has(`${stored.type}/${stored.id}`)), ...written];
}

/** A server id source: srv-1, srv-2, … */
function serverIds(): () => string {
  let next = 0;
  return () => `srv-${++next}`;
}

/** Every `reference` anywhere in a value. */
function referencesIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencesIn);
  if (value === null || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([key, entry]) =>
    key === "reference" && typeof entry === "string" ? [entry] : referencesIn(entry),
  );
}

function countByType(store: readonly Stored[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { type } of store) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

const byKey = (store: readonly Stored[]) =>
  Object.fromEntries(store.map((stored) => [`${stored.type}/${stored.id}`, stored.resource]));

const transaction = (record: GroupRecordInput) => toFhirBundle(record, { type: "transaction" });
// The sample is frozen all the way down; toFhirBundle's parameter type has mutable lists.
const sample = sampleGroupRecord as GroupRecordInput;

describe("the in-memory server (so the tests below can fail)", () => {
  it("refuses a conditional update that matches two resources with 412", () => {
    const ids = serverIds();
    const once = applyTransaction([], transaction(sample), ids);
    const patient = once.find((stored) => stored.type === "Patient");
    if (patient === undefined) throw new Error("the sample has patients");
    const twin = { ...patient, id: "srv-twin", resource: { ...patient.resource, id: "srv-twin" } };

    expect(() => applyTransaction([...once, twin], transaction(sample), ids)).toThrow(
      expect.objectContaining({ status: 412 }),
    );
  });

  it("refuses a Bundle that refers to an entry it does not hold", () => {
    const bundle = transaction(sample);
    const withoutGroup = {
      ...bundle,
      entry: bundle.entry?.filter((entry) => entry.resource?.resourceType !== "Group"),
    };

    expect(() => applyTransaction([], withoutGroup, serverIds())).toThrow(expect.objectContaining({ status: 404 }));
  });
});

describe("a transaction Bundle sent again", () => {
  it("changes nothing: each resource is stored once, with its references resolved", () => {
    const ids = serverIds();
    const bundle = transaction(sample);

    const once = applyTransaction([], bundle, ids);
    const twice = applyTransaction(once, transaction(sample), ids);

    expect(twice).toHaveLength(bundle.entry?.length ?? -1);
    expect(byKey(twice)).toStrictEqual(byKey(once));
    const stored = new Set(twice.map((entry) => `${entry.type}/${entry.id}`));
    const references = twice.flatMap((entry) => referencesIn(entry.resource));
    // Patients, Practitioners, the Group, Appointments and Encounters are all referred to by something.
    expect(references.length).toBeGreaterThan(twice.length);
    expect(references.filter((reference) => !stored.has(reference))).toEqual([]);
  });

  it("after a session is added, adds only that session's Appointment and Encounters", () => {
    // The sample before its last session (s-12, 23 April 2026): no s-12, nothing recorded in it, and the stage log
    // up to the session's start.
    const last = "s-12";
    const lastStart = Date.parse("2026-04-23T18:00:00-05:00");
    const before: GroupRecordInput = {
      ...sampleGroupRecord,
      sessions: sampleGroupRecord.sessions.filter((session) => session.id !== last),
      attendance: sampleGroupRecord.attendance.filter((entry) => entry.sessionId !== last),
      turns: sampleGroupRecord.turns.filter((turn) => turn.sessionId !== last),
      interactionActs: sampleGroupRecord.interactionActs.filter((act) => act.sessionId !== last),
      stageEvents: sampleGroupRecord.stageEvents.filter((event) => Date.parse(event.at) < lastStart),
    } as GroupRecordInput;
    const attendedLast = sampleGroupRecord.attendance.filter(
      (entry) => entry.sessionId === last && ["present", "late", "left-early"].includes(entry.status),
    ).length;
    const ids = serverIds();

    const first = applyTransaction([], transaction(before), ids);
    const second = applyTransaction(first, transaction(sample), ids);

    const firstCounts = countByType(first);
    expect(countByType(second)).toEqual({
      ...firstCounts,
      Appointment: (firstCounts["Appointment"] ?? 0) + 1,
      Encounter: (firstCounts["Encounter"] ?? 0) + 1 + attendedLast,
    });
    // Everything stored the first time is still there under its id; only the Group changed (its stage log grew).
    const secondByKey = byKey(second);
    const changed = Object.entries(byKey(first))
      .filter(([key, resource]) => JSON.stringify(secondByKey[key]) !== JSON.stringify(resource))
      .map(([key]) => key.split("/")[0]);
    expect(changed).toEqual(["Group"]);
  });
});

describe("fullUrls", () => {
  it("are the same when the same record is exported twice, and so is every byte of the Bundle", () => {
    for (const type of ["collection", "transaction"] as const) {
      const first = toFhirBundle(sample, { type });
      const second = toFhirBundle(sample, { type });

      expect(second).toStrictEqual(first);
      expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    }
  });

  it("differ between two groups that use the same session ids, while a person stays one Patient", () => {
    const groupId = "grp-monday-grief";
    const other = {
      ...sampleGroupRecord,
      group: { ...sampleGroupRecord.group, id: groupId },
      memberships: sampleGroupRecord.memberships.map((membership) => ({ ...membership, groupId })),
      sessions: sampleGroupRecord.sessions.map((session) => ({ ...session, groupId })),
    } as GroupRecordInput;
    const urls = (record: GroupRecordInput, types: readonly string[]) =>
      (toFhirBundle(record).entry ?? [])
        .filter((entry) => types.includes(entry.resource?.resourceType ?? ""))
        .map((entry) => entry.fullUrl);
    const perGroup = ["Group", "CareTeam", "Appointment", "Encounter", "Consent"];

    const thursday = urls(sample, perGroup);
    const monday = new Set(urls(other, perGroup));

    expect(sampleGroupRecord.sessions[0]?.id).toBe("s-01");
    expect(thursday.length).toBeGreaterThan(0);
    expect(thursday.filter((url) => monday.has(url))).toEqual([]);
    expect(urls(other, ["Patient", "Practitioner"])).toEqual(urls(sample, ["Patient", "Practitioner"]));
  });
});
