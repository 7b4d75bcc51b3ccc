import { describeValue } from "../_lib/errors.js";
import { type CheckContext, error } from "./check-context.js";
import { heldSession, unknownMember } from "./check-sessions.js";

// The stage log is replayed event by event by groupwork/stages, so it must be in the order things happened, name
// sessions and people of the record, and count each session once: a session held twice would move the machine on as
// if the group had met twice.

/** Stage log: in time order, known people, sessions that took place, each session once. */
export function checkStageEvents(context: CheckContext): void {
  const events = context.record.stageEvents;
  const sessionsSeen = new Map<string, number>();
  let previous: { index: number; ms: number } | undefined;
  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (event === undefined) continue;
    const ms = Date.parse(event.at);
    // Each entry is compared with the one before it: a log is in order exactly when every neighbouring pair is, and one
    // entry dated far ahead gives one error (at the entry after it), not one for every entry that follows.
    if (previous !== undefined && ms < previous.ms) {
      error(
        context,
        "stage-event-out-of-order",
        ["stageEvents", index, "at"],
        `stageEvents[${index}] happened before stageEvents[${previous.index}]; the stage log must list events in the order they happened.`,
      );
    }
    previous = { index, ms };
    if (event.type === "SESSION_HELD" && event.sessionId !== undefined) {
      const first = sessionsSeen.get(event.sessionId);
      if (first !== undefined) {
        error(
          context,
          "session-held-twice",
          ["stageEvents", index, "sessionId"],
          `stageEvents[${index}] records session ${describeValue(event.sessionId)} as held again (first at stageEvents[${first}]); each session counts once.`,
        );
      } else {
        sessionsSeen.set(event.sessionId, index);
        heldSession(context, event.sessionId, "stageEvents", index);
      }
    }
    if ((event.type === "MEMBER_JOINED" || event.type === "MEMBER_LEFT") && event.memberId !== undefined) {
      unknownMember(context, event.memberId, "stageEvents", index, "memberId");
    }
  }
}
