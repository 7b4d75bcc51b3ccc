// Names hidden by characters a reader does not see: terminal colour codes, control characters and format characters
// (Unicode Cf) in or around a name must not let a note through the individual-note check. Offsets stay true to the
// note as written, and a redaction takes the whole name, with whatever stands inside it, and nothing around it.
import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import {
  checkIndividualNote,
  findMemberMentions,
  type MentionableMember,
  redactMemberMentions,
} from "../../src/confidentiality/index";
import { type MemberId, parseGroupRecord } from "../../src/model/index";
import { sampleGroupRecord } from "../../src/sample/index";

function sampleClients(): MentionableMember[] {
  const parsed = parseGroupRecord(sampleGroupRecord);
  if (!parsed.ok) throw new Error("the sample group parses");
  const clients = new Set(parsed.value.memberships.filter((m) => m.role === "member").map((m) => m.memberId));
  return parsed.value.members.filter((member) => clients.has(member.id));
}

const roster = sampleClients();
const hope = { subject: "m-hope" };
const ESC = "\u001b";

/** [start, end, text, memberId] of each mention: what the tests below compare with offsets worked out by hand. */
const spans = (text: string, options: { subject: string; strict?: boolean } = hope) =>
  findMemberMentions(text, roster, options).map((m) => [m.start, m.end, m.text, m.memberId]);

describe("checkIndividualNote: names inside terminal colour codes and invisible characters", () => {
  it("finds William Chen inside colour codes (the fuzzer's note)", () => {
    const text = `${ESC}[1mWilliam Chen${ESC}[0m`;
    const check = checkIndividualNote(text, roster, hope);
    expect(check.ok).toBe(false);
    // By hand: ESC [ 1 m is 4 units, "William Chen" 12.
    expect(check.problems.map((p) => [p.start, p.end, p.memberIds])).toEqual([[4, 16, ["m-will"]]]);
  });

  it.each<[string, string, number, number]>([
    ["a NUL before it", "\u0000William", 1, 8],
    ["a zero-width space before it", "\u200bWilliam", 1, 8],
    ["a right-to-left override before it", "\u202eWilliam", 1, 8],
    ["a soft hyphen inside it", "Wil\u00adliam", 0, 8],
    ["a NUL inside it", "Wil\u0000liam", 0, 8],
    ["a bell inside it", "Wil\u0007liam", 0, 8],
    ["DEL inside it", "Wil\u007fliam", 0, 8],
    ["a C1 control inside it", "Wil\u0090liam", 0, 8],
    ["the 8-bit CSI control inside it", "Wil\u009bliam", 0, 8],
    ["a lone ESC inside it", `Wil${ESC}liam`, 0, 8],
    ["a colour code inside it", `Wil${ESC}[38;5;196mliam`, 0, 18],
    ["a colour reset with no parameter inside it", `Wil${ESC}[mliam`, 0, 10],
    ["an erase-line code inside it", `Wil${ESC}[Kliam`, 0, 10],
    ["a tag character (a surrogate pair) inside it", "Wil\u{e0041}liam", 0, 9],
    ["a byte order mark inside it", "Wil\ufeffliam", 0, 8],
  ])("finds William with %s", (_, text, start, end) => {
    const check = checkIndividualNote(text, roster, hope);
    expect(check.ok).toBe(false);
    expect(check.problems.map((p) => [p.start, p.end])).toEqual([[start, end]]);
    expect(check.mentions[0]?.text).toBe(text.slice(start, end));
  });

  it("reads past the escape sequences that coloured terminal output holds between a label and a name", () => {
    // `tput sgr0` writes ESC ( B ESC [ m; `tput sc` writes ESC 7.
    expect(spans(`Client:${ESC}(B${ESC}[mWilliam Chen`)).toEqual([[13, 25, "William Chen", "m-will"]]);
    expect(spans(`Seen by ${ESC}7Jamal${ESC}8 today`)).toEqual([[10, 15, "Jamal", "m-jamal"]]);
  });

  it("keeps the white space control characters as the spaces they are", () => {
    expect(spans("William\r\nChen")).toEqual([[0, 13, "William\r\nChen", "m-will"]]);
    expect(spans("Jamal\tPrice")).toEqual([[0, 11, "Jamal\tPrice", "m-jamal"]]);
  });

  it("reads a common-word name after a colour code as a reader does: not at a sentence's start, yes mid-sentence", () => {
    const lena = { subject: "m-lena" };
    const opening = checkIndividualNote(`${ESC}[1mHope${ESC}[0m was quiet.`, roster, lena);
    expect([opening.ok, opening.advice.length]).toEqual([true, 1]);
    const middle = checkIndividualNote(`Lena sat with ${ESC}[1mHope${ESC}[0m.`, roster, lena);
    expect(middle.problems.map((p) => [p.start, p.end, p.memberIds])).toEqual([[18, 22, ["m-hope"]]]);
  });
});

