import { calendarDaysBetween, localDate } from "../_lib/calendar.js";
import { instantTime, readInstantArgument } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import { refuseUnknownKeys } from "../_lib/options.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";
import { currentStage } from "./guards.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import type { StageValue } from "./types.js";

/**
 * How `timeInStage` counts days.
 *
 * @example
 * // 01:00 in New York is still the evening before in Los Angeles
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const at = "2026-02-06T01:00:00-05:00";
 * ["America/New_York", "America/Los_Angeles"].map((timeZone) => timeInStage(start, at, { timeZone }).days)
 * //=> [1, 0]
 */
export interface TimeInStageOptions {
  /** The group's IANA time zone (`group.timeZone`): days are counted on the group's own calendar. */
  readonly timeZone: string;
}

/**
 * How long a group has been in its current stage.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * timeInStage(start, "2026-02-19T18:00:00-05:00", { timeZone: "America/New_York" }).days
 * //=> 14
 */
export interface TimeInStage<Id extends string = string> {
  /** The current stage (or `closed`). */
  readonly stage: StageValue<Id>;
  /** When the group entered it. */
  readonly enteredAt: string;
  /** The calendar day the group entered it, in the group's time zone. */
  readonly enteredOn: string;
  /** Calendar days from the day it was entered to the day of `at`, in the group's time zone; 0 on the same day. */
  readonly days: number;
  /** Sessions held since the group entered the stage. */
  readonly sessions: number;
}

/**
 * How long a group has been in its current stage, in calendar days (on the group's own calendar) and in sessions.
 *
 * The time is never read from the clock: pass the moment you ask about as `at`.
 *
 * @param snapshot - the group's snapshot
 * @param at - the moment asked about: ISO 8601 text with an offset (seconds optional) or a `Date`, not before the stage
 *   was entered
 * @param options - the group's time zone
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a stage machine's snapshot or cannot be read,
 *   `at` is neither an instant nor a valid `Date` in the years 0000–9999, falls on a day outside those years in the
 *   time zone or comes before the stage was entered, `options` is not an object, holds a key other than `timeZone` or
 *   cannot be read, or the time zone is not an IANA name; `missing-time-zone` when no time zone is given
 * @returns the stage, when it was entered, the calendar days since and the sessions held in it
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "SESSION_HELD", at: "2026-02-12T19:30:00-05:00", by: "worker-1" });
 * timeInStage(step.snapshot, "2026-02-12T23:30:00-05:00", { timeZone: "America/New_York" })
 * //=> ({ stage: "forming", enteredAt: "2026-02-05T18:00:00-05:00", enteredOn: "2026-02-05", days: 7, sessions: 1 })
 */
export function timeInStage<Id extends string>(
  snapshot: StageSnapshot<Id>,
  at: string | Date,
  options: TimeInStageOptions,
): TimeInStage<Id> {
  machineOf(snapshot, "timeInStage");
  const { timeZone } = readArgument("timeInStage: options", () => {
    // Left out, the options lack the time zone, which is said as such below.
    if (options === undefined) return { timeZone: undefined };
    if (typeof options !== "object" || options === null || Array.isArray(options)) {
      throw new GroupworkError(
        "invalid-argument",
        `timeInStage: options must be an object such as { timeZone: "America/Chicago" }; got ${describeValue(options)}.`,
      );
    }
    refuseUnknownKeys(options, ["timeZone"], "timeInStage: options");
    return { timeZone: (options as { timeZone?: unknown }).timeZone };
  });
  if (timeZone === undefined) {
    throw new GroupworkError(
      "missing-time-zone",
      "timeInStage: days are counted on the group's calendar; pass { timeZone: group.timeZone }.",
    );
  }
  if (typeof timeZone !== "string" || !isIanaTimeZone(timeZone)) {
    throw new GroupworkError(
      "invalid-argument",
      `timeInStage: ${describeValue(timeZone)} is not an IANA time zone name such as America/Chicago.`,
    );
  }
  // Each field is read once: machineOf has checked them, but a getter could answer differently the second time.
  const { context, enteredAt } = readArgument("timeInStage: snapshot", () => {
    const context = snapshot.context;
    return { context, enteredAt: context.history.at(-1)?.enteredAt ?? context.lastEventAt };
  });
  const entered = instantTime(enteredAt);
  if (Number.isNaN(entered)) {
    throw new GroupworkError(
      "invalid-argument",
      `timeInStage: the snapshot's stage was entered at ${describeValue(enteredAt)}, not an ISO 8601 instant; use the snapshot startStages, applyStageEvent or restoreStageSnapshot gave back.`,
    );
  }
  const asked = readInstantArgument(at, "timeInStage: at");
  if (asked < entered) {
    throw new GroupworkError(
      "invalid-argument",
      `timeInStage: at ${describeValue(at)} comes before the group entered its stage at ${enteredAt}.`,
    );
  }
  const enteredOn = localDate(enteredAt, timeZone, "timeInStage: the stage's entry time");
  // The day of `at` is not returned, but one outside the years 0000–9999 has no calendar date to count to.
  localDate(typeof at === "string" ? at : new Date(asked), timeZone, "timeInStage: at");
  return {
    stage: currentStage(context) as StageValue<Id>,
    enteredAt,
    enteredOn,
    days: calendarDaysBetween(new Date(entered), new Date(asked), timeZone),
    sessions: context.sessionsInStage,
  };
}
