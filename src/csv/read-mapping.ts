import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import type { ImportedStatus } from "./crosswalks.js";
import { ENGLISH_YES_NO, type YesNoWords } from "./read-cells.js";
import { CSV_DATE_FORMATS, CSV_DELIMITERS, type CsvDateFormat } from "./read-types.js";

// Checks of a column mapping, shared by the roster and attendance imports. A mapping is code the host writes, not
// data from the file, so a wrong one throws a GroupworkError naming the field, never an issue.

/**
 * The mapping as a plain object with only the keys the import reads; `where` names it in messages. Each key is read
 * once, here: a revoked Proxy or a getter that throws is refused naming the field, and a getter is not run again.
 */
export function readMappingObject(mapping: unknown, known: readonly string[], where: string): Record<string, unknown> {
  const isArray = readArgument(where, () => Array.isArray(mapping));
  if (typeof mapping !== "object" || mapping === null || isArray) {
    throw new GroupworkError("invalid-argument", `${where} must be an object; got ${describeValue(mapping)}.`);
  }
  readArgument(where, () => refuseUnknownKeys(mapping, known, where));
  const fields: Record<string, unknown> = {};
  for (const key of known) {
    fields[key] = readArgument(`${where}.${key}`, () => (mapping as Record<string, unknown>)[key]);
  }
  return fields;
}

/**
 * A list from a mapping, each item read by `readItem`, or `null` when `value` is not an array. Read by index and
 * stopped at the first item refused, so a list of 2^32 - 1 holes is refused at `[0]` without walking the rest; an
 * item that cannot be read (a getter that throws) is refused naming it.
 */
export function readList<T>(value: unknown, where: string, readItem: (item: unknown, at: string) => T): T[] | null {
  if (!readArgument(where, () => Array.isArray(value))) return null;
  const list = value as readonly unknown[];
  const length = readArgument(where, () => list.length);
  const items: T[] = [];
  for (let index = 0; index < length; index += 1) {
    const at = `${where}[${index}]`;
    items.push(
      readItem(
        readArgument(at, () => list[index]),
        at,
      ),
    );
  }
  return items;
}

/** A required text field that is not blank. */
export function readRequiredText(value: unknown, where: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new GroupworkError("invalid-argument", `${where} must be non-empty text; got ${describeValue(value)}.`);
  }
  return value;
}

/**
 * The `columns` object: each key one of `required` or `optional`, each value a header name (trimmed, as the header
 * is). Required ones must be given.
 */
export function readColumns<K extends string>(
  value: unknown,
  required: readonly K[],
  optional: readonly K[],
  where: string,
): Partial<Record<K, string>> {
  const columns = readMappingObject(value, [...required, ...optional], where);
  const read: Partial<Record<K, string>> = {};
  for (const key of [...required, ...optional]) {
    const name = columns[key];
    if (name === undefined && !required.includes(key)) continue;
    if (typeof name !== "string" || name.trim() === "") {
      throw new GroupworkError(
        "invalid-argument",
        `${where}.${key} must be the name of a column in the header${required.includes(key) ? " (it is required)" : ""}; got ${describeValue(name)}.`,
      );
    }
    read[key] = name.trim();
  }
  return read;
}

/** `ignoreColumns`: absent, or a list of header names. */
export function readIgnoreColumns(value: unknown, where: string): string[] {
  if (value === undefined) return [];
  const names = readList(value, where, (name, at) => {
    if (typeof name !== "string") {
      throw new GroupworkError("invalid-argument", `${at} must be a column name (text); got ${describeValue(name)}.`);
    }
    return name.trim();
  });
  if (names === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be a list of column names; got ${describeValue(value)}.`,
    );
  }
  return names;
}

/** `dateFormat`: absent (ISO 8601) or one of the formats the import reads. */
export function readDateFormat(value: unknown, where: string): CsvDateFormat {
  if (value === undefined) return "YYYY-MM-DD";
  if (!CSV_DATE_FORMATS.includes(value as CsvDateFormat)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be one of ${CSV_DATE_FORMATS.map((format) => `"${format}"`).join(", ")}; got ${describeValue(value)}.`,
    );
  }
  return value as CsvDateFormat;
}

