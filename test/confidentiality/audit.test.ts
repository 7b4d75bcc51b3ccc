import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy, toAuditRecord } from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, deepFreeze, request, rule } from "./engine-fixtures";

const policy = definePolicy(
  [rule("with-consent", "permit", { obligations: ["MINEC", "AUDTR"] }), rule("never", "forbid", { when: () => false })],
  { version: "audit-1" },
);
const NOTE_TEXT = "Hope spoke about the anniversary of her husband's death and said Will reminded her of him.";

/** Hope's progress note to her doctor, as checkDisclosure reads it. */
function cleanRequest(): DisclosureRequest {
  return request({
    consents: [consent()],
    circumstances: { courtOrder: true, imminentThreat: false, medicalEmergency: true },
    information: {
      kind: "progress-note",
      memberId: "m-hope",
      groupId: "g-grief",
      authorId: "f-rivera",
      labels: { confidentiality: "R", sensitivity: ["PSY", "MH"], law: ["HIPAAPsyNotes", "42CFRPart2"] },
    },
  });
}

/** The same request carrying the note's text alongside, as a host might: the audit record must leave it out. */
function sensitiveRequest(): DisclosureRequest {
  const base = cleanRequest();
  return { ...base, text: NOTE_TEXT, information: { ...base.information, text: NOTE_TEXT } } as DisclosureRequest;
}

