import { describeValue } from "../_lib/errors.js";
import type { StageSnapshotEnvelope } from "../model/index.js";
import type { StageRestoreIssue } from "./restore-issues.js";
import { destinations, type StageRules, stageName } from "./rules.js";
import { closedStage } from "./types.js";

// What a shape cannot say about a stored snapshot: that its stages belong to the model and that its history is one
// the machine could have written. A snapshot that fails these would make an actor that misleads the worker.

type StoredContext = StageSnapshotEnvelope["snapshot"]["context"];
type StoredEntry = StoredContext["history"][number];

const CONTEXT = ["snapshot", "context"] as const;

/** Whether the machine can write `entry` right after `previous`: a move of rules.ts from the stage before. */
function canMove(rules: StageRules, previous: StoredEntry, entry: StoredEntry): boolean {
  return entry.event !== "START" && destinations(rules, previous.stage, entry.event).includes(entry.stage);
}

function isStage(rules: StageRules, stage: string): boolean {
  return stage === closedStage || rules.position.has(stage);
}

function historyIssues(rules: StageRules, history: readonly StoredEntry[], value: string): StageRestoreIssue[] {
  const issues: StageRestoreIssue[] = [];
  const path = [...CONTEXT, "history"];
  const first = history[0];
  if (first === undefined) {
    return [{ code: "history-empty", path, message: "The history is empty; it starts with the group's START." }];
  }
  if (first.event !== "START" || first.stage !== rules.first) {
    issues.push({
      code: "history-start",
      path: [...path, 0],
      message: `The history must begin with START in ${stageName(rules, rules.first)}; it begins with ${first.event} in ${stageName(rules, first.stage)}.`,
    });
  }
  // Each date is read once: restoring runs on every request of a server that stores snapshots. The shape check has
  // passed every time as an ISO 8601 instant, so Date.parse reads each exactly.
  let previousTime = Date.parse(first.enteredAt);
  for (let index = 0; index < history.length; index++) {
    const entry = history[index];
    if (entry === undefined) continue;
    if (!isStage(rules, entry.stage)) {
      issues.push({
        code: "unknown-stage",
        path: [...path, index, "stage"],
        message: `History entry ${index} names stage ${describeValue(entry.stage)}, which is not in the model ${rules.model.id}.`,
      });
    }
    const previous = history[index - 1];
    if (previous === undefined) continue;
    // A move from or to a stage the model lacks is already reported as unknown-stage.
    if (isStage(rules, entry.stage) && isStage(rules, previous.stage) && !canMove(rules, previous, entry)) {
      issues.push({
        code: "history-not-contiguous",
        path: [...path, index],
        message: `History entry ${index} moves from ${stageName(rules, previous.stage)} to ${stageName(rules, entry.stage)} by ${entry.event}, a move the stage machine never makes.`,
      });
    }
    if ((entry.event === "REGRESS" || entry.event === "ADJOURN") && (entry.reason ?? "").trim() === "") {
      issues.push({
        code: "history-missing-reason",
        path: [...path, index, "reason"],
        message: `History entry ${index} (${entry.event}) has no reason; the machine always records one.`,
      });
    }
    const time = Date.parse(entry.enteredAt);
    const backwards = time < previousTime;
    previousTime = time;
    if (backwards) {
      issues.push({
        code: "history-out-of-order",
        path: [...path, index, "enteredAt"],
        message: `History entry ${index} is dated ${entry.enteredAt}, before the entry before it (${previous.enteredAt}).`,
      });
    }
  }
  const last = history.at(-1);
  if (last !== undefined && last.stage !== value) {
    issues.push({
      code: "history-not-current",
      path: [...path, history.length - 1, "stage"],
      message: `The last history entry is ${stageName(rules, last.stage)}, but the group is in ${stageName(rules, value)}.`,
    });
  }
  return issues;
}

/** A `history-out-of-order` issue when `at` is after the group's last event; the path is built only then. */
function lateIssue(
  context: StoredContext,
  last: number,
  at: string,
  ...where: (string | number)[]
): StageRestoreIssue[] {
  if (Date.parse(at) <= last) return [];
  return [
    {
      code: "history-out-of-order",
      path: [...CONTEXT, ...where],
      message: `${at} is after the group's last event (${context.lastEventAt}).`,
    },
  ];
}

function laterThanLastEvent(context: StoredContext): StageRestoreIssue[] {
  const last = Date.parse(context.lastEventAt);
  const issues: StageRestoreIssue[] = [];
  // Entries are in order once historyIssues has passed them, so only the last one can be later than the last event;
  // when they are not, that is already reported.
  const end = context.history.length - 1;
  const lastEntry = context.history[end];
  if (lastEntry !== undefined)
    issues.push(...lateIssue(context, last, lastEntry.enteredAt, "history", end, "enteredAt"));
  // A stored context may hold a million suggestions, so each is added on its own (never spread into push).
  for (let index = 0; index < context.suggestions.length; index++) {
    const suggestion = context.suggestions[index];
    if (suggestion === undefined) continue;
    for (const found of lateIssue(context, last, suggestion.at, "suggestions", index, "at")) issues.push(found);
  }
  if (context.agreement.status === "adopted") {
    issues.push(...lateIssue(context, last, context.agreement.adoptedAt, "agreement", "adoptedAt"));
  }
  return issues;
}

/**
 * Moves forward (`ADVANCE`, `CLOSE`) the guards would have refused: the stay before them holds too few sessions, or
 * the stage asks for the agreement and none was ever adopted (an adoption is never undone, so `none` now means none
 * then). NASW 1.07(e)(f).
 */
