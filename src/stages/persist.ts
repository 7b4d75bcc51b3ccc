import { describeThrown, describeValue } from "../_lib/errors.js";
import type { StageSnapshotEnvelope } from "../model/index.js";
import type { StageMachineOptions } from "./context.js";
import { copyEnvelope, envelopeShapeIssues, stageSnapshotFormat, stageSnapshotVersion } from "./envelope-shape.js";
import { rulesOf } from "./machine.js";
import { checkRestoredContext } from "./restore-checks.js";
import type { StageRestoreIssue } from "./restore-issues.js";
import type { StageRules } from "./rules.js";
import { machineFor } from "./server.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import { closedStage, type StageModel } from "./types.js";

/**
 * Stores a group's stage snapshot as plain JSON in a versioned envelope: format, version, stage model id, and the
 * snapshot as xstate persists it (`getPersistedSnapshot`).
 *
 * @param snapshot - the group's snapshot
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a snapshot of a stage machine
 * @returns the envelope; `JSON.stringify` it to store it, and give it to `restoreStageSnapshot` to read it back
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
 * [envelope.format, envelope.version, envelope.modelId, envelope.snapshot.value]
 * //=> ["groupwork.stage-snapshot", 1, "tuckman", "forming"]
 */
export function persistStageSnapshot<Id extends string>(snapshot: StageSnapshot<Id>): StageSnapshotEnvelope {
  const { rules } = machineOf(snapshot, "persistStageSnapshot");
  // What xstate's getPersistedSnapshot gives for this machine, without its walk through the context looking for
  // actors: the machine has no child actors, no history states and a plain-data context, so the persisted form is the
  // status, the value and the context itself (xstate hands back the same context object too). Output and error, which
  // xstate leaves undefined, are not JSON and are left out.
  return {
    format: stageSnapshotFormat,
    version: stageSnapshotVersion,
    modelId: rules.model.id,
    snapshot: {
      status: snapshot.status === "done" ? "done" : "active",
      value: snapshot.value,
      historyValue: {},
      context: snapshot.context as StageSnapshotEnvelope["snapshot"]["context"],
      children: {},
    },
  };
}

/**
 * What restoring an envelope gave: the snapshot, or every issue found.
 *
 * @typeParam Id - the stage ids of the model
 * @example
 * const restored = restoreStageSnapshot(tuckmanModel, { format: "something-else" });
 * restored.ok ? [] : restored.issues.map((issue) => issue.code)
 * //=> ["wrong-format"]
 */
export type StageRestoreResult<Id extends string = string> =
  | { readonly ok: true; readonly snapshot: StageSnapshot<Id> }
  | { readonly ok: false; readonly issues: readonly StageRestoreIssue[] };

function issue(code: StageRestoreIssue["code"], path: StageRestoreIssue["path"], message: string): StageRestoreIssue {
  return { code, path, message };
}

/** Checks of the envelope itself, before its shape: a wrong format or version makes the rest meaningless. */
function envelopeIssues(envelope: unknown, model: StageModel): StageRestoreIssue[] {
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    const kind = envelope === null ? "null" : Array.isArray(envelope) ? "an array" : `a ${typeof envelope}`;
    return [issue("not-an-object", [], `A stage snapshot envelope is a JSON object; this is ${kind}.`)];
  }
  const { format, version, modelId } = envelope as Record<string, unknown>;
  if (format !== stageSnapshotFormat) {
    return [
      issue(
        "wrong-format",
        ["format"],
        `The envelope's format is ${format === undefined ? "missing" : describeValue(format)}, not ${JSON.stringify(stageSnapshotFormat)}.`,
      ),
    ];
  }
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1) {
    return [
      issue(
        "invalid-version",
        ["version"],
        version === undefined
          ? "The envelope's version is missing; expected a whole number from 1."
          : `The envelope's version is ${describeValue(version)}; expected a whole number from 1.`,
      ),
    ];
  }
  if (version > stageSnapshotVersion) {
    return [
      issue(
        "future-version",
        ["version"],
        `The envelope has version ${version}, written by a newer groupwork; this one reads up to version ${stageSnapshotVersion}.`,
      ),
    ];
  }
  if (modelId !== model.id) {
    return [
      issue(
        "wrong-model",
        ["modelId"],
        `The snapshot was stored for stage model ${modelId === undefined ? "(none)" : describeValue(modelId)}, not ${describeValue(model.id)}.`,
      ),
    ];
  }
  return [];
}

/**
 * Reads back an envelope from `persistStageSnapshot`: checks its format, version and model, its shape (that of the
 * model's `StageSnapshotEnvelopeSchema`, checked in plain code, so restoring does not load zod), and that its history
 * is one the machine could have written; only then gives back a snapshot that shares nothing with `envelope`.
 *
 * Never returns a snapshot that would make a broken actor: a wrong model, an unknown stage, a history that skips,
 * goes back in time or does not end in the current stage, or counts that do not add up each give an issue with a
 * stable code and the path of the part at fault.
 *
 * @param model - the stage model the group follows
 * @param envelope - the stored envelope, parsed from JSON; untrusted
 * @param options - the group's options, as given to `startStages`
 * A list in the snapshot (the history, the suggestions) longer than 10,000 entries is one issue, found without
 * walking it; of each list, the first 20 entries with a wrong shape, or 20 issues about its entries, are listed, and
 * the rest named as one issue with their number.
 *
 * @throws {GroupworkError} `invalid-argument` when the model is not a stage model (its id, say) or is malformed, or the
 *   options are malformed (a key that is not an option among them); never for the envelope, whose problems
 *   (one that cannot be read included) are returned as issues
 * @returns `{ ok: true, snapshot }`, or `{ ok: false, issues }` listing the problems found
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
 * const restored = restoreStageSnapshot(tuckmanModel, JSON.parse(JSON.stringify(envelope)));
 * restored.ok && restored.snapshot.value
 * //=> "forming"
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckmanModel, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
 * const restored = restoreStageSnapshot(bostonModel, envelope);
 * restored.ok ? [] : restored.issues.map((issue) => issue.code)
 * //=> ["wrong-model"]
 */
export function restoreStageSnapshot<const Id extends string>(
  model: StageModel<Id>,
  envelope: unknown,
  options: StageMachineOptions<Id> = {},
): StageRestoreResult<Id> {
  const machine = machineFor(model, options, "restoreStageSnapshot");
  // machineFor builds every machine with createStageMachine's rules, so they are always there.
  const rules = rulesOf(machine) as StageRules;
  let stored: StageSnapshotEnvelope;
  // The envelope is untrusted: a getter that throws or a revoked Proxy in it is an issue, as any other bad part is.
  // Once copied, the checks read the copy, so nothing in the envelope is read twice.
  try {
    const early = envelopeIssues(envelope, model);
    if (early.length > 0) return { ok: false, issues: early };
    const shape = envelopeShapeIssues(envelope);
    if (shape.length > 0) return { ok: false, issues: shape };
    stored = copyEnvelope(envelope as StageSnapshotEnvelope); // its shape was checked just above
  } catch (thrown) {
    const message = `The envelope could not be read (reading it threw ${describeThrown(thrown)}); store it as plain JSON.`;
    return { ok: false, issues: [issue("invalid-shape", [], message)] };
  }
  const { status, value, context } = stored.snapshot;
  const issues = checkRestoredContext(rules, stored.modelId, status, value, context);
  if (issues.length > 0) return { ok: false, issues };
  const snapshot = machine.resolveState({ value, context, status: value === closedStage ? "done" : "active" });
  return { ok: true, snapshot: snapshot as unknown as StageSnapshot<Id> };
}
