import type { StageModelId } from "../model/index.js";
import type { StageModel } from "./types.js";

// The readers behind `suggestStage`: each turns one kind of evidence into at most one signal pointing at a stage.
// Thresholds are ours, chosen to be easy to explain; the tendencies they read come from the sources cited beside them.
// Internal: the public face is `suggestStage` in suggest.ts.

/** Where in a group's development a signal points, before it is read in a given model. Internal. */
export type Phase = "first" | "orientation" | "conflict" | "cohesion" | "after-conflict" | "final";

/** A signal before it is named in the caller's model. Internal. */
export interface RawSignal {
  readonly code: string;
  readonly phase: Phase | { readonly index: number };
  readonly weight: number;
  readonly message: string;
}

// Which stage of each built-in model carries each tendency. Relational (Schiller 1995): connection comes first and
// conflict late, in challenge and change, which is then also where it is worked through. Toseland & Rivas: conflict,
// cohesion and work all belong to the middle stage.
const BUILT_IN_PHASES: {
  readonly [Id in StageModelId]: Readonly<Record<"orientation" | "conflict" | "cohesion", string>>;
} = {
  tuckman: { orientation: "forming", conflict: "storming", cohesion: "norming" },
  boston: { orientation: "pre-affiliation", conflict: "power-and-control", cohesion: "intimacy" },
  relational: { orientation: "pre-affiliation", conflict: "challenge-and-change", cohesion: "relational-base" },
  "toseland-rivas": { orientation: "beginning", conflict: "middle", cohesion: "middle" },
};

/** The index, in the model's stages, of the stage a phase points to. Internal. */
export function phaseIndex(model: StageModel, phase: Phase): number {
  const ids = model.stages.map((stage) => stage.id);
  const final = ids.length - 1;
  if (phase === "first") return 0;
  if (phase === "final") return final;
  const named = Object.hasOwn(BUILT_IN_PHASES, model.id) ? BUILT_IN_PHASES[model.id as StageModelId] : undefined;
  // A built-in id whose stages were changed, or an agency's own model, is read by position: first working stage
  // orientation, second conflict, third cohesion (or the last working stage when there are fewer).
  const known = named !== undefined && Object.values(named).every((id) => ids.includes(id));
  const at = (id: string | undefined, position: number) =>
    known && id !== undefined ? ids.indexOf(id) : Math.min(position, final - 1);
  if (phase === "orientation") return at(named?.orientation, 0);
  if (phase === "conflict") return at(named?.conflict, 1);
  if (phase === "cohesion") return at(named?.cohesion, 2);
  // After a conflict has passed, the group is in the working stage after the conflict stage; when the conflict stage
  // is the last working stage, the conflict is worked through in that stage itself.
  const conflict = at(named?.conflict, 1);
  return Math.min(conflict + 1, final - 1);
}

// Tuckman 1965: the first sessions are the group's orientation; Toseland & Rivas: the beginning is the first meetings.
const EARLY_SESSIONS = 2;
// Toseland & Rivas: the ending is worked on before the last session, so we take the last quarter of the planned
// sessions as the final stage.
export const ENDING_SHARE = 0.75;

/** The session signal: how far the group is through its sessions. Internal. */
export function sessionSignal(model: StageModel, held: number, planned: number | undefined): RawSignal | null {
  const share = planned === undefined ? null : held / planned;
  const verb = held === 1 ? "has" : "have";
  const of =
    planned === undefined
      ? `${held} session${held === 1 ? "" : "s"} ${verb}`
      : `${held} of ${planned} planned sessions ${verb}`;
  const percent = share === null ? "" : ` (${Math.round(share * 100)}%)`;
  if (held === 0) {
    return {
      code: "no-sessions-yet",
      phase: "first",
      weight: 0.5,
      message: "No session has been held yet: a group that has not met is at its start.",
    };
  }
  if (share !== null && share >= ENDING_SHARE) {
    return {
      code: "final-sessions",
      phase: "final",
      weight: 0.5,
      message: `${of} been held${percent}: the last quarter of the plan is the time to work on ending.`,
    };
  }
  if (held <= EARLY_SESSIONS) {
    return {
      code: "early-sessions",
      phase: "orientation",
      weight: 0.4,
      message: `Only ${of} been held: early sessions are usually the group's orientation.`,
    };
  }
  if (share === null) return null;
  // The planned sessions before the last quarter, spread evenly over the working stages from the orientation stage
  // on: where the group would be if it kept pace with its plan. Pace alone says little, so it weighs little.
  const from = phaseIndex(model, "orientation");
  const last = model.stages.length - 2;
  const index = Math.min(last, from + Math.floor((share / ENDING_SHARE) * (last - from + 1)));
  const label = model.stages[index]?.label ?? "";
  return {
    code: "session-pace",
    phase: { index },
    weight: 0.15,
    message: `${of} been held${percent}: a group keeping pace with its plan would be around ${label.toLowerCase()}; pace alone says little.`,
  };
}