/** `delimiter`: absent (a comma) or one of the delimiters spreadsheets write. */
export function readDelimiter(value: unknown, where: string): string {
  if (value === undefined) return ",";
  if (typeof value !== "string" || !CSV_DELIMITERS.includes(value)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be one of ",", ";", "\\t" or "|"; got ${describeValue(value)}.`,
    );
  }
  return value;
}

/**
 * `yesNo`: absent (the English words alone), or `{ yes, no }`, each a list of words added to the English ones. A word
 * is compared trimmed and in any case; one word meaning both yes and no is refused.
 */
export function readYesNoWords(value: unknown, where: string): YesNoWords {
  if (value === undefined) return ENGLISH_YES_NO;
  const fields = readMappingObject(value, ["yes", "no"], where);
  const words = (key: "yes" | "no"): string[] => {
    const list = fields[key];
    if (list === undefined) return [];
    const read = readList(list, `${where}.${key}`, (word, at) => {
      if (typeof word !== "string" || word.trim() === "") {
        throw new GroupworkError("invalid-argument", `${at} must be a non-empty word; got ${describeValue(word)}.`);
      }
      return word.trim().toLowerCase();
    });
    if (read === null) {
      throw new GroupworkError(
        "invalid-argument",
        `${where}.${key} must be a list of words; got ${describeValue(list)}.`,
      );
    }
    return read;
  };
  const yes = new Set([...ENGLISH_YES_NO.yes, ...words("yes")]);
  const no = new Set([...ENGLISH_YES_NO.no, ...words("no")]);
  const both = [...yes].find((word) => no.has(word));
  if (both !== undefined) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} reads ${JSON.stringify(both)} as both yes and no; give each word one meaning.`,
    );
  }
  return { yes, no };
}

/** A value from a vocabulary's codes, or the fallback when absent. */
export function readCode<C extends string>(value: unknown, codes: readonly C[], fallback: C, where: string): C {
  if (value === undefined) return fallback;
  if (!codes.includes(value as C)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be one of ${codes.map((code) => `"${code}"`).join(", ")}; got ${describeValue(value)}.`,
    );
  }
  return value as C;
}

/** A spelling of a status as a cell may hold it: trimmed, spaces collapsed, any case. */
export function statusKey(text: string): string {
  return text.trim().replace(/\s+/g, " ").toLowerCase();
}

/**
 * A crosswalk's `toModel` list as a lookup from a cell's spelling to the library's status. A cell may hold the code
 * (`@`), the label (`Attended`) or both (`@ Attended`, as OpenEMR's lists show them). Two entries that read one
 * spelling as different statuses make the crosswalk useless, and are refused.
 */
export function readCrosswalk<S extends string>(
  value: unknown,
  statuses: readonly S[],
  where: string,
): ReadonlyMap<string, S> {
  const toModel = readArgument(`${where}.toModel`, () => {
    if (typeof value !== "object" || value === null) return undefined;
    return (value as { toModel?: unknown }).toModel;
  });
  const entries = readList(toModel, `${where}.toModel`, (entry, at) => {
    if (typeof entry !== "object" || entry === null) {
      throw new GroupworkError("invalid-argument", `${at} must be an object; got ${describeValue(entry)}.`);
    }
    const { code, label, status } = readArgument(at, () => {
      const fields = entry as Partial<ImportedStatus<string>>;
      return { code: fields.code, label: fields.label, status: fields.status };
    });
    if (typeof code !== "string" || typeof label !== "string") {
      throw new GroupworkError("invalid-argument", `${at} must have a code and a label, both text.`);
    }
    if (!statuses.includes(status as S)) {
      throw new GroupworkError(
        "invalid-argument",
        `${at}.status must be one of ${statuses.map((one) => `"${one}"`).join(", ")}; got ${describeValue(status)}.`,
      );
    }
    return { at, code, label, status: status as S };
  });
  if (entries === null) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be a status crosswalk with a toModel list (such as openEmrAttendanceCrosswalk); got ${describeValue(value)}.`,
    );
  }
  const lookup = new Map<string, S>();
  for (const { at, code, label, status } of entries) {
    // A blank label means the system shows only the code: it must not make a blank cell read as this status.
    const spellings = label === "" ? [code] : [code, label, `${code} ${label}`];
    for (const spelling of new Set(spellings)) {
      const key = statusKey(spelling);
      const earlier = lookup.get(key);
      if (earlier !== undefined && earlier !== status) {
        throw new GroupworkError(
          "invalid-argument",
          `${at} reads ${describeValue(spelling)} as "${String(status)}", but an earlier entry reads it as "${earlier}".`,
        );
      }
      lookup.set(key, status);
    }
  }
  return lookup;
}
