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
