// The group's stage snapshot kept in the browser's localStorage, in the library's versioned envelope
// (persistStageSnapshot), and checked by restoreStageSnapshot before the board uses it again. Only the snapshot is
// kept: a record the worker opens stays in memory, because client records do not belong in a browser's storage.
import {
  persistStageSnapshot,
  restoreStageSnapshot,
  type StageModel,
  type StageRestoreIssue,
  type StageSnapshot,
} from "groupwork/stages";

/** The localStorage key of one group's snapshot. */
export function storageKey(groupId: string): string {
  return `groupwork.stage-board.${groupId}`;
}

/** What the board found in storage for a group. */
export type StoredStage =
  | { readonly kind: "none" }
  | { readonly kind: "restored"; readonly snapshot: StageSnapshot }
  | { readonly kind: "refused"; readonly issues: readonly Pick<StageRestoreIssue, "code" | "message" | "path">[] };

/** Reads and checks a group's stored snapshot; a stored value that is not a valid envelope is refused, never used. */
export function readStoredStage(storage: Storage, model: StageModel, groupId: string): StoredStage {
  let text: string | null;
  try {
    text = storage.getItem(storageKey(groupId));
  } catch {
    // A browser that blocks storage for the page throws here.
    return {
      kind: "refused",
      issues: [{ code: "not-an-object", path: [], message: "This browser's storage cannot be read." }],
    };
  }
  if (text === null) return { kind: "none" };
  let envelope: unknown;
  try {
    envelope = JSON.parse(text);
  } catch {
    return {
      kind: "refused",
      issues: [{ code: "not-an-object", path: [], message: "The stored snapshot is not JSON." }],
    };
  }
  const restored = restoreStageSnapshot(model, envelope);
  return restored.ok ? { kind: "restored", snapshot: restored.snapshot } : { kind: "refused", issues: restored.issues };
}

/** Stores a group's snapshot in its envelope; false when the browser refused it (its storage is full or blocked). */
export function writeStoredStage(storage: Storage, groupId: string, snapshot: StageSnapshot): boolean {
  try {
    storage.setItem(storageKey(groupId), JSON.stringify(persistStageSnapshot(snapshot)));
    return true;
  } catch {
    return false;
  }
}

/** What the worker is told when the browser would not store the snapshot. */
export const notStored =
  "The group's stage could not be stored: this browser's storage is full or blocked. It is kept on this page until it is closed or reloaded.";

/** Forgets a group's stored snapshot. */
export function forgetStoredStage(storage: Storage, groupId: string): void {
  storage.removeItem(storageKey(groupId));
}
