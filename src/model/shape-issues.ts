import type { z } from "zod";
import { formatIssuePath, type GroupRecordIssue, type IssuePath } from "./issues";

// Turns zod's issues into ours: a stable code of our own and a sentence that names the place and the fix.

type ZodIssue = z.core.$ZodIssue;

/** Reads the value at a path of the raw input, or `undefined` when the path does not exist. */
export function valueAt(input: unknown, path: IssuePath): unknown {
  let current: unknown = input;
  for (const segment of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === "object") return "an object";
  return String(value);
}

const FORMAT_HINTS: Record<string, string> = {
  datetime: "a date and time with an offset, e.g. 2026-03-02T17:00:00-05:00",
  date: "a calendar date YYYY-MM-DD, e.g. 2026-03-02",
};

const EXPECTED_NAMES: Record<string, string> = {
  int: "a whole number",
  number: "a finite number",
  string: "text",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

function toPath(path: readonly PropertyKey[]): (string | number)[] {
  return path.filter((segment): segment is string | number => typeof segment !== "symbol");
}

/**
 * Converts the issues of a failed shape parse into {@link GroupRecordIssue}s.
 *
 * @param zodIssues - issues from `safeParse`
 * @param input - the raw input, to quote the offending value
 */
export function fromZodIssues(zodIssues: readonly ZodIssue[], input: unknown): GroupRecordIssue[] {
  const issues: GroupRecordIssue[] = [];
  for (const zodIssue of zodIssues) {
    const path = toPath(zodIssue.path);
    const where = formatIssuePath(path);
    const value = valueAt(input, path);
    switch (zodIssue.code) {
      case "invalid_type":
        if (value === undefined) {
          const expected = EXPECTED_NAMES[zodIssue.expected] ?? zodIssue.expected;
          issues.push(error("missing-field", path, `${where} is missing; it is required (${expected}).`));
        } else {
          const expected = EXPECTED_NAMES[zodIssue.expected] ?? zodIssue.expected;
          issues.push(error("wrong-type", path, `${where} is ${describe(value)}; expected ${expected}.`));
        }
        break;
      case "invalid_value":
        // zod reports a missing enum or literal as invalid_value; to the person fixing the data it is missing.
        if (value === undefined) {
          issues.push(
            error(
              "missing-field",
              path,
              `${where} is missing; it is required (one of: ${zodIssue.values.map(String).join(", ")}).`,
            ),
          );
          break;
        }
        issues.push(
          error(
            "invalid-value",
            path,
            `${where} is ${describe(value)}, which is not one of: ${zodIssue.values.map(String).join(", ")}.`,
          ),
        );
        break;
      case "invalid_format":
        if (zodIssue.format === "regex") {
          issues.push(
            error("empty-text", path, `${where} is empty or only whitespace; write some text or leave it out.`),
          );
        } else {
          const hint = FORMAT_HINTS[zodIssue.format] ?? `the ${zodIssue.format} format`;
          issues.push(error("invalid-format", path, `${where} is ${describe(value)}; expected ${hint}.`));
        }
        break;
      case "too_small":
      case "too_big": {
        const bound = zodIssue.code === "too_small" ? zodIssue.minimum : zodIssue.maximum;
        const side = zodIssue.code === "too_small" ? "at least" : "at most";
        const exclusive = zodIssue.inclusive === false;
        const limit = exclusive
          ? `${zodIssue.code === "too_small" ? "more than" : "less than"} ${String(bound)}`
          : `${side} ${String(bound)}`;
        const one = Number(bound) === 1;
        const rule =
          zodIssue.origin === "array"
            ? `it must have ${limit} ${one ? "entry" : "entries"}`
            : zodIssue.origin === "string"
              ? `it must have ${limit} ${one ? "character" : "characters"}`
              : `it must be ${limit}`;
        const shown = Array.isArray(value) ? `a list of ${value.length}` : describe(value);
        issues.push(error("out-of-range", path, `${where} is ${shown}; ${rule}.`));
        break;
      }
      case "unrecognized_keys":
        for (const key of zodIssue.keys) {
          issues.push(
            error(
              "unknown-field",
              [...path, key],
              `${formatIssuePath([...path, key])} is not a field the library knows; remove it, or parse with unknownFields: "warn" to ignore it.`,
            ),
          );
        }
        break;
      case "custom": {
        const code = (zodIssue.params as { code?: unknown } | undefined)?.code;
        if (code === "unknown-time-zone" || code === "invalid-language-tag") {
          issues.push(error(code, path, `${where} is ${describe(value)}. ${zodIssue.message}`));
          break;
        }
        issues.push(error("invalid-shape", path, `${where}: ${zodIssue.message}`));
        break;
      }
      default:
        issues.push(error("invalid-shape", path, `${where} does not have the expected shape: ${zodIssue.message}`));
    }
  }
  return issues;
}

function error(code: GroupRecordIssue["code"], path: IssuePath, message: string): GroupRecordIssue {
  return { code, severity: "error", path, message };
}
