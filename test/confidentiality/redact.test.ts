import { describe, expect, it } from "vitest";
import { findMemberMentions, type MentionableMember, redactMemberMentions } from "../../src/confidentiality/index";
import { GroupworkError, type MemberId } from "../../src/model/index";
import { corpusNotes, corpusRoster, readMarkedNote } from "./fixtures/notes";

const id = (value: string) => value as MemberId;
const subject = id("m-hope");
const roster: MentionableMember[] = [
  { id: id("m-hope"), displayName: "Hope Martin" },
  { id: id("m-will"), displayName: "William Chen", preferredName: "Will" },
  { id: id("m-jamal"), displayName: "Jamal Price" },
  { id: id("m-zoe"), displayName: "Zoë Adams" },
];

const redact = (text: string, replacement?: string) =>
  redactMemberMentions(text, roster, replacement === undefined ? { subject } : { subject, replacement }).text;

describe("redactMemberMentions", () => {
  it("replaces each mention with another member and says what it replaced, with offsets into the original", () => {
    const result = redactMemberMentions("Hope sat with Jamal and William Chen.", roster, { subject });
    expect(result.text).toBe("Hope sat with another member and another member.");
    expect(result.replaced.map((m) => [m.start, m.end, m.memberId])).toEqual([
      [14, 19, "m-jamal"],
      [24, 36, "m-will"],
    ]);
  });

  it("keeps possessives: 's stays, and a bare apostrophe becomes 's in the same apostrophe", () => {
    expect(redact("She liked Will's poem and Will’s joke.")).toBe(
      "She liked another member's poem and another member’s joke.",
    );
    expect(redact("She drove Jamal' mother and Jamal’ sister home.")).toBe(
      "She drove another member's mother and another member’s sister home.",
    );
  });

  it("leaves a closing quotation mark alone", () => {
    expect(redact("She wrote 'call Jamal' on her plan.")).toBe("She wrote 'call another member' on her plan.");
  });

  it("capitalises at a sentence start and writes capitals where the name was in capitals", () => {
    expect(redact("Jamal left. Will's mother called.")).toBe("Another member left. Another member's mother called.");
    expect(redact("SHE THANKED JAMAL AND WILL'S WIFE.")).toBe("SHE THANKED ANOTHER MEMBER AND ANOTHER MEMBER'S WIFE.");
    expect(redact("J. and Zoe\u0308 came")).toBe("J. and another member came");
  });

  it("writes the replacement the caller chose", () => {
    expect(redact("Hope thanked Jamal.", "a peer")).toBe("Hope thanked a peer.");
    expect(redact("Jamal's turn.", "a peer")).toBe("A peer's turn.");
  });

  it("keeps accents and everything around the names as written, including decomposed letters", () => {
    expect(redact("Café talk: Zoe\u0308's son, naïve Jamal\n— ok")).toBe(
      "Café talk: another member's son, naïve another member\n— ok",
    );
  });

  it("returns the note unchanged when it names nobody else", () => {
    const text = "Hope was quiet; we will meet again.";
    expect(redactMemberMentions(text, roster, { subject })).toEqual({ text, replaced: [] });
  });

  it("leaves no mention in any note of the corpus", () => {
    for (const entry of corpusNotes) {
      const { text } = readMarkedNote(entry.marked);
      const options = { subject: entry.subject, strict: entry.strict ?? false };
      const redacted = redactMemberMentions(text, corpusRoster, options);
      expect(findMemberMentions(redacted.text, corpusRoster, options), redacted.text).toEqual([]);
      expect(redacted.replaced).toEqual(findMemberMentions(text, corpusRoster, options));
    }
  });

  it.each([
    ["an empty replacement", { subject, replacement: "" }, /replacement must be some text, such as "a peer"; got ""/],
    [
      "a replacement that is not text",
      { subject, replacement: 3 as unknown as string },
      /replacement must be some text/,
    ],
    ["no subject", {} as { subject: MemberId }, /^redactMemberMentions: subject must be the id/],
  ])("throws invalid-argument for %s", (_, options, message) => {
    const call = () => redactMemberMentions("Jamal", roster, options);
    expect(call).toThrow(GroupworkError);
    expect(call).toThrow(message);
  });

  it("throws invalid-argument when options are missing", () => {
    expect(() => redactMemberMentions("Jamal", roster, undefined as unknown as { subject: MemberId })).toThrow(
      /redactMemberMentions: options must be an object/,
    );
  });
});
