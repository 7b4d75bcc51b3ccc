import { isInstant } from "../_lib/dates.js";
import { describeValue } from "../_lib/errors.js";
import type { StageSnapshotEnvelope } from "../model/index.js";
import { adjournOutcomes, stageEventTypes } from "../model/vocabulary/index.js";
import { longestStageList } from "../model/vocabulary/stage-events.js";
import type { StageRestoreIssue } from "./restore-issues.js";

// The shape of a stored stage snapshot envelope, checked in plain code so that restoring a snapshot does not load zod.
// It accepts exactly what the model's StageSnapshotEnvelopeSchema accepts (a property test holds the two to it): strict
// objects (an unknown field is refused), non-empty texts, whole counts from 0, ISO 8601 instants with an offset.

/** The `format` of every stage snapshot envelope. Internal. */
export const stageSnapshotFormat = "groupwork.stage-snapshot";

/** The envelope version this library writes, and the newest it reads. Internal. */
export const stageSnapshotVersion = 1;

type Path = readonly (string | number)[];

/**
 * Checks one value at `path`, adding what is wrong with it to `issues`. The path is one list, extended while a check
 * reads inside a value and restored after, and copied only into an issue: a well-formed envelope (every request of a
 * server that stores snapshots) allocates none.
 */
type Check = (value: unknown, path: (string | number)[], issues: StageRestoreIssue[]) => void;

/** How a path reads in a sentence: `snapshot.context.history[2].stage`. */
function where(path: Path): string {
  if (path.length === 0) return "The envelope";
  return path.map((key, index) => (typeof key === "number" ? `[${key}]` : index === 0 ? key : `.${key}`)).join("");
}

function shapeIssue(path: Path, message: string): StageRestoreIssue {
  return { code: "invalid-shape", path: [...path], message };
}

