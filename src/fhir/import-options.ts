import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { GroupSchema, SessionModeSchema } from "../model/index.js";
import type { FromFhirBundleOptions } from "./import-types.js";

// The options of fromFhirBundle, read once and checked as the model checks the same fields: a host's mistake in an
// option is an argument error, thrown, not an issue of the Bundle.

const GROUP_FIELDS = [
  "id",
  "name",
  "purpose",
  "kind",
  "membership",
  "participation",
  "plannedSessions",
  "capacity",
  "timeZone",
  "startDate",
  "endDate",
  "stageModel",
] as const;

type GroupField = (typeof GROUP_FIELDS)[number];

/** The options as plain data, checked; throws `invalid-argument` naming the option at fault. */
export function readImportOptions(options: unknown): {
  group: Partial<Record<GroupField, unknown>>;
  sessionMode: string | undefined;
} {
  if (options === undefined) return { group: {}, sessionMode: undefined };
  return readArgument("fromFhirBundle: options", () => {
    const where = "fromFhirBundle: options";
    if (!isPlainObject(options)) {
      throw new GroupworkError(
        "invalid-argument",
        `${where} must be an object such as { group: { timeZone: "America/Chicago" } }; got ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, ["group", "sessionMode"], where);
    const { group, sessionMode } = options as FromFhirBundleOptions;
    return { group: readGroupOption(group), sessionMode: readSessionMode(sessionMode) };
  });
}

function isPlainObject(value: unknown): value is object {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function readGroupOption(group: unknown): Partial<Record<GroupField, unknown>> {
  if (group === undefined) return {};
  const where = "fromFhirBundle: options.group";
  if (!isPlainObject(group)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} must be an object of group fields such as { timeZone: "America/Chicago" }; got ${describeValue(group)}.`,
    );
  }
  refuseUnknownKeys(group, GROUP_FIELDS, where);
  const fields: Partial<Record<GroupField, unknown>> = {};
  for (const field of GROUP_FIELDS) {
    const value: unknown = (group as Record<string, unknown>)[field];
    if (value === undefined) continue;
    const checked = GroupSchema.shape[field].safeParse(value);
    if (!checked.success) {
      throw new GroupworkError(
        "invalid-argument",
        `${where}.${field} is not a valid group ${field}: ${checked.error.issues[0]?.message ?? "invalid"} Got ${describeValue(value)}.`,
      );
    }
    fields[field] = checked.data;
  }
  return fields;
}

function readSessionMode(mode: unknown): string | undefined {
  if (mode === undefined) return undefined;
  const checked = SessionModeSchema.safeParse(mode);
  if (!checked.success) {
    throw new GroupworkError(
      "invalid-argument",
      `fromFhirBundle: options.sessionMode must be "in-person", "virtual" or "hybrid"; got ${describeValue(mode)}.`,
    );
  }
  return checked.data;
}
