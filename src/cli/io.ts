// What a command reads and writes. main.ts connects it to the process; the in-process tests give it strings.
import { readFile } from "node:fs/promises";

/** Parsed arguments handed to a command: option values by name, and positionals in order. */
export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

/** The streams and terminal facts a command uses; nothing else of the process. */
export interface CommandIo {
  /** Writes to standard output. */
  readonly out: (text: string) => void;
  /** Writes to standard error. */
  readonly err: (text: string) => void;
  /** Reads all of standard input as UTF-8 text. */
  readonly readStdin: () => Promise<string>;
  /** Whether standard output is a terminal that should be coloured (a TTY, and `NO_COLOR` unset or empty). */
  readonly color: boolean;
}

/**
 * A failure the command reports as one line on standard error, with its exit code: 2 for input it cannot use (a
 * usage mistake, a file it cannot read, text that is not JSON, a record too broken to work on), 1 for a "no" that is
 * the command's answer (`validate` finding problems is not an error, so it does not throw this).
 */
export class CommandError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = "CommandError";
    this.exitCode = exitCode;
  }
}

/** How a command names its input in messages: the path as given, or "(standard input)" for `-`. */
export function inputName(path: string): string {
  return path === "-" ? "(standard input)" : `"${path}"`;
}

/** Reads a file, or standard input for `-`, as UTF-8 text; a file that cannot be read is a CommandError. */
export async function readText(path: string, io: CommandIo, what: string): Promise<string> {
  if (path === "-") return io.readStdin();
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === "ENOENT"
        ? "there is no such file"
        : code === "EISDIR"
          ? "it is a folder, not a file"
          : code === "EACCES" || code === "EPERM"
            ? "permission denied"
            : String((error as { message?: unknown }).message ?? error);
    throw new CommandError(`cannot read ${what} ${inputName(path)}: ${why}.`);
  }
}

/** Reads a file (or `-`) and parses it as JSON; text that is not JSON is a CommandError naming where it fails. */
export async function readJson(path: string, io: CommandIo, what: string): Promise<unknown> {
  const text = await readText(path, io, what);
  // A byte-order mark, which some Windows editors write, is not part of the JSON.
  const json = text.replace(/^\uFEFF/, "");
  try {
    return JSON.parse(json);
  } catch (error) {
    throw new CommandError(`${what} ${inputName(path)} is not JSON: ${jsonProblem(error, json)}.`);
  }
}

/**
 * What JSON.parse found wrong, without the piece of the file V8 quotes (a record holds personal data, and an error
 * line ends up in logs): the position becomes a line and column.
 */
function jsonProblem(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // Everything from V8's first quotation of the text on is left out, and so is the character it names.
  const withoutQuote = message
    .replace(/,?\s*(\.\.\.)?".*$/s, "")
    .replace(/^Unexpected token '.*?'/s, "Unexpected character")
    .replace(/ in JSON/, "");
  return withoutQuote.replace(/ at position (\d+)(?: \(line \d+ column \d+\))?/, (_, offset: string) => {
    const before = text.slice(0, Number(offset));
    const line = before.split("\n").length;
    const column = Number(offset) - before.lastIndexOf("\n");
    return ` at line ${line}, column ${column}`;
  });
}

/** Writes a value as pretty JSON with a final newline. */
export function writeJson(io: CommandIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}

const styles = { bold: [1, 22], dim: [2, 22], red: [31, 39], green: [32, 39], yellow: [33, 39], cyan: [36, 39] };

/** The text in a terminal style when the output is coloured, else the text unchanged. */
export function paint(io: CommandIo, style: keyof typeof styles, text: string): string {
  const [on, off] = styles[style];
  return io.color ? `\u001B[${on}m${text}\u001B[${off}m` : text;
}
