import { describe, expect, it } from "vitest";
import { checkDisclosure, type DisclosureRequest, definePolicy, toAuditRecord } from "../../src/confidentiality/index";
import { GroupworkError } from "../../src/model/index";
import { consent, deepFreeze, request, rule } from "./engine-fixtures";

const policy = definePolicy(
  [rule("with-consent", "permit", { obligations: ["MINEC", "AUDTR"] }), rule("never", "forbid", { when: () => false })],
  { version: "audit-1" },
);
const NOTE_TEXT = "Hope spoke about the anniversary of her husband's death and said Will reminded her of him.";

function sensitiveRequest(): DisclosureRequest {
  const base = request({
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
  // A host may carry the note's text and other fields alongside; the audit record must leave them out.
  return { ...base, text: NOTE_TEXT, information: { ...base.information, text: NOTE_TEXT } } as DisclosureRequest;
}

describe("toAuditRecord", () => {
  it("keeps ids, sorted labels, the recipient, purpose, circumstances and the decision's grounds", () => {
    const asked = deepFreeze(sensitiveRequest());
    const decision = checkDisclosure(asked, { policy });
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

  it("records a decision on an unreadable request with what can be read", () => {
    const asked = { ...request(), purpose: "FUN" } as never as DisclosureRequest;
    const record = toAuditRecord(asked, checkDisclosure(asked, { policy }), { decisionId: "d", at: request().at });
    expect([record.purpose, record.basis, record.effect]).toEqual(["FUN", "invalid-request", "deny"]);
  });

  it("copies the decision's lists, so changing the record cannot change the decision", () => {
    const asked = request();
    const decision = checkDisclosure(asked, { policy });
    const record = toAuditRecord(asked, decision, { decisionId: "d", at: asked.at });
    (record.determiningRules as string[]).push("tampered");
    expect(decision.determiningRules).toEqual(["with-consent"]);
  });

  it.each([
    [
      "an empty decision id",
      { decisionId: "", at: "2026-03-10T10:00:01-05:00" },
      /decisionId must be a non-empty string/,
    ],
    ["a moment without an offset", { decisionId: "d", at: "2026-03-10T10:00:01" }, /at must be an ISO 8601 instant/],
    ["no options", undefined, /decisionId must be/],
  ])("throws invalid-argument for %s", (_, options, message) => {
    const asked = request();
    const decision = checkDisclosure(asked, { policy });
    expect(() => toAuditRecord(asked, decision, options as never)).toThrow(GroupworkError);
    expect(() => toAuditRecord(asked, decision, options as never)).toThrow(message);
  });

  it("throws invalid-argument for a request without information or recipient", () => {
    const decision = checkDisclosure(request(), { policy });
    const options = { decisionId: "d", at: "2026-03-10T10:00:01-05:00" };
    expect(() => toAuditRecord({ ...request(), recipient: null } as never, decision, options)).toThrow(
      /request must have information \(with labels\) and recipient objects/,
    );
    const unlabelled = { ...request(), information: { kind: "roster", groupId: "g" } } as never;
    expect(() => toAuditRecord(unlabelled, decision, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(null as never, decision, options)).toThrow(GroupworkError);
    expect(() => toAuditRecord(request(), { effect: "permit" } as never, options)).toThrow(
      /decision must be a decision from checkDisclosure/,
    );
    expect(() => toAuditRecord(request(), null as never, options)).toThrow(GroupworkError);
  });
});
