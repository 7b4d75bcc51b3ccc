// A record's stage log replayed through its stage model, as `report` shows it and `validate` checks it: one start, so
// the two commands never disagree about which event is refused.
import { wallClockTime, zonedText } from "../_lib/wall-clock.js";
import type { GroupRecord } from "../model/index.js";
import { isActiveMember } from "../model/index.js";
import { replayStageEvents, type StageModel, type StageReplay, stageModels } from "../stages/index.js";

/** The replay of a record's stage log, with the model it went through. */
export interface StageLogReplay {
  readonly model: StageModel;
  readonly replay: StageReplay;
}

/** The first moment of a day on a zone's clock (midnight, or where a skipped midnight lands), never the machine's. */
function startOfDay(date: string, timeZone: string): string {
  const { instants, skippedAt } = wallClockTime(date, 0, timeZone);
  return zonedText(instants[0] ?? skippedAt, timeZone);
}

/**
 * Replays a parsed record's stage log through `group.stageModel`, or gives `undefined` when that is not one of the
 * library's `stageModels` (parsing already warns about it). The replay starts at the first session's scheduled start
 * (by number), or at the first moment of the start day for a group that has not met, with the clients whose membership
 * is active on the group's start date.
 */
export function replayStageLog(record: GroupRecord): StageLogReplay | undefined {
  const { group } = record;
  // stageModels has no prototype: an id such as "constructor" is unknown too.
  const model = stageModels[group.stageModel];
  if (model === undefined) return undefined;
  const first = [...record.sessions].sort((a, b) => a.sequence - b.sequence)[0];
  const clients = record.memberships.filter((membership) => membership.role === "member");
  const start = {
    // A group that has not met yet starts at the first moment of its start day, on its own clock.
    at: first?.scheduledStart ?? startOfDay(group.startDate, group.timeZone),
    by: record.stageEvents[0]?.by ?? "facilitator",
    activeMembers: clients.filter((membership) => isActiveMember(membership, group.startDate)).length,
  };
  return { model, replay: replayStageEvents(model, start, record.stageEvents) };
}

/** Where an event of the stage log is, as issue paths write it: `stageEvents[5]`, counted from 0. */
export function stageEventPath(index: number): string {
  return `stageEvents[${index}]`;
}