/** A check that passes when `accepts` holds, and otherwise says what the value must be. */
function check(accepts: (value: unknown) => boolean, mustBe: string): Check {
  return (value, path, issues) => {
    if (!accepts(value))
      issues.push(shapeIssue(path, `${where(path)} must be ${mustBe}; got ${describeValue(value)}.`));
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const text = check((value) => typeof value === "string" && value.length > 0, "non-empty text");
const count = check(
  (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 0,
  "a whole number of 0 or more",
);
const instant = check(
  (value) => typeof value === "string" && isInstant(value),
  'an ISO 8601 instant with an offset, such as "2026-03-02T17:00:00-05:00"',
);
const flag = check((value) => typeof value === "boolean", "true or false");

function oneOf(values: readonly unknown[]): Check {
  return check((value) => values.includes(value), `one of ${values.map((value) => JSON.stringify(value)).join(", ")}`);
}

function nullable(inner: Check): Check {
  return (value, path, issues) => {
    if (value !== null) inner(value, path, issues);
  };
}

// How many entries of one list with problems are reported; past this many the reading stops and one issue says how
// many entries were left unchecked, as the other readers of the library do.
const LISTED_PER_LIST = 20;

/**
 * A list of at most `longestStageList` entries, each checked by `item`. A longer list is one issue, found without
 * walking it; past LISTED_PER_LIST entries with problems, one issue names how many were left unchecked.
 */
function list(item: Check): Check {
  return (value, path, issues) => {
    if (!Array.isArray(value)) {
      issues.push(shapeIssue(path, `${where(path)} must be a list; got ${describeValue(value)}.`));
      return;
    }
    const { length } = value;
    if (length > longestStageList) {
      issues.push(
        shapeIssue(
          path,
          `${where(path)} has ${length} entries; a stored snapshot holds at most ${longestStageList}, far more than any group records.`,
        ),
      );
      return;
    }
    let listed = 0;
    for (let index = 0; index < length; index++) {
      const before = issues.length;
      path.push(index);
      item(value[index], path, issues);
      path.pop();
      if (issues.length === before) continue;
      if (listed === LISTED_PER_LIST) {
        issues.length = before;
        const rest = length - index;
        issues.push(
          shapeIssue(
            path,
            `… and ${rest} more ${rest === 1 ? "entry" : "entries"} from ${where([...path, index])} on, not checked: only the first ${LISTED_PER_LIST} entries with problems are listed.`,
          ),
        );
        return;
      }
      listed++;
    }
  };
}

/**
 * An object with exactly these fields, each required: a field missing or of the wrong kind, and every field it does
 * not know, is an issue. The unknown fields are named with bounded previews (a key may be a megabyte long).
 */
function strictObject(fields: Readonly<Record<string, Check>>): Check {
  const known = Object.entries(fields);
  return (value, path, issues) => {
    if (!isRecord(value)) {
      issues.push(shapeIssue(path, `${where(path)} must be an object; got ${describeValue(value)}.`));
      return;
    }
    for (const [key, field] of known) {
      path.push(key);
      if (key in value) field(value[key], path, issues);
      else issues.push(shapeIssue(path, `${where(path)} is missing.`));
      path.pop();
    }
    const unknown: string[] = [];
    // for…in, as the schema reads an object: every enumerable key, its prototype's included.
    for (const key in value) if (!Object.hasOwn(fields, key)) unknown.push(key);
    if (unknown.length === 0) return;
    const shown = unknown.slice(0, 3).map(describeValue).join(", ");
    const more = unknown.length > 3 ? ` and ${unknown.length - 3} more` : "";
    const one = unknown.length === 1;
    issues.push(shapeIssue(path, `Unknown field${one ? "" : "s"} ${shown}${more}; remove ${one ? "it" : "them"}.`));
  };
}

const noAgreement = strictObject({ status: text });
const adoptedAgreement = strictObject({
  status: text,
  version: text,
  adoptedAt: instant,
  includesConfidentiality: flag,
  limitsExplained: flag,
});

/** An agreement: `{ status: "none" }`, or adopted with its version, date and the two confidentiality answers. */
const agreement: Check = (value, path, issues) => {
  const status = isRecord(value) ? value["status"] : undefined;
  if (status === "none") noAgreement(value, path, issues);
  else if (status === "adopted") adoptedAgreement(value, path, issues);
  else if (!isRecord(value)) {
    issues.push(shapeIssue(path, `${where(path)} must be an object; got ${describeValue(value)}.`));
  } else {
    const at = [...path, "status"];
    issues.push(shapeIssue(at, `${where(at)} must be "none" or "adopted"; got ${describeValue(status)}.`));
  }
};

const historyEntry = strictObject({
  stage: text,
  enteredAt: instant,
  event: oneOf([...stageEventTypes, "START"]),
  by: text,
  reason: nullable(check((value) => typeof value === "string", "text")),
  sessions: count,
});

const envelopeShape = strictObject({
  format: oneOf([stageSnapshotFormat]),
  version: check(
    (value) => typeof value === "number" && Number.isSafeInteger(value) && value >= 1,
    "a whole number from 1",
  ),
  modelId: text,
  snapshot: strictObject({
    status: oneOf(["active", "done"]),
    value: text,
    historyValue: strictObject({}),
    context: strictObject({
      modelId: text,
      history: list(historyEntry),
      sessionsInStage: count,
      sessionsTotal: count,
      agreement,
      activeMembers: count,
      suggestions: list(strictObject({ code: oneOf(["may-be-re-forming"]), at: instant, message: text })),
      outcome: nullable(oneOf(adjournOutcomes)),
      lastEventAt: instant,
    }),
    children: strictObject({}),
  }),
});

/**
 * Every way `envelope` is not the shape of a stored stage snapshot (`StageSnapshotEnvelope`), each an `invalid-shape`
 * issue with its path; empty when the shape is right. Internal: `restoreStageSnapshot` asks it after the format,
 * version and model, and before the checks against the model.
 */
export function envelopeShapeIssues(envelope: unknown): StageRestoreIssue[] {
  const issues: StageRestoreIssue[] = [];
  envelopeShape(envelope, [], issues);
  return issues;
}

/**
 * A fresh copy of an envelope whose shape {@link envelopeShapeIssues} passed, as plain objects: the restored snapshot
 * shares nothing with what the host handed over, as the schema's parsed copy would not. Internal.
 */
export function copyEnvelope(envelope: StageSnapshotEnvelope): StageSnapshotEnvelope {
  const { snapshot } = envelope;
  const { context } = snapshot;
  const agreement = context.agreement;
  return {
    format: envelope.format,
    version: envelope.version,
    modelId: envelope.modelId,
    snapshot: {
      status: snapshot.status,
      value: snapshot.value,
      historyValue: {},
      context: {
        modelId: context.modelId,
        history: context.history.map(({ stage, enteredAt, event, by, reason, sessions }) => ({
          stage,
          enteredAt,
          event,
          by,
          reason,
          sessions,
        })),
        sessionsInStage: context.sessionsInStage,
        sessionsTotal: context.sessionsTotal,
        agreement:
          agreement.status === "none"
            ? { status: "none" }
            : {
                status: "adopted",
                version: agreement.version,
                adoptedAt: agreement.adoptedAt,
                includesConfidentiality: agreement.includesConfidentiality,
                limitsExplained: agreement.limitsExplained,
              },
        activeMembers: context.activeMembers,
        suggestions: context.suggestions.map(({ code, at, message }) => ({ code, at, message })),
        outcome: context.outcome,
        lastEventAt: context.lastEventAt,
      },
      children: {},
    },
  };
}
