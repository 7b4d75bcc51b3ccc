// Facts the check cannot confirm are not trusted: a note about one member that does not say which member, a subject or
// an author that no id confirms, and lists too long to report in full. A forgotten fact must never turn a deny into a
// permit, so each of these makes the request invalid (denied with basis invalid-request and a located error).
import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy } from "../../src/confidentiality/index";
import { readRequest } from "../../src/confidentiality/read-request";
import type { InformationKind } from "../../src/model/index";
import { consent, request, rule } from "./engine-fixtures";

const permitAll = definePolicy([rule("all", "permit")], { version: "permit-all" });

function errorsOf(asked: unknown): [string | undefined, string][] {
  const decision = checkDisclosure(asked as DisclosureRequest, { policy: permitAll });
  expect([decision.effect, decision.basis, decision.determiningRules]).toEqual(["deny", "invalid-request", []]);
  // The decision's errors are the problems of the one reading of the request.
  expect(readRequest(asked)).toEqual({ ok: false, problems: decision.errors });
  return decision.errors.map((error) => [error.path, error.message]);
}

describe("information about one member must say which member", () => {
  // A supervisor asks for Hope's progress note for quality review; Hope's consent withholds it from Hector Delgado.
  const hectorAsks = request({
    information: {
      kind: "progress-note",
      memberId: "m-1",
      groupId: "g-grief",
      labels: { confidentiality: "N", sensitivity: [], law: [] },
    },
    recipient: { kind: "supervisor", name: "Hector Delgado", withinAgency: true },
    purpose: "HOPERAT",
    consents: [consent({ memberId: "m-1", withholdFrom: [{ kind: "supervisor", name: "Hector Delgado" }] })],
  });

  it("denies the progress note with the member named, and refuses it as invalid without", () => {
    const named = checkDisclosure(hectorAsks);
    expect([named.effect, named.basis, named.determiningRules]).toEqual([
      "deny",
      "explicit-forbid",
      ["withhold-from-named-person"],
    ]);
    const { memberId: _, ...unnamed } = hectorAsks.information;
    const forgotten = checkDisclosure({ ...hectorAsks, information: unnamed });
    expect([forgotten.effect, forgotten.basis, forgotten.matchedRules]).toEqual([
      "deny",
      "invalid-request",
      { permit: [], forbid: [] },
    ]);
    expect(forgotten.errors.map((error) => error.path)).toEqual(["information.memberId"]);
    expect(forgotten.errors[0]?.message).toBe(
      'information.memberId: is missing, but "progress-note" information is about one member: add the id of the ' +
        "member it is about, so that the consents on file for that member, and what they withhold, are read.",
    );
  });

  it.each([
    "progress-note",
    "process-note",
    "self-disclosure",
    "risk-statement",
    "abuse-report",
    "sud-counseling-note",
  ] as const)("refuses a %s with no memberId", (kind) => {
    const asked = request({
      information: { kind, groupId: "g-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
    });
    expect(errorsOf(asked).map(([path]) => path)).toEqual(["information.memberId"]);
  });

  // Attendance can be a sheet for the whole session, a roster lists everyone and a summary identifies no one.
  it.each(["attendance", "roster", "session-summary"] as const)("accepts a %s about the whole group", (kind) => {
    const asked = request({
      information: { kind, groupId: "g-grief", labels: { confidentiality: "N", sensitivity: [], law: [] } },
    });
    expect(readRequest(asked).ok).toBe(true);
    expect(checkDisclosure(asked, { policy: permitAll }).basis).toBe("explicit-permit");
  });

  it("reports an empty memberId as a bad value, not as a missing one", () => {
    const asked = request({
      information: {
        kind: "self-disclosure",
        memberId: "",
        groupId: "g-grief",
        labels: { confidentiality: "N", sensitivity: [], law: [] },
      },
    });
    expect(errorsOf(asked)).toEqual([["information.memberId", "information.memberId: must be a non-empty string."]]);
  });
});

describe("a subject or an originator must be confirmed by ids on both sides", () => {
  const note = (kind: InformationKind, ids: { memberId?: string; authorId?: string }) => ({
    kind,
    groupId: "g-grief",
    ...ids,
    labels: { confidentiality: "N", sensitivity: [], law: [] },
  });

  it("refuses a member who says they are the subject with no id", () => {
    const asked = {
      ...request(),
      information: note("attendance", { memberId: "m-hope" }),
      recipient: { kind: "group-member", isSubject: true },
      purpose: "PATRQT",
    };
    expect(errorsOf(asked)).toEqual([
      [
        "recipient.isSubject",
        "recipient.isSubject: is true, but the recipient has no id to confirm it: add recipient.id, the same id as " +
          "information.memberId, or leave isSubject out.",
      ],
    ]);
    // The default policy would have let any member have the record as their own.
    expect(checkDisclosure(asked as DisclosureRequest).basis).toBe("invalid-request");
    const confirmed = { ...asked, recipient: { kind: "group-member", id: "m-hope", isSubject: true } };
    expect(checkDisclosure(confirmed as DisclosureRequest).determiningRules).toEqual(["member-own-record"]);
  });

  it("refuses a subject when the information names no member", () => {
    const asked = {
      ...request(),
      information: note("attendance", {}),
      recipient: { kind: "group-member", id: "m-hope", isSubject: true },
      purpose: "PATRQT",
    };
    expect(errorsOf(asked)).toEqual([
      [
        "recipient.isSubject",
        "recipient.isSubject: is true, but information.memberId is missing, so nothing confirms it: add " +
          "information.memberId, the id of the member the information is about, or leave isSubject out.",
      ],
    ]);
  });

  it("names both what the information and the recipient lack on a member's note with neither id", () => {
    const asked = {
      ...request(),
      information: note("progress-note", {}),
      recipient: { kind: "group-member", isSubject: true },
      purpose: "PATRQT",
    };
    expect(errorsOf(asked).map(([path]) => path)).toEqual([
      "information.memberId",
      "recipient.isSubject",
      "recipient.isSubject",
    ]);
  });

  it("refuses a facilitator who says they wrote the notes with no id", () => {
    const asked = {
      ...request(),
      information: note("process-note", { memberId: "m-hope", authorId: "f-rivera" }),
      recipient: { kind: "facilitator", activeFacilitator: true, isOriginator: true, withinAgency: true },
      purpose: "TREAT",
    };
    expect(errorsOf(asked)).toEqual([
      [
        "recipient.isOriginator",
        "recipient.isOriginator: is true, but the recipient has no id to confirm it: add recipient.id, the same id " +
          "as information.authorId, or leave isOriginator out.",
      ],
    ]);
    expect(checkDisclosure(asked as DisclosureRequest).basis).toBe("invalid-request");
    const confirmed = { ...asked, recipient: { ...asked.recipient, id: "f-rivera" } };
    expect(checkDisclosure(confirmed as DisclosureRequest).determiningRules).toEqual(["facilitator-treatment"]);
  });

  it("refuses an originator when the information names no author", () => {
    const asked = {
      ...request(),
      information: note("process-note", { memberId: "m-hope" }),
      recipient: { kind: "facilitator", id: "f-rivera", activeFacilitator: true, isOriginator: true },
      purpose: "TREAT",
    };
    expect(errorsOf(asked)).toEqual([
      [
        "recipient.isOriginator",
        "recipient.isOriginator: is true, but information.authorId is missing, so nothing confirms it: add " +
          "information.authorId, the id of the person who wrote it, or leave isOriginator out.",
      ],
    ]);
  });

  it("says only that the kind is wrong when no id could make the fact true", () => {
    const asked = {
      ...request(),
      information: note("process-note", { memberId: "m-hope" }),
      recipient: { kind: "payer", isOriginator: true, isSubject: true },
    };
    expect(errorsOf(asked).map(([path]) => path)).toEqual(["recipient.isSubject", "recipient.isOriginator"]);
  });

  it("accepts a fact stated false or left out without any id", () => {
    for (const recipient of [
      { kind: "group-member", isSubject: false },
      { kind: "facilitator", isOriginator: false, withinAgency: true },
      { kind: "facilitator" },
    ]) {
      const asked = { ...request(), information: note("attendance", {}), recipient } as DisclosureRequest;
      expect(readRequest(asked).ok).toBe(true);
    }
  });
});

// A list that counts its reads: a proof, without a clock, that the check does no work per entry it does not report.
function counted<T>(list: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === "string" && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list: proxy, reads: () => reads };
}

