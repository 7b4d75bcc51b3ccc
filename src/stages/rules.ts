import { GroupworkError, describeValue } from "../_lib/errors.js";
import type { StageMachineOptions } from "./context.js";
import { defineStageModel } from "./define.js";
import type { StageModel } from "./types.js";

// A stage model and one group's options, resolved once when the machine is built, so the guards and
// `availableStageEvents` read the same numbers.

/** The rules for leaving one stage, resolved from the model and the options. Internal. */
export interface ResolvedReadiness {
  readonly minSessions: number;
  readonly requiresAgreement: boolean;
}

/** A stage model compiled for the guards. Internal. */
export interface StageRules {
  readonly model: StageModel;
  /** Stage ids in order; the last is the final stage. */
  readonly order: readonly string[];
  /** Position of each stage id in `order`. */
  readonly position: ReadonlyMap<string, number>;
  readonly first: string;
  readonly final: string;
  /** The stage an open group forms again in (`model.reformingStage`, else the first stage). */
  readonly reforming: string;
  /** How a sentence names each stage (see `stageName`). */
  readonly names: ReadonlyMap<string, string>;
  readonly readiness: ReadonlyMap<string, ResolvedReadiness>;
  readonly reopenOnJoin: boolean;
}

function checkCount(value: number | undefined, where: string): void {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new GroupworkError(
      "invalid-argument",
      `${where} is ${describeValue(value)}; use a whole number of sessions, 0 or more.`,
    );
  }
}

/** Resolves a model and options into rules; throws `invalid-argument` on a malformed model or options. */
export function resolveStageRules(model: StageModel, options: StageMachineOptions = {}): StageRules {
  defineStageModel(model);
  checkCount(options.minSessions, "options.minSessions");
  const order = model.stages.map((stage) => stage.id);
  const overrides: Partial<Record<string, { minSessions?: number; requiresAgreement?: boolean }>> =
    options.readiness ?? {};
  for (const [stage, rule] of Object.entries(overrides)) {
    if (!order.includes(stage)) {
      throw new GroupworkError(
        "invalid-argument",
        `options.readiness names stage ${describeValue(stage)}, which is not in the stage model ${describeValue(model.id)}.`,
      );
    }
    checkCount(rule?.minSessions, `options.readiness.${stage}.minSessions`);
  }
  const onJoin = options.onMemberJoined ?? "suggest";
  if (onJoin !== "suggest" && onJoin !== "reopen-first-stage") {
    throw new GroupworkError(
      "invalid-argument",
      `options.onMemberJoined is ${describeValue(onJoin)}; use "suggest" or "reopen-first-stage".`,
    );
  }
  const requireAgreement = options.requireAgreement !== false;
  const readiness = new Map<string, ResolvedReadiness>();
  model.stages.forEach((stage, index) => {
    const override = overrides[stage.id];
    const minSessions = override?.minSessions ?? stage.readiness.minSessions ?? options.minSessions ?? 1;
    // NASW Code of Ethics 1.07(e)(f): the agreement on confidentiality comes before the group's work begins, so by
    // default only the first stage asks for it.
    const wantsAgreement = override?.requiresAgreement ?? stage.readiness.requiresAgreement ?? index === 0;
    readiness.set(stage.id, { minSessions, requiresAgreement: requireAgreement && wantsAgreement });
  });
  // defineStageModel has checked there are at least two stages, so both ends exist.
  const first = order[0] ?? model.finalStage;
  return {
    model,
    order,
    position: new Map(order.map((id, index) => [id, index])),
    first,
    final: model.finalStage,
    reforming: model.reformingStage ?? first,
    names: new Map(model.stages.map((stage) => [stage.id, nameInSentence(stage.label, stage.id)])),
    readiness,
    reopenOnJoin: onJoin === "reopen-first-stage",
  };
}

/**
 * How a stage reads inside a sentence: its label with the first letter in lower case ("Power and control" reads
 * "power and control", "Pre-affiliation" "pre-affiliation"), unless the label opens with an abbreviation ("AA
 * meeting"); the id with spaces for hyphens when the label is empty.
 */
function nameInSentence(label: string, id: string): string {
  const text = label.trim();
  if (text === "") return id.replaceAll("-", " ");
  const second = text.charAt(1);
  return second !== second.toLowerCase() ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

/** A stage as a sentence names it (see `nameInSentence`); `closed`, or an id the model lacks, as it is. */
export function stageName(rules: StageRules, stage: string): string {
  return rules.names.get(stage) ?? stage;
}
