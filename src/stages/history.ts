import { instantTime, notAnInstant } from "../_lib/dates.js";
import { describeValue, GroupworkError, readArgument } from "../_lib/errors.js";
import type { StageContext, StageHistoryEntry, StageInput, StageSuggestion } from "./context.js";
import type { StageEvent } from "./events.js";
import { currentStage } from "./guards.js";
import { isLaterWorkingStage, type StageRules, stageName } from "./rules.js";
import { closedStage } from "./types.js";

// How each event changes what the machine remembers. Pure: each returns a new context and never touches the old.

// xstate's pure `transition` and `initialTransition` build a throwaway actor, without input, on every call, and that
// actor asks for a start it never uses. Refusing it with one error made once spares a stack trace per event applied;
// an actor a user starts without input still fails with this error.
const NO_START = /* @__PURE__ */ new GroupworkError(
  "invalid-argument",
  "The stage machine needs its start as input: { at, by, activeMembers }.",
);

/**
 * The start `input` holds, as a plain copy of its fields, each read once; throws `invalid-argument` unless it is a start
 * the machine can use. `caller`, when given, opens the message and the fields are named as the caller's `input`
 * argument. Internal: `startStages` and `replayStageEvents` ask this before xstate sees the input, and the machine's own
 * context asks it too (for an actor a user starts).
 */
export function checkStartInput(input: unknown, caller?: string): StageInput & { readonly at: string } {
  if (input === undefined && caller === undefined) throw NO_START;
  const fail = (message: string): never => {
    const text =
      caller === undefined ? `${message.charAt(0).toUpperCase()}${message.slice(1)}` : `${caller}: ${message}`;
    throw new GroupworkError("invalid-argument", text);
  };
  const { at, by, activeMembers } = readArgument(
    `${caller === undefined ? "The" : `${caller}: the`} start (input)`,
    () => {
      if (typeof input !== "object" || input === null || Array.isArray(input)) {
        return fail(`the start (input) must be an object { at, by, activeMembers }; got ${describeValue(input)}.`);
      }
      const { at, by, activeMembers } = input as Record<string, unknown>;
      return { at, by, activeMembers };
    },
  );
  const time = instantTime(at);
  if (Number.isNaN(time)) fail(notAnInstant(at, "the start's time (input.at)"));
  if (typeof by !== "string" || by.trim() === "") fail("the start does not say who recorded it (input.by).");
  // A count past Number.MAX_SAFE_INTEGER is not exact, and a snapshot holding one would not restore.
  if (
    activeMembers !== undefined &&
    (typeof activeMembers !== "number" || !Number.isSafeInteger(activeMembers) || activeMembers < 0)
  ) {
    fail(
      `the start has ${describeValue(activeMembers)} active members (input.activeMembers); use a whole number from 0 to ${Number.MAX_SAFE_INTEGER}.`,
    );
  }
  // The start is kept as text, as every time in the history: given as a Date, as its ISO 8601 text in UTC (four-digit
  // years, as instantTime has checked).
  return {
    at: typeof at === "string" ? at : new Date(time).toISOString(),
    by: by as string,
    ...(activeMembers === undefined ? {} : { activeMembers: activeMembers as number }),
  };
}

/** The context a group starts with, in the model's first stage. Throws `invalid-argument` on a malformed input. */
export function startContext(rules: StageRules, input: StageInput | undefined): StageContext {
  const { at, by, activeMembers = 0 } = checkStartInput(input);
  return {
    modelId: rules.model.id,
    history: [{ stage: rules.first, enteredAt: at, event: "START", by, reason: null, sessions: 0 }],
    sessionsInStage: 0,
    sessionsTotal: 0,
    agreement: { status: "none" },
    activeMembers,
    suggestions: [],
    outcome: null,
    lastEventAt: at,
  };
}

function optionalReason(event: StageEvent): string | null {
  return "reason" in event && typeof event.reason === "string" ? event.reason : null;
}

/** The group moves to `stage` because of `event`; `why` replaces the event's own reason when given. */
export function enterStage(
  rules: StageRules,
  context: StageContext,
  event: StageEvent,
  stage: string,
  why?: string,
): StageContext {
  const entry: StageHistoryEntry = {
    stage,
    enteredAt: event.at,
    event: event.type,
    by: event.by,
    reason: why ?? optionalReason(event),
    sessions: 0,
  };
  let outcome = context.outcome;
  if (event.type === "ADJOURN") outcome = event.outcome;
  else if (stage !== closedStage && stage !== rules.final) outcome = null;
  return {
    ...context,
    history: [...context.history, entry],
    sessionsInStage: 0,
    outcome,
    lastEventAt: event.at,
  };
}

/** A session was held in the current stage. */
export function recordSession(context: StageContext, event: StageEvent): StageContext {
  const last = context.history.length - 1;
  return {
    ...context,
    history: context.history.map((entry, index) =>
      index === last ? { ...entry, sessions: entry.sessions + 1 } : entry,
    ),
    sessionsInStage: context.sessionsInStage + 1,
    sessionsTotal: context.sessionsTotal + 1,
    lastEventAt: event.at,
  };
}

/** The group adopted (a version of) its agreement; the latest adoption stands. */
export function recordAgreement(
  context: StageContext,
  event: Extract<StageEvent, { type: "AGREEMENT_ADOPTED" }>,
): StageContext {
  return {
    ...context,
    agreement: {
      status: "adopted",
      version: event.version,
      adoptedAt: event.at,
      includesConfidentiality: event.includesConfidentiality,
      limitsExplained: event.limitsExplained,
    },
    lastEventAt: event.at,
  };
}

/**
 * A member joined. In a working stage after the one members first met in, an open group may be forming again
 * (Tuckman & Jensen 1977; Toseland & Rivas on open groups): recorded as advice, with a reminder that the newcomer needs
 * the group agreement and the limits of confidentiality explained (NASW 1.07(f)).
 */
export function recordJoin(rules: StageRules, context: StageContext, event: StageEvent): StageContext {
  const stage = currentStage(context);
  const suggestions: readonly StageSuggestion[] = isLaterWorkingStage(rules, stage)
    ? [
        ...context.suggestions,
        {
          code: "may-be-re-forming",
          at: event.at,
          message: `A member joined while the group was in ${stageName(rules, stage)}; the group may be back in ${stageName(rules, rules.reforming)}. Go over the group agreement, confidentiality and its limits included, with the new member.`,
        },
      ]
    : context.suggestions;
  return { ...context, activeMembers: context.activeMembers + 1, suggestions, lastEventAt: event.at };
}

/**
 * A member joined and the group goes back to the stage members first met in (`onMemberJoined: "reopen-first-stage"`).
 */
export function reopenOnJoin(rules: StageRules, context: StageContext, event: StageEvent): StageContext {
  const why = `A member joined while the group was in ${stageName(rules, currentStage(context))}; the group is in ${stageName(rules, rules.reforming)} again.`;
  const moved = enterStage(rules, context, event, rules.reforming, why);
  return { ...moved, activeMembers: moved.activeMembers + 1 };
}

/** A member left. */
export function recordLeave(context: StageContext, event: StageEvent): StageContext {
  return { ...context, activeMembers: context.activeMembers - 1, lastEventAt: event.at };
}
