import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { AttendanceStatus } from "../model/index.js";
import { readExcused, readOptions } from "./read-options.js";
import type { ExcusedAbsences } from "./source.js";
import { type StatusEntry, statusEntry } from "./statuses.js";

/**
 * Options of {@link absenceStreaks}.
 *
 * @example
 * absenceStreaks(["absent", "excused", "absent"], { excused: "not-offered" }).longest
 * //=> 2
 */
export interface AbsenceStreaksOptions {
  /**
   * Whether an excused absence is an absence in a streak (`"offered"`, the default) or is passed over like a session
   * nobody recorded (`"not-offered"`).
   */
  readonly excused?: ExcusedAbsences | undefined;
}

/**
 * One run of consecutive absences, by position in the list of statuses given to {@link absenceStreaks}.
 *
 * @example
 * absenceStreaks(["present", "absent", "not-recorded", "absent", "present"]).runs
 * //=> [{ first: 1, last: 3, length: 2 }]
 */
export interface AbsenceRun {
  /** Position of the run's first absence. */
  readonly first: number;
  /** Position of the run's last absence. */
  readonly last: number;
  /** How many absences the run holds (sessions passed over inside it are not counted). */
  readonly length: number;
}

/**
 * The result of {@link absenceStreaks}: runs of consecutive absences of one member.
 *
 * @example
 * absenceStreaks(["absent", "present", "late", "absent"])
 * //=> ({ current: 1, longest: 1, runs: [{ first: 0, last: 0, length: 1 }, { first: 3, last: 3, length: 1 }] })
 */
export interface AbsenceStreaks {
  /** Absences in a row at the end of the list, with no attendance after them; 0 when the member last attended. */
  readonly current: number;
  /** The longest run of absences in a row; 0 when there was none. */
  readonly longest: number;
  /** Every run of absences, in order. */
  readonly runs: readonly AbsenceRun[];
}

/**
 * Runs of consecutive absences in one member's attendance, for outreach (programs reach out after 2–3 absences).
 *
 * A status that counts as attended (present, late, left early) ends a run; an absence extends it. A session nobody
 * recorded (`not-recorded`) neither ends nor extends a run: the member may or may not have come, and a worker doing
 * outreach should not lose a streak to a missing register. Excused absences count as absences unless
 * `excused: "not-offered"` says to pass over them.
 *
 * @param statuses - the member's attendance status at each session offered to them, in session order (use
 *   `not-recorded` where no record exists)
 * @param options - how excused absences count
 * @returns the current and longest runs and every run
 * @throws {GroupworkError} `invalid-argument` when `statuses` is not a list of attendance statuses, the
 *   options are outside their types, or they hold a key other than `excused`
 * @example
 * absenceStreaks(["present", "absent", "not-recorded", "absent", "present", "excused", "absent"])
 * //=> ({ current: 2, longest: 2, runs: [{ first: 1, last: 3, length: 2 }, { first: 5, last: 6, length: 2 }] })
 * @example
 * absenceStreaks(["present", "excused", "absent"], { excused: "not-offered" }).current
 * //=> 1
 */
export function absenceStreaks(
  statuses: readonly AttendanceStatus[],
  options: AbsenceStreaksOptions = {},
): AbsenceStreaks {
  const caller = "absenceStreaks";
  const excused = readExcused(readOptions(options, caller, ["excused"]).excused, caller);
  if (!Array.isArray(statuses)) {
    throw new GroupworkError("invalid-argument", `${caller}: statuses must be a list of attendance statuses.`);
  }
  // A plain loop: a list given by a caller may carry its own `constructor`, which `map` would call.
  const entries: StatusEntry[] = [];
  for (let position = 0; position < statuses.length; position++) {
    const status: unknown = statuses[position];
    const entry = statusEntry(status);
    if (entry === undefined) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: statuses[${position}] is ${describeValue(status)}, not an attendance status.`,
      );
    }
    entries.push(entry);
  }
  return streaksOf(entries, excused);
}

/**
 * What one offered session does to a run of absences: a status the vocabulary counts as attended `ends` it; a missed
 * status `extends` it (an excused absence only when excused absences stay offered); a session with no answer
 * (`not-recorded`, or `undefined` for no record at all) `passes` it over. The one statement of the rule, for the
 * summary, dropout and the outreach flag. Not exported from the package.
 */
export function streakStep(status: StatusEntry | undefined, excused: ExcusedAbsences): "ends" | "extends" | "passes" {
  if (status === undefined) return "passes";
  if (status.attended === true) return "ends";
  if (status.attended === false && (excused === "offered" || status.code !== "excused")) return "extends";
  return "passes";
}

/**
 * Walks statuses given in session order (`undefined` where no record exists) and calls `onRun(first, last, length)`
 * for each run of absences, in order, by {@link streakStep}; returns the length of the current run (the last one, when
 * no attendance follows it), or 0. The one walk over a client's statuses for streaks. Not exported from the package.
 */
export function forEachAbsenceRun(
  statuses: readonly (StatusEntry | undefined)[],
  excused: ExcusedAbsences,
  onRun: (first: number, last: number, length: number) => void,
): number {
  let first = 0;
  let last = 0;
  let length = 0;
  for (let position = 0; position < statuses.length; position++) {
    const step = streakStep(statuses[position], excused);
    if (step === "ends" && length > 0) {
      onRun(first, last, length);
      length = 0;
    } else if (step === "extends") {
      if (length === 0) first = position;
      last = position;
      length++;
    }
  }
  // A run still open at the end is the current one.
  if (length > 0) onRun(first, last, length);
  return length;
}

/**
 * The runs of absences in statuses given in session order, as {@link absenceStreaks} answers. Not exported from the
 * package: {@link absenceStreaks} is its public face.
 */
export function streaksOf(statuses: readonly (StatusEntry | undefined)[], excused: ExcusedAbsences): AbsenceStreaks {
  const runs: AbsenceRun[] = [];
  let longest = 0;
  const current = forEachAbsenceRun(statuses, excused, (first, last, length) => {
    runs.push({ first, last, length });
    longest = Math.max(longest, length);
  });
  return { current, longest, runs };
}

/** Positions of the absences a run holds, in order: the sessions passed over inside it are left out. */
export function absencesIn(
  run: AbsenceRun,
  statuses: readonly (StatusEntry | undefined)[],
  excused: ExcusedAbsences,
): number[] {
  const positions: number[] = [];
  for (let position = run.first; position <= run.last; position++) {
    if (streakStep(statuses[position], excused) === "extends") positions.push(position);
  }
  return positions;
}