describe("redactMemberMentions: offsets into the note as written", () => {
  it("replaces a coloured name and keeps the colour codes around it", () => {
    const text = `Seen: ${ESC}[1;31mWilliam Chen${ESC}[0m, then Tom.`;
    const redaction = redactMemberMentions(text, roster, hope);
    // By hand: "Seen: " 6, ESC [ 1 ; 3 1 m 7 → William Chen at 13–25; ESC [ 0 m 4 → ", then " at 29, Tom at 36–39.
    expect(redaction.replaced.map((m) => [m.start, m.end, m.text])).toEqual([
      [13, 25, "William Chen"],
      [36, 39, "Tom"],
    ]);
    expect(redaction.text).toBe(`Seen: ${ESC}[1;31manother member${ESC}[0m, then another member.`);
  });

  it("takes a colour code that stands inside a name with the name", () => {
    const text = `She sat by Wil${ESC}[4mliam${ESC}[24m Chen.`;
    const redaction = redactMemberMentions(text, roster, hope);
    // By hand: "She sat by " 11; Wil 11–14, ESC [ 4 m 14–18, liam 18–22, ESC [ 2 4 m 22–27, " Chen" 27–32.
    expect(redaction.replaced.map((m) => [m.start, m.end, m.text, m.matchedAs])).toEqual([
      [11, 32, `Wil${ESC}[4mliam${ESC}[24m Chen`, "display-name"],
    ]);
    expect(redaction.text).toBe("She sat by another member.");
  });

  it("takes invisible characters inside a name and leaves those before and after it", () => {
    const text = "Notes: \u200bJam\u00adal\u0007\u200b left.";
    // By hand: "Notes: " 7, ZWSP 7; J a m 8–11, soft hyphen 11, a l 12–14; BEL 14 and ZWSP 15 stay.
    expect(spans(text)).toEqual([[8, 14, "Jam\u00adal", "m-jamal"]]);
    expect(redactMemberMentions(text, roster, hope).text).toBe("Notes: \u200banother member\u0007\u200b left.");
  });

  it("keeps a possessive after a colour reset and capitalises at the start of the note", () => {
    const text = `${ESC}[1mWill${ESC}[0m's poem moved her.`;
    const redaction = redactMemberMentions(text, roster, hope);
    expect(redaction.replaced.map((m) => [m.start, m.end, m.text, m.possessive])).toEqual([[4, 8, "Will", true]]);
    expect(redaction.text).toBe(`${ESC}[1mAnother member${ESC}[0m's poem moved her.`);
  });

  it("writes capitals for a name in capitals, a colour code inside it or not", () => {
    expect(redactMemberMentions(`They saw WIL${ESC}[1mLIAM${ESC}[0m today.`, roster, hope).text).toBe(
      `They saw ANOTHER MEMBER${ESC}[0m today.`,
    );
  });

  it("finds nothing in its own output", () => {
    const text = `${ESC}[32mWil\u200bliam${ESC}[0m and So\u0000fía met ${ESC}[1mTom${ESC}[0m.`;
    const { text: written, replaced } = redactMemberMentions(text, roster, hope);
    expect(replaced.map((m) => m.memberId)).toEqual(["m-will", "m-sofia", "m-tomasz"]);
    expect(findMemberMentions(written, roster, hope)).toEqual([]);
  });
});

