import type { z } from "zod";
import type { RecordedStageEventSchema } from "../model/index.js";

// The events a group's stage machine accepts are the entries of the model's stage log, as a host sends them: each
// carries its own time (`at`) and who recorded it (`by`), so a log of them replays to the same snapshot. Only types are
// imported here, so the stages room does not load zod.

/**
 * Every event the stage machine accepts: an entry of a group's stage log (`RecordedStageEvent`) as a host sends it,
 * with plain strings for ids and `at` an ISO 8601 instant with an offset (seconds optional), never earlier than the
 * group's last event. `REGRESS.to` is typed as the model's stage ids; one event type is
 * `Extract<StageEvent, { type: "REGRESS" }>`.
 *
 * @typeParam Id - the stage ids of the model, used by `REGRESS.to`
 * @example
 * const start = startStages(tuckmanModel, { at: "2026-02-05T18:00-05:00", by: "worker-1" });
 * const step = applyStageEvent(start, {
 *   type: "REGRESS",
 *   to: "forming",
 *   reason: "trust is low",
 *   at: "2026-02-06T10:00-05:00",
 *   by: "worker-1",
 * });
 * step.ok ? [] : step.blockedBy.map((reason) => reason.code)
 * //=> ["not-earlier-stage"]
 */
export type StageEvent<Id extends string = string> = WithRegressTarget<z.input<typeof RecordedStageEventSchema>, Id>;

/** `REGRESS.to` narrowed to the model's stage ids; the other events as they are. */
type WithRegressTarget<Event, Id extends string> = Event extends { readonly type: "REGRESS" }
  ? { [Key in keyof Event]: Key extends "to" ? Id : Event[Key] }
  : Event;
