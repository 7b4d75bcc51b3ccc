// What a command reads and writes. main.ts connects it to the process; the in-process tests give it strings.
import { open } from "node:fs/promises";
import { quoted } from "./text.js";

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
  /** Reads all of standard input as UTF-8 text; rejects with an `InputProblem` when it is too large or not UTF-8. */
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
  return path === "-" ? "(standard input)" : quoted(path);
}

/**
 * Input that is not text the command can read, found while reading it: `too-large` when it cannot be held as a string
 * at all, `not-text` when it is not UTF-8 text. `readText` turns it into a CommandError naming the input.
 */
export class InputProblem extends Error {
  readonly kind: "too-large" | "not-text";

  constructor(kind: "too-large" | "not-text", message: string) {
    super(message);
    this.name = "InputProblem";
    this.kind = kind;
  }
}

/** The most bytes read from one input: V8's longest string, which no larger input can be decoded into. */
export const MAX_INPUT_BYTES = 0x1fff_ffe8;
const CHUNK_BYTES = 1 << 20;

/** The input is larger than any string; said once, for files and standard input alike. */
export function tooLarge(): InputProblem {
  return new InputProblem("too-large", `it is larger than ${Math.floor(MAX_INPUT_BYTES / 2 ** 20)} MB`);
}

/**
 * The index of the first byte that does not belong to well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), or -1 when every byte does.
 */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const lead = bytes[index] as number;
    if (lead < 0x80) {
      index += 1;
      continue;
    }
    // The continuation bytes a lead byte takes, and the range its first continuation byte must fall in.
    let follow: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) follow = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      follow = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      follow = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else return index;
    const second = bytes[index + 1];
    if (second === undefined || second < low || second > high) return index;
    for (let offset = 2; offset <= follow; offset++) {
      const next = bytes[index + offset];
      if (next === undefined || (next & 0xc0) !== 0x80) return index;
    }
    index += follow + 1;
  }
  return -1;
}

/** "line 3, column 7" of a position in a text, both counted from 1, the column in characters (code points). */
function placeIn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  const line = before.split("\n").length;
  const column = [...before.slice(lineStart)].length + 1;
  return `line ${line}, column ${column}`;
}

/**
 * Decodes bytes as UTF-8 text, keeping a byte-order mark. Text in another encoding is refused rather than read with
 * replacement characters: a Latin-1 "Sofía" read as "Sof\uFFFDa" is no longer the name a note check looks for, and a
 * spreadsheet's names would be imported changed without a word.
 */
export function decodeText(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputProblem("not-text", "it is UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8");
  }
  const bad = firstNonUtf8Byte(bytes);
  if (bad >= 0) {
    const before = Buffer.from(bytes.buffer, bytes.byteOffset, bad).toString("utf8");
    throw new InputProblem(
      "not-text",
      `the byte at ${placeIn(before, before.length)} is not UTF-8 (a file saved as Latin-1 or Windows-1252?); save it as UTF-8`,
    );
  }
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("utf8");
}

/** Text holding a NUL character is UTF-16 without a byte-order mark, or not text at all: no name would be found in it. */
function refuseNul(text: string): void {
  const nul = text.indexOf("\u0000");
  if (nul >= 0) {
    throw new InputProblem(
      "not-text",
      `it holds a NUL character at ${placeIn(text, nul)}, so it is not plain text (UTF-16, or a binary file?); save it as UTF-8 text`,
    );
  }
}

/** Reads a whole file's bytes, refusing one larger than `MAX_INPUT_BYTES` (`/dev/zero` never ends). */
async function readBytes(path: string): Promise<Uint8Array> {
  const handle = await open(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
      const { bytesRead } = await handle.read(chunk, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > MAX_INPUT_BYTES) throw tooLarge();
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}

/**
 * Reads a file, or standard input for `-`, as UTF-8 text; a file that cannot be read, or is not UTF-8 text, is a
 * CommandError naming it.
 */
export async function readText(path: string, io: CommandIo, what: string): Promise<string> {
  try {
    const text = path === "-" ? await io.readStdin() : decodeText(await readBytes(path));
    refuseNul(text);
    return text;
  } catch (error) {
    if (error instanceof InputProblem) {
      throw new CommandError(
        error.kind === "too-large"
          ? `cannot read ${what} ${inputName(path)}: ${error.message}.`
          : `${what} ${inputName(path)} is not UTF-8 text: ${error.message}.`,
      );
    }
    // Standard input's own failures are not about a file: the dispatcher reports them as they are.
    if (path === "-") throw error;
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
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    throw new CommandError(`${what} ${inputName(path)} is not JSON: ${jsonProblem(error, json)}.`);
  }
  const twice = repeatedKey(json);
  if (twice !== undefined) {
    throw new CommandError(
      `${what} ${inputName(path)} has the key ${JSON.stringify(clip(twice.key))} twice in one object, the second at ${placeIn(json, twice.offset)}; JSON readers keep only one of them, so remove the other.`,
    );
  }
  return value;
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

/**
 * The first key that one object of a valid JSON text holds twice, and where its second one starts. JSON.parse keeps
 * the last and drops the others without a word: a record edited by hand with two "members" lists would lose the first.
 * Keys are compared as JSON reads them (`"a"` and `"\u0061"` are the same key). Iterative, for any depth.
 */
export function repeatedKey(json: string): { readonly key: string; readonly offset: number } | undefined {
  // One entry per open object (its keys so far) or list (null).
  const open: (Set<string> | null)[] = [];
  let expectKey = false;
  for (let index = 0; index < json.length; index++) {
    const char = json.charCodeAt(index);
    if (char === 0x22 /* " */) {
      let end = index + 1;
      let escaped = false;
      for (;;) {
        const inner = json.charCodeAt(end);
        if (inner === 0x5c /* \ */) {
          escaped = true;
          end += 2;
        } else if (inner === 0x22 || Number.isNaN(inner)) break;
        else end += 1;
      }
      const keys = open.at(-1);
      if (expectKey && keys) {
        const key = escaped ? (JSON.parse(json.slice(index, end + 1)) as string) : json.slice(index + 1, end);
        if (keys.has(key)) return { key, offset: index };
        keys.add(key);
        expectKey = false;
      }
      index = end;
    } else if (char === 0x7b /* { */) {
      open.push(new Set());
      expectKey = true;
    } else if (char === 0x5b /* [ */) {
      open.push(null);
      expectKey = false;
    } else if (char === 0x7d /* } */ || char === 0x5d /* ] */) {
      open.pop();
      expectKey = false;
    } else if (char === 0x2c /* , */) {
      expectKey = open.at(-1) instanceof Set;
    }
  }
  return undefined;
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
