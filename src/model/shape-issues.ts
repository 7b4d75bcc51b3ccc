import type { z } from "zod";
import { formatIssuePath, type GroupRecordIssue, type IssuePath } from "./issues.js";

// Turns zod's issues into ours: a stable code of our own and a sentence that names the place and the fix.
// Messages end up in logs, so they never repeat free text from the record (names, notes, dates of birth): they name
// the place and what kind of value is there. Only code-like tokens (a misspelt status, a time zone name, a language
// tag) and numbers are quoted, because the fix depends on seeing them.

type ZodIssue = z.core.$ZodIssue;

/** Reads the value at a path of the raw input, or `undefined` when the path does not exist. */
function valueAt(input: unknown, path: IssuePath): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

/** What kind of value is there, without repeating it. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === "string") return value.trim() === "" ? "empty text" : "text";
  if (typeof value === "object") return "an object";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "not a finite number";
  if (typeof value === "boolean") return String(value);
  // A BigInt, a Symbol or a function (possible when the input did not come from JSON) is named by its kind only.
  if (typeof value === "bigint") return "a BigInt";
  if (typeof value === "symbol") return "a Symbol";
  if (typeof value === "function") return "a function";
  return "undefined";
}

// A code-like token: no spaces, short. A vocabulary code, zone name or language tag looks like this; a sentence does not.
const CODE_LIKE = /^[\w.:/+-]{1,40}$/;

/** A code-like value quoted so it can be corrected; anything else is only described. */
function quoted(value: unknown): string {
  if (typeof value === "string" && CODE_LIKE.test(value)) return JSON.stringify(value);
  return kindOf(value);
}

const FORMAT_HINTS: Record<string, string> = {
  datetime: "a date and time with an offset, such as 2026-03-02T17:00-05:00 (seconds optional)",
  date: "a real calendar date YYYY-MM-DD, such as 2026-03-02",
};

const EXPECTED_NAMES: Record<string, string> = {
  int: "a whole number",
  number: "a finite number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

function toPath(prefix: IssuePath, path: readonly PropertyKey[]): (string | number)[] {
  return [...prefix, ...path.filter((segment): segment is string | number => typeof segment !== "symbol")];
}

function boundRule(zodIssue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const small = zodIssue.code === "too_small";
  const bound = small ? zodIssue.minimum : zodIssue.maximum;
  const limit =
    zodIssue.inclusive === false
      ? `${small ? "more than" : "less than"} ${String(bound)}`
      : `${small ? "at least" : "at most"} ${String(bound)}`;
  const one = Number(bound) === 1;
  if (zodIssue.origin === "array") return `it must have ${limit} ${one ? "entry" : "entries"}`;
  if (zodIssue.origin === "string") return `it must have ${limit} ${one ? "character" : "characters"}`;
  return `it must be ${limit}`;
}

/**
 * Converts the issues of a failed shape parse into {@link GroupRecordIssue}s.
 *
 * @param zodIssues - issues from `safeParse`
 * @param input - the part of the raw input that was parsed, which zod's paths point into
 * @param prefix - where that part sits in the whole record, such as `["attendance"]`
 */
export function fromZodIssues(
  zodIssues: readonly ZodIssue[],
  input: unknown,
  prefix: IssuePath = [],
): GroupRecordIssue[] {
  const issues: GroupRecordIssue[] = [];
  for (const zodIssue of zodIssues) {
    const path = toPath(prefix, zodIssue.path);
    const where = formatIssuePath(path);
    const value = valueAt(input, toPath([], zodIssue.path));
    switch (zodIssue.code) {
      case "invalid_type": {
        const expected = EXPECTED_NAMES[zodIssue.expected] ?? zodIssue.expected;
        if (value === undefined) {
          issues.push(error("missing-field", path, `${where} is missing; it is required (${expected}).`));
        } else if (value === null) {
          issues.push(
            error(
              "wrong-type",
              path,
              `${where} is null; leave the field out when there is no value, or give ${expected}.`,
            ),
          );
        } else {
          issues.push(error("wrong-type", path, `${where} is ${kindOf(value)}; expected ${expected}.`));
        }
        break;
      }
      case "invalid_value": {
        const allowed = zodIssue.values.map(String).join(", ");
        // zod reports a missing enum or literal as invalid_value; to the person fixing the data it is missing.
        if (value === undefined) {
          issues.push(error("missing-field", path, `${where} is missing; it is required (one of: ${allowed}).`));
        } else {
          issues.push(error("invalid-value", path, `${where} is ${quoted(value)}, which is not one of: ${allowed}.`));
        }
        break;
      }
      case "invalid_format":
        if (zodIssue.format === "regex") {
          issues.push(
            error(
              "empty-text",
              path,
              `${where} is empty, or only white space or invisible characters; it needs a character a person can see.`,
            ),
          );
        } else {
          const hint = FORMAT_HINTS[zodIssue.format] ?? `the ${zodIssue.format} format`;
          issues.push(error("invalid-format", path, `${where} is ${kindOf(value)} that is not ${hint}.`));
        }
        break;
      case "too_small":
      case "too_big":
        issues.push(error("out-of-range", path, `${where} is ${kindOf(value)}; ${boundRule(zodIssue)}.`));
        break;
      case "unrecognized_keys":
        for (const key of zodIssue.keys) {
          const at = [...path, key];
          issues.push(
            error(
              "unknown-field",
              at,
              `${formatIssuePath(at)} is not a field the library knows; remove it, or parse with unknownFields: "warn" to leave it out.`,
            ),
          );
        }
        break;
      case "custom": {
        const code = (zodIssue.params as { code?: unknown } | undefined)?.code;
        // An instant is checked by the same function as the rest of the library uses (isInstant), so its problem
        // arrives as a custom issue; to the person fixing the data it is a format, like a calendar date.
        if (code === "invalid-format") {
          issues.push(
            error("invalid-format", path, `${where} is ${kindOf(value)} that is not ${FORMAT_HINTS["datetime"]}.`),
          );
          break;
        }
        if (code === "unknown-time-zone" || code === "invalid-language-tag") {
          issues.push(error(code, path, `${where} is ${quoted(value)}. ${zodIssue.message}`));
          break;
        }
        issues.push(error("invalid-shape", path, `${where}: ${zodIssue.message}`));
        break;
      }
      case "invalid_union":
        // A discriminated union (the stage log's `type`) reports an unknown kind as a union with no match; to the
        // person fixing the data it is a value outside a list, like any other code.
        if ("discriminator" in zodIssue && zodIssue.discriminator !== undefined) {
          issues.push(
            value === undefined
              ? error("missing-field", path, `${where} is missing; it is required. ${zodIssue.message}`)
              : error("invalid-value", path, `${where} is ${quoted(value)}. ${zodIssue.message}`),
          );
          break;
        }
        issues.push(error("invalid-shape", path, `${where} does not have the expected shape: ${zodIssue.message}`));
        break;
      default:
        issues.push(error("invalid-shape", path, `${where} does not have the expected shape: ${zodIssue.message}`));
    }
  }
  return issues;
}

function error(code: GroupRecordIssue["code"], path: IssuePath, message: string): GroupRecordIssue {
  return { code, severity: "error", path, message };
}
