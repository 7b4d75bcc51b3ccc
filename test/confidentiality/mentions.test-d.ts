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
  type RedactMemberMentionsOptions,
  redactMemberMentions,
} from "../../src/confidentiality/index";
import type { GroupRecord, MemberId } from "../../src/model/index";

declare const record: GroupRecord;
declare const subject: MemberId;

describe("mention scanning types", () => {
  it("takes a parsed record's members, or any readonly list of plain-string ids and names, as the roster", () => {
    expectTypeOf(findMemberMentions("note", record.members, { subject })).toEqualTypeOf<MemberMention[]>();
    const frozen: readonly { readonly id: string; readonly displayName: string }[] = [];
    expectTypeOf(findMemberMentions("note", frozen, { subject: "m-hope" })).toEqualTypeOf<MemberMention[]>();
  });

  it("takes the subject as a plain string id, in the same option for every function", () => {
    expectTypeOf(findMemberMentions("note", record.members, { subject: "m-hope" })).toEqualTypeOf<MemberMention[]>();
    expectTypeOf<FindMemberMentionsOptions["subject"]>().toEqualTypeOf<string>();
    expectTypeOf<CheckIndividualNoteOptions["subject"]>().toEqualTypeOf<string>();
    expectTypeOf<RedactMemberMentionsOptions["subject"]>().toEqualTypeOf<string>();
    // @ts-expect-error the subject is required
    findMemberMentions("note", record.members, {});
    // @ts-expect-error the subject is required here too
    checkIndividualNote("note", record.members, { strict: true });
    // @ts-expect-error an id is text, not a number
    findMemberMentions("note", record.members, { subject: 7 });
    expectTypeOf<FindMemberMentionsOptions["strict"]>().toEqualTypeOf<boolean | undefined>();
  });

  it("says a shared name has no single member: memberId and matchedAs may be null", () => {
    expectTypeOf<MemberMention["memberId"]>().toEqualTypeOf<MemberId | null>();
    expectTypeOf<MemberMention["matchedAs"]>().toEqualTypeOf<MentionKind | null>();
    expectTypeOf<MemberMention["candidates"][number]["memberId"]>().toEqualTypeOf<MemberId>();
    expectTypeOf<MentionKind>().toEqualTypeOf<"display-name" | "preferred-name" | "first-name">();
  });

  it("redacts and checks with the same options as the scan", () => {
    expectTypeOf(
      redactMemberMentions("note", record.members, { subject, replacement: "a peer" }),
    ).toEqualTypeOf<MemberMentionRedaction>();
    expectTypeOf(checkIndividualNote("note", record.members, { subject })).toEqualTypeOf<IndividualNoteCheck>();
    expectTypeOf<CheckIndividualNoteOptions>().toEqualTypeOf<FindMemberMentionsOptions>();
    expectTypeOf<IndividualNoteCheck["problems"][number]["code"]>().toEqualTypeOf<"names-another-member">();
  });

  it("keeps the default common-word list read-only", () => {
    expectTypeOf(defaultCommonWordNames).toEqualTypeOf<readonly string[]>();
    // @ts-expect-error the default list cannot be changed
    defaultCommonWordNames.push("Joy");
  });
});