const round1 = (value: number) => Math.round(value * 10) / 10;

// Folds rather than spreading a list into Math.max: a few hundred thousand readings would overflow the stack as
// arguments.
const largest = (values: readonly number[]) => values.reduce((most, value) => Math.max(most, value), -Infinity);
const smallest = (values: readonly number[]) => values.reduce((least, value) => Math.min(least, value), Infinity);
// A change of one scale point on the GCQ-S's 0–6 scale (one step such as "somewhat" to "moderately").
const CLIMATE_STEP = 1;

/** Readings of one GCQ-S subscale, in session order, without the missing ones. Internal. */
export function present(values: readonly (number | null | undefined)[]): number[] {
  return values.filter((value): value is number => typeof value === "number");
}

/**
 * The climate signals (GCQ-S, MacKenzie 1983): conflict at its highest so far after a rise, conflict well down from an
 * earlier peak, engagement rising. The GCQ was built to follow a group's climate as it develops; that engagement
 * tends to rise with cohesion and conflict to peak in the conflict stage is reported from secondary sources and not
 * yet checked against MacKenzie's text, so these signals weigh little. Internal.
 */
export function climateSignals(conflict: readonly number[], engaged: readonly number[]): RawSignal[] {
  const found: RawSignal[] = [];
  const latest = conflict.at(-1);
  if (latest !== undefined && conflict.length >= 2) {
    const earlier = conflict.slice(0, -1);
    const peak = largest(conflict);
    const peakAt = conflict.indexOf(peak);
    if (latest >= largest(earlier) && latest - smallest(earlier) >= CLIMATE_STEP) {
      found.push({
        code: "climate-conflict-rising",
        phase: "conflict",
        weight: 0.3,
        message: `GCQ-S conflict rose from ${round1(smallest(earlier))} to ${round1(latest)}, its highest so far; conflict tends to peak in the group's conflict stage.`,
      });
    } else if (peakAt > 0 && peak - latest >= CLIMATE_STEP) {
      found.push({
        code: "climate-conflict-past-peak",
        phase: "after-conflict",
        weight: 0.3,
        message: `GCQ-S conflict rose to ${round1(peak)} and has fallen to ${round1(latest)}: the group may have worked through a conflict.`,
      });
    }
  }
  const first = engaged[0];
  const now = engaged.at(-1);
  if (first !== undefined && now !== undefined && engaged.length >= 2 && now - first >= CLIMATE_STEP) {
    found.push({
      code: "climate-engagement-rising",
      phase: "cohesion",
      weight: 0.2,
      message: `GCQ-S engagement rose from ${round1(first)} to ${round1(now)}; engagement tends to rise as a group becomes cohesive.`,
    });
  }
  return found;
}

/** The conflict-note signals: the latest session has the most conflict noted so far, or far less than an earlier peak. */
export function conflictNoteSignals(counts: readonly number[]): RawSignal[] {
  const latest = counts.at(-1);
  if (latest === undefined || counts.length < 2) return [];
  const earlier = counts.slice(0, -1);
  const before = largest(earlier);
  const mean = earlier.reduce((sum, count) => sum + count, 0) / earlier.length;
  const sessions = (count: number) => `${count} conflict note${count === 1 ? "" : "s"}`;
  if (latest > 0 && latest >= before && latest > mean) {
    return [
      {
        code: "conflict-notes-rising",
        phase: "conflict",
        weight: 0.25,
        message: `The latest session has ${sessions(latest)}, as many as or more than any before it: conflict is rising.`,
      },
    ];
  }
  const peakAt = counts.indexOf(before);
  if (peakAt > 0 && before > 0 && latest <= before / 2) {
    return [
      {
        code: "conflict-notes-subsided",
        phase: "after-conflict",
        weight: 0.2,
        message: `Conflict notes rose to ${before} in one session and the latest has ${latest}: the conflict may have been worked through.`,
      },
    ];
  }
  return [];
}

// A fall of 15 points in the attendance rate: more than one absence in a group of eight.
const ATTENDANCE_FALL = 0.15;

/**
 * The attendance signal: the last two rates well below the earlier ones. Members withdraw when conflict is hard to
 * bear and as the end nears (Garland, Jones & Kolodny 1965; Toseland & Rivas), so it points to the final stage late in
 * the plan and to the conflict stage before. Internal.
 */
export function attendanceSignal(rates: readonly number[], late: boolean): RawSignal | null {
  if (rates.length < 3) return null;
  const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const earlier = mean(rates.slice(0, -2));
  const recent = mean(rates.slice(-2));
  if (earlier - recent < ATTENDANCE_FALL) return null;
  const percent = (value: number) => `${Math.round(value * 100)}%`;
  return {
    code: "attendance-falling",
    phase: late ? "final" : "conflict",
    weight: 0.15,
    message: `Attendance fell from ${percent(earlier)} to ${percent(recent)} over the last two sessions: members may be withdrawing, ${late ? "as they often do when the end nears" : "as they often do when conflict is hard to bear"}; ask the group.`,
  };
}
