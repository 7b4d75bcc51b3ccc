// The problems restoreStageSnapshot reports: plain objects with a stable code, a path and a sentence.

/**
 * Stable codes of the problems `restoreStageSnapshot` finds in an envelope.
 *
 * - `not-an-object`: the envelope is not a JSON object.
 * - `wrong-format`: `format` is not `groupwork.stage-snapshot`.
 * - `invalid-version`: `version` is missing or not a whole number from 1.
 * - `future-version`: `version` is newer than this library reads.
 * - `wrong-model`: the envelope or its context names another stage model.
 * - `invalid-shape`: a part is missing, of the wrong type or unexpected (the shape of `StageSnapshotEnvelopeSchema`).
 * - `unknown-stage`: the current stage or a history entry names a stage the model does not have.
 * - `status-mismatch`: `status` is `done` but the group is not closed, or the other way round.
 * - `history-empty`, `history-start`: the history is empty, or does not begin with `START` in the first stage.
 * - `history-not-contiguous`: an entry is a move the machine cannot make from the entry before it.
 * - `history-missing-reason`: a `REGRESS` or `ADJOURN` entry has no reason.
 * - `history-not-current`: the last entry is not the current stage.
 * - `history-out-of-order`: dates go backwards, or something is dated after the last event.
 * - `history-not-ready`: the group left a stage forward before its readiness rule was met (too few sessions in it, or
 *   no agreement ever adopted where one is needed).
 * - `counts-inconsistent`: the session counts do not match the history.
 * - `outcome-inconsistent`: an outcome without adjourning, or adjourning without an outcome.
 *
 * @example
 * const restored = restoreStageSnapshot(tuckmanModel, "not an envelope");
 * restored.ok ? [] : restored.issues.map((issue) => issue.code)
 * //=> ["not-an-object"]
 */
export type StageRestoreIssueCode =
  | "not-an-object"
  | "wrong-format"
  | "invalid-version"
  | "future-version"
  | "wrong-model"
  | "invalid-shape"
  | "unknown-stage"
  | "status-mismatch"
  | "history-empty"
  | "history-start"
  | "history-not-contiguous"
  | "history-missing-reason"
  | "history-not-current"
  | "history-out-of-order"
  | "history-not-ready"
  | "counts-inconsistent"
  | "outcome-inconsistent";

/**
 * One problem `restoreStageSnapshot` found: a stable code, where in the envelope, and a sentence.
 *
 * @example
 * const restored = restoreStageSnapshot(tuckmanModel, { format: "groupwork.stage-snapshot", version: 2 });
 * restored.ok ? [] : restored.issues
 * //=> [
 *   {
 *     code: "future-version",
 *     path: ["version"],
 *     message: "The envelope has version 2, written by a newer groupwork; this one reads up to version 1.",
 *   },
 * ]
 */
export interface StageRestoreIssue {
  /** Stable code a program can switch on. */
  readonly code: StageRestoreIssueCode;
  /** Where in the envelope, such as `["snapshot", "context", "history", 2, "enteredAt"]`; empty for the whole. */
  readonly path: readonly (string | number)[];
  /** A sentence a person can act on. */
  readonly message: string;
}
