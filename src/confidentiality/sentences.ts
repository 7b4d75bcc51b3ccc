// Where sentences start and quotations open, read from the original text of a note: the rules that tell a name from a
// common word ("Hope was quiet" opens a sentence) and a possessive apostrophe from a closing quotation mark. Private to
// the room.
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { ignoredBefore, isWordAt } from "./fold.js";

// Characters between a sentence's end and its first word: spaces, quotes, brackets, emphasis marks.
const BEFORE_WORD = /* @__PURE__ */ new Set(
  " \t\u00a0\u2009\u202f\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201a([{)]}\u00bf\u00a1*_",
);
const LINE_BREAKS = /* @__PURE__ */ new Set("\n\r\u2028\u2029\u0085");
const HORIZONTAL_SPACE = /[^\S\n\r\u2028\u2029\u0085]/u;
// A full stop after these does not end a sentence ("Dr. Grace", "Mr. Will"); single letters are initials or "e.g.".
const ABBREVIATIONS = /* @__PURE__ */ new Set([
  "mr",
  "mrs",
  "ms",
  "mx",
  "dr",
  "prof",
  "st",
  "sr",
  "jr",
  "rev",
  "fr",
  "vs",
  "cf",
  "approx",
]);

const LAST_WORD = /\p{L}+$/u;

function endsAbbreviation(text: string, stop: number): boolean {
  // Abbreviations are short: the last eight characters before the full stop are enough to read one.
  const word = LAST_WORD.exec(text.slice(Math.max(0, stop - 8), stop))?.[0].toLowerCase() ?? "";
  return word.length === 1 || ABBREVIATIONS.has(word);
}

function atLineStart(text: string, from: number): boolean {
  let i = from;
  while (i >= 0 && HORIZONTAL_SPACE.test(text[i] ?? "")) i--;
  return i < 0 || LINE_BREAKS.has(text[i] ?? "");
}

// A position outside the text would read nothing and answer wrongly, or (at Infinity) never stop reading.
function checkPosition(caller: string, text: unknown, start: unknown): void {
  if (typeof text !== "string") {
    throw new GroupworkError("invalid-argument", `${caller}: text must be a string, not ${describeValue(text)}.`);
  }
  if (!Number.isSafeInteger(start) || (start as number) < 0 || (start as number) > text.length) {
    throw new GroupworkError(
      "invalid-argument",
      `${caller}: start must be a position in the text, from 0 to ${text.length}, not ${describeValue(start)}.`,
    );
  }
}

/**
 * Whether the word at `start` of the original text begins a sentence: it opens the text or a line (a list item
 * included), or follows a full stop, question mark, exclamation mark or ellipsis, past any quotes and brackets.
 */
export function startsSentence(text: string, start: number): boolean {
  checkPosition("startsSentence", text, start);
  // Characters that fold to nothing (a colour code, a zero-width space) are read past, as a reader does not see them.
  let i = ignoredBefore(text, start) - 1;
  while (i >= 0 && BEFORE_WORD.has(text[i] ?? "")) i = ignoredBefore(text, i) - 1;
  if (i < 0) return true;
  const before = text[i] ?? "";
  if (LINE_BREAKS.has(before) || before === "!" || before === "?" || before === "\u2026") return true;
  if (before === ".") return !endsAbbreviation(text, i);
  if (before === "-" || before === "\u2022" || before === "\u2013") return atLineStart(text, i - 1);
  return false;
}

/**
 * Whether a single quotation opened before `start` on the same line is still open, so an apostrophe after the name
 * closes it ("she wrote 'ask Jamal'") rather than making a possessive ("Jamal' car"). An opening quote has no letter
 * before it and one after it; a closing quote the other way round; apostrophes inside words ("don't") are neither.
 */
export function insideSingleQuotes(folded: string, start: number): boolean {
  checkPosition("insideSingleQuotes", folded, start);
  // The nearest opening- or closing-shaped quote before `start` on the line decides. Reading back from `start` stops
  // there, so a line with many names is read about once in all, not once from its start for each name.
  for (let i = start - 1; i >= 0; i--) {
    const code = folded.charCodeAt(i);
    if (code === 10 || code === 13) return false;
    if (code !== 39) continue;
    const letterBefore = i > 0 && isWordAt(folded, i - 1);
    const letterAfter = isWordAt(folded, i + 1);
    if (!letterBefore && letterAfter) return true;
    // A closing-shaped apostrophe with no quotation open is a possessive ("Jamal' mother"): either way, none is open.
    if (letterBefore && !letterAfter) return false;
  }
  return false;
}
