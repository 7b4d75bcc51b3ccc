import { attendanceStatuses } from "../model/vocabulary/index.js";

// Private to the metrics room: attendance statuses as the `attendanceStatuses` vocabulary defines them, the one place
// the rule of how each counts is written (late and left early count as attended; not recorded is neither).

/** An entry of the `attendanceStatuses` vocabulary: a status's `code`, and whether it counts as `attended`. */
export type StatusEntry = (typeof attendanceStatuses.entries)[number];

const ENTRIES: ReadonlyMap<string, StatusEntry> = /* @__PURE__ */ new Map(
  attendanceStatuses.entries.map((entry) => [entry.code, entry]),
);

/** The vocabulary's entry for an attendance status, or `undefined` when the value is not an attendance status. */
export function statusEntry(status: unknown): StatusEntry | undefined {
  return ENTRIES.get(status as string);
}
