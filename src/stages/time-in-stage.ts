import { localDate } from "../_lib/calendar.js";
import { isInstant } from "../_lib/dates.js";
import { describeValue, GroupworkError } from "../_lib/errors.js";
import { isIanaTimeZone } from "../_lib/time-zone.js";
import { currentStage } from "./guards.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import type { StageValue } from "./types.js";

/**
 * How `timeInStage` counts days.
 *
 * @example
 * const options = { timeZone: "America/New_York" };
 * options.timeZone
 * //=> "America/New_York"
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
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
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
  /** Calendar days from the day it was entered to the day of `asOf`, in the group's time zone; 0 on the same day. */
  readonly days: number;
  /** Sessions held since the group entered the stage. */
  readonly sessions: number;
}

function day(text: string): number {
  // Whole days between calendar dates, counted on UTC midnights so no daylight-saving change can add or lose an hour.
  const [year = 0, month = 1, date = 1] = text.split("-").map(Number);
  return Date.UTC(year, month - 1, date) / 86_400_000;
}

/**
 * How long a group has been in its current stage, in calendar days (on the group's own calendar) and in sessions.
 *
 * The time is never read from the clock: pass the moment you ask about as `asOf`.
 *
 * @param snapshot - the group's snapshot
 * @param asOf - the moment asked about: an ISO 8601 instant with an offset, not before the stage was entered
 * @param options - the group's time zone
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a stage machine's snapshot, `asOf` is not an
 *   instant or comes before the stage was entered, or the time zone is not an IANA name; `missing-time-zone` when no
 *   time zone is given
 * @returns the stage, when it was entered, the calendar days since and the sessions held in it
 * @example
 * const start = startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, { type: "SESSION_HELD", at: "2026-02-12T19:30:00-05:00", by: "worker-1" });
 * timeInStage(step.snapshot, "2026-02-12T23:30:00-05:00", { timeZone: "America/New_York" })
 * //=> ({ stage: "forming", enteredAt: "2026-02-05T18:00:00-05:00", enteredOn: "2026-02-05", days: 7, sessions: 1 })
 */
export function timeInStage<Id extends string>(
  snapshot: StageSnapshot<Id>,
  asOf: string,
  options: TimeInStageOptions,
): TimeInStage<Id> {
  machineOf(snapshot, "timeInStage");
  const timeZone = options?.timeZone;
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
  const context = snapshot.context;
  const enteredAt = context.history.at(-1)?.enteredAt ?? context.lastEventAt;
  if (typeof asOf !== "string" || !isInstant(asOf)) {
    throw new GroupworkError(
      "invalid-argument",
      `timeInStage: asOf must be an ISO 8601 instant with an offset; got ${describeValue(asOf)}.`,
    );
  }
  if (Date.parse(asOf) < Date.parse(enteredAt)) {
    throw new GroupworkError(
      "invalid-argument",
      `timeInStage: asOf ${describeValue(asOf)} comes before the group entered its stage at ${enteredAt}.`,
    );
  }
  const enteredOn = localDate(enteredAt, timeZone);
  return {
    stage: currentStage(context) as StageValue<Id>,
    enteredAt,
    enteredOn,
    days: day(localDate(asOf, timeZone)) - day(enteredOn),
    sessions: context.sessionsInStage,
  };
}