describe("a long or sparse list is reported in bounded form", () => {
  it("lists the first 20 holes of a sparse consents list of 10,000, then says how many were left", () => {
    const sparse: unknown[] = [];
    sparse.length = 10_000;
    const { list, reads } = counted(sparse);
    const errors = errorsOf({ ...request(), consents: list });
    expect(errors).toHaveLength(21);
    expect(errors.slice(0, 20)).toEqual(
      Array.from({ length: 20 }, (_, index) => [`consents[${index}]`, `consents[${index}]: must be an object.`]),
    );
    expect(errors[20]).toEqual([
      "consents",
      "consents: … and 9980 more entries from consents[20] on, not checked: only the first 20 entries with " +
        "problems are listed.",
    ]);
    // The request is read once, up to the twenty-first hole; errorsOf reads it twice (checkDisclosure, then readRequest).
    expect(reads()).toBe(42);
  });

  it("refuses a sparse consents list of a hundred million without reading an entry", () => {
    const sparse: unknown[] = [];
    sparse.length = 1e8;
    const { list, reads } = counted(sparse);
    expect(errorsOf({ ...request(), consents: list })).toEqual([
      [
        "consents",
        "consents: has 100000000 entries, more than the 10000 a list may hold; send it as plain data, with no more " +
          "entries than that.",
      ],
    ]);
    expect(reads()).toBe(0);
  });

  it("bounds each list on its own: codes, parties and the consents that hold them", () => {
    const junk = Array.from({ length: 500 }, () => "X");
    const asked = {
      ...request(),
      information: {
        ...request().information,
        labels: { confidentiality: "N", sensitivity: junk, law: [] },
      },
      consents: [consent({ recipients: Array.from({ length: 500 }, () => ({ kind: "neighbour" })) as never })],
    };
    const errors = errorsOf(asked);
    const at = (path: string) => errors.filter(([where]) => where?.startsWith(path));
    expect(at("information.labels.sensitivity")).toHaveLength(21);
    expect(at("information.labels.sensitivity").at(-1)).toEqual([
      "information.labels.sensitivity",
      "information.labels.sensitivity: … and 480 more entries from information.labels.sensitivity[20] on, not " +
        "checked: only the first 20 entries with problems are listed.",
    ]);
    expect(at("consents[0].recipients")).toHaveLength(21);
    expect(at("consents[0].recipients")[0]).toEqual([
      "consents[0].recipients[0].kind",
      'consents[0].recipients[0].kind: "neighbour" is not a known code.',
    ]);
  });

  it("lists every problem of a list with no more than 20 bad entries, among good ones", () => {
    const consents = Array.from({ length: 60 }, (_, index) =>
      index % 3 === 0 ? consent({ id: "" }) : consent({ id: `c-${index}` }),
    );
    const errors = errorsOf({ ...request(), consents });
    expect(errors.map(([path]) => path)).toEqual(Array.from({ length: 20 }, (_, index) => `consents[${index * 3}].id`));
    const one = [...consents, consent({ id: "" })];
    expect(errorsOf({ ...request(), consents: one }).at(-1)).toEqual([
      "consents",
      "consents: … and 1 more entry from consents[60] on, not checked: only the first 20 entries with problems are listed.",
    ]);
  });

  it("reads a long valid list, every entry once, into the copy", () => {
    const consents = Array.from({ length: 2000 }, (_, index) => consent({ id: `c-${index}` }));
    const { list, reads } = counted(consents);
    const read = readRequest({ ...request(), consents: list });
    expect(read.ok && read.request.consents?.map((one) => one.id)).toEqual(consents.map((one) => one.id));
    expect(reads()).toBe(2000);
  });
});
