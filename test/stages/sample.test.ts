import { describe, expect, it } from "vitest";
import { bostonModel, parseGroupRecord, replayStageEvents, timeInStage, tuckmanModel } from "../../src/index";
import { sampleGroupRecord } from "../../src/sample/index";

// Counted by hand from the sample's stage log (src/sample/grief-group-stages.ts): sessions 1–4 and 6–12 held (5 was
// cancelled), eight clients at the start, Jamal leaving on 31 March.
describe("the sample group's stage log", () => {
  const parsed = parseGroupRecord(sampleGroupRecord);
  if (!parsed.ok) throw new Error("the sample must parse");
  const record = parsed.value;
  const input = { at: "2026-02-05T18:00:00-06:00", by: "f-rivera", activeMembers: 8 };

  it("replays through Tuckman's stages, with one regression, to closed", () => {
    const replay = replayStageEvents(tuckmanModel, input, record.stageEvents);
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
    const replay = replayStageEvents(tuckmanModel, input, upToNorming);
    expect(replay.snapshot.value).toBe("storming");
    expect(timeInStage(replay.snapshot, "2026-03-26T19:00:00-05:00", { timeZone: "America/Chicago" })).toMatchObject({
      days: 7,
      sessions: 0,
    });
  });

  it("counts calendar days across the change to daylight time (8 March 2026 in Chicago)", () => {
    // Norming entered on 26 February (CST, -06:00); asked on 12 March (CDT, -05:00) before session 6 ended:
    // 2 days left in February 2026 plus 12 in March.
    const upTo = "2026-03-12T19:00:00-05:00";
    const replay = replayStageEvents(
      tuckmanModel,
      input,
      record.stageEvents.filter((event) => Date.parse(event.at) < Date.parse(upTo)),
    );
    expect(timeInStage(replay.snapshot, upTo, { timeZone: "America/Chicago" })).toEqual({
      stage: "norming",
      enteredAt: "2026-02-26T19:45:00-06:00",
      enteredOn: "2026-02-26",
      days: 14,
      sessions: 0,
    });
  });

  it("stops at a REGRESS to a stage the model lacks, with the entry's index and the snapshot before it", () => {
    // The log names Tuckman's stages; entry 9 is the REGRESS to storming.
    const regress = record.stageEvents.findIndex((event) => event.type === "REGRESS");
    expect(regress).toBe(9);
    const wrongModel = replayStageEvents(bostonModel, input, record.stageEvents);
    expect(wrongModel.ok).toBe(false);
    if (wrongModel.ok) return;
    // Read in the Boston model, the two ADVANCEs before it reach intimacy, and storming is no stage of that model.
    expect(wrongModel.index).toBe(9);
    expect(wrongModel.snapshot.value).toBe("intimacy");
    expect(wrongModel.blockedBy).toEqual([
      { code: "unknown-stage", message: '"storming" is not a stage of the model boston.' },
    ]);
  });
});
