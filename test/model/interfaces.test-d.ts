import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type {
  AgreementSignature,
  AgreementSignatureSchema,
  AttendanceRecord,
  AttendanceRecordSchema,
  Consent,
  ConsentSchema,
  Group,
  GroupAgreement,
  GroupAgreementSchema,
  GroupRecord,
  GroupRecordSchema,
  GroupSchema,
  InteractionAct,
  InteractionActSchema,
  Member,
  MemberSchema,
  Membership,
  MembershipPeriod,
  MembershipPeriodSchema,
  MembershipSchema,
  Party,
  PartySchema,
  RecordedStageEvent,
  RecordedStageEventSchema,
  Session,
  SessionSchema,
  Turn,
  TurnSchema,
} from "../../src/model/index";

// The model types are written out as interfaces so editors and typedoc show each field's documentation. These
// assertions keep them equal to what the schemas parse to: a field added, dropped, renamed, made optional or given a
// default in a schema fails here until its interface says the same.

describe("the model interfaces equal what their schemas parse to", () => {
  it("Group", () => {
    expectTypeOf<Group>().toEqualTypeOf<z.infer<typeof GroupSchema>>();
  });

  it("Member", () => {
    expectTypeOf<Member>().toEqualTypeOf<z.infer<typeof MemberSchema>>();
  });

  it("Membership and MembershipPeriod", () => {
    expectTypeOf<Membership>().toEqualTypeOf<z.infer<typeof MembershipSchema>>();
    expectTypeOf<MembershipPeriod>().toEqualTypeOf<z.infer<typeof MembershipPeriodSchema>>();
  });

  it("Session", () => {
    expectTypeOf<Session>().toEqualTypeOf<z.infer<typeof SessionSchema>>();
  });

  it("AttendanceRecord", () => {
    expectTypeOf<AttendanceRecord>().toEqualTypeOf<z.infer<typeof AttendanceRecordSchema>>();
  });

  it("Turn and InteractionAct", () => {
    expectTypeOf<Turn>().toEqualTypeOf<z.infer<typeof TurnSchema>>();
    expectTypeOf<InteractionAct>().toEqualTypeOf<z.infer<typeof InteractionActSchema>>();
  });

  it("AgreementSignature and GroupAgreement", () => {
    expectTypeOf<AgreementSignature>().toEqualTypeOf<z.infer<typeof AgreementSignatureSchema>>();
    expectTypeOf<GroupAgreement>().toEqualTypeOf<z.infer<typeof GroupAgreementSchema>>();
  });

  it("Party and Consent", () => {
    expectTypeOf<Party>().toEqualTypeOf<z.infer<typeof PartySchema>>();
    expectTypeOf<Consent>().toEqualTypeOf<z.infer<typeof ConsentSchema>>();
  });

  it("RecordedStageEvent", () => {
    expectTypeOf<RecordedStageEvent>().toEqualTypeOf<z.infer<typeof RecordedStageEventSchema>>();
  });

  it("GroupRecord", () => {
    expectTypeOf<GroupRecord>().toEqualTypeOf<z.infer<typeof GroupRecordSchema>>();
  });
});
