import { describe, expect, it } from "vitest";
import { parseGroupRecord, replayStageEvents, timeInStage, tuckman } from "../../src/index";
import { sampleGroupRecord } from "../../src/sample/index";

// Counted by hand from the sample's stage log (src/sample/grief-group-stages.ts): sessions 1–4 and 6–12 held (5 was
// cancelled), eight clients at the start, Jamal leaving on 31 March.
describe("the sample group's stage log", () => {
  const parsed = parseGroupRecord(sampleGroupRecord);
  if (!parsed.ok) throw new Error("the sample must parse");
  const record = parsed.value;
  const input = { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 };

  it("replays through Tuckman's stages, with one regression, to closed", () => {
    const replay = replayStageEvents(tuckman, input, record.stageEvents);
    expect(replay.ok).toBe(true);
    const { value, context } = replay.snapshot;
    expect(value).toBe("closed");
    expect(
      context.history.map((entry) => [entry.stage, entry.event, entry.enteredAt.slice(0, 10), entry.sessions]),
    ).toEqual([
      ["forming", "START", "2026-02-05", 2],
      ["storming", "ADVANCE", "2026-02-12", 2],
      ["norming", "ADVANCE", "2026-02-26", 2],
      ["storming", "REGRESS", "2026-03-19", 1],
      ["norming", "ADVANCE", "2026-03-26", 1],
      ["performing", "ADVANCE", "2026-04-02", 2],
      ["adjourning", "ADJOURN", "2026-04-16", 1],
      ["closed", "CLOSE", "2026-04-23", 0],
    ]);
    expect([context.sessionsTotal, context.activeMembers, context.outcome]).toEqual([11, 7, "completed"]);
  });

  it("says the group spent 7 days in the storming it went back to", () => {
    const upToNorming = record.stageEvents.filter(
      (event) => Date.parse(event.at) < Date.parse("2026-03-26T19:00:00-05:00"),
    );
    const replay = replayStageEvents(tuckman, input, upToNorming);
    expect(replay.snapshot.value).toBe("storming");
    expect(timeInStage(replay.snapshot, "2026-03-26T19:00:00-05:00", { timeZone: "America/Chicago" })).toMatchObject({
      days: 7,
      sessions: 0,
    });
  });
});
