import { describeValue } from "../_lib/errors.js";
import type { StageSnapshotEnvelope } from "../model/index.js";
import { StageSnapshotEnvelopeSchema } from "../model/index.js";
import type { StageMachineOptions } from "./context.js";
import { rulesOf } from "./machine.js";
import { checkRestoredContext } from "./restore-checks.js";
import type { StageRestoreIssue } from "./restore-issues.js";
import type { StageRules } from "./rules.js";
import { machineFor } from "./server.js";
import { machineOf, type StageSnapshot } from "./snapshot.js";
import { CLOSED, type StageModel } from "./types.js";

/**
 * The `format` of every stage snapshot envelope.
 *
 * @example
 * STAGE_SNAPSHOT_FORMAT
 * //=> "groupwork.stage-snapshot"
 */
export const STAGE_SNAPSHOT_FORMAT = "groupwork.stage-snapshot";

/**
 * The envelope version this library writes, and the newest it reads.
 *
 * @example
 * STAGE_SNAPSHOT_VERSION
 * //=> 1
 */
export const STAGE_SNAPSHOT_VERSION = 1;

/**
 * Stores a group's stage snapshot as plain JSON in a versioned envelope: format, version, stage model id, and the
 * snapshot as xstate persists it (`getPersistedSnapshot`).
 *
 * @param snapshot - the group's snapshot
 * @throws {GroupworkError} `invalid-argument` when `snapshot` is not a snapshot of a stage machine
 * @returns the envelope; `JSON.stringify` it to store it, and give it to `restoreStageSnapshot` to read it back
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
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
    format: STAGE_SNAPSHOT_FORMAT,
    version: STAGE_SNAPSHOT_VERSION,
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
 * const restored = restoreStageSnapshot(tuckman, { format: "something-else" });
 * [restored.ok, restored.issues.map((issue) => issue.code)]
 * //=> [false, ["wrong-format"]]
 */
export type StageRestoreResult<Id extends string = string> =
  | { readonly ok: true; readonly snapshot: StageSnapshot<Id> }
  | { readonly ok: false; readonly issues: readonly StageRestoreIssue[] };

function issue(code: StageRestoreIssue["code"], path: StageRestoreIssue["path"], message: string): StageRestoreIssue {
  return { code, path, message };
}

/**
 * A shape problem found by zod, as an issue. zod's own message quotes unknown keys in full, and a key may be a megabyte
 * long, so those are described here with bounded previews.
 */
function shapeIssue(found: {
  readonly code: string;
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly keys?: readonly string[];
}): StageRestoreIssue {
  const path = found.path.map((key) => (typeof key === "number" ? key : String(key)));
  const keys = found.code === "unrecognized_keys" ? found.keys : undefined;
  if (keys === undefined) return issue("invalid-shape", path, found.message);
  const shown = keys.slice(0, 3).map(describeValue).join(", ");
  const more = keys.length > 3 ? ` and ${keys.length - 3} more` : "";
  return issue(
    "invalid-shape",
    path,
    `Unknown field${keys.length === 1 ? "" : "s"} ${shown}${more}; remove ${keys.length === 1 ? "it" : "them"}.`,
  );
}

/** Checks of the envelope itself, before its shape: a wrong format or version makes the rest meaningless. */
function envelopeIssues(envelope: unknown, model: StageModel): StageRestoreIssue[] {
  if (typeof envelope !== "object" || envelope === null || Array.isArray(envelope)) {
    const kind = envelope === null ? "null" : Array.isArray(envelope) ? "an array" : `a ${typeof envelope}`;
    return [issue("not-an-object", [], `A stage snapshot envelope is a JSON object; this is ${kind}.`)];
  }
  const { format, version, modelId } = envelope as Record<string, unknown>;
  if (format !== STAGE_SNAPSHOT_FORMAT) {
    return [
      issue(
        "wrong-format",
        ["format"],
        `The envelope's format is ${format === undefined ? "missing" : describeValue(format)}, not ${JSON.stringify(STAGE_SNAPSHOT_FORMAT)}.`,
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
  if (version > STAGE_SNAPSHOT_VERSION) {
    return [
      issue(
        "future-version",
        ["version"],
        `The envelope has version ${version}, written by a newer groupwork; this one reads up to version ${STAGE_SNAPSHOT_VERSION}.`,
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
 * Reads back an envelope from `persistStageSnapshot`: checks its format, version and model, its shape (with zod), and
 * that its history is one the machine could have written; only then gives the snapshot back.
 *
 * Never returns a snapshot that would make a broken actor: a wrong model, an unknown stage, a history that skips,
 * goes back in time or does not end in the current stage, or counts that do not add up each give an issue with a
 * stable code and the path of the part at fault.
 *
 * @param model - the stage model the group follows
 * @param envelope - the stored envelope, parsed from JSON; untrusted
 * @param options - the group's options, as given to `startStages`
 * @throws {GroupworkError} `invalid-argument` when the model is not a stage model (its id, say) or is malformed, or the
 *   options are malformed; never for the envelope, whose problems are returned as issues
 * @returns `{ ok: true, snapshot }`, or `{ ok: false, issues }` listing every problem found
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
 * const restored = restoreStageSnapshot(tuckman, JSON.parse(JSON.stringify(envelope)));
 * [restored.ok, restored.snapshot.value]
 * //=> [true, "forming"]
 * @example
 * const envelope = persistStageSnapshot(startStages(tuckman, { at: "2026-02-05T18:00:00-05:00", by: "worker-1" }));
 * restoreStageSnapshot(bostonModel, envelope).issues.map((issue) => issue.code)
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
  const early = envelopeIssues(envelope, model);
  if (early.length > 0) return { ok: false, issues: early };
  const parsed = StageSnapshotEnvelopeSchema.safeParse(envelope);
  if (!parsed.success) {
    return { ok: false, issues: parsed.error.issues.map(shapeIssue) };
  }
  const { status, value, context } = parsed.data.snapshot;
  const issues = checkRestoredContext(rules, parsed.data.modelId, status, value, context);
  if (issues.length > 0) return { ok: false, issues };
  const snapshot = machine.resolveState({ value, context, status: value === CLOSED ? "done" : "active" });
  return { ok: true, snapshot: snapshot as unknown as StageSnapshot<Id> };
}