// What may be slipped into a name: a colour code (SGR, ESC [ parameters m), a control character that is not white
// space (C0, DEL, C1), or a format character (every code point of category Cf, found by the engine's own Unicode data).
const WHITE_SPACE_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x85]);
const CONTROLS: number[] = [];
for (let code = 0; code <= 0x9f; code++) {
  if ((code < 0x20 || code >= 0x7f) && !WHITE_SPACE_CONTROLS.has(code)) CONTROLS.push(code);
}
const FORMAT: number[] = [];
for (let code = 0; code <= 0x10ffff; code++) {
  if (/^\p{Cf}$/u.test(String.fromCodePoint(code))) FORMAT.push(code);
}
const sgr = fc
  .array(fc.integer({ min: 0, max: 255 }), { maxLength: 4 })
  .map((parameters) => `${ESC}[${parameters.join(";")}m`);
const hidden = fc.oneof(
  sgr,
  fc.constantFrom(...CONTROLS).map((code) => String.fromCodePoint(code)),
  fc.constantFrom(...FORMAT).map((code) => String.fromCodePoint(code)),
);

// Each name of each client as a note writes it, mid-sentence, with the member the sample record says it is.
const NAMED: [string, MemberId][] = roster.flatMap((member) => {
  const names = [member.displayName, member.displayName.split(" ")[0] ?? ""];
  if (member.preferredName !== undefined) names.push(member.preferredName);
  return names.map((name): [string, MemberId] => [name, member.id as MemberId]);
});
const AROUND: [string, string][] = [
  ["The worker saw ", " at the door."],
  ["Later, ", "'s coat was found."],
  ["She sat with ", ", then left."],
  ["Notes (", ")"],
];

describe("checkIndividualNote, whatever is slipped into a name", () => {
  test.prop(
    [
      fc.constantFrom(...NAMED),
      fc.constantFrom(...AROUND),
      fc.array(fc.tuple(fc.nat(), fc.array(hidden, { minLength: 1, maxLength: 3 })), { minLength: 1, maxLength: 4 }),
    ],
    { numRuns: 400 },
  )(
    "never lets a note that names a member through, and reports the whole name as written",
    ([name, memberId], [before, after], insertions) => {
      const subject = memberId === "m-lena" ? "m-hope" : "m-lena";
      const plain = `${before}${name}${after}`;
      const found = checkIndividualNote(plain, roster, { subject });
      // The note without anything slipped in names the member, where the template put the name.
      expect(found.ok).toBe(false);
      expect(found.mentions.map((m) => [m.start, m.end, m.memberId])).toContainEqual([
        before.length,
        before.length + name.length,
        memberId,
      ]);
      // Slip the pieces in between the name's characters (positions 1 to length − 1, never at its edges).
      const pieces = new Map<number, string>();
      for (const [at, slipped] of insertions) {
        const position = 1 + (at % (name.length - 1));
        pieces.set(position, (pieces.get(position) ?? "") + slipped.join(""));
      }
      let written = "";
      for (let k = 0; k < name.length; k++) written += (pieces.get(k) ?? "") + name[k];
      const note = `${before}${written}${after}`;
      const check = checkIndividualNote(note, roster, { subject });
      expect(check.ok).toBe(false);
      expect(check.mentions.map((m) => [m.start, m.end, m.text, m.memberId])).toContainEqual([
        before.length,
        before.length + written.length,
        written,
        memberId,
      ]);
      const redaction = redactMemberMentions(note, roster, { subject });
      expect(redaction.text).not.toContain(written);
    },
  );
});
