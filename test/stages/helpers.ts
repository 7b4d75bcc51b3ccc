// Small builders for stage tests: events an hour apart from a fixed start, so every test reads in time order.
import { stageModelIds } from "../../src/model/index";
import { type StageEvent, type StageModel, stageModels } from "../../src/stages/index";

export const START = "2026-02-05T18:00:00-05:00";
export const WORKER = "worker-1";
export const START_INPUT = { at: START, by: WORKER, activeMembers: 6 } as const;

/** The instant `hours` after the start, in UTC. */
export function hoursLater(hours: number): string {
  return new Date(Date.parse(START) + hours * 3_600_000).toISOString().replace(".000Z", "Z");
}

type Without<E> = E extends unknown ? Omit<E, "at" | "by"> : never;

/** An event `hours` after the start, recorded by the worker. */
export function at<Id extends string>(hours: number, event: Without<StageEvent<Id>>): StageEvent<Id> {
  return { ...event, at: hoursLater(hours), by: WORKER } as StageEvent<Id>;
}

/** The agreement with confidentiality and its limits explained. */
export const FULL_AGREEMENT = {
  type: "AGREEMENT_ADOPTED",
  version: "1",
  includesConfidentiality: true,
  limitsExplained: true,
} as const;

/** The stage models the library ships, default first, looked up by their ids as a host would. */
export const BUILT_IN_MODELS: readonly StageModel[] = stageModelIds.map((id) => stageModels[id]);
