import { describe, expectTypeOf, it } from "vitest";
import {
  type CheckIndividualNoteOptions,
  checkIndividualNote,
  defaultCommonWordNames,
  type FindMemberMentionsOptions,
  findMemberMentions,
  type IndividualNoteCheck,
  type MemberMention,
  type MemberMentionRedaction,
  type MentionKind,
  redactMemberMentions,
} from "../../src/confidentiality/index";
import type { GroupRecord, MemberId } from "../../src/model/index";

declare const record: GroupRecord;
declare const subject: MemberId;

describe("mention scanning types", () => {
  it("takes a parsed record's members, or any readonly list of ids and names, as the roster", () => {
    expectTypeOf(findMemberMentions("note", record.members, { subject })).toEqualTypeOf<MemberMention[]>();
    const frozen: readonly { id: MemberId; displayName: string }[] = [];
    expectTypeOf(findMemberMentions("note", frozen, { subject })).toEqualTypeOf<MemberMention[]>();
  });

  it("needs a subject that is a member id, not any string", () => {
    // @ts-expect-error the subject is a MemberId
    findMemberMentions("note", record.members, { subject: "m-hope" });
    // @ts-expect-error the subject is required
    findMemberMentions("note", record.members, {});
    expectTypeOf<FindMemberMentionsOptions["strict"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("says a shared name has no single member: memberId and matchedAs may be null", () => {
    expectTypeOf<MemberMention["memberId"]>().toEqualTypeOf<MemberId | null>();
    expectTypeOf<MemberMention["matchedAs"]>().toEqualTypeOf<MentionKind | null>();
    expectTypeOf<MemberMention["candidates"][number]["memberId"]>().toEqualTypeOf<MemberId>();
    expectTypeOf<MentionKind>().toEqualTypeOf<"display-name" | "preferred-name" | "first-name">();
  });

  it("redacts and checks with the same options, the check taking its subject apart", () => {
    expectTypeOf(
      redactMemberMentions("note", record.members, { subject, replacement: "a peer" }),
    ).toEqualTypeOf<MemberMentionRedaction>();
    expectTypeOf(checkIndividualNote("note", record.members, subject)).toEqualTypeOf<IndividualNoteCheck>();
    expectTypeOf<CheckIndividualNoteOptions>().not.toHaveProperty("subject");
    expectTypeOf<IndividualNoteCheck["problems"][number]["code"]>().toEqualTypeOf<"names-another-member">();
  });

  it("keeps the default common-word list read-only", () => {
    expectTypeOf(defaultCommonWordNames).toEqualTypeOf<readonly string[]>();
    // @ts-expect-error the default list cannot be changed
    defaultCommonWordNames.push("Joy");
  });
});