describe("toAuditRecord", () => {
  it("keeps ids, sorted labels, the recipient, purpose, circumstances and the decision's grounds", () => {
    const asked = deepFreeze(sensitiveRequest());
    // checkDisclosure refuses the host's extra fields; the decision is the one on the request as it should be sent.
    const decision = checkDisclosure(cleanRequest(), { policy });
    const record = toAuditRecord(asked, decision, { decisionId: "d-42", at: "2026-03-10T10:00:01-05:00" });
    expect(record).toEqual({
      decisionId: "d-42",
      recordedAt: "2026-03-10T10:00:01-05:00",
      requestedFor: "2026-03-10T10:00:00-05:00",
      information: {
        kind: "progress-note",
        groupId: "g-grief",
        memberId: "m-hope",
        authorId: "f-rivera",
        labels: { confidentiality: "R", sensitivity: ["MH", "PSY"], law: ["42CFRPart2", "HIPAAPsyNotes"] },
      },
      recipient: { kind: "outside-provider", name: "Dr. Amara Osei", organisation: "Lakeside Family Medicine" },
      purpose: "COC",
      circumstances: ["courtOrder", "medicalEmergency"],
      effect: "permit",
      basis: "explicit-permit",
      determiningRules: ["with-consent"],
      matchedRules: { permit: ["with-consent"], forbid: [] },
      obligations: ["AUDTR", "MINEC"],
      policyVersion: "audit-1",
      omitted: [],
    });
  });

  it("never holds the information's text or anything the request type does not name", () => {
    const asked = sensitiveRequest();
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: asked.at });
    const written = JSON.stringify(record);
    expect(written).not.toContain("anniversary");
    expect(written).not.toContain('"text"');
    expect(Object.keys(record.information)).toEqual(["kind", "groupId", "memberId", "authorId", "labels"]);
  });

  it("leaves out optional ids the request does not give, and lists no circumstances when there are none", () => {
    const asked = request({
      information: { kind: "roster", groupId: "g", labels: { confidentiality: "N", sensitivity: [], law: [] } },
      recipient: { kind: "court", id: "court-7" },
    });
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: asked.at });
    expect(record.information).toEqual({
      kind: "roster",
      groupId: "g",
      labels: { confidentiality: "N", sensitivity: [], law: [] },
    });
    expect(record.recipient).toEqual({ kind: "court", id: "court-7" });
    expect(record.circumstances).toEqual([]);
  });

  it("records a decision on an unreadable request with what can be read, naming what it left out", () => {
    const asked = { ...request(), purpose: "FUN" } as never as DisclosureRequest;
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: request().at });
    expect([record.purpose, record.basis, record.effect, record.omitted]).toEqual([
      undefined,
      "invalid-request",
      "deny",
      ["purpose"],
    ]);
    expect("purpose" in record).toBe(false);
  });

  // The guide promises ids, codes and labels only: free text where a code belongs must not reach the log.
  it("copies only known codes and non-empty ids, and names every value it leaves out", () => {
    const said = "Lena said she cannot face the anniversary without her husband.";
    const base = request();
    const asked = {
      ...base,
      at: said,
      purpose: { reason: said },
      information: {
        kind: { note: said },
        memberId: 42,
        groupId: "",
        authorId: ["f-rivera", said],
        labels: { confidentiality: said, sensitivity: ["MH", said, "SUD"], law: said },
      },
      recipient: { kind: said, id: { said }, name: "Katrin Hoffmann", organisation: 7 },
    } as never as DisclosureRequest;
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: base.at });
    expect(JSON.stringify(record)).not.toContain("anniversary");
    expect(record.information).toEqual({ labels: { sensitivity: ["MH", "SUD"], law: [] } });
    expect(record.recipient).toEqual({ name: "Katrin Hoffmann" });
    expect(record.omitted).toEqual([
      "at",
      "information.authorId",
      "information.groupId",
      "information.kind",
      "information.labels.confidentiality",
      "information.labels.law",
      "information.labels.sensitivity[1]",
      "information.memberId",
      "purpose",
      "recipient.id",
      "recipient.kind",
      "recipient.organisation",
    ]);
    expect(record.basis).toBe("invalid-request");
  });

  it("records the oversight of a process note's author among the circumstances, in name order", () => {
    const asked = request({ circumstances: { oversightOfOriginator: true, courtOrder: true, imminentThreat: false } });
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: asked.at });
    expect(record.circumstances).toEqual(["courtOrder", "oversightOfOriginator"]);
  });

  it("copies the decision's lists, so changing the record cannot change the decision", () => {
    const asked = request();
    const decision = checkDisclosure(asked, { policy });
    const record = toAuditRecord(asked, decision, { decisionId: "d", at: asked.at });
    (record.determiningRules as string[]).push("tampered");
    expect(decision.determiningRules).toEqual(["with-consent"]);
  });

  it("writes when the record was written from ISO 8601 text with seconds optional, kept as given, or a Date, in UTC", () => {
    const asked = request();
    const decision = checkDisclosure(asked, { policy });
    const recordedAt = (at: string | Date) => toAuditRecord(asked, decision, { decisionId: "d", at }).recordedAt;
    expect(recordedAt("2026-03-10T10:01-05:00")).toBe("2026-03-10T10:01-05:00");
    // A Date is written in UTC, as toISOString writes it.
    expect(recordedAt(new Date(Date.UTC(2026, 2, 10, 15, 0, 1)))).toBe("2026-03-10T15:00:01.000Z");
  });

  it.each([
    [
      "an empty decision id",
      { decisionId: "", at: "2026-03-10T10:00:01-05:00" },
      /options\.decisionId must be a non-empty string, not ""/,
    ],
    [
      "a decision id without a prototype",
      { decisionId: Object.create(null), at: "2026-03-10T10:00:01-05:00" },
      /options\.decisionId must be a non-empty string, not an object with no prototype/,
    ],
    [
      "a moment without an offset",
      { decisionId: "d", at: "2026-03-10T10:00:01" },
      /options\.at must be an ISO 8601 instant/,
    ],
    [
      "an invalid Date",
      { decisionId: "d", at: new Date("not a date") },
      /toAuditRecord: options\.at must be an ISO 8601 instant with an offset, .* or a valid Date; got an object/,
    ],
    ["a moment as epoch milliseconds", { decisionId: "d", at: 1773154801000 }, /or a valid Date; got 1773154801000/],
    ["no options", undefined, /options must be an object with decisionId and at, not undefined/],
    ["options that are text", "d-1", /options must be an object with decisionId and at, not "d-1"/],
  ])("throws invalid-argument for %s", (_, options, message) => {
    const asked = request();
    const decision = checkDisclosure(asked, { policy });
    expect(() => toAuditRecord(asked, decision, options as never)).toThrow(GroupworkError);
    expect(() => toAuditRecord(asked, decision, options as never)).toThrow(message);
  });

  it.each([
    [
      "matchedRules",
      { matchedRules: undefined },
      /decision\.matchedRules must be as checkDisclosure returns it, not undefined/,
    ],
    ["matchedRules.forbid", { matchedRules: { permit: [], forbid: null } }, /decision\.matchedRules\.forbid must be/],
    ["determiningRules", { determiningRules: [7] }, /decision\.determiningRules must be/],
    ["obligations", { obligations: ["SHRED"] }, /decision\.obligations must be/],
    ["effect", { effect: "maybe" }, /decision\.effect must be as checkDisclosure returns it, not "maybe"/],
    ["basis", { basis: undefined }, /decision\.basis must be/],
    ["policyVersion", { policyVersion: 2 }, /decision\.policyVersion must be/],
  ])("throws invalid-argument naming decision.%s when it is not what checkDisclosure returns", (_, change, message) => {
    const asked = request();
    const decision = { ...checkDisclosure(asked, { policy }), ...change } as never;
    const options = { decisionId: "d", at: "2026-03-10T10:00:01-05:00" };
    expect(() => toAuditRecord(asked, decision, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(asked, decision, options)).toThrow(message);
  });

  // A record is what an auditor trusts: a permit on the grounds of a deny (or the other way round) would log a
  // disclosure the policy never allowed, so the two must agree.
  it.each([
    ["permit", "default-deny"],
    ["permit", "explicit-forbid"],
    ["permit", "error"],
    ["permit", "invalid-request"],
    ["deny", "explicit-permit"],
  ])("throws invalid-argument naming decision.effect when %s contradicts the basis %s", (effect, basis) => {
    const denied = { ...request(), purpose: "HOPERAT" } as DisclosureRequest;
    const decision = checkDisclosure(denied, { policy: definePolicy([], { version: "empty" }) });
    const options = { decisionId: "d1", at: "2026-03-10T10:00:01-05:00" };
    const forged = { ...decision, effect, basis } as never;
    expect(() => toAuditRecord(denied, forged, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(denied, forged, options)).toThrow(
      `toAuditRecord: decision.effect "${effect}" contradicts decision.basis "${basis}"`,
    );
  });

  it("records the decision as checkDisclosure returned it when its effect and basis agree", () => {
    const options = { decisionId: "d1", at: "2026-03-10T10:00:01-05:00" };
    const denied = checkDisclosure(request(), { policy: definePolicy([], { version: "empty" }) });
    const permitted = checkDisclosure(request(), { policy });
    expect([denied.effect, denied.basis, permitted.effect, permitted.basis]).toEqual([
      "deny",
      "default-deny",
      "permit",
      "explicit-permit",
    ]);
    expect(toAuditRecord(request(), denied, options).effect).toBe("deny");
    expect(toAuditRecord(request(), permitted, options).effect).toBe("permit");
  });

  it("throws invalid-argument for a request without information or recipient, or something not a decision", () => {
    const decision = checkDisclosure(request(), { policy });
    const options = { decisionId: "d", at: "2026-03-10T10:00:01-05:00" };
    expect(() => toAuditRecord({ ...request(), recipient: null } as never, decision, options)).toThrow(
      /request must have information \(with labels\) and recipient objects/,
    );
    const unlabelled = { ...request(), information: { kind: "roster", groupId: "g" } } as never;
    expect(() => toAuditRecord(unlabelled, decision, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(null as never, decision, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(request(), null as never, options)).toThrow(
      /decision must be a decision from checkDisclosure, not null/,
    );
    expect(() => toAuditRecord(request(), { effect: "permit" } as never, options)).toThrow(/decision\.basis must be/);
  });
});

describe("toAuditRecord on input that cannot be read as plain data", () => {
  const options = { decisionId: "d", at: "2026-03-10T10:00:01-05:00" };
  const decided = () => checkDisclosure(request(), { policy });

  function revoked<T extends object>(target: T): T {
    const { proxy, revoke } = Proxy.revocable(target, {});
    revoke();
    return proxy;
  }

  function throwingOn<T extends object>(target: T, key: string): T {
    return new Proxy(target, {
      get(object, name, receiver) {
        if (name === key) throw new Error(`${key} is gone`);
        return Reflect.get(object, name, receiver);
      },
    });
  }

  const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // `thrown` is what the message quotes; null when only its being quoted text is known (an engine's own wording).
  const unreadable = (path: string, thrown: string | null) =>
    new RegExp(
      `^${literal(`toAuditRecord: ${path} could not be read (reading it threw `)}` +
        `${thrown === null ? '".+"' : literal(thrown)}${literal("); pass it as plain data.")}$`,
    );

  it.each([
    ["the request", () => throwingOn(request(), "purpose"), "request.purpose", '"purpose is gone"'],
    [
      "its information",
      () => ({ ...request(), information: throwingOn(request().information, "groupId") }),
      "request.information.groupId",
      '"groupId is gone"',
    ],
    [
      "its labels' list",
      () => {
        const base = request();
        const sensitivity = throwingOn(["MH", "SUD"], "1");
        const labels = { ...base.information.labels, sensitivity };
        return { ...base, information: { ...base.information, labels } };
      },
      "request.information.labels.sensitivity[1]",
      '"1 is gone"',
    ],
    [
      "a revoked list of labels",
      () => {
        const base = request();
        const labels = { ...base.information.labels, law: revoked([]) };
        return { ...base, information: { ...base.information, labels } };
      },
      "request.information.labels.law",
      // A revoked Proxy throws a TypeError when asked whether it is an array (ECMA-262 IsArray).
      null,
    ],
    [
      "its circumstances",
      () => ({ ...request(), circumstances: throwingOn({ courtOrder: true }, "imminentThreat") }),
      "request.circumstances.imminentThreat",
      '"imminentThreat is gone"',
    ],
  ])("throws invalid-argument naming the field when a field of %s throws when read", (_, asked, path, thrown) => {
    const call = () => toAuditRecord(asked() as DisclosureRequest, decided(), options);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(unreadable(path, thrown));
  });

  it("throws invalid-argument for a revoked request, decision or options, naming the first field it reads", () => {
    const revokedRequest = () => toAuditRecord(revoked(request()), decided(), options);
    expect(revokedRequest).toThrow(GroupworkError);
    expect(revokedRequest).toThrow(/^toAuditRecord: request\.information could not be read \(reading it threw "/);
    expect(() => toAuditRecord(request(), revoked(decided()), options)).toThrow(
      /^toAuditRecord: decision\.effect could not be read/,
    );
    expect(() => toAuditRecord(request(), decided(), revoked(options))).toThrow(
      /^toAuditRecord: options could not be read/,
    );
    const matchedRules = revoked({ permit: [], forbid: [] });
    expect(() => toAuditRecord(request(), { ...decided(), matchedRules }, options)).toThrow(
      /^toAuditRecord: decision\.matchedRules\.permit could not be read/,
    );
  });

  it("throws invalid-argument for a moment that is a Proxy of a Date, which cannot tell its time", () => {
    // Date.prototype.getTime reads an internal slot that a Proxy does not have, so asking it throws a TypeError.
    const at = new Proxy(new Date("2026-03-10T15:00:01Z"), {});
    const call = () => toAuditRecord(request(), decided(), { decisionId: "d", at });
    expect(call).toThrow(GroupworkError);
    // Either wording names the field: "could not be read", or "must be an ISO 8601 instant" when the time is not asked.
    expect(call).toThrow(/^toAuditRecord: options\.at (could not be read|must be an ISO 8601)/);
  });

  it("reads each field once, so a getter cannot show one value when checked and another when copied", () => {
    let reads = 0;
    const asked = {
      ...request(),
      get purpose() {
        reads++;
        return reads === 1 ? "COC" : "Lena said she cannot face the anniversary.";
      },
    };
    let decisionReads = 0;
    const decision = {
      ...decided(),
      get determiningRules() {
        decisionReads++;
        return decisionReads === 1 ? ["with-consent"] : [42];
      },
    };
    const record = toAuditRecord(asked as never, decision as never, options);
    expect([record.purpose, record.determiningRules, reads, decisionReads]).toEqual(["COC", ["with-consent"], 1, 1]);
  });

  it("names at most 20 bad entries of a list, then the rest as one range", () => {
    const base = request();
    // As long as a list may be: 10,000 entries, all holes but two.
    const sensitivity = new Array(10_000);
    sensitivity[0] = "MH";
    sensitivity[30] = "SUD";
    const asked = {
      ...base,
      information: { ...base.information, labels: { ...base.information.labels, sensitivity } },
    };
    const record = toAuditRecord(asked as DisclosureRequest, decided(), options);
    // Entries 1 to 20 are holes (bad entries, named one by one); the copy stops at 21, so SUD at 30 is in the range.
    const named = Array.from({ length: 20 }, (_, index) => `information.labels.sensitivity[${index + 1}]`);
    expect(record.information.labels.sensitivity).toEqual(["MH"]);
    expect(record.omitted).toEqual([...named, "information.labels.sensitivity[21…]"].sort());
  });
});
