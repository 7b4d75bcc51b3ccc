// The public types hosts lean on: a request is plain JSON, the model's consents fit it, decisions are narrow unions.
import { describe, expectTypeOf, it } from "vitest";
import {
  type AuditRecordOptions,
  type ConsentFacts,
  checkDisclosure,
  type DecisionBasis,
  type DisclosureDecision,
  type DisclosureObligation,
  type DisclosureRequest,
  type DisclosureRule,
  type RuleCondition,
  type Truth,
} from "../../src/confidentiality/index";
import type { Consent, GroupRecordInput } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

describe("disclosure types", () => {
  it("accepts a request written as plain JSON, with plain-string ids", () => {
    const request = {
      information: {
        kind: "attendance",
        memberId: "m-hope",
        groupId: "g-1",
        labels: { confidentiality: "N", sensitivity: [], law: [] },
      },
      recipient: { kind: "payer" },
      purpose: "HPAYMT",
      at: "2026-03-10T10:00:00-05:00",
    } as const;
    expectTypeOf(request).toExtend<DisclosureRequest>();
    expectTypeOf(checkDisclosure(request)).toEqualTypeOf<DisclosureDecision>();
  });

  it("takes the model's parsed consents, its wire consents and the sample group's frozen ones alike", () => {
    type ConsentOnFile = NonNullable<DisclosureRequest["consents"]>[number];
    expectTypeOf<Consent>().toExtend<ConsentOnFile>();
    expectTypeOf<NonNullable<GroupRecordInput["consents"]>[number]>().toExtend<ConsentOnFile>();
    expectTypeOf(sampleGroupRecord.consents).toExtend<readonly ConsentOnFile[]>();
    // Ids are plain strings on the way in; rules read the same consents back.
    expectTypeOf<ConsentOnFile["id"]>().toEqualTypeOf<string>();
    expectTypeOf<ConsentFacts["granting"][number]>().toEqualTypeOf<ConsentOnFile>();
  });

  it("takes a Date or text for the moment an audit record is written, and text for the request's moment", () => {
    expectTypeOf<AuditRecordOptions["at"]>().toEqualTypeOf<string | Date>();
    expectTypeOf<DisclosureRequest["at"]>().toEqualTypeOf<string>();
  });

  it("keeps the decision's codes narrow", () => {
    expectTypeOf<DisclosureDecision["effect"]>().toEqualTypeOf<"permit" | "deny">();
    expectTypeOf<DisclosureDecision["basis"]>().toEqualTypeOf<DecisionBasis>();
    expectTypeOf<DisclosureDecision["obligations"][number]>().toEqualTypeOf<DisclosureObligation>();
    expectTypeOf<DisclosureRequest>().not.toHaveProperty("text");
  });

  it("lets a condition answer true, false or unknown, and nothing else", () => {
    expectTypeOf<ReturnType<RuleCondition>>().toEqualTypeOf<Truth>();
    expectTypeOf<Truth>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<(request: DisclosureRequest) => string>().not.toExtend<RuleCondition>();
    expectTypeOf<DisclosureRule["effect"]>().toEqualTypeOf<"permit" | "forbid">();
  });
});
