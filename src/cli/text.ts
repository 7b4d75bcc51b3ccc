// Text helpers of the command's output: 80 columns, and counts with their nouns.

/** The width the command's text output keeps to. */
export const WIDTH = 80;

/** Wraps text into lines of at most `WIDTH` characters, every line after the first indented by `indent` spaces. */
export function wrap(text: string, indent: number, first = ""): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(/\s+/).filter((part) => part !== "")) {
    const candidate = line.trim() === "" || line.endsWith(" ") ? `${line}${word}` : `${line} ${word}`;
    if (candidate.length > WIDTH && line.trim() !== "") {
      lines.push(line);
      line = `${" ".repeat(indent)}${word}`;
    } else {
      line = candidate;
    }
  }
  lines.push(line);
  return lines.join("\n");
}

/** "1 error", "2 errors". */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/**
 * Text from a file as it may be shown on a terminal: every control character becomes a visible sign (C0 ones their
 * Unicode control picture, ␛ for ESC, ␊ for a line break; DEL ␡; C1 ones, line separators and bidirectional
 * overrides an escape such as \u009b), so a name in a record cannot move the cursor, clear the screen, set the
 * window's title, start a new line or reorder what follows. Nothing is dropped: each character still shows.
 */
export function visible(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g, (char) => {
    const code = char.charCodeAt(0);
    if (code < 0x20) return String.fromCharCode(0x2400 + code);
    if (code === 0x7f) return "\u2421";
    return `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/** A value the user gave or a file holds, in quotation marks, its control characters shown (see `visible`). */
export function quoted(text: string): string {
  return `"${visible(text)}"`;
}

/** A message as one line of standard error: line breaks and the space around them become one space, and every other
 * control character a visible sign (see `visible`). */
export function oneLine(text: string): string {
  return visible(text.replace(/[^\S\r\n\u2028\u2029]*[\r\n\u2028\u2029]+\s*/g, " "));
}

/** Every string in a value of plain data, deep, through `visible`; the value is copied, not changed. */
export function visibleStrings<T>(value: T): T {
  if (typeof value === "string") return visible(value) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => visibleStrings(item)) as T;
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, visibleStrings(item)])) as T;
  }
  return value;
}