function readinessIssues(rules: StageRules, context: StoredContext): StageRestoreIssue[] {
  const issues: StageRestoreIssue[] = [];
  for (let index = 1; index < context.history.length; index++) {
    const entry = context.history[index];
    const stay = context.history[index - 1];
    if (entry === undefined || stay === undefined || (entry.event !== "ADVANCE" && entry.event !== "CLOSE")) continue;
    const rule = rules.readiness.get(stay.stage);
    if (rule === undefined) continue;
    const few = stay.sessions < rule.minSessions;
    const unagreed = rule.requiresAgreement && context.agreement.status === "none";
    if (!few && !unagreed) continue;
    const path = [...CONTEXT, "history", index];
    const left = `History entry ${index} leaves ${stageName(rules, stay.stage)} by ${entry.event}`;
    if (few) {
      issues.push({
        code: "history-not-ready",
        path,
        message: `${left} after ${stay.sessions} of the ${rule.minSessions} sessions it needs.`,
      });
    }
    if (unagreed) {
      issues.push({ code: "history-not-ready", path, message: `${left}, but no group agreement was ever adopted.` });
    }
  }
  return issues;
}

function countIssues(context: StoredContext): StageRestoreIssue[] {
  const issues: StageRestoreIssue[] = [];
  const inStage = context.history.at(-1)?.sessions ?? 0;
  if (context.sessionsInStage !== inStage) {
    issues.push({
      code: "counts-inconsistent",
      path: [...CONTEXT, "sessionsInStage"],
      message: `sessionsInStage is ${context.sessionsInStage}, but the history records ${inStage} in the current stage.`,
    });
  }
  const closed = context.history.findIndex((entry) => entry.stage === closedStage && entry.sessions > 0);
  if (closed !== -1) {
    issues.push({
      code: "counts-inconsistent",
      path: [...CONTEXT, "history", closed, "sessions"],
      message: `History entry ${closed} counts sessions after the group was closed; nothing happens after closed.`,
    });
  }
  const total = context.history.reduce((sum, entry) => sum + entry.sessions, 0);
  if (context.sessionsTotal !== total) {
    issues.push({
      code: "counts-inconsistent",
      path: [...CONTEXT, "sessionsTotal"],
      message: `sessionsTotal is ${context.sessionsTotal}, but the history records ${total} sessions in all.`,
    });
  }
  return issues;
}

/** Every semantic problem of a stored snapshot whose shape is valid. Internal. */
export function checkRestoredContext(
  rules: StageRules,
  modelId: string,
  status: "active" | "done",
  value: string,
  context: StoredContext,
): StageRestoreIssue[] {
  const issues: StageRestoreIssue[] = [];
  if (context.modelId !== modelId) {
    issues.push({
      code: "wrong-model",
      path: [...CONTEXT, "modelId"],
      message: `The snapshot's context belongs to stage model ${describeValue(context.modelId)}, not ${describeValue(modelId)}.`,
    });
  }
  if (!isStage(rules, value)) {
    issues.push({
      code: "unknown-stage",
      path: ["snapshot", "value"],
      message: `The group is in ${describeValue(value)}, which is not a stage of the model ${rules.model.id}.`,
    });
  }
  if ((status === "done") !== (value === closedStage)) {
    issues.push({
      code: "status-mismatch",
      path: ["snapshot", "status"],
      message: `The snapshot's status is ${status}, but the group is ${value === closedStage ? "closed" : `in ${stageName(rules, value)}`}.`,
    });
  }
  // concat, not push(...): a history of a million entries can give a million issues, too many for arguments.
  const found = issues.concat(
    historyIssues(rules, context.history, value),
    readinessIssues(rules, context),
    laterThanLastEvent(context),
    countIssues(context),
  );
  const ended = value === closedStage || value === rules.final;
  if (ended !== (context.outcome !== null)) {
    found.push({
      code: "outcome-inconsistent",
      path: [...CONTEXT, "outcome"],
      message: ended
        ? "The group was adjourned but has no outcome."
        : `The group is in ${stageName(rules, value)}, a working stage, but has the outcome ${describeValue(context.outcome)}.`,
    });
  }
  return listedPerList(found);
}

// How many issues about the entries of one list (the history, the suggestions) are listed; the rest are named as one.
const LISTED_PER_LIST = 20;

/**
 * The issues with at most LISTED_PER_LIST about the entries of each list, in their order; the rest of a list's are
 * one issue at the list's path, with their number and the range of entries they are about (and the code of the first).
 */
function listedPerList(issues: readonly StageRestoreIssue[]): StageRestoreIssue[] {
  const kept: StageRestoreIssue[] = [];
  const left = new Map<string, { first: StageRestoreIssue; count: number; low: number; high: number }>();
  const listed = new Map<string, number>();
  for (const found of issues) {
    const [, , list, index] = found.path;
    if (found.path.length < 4 || typeof list !== "string" || typeof index !== "number") {
      kept.push(found);
      continue;
    }
    const shown = listed.get(list) ?? 0;
    if (shown < LISTED_PER_LIST) {
      listed.set(list, shown + 1);
      kept.push(found);
      continue;
    }
    const rest = left.get(list);
    if (rest === undefined) left.set(list, { first: found, count: 1, low: index, high: index });
    else {
      rest.count++;
      rest.low = Math.min(rest.low, index);
      rest.high = Math.max(rest.high, index);
    }
  }
  for (const [list, { first, count, low, high }] of left) {
    const entries = low === high ? `entry ${low}` : `entries ${low}–${high}`;
    kept.push({
      code: first.code,
      path: [...CONTEXT, list],
      message: `… and ${count} more issue${count === 1 ? "" : "s"} about ${list} ${entries}, not listed: only the first ${LISTED_PER_LIST} issues about a list are.`,
    });
  }
  return kept;
}
