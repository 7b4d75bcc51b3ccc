import { describeValue, GroupworkError } from "../_lib/errors.js";
import type { AttendanceStatus } from "../model/index.js";
import { attendedOf, codeOf, EXCUSED_CODE } from "./offered.js";
import { readExcused, readOptions } from "./read-options.js";
import type { ExcusedAbsences } from "./source.js";

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
 * @throws {GroupworkError} `invalid-argument` when `statuses` is not a list of attendance statuses or the
 *   options are outside their types
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
  const excused = readExcused(readOptions(options, caller).excused, caller);
  if (!Array.isArray(statuses)) {
    throw new GroupworkError("invalid-argument", `${caller}: statuses must be a list of attendance statuses.`);
  }
  const counter = new StreakCounter(excused);
  statuses.forEach((status, position) => {
    const code = codeOf(status);
    if (code === undefined) {
      throw new GroupworkError(
        "invalid-argument",
        `${caller}: statuses[${position}] is ${describeValue(status)}, not an attendance status.`,
      );
    }
    counter.push(code, position);
  });
  return counter.result();
}

/**
 * Whether a grid code is an absence in a streak: a status the vocabulary counts as missed, excused absences included
 * unless they are `"not-offered"`. Not exported from the package.
 */
export function isStreakAbsence(code: number, excused: ExcusedAbsences): boolean {
  return attendedOf(code) === false && (excused === "offered" || code !== EXCUSED_CODE);
}

/**
 * Counts runs of absences over grid codes, one session at a time (0, no record, reads as not recorded).
 *
 * Not exported from the package: {@link absenceStreaks} is the public face; dropout and the flags feed it codes.
 */
export class StreakCounter {
  private readonly runs: AbsenceRun[] = [];
  private first = -1;
  private last = -1;
  private length = 0;
  private readonly countExcused: boolean;

  constructor(excused: ExcusedAbsences) {
    this.countExcused = excused === "offered";
  }

  /** Reads the next offered session's code at a position (any increasing number the caller wants runs told in). */
  push(code: number, position: number): void {
    const attended = attendedOf(code);
    if (attended === true) this.close();
    else if (attended === false && (this.countExcused || code !== EXCUSED_CODE)) {
      if (this.length === 0) this.first = position;
      this.last = position;
      this.length++;
    }
  }

  /** The streaks read so far. */
  result(): AbsenceStreaks {
    const current = this.length;
    this.close();
    let longest = 0;
    for (const run of this.runs) longest = Math.max(longest, run.length);
    return { current, longest, runs: this.runs };
  }

  private close(): void {
    if (this.length === 0) return;
    this.runs.push({ first: this.first, last: this.last, length: this.length });
    this.length = 0;
  }
}
