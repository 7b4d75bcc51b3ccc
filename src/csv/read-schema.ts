import { type CsvIssue, cellName, csvError } from "./read-types.js";

// Runs a model schema over a record built from one row, and places each problem at the row and at the column the
// field came from. Only fields the caller names as codes (a role, a language tag, an id) may be quoted, and only when
// the value looks like a code: a name, a pronoun, a birth date or a topic is never copied into a message, which may
// end up in a log.

/** The part of a schema this needs: zod's `safeParse`, seen through its issues alone. */
interface RowSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly SchemaProblem[] } };
}

/** A zod issue, as far as this reads it; the model's own refinements carry their code in `params`. */
interface SchemaProblem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly params?: { readonly code?: unknown } | undefined;
  /** The allowed values, when the field takes one of a list. */
  readonly values?: readonly unknown[] | undefined;
}

const CODE_LIKE = /^[\w.:/+-]{1,40}$/;

/**
 * The parsed record, or `null` with the problems added to `issues`. `columns` says which column each field of the
 * record came from; a field it does not name (a default the import filled) is reported on the whole row. `codes` names the
 * fields whose values a system writes from a list (role, status, language tag, id): only those are quoted.
 */
export function checkRow<T>(
  schema: RowSchema<T>,
  candidate: Record<string, unknown>,
  row: number,
  columns: Readonly<Record<string, string | undefined>>,
  codes: readonly string[],
  issues: CsvIssue[],
): T | null {
  const result = schema.safeParse(candidate);
  if (result.success) return result.data;
  for (const problem of result.error.issues) {
    const field = String(problem.path[0] ?? "");
    const column = columns[field] ?? null;
    const value = candidate[field];
    const quotable = codes.includes(field) && typeof value === "string" && CODE_LIKE.test(value);
    const shown = quotable ? JSON.stringify(value) : "this value";
    const where = column === null ? `Row ${row}` : cellName(row, column);
    const code = problem.params?.code === "invalid-language-tag" ? "invalid-language-tag" : "invalid-value";
    const why =
      problem.values === undefined
        ? `, which is not valid here: ${problem.message.replace(/\.?$/, ".")}`
        : `, which is not one of: ${problem.values.map(String).join(", ")}.`;
    issues.push(csvError(code, row, column, `${where} holds ${shown}${why}`));
  }
  return null;
}
